# Iterable unpacking, starred targets and starred expressions.
a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(2)
print(h, mid, t)
(x, y), [z, *w] = (1, 2), [3, 4, 5]
print(x, y, z, w)
print([*range(3), *"ab"], (*[1, 2], 3), {*[1, 1, 2]} == {1, 2})
d = {"a": 1, **{"b": 2}, "c": 3, **{"a": 0}}
print(d)
print(*[1, 2, 3], sep="-")
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
