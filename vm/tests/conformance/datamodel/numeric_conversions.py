# __int__, __float__, __index__, __complex__, __round__, __trunc__, __floor__, __ceil__.
import math
class N:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __index__(self):
        return 3
    def __complex__(self):
        return 1 + 2j
    def __round__(self, nd=None):
        return f"round({nd})"
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
n = N()
print(int(n), float(n), complex(n), round(n), round(n, 2))
print(math.trunc(n), math.floor(n), math.ceil(n))
print(bin(n), hex(n), oct(n), [0, 1, 2, 3][n], "abcd"[n])
class OnlyIndex:
    def __index__(self):
        return 4
print(int(OnlyIndex()), range(10)[OnlyIndex()], (1).__add__(OnlyIndex()) if False else "skip")
try:
    int(object())
except TypeError as e:
    print(e)
try:
    float([])
except TypeError as e:
    print(e)
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(e)
