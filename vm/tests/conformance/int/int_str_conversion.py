# Large int <-> str conversions and the digit limit.
import sys
big = 7 ** 500
s = str(big)
print(len(s), s[:20], s[-20:], int(s) == big)
print(repr(-(10 ** 25)), str(0), str(-0), f"{10 ** 30:,}")
print(sys.get_int_max_str_digits())
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
print(len(hex(10 ** 5000)))
