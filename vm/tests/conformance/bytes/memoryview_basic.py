# memoryview over bytes and bytearray.
ba = bytearray(b"abcdef")
m = memoryview(ba)
print(m[0], m[-1], bytes(m[1:3]), len(m), m.readonly, m.nbytes, m.format, m.itemsize)
m[0] = ord("A")
m[1:3] = b"BC"
print(ba)
print(m.tobytes(), m.tolist(), m.hex())
ro = memoryview(b"xyz")
try:
    ro[0] = 1
except TypeError as e:
    print(e)
print(bytes(ro[::-1]), ro == b"xyz")
m.release()
try:
    m[0]
except ValueError as e:
    print(e)
