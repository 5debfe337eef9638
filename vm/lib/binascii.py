"""Conversions between binary data and ASCII encodings (Skein's implementation in Python).

Covers base64 (with CPython 3.11's strict mode), hex, crc32 and crc_hqx,
with CPython's error messages.
"""

__all__ = ["Error", "Incomplete", "a2b_base64", "b2a_base64", "a2b_hex", "b2a_hex",
           "hexlify", "unhexlify", "crc32", "crc_hqx"]


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_REV = [255] * 256
for _i, _c in enumerate(_B64):
    _B64_REV[_c] = _i
del _i, _c


def _ascii_data(data):
    """The bytes of an a2b_* argument: bytes-like, or str of ASCII characters."""
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("argument should be bytes, buffer or ASCII string, not %r"
                        % type(data).__name__) from None


def _binary_data(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None


def b2a_base64(data, *, newline=True):
    data = _binary_data(data)
    tab = _B64
    out = bytearray()
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], tab[v & 63]))
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        out += bytes((tab[v >> 18], tab[(v >> 12) & 63])) + b"=="
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes((tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63])) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    """Decodes base64; without strict_mode, characters outside the alphabet are skipped."""
    data = _ascii_data(data)
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    out = bytearray()
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    n = len(data)
    for i in range(n):
        ch = data[i]
        if ch == 61:  # '='
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    # The quad is complete: the rest is ignored (an error when strict).
                    if strict_mode and i + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64_REV[ch]
        if v >= 64:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 0xFF)
            leftchar = v & 0x0F
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 0xFF)
            leftchar = v & 0x03
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 0xFF)
            leftchar = 0
    if quad_pos != 0:
        if quad_pos == 1:
            raise Error("Invalid base64-encoded string: number of data characters (%d) "
                        "cannot be 1 more than a multiple of 4" % (len(out) // 3 * 4 + 1))
        raise Error("Incorrect padding")
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    data = _binary_data(data)
    if sep is None:
        return data.hex().encode("ascii")
    return data.hex(sep, bytes_per_sep).encode("ascii")


hexlify = b2a_hex


def a2b_hex(hexstr):
    data = _ascii_data(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    out = bytearray()
    for i in range(0, len(data), 2):
        hi = _hexval(data[i])
        lo = _hexval(data[i + 1])
        if hi < 0 or lo < 0:
            raise Error("Non-hexadecimal digit found")
        out.append(hi * 16 + lo)
    return bytes(out)


unhexlify = a2b_hex


def _hexval(c):
    if 48 <= c <= 57:
        return c - 48
    if 97 <= c <= 102:
        return c - 87
    if 65 <= c <= 70:
        return c - 55
    return -1


def _make_crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            if c & 1:
                c = 0xEDB88320 ^ (c >> 1)
            else:
                c >>= 1
        table.append(c)
    return table


_CRC32_TABLE = _make_crc32_table()


def crc32(data, value=0):
    data = _binary_data(data)
    crc = (value & 0xFFFFFFFF) ^ 0xFFFFFFFF
    table = _CRC32_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def crc_hqx(data, value):
    data = _binary_data(data)
    crc = value & 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            if crc & 0x8000:
                crc = ((crc << 1) ^ 0x1021) & 0xFFFF
            else:
                crc = (crc << 1) & 0xFFFF
    return crc
