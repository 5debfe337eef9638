# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, 1 in a, 3 not in a, "ell" in "hello", "" in "abc")
print(2 in {1: "x", 2: "y"}, "x" in {1: "x"})
print(3 in range(0, 10, 3), 4 in range(0, 10, 3))
print(b"a" in b"abc", 97 in b"abc")
print((1, 2) in [(1, 2)], [1] in [[1]])
class Box:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
print(2 in Box([1, 2, 3]), 5 in Box([1]))
print(float("nan") in [float("nan")])
n = float("nan")
print(n in [n], n == n)
