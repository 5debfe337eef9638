# Floats at the edges of Skein's tagged-float encoding (magnitudes in
# [2**-255, 2**257) live in the value word, others are boxed): values,
# arithmetic, comparisons, hashing and identity-free behaviour must not
# depend on which representation a float has.
import math
import struct

edges = [
    0.0, -0.0, 2.0 ** -255, -(2.0 ** -255), 2.0 ** -256, 2.0 ** -254,
    2.0 ** 256, 2.0 ** 257, -(2.0 ** 257), 2.0 ** 257 * (1 - 2 ** -53),
    5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    float("inf"), float("-inf"), 1.0, -1.0, 0.5, 1e-77, 1e77, 1e-78, 1e78,
]

for x in edges:
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    back = struct.unpack("<d", struct.pack("<Q", bits))[0]
    print(repr(x), hex(bits), back == x, math.copysign(1.0, x),
          type(x).__name__, isinstance(x, float))

# Arithmetic that crosses the boundaries in both directions.
small = 2.0 ** -255
big = 2.0 ** 256
print(small / 2, small * 2, (small / 2) * 2 == small)
print(big * 2, big * 4, (big * 4) / 4 == big)
print(-0.0 + 0.0, 0.0 * -1, math.copysign(1.0, 0.0 * -1), -(0.0), -(-0.0))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
print(float("inf") - float("inf"), float("nan") == float("nan"))
n = float("nan")
print(n != n, n is n, [n] == [n], n in [n], math.isnan(n + 1.0))

# Mixed int/float operations and comparisons, including ints beyond 2**53.
for i in [0, 1, -7, 2 ** 53, 2 ** 53 + 1, 2 ** 62 - 1, -(2 ** 62), 2 ** 63, 10 ** 30]:
    f = float(i)
    print(i, f, i == f, i < f + 1, f > i - 1, i + 0.5, i * 1.5, i / 3, 0.5 ** 2 + i)
    print(i == f, (i + 1) == f, hash(i) == hash(f), {i: "x"}.get(f), i // 2.5, i % 2.5)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53 + 1))
print(9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(3 / 4, -3 / 4, 7 // 2.0, -7 // 2.0, 7 % -2.0, -7.5 % 2, 2 ** 0.5, 2.0 ** -1, 10 ** -2)
print(1 << 61, 1 << 62, 1 << 63, -1 << 62, 3 << 61, 5 >> 1, -5 >> 1, -5 >> 100, 7 ** 22, 7 ** 23, 3 ** 39, 3 ** 40)
print((-8.0) ** (1 / 3), (-2.0) ** 3, (-2.0) ** 0.5, 0.0 ** 0, 4.0 ** 0.5)
for bad in ["1.0 / 0", "1 / 0.0", "1.0 // 0.0", "1.0 % 0", "0.0 ** -1", "1 / 0", "10.0 ** 400"]:
    try:
        eval(bad)
    except (ZeroDivisionError, OverflowError) as e:
        print(bad, "->", type(e).__name__, e)

# Hashes and dict/set membership agree between equal ints and floats.
d = {1: "one", 2.5: "two and a half", 0: "zero", -0.0: "negative zero?"}
print(d[1.0], d[2.5], d[0.0], d[0], len(d), sorted({0.0, -0.0, 0, 1, 1.0, 2.5}))
print(hash(0.0) == hash(-0.0) == hash(0), hash(2.5), hash(-2.5), hash(1e77), hash(2.0 ** -255))

# float subclasses keep their type and value through arithmetic.
class F(float):
    def __add__(self, other):
        return "F.__add__"
f = F(1.5)
print(type(f).__name__, f + 1, 1 + f, f * 2, type(f * 2).__name__, f == 1.5, hash(f) == hash(1.5))
print(type(float(f)).__name__, float(f) is not f, -f, type(-f).__name__, +f, type(+f).__name__)

# Truth values, unary operators, conversions.
print(bool(0.0), bool(-0.0), bool(2.0 ** -255), bool(5e-324), bool(n), not 1.5)
print(-1.5, +1.5, abs(-1.5), -(2.0 ** 300), int(1.9), int(-1.9), round(2.675, 2), math.floor(-0.5))
print(sum([0.1] * 10), sum([1, 2.5, 3]), min(1.5, 1), max(2, 2.0), sorted([3, 1.5, -0.0, 2]))
print(f"{1.5:.3f} {2.0 ** -255:.3e} {1e300 * 10:f} {0.1 + 0.2!r}", "%.2f %d %s" % (3.14159, 2.9, 1e-80))
