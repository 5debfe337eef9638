"""Low-level networking (CPython 3.11's `socket` module over the native
`_socket`).

`socket.socket` subclasses `_socket.socket` and adds what CPython adds in
Python: enum-valued `family`/`type`, `accept()` returning a socket object,
`makefile()` (a `SocketIO` raw stream under the buffered and text classes
of `io`), `dup()`, context-manager use and the repr that names the
addresses.  Module helpers: `create_connection`, `create_server`,
`socketpair`, `fromfd`, `getaddrinfo` with enum results, `getfqdn`.

The native calls block with the thread detached (other threads, the
collector and Ctrl-C are not held up; see vm/src/modules/socket.rs).
Not provided: sendfile's zero-copy path (it sends through send()),
sendmsg/recvmsg, if_nameindex, gethostbyaddr, getnameinfo.
"""

import _socket
from _socket import *

import io
import os
import sys
from enum import IntEnum, IntFlag

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socketpair",
           "SocketIO", "socket", "SocketType"]
__all__.extend(n for n in dir(_socket) if not n.startswith('_'))

IntEnum._convert_(
    'AddressFamily', __name__,
    lambda C: C.isupper() and C.startswith('AF_'))

IntEnum._convert_(
    'SocketKind', __name__,
    lambda C: C.isupper() and C.startswith('SOCK_'))

IntFlag._convert_(
    'MsgFlag', __name__,
    lambda C: C.isupper() and C.startswith('MSG_'))

IntFlag._convert_(
    'AddressInfo', __name__,
    lambda C: C.isupper() and C.startswith('AI_'))

_LOCALHOST = '127.0.0.1'
_LOCALHOST_V6 = '::1'

EBADF = 9
EAGAIN = 11
EWOULDBLOCK = 11


def _intenum_converter(value, enum_klass):
    """The enum member for value, or value itself when it has none."""
    try:
        return enum_klass(value)
    except ValueError:
        return value


class socket(_socket.socket):
    """A subclass of _socket.socket adding the makefile() method."""

    __slots__ = ["__weakref__", "_io_refs", "_closed"]

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(),
            self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except error:
                pass
        return s + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        """A new socket object on a duplicate of this one's descriptor."""
        fd = dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """Waits for a connection: (socket object, address)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """An I/O stream on the socket; modes 'r', 'w', 'b' and mixes."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        rawmode = ("r" if reading else "") + ("w" if writing else "")
        raw = SocketIO(self, rawmode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        if reading and writing:
            buffer = _BufferedRWPair(raw, buffering)
        elif reading:
            buffer = io.BufferedReader(raw, buffering)
        else:
            buffer = io.BufferedWriter(raw, buffering)
        if binary:
            return buffer
        encoding = io.text_encoding(encoding)
        text = io.TextIOWrapper(buffer, encoding, errors, newline)
        text._mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        """Sends a file's contents through send() (no zero-copy path)."""
        self._check_sendfile_params(file, offset, count)
        if self.gettimeout() == 0:
            raise ValueError("non-blocking sockets are not supported")
        if offset:
            file.seek(offset)
        blocksize = min(count, 8192) if count else 8192
        total_sent = 0
        try:
            while True:
                if count:
                    blocksize = min(count - total_sent, blocksize)
                    if blocksize <= 0:
                        break
                data = memoryview(file.read(blocksize))
                if not data:
                    break
                while True:
                    try:
                        sent = self.send(data)
                    except BlockingIOError:
                        continue
                    else:
                        total_sent += sent
                        if sent < len(data):
                            data = data[sent:]
                        else:
                            break
            return total_sent
        finally:
            if total_sent > 0 and hasattr(file, 'seek'):
                file.seek(offset + total_sent)

    def _check_sendfile_params(self, file, offset, count):
        if 'b' not in getattr(file, 'mode', 'b'):
            raise ValueError("file should be opened in binary mode")
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError(
                    "count must be a positive integer (got {!r})".format(count))
            if count <= 0:
                raise ValueError(
                    "count must be a positive integer (got {!r})".format(count))

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Closes the socket object without closing its descriptor, and
        returns the descriptor."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """The address family (an AddressFamily member when known)."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """The socket type (a SocketKind member when known)."""
        return _intenum_converter(super().type, SocketKind)

    def get_inheritable(self):
        return False

    def set_inheritable(self, inheritable):
        if inheritable:
            raise OSError("inheritable sockets are not supported")


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor fd."""
    nfd = dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected socket objects (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


class _BufferedRWPair(io.BufferedIOBase):
    """A reader and a writer over one raw stream (makefile('rwb'))."""

    def __init__(self, raw, buffer_size):
        self.raw = raw
        self._reader = io.BufferedReader(raw, buffer_size)
        self._writer = io.BufferedWriter(raw, buffer_size)

    def read(self, size=-1):
        return self._reader.read(size)

    def read1(self, size=-1):
        return self._reader.read1(size)

    def readline(self, size=-1):
        return self._reader.readline(size)

    def peek(self, size=0):
        return self._reader.peek(size)

    def readinto(self, b):
        data = self._reader.read(len(b))
        b[:len(data)] = data
        return len(data)

    def write(self, b):
        return self._writer.write(b)

    def flush(self):
        return self._writer.flush()

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return False

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return False

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self):
        try:
            self._writer.flush()
        finally:
            self.raw.close()


_blocking_errnos = {EAGAIN, EWOULDBLOCK}


class SocketIO(io.RawIOBase):
    """Raw I/O on a socket, for makefile(): read/readinto/write."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        io.RawIOBase.__init__(self)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timeout_occurred = False

    def readinto(self, b):
        self._checkClosed()
        self._checkReadable()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        while True:
            try:
                return self._sock.recv_into(b)
            except timeout:
                self._timeout_occurred = True
                raise
            except error as e:
                if e.errno in _blocking_errnos:
                    return None
                raise

    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        chunks = []
        while True:
            data = self.read(io.DEFAULT_BUFFER_SIZE)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def write(self, b):
        self._checkClosed()
        self._checkWritable()
        try:
            return self._sock.send(b)
        except error as e:
            if e.errno in _blocking_errnos:
                return None
            raise

    def readable(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return self._reading

    def writable(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return self._writing

    def seekable(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return False

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")

    def _checkReadable(self):
        if not self._reading:
            raise io.UnsupportedOperation("File or stream is not readable.")

    def _checkWritable(self):
        if not self._writing:
            raise io.UnsupportedOperation("File or stream is not writable.")

    def fileno(self):
        self._checkClosed()
        return self._sock.fileno()

    @property
    def name(self):
        if not self.closed:
            return self.fileno()
        return -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self.closed:
            return
        io.RawIOBase.close(self)
        self._sock._decref_socketios()
        self._sock = None


def getfqdn(name=''):
    """The fully qualified name of a host (here: the name itself, or this
    host's name; no reverse lookup)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    return name


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo gives;
    returns the socket object."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    else:
        raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether a TCP socket can take both IPv4 and IPv6 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to address and listening."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolves host and port: a list of (family, type, proto, canonname,
    sockaddr) with enum family and type."""
    addrlist = []
    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        addrlist.append((_intenum_converter(af, AddressFamily),
                         _intenum_converter(socktype, SocketKind),
                         proto, canonname, sa))
    return addrlist
