import logging, sys, io

print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(15), logging.getLevelName("FOO"))
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15), logging.getLevelName("VERBOSE"))
print(sorted(logging.getLevelNamesMapping().items()))
for bad in ["NOPE", 1.5, None]:
    try:
        logging.getLogger("x").setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

root = logging.getLogger()
print(root, repr(root), root is logging.root, logging.getLogger("root") is root)
a = logging.getLogger("a.b.c")
print(a, a.parent)
ab = logging.getLogger("a.b")
print(a.parent is ab, ab.parent is root)
print(logging.getLogger("a").getChild("b") is ab)
print(type(logging.Logger.manager.loggerDict["a"]).__name__)

s = io.StringIO()
h = logging.StreamHandler(s)
print(repr(h))
h.setFormatter(logging.Formatter("%(name)s|%(levelname)s|%(levelno)d|%(message)s|%(funcName)s|%(module)s|%(filename)s|%(lineno)d|%(threadName)s|%(processName)s"))
ab.addHandler(h)
ab.setLevel(logging.DEBUG)
print(repr(ab), repr(a))
a.debug("hello %s %d", "w", 3)
def fn():
    a.info("dict %(x)s", {"x": 5})
fn()
a.log(15, "verbose")
ab.propagate = False
a.warning("no prop")
try:
    a.log("x", "bad")
except TypeError as e:
    print("TypeError", e)
print(s.getvalue(), end="")

# styles
class R: pass
rec = logging.makeLogRecord({"msg": "m %s", "args": (1,), "name": "n", "levelname": "INFO"})
print(rec.getMessage(), rec.name)
for fmt, st in [("{name}:{message!r:>8}", "{"), ("$name:${message}", "$"), ("%(name)s:%(message)5s", "%")]:
    f = logging.Formatter(fmt, style=st)
    print(f.format(rec), f.usesTime())
for fmt, st in [("{x!z}", "{"), ("nothing", "%"), ("nothing", "{"), ("$", "$"), ("no", "$"), ("x", "#")]:
    try:
        logging.Formatter(fmt, style=st)
    except ValueError as e:
        print("ValueError", e)
f = logging.Formatter("%(x)s %(message)s", defaults={"x": "DEF"})
print(f.format(rec))
f = logging.Formatter("%(nothere)s")
try:
    f.format(rec)
except ValueError as e:
    print("ValueError", e)
rec.created = 1000000000.123
rec.msecs = 123.0
f = logging.Formatter("%(asctime)s %(message)s")
print(f.format(rec), f.usesTime())
f = logging.Formatter("%(asctime)s %(message)s", datefmt="%H:%M")
print(f.format(rec))
print(repr(logging.Formatter()._fmt), logging.Formatter("{message}", style="{")._fmt)

# filters
flt = logging.Filter("a.b")
for n in ["a.b", "a.b.c", "a.bc", "a", "x"]:
    print(n, flt.filter(logging.makeLogRecord({"name": n})))
s2 = io.StringIO()
h2 = logging.StreamHandler(s2)
lg = logging.getLogger("flt")
lg.addHandler(h2)
lg.propagate = False
h2.addFilter(lambda r: "secret" not in r.msg)
lg.warning("public")
lg.warning("secret stuff")
lg.addFilter(logging.Filter("other"))
lg.warning("filtered")
print(repr(s2.getvalue()))

# LoggerAdapter
s3 = io.StringIO()
h3 = logging.StreamHandler(s3)
h3.setFormatter(logging.Formatter("%(user)s %(message)s"))
la = logging.getLogger("adapt")
la.addHandler(h3)
la.propagate = False
ad = logging.LoggerAdapter(la, {"user": "bob"})
ad.warning("hi %d", 1)
print(repr(ad), ad.name, ad.manager is logging.Logger.manager)
class Pref(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return "[%s] %s" % (self.extra["p"], msg), kwargs
h3.setFormatter(logging.Formatter("%(message)s"))
Pref(la, {"p": "X"}).error("boom")
print(s3.getvalue(), end="")
try:
    la.warning("x", extra={"message": 1})
except KeyError as e:
    print("KeyError", e)

# lastResort and root
lr = logging.getLogger("lr")
print(lr.hasHandlers(), logging.lastResort)
sys.stderr = sys.stdout
lr.warning("to last resort")
lr.info("not shown")
logging.NullHandler()
print(repr(logging.NullHandler()), repr(logging.Handler()))
try:
    logging.Handler().emit(None)
except NotImplementedError as e:
    print("NotImplementedError", e)
print(lr.isEnabledFor(30), lr.isEnabledFor(10), lr.getEffectiveLevel())
logging.disable(logging.WARNING)
print(lr.isEnabledFor(30), lr.isEnabledFor(40))
logging.disable(logging.NOTSET)
print(lr.isEnabledFor(30))
