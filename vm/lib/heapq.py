"""Heap queue algorithm (`heapq`; the primitives are native `_heapq`).

A heap is a list with `heap[k] <= heap[2*k+1]` and `heap[k] <= heap[2*k+2]`
for every k that has children, so heap[0] is the smallest item.  Only `<` is
used to compare items.  The sift routines follow CPython's (bottom-up
re-insertion), so a given sequence of operations leaves the list in exactly
the same order as CPython's heapq does.  The `_max` variants keep the
reverse invariant and serve merge(reverse=True) and nsmallest().
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# The primitives are native (vm/src/modules/heapq.rs): each step holds the
# list's lock, so a heap shared by threads never loses or duplicates an item.
from _heapq import *
from _heapq import _heappop_max, _heapify_max, _heapreplace_max


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output.

    Lazy and stable: among equal items, those from earlier inputs come first.
    `key` and `reverse` mean what they mean for sorted(); each input must
    already be sorted that way.
    """
    # Heap entries are lists [sort value, tie-breaker, (item,) next-function];
    # the tie-breaker is the input's position (negated for max-heaps) so that
    # earlier inputs win ties and items themselves are never compared on ties.
    if reverse:
        heapify_, pop_, replace_ = _heapify_max, _heappop_max, _heapreplace_max
        direction = -1
    else:
        heapify_, pop_, replace_ = heapify, heappop, heapreplace
        direction = 1
    entries = []
    for order, it in enumerate(map(iter, iterables)):
        advance = it.__next__
        try:
            first = advance()
        except StopIteration:
            continue
        if key is None:
            entries.append([first, order * direction, advance])
        else:
            entries.append([key(first), order * direction, first, advance])
    heapify_(entries)
    while len(entries) > 1:
        try:
            while True:
                top = entries[0]
                if key is None:
                    yield top[0]
                    top[0] = top[2]()
                else:
                    yield top[2]
                    value = top[3]()
                    top[0] = key(value)
                    top[2] = value
                replace_(entries, top)
        except StopIteration:
            pop_(entries)
    if entries:
        # One input left: pass the rest of it straight through.
        last = entries[0]
        if key is None:
            yield last[0]
            yield from last[2].__self__
        else:
            yield last[2]
            yield from last[3].__self__


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first: sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = min(it, default=sentinel)
        else:
            result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    # Keep the n best so far in a max-heap; the running index breaks ties so
    # that earlier elements win and elements themselves are never compared on
    # equal keys.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for elem, _ in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for _, _, elem in result]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first: sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = max(it, default=sentinel)
        else:
            result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    # A min-heap of the n best so far; decreasing tie-breakers make earlier
    # elements win ties, as in a stable reverse sort.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for elem, _ in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for _, _, elem in result]
