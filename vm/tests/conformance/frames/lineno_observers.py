# f_lineno of a running frame seen from Python code that the plain
# dispatch loop reaches through a cache miss or a slow path: __getattr__,
# __setattr__, a property called as a method, __contains__, unary and
# comparison dunders, hashing in displays, __format__, unpacking and
# iterating a user iterator, keys of native calls, finalizers.
import sys


def where(depth=1):
    f = sys._getframe(depth + 1)
    return f.f_lineno - f.f_code.co_firstlineno


class Probe:
    def __getattr__(self, name):
        print("getattr", name, where())
        return 3

    def __setattr__(self, name, v):
        print("setattr", name, where())

    @property
    def meth(self):
        print("meth", where())
        return lambda: 4

    def __contains__(self, k):
        print("contains", where())
        return True

    def __neg__(self):
        print("neg", where())
        return 5

    def __lt__(self, o):
        print("lt", where())
        return False

    def __hash__(self):
        print("hash", where())
        return 7

    def __format__(self, spec):
        print("format", where())
        return "x"

    def __iter__(self):
        return self

    def __next__(self):
        print("next", where())
        raise StopIteration

    def __len__(self):
        print("len", where())
        return 0


class Pair:
    def __iter__(self):
        print("pair", where())
        return iter((1, 2))


class Dying:
    def __del__(self):
        print("del", where())


def user():
    p = Probe()
    a = p.missing
    p.field = 1
    b = p.meth()
    c = 1 in p
    d = -p
    e = p < 1
    g = {p: 1}
    h = f"{p:>3}"
    i, j = Pair()
    for k in p:
        pass
    m = sorted([2, 1], key=lambda v: (where(2), v))
    print("sorted", m)
    n = not p
    o = Dying()
    del o
    q = [x for x in p]
    r = 1
    print("end", where(0))


user()


def nested():
    try:
        try:
            raise KeyError(1)
        except ValueError:
            print("wrong")
    except KeyError:
        print("outer", where(0))
    try:
        pass
    finally:
        try:
            1 / 0
        except ZeroDivisionError:
            print("finally", where(0))


nested()
