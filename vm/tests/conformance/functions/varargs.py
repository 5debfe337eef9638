# *args and **kwargs collection and unpacking at call sites.
def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, a=3))
print(f(*[1, 2], *(3,), **{"x": 1}, y=2, **{"z": 3}))
def g(a, b, *rest, c, **kw):
    return a, b, rest, c, kw
print(g(1, 2, 3, 4, c=5, d=6))
print(g(*range(2), c=0))
def h(a, b, c):
    return a * 100 + b * 10 + c
print(h(*"123" and (1, 2, 3)), h(**{"c": 1, "b": 2, "a": 3}), h(1, *[2], **{"c": 3}))
args = (1,)
kwargs = {"b": 2, "c": 3}
print(h(*args, **kwargs))
print(type(f()[0]).__name__, type(f()[1]).__name__)
