"""Common string constants and classes (pure-Python `string`).

Template's placeholders are found by a small scanner instead of a regular
expression, for the default identifier syntax and any delimiter.  A subclass
that changes `idpattern`, `braceidpattern`, `flags` or `pattern` needs the
`re` module, which is then imported (as CPython always does).  Formatter
parses format strings itself, with the same results and errors as
str.format's parser.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s at sep (whitespace runs by default), capitalize each word and
    join them with sep (a single space by default)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


################################################################################
# Template
################################################################################

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_IGNORECASE = 2     # re.IGNORECASE
_VERBOSE = 64       # re.VERBOSE
_ID_START = frozenset('_' + ascii_letters)
_ID_CHAR = frozenset('_' + ascii_letters + digits)
_sentinel_dict = {}


class _Match:
    """One placeholder found in a template: what CPython's pattern match gives."""

    __slots__ = ('kind', 'start', 'end', 'name', 'invalid_at')

    def __init__(self, kind, start, end, name=None, invalid_at=None):
        self.kind = kind          # 'escaped', 'named', 'braced' or 'invalid'
        self.start = start
        self.end = end
        self.name = name
        self.invalid_at = invalid_at


def _identifier_end(text, i):
    """End of the identifier starting at i (i itself when there is none)."""
    n = len(text)
    if i < n and text[i] in _ID_START:
        i += 1
        while i < n and text[i] in _ID_CHAR:
            i += 1
    return i


def _scan(text, delimiter):
    """Placeholders in text, left to right, as the default pattern finds them."""
    dl = len(delimiter)
    i = 0
    while True:
        j = text.find(delimiter, i)
        if j < 0:
            return
        k = j + dl
        if text.startswith(delimiter, k):
            yield _Match('escaped', j, k + dl)
            i = k + dl
            continue
        end = _identifier_end(text, k)
        if end > k:
            yield _Match('named', j, end, text[k:end])
            i = end
            continue
        if text.startswith('{', k):
            end = _identifier_end(text, k + 1)
            if end > k + 1 and text.startswith('}', end):
                yield _Match('braced', j, end + 1, text[k + 1:end])
                i = end + 1
                continue
        yield _Match('invalid', j, k, invalid_at=k)
        i = k


def _regex_scan(pattern, text):
    """Placeholders found by a user-supplied regular expression."""
    for mo in pattern.finditer(text):
        groups = mo.groupdict()
        if groups.get('escaped') is not None:
            yield _Match('escaped', mo.start(), mo.end())
        elif groups.get('named') is not None:
            yield _Match('named', mo.start(), mo.end(), groups['named'])
        elif groups.get('braced') is not None:
            yield _Match('braced', mo.start(), mo.end(), groups['braced'])
        elif groups.get('invalid') is not None:
            yield _Match('invalid', mo.start(), mo.end(), invalid_at=mo.start('invalid'))
        else:
            yield _Match(None, mo.start(), mo.end())


def _build_pattern(cls):
    import re  # deferred: only custom patterns need it
    if 'pattern' in cls.__dict__ and not isinstance(cls.__dict__['pattern'], _LazyPattern):
        pattern = cls.__dict__['pattern']
    else:
        delim = re.escape(cls.delimiter)
        ident = cls.idpattern
        bident = cls.braceidpattern or cls.idpattern
        pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # two delimiters: a literal delimiter
              (?P<named>{ident})      |   # delimiter and identifier
              {{(?P<braced>{bident})}} |   # delimiter and braced identifier
              (?P<invalid>)               # anything else after a delimiter
            )
            """
    if isinstance(pattern, str):
        pattern = re.compile(pattern, cls.flags | re.VERBOSE)
    return pattern


class _LazyPattern:
    """Template.pattern: compiled (with `re`) the first time it is read."""

    def __get__(self, obj, cls=None):
        if cls is None:
            cls = type(obj)
        compiled = cls.__dict__.get('_compiled_pattern')
        if compiled is None:
            compiled = _build_pattern(cls)
            cls._compiled_pattern = compiled
        return compiled


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _IGNORECASE
    pattern = _LazyPattern()
    _custom = False

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = ('pattern' in cls.__dict__
                  or cls.idpattern != _DEFAULT_IDPATTERN
                  or cls.braceidpattern not in (None, _DEFAULT_IDPATTERN)
                  or cls.flags != _IGNORECASE
                  or not cls.delimiter)
        cls._custom = custom
        if custom:
            # Like CPython, compile (and so validate) the pattern now.
            cls._compiled_pattern = _build_pattern(cls)
            if 'pattern' in cls.__dict__:
                cls.pattern = cls._compiled_pattern

    def __init__(self, template):
        self.template = template

    def _matches(self):
        if self._custom:
            return _regex_scan(type(self).pattern, self.template)
        return _scan(self.template, self.delimiter)

    def _invalid(self, match):
        i = match.invalid_at
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _unrecognized(self):
        raise ValueError('Unrecognized named group in pattern', type(self).pattern)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        text = self.template
        out = []
        pos = 0
        for match in self._matches():
            out.append(text[pos:match.start])
            pos = match.end
            if match.kind in ('named', 'braced'):
                out.append(str(mapping[match.name]))
            elif match.kind == 'escaped':
                out.append(self.delimiter)
            elif match.kind == 'invalid':
                self._invalid(match)
            else:
                self._unrecognized()
        out.append(text[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        text = self.template
        out = []
        pos = 0
        for match in self._matches():
            out.append(text[pos:match.start])
            pos = match.end
            if match.kind in ('named', 'braced'):
                try:
                    out.append(str(mapping[match.name]))
                except KeyError:
                    out.append(text[match.start:match.end])
            elif match.kind == 'escaped':
                out.append(self.delimiter)
            elif match.kind == 'invalid':
                out.append(text[match.start:match.end])
            else:
                self._unrecognized()
        out.append(text[pos:])
        return ''.join(out)

    def is_valid(self):
        for match in self._matches():
            if match.kind == 'invalid':
                return False
            if match.kind is None:
                self._unrecognized()
        return True

    def get_identifiers(self):
        ids = []
        for match in self._matches():
            if match.kind in ('named', 'braced'):
                if match.name not in ids:
                    ids.append(match.name)
            elif match.kind is None:
                self._unrecognized()
        return ids


class _ChainLookup:
    """Lookups in several mappings in turn (what substitute() needs of ChainMap)."""

    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


################################################################################
# Formatter
################################################################################

def _parse_format(format_string):
    """Yield (literal_text, field_name, format_spec, conversion) like
    _string.formatter_parser; field_name is None after a literal that ends in
    an escaped brace or at the end of the string."""
    s = format_string
    n = len(s)
    pos = 0
    while pos < n:
        # Literal text up to the first brace.
        start = pos
        brace = None
        while pos < n:
            ch = s[pos]
            pos += 1
            if ch == '{' or ch == '}':
                brace = ch
                break
        at_end = pos >= n
        if brace == '}' and (at_end or s[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if brace == '{' and at_end:
            raise ValueError("Single '{' encountered in format string")
        if brace is None:
            yield s[start:pos], None, None, None
            return
        if s[pos] == brace:
            # A doubled brace: the literal ends with one copy of it.
            pos += 1
            yield s[start:pos - 1], None, None, None
            continue
        literal = s[start:pos - 1]
        field_name, format_spec, conversion, pos = _parse_field(s, pos)
        yield literal, field_name, format_spec, conversion


def _parse_field(s, pos):
    """Parse a replacement field starting just after its '{'.

    Returns (field_name, format_spec, conversion, position after the '}').
    """
    n = len(s)
    name_start = pos
    ch = ''
    while pos < n:
        ch = s[pos]
        pos += 1
        if ch == '{':
            raise ValueError("unexpected '{' in field name")
        if ch == '[':
            # An index may contain ':', '!' and '}': skip to its ']'.
            while pos < n and s[pos] != ']':
                pos += 1
            continue
        if ch in '}:!':
            break
    name = s[name_start:pos - 1]
    if ch == '!' or ch == ':':
        conversion = None
        if ch == '!':
            if pos >= n:
                raise ValueError('end of string while looking for conversion specifier')
            conversion = s[pos]
            pos += 1
            if pos < n:
                ch = s[pos]
                pos += 1
                if ch == '}':
                    return name, '', conversion, pos
                if ch != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = pos
        depth = 1
        while pos < n:
            ch = s[pos]
            pos += 1
            if ch == '{':
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0:
                    return name, s[spec_start:pos - 1], conversion, pos
        raise ValueError("unmatched '{' in format spec")
    if ch != '}':
        raise ValueError("expected '}' before end of string")
    return name, '', None, pos


def _split_field_name(field_name):
    """(first, [(is_attribute, key), ...]) like _string.formatter_field_name_split."""
    n = len(field_name)
    i = 0
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdecimal():
        first = int(first)
    rest = []
    while i < n:
        ch = field_name[i]
        i += 1
        if ch == '.':
            start = i
            while i < n and field_name[i] not in '.[':
                i += 1
            name = field_name[start:i]
            if not name:
                raise ValueError('Empty attribute in format string')
            rest.append((True, name))
        elif ch == '[':
            start = i
            while i < n and field_name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = field_name[start:i]
            if not key:
                raise ValueError('Empty attribute in format string')
            i += 1
            if i < n and field_name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            rest.append((False, int(key) if key.isdecimal() else key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """str.format() as overridable steps: parse, get_field/get_value,
    convert_field, format_field and check_unused_args."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # auto_arg_index is False once a field was numbered explicitly.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each piece
        of format_string; field_name is None where no field follows."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object a field name refers to, and the key of the argument used."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
