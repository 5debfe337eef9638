# int.to_bytes and int.from_bytes.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(0, "big"), (255).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (2 ** 64).to_bytes(9, "big"))
print((5).to_bytes(), (5).to_bytes(3), int.from_bytes(b"\x05"))
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x00\x80", "little", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"", "big"), int.from_bytes(bytes(20) + b"\x01", "big"))
for call in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"),
             lambda: (128).to_bytes(1, "big", signed=True)]:
    try:
        call()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
n = 123456789123456789123456789
print(int.from_bytes(n.to_bytes(12, "little"), "little") == n)
