import logging, logging.handlers, sys, io, threading, queue, os

sys.stderr = sys.stdout
logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s|%(funcName)s", level=logging.INFO)
logging.info("info %s", "root")
logging.debug("no")
def g():
    try:
        {}["k"]
    except KeyError:
        logging.exception("failed %d", 7)
g()
try:
    1 / 0
except ZeroDivisionError as e:
    logging.getLogger("x.y").error("with exc", exc_info=e)
    logging.getLogger("x.y").error("with exc tuple", exc_info=sys.exc_info())
logging.warning("stack", stack_info=False)
logging.basicConfig(level=logging.ERROR)  # no effect
print(logging.root.level, len(logging.root.handlers))
for kw in [dict(stream=sys.stdout, filename="f"), dict(handlers=[], stream=sys.stdout), dict(bogus=1, force=True)]:
    try:
        logging.basicConfig(**kw)
    except ValueError as e:
        print("ValueError", e)
logging.basicConfig(force=True, style="{", format="{levelname}-{message}", stream=sys.stdout)
logging.warning("braces")
logging.basicConfig(force=True, style="$", format="$levelname-$message", stream=sys.stdout)
logging.warning("dollars")

def helper(msg):
    logging.getLogger("sl").warning(msg, stacklevel=2)
def caller():
    helper("stacklevel")
logging.basicConfig(force=True, format="%(funcName)s:%(lineno)d:%(message)s", stream=sys.stdout)
caller()

# file handler
fn = "logging_config_tmp.log"
fh = logging.FileHandler(fn, mode="w")
print(repr(fh).replace(os.getcwd(), "CWD"), fh.mode)
fl = logging.getLogger("file")
fl.addHandler(fh)
fl.propagate = False
fl.warning("line one")
fl.error("line two %r", [1])
fh.close()
with open(fn) as f:
    print(repr(f.read()))
fh = logging.FileHandler(fn, delay=True)
print(fh.stream)
fl.removeHandler(fh)
os.remove(fn)

# handleError
class Bad:
    def __str__(self):
        raise RuntimeError("no str")
bl = logging.getLogger("bad")
err = io.StringIO()
sys.stderr = err
bl.warning("%d items", "x")
logging.raiseExceptions = False
bl.warning("%d items", "x")
logging.raiseExceptions = True
sys.stderr = sys.stdout
# The traceback's frames are in logging's own file: show the rest.
for line in err.getvalue().splitlines():
    if not line.startswith(" ") or "log" in line and "config" in line:
        print(line)

# queue handler / listener
q = queue.Queue()
out = io.StringIO()
target = logging.StreamHandler(out)
target.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
listener = logging.handlers.QueueListener(q, target)
ql = logging.getLogger("q")
ql.propagate = False
qh = logging.handlers.QueueHandler(q)
ql.addHandler(qh)
listener.start()
def work(i):
    for j in range(20):
        ql.warning("t%d m%d", i, j)
ts = [threading.Thread(target=work, args=(i,), name="W%d" % i) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
listener.stop()
lines = out.getvalue().splitlines()
print(len(lines), sorted(lines)[:3], sorted(lines)[-1])
print(all(l.split()[0] == "W" + l.split()[1][1:] for l in lines))

# memory handler
out = io.StringIO()
t2 = logging.StreamHandler(out)
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=t2)
ml = logging.getLogger("mem"); ml.propagate = False; ml.addHandler(mh)
ml.warning("a"); ml.warning("b")
print(repr(out.getvalue()))
ml.error("c")
print(repr(out.getvalue()))
ml.warning("d"); mh.close()
print(repr(out.getvalue()))

# rotating
rf = "logging_config_rot.log"
rh = logging.handlers.RotatingFileHandler(rf, maxBytes=30, backupCount=2)
rl = logging.getLogger("rot"); rl.propagate = False; rl.addHandler(rh)
for i in range(8):
    rl.warning("message number %d", i)
rh.close()
for name in [rf, rf + ".1", rf + ".2", rf + ".3"]:
    if os.path.exists(name):
        with open(name) as f:
            print(name, repr(f.read()))
        os.remove(name)
logging.shutdown()
print("done")
