"""Future, the Executor interface, wait() and as_completed().

Invariants:

* A Future's state only moves forward: PENDING -> RUNNING -> FINISHED, or
  PENDING -> CANCELLED -> CANCELLED_AND_NOTIFIED.  Every read or write of
  the state, result, exception, callbacks or watchers happens with the
  future's `_condition` held.  Done-callbacks are called without it, so a
  callback may call back into the future.
* wait() and as_completed() watch many futures at once through a _Watcher:
  while holding the condition of every watched future (taken in id() order,
  so two waiters can never deadlock) they record which futures are already
  done and register the watcher on the others.  From then on a future
  reports to the watcher when it finishes, so no completion is missed.
* As in CPython, a future cancelled with cancel() counts as done for
  wait()/as_completed() only once its executor has noticed the cancellation
  (set_running_or_notify_cancel moved it to CANCELLED_AND_NOTIFIED).
"""

import sys as _sys
import threading
import _thread
from time import monotonic as _time

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

# States in which result() and friends stop waiting.
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
# States that wait() and as_completed() treat as done (see the module doc).
_REPORTED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class for the exceptions of this package."""


class CancelledError(Error):
    """The future was cancelled."""


# Since 3.11 concurrent.futures.TimeoutError is the builtin one.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in the future's current state."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer run work (for example a worker died)."""


def _log_exception(message, exc):
    # CPython logs through logging.getLogger("concurrent.futures"); with no
    # handler configured that prints the message and the traceback on stderr.
    try:
        text = message + "\n"
        stderr = _sys.stderr
        if stderr is not None:
            stderr.write(text)
            # The traceback is written by the runtime, not through stderr.
            stderr.flush()
            _thread._print_exception(exc)
            stderr.flush()
    except Exception:
        pass


class _Watcher:
    """Collects the watched futures that finish, for wait()/as_completed().

    `finished` only grows between two calls of take(); `event` is set while
    it is non-empty.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.finished = []

    def future_done(self, future):
        # Called with the future's condition held.
        with self.lock:
            self.finished.append(future)
            self.event.set()

    def take(self):
        with self.lock:
            done = self.finished
            self.finished = []
            self.event.clear()
        return done


class _AllConditions:
    """Holds the conditions of a group of futures, in id() order."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for f in self.futures:
            f._condition.acquire()

    def __exit__(self, *exc):
        for f in self.futures:
            f._condition.release()


def _watch(fs):
    """Returns (already reported futures, the others, a watcher on the others)."""
    watcher = _Watcher()
    with _AllConditions(fs):
        done = set(f for f in fs if f._state in _REPORTED_STATES)
        not_done = fs - done
        for f in not_done:
            f._watchers.append(watcher)
    return done, not_done, watcher


def _unwatch(fs, watcher):
    for f in fs:
        with f._condition:
            try:
                f._watchers.remove(watcher)
            except ValueError:
                pass


def _failed(f):
    # Only called on finished or cancelled-and-notified futures.
    return f._state == FINISHED and f._exception is not None


def as_completed(fs, timeout=None):
    """Yield the futures of fs as they complete (finish or are cancelled).

    Futures already done come first.  Raises TimeoutError when timeout
    seconds pass (counted from this call) before every future completed.
    Duplicates in fs are yielded once.
    """
    if timeout is not None:
        deadline = timeout + _time()
    fs = set(fs)
    total = len(fs)
    done, pending, watcher = _watch(fs)
    watched = set(pending)
    try:
        ready = list(done)
        done = None
        while ready:
            yield ready.pop()
        while pending:
            if timeout is None:
                wait_for = None
            else:
                wait_for = deadline - _time()
                if wait_for < 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
            watcher.event.wait(wait_for)
            ready = watcher.take()
            # Popping from the end of the reversed batch yields in order of
            # completion without keeping yielded futures in the list.
            ready.reverse()
            while ready:
                f = ready.pop()
                pending.discard(f)
                yield f
    finally:
        _unwatch(watched, watcher)


class DoneAndNotDoneFutures(tuple):
    """DoneAndNotDoneFutures(done, not_done): what wait() returns."""

    __slots__ = ()
    _fields = ("done", "not_done")

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return "DoneAndNotDoneFutures(done=%r, not_done=%r)" % (self[0], self[1])

    def __getnewargs__(self):
        return tuple(self)

    def _asdict(self):
        return {"done": self[0], "not_done": self[1]}


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait until futures complete, as return_when says, or timeout passes.

    return_when is FIRST_COMPLETED, FIRST_EXCEPTION (the first one that
    raised, or all of them) or ALL_COMPLETED.  Returns the named pair
    (done, not_done) of sets; it does not raise on timeout.
    """
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return condition: {return_when!r}")
    fs = set(fs)

    def satisfied(done):
        if len(done) == len(fs):
            return True
        if return_when == FIRST_COMPLETED:
            return len(done) > 0
        if return_when == FIRST_EXCEPTION:
            return any(_failed(f) for f in done)
        return False

    done, not_done, watcher = _watch(fs)
    watched = set(not_done)
    try:
        if timeout is not None:
            deadline = timeout + _time()
        while not satisfied(done):
            if timeout is None:
                wait_for = None
            else:
                wait_for = deadline - _time()
                if wait_for <= 0:
                    break
            watcher.event.wait(wait_for)
            for f in watcher.take():
                done.add(f)
                not_done.discard(f)
    finally:
        _unwatch(watched, watcher)
    return DoneAndNotDoneFutures(done, not_done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        # Do not keep the future (and its result) alive in this frame.
        del fut


class Future:
    """The eventual result of an asynchronous computation."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._watchers = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            name = self.__class__.__name__
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return "<%s at %#x state=%s raised %s>" % (
                        name, id(self), state, self._exception.__class__.__name__)
                return "<%s at %#x state=%s returned %s>" % (
                    name, id(self), state, self._result.__class__.__name__)
            return "<%s at %#x state=%s>" % (name, id(self), state)

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _log_exception("exception calling callback for %r" % (self,), exc)

    def cancel(self):
        """Cancel unless running or finished; returns True if cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in _DONE_STATES

    def _outcome(self):
        # With the condition held and the state FINISHED.
        if self._exception is not None:
            try:
                raise self._exception
            finally:
                # Break the cycle exception -> traceback -> this frame.
                self = None
        return self._result

    def _wait_done(self, timeout):
        """Wait (condition held) until done or timeout; False on timeout."""
        if timeout is None:
            while self._state not in _DONE_STATES:
                self._condition.wait()
            return True
        deadline = _time() + timeout
        while self._state not in _DONE_STATES:
            remaining = deadline - _time()
            if remaining <= 0:
                return False
            self._condition.wait(remaining)
        return True

    def add_done_callback(self, fn):
        """Call fn(future) once the future is done (now, if it already is)."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _log_exception("exception calling callback for %r" % (self,), exc)

    def result(self, timeout=None):
        """The call's return value; re-raises its exception.

        Raises CancelledError if cancelled and TimeoutError if not done
        within timeout seconds.
        """
        try:
            with self._condition:
                if not self._wait_done(timeout):
                    raise TimeoutError()
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                return self._outcome()
        finally:
            self = None

    def exception(self, timeout=None):
        """The exception the call raised, or None."""
        with self._condition:
            if not self._wait_done(timeout):
                raise TimeoutError()
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            return self._exception

    def set_running_or_notify_cancel(self):
        """For executors: mark running (True) or report a cancel (False)."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for w in self._watchers:
                    w.future_done(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            # CPython logs this at CRITICAL level before raising.
            stderr = _sys.stderr
            if stderr is not None:
                stderr.write("Future %s in unexpected state: %s\n" % (id(self), self._state))
            raise RuntimeError("Future in unexpected state")

    def _finish(self, result, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for w in self._watchers:
                w.future_done(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_result(self, result):
        """For executors and tests: finish with a return value."""
        self._finish(result, None)

    def set_exception(self, exception):
        """For executors and tests: finish with an exception."""
        self._finish(None, exception)

    def __class_getitem__(cls, item):
        try:
            from types import GenericAlias
        except Exception:
            return cls
        return GenericAlias(cls, item)


class Executor:
    """Interface of the objects that run callables and return futures."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); returns its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), but the calls run in the executor.

        Every call is submitted at once; the results are yielded in order.
        The iterator raises the exception of a call when it reaches it, and
        TimeoutError if a result is not ready timeout seconds after map()
        was called.  Closing the iterator cancels the calls not yet run.
        """
        if timeout is not None:
            deadline = timeout + _time()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            try:
                # Popping from the end keeps no reference to futures already
                # yielded.
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), deadline - _time())
            finally:
                for f in fs:
                    f.cancel()

        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources once pending work is done."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
