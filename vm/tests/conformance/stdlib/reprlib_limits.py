import reprlib, collections
r = reprlib.Repr()
cases = [list(range(10)), tuple(range(3)), (1,), set(range(20)), frozenset("abcdefgh"), {i: str(i) for i in range(10)}, "x" * 100, "short", 10 ** 50, 3, [[[[[[[[1]]]]]]]], collections.deque(range(10)), [], (), {}, set(), frozenset(), {"k": [1, 2, {"z": (1, 2)}]}, object, 1.5, b"b" * 50, "abc'\"def" * 10]
for c in cases:
    print(r.repr(c))
print(reprlib.repr(list(range(100))), reprlib.aRepr.maxlist)
r.maxlevel = 1; r.maxstring = 10; r.maxlist = 2; r.fillvalue = "+++"
print(r.repr([[1], [2], [3]]), r.repr("hello world, long"), r.repr({"a": {"b": 1}}), r.repr([]))
class Bad:
    def __repr__(self): raise ValueError
print(reprlib.repr(Bad()).startswith("<Bad instance at 0x"))
class Node:
    def __init__(self): self.kids = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        "doc"
        return "Node(%r)" % self.kids
class Node2(Node):
    @reprlib.recursive_repr("<loop>")
    def __repr__(self):
        return "N2" + repr(self.kids)
print(repr(Node()), repr(Node2()), Node.__repr__.__name__, Node.__repr__.__doc__, Node.__repr__.__qualname__)
