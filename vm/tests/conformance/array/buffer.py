# array.array as a buffer: bytes(), bytearray(), join, memoryview views
# (format, writes through, BufferError on resizing while exported).
from array import array


def t(label, f, *args):
    try:
        print(label, "->", repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


a = array("i", [1, 2, 3])
print(bytes(a), bytearray(array("B", [65, 66])), b"".join([array("b", [67]), b"D"]))
m = memoryview(a)
print(m.format, m.itemsize, m.shape, m.strides, m.nbytes, m.readonly, m.ndim, len(m))
print(m.tolist(), m[1], m[-1], m[1:].tolist(), m == a, m == array("i", [1, 2]), bytes(m), m.obj is a)
m[0] = 9
m[1:3] = array("i", [7, 8])
print(a)
t("store bad", m.__setitem__, 0, "x")
t("append while exported", a.append, 4)
t("extend while exported", a.extend, [4])
t("empty extend while exported", a.extend, [])
t("pop while exported", a.pop)
t("remove while exported", a.remove, 9)
t("insert while exported", a.insert, 0, 1)
t("frombytes while exported", a.frombytes, b"\x00\x00\x00\x00")
t("del while exported", a.__delitem__, 0)
t("del slice while exported", a.__delitem__, slice(0, 2))
t("iadd while exported", a.__iadd__, array("i", [1]))
a[0] = 5
a[0:2] = array("i", [6, 6])
a.reverse()
a.byteswap()
a.byteswap()
print(a, m.tolist())
c = m.cast("B")
print(len(c), c[0], c.format)
m.release()
t("append with a cast still alive", a.append, 4)
c.release()
a.append(4)
print(a)
with memoryview(a) as v:
    t("inside with", a.pop)
print(a.pop(), a)

for code in "bBhHiIlLqQfd":
    x = array(code, [1, 2])
    v = memoryview(x)
    print(code, v.format, v.itemsize, v.tolist(), v.cast("B").nbytes)
    v.release()
d = memoryview(array("d", [0.5, 1.5]))
d[1] = 2.5
print(d.tolist(), d.obj)
u = memoryview(array("u", "hi"))
print(u.format, u.itemsize, u.nbytes, bytes(u), u.tobytes())
t("u tolist", u.tolist)
t("u item", u.__getitem__, 0)
t("u store", u.__setitem__, 0, "x")
print(u.cast("B").tolist())
