# bisect: the native _bisect functions, their arguments and messages.
import bisect
import _bisect


def t(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


L = [1, 2, 3, 3, 3, 5, 8]
for x in [0, 1, 3, 4, 8, 9]:
    print(x, bisect.bisect_left(L, x), bisect.bisect_right(L, x), bisect.bisect(L, x))
print("lo/hi", bisect.bisect_left(L, 3, 3), bisect.bisect_right(L, 3, 0, 3), bisect.bisect_left(L, 3, lo=4, hi=6))
print("hi=-1 is len", bisect.bisect_right(L, 9, 0, -1), "hi=-2", bisect.bisect_right(L, 9, 0, -2))
print("lo>hi", bisect.bisect_right([1, 2], 3, 5), bisect.bisect_left([1, 2], 0, 1, 0))
print("bool lo", bisect.bisect_right([1, 2], 3, True))
print("floats", bisect.bisect([0.5, 1.5, 2.5], 1.5), bisect.bisect_left([0.5, 1.5, 2.5], 1.5))
print("strs", bisect.bisect(["apple", "fig", "pear"], "grape"))
print("tuple seq", bisect.bisect_left((1, 2, 3), 2), "str seq", bisect.bisect_left("acegi", "d"))
print("range", bisect.bisect_left(range(0, 100, 5), 42))

S = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(S, x)
print("insort", S)
S = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort_left(S, x, 0)
print("insort_left", S)

# key functions: applied to items; insort also applies it to x.
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
key = lambda r: r[1]
print("key", bisect.bisect_left(recs, 3, key=key), bisect.bisect_right(recs, 3, key=key), bisect.bisect(recs, 4, key=key))
bisect.insort(recs, ("e", 3), key=key)
bisect.insort_left(recs, ("f", 3), key=key)
bisect.insort_right(recs, ("g", 0), key=key)
print("insort key", recs)
calls = []
def k(v):
    calls.append(v)
    return v
bisect.insort_left([10, 20, 30], 25, key=k)
print("key calls", calls)
t("key None", bisect.bisect, [1, 2, 3], 2, key=None)
t("key not callable", bisect.bisect_right, [1, 2, 3], 2, key=5)


class Tracker(list):
    def insert(self, i, x):
        print("  insert called", i, x)
        super().insert(i, x)


tr = Tracker([1, 3])
bisect.insort(tr, 2)
print("subclass", tr)


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        print("  getitem", i)
        return i * 10


print("custom seq", bisect.bisect_left(Seq(8), 35))


class Lt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("  lt", self.v, other.v)
        return self.v < other.v


print("lt calls right", bisect.bisect_right([Lt(1), Lt(2), Lt(3)], Lt(2)))
print("lt calls left", bisect.bisect_left([Lt(1), Lt(2), Lt(3)], Lt(2)))

# Argument errors, as CPython 3.11's argument clinic reports them.
t("no args", bisect.bisect_left)
t("one arg", bisect.bisect_left, L)
t("kw only x", bisect.bisect_left, L, x=3)
t("kw a x", bisect.bisect_left, a=L, x=3)
t("neg lo", bisect.bisect_left, L, 3, -1)
t("neg lo kw", bisect.insort_right, [], 3, lo=-5)
t("float lo", bisect.bisect_left, L, 3, 1.0)
t("None lo", bisect.bisect_left, L, 3, None)
t("float hi", bisect.bisect_left, L, 3, 1, 2.0)
t("str hi", bisect.bisect_right, L, 3, 0, "x")
t("None hi", bisect.bisect_right, L, 3, 0, None)
t("5 positional", bisect.bisect_left, L, 3, 0, 3, 4)
t("bad kw", bisect.bisect_left, L, 3, foo=1)
t("dup kw", bisect.insort_left, L, 3, 0, lo=1)
t("huge lo", bisect.bisect_left, L, 3, 2**70)
t("huge neg lo", bisect.bisect_left, L, 3, -2**70)
t("huge hi", bisect.bisect_left, L, 3, 0, 2**70)
t("hi past end", bisect.bisect_left, L, 3, 0, 100)
t("not a sequence", bisect.bisect_left, 5, 3)
t("dict", bisect.bisect_left, {1: 2}, 3)
t("insort tuple", bisect.insort_left, (1, 2), 3)
t("incomparable", bisect.bisect, [1, 2], "x")


class Idx:
    def __index__(self):
        return 2


print("__index__ lo/hi", bisect.bisect_left(L, 100, Idx(), Idx()))
print("module", sorted(n for n in dir(_bisect) if not n.startswith("__")))
print("aliases", bisect.bisect is _bisect.bisect_right, bisect.insort is _bisect.insort_right)
print("doc", _bisect.__doc__.splitlines()[0])
