print(reversed.__init__ is object.__init__, enumerate.__init__ is object.__init__)
class E(enumerate):
    pass
print(list(E("ab", 1)))
class R(reversed):
    def __init__(self, seq):
        self.n = len(seq)
r = R((1, 2, 3))
print(r.n, list(r))
print(list(reversed((1, 2, 3))), list(reversed([4, 5])), list(reversed(range(3))))
l = [1, 2, 3, 4]
it = reversed(l)
next(it); l.clear(); print(list(it))
try:
    enumerate([], 0, 1)
except TypeError as e:
    print(e)
try:
    reversed.__init__(reversed(()), 1, 2)
    print("ok")
except TypeError as e:
    print(e)
def f(a, b=2, c=3): return a + b + c
print(f(1), f(1, 5), f(1, 5, 7))
try: f()
except TypeError as e: print(e)
class C:
    def m(self, x, y=10): return x + y
    def __call__(self, z, w=1): return z * w
print(C().m(1), C()(3), C()(3, 4))
f.__defaults__ = (100,)
print(f(1, 2))
try: f(1)
except TypeError as e: print(e)
