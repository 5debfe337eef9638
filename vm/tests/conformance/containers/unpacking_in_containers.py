# Unpacking into list/tuple/set/dict displays and function calls.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [*a, 0, *b], [*"xy"], (*range(2),))
print(sorted({*a, *b, 1}), {**{"k": 1}, "j": 2, **dict(k=3)})
def f(*args, **kw):
    return args, kw
print(f(*a, *b, **{"x": 1}, **{"y": 2}))
first, *middle, last = [*a, *b]
print(first, middle, last)
print([*[], *()], {**{}})
