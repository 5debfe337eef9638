# Set operators between exact sets and frozensets (the BINARY_OP fast
# path), their result types, iteration order and in-place forms.


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v) & 3

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

    def __repr__(self):
        return "K%d" % self.v


def show(label, r):
    print(label, type(r).__name__, sorted(r, key=repr), list(r) == list(r))


a = {1, 2, 3, 100, 33}
b = frozenset({3, 4, 5})
for x, y in [(a, b), (b, a), (a, a), (b, b), (set(), b), (b, set()), (frozenset(), frozenset())]:
    show("|", x | y)
    show("&", x & y)
    show("-", x - y)
    show("^", x ^ y)
print(list({3, 1, 2} | {100, 33}))
print(list(frozenset(range(5)) | {40, 8}))
print(list(frozenset(range(20, 0, -3)) | {7}))

# Growth while merging: order must follow CPython's presizing.
s = frozenset()
for i in range(40):
    s = s | {i * 7 % 41}
    if i % 8 == 0:
        print(i, list(s))
print(len(s), sum(s))

# Keys with Python __eq__ and colliding hashes.
ks = {Key(i) for i in range(6)}
show("keys|", frozenset(ks) | {Key(2), Key(9)})
show("keys&", ks & {Key(2), Key(9)})

# In-place: a set is updated and stays the same object; a frozenset
# gets a new object.
s = {1, 2}
t = s
s |= frozenset({3})
print(s is t, sorted(s))
s &= {2, 3, 4}
print(s is t, sorted(s))
s -= frozenset({2})
print(s is t, sorted(s))
s ^= {3, 9}
print(s is t, sorted(s))
f = frozenset({1, 2})
g = f
f |= {5}
print(f is g, type(f).__name__, sorted(f), sorted(g))
f &= {5, 1}
print(type(f).__name__, sorted(f))
f -= {1}
print(type(f).__name__, sorted(f))
f ^= {7}
print(type(f).__name__, sorted(f))

# Subclasses keep using their methods.
class S(set):
    def __or__(self, other):
        return "S.__or__"

    def __ror__(self, other):
        return "S.__ror__"


print(S({1}) | {2}, {2} | S({1}), frozenset() | S())

# Unsupported operands still raise.
for op in ("|", "&", "-", "^"):
    try:
        eval("{1} %s [1]" % op)
    except TypeError as e:
        print(e)
try:
    {1} + {2}
except TypeError as e:
    print(e)
try:
    x = {1}
    x += {2}
except TypeError as e:
    print(e)

# Unhashable contents and `in` with a set argument.
print(frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})})
try:
    [] in {1}
except TypeError as e:
    print(e)
print(2 in frozenset({2, 3}), 5 in {2, 3}, 2.0 in {2}, True in {1})
