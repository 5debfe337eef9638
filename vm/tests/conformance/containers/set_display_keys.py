# Set displays ({a, b, ...}) with keys whose hash or equality is Python
# code: first key kept among equal ones, errors stop the build.


class K:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag

    def __hash__(self):
        print("hash", self.tag)
        return self.v % 3

    def __eq__(self, other):
        print("eq", self.tag, other.tag)
        return self.v == other.v

    def __repr__(self):
        return self.tag


s = {K(1, "a"), K(4, "b"), K(1, "c"), K(7, "d")}
print(sorted(s, key=repr))


class Bad:
    def __hash__(self):
        raise RuntimeError("no hash")


try:
    {1, Bad(), 2}
except RuntimeError as e:
    print(e)
try:
    {1, [2]}
except TypeError as e:
    print(e)
print({3, 1, 2, 1.0, True, 2.0}, list({100, 33, 1, 5}), {"a", "a"}, {(1, 2), (1, 2)})
x = 5
print({x, x + 1, x - 5, -1, -2})
