# __hash__ and __eq__ determine dict/set behaviour; defining __eq__ removes __hash__.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k.lower() == o.k.lower()
    def __hash__(self):
        return hash(self.k.lower())
    def __repr__(self):
        return f"Key({self.k})"
d = {Key("A"): 1}
d[Key("a")] = 2
print(d, Key("A") in d, len({Key("x"), Key("X"), Key("y")}))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print(e)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain())
print(hash(1) == hash(1.0) == hash(True), hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(1.5), hash(float("inf")), hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
class BadHash:
    def __hash__(self):
        return "not int"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
