"""Register functions to run at interpreter exit (pure-Python `atexit`).

The runtime calls `_run_exitfuncs()` when the main program ends (normally,
by an uncaught exception or by `SystemExit`), after non-daemon threads are
joined, as CPython does. Handlers run last registered first; an exception
in one (SystemExit included) is reported as CPython's "Exception ignored in
atexit callback" and the next handler runs. `os._exit()` runs none.
"""

import _thread

__all__ = ['register', 'unregister']

_callbacks = []
_lock = _thread.allocate_lock()


def register(func, /, *args, **kwargs):
    """Register a function to be executed upon normal program termination; returns func."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    with _lock:
        _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Unregister an exit function which was previously registered using atexit.register."""
    with _lock:
        _callbacks[:] = [cb for cb in _callbacks if not (cb[0] == func)]


def _clear():
    """Clear the list of previously registered exit functions."""
    with _lock:
        _callbacks.clear()


def _ncallbacks():
    """The number of registered exit functions."""
    return len(_callbacks)


def _report(func, exc):
    import sys
    import traceback
    try:
        name = repr(func)
    except BaseException:
        name = '<object repr() failed>'
    lines = [f'Exception ignored in atexit callback: {name}\n']
    # The first entry is _run_exitfuncs' own frame: CPython calls from C.
    tb = exc.__traceback__
    if tb is not None:
        tb = tb.tb_next
    if tb is not None:
        lines.append('Traceback (most recent call last):\n')
        lines.extend(traceback.format_tb(tb))
    cls = type(exc)
    module = getattr(cls, '__module__', None)
    qualname = getattr(cls, '__qualname__', '<unknown>')
    if not isinstance(module, str):
        head = f'<unknown>.{qualname}'
    elif module in ('builtins', '__main__'):
        head = qualname
    else:
        head = f'{module}.{qualname}'
    try:
        text = str(exc)
    except BaseException:
        text = '<exception str() failed>'
    lines.append(f'{head}: {text}\n')
    err = sys.stderr
    if err is not None:
        err.write(''.join(lines))


def _run_exitfuncs():
    """Run all registered exit functions, the last registered first."""
    while True:
        with _lock:
            if not _callbacks:
                break
            func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            _report(func, e)
