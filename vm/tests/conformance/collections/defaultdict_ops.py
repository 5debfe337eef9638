# collections.defaultdict.
from collections import defaultdict
words = "the quick brown fox jumps over the lazy dog the end".split()
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(dict(by_letter))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
d = defaultdict(None, {"k": 1})
print(d.default_factory, d["k"])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
dd = defaultdict(set)
dd["s"].add(1)
print(repr(dd), "t" in dd, dd.get("t"), len(dd))
