# Modules execute once; later imports come from sys.modules.
import sys
print("pkg_demo" in sys.modules)
import pkg_demo
import pkg_demo
import pkg_demo.util
print("pkg_demo" in sys.modules, sys.modules["pkg_demo"] is pkg_demo, sys.modules["pkg_demo.util"] is pkg_demo.util)
def again():
    import pkg_demo as p
    return p
print(again() is pkg_demo)
pkg_demo.util.calls = 100
from pkg_demo import util
print(util.calls)
sys.modules["fake_module"] = "anything can live in sys.modules"
import fake_module
print(fake_module)
del sys.modules["pkg_demo.util"]
import pkg_demo.util as reloaded
print(reloaded is util, reloaded.calls)
