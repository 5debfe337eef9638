# next() and for-loops over every kind of builtin iterator, mixed in one
# loop (each type finds its native `next` once), and subclasses of the
# iterator classes, which go through their own `__next__`.
import collections

d = {"a": 1, "b": 2}
sources = [
    iter([1, 2]), iter((3, 4)), iter(range(2)), iter(range(2 ** 70, 2 ** 70 + 2)),
    iter(d), iter(d.values()), iter(d.items()), reversed(d), iter({5}), iter(frozenset({6})),
    reversed([7, 8]), iter(b"ab"), iter(bytearray(b"c")), iter("xy"), iter("é"),
    iter(collections.deque([9])), map(abs, [-1]), zip([1], [2]), enumerate("q"),
    filter(None, [0, 3]), reversed((1, 2)), reversed(range(3)), (x for x in [10]),
    iter(lambda: 0, 0), iter(collections.UserList([11])),
]
for it in sources:
    print(type(it).__name__, list(it), next(it, "done"))

for round_ in range(2):
    out = []
    for it in [iter([1]), enumerate([2]), zip("a", "b"), map(str, [3]), iter("z")]:
        for v in it:
            out.append(v)
    print(out)


class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return (i * 10, v)


class Z(zip):
    pass


class M(map):
    def __next__(self):
        return "m" + str(super().__next__())


print(list(E("ab")), list(Z("ab", "cd")), list(M(abs, [-2, 3])))
for i, v in E("xy", 5):
    print(i, v)
print(next(E([1])), next(Z([1], [2])), next(M(str, [4])))


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


print(list(enumerate(It())), list(zip(It(), "ab")), sum(It()), max(It()), any(It()), all(It()))
try:
    next(5)
except TypeError as e:
    print(e)
try:
    next(1.5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
print(tuple(range(3)), tuple([1, 2]), list((1, 2)), set([1, 1]), frozenset("aa"), tuple(x for x in "ab"))


class Tup(tuple):
    def __init__(self, *a):
        print("Tup.__init__", a)


print(Tup([1, 2]), type(Tup(())).__name__)
try:
    range(1, foo=2)
except TypeError as e:
    print(e)
try:
    tuple([1], [2])
except TypeError as e:
    print(e)
