# sorted()/list.sort() with tuple keys of small ints and strings (compared
# natively), and the cases that must still use Python comparison.

xs = [(i * 7919) % 97 for i in range(60)]
print(sorted(xs, key=lambda v: (v % 11, -v))[:12])
print(sorted(xs, key=lambda v: (v % 5,))[:12])  # stability among equal keys
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (), (0, "z", 1)]))
print(sorted([("b", 2), ("a", 3), ("b", 1), ("a",)], reverse=True))
print(sorted(["x", "é", "e", "z"], key=lambda s: (len(s), s)))
words = ["w%d" % (i % 13) for i in range(40)]
print(sorted(((w, len(w)) for w in set(words)))[:5])
big = 2 ** 70
print(sorted([(1, big), (1, 2), (0, big)]))
print(sorted([(1, 2.5), (1, 2), (0, 3)]))
print(sorted([(True, 1), (0, 2), (1, 0)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print(e)
try:
    sorted([(1, 2), ("a", 2)])
except TypeError as e:
    print(e)
print(sorted([(1, "a"), (2, 2)]))


class T(tuple):
    def __lt__(self, other):
        return len(self) > len(other)


print(sorted([T((1,)), T((1, 2)), T(())]))
ys = list(range(20, 0, -1))
ys.sort(key=lambda v: (v & 1, v))
print(ys)
print(sorted([(-5, 3), (-5, -3), (2 ** 40, 0), (-(2 ** 40), 0)]))
pairs = [("b", 3), ("a", 3), ("c", 1), ("d", 3)]
print(max(pairs, key=lambda wc: (wc[1], wc[0])), min(pairs, key=lambda wc: (wc[1], wc[0])))
print(max([(1, 2), (1, 2, 0), (1,)]), min([(1, 2), (1, 2, 0), (1,)]), max([(1, "a"), (1, "a")]))
print(max([(1, 2.5), (1, 2)]), min([(0, "x"), (0, 1.0)], key=lambda t: t[:1]))
nan = float("nan")
print(max([(nan, 1), (nan, 2)]), max([(1, nan), (1, 2)]))
try:
    max([(1, "a"), (1, 2)])
except TypeError as e:
    print(e)
lone = ["\ud800", "\ufffd", "a", "\udfff"]
print([ascii(t) for t in sorted((s, 1) for s in lone)])
print(ascii(max((s, 0) for s in lone)), ascii(min((s, 0) for s in lone)))
