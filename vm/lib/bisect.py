"""Bisection algorithms for sorted sequences (pure-Python `bisect`).

All functions take a sequence `a` sorted in ascending order (by `key(item)`
when a key function is given; `x` itself is never passed to `key` in the
bisect_* functions, but is in the insort_* functions) and search the slice
a[lo:hi].  Only `<` is used to compare, as in CPython.
"""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right']


def _as_index(value, message=None):
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), '__index__', None)
    if method is None:
        if message is None:
            message = f"'{type(value).__name__}' object cannot be interpreted as an integer"
        raise TypeError(message)
    return method(value)


def _bounds(a, lo, hi):
    lo = _as_index(lo)
    if hi is not None:
        hi = _as_index(hi, f"argument should be integer or None, not '{type(hi).__name__}'")
    if lo < 0:
        raise ValueError('lo must be non-negative')
    # As in CPython, an explicit hi of -1 means the same as None.
    if hi is None or hi == -1:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index at which to insert x in a, after any items equal to x.

    Every item of a[lo:i] is <= x and every item of a[i:hi] is > x.
    """
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index at which to insert x in a, before any items equal to x.

    Every item of a[lo:i] is < x and every item of a[i:hi] is >= x.
    """
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into a, keeping it sorted, after any items equal to x."""
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into a, keeping it sorted, before any items equal to x."""
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
