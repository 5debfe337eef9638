# sorted and reversed accept any iterable / sequence.
print(sorted((3, 1, 2)), sorted("cab"), sorted({1: 0, -1: 0}), sorted(x for x in [2, 1]), sorted(range(3), reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    reversed(x for x in [])
except TypeError as e:
    print(e)
try:
    sorted([1], key=lambda a, b: 0)
except TypeError as e:
    print(e)
print(sorted(["a10", "a9", "a1"], key=lambda s: int(s[1:])))
