"""StreamReader and StreamWriter over pipes (asyncio.subprocess) and TCP
or Unix sockets (open_connection, start_server, Server).

A reader is fed by the loop (add_reader on a non-blocking pipe or
socket); a writer writes what the descriptor takes at once and hands the
rest to add_writer, and drain() waits until it is all written. The
socket classes differ from the pipe ones only in how they read, write
and close. Not provided: transports and protocols, SSL, start_unix_server's
and open_unix_connection's path options beyond the path itself.
"""

__all__ = ('StreamReader', 'StreamWriter', 'IncompleteReadError', 'LimitOverrunError',
           'open_connection', 'start_server', 'open_unix_connection', 'start_unix_server',
           'Server')

import os
import socket

from . import coroutines
from . import events
from . import exceptions
from .exceptions import IncompleteReadError, LimitOverrunError

_DEFAULT_LIMIT = 2 ** 16


class StreamReader:
    """A buffer of bytes filled by feed_data() and read by coroutines."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = events._get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already '
                               f'waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        try:
            line = await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + len(sep)]
            else:
                self._buffer.clear()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError('Separator is not found, and chunk exceed the limit',
                                            offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise LimitOverrunError('Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        del self._buffer[:isep + seplen]
        return bytes(chunk)

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class _PipeReader:
    """Feeds a StreamReader from a pipe fd through loop.add_reader."""

    def __init__(self, loop, fd, reader, on_eof=None, pipe=None):
        self._loop = loop
        self._fd = fd
        self._pipe = pipe
        self._reader = reader
        self._on_eof = on_eof
        os.set_blocking(fd, False)
        loop.add_reader(fd, self._readable)

    def _read(self):
        return os.read(self._fd, 65536)

    def _readable(self):
        try:
            data = self._read()
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._reader.set_exception(exc)
            data = b''
        if data:
            self._reader.feed_data(data)
            return
        self._loop.remove_reader(self._fd)
        if self._pipe is not None:
            self._pipe.close()
        self._reader.feed_eof()
        if self._on_eof is not None:
            self._on_eof()


class StreamWriter:
    """Writes to a pipe fd without blocking the loop."""

    def __init__(self, loop, fd, on_close=None, pipe=None):
        self._loop = loop
        self._fd = fd
        self._pipe = pipe
        self._buffer = bytearray()
        self._closing = False
        self._closed = loop.create_future()
        self._drain_waiter = None
        self._exception = None
        self._on_close = on_close
        os.set_blocking(fd, False)

    def __repr__(self):
        return f'<StreamWriter fd={self._fd}>'

    def get_extra_info(self, name, default=None):
        return default

    def _flush(self):
        while self._buffer:
            try:
                n = self._write(self._buffer)
            except (BlockingIOError, InterruptedError):
                return False
            except OSError as exc:
                # The reading end is gone (BrokenPipeError): drop the rest.
                self._exception = exc
                self._buffer.clear()
                break
            del self._buffer[:n]
        return True

    def _write(self, data):
        return os.write(self._fd, data)

    def _writable(self):
        if self._flush():
            self._loop.remove_writer(self._fd)
            self._wake_drain()
            if self._closing:
                self._really_close()

    def _wake_drain(self):
        w = self._drain_waiter
        if w is not None:
            self._drain_waiter = None
            if not w.done():
                w.set_result(None)

    def write(self, data):
        if self._closing:
            raise RuntimeError('unable to write; writer is closing')
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not "
                            f"{type(data).__name__!r}")
        if not data:
            return
        pending = bool(self._buffer)
        self._buffer.extend(data)
        if not pending and not self._flush():
            self._loop.add_writer(self._fd, self._writable)

    def writelines(self, data):
        for chunk in data:
            self.write(chunk)

    def can_write_eof(self):
        return True

    def write_eof(self):
        self.close()

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._really_close()

    def _close_fd(self):
        if self._pipe is not None:
            self._pipe.close()
        else:
            os.close(self._fd)

    def _really_close(self):
        if self._fd is not None:
            try:
                self._close_fd()
            except OSError:
                pass
            self._fd = None
        if not self._closed.done():
            self._closed.set_result(None)
        self._wake_drain()
        if self._on_close is not None:
            self._on_close()

    async def wait_closed(self):
        await self._closed

    async def drain(self):
        if self._exception is not None:
            exc, self._exception = self._exception, None
            raise exc
        if self._buffer and self._fd is not None:
            self._drain_waiter = self._loop.create_future()
            await self._drain_waiter


class _SocketReader(_PipeReader):
    """Feeds a StreamReader from a non-blocking socket."""

    def __init__(self, loop, sock, reader):
        self._sock = sock
        sock.setblocking(False)
        super().__init__(loop, sock.fileno(), reader)

    def _read(self):
        return self._sock.recv(65536)


class _SocketWriter(StreamWriter):
    """A StreamWriter on a socket; closing it closes the socket."""

    def __init__(self, loop, sock, reader=None):
        self._sock = sock
        self._reader = reader
        self._eof_pending = False
        sock.setblocking(False)
        super().__init__(loop, sock.fileno())

    def __repr__(self):
        return f'<StreamWriter transport=<_SelectorSocketTransport fd={self._fd}>>'

    @property
    def transport(self):
        return self

    def get_extra_info(self, name, default=None):
        sock = self._sock
        try:
            if name == 'socket':
                return sock
            if name == 'sockname':
                return sock.getsockname()
            if name == 'peername':
                return sock.getpeername()
        except OSError:
            pass
        return default

    def _write(self, data):
        return self._sock.send(data)

    def _writable(self):
        super()._writable()
        if self._eof_pending and not self._buffer and self._fd is not None:
            self._eof_pending = False
            self._shutdown_write()

    def _shutdown_write(self):
        try:
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def write_eof(self):
        if self._closing:
            return
        if self._buffer:
            self._eof_pending = True
        else:
            self._shutdown_write()

    def _close_fd(self):
        self._loop._remove_reader(self._fd)
        self._loop._remove_writer(self._fd)
        self._sock.close()
        if self._reader is not None and not self._reader._eof:
            self._reader.feed_eof()


def _streams_of(loop, sock, limit):
    reader = StreamReader(limit=limit, loop=loop)
    _SocketReader(loop, sock, reader)
    return reader, _SocketWriter(loop, sock, reader)


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, family=0,
                          local_addr=None, **kwds):
    """Connects to (host, port): a (StreamReader, StreamWriter) pair."""
    loop = events.get_running_loop()
    infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    errors = []
    for af, kind, proto, _, address in infos:
        sock = socket.socket(af, kind, proto)
        try:
            sock.setblocking(False)
            if local_addr is not None:
                sock.bind(local_addr)
            await loop.sock_connect(sock, address)
        except OSError as exc:
            sock.close()
            errors.append(exc)
            continue
        except BaseException:
            sock.close()
            raise
        return _streams_of(loop, sock, limit)
    if len(errors) == 1:
        raise errors[0]
    raise OSError('Multiple exceptions: {}'.format(', '.join(str(e) for e in errors)))


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connects to a Unix socket at path."""
    loop = events.get_running_loop()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        await loop.sock_connect(sock, path)
    except BaseException:
        sock.close()
        raise
    return _streams_of(loop, sock, limit)


class Server:
    """Listening sockets whose connections run client_connected_cb."""

    def __init__(self, loop, sockets, client_connected_cb, limit):
        self._loop = loop
        self._sockets = list(sockets)
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._serving_forever_fut = None
        self._closed = loop.create_future()
        self._tasks = set()

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    @property
    def sockets(self):
        return tuple(self._sockets)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.setblocking(False)
            self._loop._add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, sock):
        for _ in range(100):
            try:
                conn, _ = sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({
                    'message': 'socket.accept() out of system resource',
                    'exception': exc,
                    'socket': sock,
                })
                return
            reader, writer = _streams_of(self._loop, conn, self._limit)
            result = self._cb(reader, writer)
            if coroutines.iscoroutine(result):
                task = self._loop.create_task(result)
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    def close(self):
        if not self._sockets and not self._serving:
            return
        for sock in self._sockets:
            self._loop._remove_reader(sock.fileno())
            sock.close()
        self._sockets = []
        self._serving = False
        fut = self._serving_forever_fut
        if fut is not None and not fut.done():
            fut.cancel()
        self._serving_forever_fut = None
        if not self._closed.done():
            self._closed.set_result(None)

    async def start_serving(self):
        self._start_serving()

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if not self._sockets:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets:
            await self._closed

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       family=socket.AF_UNSPEC, backlog=100, reuse_address=None,
                       start_serving=True, **kwds):
    """Listens on (host, port); each connection calls
    client_connected_cb(reader, writer) (a coroutine becomes a task)."""
    loop = events.get_running_loop()
    hosts = [None] if host in (None, '') else ([host] if isinstance(host, str) else list(host))
    sockets = []
    try:
        seen = set()
        for h in hosts:
            for af, kind, proto, _, address in socket.getaddrinfo(
                    h, port, family, socket.SOCK_STREAM, 0, socket.AI_PASSIVE):
                if (af, address) in seen:
                    continue
                seen.add((af, address))
                sock = socket.socket(af, kind, proto)
                sockets.append(sock)
                if reuse_address is not False:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if af == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                try:
                    sock.bind(address)
                except OSError as err:
                    raise OSError(err.errno, 'error while attempting to bind on address %r: %s'
                                  % (address, err.strerror.lower())) from None
                sock.listen(backlog)
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    server = Server(loop, sockets, client_connected_cb, limit)
    if start_serving:
        server._start_serving()
    return server


async def start_unix_server(client_connected_cb, path=None, *, limit=_DEFAULT_LIMIT,
                            backlog=100, start_serving=True, **kwds):
    """Listens on a Unix socket at path."""
    loop = events.get_running_loop()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(path)
        sock.listen(backlog)
    except BaseException:
        sock.close()
        raise
    server = Server(loop, [sock], client_connected_cb, limit)
    if start_serving:
        server._start_serving()
    return server
