"""In-memory streams (pure-Python `io`): StringIO, BytesIO and the IO base classes.

Behaviour, reprs and error messages follow CPython 3.11's `_io` module:
StringIO keeps its text in a list of characters-as-str (one str, rebuilt on
write), BytesIO keeps a bytearray; positions are code points / bytes.

Invariants:
* `_pos` is never negative; it may lie past the end of the buffer, and a write
  there pads the gap with NUL characters / zero bytes (as CPython does);
* a closed stream refuses every operation with ValueError.  As in CPython,
  StringIO's own methods say "I/O operation on closed file" while the methods
  inherited from the IOBase classes (and all of BytesIO's) end it with a period.

Files: open(), FileIO, BufferedReader/Writer/Random and TextIOWrapper live in
`_fileio` (on top of the native `posix` descriptors) and are re-exported here.
"""

import abc as _abc
import sys as _sys
from _thread import RLock as _RLock

try:
    import builtins as _builtins
except ImportError:  # pragma: no cover - the runtime always has builtins
    _builtins = None

__all__ = [
    "BlockingIOError",
    "open",
    "IOBase",
    "RawIOBase",
    "BufferedIOBase",
    "TextIOBase",
    "StringIO",
    "BytesIO",
    "FileIO",
    "BufferedReader",
    "BufferedWriter",
    "BufferedRandom",
    "TextIOWrapper",
    "UnsupportedOperation",
    "SEEK_SET",
    "SEEK_CUR",
    "SEEK_END",
    "DEFAULT_BUFFER_SIZE",
]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass

_CLOSED_DOT = "I/O operation on closed file."
_CLOSED = "I/O operation on closed file"


def _index(value):
    """operator.index(), with CPython's message."""
    if isinstance(value, int):
        return int(value)
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError(
            f"'{type(value).__name__}' object cannot be interpreted as an integer"
        ) from None
    return method(value)


def _size_arg(size):
    """A read size: None or an integer (negative means 'everything')."""
    if size is None:
        return -1
    if isinstance(size, int) or hasattr(type(size), "__index__"):
        return _index(size)
    raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")


def _bytes_like(data):
    """The bytes of a bytes-like object, or TypeError with CPython's message."""
    if isinstance(data, (bytes, bytearray)):
        return data
    if not isinstance(data, str):
        try:
            return memoryview(data).tobytes()
        except (TypeError, NameError):
            pass
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


# ---------------------------------------------------------------------------
# Base classes


def _serialized(*names):
    """Class decorator: the named methods run under the instance's `_lock`.

    CPython's in-memory and buffered streams are C objects whose methods
    are atomic (the GIL, or a per-object critical section in 3.13t; the
    buffered ones also take their own lock). These are Python classes, so
    without a lock two threads writing one StringIO or file lose or repeat
    data (each reads `_pos`, then stores its own end). Re-entrant: close()
    calls flush(), and a finalizer may close a stream its thread is using.
    The write() methods take the lock inline instead: they are the hot ones,
    and this wrapper's extra call costs about as much as a StringIO write.
    A __next__ that only calls readline() needs no lock of its own.
    """

    def decorate(cls):
        # The lock is made in __new__, so that an instance made without
        # __init__ (unpickling, copy) has one too.
        cls.__new__ = staticmethod(_new_with_lock)
        for name in names:
            # Inherited methods too (IOBase.readlines calls readline in a
            # loop: the whole call is one operation, as in C).
            setattr(cls, name, _locked(getattr(cls, name)))
        return cls

    return decorate


def _new_with_lock(cls, *args, **kwargs):
    self = object.__new__(cls)
    self._lock = _RLock()
    return self


def _locked(fn):
    def locked(self, *args, **kwargs):
        with self._lock:
            return fn(self, *args, **kwargs)

    locked.__name__ = fn.__name__
    locked.__qualname__ = fn.__qualname__
    locked.__doc__ = fn.__doc__
    locked.__wrapped__ = fn
    return locked


def _tp_name(obj):
    # A C type's tp_name: "_io.BytesIO" for the type itself, the bare name
    # for a Python subclass.
    cls = type(obj)
    return f"_io.{cls.__name__}" if cls.__module__ == "_io" else cls.__name__


def _state_dict(obj, internal):
    """The instance dict without the stream's own fields (None if empty),
    as the C types' __getstate__ returns only what users stored."""
    d = {k: v for k, v in obj.__dict__.items() if k not in internal}
    return d or None


class IOBase(metaclass=_abc.ABCMeta):
    """The base of all streams: closing, context management, line iteration."""

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        if self._IOBase_closed():
            raise ValueError(_CLOSED_DOT)

    def _IOBase_closed(self):
        return getattr(self, "_IOBase__closed", False)

    def close(self):
        if not self._IOBase_closed():
            try:
                self.flush()
            finally:
                self._IOBase__closed = True

    @property
    def closed(self):
        return self._IOBase_closed()

    def __del__(self):
        # CPython's iobase_finalize: close (and so flush) a stream dropped
        # while open; a stream too broken to say is left alone, and errors
        # from close() are silenced, as outside CPython's dev mode.
        try:
            closed = self.closed
        except Exception:
            return
        if closed:
            return
        try:
            self.close()
        except Exception:
            pass

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError(_CLOSED_DOT if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable." if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable." if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable." if msg is None else msg)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self, size=-1):
        size = _size_arg(size)
        # One byte at a time, using peek() when the stream has it, as the base
        # implementation must work for any readable stream.
        out = bytearray()
        while size < 0 or len(out) < size:
            chunk = self.read(1)
            if not chunk:
                break
            out += chunk
            if out.endswith(b"\n"):
                break
        return bytes(out)

    def readlines(self, hint=None):
        self._checkClosed()
        hint = -1 if hint is None else _index(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base of unbuffered binary streams."""

    def read(self, size=-1):
        size = _size_arg(size)
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)

    def readinto(self, b):
        self._unsupported("readinto")

    def write(self, b):
        self._unsupported("write")


class BufferedIOBase(IOBase):
    """Base of buffered binary streams."""

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        self._unsupported("read1")

    def write(self, b):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")

    def readinto(self, b):
        return self._readinto(b, self.read)

    def readinto1(self, b):
        return self._readinto(b, self.read1)

    def _readinto(self, b, reader):
        view = memoryview(b)
        data = reader(len(view))
        n = len(data)
        b[:n] = data
        return n


class TextIOBase(IOBase):
    """Base of text streams."""

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self, size=-1):
        self._unsupported("readline")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


# The runtime's standard streams are text streams.
for _stream in (getattr(_sys, "stdout", None), getattr(_sys, "stderr", None), getattr(_sys, "stdin", None)):
    if _stream is not None and not isinstance(_stream, IOBase):
        try:
            TextIOBase.register(type(_stream))
        except TypeError:
            pass
del _stream


# ---------------------------------------------------------------------------
# StringIO

# Bits of StringIO._seen: which newline kinds a universal-newlines StringIO saw.
_LF, _CR, _CRLF = 1, 2, 4
_NEWLINES_SEEN = {
    0: None,
    _LF: "\n",
    _CR: "\r",
    _CR | _LF: ("\r", "\n"),
    _CRLF: "\r\n",
    _LF | _CRLF: ("\n", "\r\n"),
    _CR | _CRLF: ("\r", "\r\n"),
    _CR | _LF | _CRLF: ("\r", "\n", "\r\n"),
}


@_serialized("writelines", "read", "readline", "readlines", "tell", "seek",
             "truncate", "getvalue", "close", "__getstate__", "__setstate__")
class StringIO(TextIOBase):
    """Text stream over an in-memory str.

    newline=None translates \\r\\n and \\r to \\n on write and splits lines on
    \\n; newline='' keeps text as is and splits on \\r, \\n and \\r\\n;
    newline='\\r' or '\\r\\n' writes \\n as that sequence and splits on it.
    """

    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                f"initial_value must be str or None, not {type(initial_value).__name__}"
            )
        self._newline = newline
        self._universal = newline is None or newline == ""
        self._translate = newline is None
        self._writenl = newline if newline in ("\r", "\r\n") else None
        self._seen = 0
        self._buf = ""
        self._tail = []
        self._len = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self._write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError(_CLOSED)

    # Writes at the end go to `_tail` and are joined into `_buf` when the
    # text is next read, so that a stream written line by line (a logging
    # handler's) costs linear time rather than quadratic.
    @property
    def _text(self):
        tail = self._tail
        if tail:
            self._buf = self._buf + "".join(tail)
            tail.clear()
        return self._buf

    @_text.setter
    def _text(self, value):
        self._tail.clear()
        self._buf = value
        self._len = len(value)

    # -- writing --

    def _decode_newlines(self, s):
        """Record the newline kinds in s; translate them to \\n if asked."""
        if "\r" not in s:
            if "\n" in s:
                self._seen |= _LF
            return s
        crlf = s.count("\r\n")
        if crlf:
            self._seen |= _CRLF
        if s.count("\r") > crlf:
            self._seen |= _CR
        if s.count("\n") > crlf:
            self._seen |= _LF
        if self._translate:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        return s

    def _write(self, s):
        if self._universal:
            s = self._decode_newlines(s)
        if self._writenl is not None and "\n" in s:
            s = s.replace("\n", self._writenl)
        n = len(s)
        if not n:
            return
        pos = self._pos
        if pos == self._len:
            self._tail.append(s)
            self._len = pos + n
            self._pos = pos + n
            return
        text = self._text
        end = len(text)
        if pos > end:
            text = text + "\0" * (pos - end)
            end = pos
        if pos == end:
            self._text = text + s
        else:
            self._text = text[:pos] + s + text[pos + n:]
        self._pos = pos + n

    def write(self, s):
        with self._lock:
            self._check()
            if not isinstance(s, str):
                raise TypeError(f"string argument expected, got '{type(s).__name__}'")
            size = len(s)
            self._write(s)
            return size

    # -- reading --

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        text = self._text
        pos = self._pos
        if pos >= len(text):
            return ""
        if size < 0:
            end = len(text)
        else:
            end = min(len(text), pos + size)
        self._pos = end
        return text[pos:end]

    def _line_end(self, start, limit):
        """Index just past the line that starts at start (at most limit chars)."""
        text = self._text
        stop = len(text) if limit < 0 else min(len(text), start + limit)
        if self._newline == "":
            lf = text.find("\n", start, stop)
            cr = text.find("\r", start, stop)
            if cr < 0:
                return stop if lf < 0 else lf + 1
            if lf < 0 or cr < lf:
                if cr + 1 < stop and text[cr + 1] == "\n":
                    return cr + 2
                return cr + 1
            return lf + 1
        sep = "\n" if self._newline is None else self._newline
        i = text.find(sep, start, stop)
        if i < 0:
            return stop
        return i + len(sep)

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        pos = self._pos
        if pos >= len(self._text):
            return ""
        end = self._line_end(pos, size)
        self._pos = end
        return self._text[pos:end]

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- positioning --

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = len(self._text)
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            size = self._pos
        else:
            size = _size_arg(pos)
            if size < 0:
                raise ValueError(f"Negative size value {size}")
        if size < len(self._text):
            self._text = self._text[:size]
        return size

    # -- the rest --

    def getvalue(self):
        self._check()
        return self._text

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        # CPython's StringIO.flush is IOBase.flush, which looks at IOBase's own
        # closed flag; StringIO.close never sets it, so flush never raises.
        return None

    def detach(self):
        self._unsupported("detach")

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if not self._universal:
            return None
        return _NEWLINES_SEEN[self._seen]

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    _INTERNAL = frozenset(
        ("_lock", "_newline", "_universal", "_translate", "_writenl", "_seen", "_buf", "_tail", "_len",
         "_pos", "_closed")
    )

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._newline, self._pos, _state_dict(self, self._INTERNAL))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) < 4:
            raise TypeError(f"{_tp_name(self)}.__setstate__ argument should be 4-tuple, got {type(state).__name__}")
        value, newline, pos, d = state[:4]
        self.__init__(None, newline)
        self._write(value)
        if not isinstance(pos, int):
            raise TypeError(f"third item of state must be an integer, got {type(pos).__name__}")
        if pos < 0:
            raise ValueError("position value cannot be negative")
        self._pos = pos
        if d is not None:
            if not isinstance(d, dict):
                raise TypeError(f"fourth item of state should be a dict, got a {type(d).__name__}")
            self.__dict__.update(d)

    def __repr__(self):
        return f"<_io.StringIO object at {id(self):#x}>"


# ---------------------------------------------------------------------------
# BytesIO


@_serialized("getvalue", "close", "read", "readline", "readlines", "readinto",
             "writelines", "tell", "seek", "truncate", "__getstate__", "__setstate__")
class BytesIO(BufferedIOBase):
    """Binary stream over an in-memory bytearray."""

    __module__ = "_io"

    def __init__(self, initial_bytes=None):
        self._buf = bytearray()
        self._pos = 0
        self._closed = False
        if initial_bytes is not None:
            self._buf += _bytes_like(initial_bytes)

    def _check(self):
        if self._closed:
            raise ValueError(_CLOSED_DOT)

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        return memoryview(self._buf)

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    # -- reading --

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b""
        end = len(buf) if size < 0 else min(len(buf), pos + size)
        self._pos = end
        return bytes(buf[pos:end])

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b""
        stop = len(buf) if size < 0 else min(len(buf), pos + size)
        i = buf.find(b"\n", pos, stop)
        end = stop if i < 0 else i + 1
        self._pos = end
        return bytes(buf[pos:end])

    def readlines(self, hint=None):
        self._check()
        hint = -1 if hint is None else _index(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readinto(self, b):
        self._check()
        view = memoryview(b)
        n = len(view)
        data = self.read(n)
        k = len(data)
        b[:k] = data
        return k

    def readinto1(self, b):
        return self.readinto(b)

    # -- writing --

    def write(self, b):
        with self._lock:
            self._check()
            data = _bytes_like(b)
            n = len(data)
            if not n:
                return 0
            buf = self._buf
            pos = self._pos
            if pos > len(buf):
                buf += bytes(pos - len(buf))
            buf[pos:pos + n] = data
            self._pos = pos + n
            return n

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    # -- positioning --

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        else:
            size = _size_arg(size)
            if size < 0:
                raise ValueError(f"negative size value {size}")
        if size < len(self._buf):
            del self._buf[size:]
        return size

    _INTERNAL = frozenset(("_lock", "_buf", "_pos", "_closed"))

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._pos, _state_dict(self, self._INTERNAL))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) < 3:
            raise TypeError(f"{_tp_name(self)}.__setstate__ argument should be 3-tuple, got {type(state).__name__}")
        value, pos, d = state[:3]
        self.__init__(value)
        if not isinstance(pos, int):
            raise TypeError(f"second item of state must be an integer, not {type(pos).__name__}")
        if pos < 0:
            raise ValueError("position value cannot be negative")
        self._pos = pos
        if d is not None:
            if not isinstance(d, dict):
                raise TypeError(f"third item of state should be a dict, got a {type(d).__name__}")
            self.__dict__.update(d)

    def __repr__(self):
        return f"<_io.BytesIO object at {id(self):#x}>"


# Imported last: _fileio builds on the base classes above and, at its end,
# sets io.FileIO, the Buffered* classes, TextIOWrapper, text_encoding and
# io.open (the builtin) here -- also when _fileio is the one imported first.
import _fileio  # noqa: E402,F401
