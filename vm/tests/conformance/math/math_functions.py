# math module functions with exactly representable or well-defined results.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30), math.pow(2, 10), math.exp(0), math.exp(1))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0), math.expm1(0))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3))
print(math.factorial(20), math.factorial(0), math.gcd(12, 18), math.gcd(0, 0), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(4, 6, 10))
print(math.comb(10, 3), math.perm(5, 2), math.perm(5), math.prod([1, 2, 3, 4]), math.prod([]), math.fsum([0.1] * 10))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.dist([0, 0], [3, 4]), math.remainder(10, 3))
print(math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10))
print(math.nextafter(1.0, 2.0), math.ulp(1.0))
