# Calls that put a receiver in front of the arguments (bound methods,
# __init__, __call__, bound builtins), with few and with many positional
# and keyword arguments, and the errors they raise.
class C:
    def __init__(self, *a, **k):
        self.a, self.k = a, sorted(k.items())
    def m(self, *a, **k):
        return len(a), a[-1:] if a else (), sorted(k)
    def __call__(self, a, b=2, *rest, c, **kw):
        return a, b, rest, c, sorted(kw.items())

o = C()
print(o.m(), o.m(1), o.m(1, 2, 3, 4, 5, 6), o.m(1, 2, 3, 4, 5, 6, 7), o.m(*range(20), x=1, y=2))
print(C(*range(7)).a, C(*range(12), z=3).k, len(C(*range(30)).a))
print(o(1, c=3), o(1, 2, 3, 4, 5, 6, 7, 8, 9, c=0, d=1), o(*range(10), c=5, **{"e": 1, "f": 2}))
for bad in [lambda: o(), lambda: o(1, 2), lambda: o.m(1, **{"x": 1}, x=2), lambda: C.m()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
push = [].append
push(1)
ins = [0, 0].insert
ins(1, 5)
print(push.__self__, ins.__self__, "abc".startswith("a"), "-".join(map(str, range(12))))
print(max(*range(15)), min(3, 1, 2, key=lambda x: -x), sorted(range(10), key=(lambda x: -x)))
