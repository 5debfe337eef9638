# Class creation details: __mro_entries__, metaclass choice in type(), metaclass __call__, __set_name__ errors, slots rules.
class Alias:
    def __init__(self, *bases):
        self.bases = bases
    def __mro_entries__(self, orig_bases):
        print("mro_entries", len(orig_bases))
        return self.bases
class A: pass
class B: pass
class C(Alias(A, B)):
    pass
print([k.__name__ for k in C.__mro__], [type(b).__name__ for b in C.__orig_bases__], C.__bases__ == (A, B))
print("__orig_bases__" in A.__dict__)
try:
    type("D", (Alias(A),), {})
except TypeError as e:
    print(e)
for args in [(), (1, 2), ("X", (), {}, 4)]:
    try:
        type(*args)
    except TypeError as e:
        print(e)
try:
    type.__new__(type, "X", [], {})
except TypeError as e:
    print(e)
try:
    type("X", (), {"__qualname__": 5})
except TypeError as e:
    print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name)
        return super().__new__(mcls, name, bases, ns)
class Base(metaclass=Meta): pass
Derived = type("Derived", (Base,), {})
print(type(Derived).__name__, Derived.__base__.__name__)
class Singleton(type):
    def __call__(cls, *args, **kw):
        if "inst" not in cls.__dict__:
            cls.inst = super().__call__(*args, **kw)
        return cls.inst
class Config(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v
print(Config(1) is Config(2), Config().v, callable(Config))
class Factory(type):
    def __call__(cls, *args):
        return ("made", cls.__name__, args)
class Thing(metaclass=Factory): pass
print(Thing(1, 2))
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class Owner:
        attr = Bad()
except RuntimeError as e:
    print(type(e).__name__, e, "|", type(e.__cause__).__name__, e.__cause__)
class Named:
    def __set_name__(self, owner, name):
        self.where = (owner.__name__, name)
class Holder:
    x = Named()
print(Holder.x.where)
class Base2:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Sub2(Base2, tag=1): pass
try:
    class Sub3(object, tag=2): pass
except TypeError as e:
    print(e)
try:
    class NoPos(metaclass=type, x=1): pass
except TypeError as e:
    print(e)
class Mangled:
    __slots__ = ("__secret", "plain")
    def __init__(self):
        self.__secret = 1
print(sorted(k for k in Mangled.__dict__ if not k.startswith("__")), Mangled().__dict__ if hasattr(Mangled(), "__dict__") else "no dict")
for slots in [("a b",), (1,), ("__dict__", "__dict__")]:
    try:
        class S:
            __slots__ = slots
    except TypeError as e:
        print(e)
try:
    class IntS(int):
        __slots__ = ("x",)
except TypeError as e:
    print(e)
class IntEmpty(int):
    __slots__ = ()
print(IntEmpty(5) + 1)
class WithWeak:
    __slots__ = ("__weakref__", "a")
w = WithWeak(); w.a = 3
print(w.a, hasattr(w, "__dict__"))
class L1: __slots__ = ("a",)
class L2: __slots__ = ("b",)
try:
    class L3(L1, L2): pass
except TypeError as e:
    print(e)
class E1: __slots__ = ()
class L4(E1, L1): pass
x = L4(); x.a = 1; x.other = 2
print(L4.__base__.__name__, x.a, x.other)
