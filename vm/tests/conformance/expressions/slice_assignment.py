# Slice assignment and deletion on lists and bytearrays.
a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[1:3] = []
print(a)
b = list(range(10))
b[::2] = "abcde"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(e)
b[::-3] = [0, 0, 0, 0]
print(b)
del b[::2]
print(b)
del b[1:3]
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
ba = bytearray(b"hello")
ba[1:3] = b"EYY"
print(ba)
del ba[:2]
print(ba)
d = [0] * 5
d[1:4] = range(3)
print(d)
try:
    d[0:1] = 5
except TypeError as e:
    print(e)
