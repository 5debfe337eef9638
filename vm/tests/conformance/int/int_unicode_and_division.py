# int() with Unicode digits and whitespace, correctly rounded int/int true division, exact int/float comparisons.
print(int("\u0661\u0662\u0663"), int("\uff11\uff10"), int("\u00a0 42\u2003"), int("\U0001d7d9"), float("\u0661.\u0665"), complex("\u0661+\u0662j"))
for bad in ["1\x1c", "\u00bd", "1\u00e9", "\u0661x"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
print(1 / 3, 2 ** 62 / 3, (2 ** 64 + 1) / 2 ** 64, 3 / 2 ** 1075, 1 / 2 ** 1075, 2 ** 1100 / 2 ** 1090, (10 ** 30 + 1) / 10 ** 30)
print(0 / -5, 0 / -(2 ** 100), -(2 ** 100) / 2 ** 99, (2 ** 53 + 1) / 1, 12345678901234567891 / 10)
try:
    2 ** 2000 / 3
except OverflowError as e:
    print(e)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, -(2 ** 80) < -(2.0 ** 80) + 1e9, 10 ** 400 > 1e308, 3 <= 3.0, -3 >= -3.5)
print(float(2 ** 1024 - 2 ** 971), float(2 ** 1024 - 2 ** 970 - 1), float(-(2 ** 53 + 3)), int(2.0 ** 80) == 2 ** 80, hash(2 ** 80) == hash(2.0 ** 80))
try:
    float(2 ** 1024 - 2 ** 970)
except OverflowError as e:
    print(e)
print((5).__round__(), round(25, -1), round(35, -1), round(-25, -1), round(10 ** 20 + 5 * 10 ** 9, -10))
try:
    (5).__round__(None)
except TypeError as e:
    print(e)
print((1.5).__round__(None), True.__round__(), (7).__rpow__(2, 5), (2).__pow__(-1), (2).__pow__(10, None))
