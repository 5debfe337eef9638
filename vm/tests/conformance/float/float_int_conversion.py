# Conversions between floats and ints.
print(int(1e100), float(10 ** 100), float(2 ** 1023), int(-0.9), int(0.9999999999999999))
print(float(123456789012345678901234567890), 10 ** 23 == 1e23, int(1e23))
print(3 / 1, 10 ** 20 / 10 ** 10, 2 ** 100 / 2 ** 99, (10 ** 400) // (10 ** 399))
try:
    (10 ** 400) / 3
except OverflowError as e:
    print(e)
print((10 ** 400) / (10 ** 399), 1 / (10 ** 400))
print(float.__name__, isinstance(1.0, float), isinstance(1, float))
