def f(a, b=2, c=3):
    return a + b + c
def g(a, b=[]):
    b.append(a)
    return len(b)
t = 0
for i in range(1000):
    t += f(i) + f(i, 1) + f(i, 1, 1) + g(i)
print(t)
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(e)
f.__defaults__ = (10,)
print(f(1, 2))
try:
    print(f(1))
except TypeError as e:
    print(e)
def rec(n, acc=0):
    return acc if n == 0 else rec(n - 1, acc + n)
print(rec(500))
