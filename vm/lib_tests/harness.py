"""Test harness: load Skein's pure-Python library modules under CPython.

The modules in vm/lib have the same names as CPython's standard modules, and
CPython has already imported several of those (abc, types, ...) at start-up,
some of them are built into the interpreter (itertools), and they import each
other by their plain names.  `load()` therefore swaps them in for the duration
of one import pass: it sets aside CPython's entries in sys.modules, puts a
finder for vm/lib in front of every other finder, imports every Skein module,
then takes them out again and puts CPython's modules back.  Imports that the
Skein modules make at their top level bind to the Skein versions; the test
scripts compare those against CPython's real modules.

`Checker` collects results; a test script ends with `checker.done()`, which
exits with status 1 when anything failed, so that run.sh notices.
"""

import importlib
import importlib.machinery
import os
import sys
import traceback

LIB = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "lib"))


# Modules that stand on parts of Skein's native modules CPython does not
# have (`_re`, `_skein_traceback`, `posix._environ`): they stay CPython's
# during the import pass, so Skein modules importing them get CPython's.
_NEEDS_SKEIN_NATIVE = {"re", "linecache", "traceback", "warnings", "os"}


def _lib_names():
    names = set()
    for entry in os.listdir(LIB):
        path = os.path.join(LIB, entry)
        if entry.endswith(".py"):
            names.add(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            names.add(entry)
    return names - _NEEDS_SKEIN_NATIVE


class _LibFinder:
    """Finds only vm/lib modules; consulted before the built-in importer."""

    names = set()

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.partition(".")[0] not in cls.names:
            return None
        return importlib.machinery.PathFinder.find_spec(name, [LIB] if path is None else path)


_loaded = None


def load():
    """Return {name: module} for every vm/lib module, loaded once."""
    global _loaded
    if _loaded is not None:
        return _loaded
    names = _lib_names()
    _LibFinder.names = names

    def ours(key):
        return key.partition(".")[0] in names

    saved = {k: v for k, v in sys.modules.items() if ours(k)}
    for k in saved:
        del sys.modules[k]
    sys.meta_path.insert(0, _LibFinder)
    loaded = {}
    try:
        for name in sorted(names):
            importlib.import_module(name)
        loaded = {k: v for k, v in sys.modules.items() if ours(k)}
    finally:
        sys.meta_path.remove(_LibFinder)
        for k in [k for k in sys.modules if ours(k)]:
            del sys.modules[k]
        sys.modules.update(saved)
    for k, mod in loaded.items():
        assert os.path.abspath(mod.__file__).startswith(LIB), (k, mod.__file__)
    _loaded = loaded
    return loaded


def outcome(fn, *args, **kwargs):
    """Call fn; return ('ok', result) or ('raise', exception type name, message)."""
    try:
        return ("ok", fn(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - the exception is the result
        return ("raise", type(e).__name__, str(e))


class Checker:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def eq(self, label, got, expected):
        if got == expected and type(got) is type(expected):
            self.passed += 1
            return True
        self.failed += 1
        print(f"FAIL {self.name}: {label}\n   got:      {got!r}\n   expected: {expected!r}")
        return False

    def true(self, label, cond):
        return self.eq(label, bool(cond), True)

    def same(self, label, fn_skein, fn_cpython, *args, **kwargs):
        """Both calls must give equal results or raise the same type with the same message."""
        return self.eq(label, outcome(fn_skein, *args, **kwargs), outcome(fn_cpython, *args, **kwargs))

    def raises(self, label, exc_type, message, fn, *args, **kwargs):
        got = outcome(fn, *args, **kwargs)
        return self.eq(label, got[:3] if got[0] == "raise" else got,
                       ("raise", exc_type.__name__, message) if message is not None else got)

    def run(self, fn):
        """Run one test function; an unexpected exception counts as a failure."""
        try:
            fn()
        except Exception:  # noqa: BLE001
            self.failed += 1
            print(f"FAIL {self.name}: {fn.__name__} raised")
            traceback.print_exc()

    def done(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
