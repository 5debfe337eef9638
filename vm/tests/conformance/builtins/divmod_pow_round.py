# divmod, pow, round, sum, min, max.
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 8), pow(2, 8, 10), pow(2.0, -1))
print(round(3.14159, 3), round(2.5), round(-2.5), round(7, -1), round(1.23456e10, -8))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 3), sum(range(5), start=100), sum([]))
print(min(3, 1, 2), max([3, 1, 2]), min("hello"), max("a", "B", "c", key=str.lower), min([], default="empty"))
print(max([1, 5, 3], key=lambda x: -x), min([(2, "b"), (1, "z")]), max({"a": 9, "b": 1}), max([3, 3.0]), min([1, True]))
for bad in [lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: max(1), lambda: min(), lambda: max([], key=len),
            lambda: round("x"), lambda: divmod("a", 1), lambda: max(1, 2, default=0)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
