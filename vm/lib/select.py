"""Waiting for I/O completion: `select.select` and `select.poll`.

Both are built on one native call, `_select._poll` (poll(2) with the thread
detached, so other threads run while this one waits, and Ctrl-C ends the
wait in the main thread).  `select.select` therefore has no FD_SETSIZE
limit.  Not provided: epoll, devpoll, kqueue.
"""

import _select
from _select import (POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL, POLLRDNORM,
                     POLLRDBAND, POLLWRNORM, POLLWRBAND, POLLMSG, POLLRDHUP)

__all__ = ['error', 'select', 'poll', 'POLLIN', 'POLLPRI', 'POLLOUT', 'POLLERR', 'POLLHUP',
           'POLLNVAL', 'POLLRDNORM', 'POLLRDBAND', 'POLLWRNORM', 'POLLWRBAND', 'POLLMSG',
           'POLLRDHUP']

error = OSError

_EBADF = 9


def _fileno(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            meth = obj.fileno
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() method.") from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def _bad_fd():
    import os
    return OSError(_EBADF, os.strerror(_EBADF))


def _forever():
    import time
    while True:
        time.sleep(3600)


def select(rlist, wlist, xlist, timeout=None, /):
    """Waits until one or more file descriptors are ready for some I/O.

    Returns three lists: the objects of rlist ready for reading, of wlist
    ready for writing, of xlist with an exceptional condition."""
    if timeout is None:
        ms = None
    else:
        if not isinstance(timeout, (int, float)):
            try:
                timeout = timeout.__float__()
            except AttributeError:
                raise TypeError("timeout must be a float or None") from None
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
        ms = timeout * 1000.0
    lists = []
    for seq in (rlist, wlist, xlist):
        lists.append([(o, _fileno(o)) for o in seq])
    masks = {}
    for (objs, bit) in zip(lists, (POLLIN, POLLOUT, POLLPRI)):
        for (_, fd) in objs:
            masks[fd] = masks.get(fd, 0) | bit
    fds = tuple(masks)
    ready = dict(_select._poll(fds, tuple(masks.values()), ms)) if fds else {}
    if not fds and ms is not None:
        import time
        time.sleep(ms / 1000.0)
    elif not fds:
        _forever()
    for fd, rev in ready.items():
        if rev & POLLNVAL:
            raise _bad_fd()
    out_r = [o for (o, fd) in lists[0] if ready.get(fd, 0) & (POLLIN | POLLHUP | POLLERR)]
    out_w = [o for (o, fd) in lists[1] if ready.get(fd, 0) & (POLLOUT | POLLERR)]
    out_x = [o for (o, fd) in lists[2] if ready.get(fd, 0) & POLLPRI]
    return out_r, out_w, out_x


class poll:
    """A polling object: register file descriptors, then poll() them."""

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        fd = _fileno(fd)
        self._fds[fd] = eventmask & 0xFFFF

    def modify(self, fd, eventmask, /):
        fd = _fileno(fd)
        if fd not in self._fds:
            import os
            raise FileNotFoundError(2, os.strerror(2))
        self._fds[fd] = eventmask & 0xFFFF

    def unregister(self, fd, /):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None, /):
        """Returns a list of (fd, event) pairs; timeout in milliseconds."""
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                try:
                    timeout = timeout.__index__()
                except AttributeError:
                    raise TypeError("'%s' object cannot be interpreted as an integer"
                                    % type(timeout).__name__) from None
            if timeout < 0:
                timeout = None
        items = list(self._fds.items())
        if not items:
            if timeout is None:
                _forever()
            import time
            time.sleep(timeout / 1000.0)
            return []
        return _select._poll(tuple(fd for fd, _ in items), tuple(ev for _, ev in items), timeout)
