# Tuple displays, trailing commas and parenthesised expressions.
t = 1,
print(t, type(t).__name__)
print((), (1), (1,), (1, 2,))
x = 1, 2, 3
print(x, len(x))
def f():
    return 1, 2
print(f())
print([1, 2,], {"a": 1,})
a = b = c = [0]
print(a is b is c)
i, j = j, i = 1, 2
print(i, j)
x = [0, 0]
i, x[i] = 1, 9
print(i, x)
