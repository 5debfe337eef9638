"""Compare vm/lib/struct.py with CPython's struct module."""

import math
import random
import struct as real_struct

import harness

mods = harness.load()
S = mods["struct"]
c = harness.Checker("struct")
rng = random.Random(5150)


def outcome(fn):
    try:
        value = fn()
    except (S.error, real_struct.error) as e:
        return ("struct.error", str(e))
    except Exception as e:  # noqa: BLE001
        return ("raise", type(e).__name__, str(e))
    return ("ok", norm(value))


def norm(value):
    if isinstance(value, float) and math.isnan(value):
        return ("nan", math.copysign(1.0, value))
    if isinstance(value, float) and value == 0:
        return ("zero", math.copysign(1.0, value))
    if isinstance(value, (tuple, list)):
        return type(value).__name__, [norm(v) for v in value]
    return value


def same(label, fn):
    """fn(module) must behave the same for both modules."""
    c.eq(label, outcome(lambda: fn(S)), outcome(lambda: fn(real_struct)))


INT_CODES = "bBhHiIlLqQ"
NATIVE_ONLY = "nNP"
FLOAT_CODES = "efd"


def int_values(size):
    bits = 8 * size
    return [0, 1, -1, 2**(bits - 1) - 1, -2**(bits - 1), 2**(bits - 1), -2**(bits - 1) - 1, 2**bits - 1, 2**bits,
            2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**70, -2**70, True, 1.0, "1", None,
            rng.randrange(-2**bits, 2**bits)]


FLOATS = [0.0, -0.0, 1.0, -2.5, 0.1, 1 / 3, 65504.0, 65519.0, 65520.0, 65536.0, 5.96e-8, 2.98e-8, 2.9e-8, 1e-8,
          6.1e-5, 6.09e-5, 3.4028234663852886e38, 3.4028235677973366e38, 3.402823567797337e38, 3.5e38, 1e300,
          1e-45, 7e-46, 1.401298464324817e-45, 1e-46, 1.1754943508222875e-38, 1.1754942e-38, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 1e-310, -2.2250738585072009e-308, 4.9e-324, float("inf"), float("-inf"), float("nan"), -float("nan"), 1, True, "x", None]


def test_ints():
    for mode in "@=<>!":
        for code in INT_CODES + NATIVE_ONLY:
            fmt = mode + code
            same(f"calcsize {fmt}", lambda m: m.calcsize(fmt))
            size = real_struct.calcsize(code)
            for v in int_values(size):
                same(f"pack {fmt} {v!r}", lambda m: m.pack(fmt, v))
                same(f"roundtrip {fmt} {v!r}", lambda m: m.unpack(fmt, real_struct.pack(fmt, v)))


def test_floats():
    for mode in "@=<>":
        for code in FLOAT_CODES:
            fmt = mode + code
            for v in FLOATS:
                same(f"pack {fmt} {v!r}", lambda m: m.pack(fmt, v))
            for _ in range(300):
                v = rng.choice([rng.uniform(-1e5, 1e5), rng.random() * 10.0 ** rng.randrange(-330, 308),
                                math.ldexp(rng.random(), rng.randrange(-160, 140))])
                same(f"pack {fmt} {v!r}", lambda m: m.pack(fmt, v))
            size = real_struct.calcsize(fmt)
            for _ in range(300):
                raw = bytes(rng.randrange(256) for _ in range(size))
                same(f"unpack {fmt} {raw!r}", lambda m: m.unpack(fmt, raw))
            for special in (b"\x00" * size, b"\xff" * size, b"\x01" + b"\x00" * (size - 1)):
                same(f"unpack {fmt} {special!r}", lambda m: m.unpack(fmt, special))


def test_other_codes():
    cases = [
        ("c", b"a"), ("c", b"ab"), ("c", "a"), ("c", 1), ("c", bytearray(b"a")),
        ("3s", b"abcdef"), ("3s", b"a"), ("3s", bytearray(b"a")), ("3s", "abc"), ("0s", b"abc"), ("s", b""),
        ("5p", b"abcdefg"), ("0p", b"abc"), ("1p", b"abc"), ("300p", b"a" * 400), ("3p", "a"), ("0p", 5),
        ("?", []), ("?", [1]), ("?", None), ("?", 2), ("x", ), ("2x", ), ("<x2xb", 1),
    ]
    for fmt, *args in cases:
        same(f"pack {fmt} {args!r}", lambda m: m.pack(fmt, *args))
    for fmt, raw in [("5p", b"\x09abcd"), ("3p", b"\x05ab"), ("??", b"\x00\x05"), ("cc", b"ab"), ("3s", b"abc"),
                     ("<x2xb", b"\x00\x00\x00\xff"), ("2s3p", b"ab\x01cd")]:
        same(f"unpack {fmt} {raw!r}", lambda m: m.unpack(fmt, raw))


def test_formats():
    formats = ["", "<", "@ci", "@ic", "@c0i", "@cq", "@hd", "@c3s", "@ce", "@c?", "@bP", "@bn", "@b5p", "@xi", "@3xh",
               "<3", "< 3 i", "<3 i", "3i 2h", " <i", "i<i", "<y", "<n", "<N", "<P", "=P", "=n", "!hQ", ">bhilqefd",
               "<99999999999999999999i", "<9223372036854775807s", "<4611686018427387904h", "<1000000000h",
               "@4611686018427387903h", "<i\0", "<é", "\t i \n", "0", "5", "3sx", "=Iq", "@cd0d", "@0q", "@llh0l"]
    for fmt in formats:
        same(f"calcsize {fmt!r}", lambda m: m.calcsize(fmt))
        same(f"Struct({fmt!r}).format", lambda m: m.Struct(fmt).format)
    for fmt in [b"<hh", bytearray(b"<h"), 1, None, 2.0]:
        same(f"calcsize {fmt!r}", lambda m: m.calcsize(fmt))
    same("Struct repr", lambda m: repr(m.Struct("<i")).split(" at ")[0])


def test_random_formats():
    codes = "xcbB?hHiIlLqQefds p"
    for _ in range(500):
        mode = rng.choice(["", "@", "=", "<", ">", "!"])
        parts = []
        for _ in range(rng.randrange(1, 6)):
            code = rng.choice(codes)
            if code == " ":
                parts.append(" ")
                continue
            count = rng.choice(["", "", "0", "1", "2", "3", "7"])
            parts.append(count + code)
        fmt = mode + "".join(parts)
        same(f"calcsize {fmt!r}", lambda m: m.calcsize(fmt))
        size = real_struct.calcsize(fmt)
        raw = bytes(rng.randrange(256) for _ in range(size))
        unpacked = outcome(lambda: real_struct.unpack(fmt, raw))
        same(f"unpack {fmt!r} {raw!r}", lambda m: m.unpack(fmt, raw))
        if unpacked[0] == "ok":
            values = real_struct.unpack(fmt, raw)
            if any(isinstance(v, float) and math.isnan(v) for v in values):
                continue  # NaN payloads are not kept
            same(f"pack {fmt!r} {values!r}", lambda m: m.pack(fmt, *values))
            same(f"iter_unpack {fmt!r}", lambda m: list(m.iter_unpack(fmt, raw * 3)) if size else "zero")


def test_errors_and_buffers():
    def pack_into(m, fmt, size, offset, *args):
        buf = bytearray(size)
        m.pack_into(fmt, buf, offset, *args)
        return bytes(buf)

    cases = [
        lambda m: m.pack("<hh", 1),
        lambda m: m.pack("<h", 1, 2),
        lambda m: m.pack("<"),
        lambda m: m.pack(),
        lambda m: m.pack(1),
        lambda m: m.unpack("<I", b"\x00"),
        lambda m: m.unpack("<I", "abcd"),
        lambda m: m.unpack("<h", bytearray(b"12")),
        lambda m: m.unpack("<h", memoryview(b"12")),
        lambda m: list(m.iter_unpack("<I", b"\x00" * 5)),
        lambda m: list(m.iter_unpack("<", b"")),
        lambda m: list(m.iter_unpack("<h", b"123456")),
        lambda m: m.iter_unpack("<h", b"123456").__length_hint__(),
        lambda m: pack_into(m, "<I", 5, 2, 1),
        lambda m: pack_into(m, "<I", 5, 1, 1),
        lambda m: pack_into(m, "<I", 5, -10, 1),
        lambda m: pack_into(m, "<H", 5, -2, 258),
        lambda m: pack_into(m, "<I", 10, -2, 1),
        lambda m: pack_into(m, "<I", 10, 0),
        lambda m: pack_into(m, "<I", 10, 1.0, 1),
        lambda m: m.pack_into("<I", b"12345", 0, 1),
        lambda m: m.unpack_from("<I", b"12345", 2),
        lambda m: m.unpack_from("<I", b"12345", 1),
        lambda m: m.unpack_from("<I", b"12345", -10),
        lambda m: m.unpack_from("<H", b"12345", -2),
        lambda m: m.unpack_from("<H", buffer=b"12345", offset=1),
        lambda m: m.unpack_from("<I", b"1234", 0.0),
        lambda m: m.Struct(format="<h").size,
        lambda m: m.Struct("<3h").pack(1, 2, 3),
        lambda m: m.Struct("<3h").unpack(b"\x01\x00\x02\x00\x03\x00"),
        lambda m: m.Struct(">iH").unpack_from(bytearray(b"xx\x00\x00\x00\x05\x00\x06"), 2),
        lambda m: m.pack("<d", 0.5) + m.pack("<f", 2) + m.pack(">e", 1.5),
        lambda m: m.error.__name__,
        lambda m: issubclass(m.error, Exception),
    ]
    for i, case in enumerate(cases):
        same(f"case {i}", case)

    import enum
    import fractions
    E = enum.IntEnum("E", "A")
    same("pack index", lambda m: m.pack("<iQ", E.A, E.A))
    same("pack __float__", lambda m: m.pack("<d", fractions.Fraction(1, 2)))
    same("pack float index", lambda m: m.pack("<d", E.A))


for t in [test_ints, test_floats, test_other_codes, test_formats, test_random_formats, test_errors_and_buffers]:
    c.run(t)
c.done()
