# Tuples: construction, methods, immutability, comparison and hashing.
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), len(t), t[1:], t + (4,), t * 2, 2 in t)
print(tuple(), tuple("ab"), tuple([1]), tuple(range(3)), (1,) == (1,), (1, 2) < (1, 3), () < (0,))
try:
    t[0] = 9
except TypeError as e:
    print(e)
try:
    t.index(99)
except ValueError as e:
    print(e)
try:
    t + [1]
except TypeError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
m = ([1], 2)
m[0].append(3)
print(m, hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[(1, 2)])
a, (b, c) = 1, (2, 3)
print(a, b, c, (1, 2, 3)[::-1], max((1, 9, 3)), sorted((3, 1, 2)))
print(type(()).__name__, len(((),)))
