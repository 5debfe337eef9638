# __prepare__ supplies the class namespace; metaclass conflicts are errors.
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.members = [k for k in ns if not k.startswith("__")]
        return cls
class Rec(metaclass=OrderedMeta):
    b = 1
    a = 2
    def c(self):
        pass
print(Rec.members, Rec.injected)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
class M3(M1): pass
class D(metaclass=M3): pass
class E(A, D): pass
print(type(E).__name__)
