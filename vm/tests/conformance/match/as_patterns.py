# as-patterns bind the whole matched subject or sub-pattern.
def f(x):
    match x:
        case [1, *_] as whole:
            return f"list starting with 1: {whole}"
        case (0 | 1) as bit:
            return f"bit {bit}"
        case {"k": [_, _] as pair}:
            return f"pair {pair}"
        case (str() | bytes()) as text:
            return f"text {text!r}"
    return "no match"
for v in [[1, 2, 3], 0, 1, {"k": [5, 6]}, {"k": [5]}, "s", b"b", 9]:
    print(f(v))
