# callable, type, isinstance, issubclass.
class A: pass
class B(A): pass
print(callable(len), callable(A), callable(A()), callable(lambda: 0), callable("s"), callable(print))
print(type(1), type("s"), type(A()), type(A), type(type), type(None), type(len), type(print).__name__)
print(isinstance(B(), A), isinstance(B(), (int, A)), isinstance(1, (str, (float, int))), isinstance(None, type(None)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(bool, (str, int)), issubclass(A, object))
print(isinstance(int, type), isinstance(type, object), isinstance(object, type), isinstance(1, int | str))
for bad in [lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 2)), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
T = type("T", (A,), {"x": 5, "m": lambda self: self.x * 2})
print(T.__name__, T().m(), T.__bases__, isinstance(T(), A))
