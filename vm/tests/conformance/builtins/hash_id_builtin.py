# hash() on builtin types and id() identity relationships (never printing ids).
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), isinstance(id(a), int))
print(hash(42), hash(-1), hash(0), hash(True), hash(2 ** 64), hash(-(2 ** 64)), hash(1.0), hash(0.25), hash(None) == hash(None))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])), hash("") == hash(""))
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print(e)
x = 300
y = 300
print(x == y, (x is y) in (True, False))
