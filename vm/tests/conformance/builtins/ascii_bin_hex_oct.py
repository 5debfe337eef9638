# ascii, bin, hex, oct, chr, ord.
print(ascii("plain"), ascii("é"), ascii("日本"), ascii(["ü", 1]), ascii("\U0001F600"), ascii(b"\xff"))
print(bin(0), bin(5), bin(-5), bin(2 ** 65), hex(0), hex(255), hex(-255), oct(8), oct(-8))
print(chr(65), chr(0x20AC), chr(0x10FFFF) == "\U0010ffff", ord("A"), ord("€"), ord(b"a"), ord(bytearray(b"z")))
for bad in [lambda: bin(1.5), lambda: hex("a"), lambda: chr(0x110000), lambda: ord(""), lambda: ord(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class I:
    def __index__(self):
        return 10
print(bin(I()), hex(I()), oct(I()))
