# zlib: round trips through compress/decompress and the streaming objects
# in the zlib, raw and gzip formats; decoding CPython-made streams;
# checksums; errors. (Compressed bytes themselves are not printed: another
# DEFLATE encoder may pick other, equally valid, codes.)
import zlib

text = b"hello hello hello hello " * 50 + bytes(range(256))
for wbits in (15, 9, -15, 31):
    for level in (-1, 0, 1, 9):
        c = zlib.compress(text, level, wbits)
        print(wbits, level, zlib.decompress(c, wbits) == text, len(c) < len(text) or level == 0)
print(zlib.decompress(zlib.compress(text, wbits=31), 47) == text)
print(zlib.decompress(zlib.compress(text), 47) == text, zlib.decompress(zlib.compress(text), 0) == text)

print(zlib.decompress(b"x\x9c\xcbH\xcd\xc9\xc9W\xc8@'\x01h\x03\x08\xb1"))
print(zlib.decompress(b'\xab\xa8\xac\xaa\xc0\x8d\x00', -15))
print(zlib.decompress(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03KLJ\x06\x00\xc2A$5\x03\x00\x00\x00', 31))

co = zlib.compressobj(6, zlib.DEFLATED, 31)
parts = [co.compress(text[i:i + 100]) for i in range(0, len(text), 100)]
parts.append(co.flush())
stream = b"".join(parts)
print(zlib.decompress(stream, 31) == text)
do = zlib.decompressobj(31)
out = b"".join(do.decompress(stream[i:i + 7]) for i in range(0, len(stream), 7))
print(out == text, do.eof, do.unused_data)

co = zlib.compressobj()
sync = co.compress(b"first part ") + co.flush(zlib.Z_SYNC_FLUSH)
do = zlib.decompressobj()
print(do.decompress(sync), do.eof)
rest = co.compress(b"second part") + co.flush()
print(do.decompress(rest + b"TRAILING"), do.eof, do.unused_data)

do = zlib.decompressobj()
first = do.decompress(zlib.compress(text), 100)
print(len(first), len(do.unconsumed_tail) > 0)
more = do.decompress(do.unconsumed_tail)
print(first + more == text, do.eof)

print(zlib.crc32(b"hello world"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b""))
print(zlib.adler32(b"hello world"), zlib.adler32(b"world", zlib.adler32(b"hello ")), zlib.adler32(b""))
print(zlib.crc32(bytearray(b"abc")), zlib.adler32(memoryview(b"abc")))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH, issubclass(zlib.error, Exception))
for bad in [lambda: zlib.decompress(b"not compressed at all"),
            lambda: zlib.decompress(zlib.compress(text)[:20]),
            lambda: zlib.compress(b"x", 12),
            lambda: zlib.compress("text"),
            lambda: zlib.decompressobj().decompress(b"x", -1)]:
    try:
        bad()
    except (zlib.error, ValueError, TypeError) as e:
        print(type(e).__name__, e)
