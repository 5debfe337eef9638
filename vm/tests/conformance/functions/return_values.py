# Implicit None, multiple returns, early return.
def none1():
    pass
def none2():
    return
def multi():
    return 1, [2], {"3": 3}
def early(x):
    if x:
        return "early"
    print("not early")
    return "late"
print(none1(), none2(), multi(), early(1), early(0))
a, b, c = multi()
print(a, b, c)
def nested_returns(n):
    for i in range(n):
        while True:
            if i == 2:
                return i
            break
    return -1
print(nested_returns(5), nested_returns(2))
