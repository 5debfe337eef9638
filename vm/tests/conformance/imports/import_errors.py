# ImportError and ModuleNotFoundError messages and attributes.
try:
    import does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkg_demo.no_such_sub
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from pkg_demo import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    from pkg_demo.util import missing_function
except ImportError as e:
    print(e, e.name)
try:
    import pkg_bad.broken
except ZeroDivisionError as e:
    print("module body raised:", e)
import sys
print("pkg_bad.broken" in sys.modules, "pkg_bad" in sys.modules)
try:
    import pkg_bad.syntax_broken
except SyntaxError as e:
    print("SyntaxError in module:", e.msg, e.lineno, e.filename.endswith("syntax_broken.py"))
try:
    __import__("")
except ValueError as e:
    print(e)
