# int methods and attributes.
n = 42
print(n.real, n.imag, n.numerator, n.denominator, n.conjugate(), (-n).__abs__())
print(n.as_integer_ratio(), (10).__index__(), int.__name__, (5).__add__(3), (5).__radd__(3), (5).__sub__(1.0))
print(int(), int("  12  "), type(10 ** 100).__name__, isinstance(True, int))
print((255).__format__("x"), (3).__pow__(2), (7).__floordiv__(2), (7).__truediv__(2), (7).__mod__(3))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2), round(15, -1), round(25, -1))
print(int.bit_length(8), (100).__bool__(), (0).__bool__(), (3).__neg__(), (3).__invert__())
print(sorted([3, -1, 10 ** 20, -(10 ** 20), 0]))
print(max(10 ** 20, 10 ** 20 + 1), min(-5, -(10 ** 30)))
