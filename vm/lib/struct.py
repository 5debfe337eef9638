"""Conversion between Python values and C structs packed into bytes (pure-Python `struct`).

A format is an optional byte-order character -- '@' native order, sizes and
alignment (the default); '=' native order, standard sizes; '<' little-endian;
'>' and '!' big-endian -- followed by items, each an optional repeat count and
a code: x pad, c char, b/B byte, ? bool, h/H short, i/I int, l/L long,
q/Q long long, n/N ssize_t/size_t and P pointer (native only), e/f/d
half/single/double floats, s string, p Pascal string.  Whitespace may
separate items.

Native sizes and alignment are those of 64-bit Linux (long, size_t and
pointers are 8 bytes); in native mode each item is aligned to its own size.
Integers are converted with int.to_bytes/from_bytes; floats are encoded bit by
bit from their exact ratio (correct round-half-even, CPython's overflow
errors), and decoded with math.ldexp.  NaN payloads are not preserved on
unpacking (the sign is).  Error types and messages are CPython 3.11's.
"""

import math
import sys

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


_SSIZE_MAX = (1 << 63) - 1
_NATIVE_ORDER = sys.byteorder
_SPACES = " \t\n\r\x0b\x0c"

# code -> (size, alignment) in native mode.
_NATIVE = {
    "x": (1, 0), "c": (1, 1), "b": (1, 1), "B": (1, 1), "?": (1, 1),
    "h": (2, 2), "H": (2, 2), "i": (4, 4), "I": (4, 4), "l": (8, 8), "L": (8, 8),
    "q": (8, 8), "Q": (8, 8), "n": (8, 8), "N": (8, 8), "P": (8, 8),
    "e": (2, 2), "f": (4, 4), "d": (8, 8), "s": (1, 1), "p": (1, 1),
}
# code -> size in the standard modes (no alignment).
_STANDARD = {
    "x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
    "l": 4, "L": 4, "q": 8, "Q": 8, "e": 2, "f": 4, "d": 8, "s": 1, "p": 1,
}
_SIGNED = frozenset("bhilqn")
# Codes read with C's unsigned conversions (so -1 is "argument out of range").
_UNSIGNED_GET = frozenset("ILQN")
_NAMED_RANGES = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}
_INT_CODES = frozenset("bBhHiIlLqQnN")
# Kinds of compiled runs.
_K_INT, _K_PTR, _K_FLOAT, _K_BOOL, _K_CHAR, _K_STR, _K_PASCAL = range(7)
# code -> (exponent bits, mantissa bits) of the IEEE-754 formats.
_FLOAT_BITS = {"e": (5, 10), "f": (8, 23), "d": (11, 52)}


# ---------------------------------------------------------------------------
# Value conversion


def _to_int(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise error("required argument is not an integer")
    return index(v)


def _pack_int(code, size, order, v, rules):
    """Pack integer v; rules is "native" or "standard" (see _int_rules)."""
    v = _to_int(v)
    if code == "P":
        if v < -(1 << 63) or v >= (1 << 64):
            raise error("int too large to convert")
        return (v & ((1 << 64) - 1)).to_bytes(8, order)
    signed = code in _SIGNED
    if rules == "standard" and size == 8:
        # CPython's standard q/Q converter reports every overflow alike.
        lo, hi = (-(1 << 63), (1 << 63) - 1) if signed else (0, (1 << 64) - 1)
        if not lo <= v <= hi:
            raise error("int too large to convert")
        return v.to_bytes(8, order, signed=signed)
    # First a conversion to a C long or unsigned long ...
    if code in _UNSIGNED_GET or (rules == "standard" and not signed):
        if v < 0 or v >= (1 << 64):
            raise error("argument out of range")
    elif v < -(1 << 63) or v >= (1 << 63):
        raise error("argument out of range")
    # ... then the range of the field.
    bits = 8 * size
    if signed:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, (1 << bits) - 1
    if not lo <= v <= hi:
        name = _NAMED_RANGES.get(code) if rules == "native" else None
        if name is not None:
            raise error(f"{name} format requires {lo} <= number <= {hi}")
        raise error(f"'{code}' format requires {lo} <= number <= {hi}")
    return v.to_bytes(size, order, signed=signed)


def _int_rules(code, mode):
    """Which of CPython's integer packers handles code in mode '@', '<' or '>'.

    CPython packs with its native-mode functions in native mode, for b and B
    everywhere, and -- on a little-endian machine -- for the little-endian
    codes whose standard size equals the native one (h H i I q Q); the
    standard-mode functions report range errors differently."""
    if mode == "@" or code in "bB":
        return "native"
    if mode == "<" and _NATIVE_ORDER == "little" and code in "hHiIqQ":
        return "native"
    if mode == ">" and _NATIVE_ORDER == "big" and code in "hHiIqQ":
        return "native"
    return "standard"


def _to_float(v):
    if isinstance(v, float):
        return v
    if hasattr(type(v), "__float__") or hasattr(type(v), "__index__"):
        return float(v)
    raise error("required argument is not a float")


def _round_half_even(num, den):
    q, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and q & 1):
        q += 1
    return q


def _float_bits(x, code, native):
    """The IEEE-754 bit pattern of x in the format of code, correctly rounded."""
    ebits, mbits = _FLOAT_BITS[code]
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    top = (1 << ebits) - 1  # the all-ones exponent of inf and nan
    if math.isnan(x):
        body = (top << mbits) | (1 << (mbits - 1))
    elif math.isinf(x):
        body = top << mbits
    elif x == 0:
        body = 0
    elif code == "d":
        # A double is exact: its fields come straight from frexp.
        m, e = math.frexp(abs(x))  # |x| = m * 2**e, 0.5 <= m < 1
        if e >= -1021:
            body = ((e + 1022) << 52) | (int(math.ldexp(m, 53)) - (1 << 52))
        else:
            body = int(math.ldexp(abs(x), 1074))
    else:
        bias = (1 << (ebits - 1)) - 1
        emin = 1 - bias
        n, d = abs(x).as_integer_ratio()
        e = math.frexp(abs(x))[1] - 1  # 2**e <= |x| < 2**(e+1)
        if e < emin:
            e = emin  # subnormal: no implicit leading bit
        shift = mbits - e
        if shift >= 0:
            q = _round_half_even(n << shift, d)
        else:
            q = _round_half_even(n, d << -shift)
        # q counts units of 2**(e - mbits); for a normal number it includes
        # the implicit bit 2**mbits, which the "- 1" exponent absorbs (and a
        # subnormal rounding up to 2**mbits becomes the least normal number).
        body = ((e + bias - 1) << mbits) + q
        if body >= top << mbits:
            if native and code == "f":
                body = top << mbits  # C's (float) cast gives inf
            else:
                raise OverflowError(f"float too large to pack with {code} format")
    return (sign << (ebits + mbits)) | body


def _float_from_bits(bits, code):
    ebits, mbits = _FLOAT_BITS[code]
    sign = bits >> (ebits + mbits)
    exp = (bits >> mbits) & ((1 << ebits) - 1)
    mant = bits & ((1 << mbits) - 1)
    bias = (1 << (ebits - 1)) - 1
    if exp == (1 << ebits) - 1:
        value = math.inf if mant == 0 else math.nan
    elif exp == 0:
        value = math.ldexp(float(mant), 1 - bias - mbits)
    else:
        value = math.ldexp(float(mant | (1 << mbits)), exp - bias - mbits)
    return -value if sign else value


def _pack_string(out, code, count, offset, v):
    """Pack bytes v as an 's' (padded/truncated) or 'p' (length-prefixed) field."""
    if not isinstance(v, (bytes, bytearray)):
        raise error(f"argument for '{code}' must be a bytes object")
    if code == "s":
        data = bytes(v[:count])
        out[offset:offset + len(data)] = data
    elif count:
        data = bytes(v[:count - 1])
        out[offset + 1:offset + 1 + len(data)] = data
        out[offset] = min(len(data), 255)


def _bytes_of(buffer):
    """The bytes of a bytes-like object (TypeError with CPython's message otherwise)."""
    if isinstance(buffer, (bytes, bytearray)):
        return buffer
    if not isinstance(buffer, str):
        try:
            return memoryview(buffer).tobytes()
        except (TypeError, NameError):
            pass
    raise TypeError(f"a bytes-like object is required, not '{type(buffer).__name__}'")


# ---------------------------------------------------------------------------
# Format compilation


def _compile(fmt):
    """(items, size, number of values) of a format given as bytes.

    items are runs (kind, code, count, offset, itemsize, extra) with x
    dropped; a run of s or p is one value of count bytes, any other run is
    count values.  For integers extra is (rules, signed, lo, hi), the range
    that packs without any check failing."""
    if b"\0" in fmt:
        raise error("embedded null character")
    text = fmt.decode("ascii")
    order_char = text[:1]
    if order_char and order_char in "@=<>!":
        text = text[1:]
    else:
        order_char = "@"
    native = order_char == "@"
    if order_char in "@=":
        order = _NATIVE_ORDER
    elif order_char == "<":
        order = "little"
    else:
        order = "big"
    mode = "@" if native else ("<" if order == "little" else ">")
    items = []
    size = 0
    nvalues = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        i += 1
        if ch in _SPACES:
            continue
        if "0" <= ch <= "9":
            count = ord(ch) - 48
            while i < n and "0" <= text[i] <= "9":
                count = count * 10 + ord(text[i]) - 48
                i += 1
                if count > _SSIZE_MAX:
                    raise error("total struct size too long")
            if i >= n:
                raise error("repeat count given without format specifier")
            ch = text[i]
            i += 1
        else:
            count = 1
        if native:
            entry = _NATIVE.get(ch)
            if entry is None:
                raise error("bad char in struct format")
            itemsize, align = entry
            if align and ch not in "sp":
                size = (size + align - 1) // align * align
        else:
            itemsize = _STANDARD.get(ch)
            if itemsize is None:
                raise error("bad char in struct format")
        if count > (_SSIZE_MAX - size) // itemsize:
            raise error("total struct size too long")
        if ch in "sp":
            items.append((_K_STR if ch == "s" else _K_PASCAL, ch, count, size, count, None))
            nvalues += 1
        elif ch != "x" and count:
            extra = None
            if ch in _INT_CODES:
                kind = _K_INT
                signed = ch in _SIGNED
                bits = 8 * itemsize
                if signed:
                    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
                else:
                    lo, hi = 0, (1 << bits) - 1
                extra = (_int_rules(ch, mode), signed, lo, hi)
            elif ch == "P":
                kind = _K_PTR
            elif ch in "efd":
                kind = _K_FLOAT
            elif ch == "?":
                kind = _K_BOOL
            else:
                kind = _K_CHAR
            items.append((kind, ch, count, size, itemsize, extra))
            nvalues += count
        size += count * itemsize
    return tuple(items), size, nvalues, order, native


def _format_bytes(fmt, who="Struct()"):
    if isinstance(fmt, str):
        return fmt.encode("ascii")
    if isinstance(fmt, (bytes, bytearray)):
        return bytes(fmt)
    raise TypeError(f"{who} argument 1 must be a str or bytes object, not {type(fmt).__name__}")


class Struct:
    """A compiled struct format: Struct(format) with pack/unpack methods."""

    __module__ = "_struct"

    def __init__(self, format):
        raw = _format_bytes(format)
        self._items, self._size, self._nvalues, self._order, self._native = _compile(raw)
        self._format = raw.decode("ascii")

    @property
    def format(self):
        """The struct format string."""
        return self._format

    @property
    def size(self):
        """The number of bytes the format packs to."""
        return self._size

    # -- packing --

    def _pack_bytes(self, args, who):
        if len(args) != self._nvalues:
            raise error(f"{who} expected {self._nvalues} items for packing (got {len(args)})")
        out = bytearray(self._size)
        order = self._order
        native = self._native
        k = 0
        for kind, code, count, offset, itemsize, extra in self._items:
            if kind >= _K_STR:
                _pack_string(out, code, count, offset, args[k])
                k += 1
                continue
            values = args[k:k + count]
            k += count
            end = offset + itemsize
            if kind == _K_INT:
                rules, signed, lo, hi = extra
                for v in values:
                    if type(v) is int and lo <= v <= hi:
                        out[offset:end] = v.to_bytes(itemsize, order, signed=signed)
                    else:
                        out[offset:end] = _pack_int(code, itemsize, order, v, rules)
                    offset = end
                    end += itemsize
            elif kind == _K_FLOAT:
                for v in values:
                    bits = _float_bits(_to_float(v), code, native)
                    out[offset:end] = bits.to_bytes(itemsize, order)
                    offset = end
                    end += itemsize
            elif kind == _K_BOOL:
                for v in values:
                    out[offset] = 1 if v else 0
                    offset += 1
            elif kind == _K_CHAR:
                for v in values:
                    if not (isinstance(v, bytes) and len(v) == 1):
                        raise error("char format requires a bytes object of length 1")
                    out[offset] = v[0]
                    offset += 1
            else:  # pointer
                for v in values:
                    out[offset:end] = _pack_int(code, itemsize, order, v, "native")
                    offset = end
                    end += itemsize
        return out

    def pack(self, *args):
        """Pack the values into bytes according to the format."""
        return bytes(self._pack_bytes(args, "pack"))

    def pack_into(self, buffer, offset, *args):
        """Pack the values into the writable buffer, starting at offset."""
        if not isinstance(buffer, bytearray):
            try:
                view = memoryview(buffer)
                writable = not view.readonly
            except (TypeError, NameError):
                writable = False
            if not writable:
                raise TypeError(f"argument must be read-write bytes-like object, not {type(buffer).__name__}")
        data = self._pack_bytes(args, "pack_into")
        offset = _index(offset)
        size = self._size
        length = len(buffer)
        if offset < 0:
            if offset + size > 0:
                raise error(f"no space to pack {size} bytes at offset {offset}")
            if offset + length < 0:
                raise error(f"offset {offset} out of range for {length}-byte buffer")
            offset += length
        if length - offset < size:
            raise error(f"pack_into requires a buffer of at least {size + offset} bytes for packing "
                        f"{size} bytes at offset {offset} (actual buffer size is {length})")
        buffer[offset:offset + size] = data

    # -- unpacking --

    def _unpack_at(self, data, base):
        values = []
        append = values.append
        order = self._order
        for kind, code, count, offset, itemsize, extra in self._items:
            start = base + offset
            if kind == _K_INT or kind == _K_PTR:
                signed = code in _SIGNED
                for _ in range(count):
                    end = start + itemsize
                    append(int.from_bytes(data[start:end], order, signed=signed))
                    start = end
            elif kind == _K_FLOAT:
                for _ in range(count):
                    end = start + itemsize
                    append(_float_from_bits(int.from_bytes(data[start:end], order), code))
                    start = end
            elif kind == _K_BOOL:
                for i in range(start, start + count):
                    append(data[i] != 0)
            elif kind == _K_CHAR:
                for i in range(start, start + count):
                    append(bytes(data[i:i + 1]))
            elif kind == _K_STR:
                append(bytes(data[start:start + count]))
            else:  # Pascal string
                if count == 0:
                    # CPython asks for a bytes object of length -1 here.
                    raise SystemError("Negative size passed to PyBytes_FromStringAndSize")
                n = min(data[start], count - 1)
                append(bytes(data[start + 1:start + 1 + n]))
        return tuple(values)

    def unpack(self, buffer):
        """The tuple of values packed in buffer, which must be exactly size bytes."""
        data = _bytes_of(buffer)
        if len(data) != self._size:
            raise error(f"unpack requires a buffer of {self._size} bytes")
        return self._unpack_at(data, 0)

    def unpack_from(self, buffer, offset=0):
        """The tuple of values packed in buffer at offset (the rest is ignored)."""
        data = _bytes_of(buffer)
        offset = _index(offset)
        size = self._size
        length = len(data)
        if offset < 0:
            if offset + length < 0:
                raise error(f"offset {offset} out of range for {length}-byte buffer")
            offset += length
        if length - offset < size:
            raise error(f"unpack_from requires a buffer of at least {size + offset} bytes for unpacking "
                        f"{size} bytes at offset {offset} (actual buffer size is {length})")
        return self._unpack_at(data, offset)

    def iter_unpack(self, buffer):
        """An iterator over the tuples packed one after another in buffer."""
        data = _bytes_of(buffer)
        if self._size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self._size:
            raise error(f"iterative unpacking requires a buffer of a multiple of {self._size} bytes")
        return unpack_iterator(self, data)

    def __repr__(self):
        return f"<_struct.Struct object at {id(self):#x}>"


class unpack_iterator:
    """Iterator of Struct.iter_unpack over a buffer."""

    __module__ = "_struct"

    def __init__(self, st, data):
        self._struct = st
        self._data = data
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._data is None or self._pos >= len(self._data):
            self._data = None
            raise StopIteration
        values = self._struct._unpack_at(self._data, self._pos)
        self._pos += self._struct._size
        return values

    def __length_hint__(self):
        if self._data is None:
            return 0
        return (len(self._data) - self._pos) // self._struct._size


def _index(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return index(v)


# ---------------------------------------------------------------------------
# Module-level functions, over a small cache of compiled formats.

_cache = {}
_MAX_CACHE = 100


def _get(fmt):
    # Looking up an unhashable format raises TypeError, as in CPython.
    st = _cache.get(fmt)
    if st is not None:
        return st
    st = Struct(fmt)
    if len(_cache) >= _MAX_CACHE:
        _cache.clear()
    _cache[fmt] = st
    return st


def _clearcache():
    """Clear the internal cache of compiled formats."""
    _cache.clear()


def calcsize(format, /):
    """The size in bytes of the struct described by format."""
    return _get(format).size


def pack(*args):
    """pack(format, v1, v2, ...) -> bytes packed according to format."""
    if not args:
        raise TypeError("missing format argument")
    return _get(args[0]).pack(*args[1:])


def pack_into(*args):
    """pack_into(format, buffer, offset, v1, v2, ...): pack into a writable buffer."""
    if len(args) < 3:
        if not args:
            raise TypeError("missing format argument")
        raise TypeError("pack_into expected buffer argument" if len(args) == 1 else "pack_into expected offset argument")
    return _get(args[0]).pack_into(*args[1:])


def unpack(format, buffer, /):
    """The tuple of values packed in buffer according to format."""
    return _get(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    """The tuple of values packed in buffer at offset according to format."""
    return _get(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    """An iterator unpacking consecutive structs of format from buffer."""
    return _get(format).iter_unpack(buffer)
