# Shortest float repr: exact ties for the last digit go to the even digit; hex and fromhex corners.
for v in [1e15 + 0.3, 1e15 + 0.7, 2.0 ** 70, 2.0 ** -1074, 2.0 ** -1022, 123456789012345678.0, 0.1 * 3, 4.35, 9.999999999999999e22,
          1e23, 5e-324 * 3, 1.7976931348623157e308 / 3, 0.000123, 1.23e-7, 100.0, 1e16 - 2, 2.5e-310]:
    print(repr(v), v.hex(), float.fromhex(v.hex()) == v)
print(float.fromhex("0x1.fffffffffffff8p1023") if False else "skip", float.fromhex("0x1p-1075"), float.fromhex("0x3p-1076"), float.fromhex(" -0X.8P+1 "))
for bad in ["0x1p", "0x", "1.2.3", "0xp1", "infinit"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(bad, e)
try:
    float.fromhex("0x1.fffffffffffff8p1023")
except OverflowError as e:
    print(e)
print(repr(float("1e-400")), repr(float("-0")), repr(1 / 3 * 1e-300), repr(2 ** 53 + 1.0), repr(float(10 ** 22 + 1)))
