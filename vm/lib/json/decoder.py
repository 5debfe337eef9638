"""JSON decoding: JSONDecoder, JSONDecodeError and scanstring (pure Python).

A recursive-descent scanner over the str by index.  Errors carry CPython
3.11's messages and positions -- those of its C scanner, which the json module
uses by default -- e.g. "Expecting value: line 1 column 1 (char 0)",
"Expecting ',' delimiter", "Invalid \\uXXXX escape" at the 'u'.

Skein strings cannot hold lone surrogates, so there a \\uXXXX escape of one
fails with ValueError (CPython returns the surrogate).

Numbers follow the JSON grammar exactly as CPython reads it: '-'? then '0' or
a digit run not starting with 0, then optionally '.' and digits, then
optionally an exponent (backtracked over when it has no digits); what is left
is "Extra data" for the caller.
"""

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")

_WHITESPACE = " \t\n\r"
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"
_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}
_BACKSLASH = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}


class JSONDecodeError(ValueError):
    """Subclass of ValueError with msg, doc, pos, lineno and colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _first_control(s, start, stop):
    """Index of the first character below U+0020 in s[start:stop], or -1."""
    if s[start:stop].isprintable():
        return -1
    for i in range(start, stop):
        if s[i] < " ":
            return i
    return -1


def _hex4(s, i):
    """The value of the 4 hex digits at s[i:i+4], or -1 if any is not one."""
    digits = s[i:i + 4]
    for ch in digits:
        if ch not in _HEX:
            return -1
    return int(digits, 16)


def scanstring(s, end, strict=True):
    """Decode the JSON string whose body starts at s[end] (after the quote).

    Returns (str, index after the closing quote)."""
    begin = end - 1
    n = len(s)
    # Fast path: no escape before the closing quote.
    quote = s.find('"', end)
    if quote >= 0:
        body = s[end:quote]
        if "\\" not in body and (not strict or body.isprintable() or _first_control(s, end, quote) < 0):
            return body, quote + 1
    chunks = []
    while True:
        quote = s.find('"', end)
        backslash = s.find("\\", end, n if quote < 0 else quote)
        stop = backslash if backslash >= 0 else quote
        if strict:
            bad = _first_control(s, end, n if stop < 0 else stop)
            if bad >= 0:
                raise JSONDecodeError("Invalid control character at", s, bad)
        if stop < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if stop > end:
            chunks.append(s[end:stop])
        if stop == quote:
            return "".join(chunks), quote + 1
        # An escape sequence at `backslash`.
        if backslash + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[backslash + 1]
        if esc != "u":
            char = _BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, backslash)
            chunks.append(char)
            end = backslash + 2
            continue
        end = backslash + 6
        if end >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, backslash + 1)
        code = _hex4(s, backslash + 2)
        if code < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, backslash + 1)
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[end] == "\\" and s[end + 1] == "u":
            low = _hex4(s, end + 2)
            if low < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        chunks.append(chr(code))


def _skip_ws(s, i, n):
    while i < n and s[i] in _WHITESPACE:
        i += 1
    return i


class _Scanner:
    """Scans one value at an index: scan(s, idx) -> (value, end).

    Raises StopIteration(idx) when no value starts at idx, and JSONDecodeError
    for errors inside a value."""

    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.memo = decoder.memo

    def __call__(self, s, idx):
        try:
            return self.scan(s, idx)
        finally:
            self.memo.clear()

    def scan(self, s, idx):
        n = len(s)
        if idx >= n:
            raise StopIteration(idx)
        ch = s[idx]
        if ch == '"':
            return scanstring(s, idx + 1, self.strict)
        if ch == "{":
            return self.obj(s, idx + 1, n)
        if ch == "[":
            return self.array(s, idx + 1, n)
        if ch == "n" and s.startswith("null", idx):
            return None, idx + 4
        if ch == "t" and s.startswith("true", idx):
            return True, idx + 4
        if ch == "f" and s.startswith("false", idx):
            return False, idx + 5
        if ch == "N" and s.startswith("NaN", idx):
            return self.parse_constant("NaN"), idx + 3
        if ch == "I" and s.startswith("Infinity", idx):
            return self.parse_constant("Infinity"), idx + 8
        if ch == "-" and s.startswith("-Infinity", idx):
            return self.parse_constant("-Infinity"), idx + 9
        return self.number(s, idx, n)

    def number(self, s, start, n):
        i = start
        if s[i] == "-":
            i += 1
            if i >= n:
                raise StopIteration(start)
        ch = s[i]
        if "1" <= ch <= "9":
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        elif ch == "0":
            i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i + 1 < n and s[i] in "eE":
            e_start = i
            i += 1
            if s[i] in "+-":
                i += 1
            digits_start = i
            while i < n and s[i] in _DIGITS:
                i += 1
            if i > digits_start:
                is_float = True
            else:
                i = e_start
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def obj(self, s, i, n):
        pairs = []
        memo = self.memo
        strict = self.strict
        scan = self.scan
        while i < n and s[i] in _WHITESPACE:
            i += 1
        if i >= n or s[i] != "}":
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
                key, i = scanstring(s, i + 1, strict)
                key = memo.setdefault(key, key)
                while i < n and s[i] in _WHITESPACE:
                    i += 1
                if i >= n or s[i] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i += 1
                while i < n and s[i] in _WHITESPACE:
                    i += 1
                try:
                    value, i = scan(s, i)
                except StopIteration as err:
                    raise JSONDecodeError("Expecting value", s, err.value) from None
                pairs.append((key, value))
                while i < n and s[i] in _WHITESPACE:
                    i += 1
                if i < n and s[i] == "}":
                    break
                if i >= n or s[i] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i += 1
                while i < n and s[i] in _WHITESPACE:
                    i += 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i + 1

    def array(self, s, i, n):
        values = []
        scan = self.scan
        while i < n and s[i] in _WHITESPACE:
            i += 1
        if i >= n or s[i] != "]":
            while True:
                try:
                    value, i = scan(s, i)
                except StopIteration as err:
                    raise JSONDecodeError("Expecting value", s, err.value) from None
                values.append(value)
                while i < n and s[i] in _WHITESPACE:
                    i += 1
                if i < n and s[i] == "]":
                    break
                if i >= n or s[i] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i += 1
                while i < n and s[i] in _WHITESPACE:
                    i += 1
        return values, i + 1


class JSONDecoder(object):
    """Simple JSON decoder (see the json module for the options)."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = _Scanner(self)

    def decode(self, s, _w=None):
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
