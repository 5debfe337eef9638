# `for a, b in ...` over enumerate, zip and dict.items() (pairs pushed
# without a tuple), with the errors and subclasses that must still behave.

for i, c in enumerate("abc", 2 ** 62 - 2):
    print(i, c)
for i, c in enumerate(x for x in "xy"):
    print(i, c)
for a, b in zip([1, 2, 3], (4, 5)):
    print(a, b)
for a, b in zip(range(2), iter("pq")):
    print(a, b)
d = {"k": 1, "j": 2}
for k, v in d.items():
    print(k, v)
for k, v in reversed(d.items()):
    print(k, v)
print({x: i for i, x in enumerate("hello")}, [a * b for a, b in zip([1, 2], [3, 4])])
print(sum(v for k, v in d.items()), [k for k, v in sorted(d.items())])

try:
    for a, b in zip([1, 2], [3], strict=True):
        print(a, b)
except ValueError as e:
    print(e)
try:
    for a, b in zip([1], [3, 4], strict=True):
        print(a, b)
except ValueError as e:
    print(e)
try:
    for k, v in d.items():
        d["new" + k] = v
except RuntimeError as e:
    print(e)
try:
    for a, b in zip([1, 2], [3, 4], [5, 6]):
        print(a, b)
except ValueError as e:
    print(e)
try:
    for a, b, c in enumerate("ab"):
        pass
except ValueError as e:
    print(e)
for k in d.keys():
    pass
for pair in d.items():
    print(pair)


def boom():
    yield 1
    raise KeyError("inner")


try:
    for i, x in enumerate(boom()):
        print(i, x)
except KeyError as e:
    print("KeyError", e)


class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return v, i


class Z(zip):
    def __next__(self):
        a, b = super().__next__()
        return b, a


for a, b in E("st"):
    print(a, b)
for a, b in Z("st", "uv"):
    print(a, b)
e = enumerate("abc")
next(e)
for i, c in e:
    print(i, c)
print(list(e), next(e, None))
