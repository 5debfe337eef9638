"""Compare vm/lib/importlib (import_module, reload) with CPython's importlib."""

import importlib as real_importlib
import os
import sys
import tempfile

import harness

mods = harness.load()
IL = mods["importlib"]
c = harness.Checker("importlib")

tmp = tempfile.mkdtemp(prefix="skein_importlib_")
PKG = "skein_il_pkg"


def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


write(f"{PKG}/__init__.py", "VERSION = 1\n")
write(f"{PKG}/util.py", "calls = 0\ndef bump():\n    global calls\n    calls += 1\n    return calls\n")
write(f"{PKG}/sub/__init__.py", "")
write(f"{PKG}/sub/leaf.py", "NAME = 'leaf'\nfrom .. import util\n")
sys.path.insert(0, tmp)


def fresh():
    for name in [n for n in sys.modules if n == PKG or n.startswith(PKG + ".")]:
        del sys.modules[name]
    real_importlib.invalidate_caches()


def summary(fn):
    fresh()
    r = harness.outcome(fn)
    if r[0] == "ok" and isinstance(r[1], type(sys)):
        return ("module", r[1].__name__)
    return r


CASES = [
    (f"{PKG}.sub.leaf", None),
    (PKG, None),
    (f"{PKG}.sub", None),
    (".util", PKG),
    ("..util", f"{PKG}.sub"),
    ("..", f"{PKG}.sub"),
    (".", PKG),
    ("...util", f"{PKG}.sub"),
    (".util", None),
    (".util", ""),
    ("nonexistent_mod_xyz", None),
    (f"{PKG}.missing", None),
    (f"{PKG}.util.deeper", None),
    ("", None),
    ("..leaf", f"{PKG}.sub.leaf"),
    (".leaf", f"{PKG}.sub"),
]


def test_import_module():
    for name, package in CASES:
        c.eq(f"import_module({name!r}, {package!r})", summary(lambda: IL.import_module(name, package)),
             summary(lambda: real_importlib.import_module(name, package)))
    for bad in (1, None):
        got = harness.outcome(lambda: IL.import_module(bad))
        want = harness.outcome(lambda: real_importlib.import_module(bad))
        c.eq(f"import_module({bad!r}) type", got[:2], want[:2])
    c.eq("_gcd_import non-str", harness.outcome(lambda: IL._gcd_import(1)),
         ("raise", "TypeError", "module name must be str, not <class 'int'>"))
    c.eq("_gcd_import bad package", harness.outcome(lambda: IL._gcd_import("x", 1, 1)),
         ("raise", "TypeError", "__package__ not set to a string"))
    c.eq("_gcd_import negative level", harness.outcome(lambda: IL._gcd_import("x", None, -1)),
         ("raise", "ValueError", "level must be >= 0"))


def test_reload():
    for imp in (IL, real_importlib):
        fresh()
        util = imp.import_module(f"{PKG}.util")
        util.bump()
        util.extra = "kept"
        again = imp.reload(util)
        c.eq(f"reload {imp is IL}", (again is util, util.calls, util.extra, util.bump(), util.calls),
             (True, 0, "kept", 1, 1))
    fresh()
    util = IL.import_module(f"{PKG}.util")
    util.bump()
    util.__loader__ = None
    util.__file__ = "<frozen util>"
    again = IL.reload(util)
    c.eq("reload without source", (again is util, util.calls, util.bump(), sys.modules[PKG].util is util),
         (True, 0, 1, True))
    for arg in (1, None, "x"):
        c.same(f"reload({arg!r})", lambda: IL.reload(arg), lambda: real_importlib.reload(arg))
    fresh()
    orphan = type(sys)("skein_il_orphan")
    c.same("reload orphan", lambda: IL.reload(orphan), lambda: real_importlib.reload(orphan))


for t in [test_import_module, test_reload]:
    c.run(t)
fresh()
c.done()
