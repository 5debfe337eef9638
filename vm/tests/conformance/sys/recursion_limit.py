# getrecursionlimit/setrecursionlimit and RecursionError.
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d < 1000)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
d2 = depth(0)
print(100 < d2 < 200)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
def infinite():
    return infinite()
try:
    infinite()
except RecursionError as e:
    print("RecursionError:", e)
