# TypeError messages from calling builtins wrongly.
NONE, FIVE, S = None, 5, "s"
tests = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs("x"),
    lambda: int(1, 2, 3),
    lambda: "abc".split(1),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: sorted([1], 2),
    lambda: max(),
    lambda: isinstance(1, 2),
    lambda: ord("ab"),
    lambda: chr("a"),
    lambda: NONE(),
    lambda: FIVE(),
    lambda: S(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
