# CPython's exact TypeError messages for wrong keyword arguments.
def f(a, b):
    pass
def kwonly(*, x, y):
    pass
def posonly(a, b, /):
    pass
def star(*args):
    pass
tests = [
    lambda: f(1, 2, c=3),
    lambda: f(1, a=2),
    lambda: f(b=1),
    lambda: kwonly(),
    lambda: kwonly(x=1),
    lambda: kwonly(1, x=1, y=2),
    lambda: posonly(a=1, b=2),
    lambda: posonly(1, b=2),
    lambda: star(x=1),
    lambda: f(1, **{"b": 2, "z": 1}),
    lambda: f(**{1: 2}),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: f(1, **{"a": 1}),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
