# `f(**d)` / `{**d}` merges and the **kwargs dicts that binding fills:
# order, duplicates, non-str keys, subclasses, the source left unchanged.


def show(*args, **kwargs):
    return args, kwargs


def params(a, b=2, *, c=3, **extra):
    return a, b, c, sorted(extra.items())


d = {"x": 1, "y": 2, "z": 3}
print(show(**d))
print(show(**d, w=4))
print(show(w=0, **d))
print(show(**{}))
print(show(*(1, 2), **d))
r = show(**d)[1]
r["x"] = 100
print(d, r, r is d)

print(params(**{"a": 1}))
print(params(**{"a": 1, "c": 5, "tag": "t", "more": [1]}))
print(params(1, **{"b": 7, "zz": 0, "aa": 1}))

# Duplicates across two ** and between a keyword and a **.
for call in (lambda: show(**d, **{"x": 9}), lambda: show(x=0, **d), lambda: params(1, **{"a": 2})):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# Keys that are not strings: an error in calls, fine in displays.
for bad in ({1: 2}, {"ok": 1, 2: 3}):
    try:
        show(**bad)
    except TypeError as e:
        print("TypeError:", e)
print({**{1: "a", "b": 2}})
print({**d, **{"x": 0}, "q": 1})
print({**{}})


class S(str):
    pass


print(show(**{S("sub"): 1}))


class D(dict):
    pass


print(show(**D(p=1, q=2)))


class M:
    def keys(self):
        return ["k1", "k2"]

    def __getitem__(self, k):
        return k.upper()


print(show(**M()))
print({**M()})
try:
    show(**[1, 2])
except TypeError as e:
    print("TypeError:", e)


# The same merge many times (a warm call site).
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)


total = 0
for i in range(200):
    a, b, c, extra = apply(params, i, c=i & 7, tag="x")
    total += a + b + c + len(extra)
    a, b, c, extra = apply(params, i, 3)
    total += a + b + c + len(extra)
print(total)


# **kwargs with many keys keeps call order.
def many(**kw):
    return list(kw)


print(many(k9=9, k1=1, k5=5, k3=3, k7=7, k2=2, k8=8, k4=4))
print(many(**dict.fromkeys("zyxwvutsrq", 0)))
