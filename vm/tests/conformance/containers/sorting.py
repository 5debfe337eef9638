# sorted() and list.sort(): keys, reverse, stability, errors.
data = ["bb", "a", "ccc", "dd", "e"]
print(sorted(data), sorted(data, key=len), sorted(data, key=len, reverse=True))
print(sorted([5, 3, 9], reverse=True), sorted("hello"), sorted({3: "x", 1: "y"}), sorted([]))
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted([1.5, -2, 3, True, 0]), sorted([[2], [1, 5], [1]]), sorted([(1, "b"), (1, "a")]))
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"Cmp({self.v})"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), max([Cmp(3), Cmp(9)]) .v if False else min([Cmp(3), Cmp(9)]))
l = list(range(20, 0, -3))
l.sort(key=lambda x: x % 5)
print(l)
