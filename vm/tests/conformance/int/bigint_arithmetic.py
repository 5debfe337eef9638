# Arbitrary precision integer arithmetic.
a = 2 ** 200 + 12345
b = 3 ** 100 - 1
print(a + b)
print(a - b, b - a)
print(a * b)
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
print(divmod(a, b), divmod(-a, 7))
print(a ** 3)
f = 1
for i in range(1, 60):
    f *= i
print(f, len(str(f)))
print(2 ** 64 - 1, -(2 ** 63), 2 ** 64 // 3, (2 ** 64) >> 1)
print((10 ** 30 + 1) * (10 ** 30 - 1) == 10 ** 60 - 1)
print(abs(-(10 ** 40)), -(-(10 ** 40)), +(10 ** 40))
print(12345678901234567890123 // 1000000007, 12345678901234567890123 % 1000000007)
print(-(2 ** 100) // 3, -(2 ** 100) % 3, (2 ** 100) // -3)
print(sum(range(10 ** 6 // 1000)) * 10 ** 25)
print(int(1e20), int(-1.5e19), int(2 ** 70 / 3))
