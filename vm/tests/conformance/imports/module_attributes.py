# Attributes of module objects.
import pkg_demo
import pkg_demo.util
print(pkg_demo.__name__, pkg_demo.__package__, pkg_demo.__doc__)
print(pkg_demo.__file__)
print(pkg_demo.util.__file__, pkg_demo.util.__package__)
print(__file__, __name__, __package__, __doc__)
print(type(pkg_demo).__name__, sorted(k for k in dir(pkg_demo.util) if not k.startswith("__")))
print(pkg_demo.__path__)
import types
m = types.ModuleType("made_up", "docstring")
m.x = 1
print(m.__name__, m.__doc__, m.x, repr(m))
print(pkg_demo.__spec__.name, pkg_demo.util.__spec__.parent)
