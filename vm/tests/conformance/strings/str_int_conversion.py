# Converting between strings and numbers.
print(int("42"), int(" -7 "), int("+3"), int("1_000"), int("0"), int("00"), int("\u0661"))
print(float("3.5"), float(" -1e3 "), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"))
print(str(12345678901234567890), str(-0.0), str(1e21), str(1e-4), str(123.456))
for bad in ["1.5", "1e3", "abc", "", " ", "1_", "_1", "1__0", "0x10", "١x"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
for bad in ["1.2.3", "e5", "", "1e", "inf1"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
print(repr(str(10 ** 50)), len(str(2 ** 1000)))
