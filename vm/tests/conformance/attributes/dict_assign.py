# __dict__ assignment, vars(), __class__ assignment, slots with a dict,
# __getattr__ fallbacks and class attributes seen through instances.
class A:
    k = "class-k"

    def __init__(self):
        self.x = 1
        self.y = 2

    def m(self):
        return "A.m"


a = A()
old = a.__dict__
a.__dict__ = {"z": 3}
print(vars(a), old, a.k)
try:
    a.x
except AttributeError as e:
    print("AttributeError", e)
a.w = 4
print(vars(a), a.z, a.w)
try:
    a.__dict__ = [1]
except TypeError as e:
    print("TypeError", e)

b = A()
b.k = "inst-k"
print(b.k, A().k)
del b.k
print(b.k)
b.m = lambda: "inst-m"
print(b.m(), A().m())
del b.m
print(b.m())


class B:
    def m(self):
        return "B.m"


c = A()
c.__class__ = B
print(type(c).__name__, vars(c), c.m(), c.x)
c.y = 20
print(vars(c))


class Sl:
    __slots__ = ("s", "__dict__")


s = Sl()
s.s = 1
s.t = 2
print(s.s, s.t, vars(s))
del s.s
try:
    s.s
except AttributeError as e:
    print("AttributeError", e)


class G:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "missing:" + name


g = G()
print(g.real, g.fake)
g.fake = 2
print(g.fake)
del g.fake
print(g.fake, vars(g))


class GA:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)


ga = GA()
ga.v = 5
print(ga.magic, ga.v, vars(ga))


class Prop:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, x):
        self._v = x


pr = Prop()
pr.v = 3
print(pr.v, vars(pr))
pr.__dict__["v"] = "shadow?"
print(pr.v)
print(sorted(vars(A())), A().__dict__ == {"x": 1, "y": 2})
e = A()
del e.__dict__
print(vars(e), e.k)
e.n = 1
print(vars(e))
