# __spec__ of modules, module reprs and submodules of non-packages.
import sys
import types
import pkg_demo.util
print(repr(types.ModuleType("m")), repr(types.ModuleType("m", "doc")))
print(repr(sys), sys.__spec__.name, sys.__spec__.origin, sys.__spec__.parent, sys.__spec__.has_location)
s = pkg_demo.__spec__
print(s.name, s.parent, s.has_location, s.origin.endswith("pkg_demo/__init__.py"))
u = pkg_demo.util.__spec__
print(u.name, u.parent, u.submodule_search_locations, u.cached.endswith("util.cpython-311.pyc"))
print(pkg_demo.util.__cached__.endswith("__pycache__/util.cpython-311.pyc"), __spec__)
print(repr(pkg_demo.util).startswith("<module 'pkg_demo.util' from '"), repr(pkg_demo.util).endswith("util.py'>"))
m = types.ModuleType("fake")
m.__file__ = "/somewhere/fake.py"
print(repr(m))
try:
    import pkg_demo.util.deeper
except ModuleNotFoundError as e:
    print(e, e.name)
sys.path.insert(0, "mods")
import nspkg
print(nspkg.__file__, nspkg.__spec__.origin, nspkg.__spec__.name, list(nspkg.__path__)[0].endswith("imports/nspkg"))
print(nspkg.__package__, nspkg.__spec__.parent, nspkg.__spec__.has_location)
try:
    from nspkg import missing
except ImportError as e:
    print(e)
