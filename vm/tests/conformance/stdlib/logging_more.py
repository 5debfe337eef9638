import logging, sys, io, warnings
sys.stderr = sys.stdout
s = io.StringIO()
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)-8s|%(name)s|%(message)s|%(lineno)d|%(funcName)s"))
lg = logging.getLogger("t")
lg.addHandler(h)
lg.propagate = False
def f():
    lg.warning("stack here", stack_info=True)
f()
logging.captureWarnings(True)
pw = logging.getLogger("py.warnings")
ph = logging.StreamHandler(sys.stdout)
ph.setFormatter(logging.Formatter("%(name)s|%(message)s"))
pw.addHandler(ph)
pw.propagate = False
warnings.warn("careful")
warnings.warn("dep", DeprecationWarning)
logging.captureWarnings(False)
class MyLogger(logging.Logger):
    def hello(self):
        self.warning("hello from %s", type(self).__name__)
logging.setLoggerClass(MyLogger)
ml = logging.getLogger("mine")
ml.addHandler(h); ml.propagate = False
ml.hello()
print(logging.getLoggerClass().__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print(e)
h.name = "hname"
print(h.name, h.get_name(), repr(h))
for spec in ["{levelname:>10}", "{message!r}", "{asctime:%Y}", "{x[0]}", "{a.b}", "{0}", "{:d}", "{levelname!x}"]:
    try:
        f = logging.Formatter(spec, style="{")
        print("ok", spec)
    except ValueError as e:
        print("ValueError", e)
for spec in ["%(message)s", "%(message)", "%(message)-10.3s", "%(x)d %(y)#x", "%%"]:
    try:
        logging.Formatter(spec)
        print("ok", spec)
    except ValueError as e:
        print("ValueError", e)
for spec in ["$message", "${message}", "$$", "$", "${bad"]:
    try:
        logging.Formatter(spec, style="$")
        print("ok", spec)
    except ValueError as e:
        print("ValueError", e)
r = logging.LogRecord("n", 20, "/p/a.py", 5, "m %s", ("x",), None, "fn")
print(r, r.module, r.filename, r.funcName, r.getMessage(), r.levelname)
r2 = logging.LogRecord("n", 20, "/p/a.py", 5, "m %(a)s", ({"a": 1},), None)
print(r2.getMessage(), r2.args)
f = logging.Formatter("%(message)s")
r3 = logging.makeLogRecord({"msg": "line", "exc_text": "EXC", "stack_info": "STACK"})
print(repr(f.format(r3)))
bf = logging.BufferingFormatter()
print(repr(bf.format([r3, r3])))
print(logging.getLevelName(logging.WARN), logging.WARN, logging.FATAL)
ad = logging.LoggerAdapter(lg, {"k": 1})
ad.warning("adapter %d", 5, extra={"ignored": 2})
lg.warning("extra", extra={"custom": 3})
lg.log(25, "level 25")
lg.setLevel("ERROR")
lg.warning("hidden")
print(lg.level, lg.getEffectiveLevel(), lg.isEnabledFor(40))
lg.setLevel(0)
lg.fatal("fatal")
logging.disable()
lg.critical("disabled")
logging.disable(0)
nh = logging.getLogger("none")
nh.propagate = False
nh.error("no handler, last resort")
logging.lastResort = None
nh.error("no handler at all")
nh.error("again")
