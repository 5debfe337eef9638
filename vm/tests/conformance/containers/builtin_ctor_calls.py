# Calling builtin classes (the native `__new__` without `__init__`, and
# list()/set() in one step) and their subclasses, errors included.

print(list(), list("ab"), list(range(3)), list((1, 2)), list({"k": 1}), list(x * 2 for x in [1, 2]))
print(set(), sorted(set("abca")), set([1, 1, 2]) == {1, 2}, set({1: 2}))
print(tuple(), tuple([1, 2]), tuple("xy"), frozenset([1]), range(3), enumerate([]).__class__.__name__)
print(list(zip("ab", "cd")), list(map(abs, [-1])), list(filter(None, [0, 1])), list(reversed([1, 2])))
print(int("7"), float("1.5"), bool([]), bytes(2), slice(1, 2), complex(1, 2))
a = [1, 2]
b = list(a)
print(b, b is a, b == a)
t = (1, 2)
print(tuple(t) is t)
for bad in ("list(1, 2)", "list(x=1)", "set(1, 2)", "set(iterable=[1])", "list(5)", "set([[]])",
            "tuple(1, 2)", "range()", "range(1, 2, 0)", "enumerate()", "frozenset(1, 2)", "zip(1)"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "TypeError", e)
    except ValueError as e:
        print(bad, "ValueError", e)


class L(list):
    def __init__(self, *args):
        print("L.__init__", args)
        super().__init__(*args)


class S(set):
    def __init__(self, it=()):
        print("S.__init__")
        super().__init__(it)


class T(tuple):
    def __new__(cls, *a):
        print("T.__new__", a)
        return super().__new__(cls, *a)


class R:
    def __init__(self):
        print("R.__init__")


class Odd(tuple):
    pass


class Maker:
    def __new__(cls):
        return Odd((1,))


print(L("ab"), S([1]), T([3]), R().__class__.__name__, Maker())


def gen():
    yield 1
    raise ValueError("inside")


for f in (list, set, tuple, frozenset, sorted):
    try:
        f(gen())
    except ValueError as e:
        print(f.__name__, e)
