# Adding a folder to sys.path makes plain modules in it importable.
import sys
sys.path.insert(0, "mods")
import plain_mod
print(plain_mod.greet("you"), plain_mod.__name__)
import nspkg.part
print(nspkg.part.PART, hasattr(nspkg, "__file__") and nspkg.__file__)
print(sys.path[0], sys.path[1])
