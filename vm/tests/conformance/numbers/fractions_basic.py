# fractions.Fraction exact arithmetic.
from fractions import Fraction
a = Fraction(1, 3)
b = Fraction("2/6")
print(a, b, a == b, a + Fraction(1, 6), a * 3, a / 2, a ** 2, -a, abs(-a), float(a), repr(a))
print(Fraction(0.5), Fraction(3), Fraction("1.25"), Fraction(6, -4), a.numerator, a.denominator, Fraction(10, 4) == 2.5)
print(Fraction(355, 113).limit_denominator(10), sum(Fraction(1, d) for d in range(1, 6)), round(Fraction(7, 2)))
print(Fraction(1, 3) < 0.34, hash(Fraction(1, 2)) == hash(0.5), int(Fraction(-7, 2)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)
