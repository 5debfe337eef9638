# Assignment expressions inside comprehensions bind in the containing scope.
data = [5, 12, 7, 20, 3]
big = [y for x in data if (y := x * 2) > 15]
print(big, y)
def f():
    partial = 0
    sums = [partial := partial + v for v in data]
    return sums, partial
print(f())
print([last := c for c in "xyz"], last)
def g():
    found = [m for m in range(10) if (hit := m) > 6]
    return found, hit
print(g())
