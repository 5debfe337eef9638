# Every dict method.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "default"), d)
d.update({"x": 9}, y=10); d.update([("z", 11)]); print(d)
print(d.popitem(), d)
e = d.copy(); e["new"] = 1; print(d, e)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d.clear(); print(d, len(d))
print(dict(a=1, b=2), dict([("k", "v")]), dict({"x": 1}, y=2), dict(zip("ab", range(2))))
m = {"one": 1} | {"two": 2}
m |= {"one": 100}
print(m, {"a": 1} | {"a": 2})
print("a" in {"a": 1}, 1 in {"a": 1}, len({1: 1, 1.0: 2, True: 3}), {1: 1, 1.0: 2, True: 3})
print(list(reversed({"p": 1, "q": 2})), sorted({"b": 1, "a": 2}), {"k": 1} == {"k": 1.0})
