# sys.modules holds every imported module, including builtins and __main__.
import sys
print(type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__)
import math
print(sys.modules["math"] is math)
print("collections" in sys.modules or True)
before = set(sys.modules)
import copy
print("copy" in set(sys.modules) - before or "copy" in before)
print(sys.builtin_module_names.__class__.__name__, "sys" in sys.builtin_module_names)
