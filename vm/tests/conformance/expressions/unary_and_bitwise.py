# Unary operators and bitwise operations on ints and bools.
print(-0, +5, -(-5), ~0, ~~7)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(1 << 70, (1 << 70) >> 68, -1 >> 5, -16 >> 2, -1 << 3)
print(True & False, True | False, True ^ True, ~True)
print(type(True & True).__name__, type(True + True).__name__)
print(-5 & 0xFF, -5 | 0, (-5) ^ 3)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1.0 & 1
except TypeError as e:
    print(e)
try:
    -"a"
except TypeError as e:
    print(e)
try:
    ~1.5
except TypeError as e:
    print(e)
