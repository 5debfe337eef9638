# Mixing numeric types and the numbers ABCs.
import numbers
from fractions import Fraction
for v in [1, True, 1.5, 1j, Fraction(1, 2)]:
    print(type(v).__name__, isinstance(v, numbers.Number), isinstance(v, numbers.Complex), isinstance(v, numbers.Real),
          isinstance(v, numbers.Rational), isinstance(v, numbers.Integral))
print(type(1 + 1.0).__name__, type(1 + 1j).__name__, type(1.0 + 1j).__name__, type(True + True).__name__, type(Fraction(1) + 1).__name__, type(Fraction(1) + 1.0).__name__)
print(1 == 1.0 == 1 + 0j == Fraction(1) == True)
