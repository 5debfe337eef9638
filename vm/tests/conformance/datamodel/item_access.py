# __getitem__/__setitem__/__delitem__ with ints, slices and tuples as keys.
class Recorder:
    # A list of pairs: slices are not hashable in 3.11.
    def __init__(self):
        self.data = []
    def __getitem__(self, k):
        print("get", repr(k))
        for key, value in self.data:
            if key == k:
                return value
        return "missing"
    def __setitem__(self, k, v):
        print("set", repr(k), v)
        self.data = [(key, value) for key, value in self.data if key != k] + [(k, v)]
    def __delitem__(self, k):
        print("del", repr(k))
        self.data = [(key, value) for key, value in self.data if key != k]
r = Recorder()
r[1] = "a"
r["x", 2] = "b"
print(r[1], r["x", 2], r[5])
r[1:2] = "slice"
print(r[1:2])
print(r[::2], r[1:], r[...])
del r[1]
r[1] += "!"
class Missing(dict):
    def __missing__(self, k):
        return f"default for {k}"
m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m)
class NoSet:
    def __getitem__(self, k):
        return k
try:
    NoSet()[0] = 1
except TypeError as e:
    print(e)
try:
    del NoSet()[0]
except TypeError as e:
    print(e)
try:
    object()[0]
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()])
