# bytes literals, indexing, slicing, iteration and construction.
b = b"hello"
print(b, b[0], b[-1], b[1:3], list(b[:2]), len(b), b * 2, b + b"!", b"l" in b, 108 in b)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"copy"), bytes())
print(b"\x00\x7f\x80\xff", b"\t\n\r\\'", b'"', rb"\n", b"a" b"b")
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"\x01\x02\x03".hex(":"), b"abcdef".hex("-", 2))
for bad in [[256], [-1], ["a"], 1.5]:
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes("str")
except TypeError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b[0] = 1
except TypeError as e:
    print(e)
print(b == b"hello", b < b"help", b"" < b"\x00", b"abc" == "abc", hash(b"x") == hash(b"x"))
print(bytes.fromhex(""), bytes(memoryview(b"mv")), type(b[0]).__name__, type(b[0:1]).__name__)
