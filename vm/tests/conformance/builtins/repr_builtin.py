# repr() of containers including recursive ones, and of builtin callables.
l = [1, "two", 3.0, None, (4,), {5: "five"}, {6}]
print(repr(l))
r = []
r.append(r)
d = {}
d[1] = d
print(repr(r), repr(d), repr([r, r]))
print(repr(len), repr(print), repr(int), repr(type), repr(object), repr(str.join), repr([].append)[:31])
import math
print(repr(math)[:14], repr(math.sqrt))
print(repr(NotImplemented), repr(Ellipsis), repr(None), repr(type(None)))
