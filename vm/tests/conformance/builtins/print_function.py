# print with sep, end, file and flush.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end="!\n")
print()
print("no newline", end="")
print(" continued")
print(1, 2.0, None, True, [1], {"k": "v"}, sep=" | ")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep="-", end=".\n")
print("x", sep=None, end=None)
print("tab\tseparated", "multi\nline")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("captured", 42, file=w)
print(w.parts)
for bad in [dict(sep=5), dict(end=b"x"), dict(file=5)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
sys.stdout.write("direct write\n")
print(sys.stdout.write("abc"), )
