# enumerate, zip, map, filter, reversed are lazy iterators.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
print(list(zip("abc", range(5))), list(zip("ab", "cd", "ef")), dict(zip("ab", [1, 2])))
print(list(map(str.upper, "abc")), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(str.isdigit, "a1b2")), list(reversed("abc")))
m = map(lambda x: print("mapping", x) or x, [1, 2])
print("map created")
print(next(m))
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z))
unzipped = list(zip(*[(1, "a"), (2, "b")]))
print(unzipped)
for bad in [lambda: map(1, [1]), lambda: list(map(lambda x: x, 5)), lambda: filter(None, 3), lambda: zip(1), lambda: enumerate(3)]:
    try:
        bad()
        print("no error yet (lazy)")
    except TypeError as e:
        print(e)
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__, type(enumerate([])).__name__, type(reversed([])).__name__)
