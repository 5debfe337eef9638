# f_lineno of running frames seen from Python code that a non-CALL
# instruction runs (dunders, properties, with, iteration), of a frame read
# after it moved on, after it returned, and of generator frames.
import sys


def where(depth=1):
    f = sys._getframe(depth + 1)
    return f.f_lineno - f.f_code.co_firstlineno


class Probe:
    def __add__(self, o):
        print("add", where())
        return self

    def __eq__(self, o):
        print("eq", where())
        return True

    __hash__ = object.__hash__

    def __getitem__(self, k):
        print("getitem", where())
        return 1

    def __setitem__(self, k, v):
        print("setitem", where())

    @property
    def prop(self):
        print("prop", where())
        return 2

    def __iter__(self):
        print("iter", where())
        return iter([1])

    def __enter__(self):
        print("enter", where())
        return self

    def __exit__(self, *a):
        print("exit", where())

    def __bool__(self):
        print("bool", where())
        return True

    def __del__(self):
        pass


def user():
    p = Probe()
    q = p + 1
    r = (p ==
         2)
    s = p[0]
    p[1] = 2
    t = p.prop
    for x in p:
        pass
    with p:
        u = 1
    if p:
        v = 2
    f = sys._getframe()
    a = 1
    b = 2
    print("self", f.f_lineno - f.f_code.co_firstlineno)
    return f


f = user()
print("done", f.f_lineno - f.f_code.co_firstlineno)


def gen():
    yield sys._getframe().f_lineno
    x = 1
    yield sys._getframe(1).f_lineno


g = gen()
print(next(g) - gen.__code__.co_firstlineno)
print(next(g))
print(g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
