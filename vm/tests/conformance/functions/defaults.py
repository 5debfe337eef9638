# Default values are evaluated once, at definition time.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(c=0, a=1))
def append(x, acc=[]):
    acc.append(x)
    return acc
print(append(1), append(2), append(3, []))
n = 10
def g(x=n):
    return x
n = 20
print(g())
print(f.__defaults__, g.__defaults__)
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))
f.__defaults__ = (7, 8)
print(f(0))
