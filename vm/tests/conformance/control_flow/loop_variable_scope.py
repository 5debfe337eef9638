# Loop variables leak into the enclosing scope; the iterable is evaluated once.
def src():
    print("evaluating iterable")
    return [1, 2, 3]
for v in src():
    pass
print(v)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items)
out = []
for i in range(3):
    i = i * 10
    out.append(i)
print(out, i)
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
