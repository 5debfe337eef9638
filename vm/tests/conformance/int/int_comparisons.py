# Comparisons between ints, bigints, floats and bools.
print(10 ** 20 > 10 ** 19, -(10 ** 20) < -1, 2 ** 63 == 2.0 ** 63, 2 ** 63 + 1 == 2.0 ** 63)
print(1 == 1.0, True == 1, 0 == False, 10 ** 400 > float("inf"), 10 ** 400 < float("inf"))
print(3 < 3.5 < 4, -0 == 0, 0 == -0.0, float("nan") == 0, float("nan") != float("nan"))
print(sorted([2, 1.5, True, 0, -1.0, 10 ** 20]), max(1, 1.0), max(1.0, 1), min(0, False))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
