# array.array: construction, typecodes, items, repr and conversions.
import array
from array import array as A


def t(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__)
for c in array.typecodes:
    a = A(c)
    print(c, a.itemsize, a.typecode, repr(a), len(a))

print(A("i", [1, 2, 3]), A("b", (1, -2)), A("d", range(3)), A("f", [0.1, 1e40, -1e40]))
print(A("u", "hello"), A("u", ["a", "\u00e9", "\U0001f600"]))
print(A("h", b"\x01\x00\xff\xff"), A("B", bytearray(b"xy")), A("H", A("H", [7, 8])))
print(A("d", A("i", [1, 2])), A("q", (x * x for x in range(4))), A("i", {3: 0, 1: 0}))
print(A("Q", [2**64 - 1]), A("q", [-2**63]), A("L", [2**64 - 1]), A("I", [2**32 - 1]), A("f", [2**100]))
print(A("d", [float("inf"), float("-inf")]), A("d", [float("nan")]))
print(A("f", [0.1])[0], A("d", [0.1])[0], A("f", [True])[0], A("b", [True, False]))


class Idx:
    def __index__(self):
        return 7


class Fl:
    def __float__(self):
        return 2.5

    def __repr__(self):
        return "Fl()"


print(A("i", [Idx()]), A("d", [Idx(), Fl()]))

# Constructor errors.
t("no args", A)
t("int code", A, 1)
t("long code", A, "ii")
t("bad code", A, "x")
t("kwargs", A, "i", initializer=[1])
t("3 args", A, "i", [1], 2)
t("str init", A, "i", "abc")
t("unicode array init", A, "i", A("u", "ab"))
t("ints into u", A, "u", A("i", [1]))
t("odd bytes", A, "h", b"\x01\x00\x02")
t("not iterable", A, "i", 5)
t("bad item", A, "i", [1, "x"])

# Range errors, as CPython 3.11 reports them.
for c in "bBhHiIlLqQ":
    for v in [-2**64, -2**63 - 1, -2**40, -40000, -200, -1, 200, 40000, 2**31, 2**40, 2**63, 2**64, 2**70]:
        try:
            A(c, [v])
        except OverflowError as e:
            print(c, v, e)
for c in "bfdu":
    for v in [1.5, "x", None, "ab", b"a", Fl()]:
        try:
            A(c, [v])
            print(c, repr(v), "ok")
        except TypeError as e:
            print(c, repr(v), e)

# Items, slices, slice assignment.
a = A("i", range(10))
print(a[0], a[-1], a[2:5], a[::3], a[::-2], a[5:2], a[100:])
t("index too big", a.__getitem__, 10)
t("index neg", a.__getitem__, -11)
t("index str", a.__getitem__, "x")
t("index float", a.__getitem__, 1.5)
t("index huge", a.__getitem__, 2**70)
a[0] = 100
a[-1] = -100
print(a)
t("set out of range", a.__setitem__, 10, 1)
t("set bad value", a.__setitem__, 0, "x")
t("set overflow", a.__setitem__, 0, 2**40)
a[1:3] = A("i", [7, 7, 7, 7])
print(a)
a[::2] = A("i", [0] * 6)
print(a)
a[2:2] = A("i", [5])
print(a)
a[:] = a
print(a)
a[len(a):] = a[:2]
print(a)
t("slice from list", a.__setitem__, slice(0, 1), [1])
t("slice other kind", a.__setitem__, slice(0, 1), A("h", [1]))
t("extended size", a.__setitem__, slice(0, 6, 2), A("i", [1]))
del a[0]
del a[-1]
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
t("del out of range", a.__delitem__, 100)
b = A("d", [1.5, 2.5, 3.5])
b[1:2] = A("d")
print(b, b[::-1])
