# Or-patterns, including ones that bind the same names in each alternative.
def f(x):
    match x:
        case 1 | 2:
            return "one or two"
        case (a, 0) | (0, a):
            return f"axis {a}"
        case [x1] | (x1, _, _):
            return f"x1={x1}"
        case str() | bytes():
            return "text-like"
    return "none"
for v in [1, 2, (5, 0), (0, 6), [7], (1, 2, 3), "s", b"b", 3.0]:
    print(repr(v), f(v))
