# List slice assignment (equal-length ranges trade places under one lock), insert/pop
# clamping and errors, item stores, appends, unpacking and set unions.
a = list(range(10))
a[:3] = a[2::-1]; print(a)
a[2:5] = [7, 8, 9]; print(a)
a[-3:] = ("x", "y", "z"); print(a)
a[5:2] = []; print(a)
a[5:2] = [1]; print(a)
a[:] = a; print(a)
a[1:3] = a[3:5]; print(a)
a[8:20] = [0, 0]; print(a)
a[::2] = range(5) if False else [9] * 5; print(a)
b = [object() for _ in range(4)]
c = b[:]
b[:2] = [1.5, "s"]; print(b[:2], len(b), c[0] is not b[0])
x = [3, 1, 2]
x.insert(-10, 0); x.insert(100, 9); x.insert(-1, 5); print(x)
print(x.pop(), x.pop(0), x.pop(-2), x)
try: [].pop()
except IndexError as e: print(e)
try: [1].pop(5)
except IndexError as e: print(e)
y = [1, 2, 3]
y[-1] = 10; y[0] = 11; print(y)
try: y[3] = 0
except IndexError as e: print(e)
try: y[-4] = 0
except IndexError as e: print(e)
z = []
for i in range(100): z.append(i)
print(sum(z), len(z))
for v in iter(z[:3]): print(v, end=" ")
print()
p, q, r = [1, 2, 3]; print(p, q, r)
try: p, q = [1, 2, 3]
except ValueError as e: print(e)
s = {i for i in range(20) if i % 3}
print(sorted(s), sorted(frozenset(s) | {100}), type(frozenset(s) | {1}).__name__, type({1} | frozenset()).__name__)
print(list({1, 2, 3} | {3, 4}), list(frozenset([5, 6, 7, 8, 9, 10, 11]) | {1}))
