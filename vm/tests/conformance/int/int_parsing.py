# int(x, base) and base prefixes.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("17", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("-101", 2), int("  +1_0  ", 16), int("0_0", 0))
print(int(3.99), int(-3.99), int(True), int("१२३"), int(b"42"), int(bytearray(b"-7")))
for args in [("12", 1), ("12", 37), ("9", 8), ("08", 0), ("0x", 16), ("1.0",), (1.5, 10), ("", 2)]:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
print(bin(10), oct(10), hex(10), bin(-10), hex(-255), hex(2 ** 70), oct(0), bin(0))
