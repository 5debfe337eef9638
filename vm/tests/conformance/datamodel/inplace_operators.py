# In-place operators, falling back to the binary operator.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print("__iadd__")
        self.items.append(x)
        return self
    def __add__(self, x):
        print("__add__")
        return "new object"
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("OnlyAdd.__add__")
        return OnlyAdd(self.v + o)
a = Acc()
before = a
a += 1
a += 2
print(a.items, a is before)
o = OnlyAdd(1)
old = o
o += 5
print(o.v, o is old)
class ReturnsOther:
    def __imul__(self, k):
        return "replaced"
r = ReturnsOther()
r *= 3
print(r)
class All:
    def __isub__(s, o): return "isub"
    def __itruediv__(s, o): return "itruediv"
    def __ifloordiv__(s, o): return "ifloordiv"
    def __imod__(s, o): return "imod"
    def __ipow__(s, o): return "ipow"
    def __ilshift__(s, o): return "ilshift"
    def __irshift__(s, o): return "irshift"
    def __iand__(s, o): return "iand"
    def __ior__(s, o): return "ior"
    def __ixor__(s, o): return "ixor"
    def __imatmul__(s, o): return "imatmul"
res = []
for op in ["-=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]:
    x = All()
    exec(f"x {op} 1")
    res.append(x)
print(res)
try:
    n = None
    n += 1
except TypeError as e:
    print(e)
