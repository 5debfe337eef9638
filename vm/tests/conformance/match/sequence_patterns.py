# Sequence patterns, including star patterns; strings are not sequences here.
def f(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a} {b}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [1, 2, 3, 4], range(3), "ab", b"ab", {1: 2}, 7]:
    print(repr(v), "->", f(v))
match [1, [2, 3], (4, 5)]:
    case [x, [y, z], (w, *rest)]:
        print(x, y, z, w, rest)
match (1, 2, 3):
    case (1, *_):
        print("starts with 1")
match [1, 2]:
    case [1, 2, *others]:
        print("others", others)
