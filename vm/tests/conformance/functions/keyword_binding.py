# Keyword arguments bound where they lie on the stack: in parameter order,
# out of order, with gaps filled by defaults, keyword-only parameters,
# *args / **kwargs collectors, bound methods, classes with __init__,
# f(*args, **kwargs), and every error the binder must report.


def f(a, b=2, c=3):
    return (a, b, c)


def g(a, *, k, m=5):
    return (a, k, m)


def h(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


def po(a, b, /, c=3, **kw):
    return (a, b, c, sorted(kw.items()))


def star(*args, **kwargs):
    return (args, sorted(kwargs.items()))


print(f(1, b=5))
print(f(1, c=7))
print(f(1, c=7, b=6))
print(f(a=1))
print(f(c=9, a=1))
print(f(1, 2, c=0))
print(g(1, k=2))
print(g(1, m=0, k=2))
print(g(k=3, a=4))
print(h(1, c=3))
print(h(1, 2, 3, 4, c=5, e=6, d=7))
print(h(1, c=0, z=1, y=2))
print(po(1, 2, c=4))
print(po(1, 2, a=9, b=8))
print(star(1, 2, x=3))
print(star(x=1))
print(star())


class C:
    def __init__(self, x, y=10, *, z=20):
        self.t = (x, y, z)

    def m(self, p, q=1, **rest):
        return (self.t, p, q, sorted(rest.items()))


c = C(1, z=3)
print(c.t)
print(C(y=2, x=1).t)
print(c.m(5, q=6, r=7))
bm = c.m
print(bm(p=0))
print(bm(1, 2, s=3))

args = (1,)
kwargs = {"c": 9}
print(f(*args, **kwargs))
print(f(*args))
print(f(*(1, 2, 3)))
print(f(*args, **{}))
print(g(*args, **{"k": 1}))
print(h(*(1, 2, 3), **{"c": 4, "extra": 5}))
print(C(*args, **{"z": 0}).t)
print(c.m(*args, **{"q": 2, "w": 3}))
print(star(*args, **kwargs))


def gen(a, b=1):
    yield a
    yield b


print(list(gen(1, b=2)), list(gen(*args, **{"b": 3})))


def closure_maker(base):
    def inner(x, y=0, *, scale=1):
        return (base + x + y) * scale

    return inner


inner = closure_maker(10)
print(inner(1, scale=2), inner(1, y=2), inner(*args, **{"scale": 3}))

# Defaults changed after definition are read at call time.
f.__defaults__ = (20, 30)
print(f(1, c=0), f(1, b=0))
g.__kwdefaults__ = {"m": 99}
print(g(1, k=0))


def err(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)


err(lambda: f(1, a=2))
err(lambda: f(1, d=2))
err(lambda: f(b=2))
err(lambda: f(1, 2, 3, 4, c=5))
err(lambda: g(1))
err(lambda: g(1, 2, k=3))
err(lambda: g(1, k=1, j=2))
err(lambda: po(a=1, b=2))
err(lambda: po(1, c=1))
err(lambda: h(1))
err(lambda: h(1, 2, 3))
err(lambda: C(z=1))
err(lambda: C(1, w=1))
err(lambda: c.m(q=1))
err(lambda: c.m(1, p=2))
err(lambda: f(*args, **{"a": 1}))
err(lambda: f(*(1, 2, 3, 4)))
err(lambda: f(**{"zz": 1}))
err(lambda: g(*args))
g.__kwdefaults__ = None
err(lambda: g(1))
f.__defaults__ = None
err(lambda: f(1, c=2))


def many(a, b, c, d, e, f, g, h, i, j):
    return a + b + c + d + e + f + g + h + i + j


print(many(1, 2, 3, 4, 5, j=1, i=2, h=3, g=4, f=5))
print(many(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10))


# Recursion through keyword calls still hits the limit cleanly.
def down(n, *, step=1):
    return down(n - step, step=step) if n else 0


print(down(100, step=1))
try:
    down(10**6, step=1)
except RecursionError:
    print("RecursionError")
