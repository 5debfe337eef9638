# frozenset is hashable and immutable; mixed operations keep the left operand's type.
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, hash(f) == hash(frozenset([1, 2, 3])), f == {1, 2, 3})
print(type(f | {4}).__name__, type({4} | f).__name__, type(f & {1}).__name__, sorted(f - {1}))
d = {f: "frozen key", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
print(frozenset(), frozenset([1]), repr(frozenset({5})))
try:
    f.add(4)
except AttributeError as e:
    print(e)
s = {frozenset([1]), frozenset([1])}
print(len(s), frozenset([1, 2]) < frozenset([1, 2, 3]), f.union([9]) is not f, f.copy() is f)
print(sorted(frozenset("hello")), set([frozenset()]) == {frozenset()})
