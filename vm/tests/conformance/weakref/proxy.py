# weakref.proxy: forwarding attributes, operators and calls; ReferenceError.
import weakref


class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return self.v + o

    def __radd__(self, o):
        return o + self.v * 10

    def __iadd__(self, o):
        self.v += o
        return self

    def __mul__(self, o):
        return self.v * o

    def __neg__(self):
        return -self.v

    def __eq__(self, o):
        return isinstance(o, N) and o.v == self.v

    def __lt__(self, o):
        return self.v < o

    def __iter__(self):
        return iter([1, 2])

    def __len__(self):
        return 7

    def __getitem__(self, i):
        return i * 2

    def __setitem__(self, i, v):
        print("set", i, v)

    def __delitem__(self, i):
        print("del", i)

    def __contains__(self, x):
        return x == 3

    def __bool__(self):
        return False

    def __index__(self):
        return 4

    def __str__(self):
        return "N(%d)" % self.v

    def method(self):
        return "method of", self.v

    __hash__ = None


n = N(3)
p = weakref.proxy(n)
print(type(p).__name__, type(p) is weakref.ProxyType, p in weakref.ProxyTypes or True)
print(p.v, p.method(), p + 1, 1 + p, p * 2, -p, p == N(3), p < 5, p == p)
print(list(p), len(p), p[4], 3 in p, 4 in p, bool(p), str(p), [10, 20, 30, 40, 50][p])
p[1] = 2
del p[5]
p.w = 9
print(n.w, isinstance(p, N), p.__class__.__name__)
del p.w
print(hasattr(n, "w"))
q = p
q += 5
print(n.v, q is n)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
print(weakref.proxy(n) is p, weakref.getweakrefcount(n))


def func(a, b=2, *, c=3):
    return a, b, c


cp = weakref.proxy(func)
print(type(cp).__name__, cp(1, c=5), cp.__name__, callable(cp), callable(p))

calls = []
m = N(1)
pm = weakref.proxy(m, lambda w: calls.append(type(w).__name__))
print(weakref.proxy(m) is not pm)
del m
print(calls)
for op in (lambda: pm.v, lambda: pm + 1, lambda: len(pm), lambda: str(pm), lambda: pm.x.y):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError", e)
try:
    weakref.proxy(1)
except TypeError as e:
    print(e)


class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


it = It()
pi = weakref.proxy(it)
print(next(pi), list(pi))
n1 = N(1)
try:
    next(weakref.proxy(n1))
except TypeError as e:
    print(e)
