# Output on both streams before an uncaught error.
import sys
print("out 1")
print("err 1", file=sys.stderr)
print("out 2")
raise UnicodeError("final failure")
