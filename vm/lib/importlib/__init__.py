"""A small `importlib`: import_module, reload and invalidate_caches.

Importing is done by the runtime's `__import__`; this module only resolves
relative names (as CPython's importlib._bootstrap does, with the same errors)
and looks the result up in sys.modules.

reload() re-executes the module's source in the module's own namespace when
it can obtain the source (through `__loader__.get_source` or by reading
`__file__` with the builtin open).  Otherwise -- for the runtime's embedded
modules, or without `open` -- it imports the module afresh under its name and
copies the fresh namespace into the old module object, which is put back in
sys.modules and in its parent package; functions defined by the re-executed
code then see the fresh namespace as their globals.
"""

import sys

__all__ = ["__import__", "import_module", "invalidate_caches", "reload"]

_ModuleType = type(sys)
_RELOADING = {}


def _resolve_name(name, package, level):
    """The absolute name of a relative import of name, level dots deep, from package."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def _sanity_check(name, package, level):
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        if not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")


def _gcd_import(name, package=None, level=0):
    """Import and return the module name (resolved against package when level > 0)."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    module = sys.modules.get(name)
    if module is None:
        __import__(name)
        module = sys.modules[name]
    return module


def import_module(name, package=None):
    """Import a module and return it (not its top-level package).

    A name starting with dots is relative to package, which is then required:
    import_module('..mod', 'pkg.subpkg') imports pkg.mod."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        for character in name:
            if character != ".":
                break
            level += 1
    return _gcd_import(name[level:], package, level)


def invalidate_caches():
    """Clear the finders' caches: the runtime keeps none."""
    for finder in getattr(sys, "meta_path", ()):
        method = getattr(finder, "invalidate_caches", None)
        if method is not None:
            method()


def _source_of(module, name):
    """(source, filename) of a module, or None when it cannot be read."""
    loader = getattr(module, "__loader__", None)
    get_source = getattr(loader, "get_source", None)
    filename = getattr(module, "__file__", None)
    if get_source is not None:
        try:
            source = get_source(name)
        except ImportError:
            source = None
        if source is not None:
            return source, filename or f"<{name}>"
    if not isinstance(filename, str) or filename.startswith("<"):
        return None
    try:
        opener = open
    except NameError:
        return None
    try:
        with opener(filename, encoding="utf-8") as f:
            return f.read(), filename
    except OSError:
        return None


def _reexecute(module, name):
    found = _source_of(module, name)
    if found is not None:
        source, filename = found
        exec(compile(source, filename, "exec"), module.__dict__)
        return
    # No source: import a fresh copy and move its namespace over.
    del sys.modules[name]
    try:
        __import__(name)
        fresh = sys.modules[name]
    finally:
        sys.modules[name] = module
    if fresh is not module:
        module.__dict__.update(fresh.__dict__)
    parent_name, _, child = name.rpartition(".")
    if parent_name:
        parent = sys.modules.get(parent_name)
        if parent is not None:
            setattr(parent, child, module)


def reload(module):
    """Re-execute an already imported module's code in its namespace; return it."""
    if not module or not isinstance(module, _ModuleType):
        raise TypeError("reload() argument must be a module")
    spec = getattr(module, "__spec__", None)
    name = getattr(spec, "name", None) if spec is not None else None
    if name is None:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module") from None
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        if parent_name and parent_name not in sys.modules:
            raise ImportError(f"parent {parent_name!r} not in sys.modules", name=parent_name)
        _reexecute(module, name)
        # The module may have replaced itself in sys.modules.
        return sys.modules[name]
    finally:
        _RELOADING.pop(name, None)
