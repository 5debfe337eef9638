"""File streams for `io`: open(), FileIO, BufferedReader/Writer/Random, TextIOWrapper.

Pure Python over the native `posix` descriptor functions (open, read, write,
lseek, ftruncate, close). Behaviour and error messages follow CPython 3.11's
`_io` for common use.

Design:
* FileIO is the raw layer: one posix call per operation.
* _Buffered keeps at most one of a read buffer (`_rbuf[_rpos:]`, bytes read
  ahead of the logical position) or a write buffer (`_wbuf`, bytes not yet
  written); switching direction flushes or drops the other, so the raw
  position is always `logical + len(_wbuf)` or `logical + unread`.
* TextIOWrapper decodes whole chunks into `_text` (not newline-translated,
  so `tell()` can re-encode what is left); a chunk's incomplete trailing
  UTF-8 sequence waits in `_pending` for the next chunk.
* A stream dropped without close() is closed -- its buffer flushed -- by
  IOBase.__del__ (io.py) when its last reference goes, as in CPython.
"""

import posix as _posix
import io as _io

_CLOSED = "I/O operation on closed file."
_CLOSED_RAW = "I/O operation on closed file"
_CHUNK = 8192


def _fspath(file):
    if isinstance(file, (str, bytes)):
        return file
    f = getattr(type(file), "__fspath__", None)
    if f is not None:
        return f(file)
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")


def _isdir(fd):
    st = _posix._stat(fd)
    return (st[0] & 0o170000) == 0o040000


class FileIO(_io.RawIOBase):
    """A raw stream over an OS file descriptor."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        rd = wr = app = cr = plus = False
        for c in mode:
            if c in "rwax":
                if rd or wr or app or cr:
                    raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
                rd, wr, app, cr = c == "r", c == "w", c == "a", c == "x"
            elif c == "+":
                if plus:
                    raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
                plus = True
            elif c == "b":
                pass
            else:
                raise ValueError(f"invalid mode: {mode}")
        if not (rd or wr or app or cr):
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        self._readable = rd or plus
        self._writable = wr or app or cr or plus
        self._appending = app
        self._created = cr
        if self._readable and self._writable:
            flags = 2
        elif self._readable:
            flags = 0
        else:
            flags = 1
        if wr:
            flags |= 0o100 | 0o1000
        elif app:
            flags |= 0o100 | 0o2000
        elif cr:
            flags |= 0o100 | 0o200
        flags |= 0o2000000  # O_CLOEXEC
        self._closefd = closefd
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
            self.name = file
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            path = _fspath(file)
            self.name = file
            if opener is None:
                fd = _posix.open(path, flags, 0o666)
            else:
                fd = opener(path, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError(f"opener returned {fd}")
        try:
            if fd > 2 and _isdir(fd):
                raise IsADirectoryError(21, "Is a directory", self.name)
            if app:
                _posix.lseek(fd, 0, 2)
        except BaseException:
            if not isinstance(file, int):
                _posix.close(fd)
            raise
        self._fd = fd

    @property
    def mode(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    @property
    def closefd(self):
        return self._closefd

    @property
    def closed(self):
        return self._fd < 0

    def _check(self):
        if self._fd < 0:
            raise ValueError(_CLOSED_RAW)

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        try:
            _posix.lseek(self._fd, 0, 1)
        except OSError:
            return False
        return True

    def isatty(self):
        self._check()
        return _posix.isatty(self._fd)

    def read(self, size=-1):
        self._check()
        if not self._readable:
            raise _io.UnsupportedOperation("File not open for reading")
        size = _io._size_arg(size)
        if size < 0:
            return self.readall()
        return _posix.read(self._fd, size)

    def readall(self):
        self._check()
        parts = []
        while True:
            data = _posix.read(self._fd, 1 << 20)
            if not data:
                break
            parts.append(data)
        return b"".join(parts)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check()
        if not self._writable:
            raise _io.UnsupportedOperation("File not open for writing")
        return _posix.write(self._fd, _io._bytes_like(b))

    def seek(self, pos, whence=0):
        self._check()
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        return _posix.lseek(self._fd, _io._index(pos), whence)

    def tell(self):
        self._check()
        return _posix.lseek(self._fd, 0, 1)

    def truncate(self, size=None):
        self._check()
        if not self._writable:
            raise _io.UnsupportedOperation("File not open for writing")
        if size is None:
            size = self.tell()
        _posix.ftruncate(self._fd, _io._index(size))
        return size

    def flush(self):
        if self._fd < 0:
            raise ValueError(_CLOSED)

    def close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            if self._closefd:
                _posix.close(fd)

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


# Buffered streams take their own lock in CPython too (`ENTER_BUFFERED`):
# the buffer and the raw position change together.
@_io._serialized("detach", "flush", "close", "read", "read1", "peek", "readline", "readlines",
                 "readinto", "readinto1", "tell", "seek", "truncate")
class _Buffered(_io.BufferedIOBase):
    _kind = "BufferedRandom"
    _can_read = True
    _can_write = True

    def __init__(self, raw, buffer_size=_CHUNK):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b""
        self._rpos = 0
        self._wbuf = bytearray()

    # -- state

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def __repr__(self):
        try:
            name = self.name
        except AttributeError:
            return f"<_io.{self._kind}>"
        return f"<_io.{self._kind} name={name!r}>"

    def _check(self, msg=_CLOSED_RAW):
        if self.raw.closed:
            raise ValueError(msg)

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def detach(self):
        self.flush()
        raw, self.raw = self.raw, None
        return raw

    # -- writing

    def _drop_read(self):
        # The raw position is ahead by what was read but not consumed.
        left = len(self._rbuf) - self._rpos
        if left:
            self.raw.seek(-left, 1)
        self._rbuf = b""
        self._rpos = 0

    def write(self, b):
        with self._lock:
            if not self._can_write:
                raise _io.UnsupportedOperation("write")
            self._check("write to closed file")
            data = _io._bytes_like(b)
            if self._rpos < len(self._rbuf):
                self._drop_read()
            else:
                self._rbuf = b""
                self._rpos = 0
            self._wbuf += data
            if len(self._wbuf) >= self.buffer_size:
                self._flush_writes()
            return len(data)

    def _flush_writes(self):
        buf = self._wbuf
        while buf:
            n = self.raw.write(bytes(buf))
            if n is None or n <= 0:
                break
            del buf[:n]

    def flush(self):
        self._check("flush of closed file" if self._can_write else _CLOSED)
        if self._wbuf:
            self._flush_writes()

    def close(self):
        if self.raw is None or self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    # -- reading

    def _fill(self):
        """Reads one more chunk into the read buffer; False at end of file."""
        if self._wbuf:
            self._flush_writes()
        data = self.raw.read(max(self.buffer_size, _CHUNK))
        if not data:
            return False
        if self._rpos:
            self._rbuf = self._rbuf[self._rpos:] + data
            self._rpos = 0
        else:
            self._rbuf = self._rbuf + data if self._rbuf else data
        return True

    def _check_read(self, what="read"):
        if not self._can_read:
            raise _io.UnsupportedOperation("read1" if what == "read1" else "read")
        self._check(f"{'read' if what == 'read1' else what} of closed file")

    def read(self, size=-1):
        self._check_read()
        size = _io._size_arg(size)
        if self._wbuf:
            self._flush_writes()
        if size < 0:
            rest = self._rbuf[self._rpos:]
            self._rbuf = b""
            self._rpos = 0
            return rest + self.raw.readall()
        while len(self._rbuf) - self._rpos < size:
            if not self._fill():
                break
        out = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(out)
        return out

    def read1(self, size=-1):
        self._check_read("read1")
        size = _io._size_arg(size)
        if self._rpos >= len(self._rbuf):
            self._fill()
        if size < 0:
            size = len(self._rbuf) - self._rpos
        out = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(out)
        return out

    def peek(self, size=0):
        self._check_read("peek")
        if self._rpos >= len(self._rbuf):
            self._fill()
        return self._rbuf[self._rpos:]

    def readline(self, size=-1):
        self._check_read("readline")
        size = _io._size_arg(size)
        start = self._rpos
        while True:
            i = self._rbuf.find(b"\n", self._rpos)
            if i >= 0:
                end = i + 1
                break
            if 0 <= size <= len(self._rbuf) - self._rpos:
                end = len(self._rbuf)
                break
            if not self._fill():
                end = len(self._rbuf)
                break
        start = self._rpos
        if 0 <= size < end - start:
            end = start + size
        out = self._rbuf[start:end]
        self._rpos = end
        return out

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- positioning

    def tell(self):
        self._check()
        pos = self.raw.tell() - (len(self._rbuf) - self._rpos) + len(self._wbuf)
        return max(pos, 0)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError(f"whence value {whence} unsupported")
        self._check("seek of closed file")
        if self._wbuf:
            self._flush_writes()
        if whence == 1:
            pos = _io._index(pos) - (len(self._rbuf) - self._rpos)
        self._rbuf = b""
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._check("truncate of closed file")
        if not self._can_write:
            raise _io.UnsupportedOperation("truncate")
        if pos is None:
            pos = self.tell()
        self.flush()
        self._drop_read()
        return self.raw.truncate(pos)


class BufferedReader(_Buffered):
    _kind = "BufferedReader"
    _can_write = False

    def writable(self):
        return False


class BufferedWriter(_Buffered):
    _kind = "BufferedWriter"
    _can_read = False

    def readable(self):
        return False


class BufferedRandom(_Buffered):
    _kind = "BufferedRandom"


def text_encoding(encoding, stacklevel=2):
    return "utf-8" if encoding is None else encoding


def _utf8_tail(data):
    """How many bytes at the end of `data` start an unfinished UTF-8 sequence."""
    n = len(data)
    for back in range(1, min(4, n) + 1):
        b = data[n - back]
        if b < 0x80:
            return 0
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            return back if need > back else 0
    return 0


@_io._serialized("flush", "close", "detach", "writelines", "read", "readline", "readlines",
                 "tell", "seek", "truncate")
class TextIOWrapper(_io.TextIOBase):
    """A text stream over a buffered binary stream."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"TextIOWrapper() argument 'newline' must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None:
            encoding = "utf-8"
        elif not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise TypeError(f"TextIOWrapper() argument 'errors' must be str or None, not {type(errors).__name__}")
        "".encode(encoding)  # LookupError for an unknown encoding
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        norm = encoding.lower().replace("_", "-")
        self._utf8 = norm in ("utf-8", "utf8")
        self._newline = newline
        self._translate = newline is None
        self._universal = newline is None or newline == ""
        self._writenl = newline if newline else None
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._text = ""
        self._tpos = 0
        self._pending = b""
        self._eof = False
        self._seen = 0
        self._telling = True

    # -- state

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def newlines(self):
        return _io._NEWLINES_SEEN.get(self._seen)

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    @property
    def mode(self):
        return getattr(self, "_mode", self._buffer.mode)

    def __repr__(self):
        s = "<_io.TextIOWrapper"
        try:
            s += f" name={self.name!r}"
        except AttributeError:
            pass
        try:
            s += f" mode={self.mode!r}"
        except AttributeError:
            pass
        return s + f" encoding={self._encoding!r}>"

    def _check(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        if self._buffer.closed:
            raise ValueError(_CLOSED)

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return self._buffer.seekable()

    def flush(self):
        self._check()
        self._buffer.flush()
        self._telling = True

    def close(self):
        if self._buffer is not None and not self._buffer.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        self.flush()
        b, self._buffer = self._buffer, None
        return b

    # -- writing

    def write(self, s):
        with self._lock:
            self._check()
            if not isinstance(s, str):
                raise TypeError(f"write() argument must be str, not {type(s).__name__}")
            if not self._buffer.writable():
                raise _io.UnsupportedOperation("not writable")
            n = len(s)
            if self._writenl is not None and self._writenl != "\n" and "\n" in s:
                s = s.replace("\n", self._writenl)
            # As in CPython, text read ahead is dropped, not rewound over: the
            # write lands where the binary buffer stands.
            self._text = ""
            self._pending = b""
            self._tpos = 0
            self._buffer.write(s.encode(self._encoding, self._errors))
            if self._write_through or (self._line_buffering and ("\n" in s or "\r" in s)):
                self._buffer.flush()
            return n

    # -- reading

    def _more(self):
        """Decodes one more chunk into `_text`; False at end of file."""
        if self._eof:
            return False
        data = self._buffer.read1(_CHUNK)
        if not data:
            self._eof = True
            if self._pending:
                tail = self._pending
                self._pending = b""
                self._append(tail.decode(self._encoding, self._errors))
                return True
            return False
        if self._pending:
            data = self._pending + data
            self._pending = b""
        if self._utf8:
            cut = _utf8_tail(data)
            if cut:
                self._pending = data[-cut:]
                data = data[:-cut]
        self._append(data.decode(self._encoding, self._errors))
        return True

    def _append(self, t):
        if self._tpos:
            self._text = self._text[self._tpos:] + t
            self._tpos = 0
        else:
            self._text += t

    def _note(self, s):
        if "\r" in s:
            if "\r\n" in s:
                self._seen |= 4
            if s.replace("\r\n", "").find("\r") >= 0:
                self._seen |= 2
            if "\n" in s.replace("\r\n", ""):
                self._seen |= 1
        elif "\n" in s:
            self._seen |= 1

    def _out(self, s):
        if self._universal:
            self._note(s)
        if self._translate and "\r" in s:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        return s

    def _check_read(self):
        self._check()
        if not self._buffer.readable():
            raise _io.UnsupportedOperation("not readable")

    def read(self, size=-1):
        self._check_read()
        size = _io._size_arg(size)
        self._buffer.flush()
        if size < 0:
            while self._more():
                pass
            s = self._text[self._tpos:]
            self._text = ""
            self._tpos = 0
            return self._out(s)
        out = []
        want = size
        while want > 0:
            while len(self._text) - self._tpos <= want and self._more():
                pass
            avail = len(self._text) - self._tpos
            if avail == 0:
                break
            k = min(want, avail)
            end = self._tpos + k
            if self._translate and self._text[end - 1] == "\r" and end < len(self._text) and self._text[end] == "\n":
                end += 1
            piece = self._out(self._text[self._tpos:end])
            self._tpos = end
            out.append(piece)
            want -= len(piece)
        return "".join(out)

    def readline(self, size=-1):
        self._check_read()
        size = _io._size_arg(size)
        if self._wbuf_pending():
            self._buffer.flush()
        text = self._text
        start = self._tpos
        scan = start
        while True:
            text = self._text
            start = self._tpos
            if self._universal:
                i = text.find("\n", scan)
                j = text.find("\r", scan, i if i >= 0 else len(text))
                if j >= 0:
                    if j + 1 < len(text):
                        end = j + 2 if text[j + 1] == "\n" else j + 1
                        break
                    if self._eof:
                        end = j + 1
                        break
                    # A final '\r' may be the first half of '\r\n'.
                    scan = j
                elif i >= 0:
                    end = i + 1
                    break
                else:
                    scan = len(text)
            else:
                nl = self._newline
                i = text.find(nl, scan)
                if i >= 0:
                    end = i + len(nl)
                    break
                scan = max(start, len(text) - len(nl) + 1)
            if 0 <= size <= len(text) - start:
                end = len(text)
                break
            if not self._more():
                text = self._text
                start = self._tpos
                end = len(text)
                break
            scan = scan - start  # _more() may have moved the text down
            scan = max(scan, 0) + self._tpos
        if 0 <= size < end - start:
            end = start + size
            if self._translate and text[end - 1] == "\r" and end < len(text) and text[end] == "\n":
                end += 1
        self._tpos = end
        return self._out(text[start:end])

    def _wbuf_pending(self):
        return bool(getattr(self._buffer, "_wbuf", None))

    def __next__(self):
        # Inline, as write(): the flag and the line change together.
        with self._lock:
            self._telling = False
            line = self.readline()
            if not line:
                self._telling = True
                raise StopIteration
            return line

    # -- positioning

    def tell(self):
        self._check()
        if not self._buffer.seekable():
            raise _io.UnsupportedOperation("underlying stream is not seekable")
        if not self._telling:
            raise OSError("telling position disabled by next() call")
        self._buffer.flush()
        pos = self._buffer.tell()
        left = self._text[self._tpos:]
        if left:
            pos -= len(left.encode(self._encoding, self._errors))
        return pos - len(self._pending)

    def seek(self, cookie, whence=0):
        self._check()
        if not self._buffer.seekable():
            raise _io.UnsupportedOperation("underlying stream is not seekable")
        if whence == 1:
            if cookie != 0:
                raise _io.UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise _io.UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._reset()
            return self._buffer.seek(0, 2)
        elif whence != 0:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if isinstance(cookie, float):
            raise TypeError("an integer is required")
        cookie = _io._index(cookie)
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        self.flush()
        self._reset()
        self._buffer.seek(cookie)
        return cookie

    def _reset(self):
        self._text = ""
        self._tpos = 0
        self._pending = b""
        self._eof = False
        self._telling = True

    def truncate(self, pos=None):
        self._check()
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    """Open file and return a stream (CPython's io.open)."""
    if not isinstance(file, int):
        file = _fspath(file)
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(f"'{type(buffering).__name__}' object cannot be interpreted as an integer")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    if errors is not None and not isinstance(errors, str):
        raise TypeError(f"open() argument 'errors' must be str or None, not {type(errors).__name__}")
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: {mode!r}")
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn(
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
            RuntimeWarning,
            2,
        )
    rawmode = ("x" if creating else "r" if reading else "w" if writing else "a") + ("+" if updating else "")
    raw = FileIO(file, rawmode, closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or (buffering < 0 and raw.isatty()):
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = _CHUNK
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buf = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buf = BufferedWriter(raw, buffering)
        else:
            buf = BufferedReader(raw, buffering)
        result = buf
        if binary:
            return result
        t = TextIOWrapper(buf, encoding, errors, newline, line_buffering)
        t._mode = mode
        return t
    except BaseException:
        result.close()
        raise


for _cls in (FileIO, BufferedReader, BufferedWriter, BufferedRandom, TextIOWrapper):
    _cls.__module__ = "_io"
    setattr(_io, _cls.__name__, _cls)
del _cls
_io.text_encoding = text_encoding
try:
    import builtins as _builtins

    # The builtin open() is this module's native front.
    _io.open = _builtins.open
except (ImportError, AttributeError):
    _io.open = open
