# Literal, value and wildcard patterns.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case _:
            return "other"
for v in [0, 1, 3, "hello", b"bytes", True, None, -1, 1.5, 2j, 0.0, False, 99, "x"]:
    print(repr(v), describe(v))
