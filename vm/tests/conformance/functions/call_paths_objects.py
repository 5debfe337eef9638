# Calls that run as inline frames: instances with __call__, classes with a
# Python __init__ (remembered per call site, by class version), and special
# methods written in Python called from the runtime.


class Adder:
    def __init__(self, base):
        self.base = base

    def __call__(self, x, y=0, *, scale=1):
        return (self.base + x + y) * scale


add = Adder(10)
print(add(1), add(1, 2), add(1, scale=3), add(x=5, y=1))
print(add(*(1, 2)), add(*(1,), **{"scale": 2}))
print(list(map(add, [1, 2, 3])))
try:
    add()
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, z=2)
except TypeError as e:
    print("TypeError:", e)


class Gen:
    def __call__(self, n):
        yield from range(n)


print(list(Gen()(3)))

# __call__ on the instance is ignored; on the class it is used.
add.__call__ = lambda *a: "instance"
print(add(1))
Adder.__call__ = lambda self, *a: ("class", a)
print(add(1, 2))
del Adder.__call__
try:
    add(1)
except TypeError as e:
    print("TypeError:", e)


class Sub(Adder):
    def __call__(self, x):
        return super().__init__(x) or ("sub", self.base)


print(Sub(1)(7))


# Classes: the cached __init__ follows changes to the class and its bases.
class P:
    def __init__(self, x):
        self.x = x


def make(cls, v):
    return cls(v)


for i in range(3):
    print(make(P, i).x)


def init2(self, x):
    self.x = ("new", x)


P.__init__ = init2
print(make(P, 5).x)


class Q(P):
    pass


print(make(Q, 1).x)
P.__init__ = lambda self, x: setattr(self, "x", ("lambda", x))
print(make(Q, 2).x, make(P, 3).x)
Q.__init__ = lambda self, x, y=9: setattr(self, "x", (x, y))
print(make(Q, 4).x)
print(Q(1, y=2).x)


def bad_init(self, x):
    return 1


P.__init__ = bad_init
try:
    make(P, 1)
except TypeError as e:
    print("TypeError:", e)


class New:
    def __new__(cls, x):
        return "made by __new__"

    def __init__(self, x):
        print("not run")


print(make(New, 1))
for cls in (P, New, int, str, Q):
    try:
        print(repr(make(cls, 7))[:15])
    except TypeError as e:
        print("TypeError:", e)


class Meta(type):
    def __call__(cls, *a, **k):
        return ("meta", a, k)


class M(metaclass=Meta):
    def __init__(self, x):
        self.x = x


print(make(M, 1), M(x=2))


# Special methods written in Python.
class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + o.v) if isinstance(o, V) else NotImplemented

    def __radd__(self, o):
        return V(o + self.v)

    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v

    def __hash__(self):
        return hash(self.v)

    def __len__(self):
        return self.v

    def __bool__(self):
        return self.v > 1

    def __getitem__(self, i):
        if i >= self.v:
            raise IndexError(i)
        return i * i

    def __contains__(self, x):
        return x == self.v

    def __repr__(self):
        return f"V({self.v})"


a, b = V(2), V(3)
print(a + b, 1 + a, a == V(2), a != b, hash(a) == hash(2), len(b), bool(a), bool(V(1)))
print(a[1], list(b), 3 in b, 4 in b, {a: 1}[V(2)])
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(V(-1))
except ValueError as e:
    print("ValueError:", e)


class It:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(It(4)), sum(It(10)), sorted(It(3)))


class Deep:
    def __len__(self):
        return len(self)


try:
    len(Deep())
except RecursionError:
    print("RecursionError")


# with blocks: __exit__ written in Python, called on normal exit and on
# exceptions (suppressing or not), and a bound method as __exit__.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb, extra="x"):
        print("exit", self.name, t.__name__ if t else None, extra)
        return self.suppress


with CM("a") as m:
    print("body", m.name)
with CM("b", True):
    raise KeyError(1)
try:
    with CM("c"):
        raise ValueError(2)
except ValueError as e:
    print("propagated", repr(e))
with CM("d"), CM("e"):
    pass


class CM2:
    __enter__ = CM.__enter__
    name = "f"

    def __exit__(self, *args):
        print("exit2", len(args))


with CM2():
    pass
