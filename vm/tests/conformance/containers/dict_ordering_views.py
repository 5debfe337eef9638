# Insertion order, views, and view set operations.
d = {}
for k in ["z", "a", "m"]:
    d[k] = len(d)
print(d, list(d))
d["a"] = 99
print(d)
del d["z"]
d["z"] = 0
print(d)
keys, values, items = d.keys(), d.values(), d.items()
d["new"] = 1
print(list(keys), list(values), list(items), len(keys))
print(sorted(keys & {"a", "q"}), sorted(keys | {"q"}), sorted(keys - {"a"}), ("a", 99) in items, 99 in values)
print(type(keys).__name__, type(values).__name__, type(items).__name__)
try:
    for k in d:
        d["another"] = 1
except RuntimeError as e:
    print(e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(e)
print(repr(keys)[:10], {}.keys() == set(), d.keys() == {"a", "m", "z", "new", "another"} - {"a"} | {"a"})
