"""A helper package for the import tests."""
print("pkg_demo: __init__ running, __name__ =", __name__)
VERSION = "1.0"
from .util import helper
