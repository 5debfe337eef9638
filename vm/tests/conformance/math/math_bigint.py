# math functions on big integers.
import math
print(math.factorial(50))
print(math.isqrt(2 ** 200), math.isqrt(2 ** 200) ** 2 == 2 ** 200)
print(math.gcd(2 ** 100 * 3, 2 ** 90 * 9), math.comb(100, 50))
print(math.log2(2 ** 1000), math.log10(10 ** 300), math.log(2 ** 2000, 2))
print(math.floor(10 ** 30 + 0.5), math.ceil(-(10 ** 20)), math.trunc(10 ** 25))
print(float(math.factorial(170)) < math.inf, math.prod(range(1, 30)))
