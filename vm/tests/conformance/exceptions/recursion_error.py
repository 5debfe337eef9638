# Infinite recursion raises RecursionError, which is catchable; the stack recovers.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
