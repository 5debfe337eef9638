# cmath functions.
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.exp(0), cmath.rect(1, 0))
print(cmath.isclose(cmath.exp(1j * cmath.pi), -1), cmath.log(1), cmath.isnan(complex("nan")), cmath.isinf(complex("inf")))
print(round(cmath.pi, 5), round(cmath.e, 5))
