# Errors from bytes operations.
tests = [
    lambda: b"abc"[3],
    lambda: b"a" * 1.0,
    lambda: bytes.fromhex("zz"),
    lambda: bytes.fromhex("abc"),
    lambda: b"abc".decode("ascii") + 1,
    lambda: "é".encode("ascii"),
    lambda: b"\x80".decode("ascii"),
    lambda: bytes(-1),
    lambda: b"a".count(300),
    lambda: bytearray(b"a").extend([1, "x"]),
    lambda: b"a" < "a",
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
