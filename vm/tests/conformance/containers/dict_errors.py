# dict error messages.
d = {"a": 1}
tests = [
    lambda: d["missing"], lambda: d[["list"]], lambda: d.pop("missing"), lambda: {}.popitem(),
    lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: dict(1), lambda: d.update(1),
    lambda: {[]: 1}, lambda: d < d, lambda: d + d, lambda: d.fromkeys(), lambda: dict.fromkeys(5),
    lambda: {"a": 1}[0], lambda: d.get(), lambda: d.setdefault(), lambda: {1: 2}.__getitem__({}),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
