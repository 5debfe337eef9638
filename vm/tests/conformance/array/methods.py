# array.array methods, operators, comparisons and pickling.
import copy
import io
import pickle
from array import array as A


def t(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


a = A("i", [3, 1, 4, 1, 5])
a.append(9)
a.extend([2, 6])
a.extend(A("i", [5, 3]))
a.extend(x for x in (5, 8))
a.insert(0, -1)
a.insert(-2, 42)
a.insert(100, 7)
a.insert(-100, 0)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-3), a)
print(a.count(5), a.count(1.0), a.count("x"), a.count(10**30))
print(a.index(5), a.index(5, 6), a.index(5, -8, -1), a.index(True))
a.remove(9)
a.remove(5.0)
print(a)
a.reverse()
print(a, a.tolist(), a.tobytes()[:8])
print(5 in a, 5.0 in a, 77 in a, "x" in a, None in a)
t("append bad", a.append, "x")
t("append none", a.append)
t("append kw", a.append, x=1)
t("extend other kind", a.extend, A("h"))
t("extend int", a.extend, 5)
t("extend partial", a.extend, [7, "x"])
print(a)
t("insert bad index", a.insert, "x", 1)
t("insert bad value", a.insert, 0, "x")
t("insert args", a.insert, 1)
t("pop empty", A("i").pop)
t("pop range", a.pop, 100)
t("pop float", a.pop, 1.5)
t("pop kw", a.pop, i=1)
t("pop args", a.pop, 1, 2)
t("remove missing", a.remove, 1000)
t("index missing", a.index, 1000)
t("index range", a.index, 3, 5)
t("index None start", a.index, 3, None)
t("index args", a.index)
t("tolist arg", a.tolist, 1)


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return other == self.v


print("python eq", a.count(Eq(7)), a.index(Eq(7)), Eq(7) in a)
a.remove(Eq(7))
print(a)

# bytes round trips, byteswap, buffer_info.
h = A("h", [1, 2, -3])
raw = h.tobytes()
print(raw, bytes(h), bytearray(h), len(raw))
h.byteswap()
print(h)
h.byteswap()
print(h, h.buffer_info()[1], type(h.buffer_info()[0]).__name__)
h.frombytes(b"\x07\x00")
h.frombytes(bytearray(b"\x08\x00"))
print(h)
t("frombytes str", h.frombytes, "ab")
t("frombytes odd", h.frombytes, b"abc")
t("frombytes int", h.frombytes, 5)
print(b"-".join([A("B", [65, 66]), b"C"]), A("d", [1.0]).tobytes())
for c in "bBuhHiIlLqQfd":
    x = A(c, "ab" if c == "u" else [1, 2])
    y = A(c)
    y.frombytes(x.tobytes())
    x.byteswap()
    x.byteswap()
    print(c, x == y, y)

# fromlist / tolist / fromunicode / tounicode.
f = A("f")
f.fromlist([1, 2.5])
t("fromlist tuple", f.fromlist, (1,))
t("fromlist partial", f.fromlist, [3.0, "x"])
print(f, f.tolist())
u = A("u", "ab")
u.fromunicode("c\u00e9\U0001f600")
print(u, u.tounicode(), len(u), u[4], u[1:3])
t("fromunicode on i", A("i").fromunicode, "x")
t("fromunicode int", u.fromunicode, 5)
t("fromunicode None", u.fromunicode, None)
t("tounicode on i", A("i").tounicode)
u[0] = "z"
print(u.tounicode())
t("u bad item", u.__setitem__, 0, "zz")
t("u bytes out of range", lambda: A("u", b"\xff\xff\xff\xff")[0])
t("u bytes tounicode", A("u", b"\xff\xff\xff\xff").tounicode)

# Files.
buf = io.BytesIO()
A("i", range(5)).tofile(buf)
print(buf.getvalue())
buf.seek(0)
r = A("i")
r.fromfile(buf, 3)
print(r)
t("fromfile short", r.fromfile, buf, 5)
print(r)
t("fromfile negative", r.fromfile, buf, -1)
t("fromfile args", r.fromfile, buf)
A("i").tofile(buf)

# Operators.
x, y = A("i", [1, 2]), A("i", [3])
print(x + y, x * 3, 2 * x, x * 0, x * -1)
x += y
print(x)
x *= 2
print(x)
x *= 0
print(x, len(x))
t("add list", lambda: A("i") + [1])
t("add kind", lambda: A("i") + A("h"))
t("iadd list", A("i").__iadd__, [1])
t("iadd kind", A("i").__iadd__, A("h"))
t("mul float", lambda: A("i") * 1.5)
t("imul float", A("i").__imul__, 1.5)
t("mul huge", lambda: A("i", [1]) * 2**62)
t("mul too big", lambda: A("i", [1]) * 2**70)
t("imul huge", A("d", [1.0]).__imul__, 2**61)

# Comparisons.
print(A("i", [1, 2]) < A("i", [1, 3]), A("i", [1, 2]) == A("d", [1.0, 2.0]), A("i", [1]) != A("i", [1, 0]))
print(A("i", [1, 2]) <= A("i", [1, 2]), A("b", [5]) > A("B", [4, 9]), A("i") == A("u"), A("u", "a") == A("i", [97]))
print(A("d", [float("nan")]) == A("d", [float("nan")]), A("i") == [], A("i") != [])
print(A("Q", [2**64 - 1]) > A("q", [-1]), A("d", [0.5]) < A("i", [1]), A("d", [2.0**53]) == A("q", [2**53]))
t("lt u i", lambda: A("u", "a") < A("i", [1]))
# (CPython names the type 'array.array' in such messages, Skein 'array'.)
print(A("i").__lt__([]), A("i").__eq__(5))
t("hash", lambda: A("i").__hash__)

# Iteration.
it = iter(A("h", [4, 5, 6]))
print(type(it).__name__, next(it), list(it), list(it))
it = iter(A("i", [1, 2, 3]))
next(it)
print(it.__reduce__()[1:], list(it))
print(list(A("u", "xyz")), sum(A("d", [0.5] * 4)), sorted(A("i", [3, 1, 2])), list(reversed(A("b", [1, 2]))))

# Subclasses.
class B(A):
    def __init__(self, code, items=()):
        super().__init__()
        self.tag = "t"


s = B("i", [1, 2])
print(s, type(s[:1]).__name__, type(s + s).__name__, type(copy.copy(s)).__name__, s.tag)

# Pickling and copies.
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    for c in "bBuhHiIlLqQfd":
        x = A(c, "hi" if c == "u" else [1, 2])
        y = pickle.loads(pickle.dumps(x, proto))
        assert y == x and y.typecode == c, (proto, c)
print("pickle round trips ok")
print(A("i", [1, 2]).__reduce_ex__(2))
print(A("i", [1, 2]).__reduce_ex__(3))
print(A("u", "hi").__reduce_ex__(4)[1], A("d", [1.5]).__reduce_ex__(4)[1])
t("reduce_ex str", A("i").__reduce_ex__, "x")
class C(A):
    pass
c = C("d", [1.0])
c.attr = 5
r = c.__reduce_ex__(4)
print(r[1][0].__name__, r[2])
d = pickle.loads(pickle.dumps(c))
print(type(d).__name__, d, d.attr)
print(copy.copy(A("f", [1.5])), copy.deepcopy(A("u", "q")))
from array import _array_reconstructor as recon
print(recon(A, "i", 8, b"\x01\x00\x00\x00"))
print(recon(A, "l", 9, b"\x00\x00\x00\x02"), recon(A, "d", 17, b"?\xf8\x00\x00\x00\x00\x00\x00"))
print(recon(A, "u", 18, b"h\x00i\x00"), recon(A, "u", 21, b"\x00\x00\x00h\x00\x00\x00i"), recon(A, "H", 3, b"\x01\x02"))
print(recon(A, "b", 13, b"\x00" * 7 + b"\x05"), recon(A, "f", 4, b"\x01\x00"), recon(A, "u", 20, b"h\x00\x00\x00"))
t("recon utf32 size", recon, A, "u", 21, b"\x00\x00\x00h")
t("recon bad utf16", recon, A, "u", 18, b"\x00\xd8a\x00")
t("recon type", recon, 5, "i", 8, b"")
t("recon subtype", recon, list, "i", 8, b"")
t("recon code", recon, A, "x", 8, b"")
t("recon mformat", recon, A, "i", 99, b"")
t("recon items", recon, A, "i", 8, "x")
t("recon odd", recon, A, "i", 9, b"\x00")
t("recon str into i", recon, A, "i", 18, b"h\x00i\x00")
