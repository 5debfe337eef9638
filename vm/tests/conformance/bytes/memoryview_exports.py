# memoryview: exports block bytearray resizing, casts, formats, comparisons, release.
ba = bytearray(b"abcdef")
m = memoryview(ba)
print(m[0], m[-1], bytes(m[1:3]), len(m), m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets)
m[0] = ord("A")
m[1:3] = b"BC"
print(ba)
print(m.tobytes(), m.tolist(), m.hex(), m.hex(":"), m.obj is ba, m.c_contiguous, m[::2].contiguous, m[::2].tolist())
for op in [lambda: ba.append(1), lambda: ba.extend(b"x"), lambda: ba.pop(), lambda: ba.clear(), lambda: ba.__init__(b"q"), lambda: ba.__setitem__(slice(0,2), b"xyz"), lambda: ba.__delitem__(0), lambda: ba.remove(65), lambda: ba.insert(0, 1)]:
    try:
        op(); print("ok", ba)
    except BufferError as e:
        print("BufferError", e)
ba[0:2] = b"zz"; ba.extend(b""); ba += b""; ba *= 1
print(ba)
ro = memoryview(b"xyz")
for f in [lambda: ro.__setitem__(0, 1), lambda: m.__setitem__(0, 256), lambda: m.__setitem__(0, "a"), lambda: m.__setitem__(0, -1), lambda: m.__setitem__(slice(0, 2), b"abc"), lambda: m.__delitem__(0), lambda: m[10], lambda: m["a"], lambda: hash(m), lambda: memoryview(1), lambda: m.__setitem__(slice(0,2), [1,2]), lambda: m[1,2], lambda: m[1:2, 3:4]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(bytes(ro[::-1]), ro == b"xyz", hash(ro) == hash(b"xyz"), ro != b"xyz", ro == ro, ro == "xyz", ro == memoryview(bytearray(b"xyz")))
m2 = m[1:4]
m.release()
try:
    ba.append(1)
except BufferError as e:
    print("still exported:", e)
m2.release()
ba.append(2); print(ba)
for f in [lambda: m[0], lambda: len(m), lambda: m.tobytes(), lambda: m.format, lambda: m == m, lambda: m == ro, lambda: repr(m)[:16]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
with memoryview(ba) as v:
    print(v[0])
    try:
        ba.append(1)
    except BufferError as e:
        print(e)
ba.append(3)
print(ba)
c = memoryview(bytearray(range(12))).cast("I")
print(c.format, c.itemsize, c.shape, c.tolist(), c.nbytes)
c2 = memoryview(bytes(range(12))).cast("B", shape=[3, 4])
print(c2.shape, c2.strides, c2.tolist(), c2[1, 2], c2.tobytes(order="F"), c2.ndim, c2.c_contiguous, c2.f_contiguous)
for f in [lambda: c2[1], lambda: c.cast("H"), lambda: memoryview(b"abc").cast("I"), lambda: memoryview(b"ab").cast("x"), lambda: memoryview(b"abcd").cast("B", (3,)), lambda: list(c2), lambda: c2.cast("B", [2, 6])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5; d[1] = 2
print(d.tolist(), d[0], list(d))
f = memoryview(bytearray(8)).cast("f"); f[0] = 1e300; print(f.tolist())
try:
    memoryview(bytearray(4)).cast("e")
except ValueError as ex:
    print(ex)
q = memoryview(bytearray(3)).cast("c"); q[0] = b"x"; print(q.tolist(), q[0])
z = memoryview(bytearray(2)).cast("?"); z[0] = 5; print(z.tolist())
s = memoryview(bytearray(4)).cast("b"); s[0] = -5; print(s.tolist(), s == memoryview(bytes([251, 0, 0, 0])))
zero = memoryview(b"abcd").cast("i", shape=[])
print(zero.shape, zero.ndim, zero[()], zero.tolist(), zero.nbytes)
print(memoryview(b"ab").toreadonly().readonly, memoryview(bytearray(b"ab")).toreadonly().readonly)
print(b"".join([memoryview(b"ab"), b"c"]), bytearray(memoryview(b"ab")), b"x" + memoryview(b"y"))
mm = memoryview(b"abc")
print(memoryview(mm).tolist(), [x for x in mm])
try:
    mm[...]
except TypeError as e:
    print(e)
