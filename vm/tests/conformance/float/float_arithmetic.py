# Float arithmetic corner cases.
print(0.1 * 3, 0.1 + 0.1 + 0.1 == 0.3, 1.1 * 1.1, 1e16 + 1, 1e16 + 2, 0.1 ** 2)
print(7.0 / 2, 7.0 // 2, -7.0 // 2, 7.0 % 3, -7.0 % 3, 7.0 % -3, 5.5 % 1, -0.0 % 1)
print(1e-320 / 10, 5e-324 / 2, 2 ** -1074, 1.0 - 1e-16, 1.0 - 1e-17)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), 3 * 0.1 == 0.3)
import math
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(e)
print(10 / 4, 10 // 4.0, 2 ** 0.5 * 2 ** 0.5, 1 / 7)
print(float(2 ** 53) + 1.0, float(10 ** 17 + 1), 2 ** 53 + 1.0)
