# Tagged floats and small ints take a fast path into math functions;
# the results and errors must be those of the general conversions.
import math
vals = [0.0, -0.0, 1.0, -1.5, 2.5, 1e300, -1e300, 1e-300, 5e-324, float('inf'), float('-inf'), float('nan'), 0, 1, -3, 2**53 + 1, 2**62 + 3, 2**70, True, 7.5e18, 9.5e18, -9.5e18, 3.0e20, 2.0**256, 2.0**257, 2.0**-256]
for name in ["sin", "cos", "sqrt", "exp", "log", "log2", "log10", "floor", "ceil", "atan", "tanh"]:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, out)
for a, b in [(3, 4), (3.0, 4.0), (0.0, 0.0), (1e300, 1e300), (float('inf'), float('nan')), (2, 1.5)]:
    print(math.hypot(a, b), math.atan2(a, b), math.hypot(a, b, a, b, a, b, a, b, a), math.hypot(*[a] * 12), math.log(a + 1, b + 2))
print(math.hypot(), math.hypot(-2.5))
try:
    math.hypot(1, "x")
except TypeError as e:
    print(e)
try:
    math.sin("x")
except TypeError as e:
    print(e)
