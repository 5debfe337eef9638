# pow() with a modulus, negative exponents and errors.
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(-2, 3), pow(-2, 3, 5))
print(pow(2, -1), pow(2, -2, 5), pow(3, -1, 11), pow(7, 0, 1), pow(0, 0))
print(pow(10 ** 30 + 3, 10 ** 20, 2 ** 61 - 1))
print(pow(5, 3, -7), pow(-5, 3, -7), pow(2, 100, 3 ** 40))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 0.5, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(2 ** 0.5, (-8) ** 2, 4 ** -0.5, 0 ** 5)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
