# Methods and attributes that type and object provide to classes and metaclasses.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases, **kw)
        ns["from_prepare"] = type(ns).__name__
        return ns
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return super().__instancecheck__(obj) or obj == "magic"
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return super().__subclasscheck__(sub)
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(A.from_prepare, isinstance(B(), A), isinstance("magic", A), isinstance(3, A))
print(issubclass(B, A), issubclass(int, A))
print(type.__prepare__("X", ()), type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
print(object.__subclasshook__(), A.__subclasshook__(int))
class C:
    x: int
    y: str = "s"
class D(C):
    pass
print(C.__annotations__, D.__annotations__, "__annotations__" in D.__dict__)
D.__annotations__ = {"z": float}
print(D.__annotations__, C.__annotations__)
del D.__annotations__
try:
    del D.__annotations__
except AttributeError as e:
    print("AttributeError", e)
for bad in [lambda: int.__annotations__, lambda: setattr(int, "__annotations__", {})]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
c = C()
c.inst = 1
print(sorted(n for n in object.__dir__(c) if not n.startswith("__")), type(object.__dir__(c)).__name__)
print(sorted(n for n in type.__dir__(D) if not n.startswith("__")), "mro" in dir(type))
print(dir(c) == sorted(object.__dir__(c)), dir(D) == sorted(type.__dir__(D)))
