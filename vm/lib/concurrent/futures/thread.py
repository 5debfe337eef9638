"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads.

How the pieces fit:

* submit() wraps the call in a _WorkItem, puts it on the executor's
  SimpleQueue and then makes sure a worker will take it: an idle worker
  (one that released `_idle_semaphore` after its last item) is reused,
  otherwise a new thread is started while fewer than max_workers exist.
* A worker loops on the queue.  None on the queue is the wake-up signal for
  shutdown; a worker that sees it while shutting down puts it back so the
  next worker sees it too, then exits.
* `_shutdown_lock` orders submit() against shutdown() and a failing
  initializer, so no work item is queued after the executor stopped taking
  them.
* Interpreter exit: threading._shutdown runs `_python_exit` (registered
  with threading._register_atexit) before it joins the remaining threads;
  it forbids new work everywhere and wakes every worker, which then finishes
  the queued work and exits.  CPython also stops workers when an executor is
  garbage collected, through a weak reference; Skein has no weakref module
  yet, so a worker keeps its executor alive until shutdown or exit.
"""

import queue
import threading
from concurrent.futures import _base

__all__ = ["ThreadPoolExecutor", "BrokenThreadPool"]

# Every live worker -> its executor's work queue, for _python_exit.
_threads_queues = {}
_shutdown = False
# Orders submit() against _python_exit.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        items = list(_threads_queues.items())
    for _, q in items:
        q.put(None)
    for t, _ in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break the cycle exception -> traceback -> frame -> self.
            self = None
        else:
            self.future.set_result(result)

    def __class_getitem__(cls, item):
        return cls


def _forget_worker():
    with _global_shutdown_lock:
        _threads_queues.pop(threading.current_thread(), None)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _base._log_exception("Exception in initializer:", exc)
            executor._initializer_failed()
            _forget_worker()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                # Drop the item (and its result) before blocking again.
                del work_item
                executor._idle_semaphore.release()
                continue
            if _shutdown or executor._shutdown:
                # Let the next worker see the wake-up too.
                work_queue.put(None)
                return
    finally:
        _forget_worker()


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed; the pool accepts no more work."""


_counter_lock = threading.Lock()
_counter = 0


def _next_pool_number():
    global _counter
    with _counter_lock:
        n = _counter
        _counter += 1
    return n


def _default_max_workers():
    try:
        import os
        cpus = os.cpu_count()
    except Exception:
        # No os module (yet): assume a few cores, as min(32, 4 + 4).
        return 8
    return min(32, (cpus or 1) + 4)


class ThreadPoolExecutor(_base.Executor):
    """An executor running each submitted call on one of its threads."""

    def __init__(self, max_workers=None, thread_name_prefix="",
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_max_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    "ThreadPoolExecutor-%d" % _next_pool_number())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _shutdown:
                raise RuntimeError("cannot schedule new futures after "
                                   "interpreter shutdown")
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # Called with both locks held.  An idle worker will take the item.
        if self._idle_semaphore.acquire(timeout=0):
            return
        n = len(self._threads)
        if n < self._max_workers:
            t = threading.Thread(
                name="%s_%d" % (self._thread_name_prefix or self, n),
                target=_worker,
                args=(self, self._work_queue, self._initializer, self._initargs),
            )
            # Registered before it runs, so that its own _forget_worker()
            # always comes after.
            _threads_queues[t] = self._work_queue
            try:
                t.start()
            except BaseException:
                del _threads_queues[t]
                raise
            self._threads.add(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ("A thread initializer failed, the thread pool "
                            "is not usable anymore")
            # Fail everything still queued.
            while True:
                try:
                    item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            # Wake the workers so they notice the shutdown.
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
