# bool is a subclass of int with two instances.
print(True, False, int(True), True + True, True * 10, -True, ~False, True / 2, True // 1)
print(bool(0), bool(1), bool(-1), bool(""), bool("False"), bool([]), bool([[]]), bool(None), bool(0.0), bool(0j), bool())
print(type(True).__name__, isinstance(False, int), True == 1, False == 0, hash(True), True is bool(5))
print(True & False, True | False, True ^ True, True and 5, False or "x", not True)
print(str(True), repr(False), f"{True}", "%d" % True, "%s" % False, format(True, "^7"), True.real, True.numerator)
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]), [1, 2, 3][True])
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
print(bool.__bases__, True.__class__, True.bit_length(), True.conjugate())
