"""The selector event loop: I/O readiness callbacks over `selectors`, and
the self-pipe that call_soon_threadsafe writes to so that a loop blocked
in its selector wakes up when another thread hands it work.

Not provided: sockets, transports, servers (Skein has no socket module).
"""

__all__ = ('BaseSelectorEventLoop',)

import os
import selectors

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
