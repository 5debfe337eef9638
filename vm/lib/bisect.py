"""Bisection algorithms for sorted sequences.

All functions take a sequence `a` sorted in ascending order (by `key(item)`
when a key function is given; `x` itself is never passed to `key` in the
bisect_* functions, but is in the insort_* functions) and search the slice
a[lo:hi].  Only `<` is used to compare, as in CPython.  The functions are
native (vm/src/modules/bisect.rs), as CPython's come from `_bisect`.
"""

from _bisect import *

# Create aliases
bisect = bisect_right
insort = insort_right
