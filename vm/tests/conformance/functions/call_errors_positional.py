# CPython's exact TypeError messages for wrong positional arguments.
def f(a, b):
    pass
def g():
    pass
def h(a, b=1):
    pass
def k(a, b, c, d):
    pass
class C:
    def m(self, x):
        pass
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: g(1),
    lambda: h(),
    lambda: h(1, 2, 3),
    lambda: k(1),
    lambda: k(1, 2),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: (lambda x: x)(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
