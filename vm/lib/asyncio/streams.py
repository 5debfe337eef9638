"""StreamReader and a pipe StreamWriter (used by asyncio.subprocess).

Only pipes: Skein has no sockets, so open_connection/start_server are not
provided. A reader is fed by the loop (add_reader on a non-blocking pipe);
a writer writes what the pipe takes at once and hands the rest to
add_writer, and drain() waits until it is all written.
"""

__all__ = ('StreamReader', 'StreamWriter', 'IncompleteReadError', 'LimitOverrunError')

import os

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

    def _readable(self):
        try:
            data = os.read(self._fd, 65536)
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
                n = os.write(self._fd, self._buffer)
            except (BlockingIOError, InterruptedError):
                return False
            except OSError as exc:
                # The reading end is gone (BrokenPipeError): drop the rest.
                self._exception = exc
                self._buffer.clear()
                break
            del self._buffer[:n]
        return True

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

    def _really_close(self):
        if self._fd is not None:
            try:
                if self._pipe is not None:
                    self._pipe.close()
                else:
                    os.close(self._fd)
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
