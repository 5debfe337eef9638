# WeakValueDictionary, WeakKeyDictionary, WeakSet, KeyedRef.
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "C(%s)" % self.name


d = weakref.WeakValueDictionary()
a, b = C("a"), C("b")
d["a"] = a
d["b"] = b
print(sorted(d.keys()), len(d), "a" in d, d["a"])
del a
print(sorted(d.keys()), len(d), "a" in d, d.get("a", "gone"))
try:
    d["a"]
except KeyError as e:
    print("KeyError", e)
print(sorted(d.items(), key=str), list(d.values()))
print(type(d.valuerefs()[0]).__name__, d.valuerefs()[0].key)
print(d.pop("b"), len(d), d.setdefault("z", b), d.popitem())
d2 = weakref.WeakValueDictionary({1: b}, two=b)
print(sorted(d2, key=str), sorted((d2 | {3: b}).keys(), key=str))

# Values dying during an iteration are removed once it ends.
objs = [C(i) for i in range(6)]
d3 = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
it = iter(d3.items())
print(next(it)[0])
del objs[3:]
print(len(list(it)), len(d3), sorted(d3))

wk = weakref.WeakKeyDictionary()
k1, k2 = C("k1"), C("k2")
wk[k1] = 1
wk[k2] = 2
print(len(wk), wk[k1], k2 in wk, 5 in wk, wk.get(k2))
del k1
print(len(wk), list(wk.values()), list(wk.keys()))
print(wk.pop(k2), len(wk), wk.setdefault(k2, 7), wk[k2])
keys = [C(i) for i in range(4)]
wk2 = weakref.WeakKeyDictionary({k: i for i, k in enumerate(keys)})
it = iter(wk2.items())
next(it)
del keys[1:]
print(len(list(it)), len(wk2))
try:
    wk[1] = 2
except TypeError as e:
    print(e)

s = weakref.WeakSet()
x, y, z = C("x"), C("y"), C("z")
s.add(x)
s.add(y)
s.update([z])
print(len(s), x in s, 3 in s, sorted(s, key=str))
del x
print(len(s), sorted(s, key=str))
s.discard(y)
print(len(s), s == weakref.WeakSet([z]), s <= weakref.WeakSet([z, y]), sorted(s | weakref.WeakSet([y]), key=str))
t = s.copy()
del z
print(len(s), len(t), list(t))
try:
    weakref.WeakSet().pop()
except KeyError as e:
    print("KeyError", e)
print(weakref.WeakSet[int], isinstance(weakref.WeakSet(), __import__("collections.abc").abc.MutableSet))

o = C("o")
kr = weakref.KeyedRef(o, None, "key")
print(kr.key, kr() is o, isinstance(kr, weakref.ref))

import copy
r0 = weakref.ref(o)
print(copy.copy(r0) is r0, copy.deepcopy([r0])[0] is r0)
