# Generator expressions: the first iterable is evaluated eagerly, the rest lazily.
def src(name, n):
    print("evaluate", name)
    return range(n)
g = (x + y for x in src("outer", 2) for y in src("inner", 2))
print("created")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
h = (i for i in [1, 2, 3])
print(next(h), list(h), list(h))
print(sorted((c for c in "banana"), reverse=True))
print(dict((k, v) for k, v in [("a", 1), ("b", 2)]))
print(list(zip((i for i in range(3)), (j for j in "xyz"))))
