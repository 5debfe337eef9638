# pickle.dumps gives CPython's exact bytes for the common types, at every
# protocol, and loads gives the value back.
import pickle

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.format_version)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


def helper():
    return 1


values = [
    None, True, False, 0, 1, -1, 127, 128, 255, 256, 65535, 65536,
    2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**63, -2**63, 2**64 + 1, 3**200, -(7**150),
    0.0, -0.0, 1.5, -2.25, 1e300, float("inf"), float("-inf"),
    "", "a", "héllo", "\u20ac\U0001f600", "back\\slash\nnew\rline\x00nul\x1a", "x" * 300,
    b"", b"abc", b"\x00\xff\x80", b"y" * 300,
    bytearray(), bytearray(b"ab\x00"),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, "a", 2.5], {}, {"k": 1}, {1: "a", 2: "b", 3: None},
    set(), {7}, {1, 2, 3}, frozenset(), frozenset({4}), frozenset({5, 6}),
    [[1, 2], (3, 4), {"five": {6}}],
    Point(1, "two"), Point, helper, len, int, object, type(None), type(...), type(NotImplemented),
    ..., NotImplemented, complex(1, -2), range(1, 10, 3), slice(1, 5, 2),
    ValueError, KeyError("missing"),
]
for value in values:
    for proto in range(6):
        data = pickle.dumps(value, proto)
        back = pickle.loads(data)
        if isinstance(value, float) and value != value:
            same = back != back
        else:
            same = back == value and type(back) is type(value)
        if isinstance(value, BaseException):
            same = type(back) is type(value) and back.args == value.args
        print(proto, data, "ok" if same else f"MISMATCH {back!r}")

# (int | str pickles as functools.reduce(operator.or_, ...), whose module
# names differ between implementations: only the round trip is checked.)
print([pickle.loads(pickle.dumps(int | str, proto)) == int | str for proto in range(6)])

# Protocol argument: default, negative, and the pickle of each protocol's header.
print(pickle.dumps(1), pickle.dumps(1, -1), pickle.dumps(1, protocol=None))
print(pickle.dumps([1, 2], fix_imports=False, protocol=2))
