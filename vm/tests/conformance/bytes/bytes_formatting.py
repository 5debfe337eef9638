# repr of bytes, % formatting on bytes and int conversion.
print(repr(bytes(range(0, 256, 15))))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(bytearray(b"'")))
print(b"%d-%s-%r" % (1, b"x", "é"), b"%05.1f" % 2.25, b"%c%c" % (65, b"B"), b"%%")
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), b"ab".hex())
print(list(b"AZaz09"), bytes([i for i in b"abc" if i != 98]))
print(str(b"abc"), f"{b'x'}", "%s" % b"y")
