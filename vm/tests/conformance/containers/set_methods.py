# Every set method (results printed in sorted order).
def show(*sets):
    print(*[sorted(s) for s in sets])
a = {1, 2, 3, 4}
b = {3, 4, 5}
show(a | b, a & b, a - b, a ^ b)
show(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([5, 6]))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}), {1} < a, a <= a, a > {1}, a >= b)
s = set()
s.add(1); s.add(1); s.add(2); show(s)
s.update([3, 4], (5,)); show(s)
s.discard(99); s.discard(1); s.remove(2); show(s)
c = s.copy(); c.add(100); show(s, c)
s.intersection_update({3, 4, 100}); show(s)
s.difference_update({3}); show(s)
s.symmetric_difference_update({4, 7}); show(s)
x = {1, 2}
x |= {3}; x &= {2, 3}; x -= {2}; x ^= {9}; show(x)
print(len(x), 9 in x, x.pop() in {3, 9}, len(x))
x.clear(); print(x, set("aab") == {"a", "b"}, set(), {1}, {(1, 2)})
try:
    set().remove(1)
except KeyError as e:
    print(repr(e))
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print(e)
print(sorted({-1, 5, 3, 10, 0}), sorted({"pear", "apple", "fig"}))
