"""Context variables (PEP 567), Skein's implementation in Python.

Each thread has its own current Context, kept in a `_thread._local`; a new
thread starts with an empty Context, as in CPython 3.11.

A Context's mapping is a dict that is never mutated once published:
`ContextVar.set` builds a new dict and stores it in the (current, hence
thread-private while entered) Context.  `copy_context()` therefore shares
the dict with no copying, and a reader in another thread always sees a
complete mapping.  Entering a Context is checked and marked under one lock,
so two threads cannot both enter the same Context.
"""

import _thread

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_MISSING = object()
_local = _thread._local()
_enter_lock = _thread.allocate_lock()


def _current():
    ctx = getattr(_local, "ctx", None)
    if ctx is None:
        ctx = _local.ctx = Context()
    return ctx


def _no_subclass(qualname):
    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.%s' is not an acceptable base type" % qualname)
    return classmethod(__init_subclass__)


def _check_key(key):
    if type(key) is not ContextVar:
        raise TypeError("a ContextVar key was expected, got %r" % (key,))


class Context(object):
    """A mapping of ContextVars to values; `run` makes it current for one call."""

    __slots__ = ("_data", "_entered", "_prev")

    __init_subclass__ = _no_subclass("Context")

    def __init__(self):
        self._data = {}
        self._entered = False
        self._prev = None

    def run(self, callable, /, *args, **kwargs):
        with _enter_lock:
            if self._entered:
                raise RuntimeError("cannot enter context: %r is already entered" % (self,))
            self._entered = True
        prev = _current()
        self._prev = prev
        _local.ctx = self
        try:
            return callable(*args, **kwargs)
        finally:
            _local.ctx = prev
            self._prev = None
            self._entered = False
            # This frame may outlive the call as the f_back of a frame in a
            # traceback (CPython's run is C and has none): holding the
            # callable would keep, e.g., an asyncio task alive in a cycle.
            callable = args = kwargs = None

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        _check_key(var)
        return self._data[var]

    def __contains__(self, var):
        _check_key(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def get(self, var, default=None):
        _check_key(var)
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None

    def __repr__(self):
        return "<_contextvars.Context object at %#x>" % id(self)


def copy_context():
    return _current().copy()


class ContextVar(object):
    """A variable whose value depends on the current Context."""

    __slots__ = ("_name", "_default", "__weakref__")

    __init_subclass__ = _no_subclass("ContextVar")

    def __init__(self, *args, default=_MISSING, **kwargs):
        if "name" in kwargs and not args:
            args = (kwargs.pop("name"),)
        if kwargs:
            raise TypeError("ContextVar() got an unexpected keyword argument '%s'"
                            % next(iter(kwargs)))
        if len(args) != 1:
            raise TypeError("ContextVar() takes exactly 1 positional argument (%d given)"
                            % len(args))
        name = args[0]
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError("get expected at most 1 argument, got %d" % len(args))
        try:
            return _current()._data[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        data = ctx._data
        old = data.get(self, Token.MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token(_TOKEN_KEY, ctx, self, old)

    def reset(self, token):
        if type(token) is not Token:
            raise TypeError("expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError("%r was created in a different Context" % (token,))
        new = dict(ctx._data)
        if token._old is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._data = new
        token._used = True

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    def __hash__(self):
        return object.__hash__(self)

    def __repr__(self):
        r = "<ContextVar name=%r" % (self._name,)
        if self._default is not _MISSING:
            r += " default=%r" % (self._default,)
        return r + " at %#x>" % id(self)


_TOKEN_KEY = object()


class _Missing(object):
    __slots__ = ()

    def __repr__(self):
        return "<Token.MISSING>"


class Token(object):
    """Returned by ContextVar.set; ContextVar.reset(token) restores the previous value."""

    __slots__ = ("_ctx", "_var", "_old", "_used")

    __init_subclass__ = _no_subclass("Token")

    MISSING = _Missing()

    def __init__(self, *args):
        if len(args) != 4 or args[0] is not _TOKEN_KEY:
            raise RuntimeError("Tokens can only be created by ContextVars")
        _, self._ctx, self._var, self._old = args
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at %#x>" % (used, self._var, id(self))


try:
    from types import GenericAlias as _GenericAlias
except ImportError:  # pragma: no cover
    def _GenericAlias(cls, item):
        return cls


for _cls in (Context, ContextVar, Token):
    _cls.__module__ = "_contextvars"
del _cls
