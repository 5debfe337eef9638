# inf, nan and negative zero.
import math
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, nan + 1)
print(inf == inf, nan == nan, nan is nan, nan != nan, inf > 1e308, -inf < -1e308)
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf), math.isnan(inf - inf))
print(-0.0, 0.0 == -0.0, math.copysign(1, -0.0), str(-0.0), 0.0 * -1, abs(-0.0), -0.0 + 0.0)
print(max(1, nan), max(nan, 1), min(inf, 5), sorted([3.0, -inf, inf, 0.0]))
print(float("Inf"), float("-INFINITY"), float("NaN"), float("+nan"), repr(float("-nan")))
print(int(1e18), 1e18 == 10 ** 18, 2.0 ** 1023 * 2 if False else "skip")
try:
    2.0 ** 1024
except OverflowError as e:
    print(e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
print(1e308 + 1e308, -1e308 * 10)
