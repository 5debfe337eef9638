"""The POSIX event loop (with signal handlers) and the default policy."""

__all__ = ('SelectorEventLoop', 'DefaultEventLoopPolicy')

import signal

from . import coroutines
from . import events
from . import selector_events


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """The selector loop plus add_signal_handler/remove_signal_handler.

    Skein runs Python-level signal handlers in the main thread at its next
    eval-breaker check, which a wait in the selector makes every
    signals::SIGNAL_POLL; the handler installed here only queues the
    callback and writes to the self-pipe, so the loop runs it in its next
    iteration (subprocess watchers are not provided)."""

    def __init__(self, selector=None):
        super().__init__(selector)
        self._signal_handlers = {}

    def close(self):
        super().close()
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)

    def _check_signal(self, sig):
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')

    def add_signal_handler(self, sig, callback, *args):
        """Runs callback(*args) in the loop whenever signal sig arrives."""
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        previous = self._signal_handlers.get(sig)
        self._signal_handlers[sig] = handle
        try:
            signal.signal(sig, self._on_signal)
        except ValueError as exc:
            if previous is None:
                del self._signal_handlers[sig]
            else:
                self._signal_handlers[sig] = previous
            raise RuntimeError(str(exc))
        except OSError as exc:
            del self._signal_handlers[sig]
            if exc.errno == 22:
                raise RuntimeError(f'sig {sig} cannot be caught')
            raise

    def _on_signal(self, sig, frame):
        handle = self._signal_handlers.get(sig)
        if handle is None or handle._cancelled or self.is_closed():
            return
        self._ready.append(handle)
        self._write_to_self()

    def remove_signal_handler(self, sig):
        """Removes the handler of sig; returns whether there was one."""
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        handler = signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL
        try:
            signal.signal(sig, handler)
        except OSError as exc:
            if exc.errno == 22:
                raise RuntimeError(f'sig {sig} cannot be caught')
            raise
        return True


SelectorEventLoop = _UnixSelectorEventLoop


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
