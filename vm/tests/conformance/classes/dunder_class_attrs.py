# Special attributes of classes and instances.
class A:
    """Doc of A."""
    x = 1
class B(A):
    pass
b = B()
print(B.__name__, B.__qualname__, B.__doc__, A.__doc__)
print(b.__class__ is B, B.__bases__ == (A,), A.__bases__ == (object,))
print(type(B.__dict__).__name__, "x" in A.__dict__, "x" in B.__dict__)
b.__class__ = A
print(type(b).__name__)
print(object.__bases__, type.__bases__, type(type) is type)
print(int.__name__, type(int.__dict__).__name__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
