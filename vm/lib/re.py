"""Support for regular expressions (RE).

Skein's `re`: the parser, compiler and matcher are native (the `_re`
module, vm/src/modules/re/); this file holds the public API with CPython
3.11's behaviour: flags, `error`, `Pattern`, `Match`, replacement
templates and the cache of compiled patterns.

Compiled patterns are immutable and may be used by many threads at once.
The caches are plain dicts; two threads compiling the same pattern at the
same moment both compile it and one result wins, which is harmless.
"""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807
MAXREPEAT = _re.MAXREPEAT


# ---- flags ------------------------------------------------------------------------------

# Definition order, which is the order names appear in a combined repr.
_FLAG_ORDER = (
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
    ("DEBUG", 128),
)
_ALL_FLAGS = 511


class RegexFlag(int):
    """An int flag value whose repr names the flags (re.IGNORECASE|re.MULTILINE)."""

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def _names(self):
        value = int(self)
        names = []
        for name, bit in _FLAG_ORDER:
            if value & bit:
                names.append(name)
                value &= ~bit
        return names, value

    @property
    def name(self):
        if int(self) == 0:
            return "NOFLAG"
        names, rest = self._names()
        if rest:
            return None
        return "|".join(names)

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        if int(self) == 0:
            return "re.NOFLAG"
        names, rest = self._names()
        parts = ["re." + n for n in names]
        if rest:
            parts.append(hex(rest))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(_ALL_FLAGS & ~int(self))

    def __reduce__(self):
        return (RegexFlag, (int(self),))


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)

# Pattern repr order (CPython's pattern_repr table).
_REPR_ORDER = (
    ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4),
    ("re.MULTILINE", 8), ("re.DOTALL", 16), ("re.UNICODE", 32),
    ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256),
)


# ---- error ------------------------------------------------------------------------------

class error(Exception):
    """An invalid pattern or template: `msg` is the bare message, `pattern`
    the pattern, `pos` the index of the fault (or None), and `lineno`/`colno`
    where that index lies (or None)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


# ---- Pattern ----------------------------------------------------------------------------

def _isstring(obj):
    return isinstance(obj, (str, bytes, bytearray, memoryview))


class Pattern:
    """Compiled regular expression object."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Match at `pos` (the start of the string by default)."""
        return _re.run(self._code, self, string, pos, endpos, 0, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Match the whole of string[pos:endpos]."""
        return _re.run(self._code, self, string, pos, endpos, 1, 0)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The first match at any position, or None."""
        return _re.run(self._code, self, string, pos, endpos, 2, 0)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Every non-overlapping match: strings, or tuples of groups."""
        return _re.findall(self._code, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator of Match objects for every non-overlapping match."""
        return iter(_re.scan(self._code, self, string, pos, endpos, 0))

    def sub(self, repl, string, count=0):
        """Replace up to `count` matches (0: all) with `repl`."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Like sub(), also returning how many replacements were made."""
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        if count < 0:
            return string, 0
        if callable(repl):
            return self._sub_call(repl, string, count)
        if isinstance(repl, str) != self._isstr and isinstance(repl, (str, bytes)):
            # The wrong type of template: CPython's join reports it.
            return self._sub_call(lambda m: repl, string, count)
        items = _template(self, repl)
        return _re.sub(self._code, string, items, count)

    def _sub_call(self, repl, string, count):
        pieces, n = _re.subcall(self._code, self, string, count, repl)
        if not n:
            return string, 0
        joiner = "" if self._isstr else b""
        return joiner.join(pieces), n

    def split(self, string, maxsplit=0):
        """Split at matches; groups in the pattern are kept in the result."""
        if maxsplit < 0:
            return [string[:] if isinstance(string, (str, bytes)) else bytes(string)]
        return _re.split(self._code, string, maxsplit)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        r = repr(self.pattern)[:200]
        flags = self.flags
        if self._isstr and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        if not flags:
            return "re.compile(%s)" % r
        names = []
        for name, bit in _REPR_ORDER:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        return "re.compile(%s, %s)" % (r, "|".join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and self._isstr == other._isstr
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._advance = 0

    def _next(self, mode):
        if self._pos is None:
            return None
        m = _re.run(self.pattern._code, self.pattern, self._string, self._pos, self._endpos, mode, self._advance)
        if m is None:
            self._pos = None
            return None
        start, end = m.span()
        self._advance = start == end
        self._pos = end
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


# ---- Match ------------------------------------------------------------------------------

Match = _re.Match


def _expand(match, template):
    """`Match.expand`: the template with its group references filled in."""
    items = _template(match.re, template)
    out = []
    for item in items:
        if isinstance(item, int):
            v = match.group(item)
            if v is not None:
                out.append(v)
        else:
            out.append(item)
    return ("" if isinstance(template, str) else b"").join(out)


# ---- replacement templates --------------------------------------------------------------

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_OCT = "01234567"
_DIG = "0123456789"
_MAXGROUPS = 1073741823


def _parse_template(pattern, repl):
    """Template -> list of literal pieces and group numbers (CPython's rules and errors)."""
    isstr = isinstance(repl, str)
    s = repl if isstr else str(repl, "latin1")
    n = len(s)
    items = []
    lit = []
    groups = pattern.groups

    def err(msg, pos):
        if not isstr:
            msg = msg.encode("ascii", "backslashreplace").decode("ascii")
        return error(msg, repl, pos)

    def flush():
        if lit:
            items.append("".join(lit))
            del lit[:]

    def addgroup(index, pos):
        if index > groups:
            raise err("invalid group reference %d" % index, pos)
        flush()
        items.append(index)

    i = 0
    while i < n:
        c = s[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise err("bad escape (end of pattern)", n - 1)
        start = i
        c = s[i + 1]
        i += 2
        if c == "g":
            if i >= n or s[i] != "<":
                raise err("missing <", i)
            j = s.find(">", i + 1)
            if j < 0:
                name = s[i + 1:]
                if not name:
                    raise err("missing group name", n)
                raise err("missing >, unterminated name", n - len(name))
            name = s[i + 1:j]
            if not name:
                raise err("missing group name", j)
            i = j + 1
            if name.isidentifier():
                index = pattern.groupindex.get(name)
                if index is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                if name.isdecimal() and name.isascii():
                    index = int(name)
                else:
                    raise err("bad character in group name %r" % name, j - len(name))
                if index >= _MAXGROUPS:
                    raise err("invalid group reference %d" % index, j - len(name))
            addgroup(index, j - len(name))
        elif c == "0":
            k = i
            while k < n and k < i + 2 and s[k] in _OCT:
                k += 1
            lit.append(chr(int(s[i - 1:k], 8) & 0xff))
            i = k
        elif c in _DIG:
            if i < n and s[i] in _DIG:
                if c in _OCT and s[i] in _OCT and i + 1 < n and s[i + 1] in _OCT:
                    value = int(s[i - 1:i + 2], 8)
                    if value > 0o377:
                        raise err("octal escape value %s outside of range 0-0o377" % s[start:i + 2], start)
                    lit.append(chr(value))
                    i += 2
                    continue
                i += 1
            addgroup(int(s[start + 1:i]), start + 1)
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise err("bad escape \\%s" % c, start)
        else:
            lit.append("\\" + c)
    flush()
    if not isstr:
        items = [x if isinstance(x, int) else x.encode("latin1") for x in items]
    return items


_template_cache = {}


def _template(pattern, repl):
    if not isinstance(repl, (str, bytes)):
        if isinstance(repl, (bytearray, memoryview)):
            repl = bytes(repl)
        else:
            raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
    key = (repl, pattern.groups, pattern._groupkey)
    try:
        return _template_cache[key]
    except KeyError:
        pass
    if (b"\\" if isinstance(repl, bytes) else "\\") not in repl:
        items = [repl]
    else:
        items = _parse_template(pattern, repl)
    if len(_template_cache) >= 512:
        _template_cache.clear()
    _template_cache[key] = items
    return items


# ---- Scanner (undocumented, but used by tokenizers) ----------------------------------------

class Scanner:
    """A tokenizer from (pattern, action) pairs: `scan(string)` returns the
    actions' results and the text it could not match."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        parts = []
        self._which = {}
        group = 1
        for index, (phrase, action) in enumerate(lexicon):
            self._which[group] = index
            parts.append("(%s)" % phrase)
            group += 1 + _compile(phrase, flags).groups
        self.scanner = _compile("|".join(parts), flags)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[self._which[m.lastindex]][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]


# ---- compiling and the cache ------------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not _isstring(pattern):
        raise TypeError("first argument must be string or compiled pattern")
    result = _re.compile(pattern, flags)
    if len(result) == 2:
        # Errors found after parsing (look-behind width) carry no position.
        raise error(result[0], None if result[1] is None else pattern, result[1])
    code, final_flags, groups, names = result
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = final_flags
    p.groups = groups
    index = dict(names)
    import types
    p.groupindex = types.MappingProxyType(index)
    p._groupkey = tuple(names)
    p._code = code
    p._isstr = isinstance(pattern, str)
    if not (flags & DEBUG) and isinstance(pattern, (str, bytes)):
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[type(pattern), pattern, flags] = p
    return p


def compile(pattern, flags=0):
    "A Pattern for `pattern` (cached)."
    return _compile(pattern, flags)


def purge():
    "Empty the caches of patterns and templates."
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    "Deprecated: compile() with the TEMPLATE flag."
    import warnings
    warnings.warn("The re.template() function is deprecated "
                  "as it is an undocumented function "
                  "without an obvious purpose. "
                  "Use re.compile() instead.",
                  DeprecationWarning)
    return _compile(pattern, flags | T)


def match(pattern, string, flags=0):
    """Match at the start of `string`, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Match all of `string`, or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match anywhere in `string`, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Replace matches of `pattern` in `string` with `repl`."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of replacements)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split `string` at the matches of `pattern`."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Every non-overlapping match in `string`."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over `string`."""
    return _compile(pattern, flags).finditer(string)


# Characters escape() puts a backslash before: those with a meaning in
# patterns, in sets or in verbose mode.
_ESCAPED = {}
for _c in "()[]{}?*+-|^$\\.&~# \t\n\r\v\f":
    _ESCAPED[ord(_c)] = "\\" + _c
del _c


def escape(pattern):
    """`pattern` with every special character backslash-escaped."""
    if isinstance(pattern, str):
        return pattern.translate(_ESCAPED)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_ESCAPED).encode('latin1')
