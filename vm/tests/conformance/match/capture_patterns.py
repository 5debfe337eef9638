# Capture patterns bind names; wildcard does not.
def f(x):
    match x:
        case 0:
            return "zero"
        case n:
            return f"captured {n}"
print(f(0), f(5), f("s"))
match 42:
    case value:
        pass
print(value)
match (1, 2):
    case (_, second):
        print("second", second)
try:
    _
except NameError as e:
    print(e)
