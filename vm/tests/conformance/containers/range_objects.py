# range: construction, indexing, slicing, membership, equality, errors.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1], r.start, r.stop, r.step)
print(r.index(8), r.count(8), 8 in r, 9 in r, 8.0 in r, list(range(5, 0, -2)), list(range(0)), list(range(-3)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(3) == range(0, 3, 1), hash(range(3)) == hash(range(0, 3)))
print(range(10 ** 20)[10 ** 19], 10 ** 19 in range(0, 10 ** 20, 2), range(10 ** 20).__len__ is not None)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(e)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))), sum(range(101)))
for bad in [lambda: range(0, 10, 0), lambda: range(1.5), lambda: r[100], lambda: r.index(9), lambda: range("a"), lambda: range()]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(repr(range(1, 2)), repr(range(1, 2, 1)), repr(range(1, 2, -1)), bool(range(0)), bool(range(1)))
