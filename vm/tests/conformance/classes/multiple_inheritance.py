# Multiple inheritance and the C3 linearisation.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
class Mixin:
    def describe(self):
        return f"I am {type(self).__name__} with {self.data()}"
class Base:
    def data(self):
        return "base data"
class Thing(Mixin, Base):
    pass
print(Thing().describe())
