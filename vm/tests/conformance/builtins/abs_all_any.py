# abs, all, any.
print(abs(-5), abs(5), abs(-2.5), abs(3 - 4j), abs(True), abs(-(10 ** 30)), abs(-0.0))
print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[]]), any([]), any([0, "", None]), any([0, 1]), any(x > 2 for x in range(4)))
calls = []
def t(v):
    calls.append(v)
    return v
print(all(t(v) for v in [1, 0, 1]), calls)
calls.clear()
print(any(t(v) for v in [0, 1, 0]), calls)
try:
    all(5)
except TypeError as e:
    print(e)
