# Conditional expressions.
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
a = 1 if True else 1 / 0
b = 1 / 0 if False else 2
print(a, b)
f = (lambda x: x * 2) if a else (lambda x: x)
print(f(10))
print([x if x % 2 else -x for x in range(6)])
print((1, 2) if [] else (3, 4))
print("yes" if "0" else "no", "yes" if 0 else "no")
