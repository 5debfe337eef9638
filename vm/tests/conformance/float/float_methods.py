# float methods and attributes.
x = 2.5
print(x.is_integer(), (3.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
print(x.hex(), (1.0).hex(), (0.1).hex(), (-0.0).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("inf"))
print(x.real, x.imag, x.conjugate(), float(), float(3), float(True), float(" 1.5\n"))
print((7.5).__floordiv__(2), (7.5).__mod__(2), (2.0).__pow__(3), (1.5).__trunc__(), (3.7).__round__())
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(e)
import sys
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
