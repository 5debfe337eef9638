"""Synchronised queues for passing work between threads.

Queue, LifoQueue and PriorityQueue share one protocol, the one CPython
documents: a single mutex guards the container and three Conditions built on
that mutex say when the queue stopped being empty (not_empty), stopped being
full (not_full) and when every task taken from it has been marked done
(all_tasks_done).  Subclasses only change how items are stored, through
_init/_qsize/_put/_get, and those hooks always run with the mutex held.

Skein runs threads in parallel, so nothing here relies on a GIL: every read
or write of the container or of unfinished_tasks happens under `mutex`.

SimpleQueue is the unbounded, task-less queue: a deque and a counting
semaphore of available items.

The FIFO storage is the native collections.deque (as in CPython): append and
popleft are O(1) and each is atomic.
"""

import threading
import heapq as _heapq
from _collections import deque as _deque
from time import monotonic as _time

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    """Raised by get(block=False) or a timed-out get() on an empty queue."""


class Full(Exception):
    """Raised by put(block=False) or a timed-out put() on a full queue."""


class Queue:
    """A FIFO queue; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Mark one item taken by get() as processed, waking join() at zero."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError("task_done() called too many times")
            if left == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Block until task_done() was called for every item ever put."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Add item, waiting for a free slot when the queue is bounded."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    deadline = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting for one if asked to."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = _time() + timeout
                while not self._qsize():
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # Storage hooks, called with the mutex held.

    def _init(self, maxsize):
        self.queue = _deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


class PriorityQueue(Queue):
    """Retrieves the smallest item first (a heap, as in heapq)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heapq.heappush(self.queue, item)

    def _get(self):
        return _heapq.heappop(self.queue)


class LifoQueue(Queue):
    """Retrieves the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking.

    `_items` counts the items that a get() may take: put() appends to the
    deque (one atomic step) and then releases one unit, so a get() that
    acquired a unit is sure to find an item to popleft().  No other lock is
    needed.
    """

    def __init__(self):
        self._queue = _deque()
        self._items = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        """Add item; never blocks (block and timeout exist for Queue's API)."""
        self._queue.append(item)
        self._items.release()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting up to timeout if block is true."""
        if not block:
            timeout = None
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._items.acquire(block, timeout):
            raise Empty
        return self._queue.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


def _generic_alias(cls, item):
    # types.GenericAlias when the types module can be loaded; until then a
    # subscripted queue class is just the class.
    try:
        from types import GenericAlias
    except Exception:
        return cls
    return GenericAlias(cls, item)
