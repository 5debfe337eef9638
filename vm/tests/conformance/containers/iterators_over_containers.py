# Iterators over builtin containers and their exhaustion.
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
d = {"a": 1, "b": 2}
print(list(iter(d)), list(d.items()), next(iter(d.values())))
s = iter("xyz")
print(next(s), next(s), next(s), next(s, "end"))
t = iter((1,))
print(type(t).__name__, type(iter([])).__name__, type(iter({})).__name__, type(iter(range(1))).__name__, type(iter("")).__name__)
e = enumerate("ab", start=5)
print(list(e), list(e))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as err:
    print(err)
