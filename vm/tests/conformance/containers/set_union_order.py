# Set unions keep CPython's iteration order (small tables copied as they are, larger ones
# rebuilt with set_merge's presizing), for sets and frozensets on either side.
import sys
for base in ([], [1], [3, 1], [5, 9, 2, 7], [1, 2, 3, 4, 5], list(range(20))):
    for extra in ([], [0], [100, -1], list(range(8))):
        a = frozenset(base); b = set(base)
        print(list(a | set(extra)), list(b | set(extra)), list(set(extra) | a), type(a | b).__name__, type(b | a).__name__)
s = {1, 2, 3, 4, 5}
s.discard(2); s.discard(3)
print(list(s | {9}), list(s.copy()), list(frozenset(s) | set()))
fs = frozenset("abcd")
print(sorted(fs | {"e"}), hash(frozenset([1, 2])) == hash(frozenset([1]) | {2}))
