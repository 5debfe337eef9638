"""Set handlers for asynchronous events (CPython's `signal`, POSIX).

The system calls are in the native `_signal` (vm/src/modules/signal.rs);
this module turns its integers into the `Signals` and `Handlers` enums, as
CPython's does.  Python handlers run in the main thread, between two
bytecodes, soon after the signal arrives.

Not provided: pthread_sigmask, pthread_kill, sigpending, sigwait,
sigwaitinfo, sigtimedwait.
"""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_globals = globals()

_IntEnum._convert_(
    'Signals', __name__,
    lambda name: name.isupper() and (name.startswith('SIG') and not name.startswith('SIG_'))
    or name.startswith('CTRL_'))

_IntEnum._convert_(
    'Handlers', __name__,
    lambda name: name in ('SIG_DFL', 'SIG_IGN'))


class ItimerError(OSError):
    """Raised when setitimer or getitimer fails."""


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _wraps(wrapped):
    def decorator(wrapper):
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return decorator


@_wraps(_signal.signal)
def signal(signalnum, handler):
    """Sets the action for signalnum; returns the previous one."""
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    """The current action for signalnum."""
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    """The set of valid signal numbers on this platform."""
    rtmin, rtmax = _signal.SIGRTMIN, _signal.SIGRTMAX
    return {_int_to_enum(x, Signals) for x in range(1, NSIG)
            if x < 32 or rtmin <= x <= rtmax}


def setitimer(which, seconds, interval=0.0):
    """Arms an interval timer; returns the old (delay, interval)."""
    try:
        return _signal.setitimer(which, seconds, interval)
    except OSError as e:
        raise ItimerError(*e.args) from None


def getitimer(which):
    """The (delay, interval) of an interval timer."""
    try:
        return _signal.getitimer(which)
    except OSError as e:
        raise ItimerError(*e.args) from None


del _globals, _wraps
