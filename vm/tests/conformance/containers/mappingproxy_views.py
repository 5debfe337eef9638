# mappingproxy: the read-only live view returned by cls.__dict__.
import types
class K:
    a = 1
d = K.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType, d["a"], d.get("zz"), d.get("zz", 0), "a" in d)
try:
    d["b"] = 2
except TypeError as e:
    print(e)
K.b = 2
print(d["b"], sorted(k for k in d if not k.startswith("__")))
src = {"x": 1, "y": 2}
p = types.MappingProxyType(src)
print(p, len(p), list(p), list(p.keys()), list(p.values()), list(p.items()))
src["z"] = 3
print(p["z"], p.copy(), type(p.copy()).__name__, p == src, p != src, str(p))
print(p | {"w": 4}, {"w": 4} | p, list(reversed(p)))
for bad in ([1], (1,), 5):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print(e)
try:
    hash(p)
except TypeError as e:
    print(e)
try:
    p |= {}
except TypeError as e:
    print(e)
try:
    del p["x"]
except TypeError as e:
    print(e)
try:
    p["nope"]
except KeyError as e:
    print("KeyError", e)
print(types.MappingProxyType(p)["x"], vars(K) is not None, type(vars(K)).__name__)
