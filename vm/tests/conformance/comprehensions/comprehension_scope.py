# Comprehensions have their own scope; the loop variable does not leak.
x = "outer"
print([x for x in range(3)], x)
y = 10
print([y * i for i in range(3)])
def f():
    local = 5
    return [local + i for i in range(2)]
print(f())
try:
    [leaked for leaked in range(2)]
    print(leaked)
except NameError as e:
    print(e)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([(lambda v=v: v)() for v in range(3)])
class C:
    base = 100
    items = [base for _ in range(1)] if False else None
    try:
        vals = [base + i for i in range(2)]
    except NameError as e:
        err = str(e)
print(C.err)
def g():
    n = 3
    return [[n * a + b for b in range(n)] for a in range(n)]
print(g())
