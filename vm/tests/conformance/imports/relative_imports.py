# Relative imports inside packages, and their failure at top level.
import pkg_demo.sub.deep
print(pkg_demo.sub.deep.SIBLING_NAME, pkg_demo.sub.deep.__package__, pkg_demo.sub.deep.__name__)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
print(__package__, __name__)
