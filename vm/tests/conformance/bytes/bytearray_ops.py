# bytearray is a mutable bytes.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" more")
ba += b"!"
print(ba, len(ba), ba[0], ba[-1])
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("o"))
print(ba)
del ba[5:]
print(ba, ba.find(b"l"), ba.count(b"l"))
ba.reverse()
print(ba)
ba[1:3] = b"XYZW"
print(ba, bytes(ba), ba == b"lXYZWH", ba.upper())
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("41 42"))
c = bytearray(b"abc")
d = c.copy()
d[0] = 0
print(c, d)
for bad in [lambda: c.__setitem__(0, 256), lambda: c.append(-1), lambda: c.remove(120), lambda: bytearray().pop()]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(hash(bytes(c)) == hash(b"abc"))
try:
    hash(c)
except TypeError as e:
    print(e)
