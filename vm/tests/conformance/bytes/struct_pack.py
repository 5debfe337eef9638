# struct packing and unpacking.
import struct
print(struct.pack("<I", 1), struct.pack(">I", 1), struct.pack("<hhl", 1, 2, 3), struct.calcsize("<hhl"))
print(struct.unpack("<I", b"\x01\x00\x00\x00"), struct.unpack(">hH", b"\xff\xff\xff\xff"))
print(struct.pack("<d", 1.5), struct.unpack("<d", struct.pack("<d", 0.1)))
print(struct.pack("3s", b"abcdef"), struct.pack("<?B", True, 255), struct.pack("<q", -2))
try:
    struct.pack("<B", 256)
except struct.error as e:
    print(e)
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
