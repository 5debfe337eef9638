# SystemExit can be caught; its code attribute holds the argument.
import sys
for arg in [None, 0, 5, "text"]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
sys.exit(None)
