# importlib.import_module and reload.
import importlib
m = importlib.import_module("pkg_demo.sub.sibling")
print(m.NAME)
rel = importlib.import_module(".util", "pkg_demo")
print(rel.__name__)
rel.calls = 55
again = importlib.reload(rel)
print(again is rel, again.calls)
