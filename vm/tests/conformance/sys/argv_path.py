# sys.argv, sys.path[0] and related values for a script run as "python3 name.py".
import sys
print(sys.argv, len(sys.argv), sys.argv[0])
print(sys.path[0])
print(isinstance(sys.path, list), all(isinstance(p, str) for p in sys.path))
print(sys.version_info[0], sys.version_info.major, sys.version_info >= (3, 0), type(sys.version).__name__)
print(sys.byteorder, sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxunicode)
print(sys.implementation.name in ("cpython", "skein"), isinstance(sys.executable, str), sys.platform.startswith("linux"))
