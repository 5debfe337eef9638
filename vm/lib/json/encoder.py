"""JSON encoding: JSONEncoder and the string escapers (pure Python, CPython 3.11 output).

The encoder walks the value recursively, appending text pieces to a list.  The
output is identical to CPython's: floats as float.__repr__, ints as
int.__repr__ (so bool and IntEnum subclasses of int print as numbers only where
CPython does), dict keys coerced to str the same way, the same separators and
indentation, and the same errors.

Differences: iterencode() produces the whole text before yielding its first piece
(so dump() writes nothing when encoding fails part-way, where CPython has written
a prefix), and the pieces are cut at different places.
"""

__all__ = ["JSONEncoder", "encode_basestring", "encode_basestring_ascii", "INFINITY"]

INFINITY = float("inf")

# Escapes shared by both string encoders: the characters JSON must escape.
_SHORT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


def _u_escape(code):
    return "\\u%04x" % code


def encode_basestring(s):
    """The JSON text of str s, non-ASCII characters kept as they are."""
    if s.isprintable() and '"' not in s and "\\" not in s:
        # Printable text has no control characters; only " and \ need escaping.
        return '"' + s + '"'
    out = []
    for ch in s:
        esc = _SHORT_ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ch < " ":
            out.append(_u_escape(ord(ch)))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def encode_basestring_ascii(s):
    """The JSON text of str s using only ASCII (\\uXXXX escapes, surrogate pairs)."""
    if s.isascii() and s.isprintable():
        if '"' in s or "\\" in s:
            s = s.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + s + '"'
    out = []
    for ch in s:
        esc = _SHORT_ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(_u_escape(0xD800 | (code >> 10)))
                out.append(_u_escape(0xDC00 | (code & 0x3FF)))
            else:
                out.append(_u_escape(code))
    return '"' + "".join(out) + '"'


# CPython's C accelerator exists under this name; code sometimes tests for it.
c_make_encoder = None
py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON encoder; override default() to serialise other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        # CPython encodes in one shot with its C encoder when there is no
        # indent; that encoder's NaN message lacks the value.
        return "".join(self._encode_all(o, self.indent is None))

    def iterencode(self, o, _one_shot=False):
        one_shot = _one_shot and self.indent is None
        yield from self._encode_all(o, one_shot)

    def _encode_all(self, o, c_messages):
        parts = []
        _Encoding(self, parts, c_messages).value(o, 0)
        return parts


class _Encoding:
    """One encode() run: the options, the output list and the circularity marks."""

    def __init__(self, enc, parts, c_messages):
        self.parts = parts
        self.default = enc.default
        self.markers = {} if enc.check_circular else None
        self.skipkeys = enc.skipkeys
        self.sort_keys = enc.sort_keys
        self.allow_nan = enc.allow_nan
        self.c_messages = c_messages
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.encode_str = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent

    def float_text(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            if self.c_messages:
                raise ValueError("Out of range float values are not JSON compliant")
            raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
        return text

    def scalar(self, o):
        """The text of a str/None/bool/int/float, or None for anything else."""
        if isinstance(o, str):
            return self.encode_str(o)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.float_text(o)
        return None

    def mark(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.parts.append(text)
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.obj(o, level)
        else:
            self.mark(o)
            self.value(self.default(o), level)
            self.unmark(o)

    def array(self, lst, level):
        parts = self.parts
        if not lst:
            parts.append("[]")
            return
        self.mark(lst)
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            sep = self.item_sep + newline
            parts.append("[" + newline)
        else:
            newline = None
            sep = self.item_sep
            parts.append("[")
        first = True
        for item in lst:
            if first:
                first = False
            else:
                parts.append(sep)
            self.value(item, level)
        if newline is not None:
            parts.append("\n" + self.indent * (level - 1))
        parts.append("]")
        self.unmark(lst)

    def key_text(self, key):
        """The str a dict key becomes, or None to skip it."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float_text(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def obj(self, dct, level):
        parts = self.parts
        if not dct:
            parts.append("{}")
            return
        self.mark(dct)
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            sep = self.item_sep + newline
            parts.append("{" + newline)
        else:
            newline = None
            sep = self.item_sep
            parts.append("{")
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.key_text(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                parts.append(sep)
            parts.append(self.encode_str(key))
            parts.append(self.key_sep)
            self.value(value, level)
        if newline is not None:
            parts.append("\n" + self.indent * (level - 1))
        parts.append("}")
        self.unmark(dct)
