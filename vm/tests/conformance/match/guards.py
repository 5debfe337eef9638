# Guards are evaluated after the pattern binds; a failing guard moves to the next case.
evaluated = []
def check(v, tag):
    evaluated.append(tag)
    return v
def f(x):
    match x:
        case [a, b] if check(a > b, "first"):
            return "descending pair"
        case [a, b] if check(a == b, "second"):
            return "equal pair"
        case [a, b]:
            return f"ascending pair, a={a}"
        case n if isinstance(n, int) and n % 2 == 0:
            return "even int"
        case _:
            return "other"
for v in [[3, 1], [2, 2], [1, 5], 4, 5]:
    evaluated.clear()
    print(v, f(v), evaluated)
match (1, 2):
    case (a, b) if a > b:
        pass
    case _:
        print("bound even though guard failed:", a, b)
