# Annotations on functions, variables and classes are stored but not enforced.
def f(x: int) -> str:
    return x
print(f(5), f.__annotations__)
x: int = "not an int"
y: list
print(x, __annotations__)
class C:
    a: int
    b: str = "b"
print(C.__annotations__, C.b, hasattr(C, "a"))
def g(*args: int, **kwargs: float):
    pass
print(g.__annotations__)
