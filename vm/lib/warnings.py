"""Python part of the warnings subsystem (pure-Python `warnings`, CPython 3.11's behaviour).

`warn()` finds the caller `stacklevel` frames up, applies the first matching
entry of `filters` (`-W` options first, then CPython's default filters) and
prints `file:line: Category: message` and the stripped source line to
`sys.stderr`, once per location unless the action says otherwise.

Message and module filters are regular expressions.  When the runtime has
no `re` module, a small matcher stands in: literals, `.`, `*`, `+`, `?`,
character classes, `^`, `$` and `\\Z`, which covers what `-W` and common
`filterwarnings()` calls produce.  Compile-time warnings (SyntaxWarning) are
reported by the compiler itself, from the same `-W` options.
"""

import sys

import _skein_traceback

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings',
           'simplefilter', 'resetwarnings', 'catch_warnings']


# ---- regular expressions -------------------------------------------------------------

class _Pattern:
    """A compiled pattern with `match` (anchored at the start), as `re.compile` gives."""

    def __init__(self, pattern, ignorecase):
        self.pattern = pattern
        self.flags = 2 if ignorecase else 0
        self._ignorecase = ignorecase
        self._atoms = self._parse(pattern)

    def __repr__(self):
        if self._ignorecase:
            return f're.compile({self.pattern!r}, re.IGNORECASE)'
        return f're.compile({self.pattern!r})'

    def __eq__(self, other):
        return isinstance(other, _Pattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    @staticmethod
    def _parse(p):
        # Atoms: (kind, value, repeat) with kind in 'lit', 'any', 'set', 'end', 'bol'.
        atoms = []
        i = 0
        while i < len(p):
            c = p[i]
            if c == '\\' and i + 1 < len(p):
                e = p[i + 1]
                i += 2
                if e == 'Z':
                    atoms.append(['end', None, ''])
                    continue
                classes = {'d': ('digit', False), 'D': ('digit', True), 'w': ('word', False),
                           'W': ('word', True), 's': ('space', False), 'S': ('space', True)}
                if e in classes:
                    atoms.append(['cls', classes[e], ''])
                else:
                    atoms.append(['lit', e, ''])
            elif c == '.':
                atoms.append(['any', None, ''])
                i += 1
            elif c == '^' and i == 0:
                atoms.append(['bol', None, ''])
                i += 1
            elif c == '$' and i == len(p) - 1:
                atoms.append(['end', None, ''])
                i += 1
            elif c == '[':
                j = i + 1
                negate = j < len(p) and p[j] == '^'
                if negate:
                    j += 1
                items = []
                first = True
                while j < len(p) and (p[j] != ']' or first):
                    first = False
                    ch = p[j]
                    if ch == '\\' and j + 1 < len(p):
                        ch = p[j + 1]
                        j += 1
                    if j + 2 < len(p) and p[j + 1] == '-' and p[j + 2] != ']':
                        items.append((ch, p[j + 2]))
                        j += 3
                    else:
                        items.append((ch, ch))
                        j += 1
                atoms.append(['set', (negate, items), ''])
                i = j + 1
            elif c in '*+?' and atoms and atoms[-1][0] not in ('bol', 'end') and not atoms[-1][2]:
                atoms[-1][2] = c
                i += 1
            else:
                atoms.append(['lit', c, ''])
                i += 1
        return atoms

    def _one(self, atom, ch):
        kind, value, _ = atom
        if kind == 'any':
            return ch != '\n'
        if self._ignorecase:
            ch = ch.lower()
        if kind == 'lit':
            return ch == (value.lower() if self._ignorecase else value)
        if kind == 'cls':
            name, negate = value
            if name == 'digit':
                r = ch.isdigit()
            elif name == 'word':
                r = ch.isalnum() or ch == '_'
            else:
                r = ch.isspace()
            return r != negate
        if kind == 'set':
            negate, items = value
            hit = False
            for lo, hi in items:
                if self._ignorecase:
                    lo, hi = lo.lower(), hi.lower()
                if lo <= ch <= hi:
                    hit = True
                    break
            return hit != negate
        return False

    def _match_at(self, s, ai, si):
        atoms = self._atoms
        if ai == len(atoms):
            return True
        atom = atoms[ai]
        kind, _, rep = atom
        if kind == 'bol':
            return si == 0 and self._match_at(s, ai + 1, si)
        if kind == 'end':
            return si == len(s) and self._match_at(s, ai + 1, si)
        if not rep:
            return si < len(s) and self._one(atom, s[si]) and self._match_at(s, ai + 1, si + 1)
        lo = 1 if rep == '+' else 0
        hi = 1 if rep == '?' else len(s) - si
        n = 0
        while n < hi and si + n < len(s) and self._one(atom, s[si + n]):
            n += 1
        while n >= lo:
            if self._match_at(s, ai + 1, si + n):
                return True
            n -= 1
        return False

    def match(self, s):
        return self._match_at(s, 0, 0) or None


def _compile(pattern, ignorecase=False):
    try:
        import re
    except ImportError:
        return _Pattern(pattern, ignorecase)
    return re.compile(pattern, re.I) if ignorecase else re.compile(pattern)


def _escape(text):
    try:
        import re
    except ImportError:
        return ''.join('\\' + c if not (c.isalnum() or c == '_') and c.isascii() else c for c in text)
    return re.escape(text)


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


# ---- showing warnings ------------------------------------------------------------------

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f'{msg.filename}:{msg.lineno}: {category}: {msg.message}\n'
    if msg.line is None:
        try:
            line = _skein_traceback.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += '  %s\n' % line
    if msg.source is not None:
        # Skein has no tracemalloc, so it is never tracing: CPython's hint.
        s += f'{category}: Enable tracemalloc to get the object allocation traceback\n'
    return s


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    """Hook to write a warning to a file; replace if you like."""
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            if not callable(sw):
                raise TypeError('warnings.showwarning() must be set to a function or method')
            sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    """Function to format a warning the standard way."""
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# ---- filters ---------------------------------------------------------------------------

def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front by default)."""
    assert action in ('error', 'ignore', 'always', 'default', 'module', 'once'), \
        'invalid action: %r' % (action,)
    assert isinstance(message, str), 'message must be a string'
    assert isinstance(category, type), 'category must be a class'
    assert issubclass(category, Warning), 'category must be a Warning subclass'
    assert isinstance(module, str), 'module must be a string'
    assert isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0'
    message = _compile(message, True) if message else None
    module = _compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front by default)."""
    assert action in ('error', 'ignore', 'always', 'default', 'module', 'once'), \
        'invalid action: %r' % (action,)
    assert isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0'
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """Exception used by option processing helpers."""


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print('Invalid -W option ignored:', msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError('too many fields (max 5): %r' % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message:
        message = _escape(message)
    if module:
        module = _escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError('invalid lineno %r' % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return 'default'
    if action == 'all':
        return 'always'
    for a in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError('invalid action: %r' % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError('invalid module name: %r' % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError('unknown warning category: %r' % (category,)) from None
    if not issubclass(cat, Warning):
        raise _OptionError('invalid warning category: %r' % (category,))
    return cat


# ---- warn ------------------------------------------------------------------------------

def _is_internal_frame(frame):
    filename = frame.f_code.co_filename
    return 'importlib' in filename and '_bootstrap' in filename


def _next_external_frame(frame):
    frame = frame.f_back
    while frame is not None and _is_internal_frame(frame):
        frame = frame.f_back
    return frame


def _warn_impl(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    try:
        if stacklevel <= 1 or _is_internal_frame(sys._getframe(1)):
            frame = sys._getframe(stacklevel)
        else:
            frame = sys._getframe(1)
            for x in range(stacklevel - 1):
                frame = _next_external_frame(frame)
                if frame is None:
                    raise ValueError
    except ValueError:
        globals = sys.__dict__
        filename = 'sys'
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    if '__name__' in globals:
        module = globals['__name__']
    else:
        module = '<string>'
    registry = globals.setdefault('__warningregistry__', {})
    _warn_explicit_impl(message, category, filename, lineno, module, registry, globals, source)


def _warn_explicit_impl(message, category, filename, lineno, module=None, registry=None,
                        module_globals=None, source=None):
    """Issue a warning at an explicit location (filename, lineno, module)."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module)
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %s' % (action, item))
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


class WarningMessage(object):
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):
    """A context manager that copies and, upon exit, restores the warnings filter and
    the showwarning() function."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        name = type(self).__name__
        return '%s(%s)' % (name, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_warnings_defaults = True

# Builtin functions, as CPython's C `warn`: a warning turned into an
# exception shows no frame of this module in its traceback.
warn = _skein_traceback.builtin(sys.modules[__name__], 'warn')
warn_explicit = _skein_traceback.builtin(sys.modules[__name__], 'warn_explicit')

_processoptions(sys.warnoptions)
