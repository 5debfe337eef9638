"""The selector event loop: I/O readiness callbacks over `selectors`, and
the self-pipe that call_soon_threadsafe writes to so that a loop blocked
in its selector wakes up when another thread hands it work.

Sockets: the loop's sock_recv, sock_recv_into, sock_sendall, sock_connect
and sock_accept on non-blocking sockets (the streams' open_connection and
start_server build on them and on add_reader/add_writer).  Not provided:
transports and protocols (create_connection, create_server), UDP
endpoints, sendfile.
"""

__all__ = ('BaseSelectorEventLoop',)

import os
import selectors
import socket

from . import base_events
from . import events


class BaseSelectorEventLoop(base_events.BaseEventLoop):

    def __init__(self, selector=None):
        super().__init__()
        if selector is None:
            selector = selectors.DefaultSelector()
        self._selector = selector
        self._make_self_pipe()

    def _make_self_pipe(self):
        # Both ends non-blocking: a wake-up never blocks the writing
        # thread (a full pipe already means the loop will wake), and the
        # loop drains until the pipe is empty.
        self._ssock, self._csock = os.pipe()
        os.set_blocking(self._ssock, False)
        os.set_blocking(self._csock, False)
        self._internal_fds += 1
        self._add_reader(self._ssock, self._read_from_self)

    def _close_self_pipe(self):
        self._remove_reader(self._ssock)
        os.close(self._ssock)
        self._ssock = None
        os.close(self._csock)
        self._csock = None
        self._internal_fds -= 1

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self.is_closed():
            return
        self._close_self_pipe()
        super().close()
        if self._selector is not None:
            self._selector.close()
            self._selector = None

    def _read_from_self(self):
        while True:
            try:
                data = os.read(self._ssock, 4096)
                if not data:
                    break
            except InterruptedError:
                continue
            except BlockingIOError:
                break

    def _write_to_self(self):
        csock = self._csock
        if csock is None:
            return
        try:
            os.write(csock, b'\0')
        except OSError:
            # Full (the loop is already due to wake) or closed meanwhile.
            pass

    def _ensure_fd_no_transport(self, fd):
        pass

    # A registered fd's data is (reader handle, writer handle); `slot` 0
    # is the reader (EVENT_READ), 1 the writer (EVENT_WRITE).

    def _add_handler(self, fd, slot, callback, args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        event = (selectors.EVENT_READ, selectors.EVENT_WRITE)[slot]
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            data = [None, None]
            data[slot] = handle
            self._selector.register(fd, event, tuple(data))
        else:
            data = list(key.data)
            old, data[slot] = data[slot], handle
            self._selector.modify(fd, key.events | event, tuple(data))
            if old is not None:
                old.cancel()
        return handle

    def _remove_handler(self, fd, slot):
        if self.is_closed():
            return False
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            return False
        mask = key.events & ~(selectors.EVENT_READ, selectors.EVENT_WRITE)[slot]
        data = list(key.data)
        old, data[slot] = data[slot], None
        if not mask:
            self._selector.unregister(fd)
        else:
            self._selector.modify(fd, mask, tuple(data))
        if old is not None:
            old.cancel()
            return True
        return False

    def _add_reader(self, fd, callback, *args):
        return self._add_handler(fd, 0, callback, args)

    def _remove_reader(self, fd):
        return self._remove_handler(fd, 0)

    def _add_writer(self, fd, callback, *args):
        return self._add_handler(fd, 1, callback, args)

    def _remove_writer(self, fd):
        return self._remove_handler(fd, 1)

    def add_reader(self, fd, callback, *args):
        """Calls callback(*args) whenever fd is readable."""
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Calls callback(*args) whenever fd is writable."""
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    def _process_events(self, event_list):
        for key, mask in event_list:
            fileobj, (reader, writer) = key.fileobj, key.data
            if mask & selectors.EVENT_READ and reader is not None:
                if reader._cancelled:
                    self._remove_reader(fileobj)
                else:
                    self._ready.append(reader)
            if mask & selectors.EVENT_WRITE and writer is not None:
                if writer._cancelled:
                    self._remove_writer(fileobj)
                else:
                    self._ready.append(writer)

    # -- sockets ---------------------------------------------------------

    def _wait_io(self, fd, slot, attempt):
        """A future done with attempt()'s result once it stops raising
        BlockingIOError, attempted each time fd is ready (slot 0: to
        read, 1: to write)."""
        fut = self.create_future()

        def ready():
            if fut.done():
                return
            try:
                result = attempt()
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(result)

        self._add_handler(fd, slot, ready, ())
        fut.add_done_callback(lambda _: self._remove_handler(fd, slot))
        return fut

    async def sock_recv(self, sock, n):
        """Receives up to n bytes from a non-blocking socket."""
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._wait_io(sock.fileno(), 0, lambda: sock.recv(n))

    async def sock_recv_into(self, sock, buf):
        """Receives into buf; returns the number of bytes received."""
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._wait_io(sock.fileno(), 0, lambda: sock.recv_into(buf))

    async def sock_sendall(self, sock, data):
        """Sends all of data, waiting for the socket to take it."""
        view = memoryview(data).cast("B")
        sent = 0
        while sent < len(view):
            try:
                sent += sock.send(view[sent:])
            except (BlockingIOError, InterruptedError):
                await self._wait_io(sock.fileno(), 1, lambda: None)

    async def sock_connect(self, sock, address):
        """Connects a non-blocking socket to address."""
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host, port = address[:2]
            infos = socket.getaddrinfo(host, port, sock.family, sock.type, sock.proto)
            if not infos:
                raise OSError("getaddrinfo returned an empty list")
            address = infos[0][4]
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass

        def finished():
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')

        await self._wait_io(sock.fileno(), 1, finished)

    async def sock_accept(self, sock):
        """Accepts a connection: (non-blocking socket, address)."""

        def attempt():
            conn, addr = sock.accept()
            conn.setblocking(False)
            return conn, addr

        try:
            return attempt()
        except (BlockingIOError, InterruptedError):
            pass
        return await self._wait_io(sock.fileno(), 0, attempt)
