# iter, next, len.
it = iter([10, 20])
print(next(it), next(it), next(it, None), next(it, "done"))
print(len("abc"), len([1, 2]), len({"a": 1}), len(set()), len(range(5)), len(b"xy"), len((1,)), len(range(0, 10, 3)))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
lines = iter(["a", "b", "STOP", "c"])
print(list(iter(lambda: next(lines), "STOP")))
try:
    iter(lambda: 1, 1, 2)
except TypeError as e:
    print(e)
try:
    next(5)
except TypeError as e:
    print(e)
try:
    len(x for x in [])
except TypeError as e:
    print(e)
