# Attributes added after many instances exist, more attributes than any
# layout holds, and names built at run time.
class R:
    def __init__(self, i):
        self.i = i


rs = [R(i) for i in range(200)]
for r in rs[::3]:
    r.extra = r.i * 2
for r in rs[::7]:
    r.other = -r.i
print(sum(r.i for r in rs), sum(getattr(r, "extra", 0) for r in rs), sum(getattr(r, "other", 0) for r in rs))
print(vars(rs[21]), vars(rs[1]), hasattr(rs[1], "extra"))

big = R(0)
for k in range(100):
    setattr(big, "attr_" + str(k), k)
print(len(vars(big)), big.attr_0, big.attr_99, list(vars(big))[:3], list(vars(big))[-2:])
r2 = R(5)
for k in range(100):
    setattr(r2, "attr_" + str(k), k * 2)
print(r2.attr_50, r2.attr_99, getattr(r2, "attr_" + "7"))
del r2.attr_3
print(hasattr(r2, "attr_3"), len(vars(r2)))


class S(str):
    pass


o = R(1)
setattr(o, S("sub"), 3)
print(o.sub, vars(o))
o.__dict__[7] = "seven"
print(vars(o))
try:
    setattr(o, 7, 1)
except TypeError as e:
    print("TypeError", e)
