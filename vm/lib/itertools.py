"""Functional tools for creating and using iterators (pure-Python `itertools`).

Every public name is a class with `__iter__`/`__next__`, as in CPython, so
type names, reprs (`count(5)`, `repeat('a', 3)`) and `isinstance` checks look
the same.  Arguments are checked and input iterables are turned into iterators
when the object is created, exactly when CPython does it; errors raised while
iterating propagate unchanged.  The combinatoric iterators keep their index
state in lists and compute the next tuple in `__next__`, producing results in
CPython's documented order.

Invariant shared by all classes: once an iterator has signalled exhaustion it
drops its references to the underlying iterators (like CPython) and keeps
raising StopIteration.
"""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


def _is_number(x):
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')
            or hasattr(t, '__complex__'))


def _no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ... without end."""

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if isinstance(step, int) and step == 1:
            return f'{name}({self._value!r})'
        return f'{name}({self._value!r}, {step!r})'

    def __reduce__(self):
        return type(self), (self._value, self._step)


class cycle:
    """cycle(iterable): the items of iterable, saved on the first pass and then repeated forever."""

    def __init__(self, iterable, /, **kwargs):
        _no_kwargs('cycle', kwargs)
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._replaying = False

    def __iter__(self):
        return self

    def __next__(self):
        if not self._replaying:
            it = self._it
            if it is not None:
                for item in it:
                    self._saved.append(item)
                    return item
                self._it = None
            if not self._saved:
                raise StopIteration
            self._replaying = True
        saved = self._saved
        item = saved[self._index]
        self._index += 1
        if self._index == len(saved):
            self._index = 0
        return item


class repeat:
    """repeat(object[, times]): object, times times (or forever when times is omitted)."""

    def __init__(self, object, times=None):
        self._object = object
        if times is None:
            self._times = None
        else:
            times = _ssize(times)
            self._times = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times > 0:
            self._times = times - 1
            return self._object
        raise StopIteration

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        name = type(self).__name__
        if self._times is None:
            return f'{name}({self._object!r})'
        return f'{name}({self._object!r}, {self._times})'

    def __reduce__(self):
        if self._times is None:
            return type(self), (self._object,)
        return type(self), (self._object, self._times)


def _index(value):
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return method(value)


def _ssize(value):
    """_index, limited to a C Py_ssize_t as CPython's counts are: a huge
    count is an OverflowError, not a loop that never ends."""
    value = _index(value)
    if not -_sys.maxsize - 1 <= value <= _sys.maxsize:
        raise OverflowError('Python int too large to convert to C ssize_t')
    return value


class accumulate:
    """accumulate(iterable, func=None, *, initial=None): running totals (or running func results)."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is None
        self._has_total = False

    def __iter__(self):
        return self

    def __next__(self):
        if not self._started:
            # The initial value comes out first, before the input is touched.
            self._started = True
            self._has_total = True
            return self._total
        value = next(self._it)
        if self._has_total:
            func = self._func
            value = self._total + value if func is None else func(self._total, value)
        self._total = value
        self._has_total = True
        return value


class chain:
    """chain(*iterables): the items of each iterable in turn."""

    def __init__(self, *iterables, **kwargs):
        _no_kwargs('chain', kwargs)
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        """chain.from_iterable(iterable): like chain(*iterable), reading iterable lazily."""
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            active = self._active
            if active is None:
                source = self._source
                if source is None:
                    raise StopIteration
                try:
                    active = iter(next(source))
                except BaseException:
                    # Exhausted, or an input that is not iterable: either way
                    # the chain is finished, as in CPython.
                    self._source = None
                    raise
                self._active = active
            for item in active:
                return item
            self._active = None

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


_GenericAlias = type(list[int])


class compress:
    """compress(data, selectors): the items of data whose matching selector is true."""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            item = next(data)
            if next(selectors):
                return item


class dropwhile:
    """dropwhile(predicate, iterable): skip items while predicate holds, then give all the rest."""

    def __init__(self, predicate, iterable, /, **kwargs):
        _no_kwargs('dropwhile', kwargs)
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if self._dropping:
            pred = self._pred
            for item in it:
                if not pred(item):
                    self._dropping = False
                    return item
            raise StopIteration
        return next(it)


class takewhile:
    """takewhile(predicate, iterable): give items while predicate holds, then stop."""

    def __init__(self, predicate, iterable, /, **kwargs):
        _no_kwargs('takewhile', kwargs)
        self._pred = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._stopped = True
        raise StopIteration


class filterfalse:
    """filterfalse(function, iterable): the items for which function (or bool) is false."""

    def __init__(self, function, iterable, /, **kwargs):
        _no_kwargs('filterfalse', kwargs)
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        func = self._func
        for item in self._it:
            if func is None:
                if not item:
                    return item
            elif not func(item):
                return item
        raise StopIteration


class groupby:
    """groupby(iterable, key=None): (key, group) pairs for runs of items with equal keys.

    A group is only valid until the groupby object is advanced."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        # `_has_current`: an item has been fetched and not yet handed out;
        # `_currkey`/`_currvalue` describe it.  `_tgtkey` is the current
        # group's key, valid once `_has_tgt` is set.
        self._has_current = False
        self._currkey = None
        self._currvalue = None
        self._has_tgt = False
        self._tgtkey = None
        # Only the most recently returned group may keep yielding items.
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key
        self._has_current = True

    def __next__(self):
        self._currgrouper = None
        # Skip the rest of the current group.
        while True:
            if not self._has_current:
                pass
            elif not self._has_tgt:
                break
            elif not _same(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        self._has_tgt = True
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


def _same(a, b):
    # Identity first, as CPython's PyObject_RichCompareBool does.
    return a is b or a == b


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if not parent._has_current:
            parent._step()
        if not _same(self._tgtkey, parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._has_current = False
        parent._currvalue = None
        parent._currkey = None
        return value


class islice:
    """islice(iterable, stop) or islice(iterable, start, stop[, step]):
    the items a slice of the sequence would select, read lazily."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('islice', kwargs)
        nargs = len(args)
        if nargs < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {nargs}')
        if nargs > 4:
            raise TypeError(f'islice expected at most 4 arguments, got {nargs}')
        iterable = args[0]
        start, step = 0, 1
        # CPython checks stop first, then start, then step.
        stop = _islice_arg(args[1] if nargs == 2 else args[2],
                           'Stop argument for islice() must be None or an integer: '
                           '0 <= x <= sys.maxsize.')
        if nargs > 2:
            if args[1] is not None:
                start = _islice_arg(args[1], 'Indices for islice() must be None or an integer: '
                                             '0 <= x <= sys.maxsize.')
            if nargs == 4 and args[3] is not None:
                step = _islice_arg(args[3], 'Step for islice() must be a positive integer or None.', True)
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._count = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._count < self._next:
                next(it)
                self._count += 1
            if stop is not None and self._count >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._count += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


def _islice_arg(value, message, positive=False):
    if value is None:
        return None
    try:
        value = _index(value)
    except Exception:
        raise ValueError(message) from None
    if value < (1 if positive else 0) or value > _sys.maxsize:
        raise ValueError(message)
    return value


class pairwise:
    """pairwise(iterable): overlapping pairs (s0, s1), (s1, s2), ..."""

    def __init__(self, iterable, /, **kwargs):
        _no_kwargs('pairwise', kwargs)
        self._it = iter(iterable)
        self._old = self._unset

    _unset = object()

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        try:
            old = self._old
            if old is self._unset:
                old = next(it)
                self._old = old
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = self._unset
            raise
        self._old = new
        return (old, new)


class starmap:
    """starmap(function, iterable): function(*args) for each args tuple in iterable."""

    def __init__(self, function, iterable, /, **kwargs):
        _no_kwargs('starmap', kwargs)
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._func(*args)


class _TeeLink:
    """One buffered item of a tee; `next` is None until the item is fetched."""

    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _TeeSource:
    __slots__ = ('it', 'running')

    def __init__(self, it):
        self.it = it
        self.running = False


class _tee:
    """One of the iterators made by tee(); copyable with __copy__."""

    def __init__(self, iterable, /):
        it = iter(iterable)
        if isinstance(it, _tee):
            self._source = it._source
            self._link = it._link
        else:
            self._source = _TeeSource(it)
            self._link = _TeeLink()

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            # This tee is the furthest ahead: fetch a new item for all of them.
            source = self._source
            if source.running:
                raise RuntimeError('cannot re-enter the tee iterator')
            source.running = True
            try:
                value = next(source.it)
            finally:
                source.running = False
            if link.next is None:
                link.value = value
                link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        new = _tee.__new__(type(self))
        new._source = self._source
        new._link = self._link
        return new



def tee(iterable, n=2, /):
    """tee(iterable, n=2): n independent iterators over the same items."""
    n = _ssize(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copier = getattr(it, '__copy__', None)
    if copier is None:
        it = _tee(it)
        copier = it.__copy__
    result = [it]
    for _ in range(1, n):
        result.append(copier())
    return tuple(result)


class zip_longest:
    """zip_longest(*iterables, fillvalue=None): tuples of the i-th items, until the
    longest input ends; shorter inputs are padded with fillvalue."""

    def __init__(self, *iterables, **kwargs):
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or 'fillvalue' not in kwargs:
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fillvalue = kwargs['fillvalue']
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        its = self._its
        if not its or self._active == 0:
            raise StopIteration
        result = []
        for i, it in enumerate(its):
            if it is None:
                result.append(self._fill)
                continue
            try:
                result.append(next(it))
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                its[i] = None
                result.append(self._fill)
            except BaseException:
                self._active = 0
                raise
        return tuple(result)


class product:
    """product(*iterables, repeat=1): the Cartesian product, like nested for-loops
    with the rightmost input changing fastest."""

    def __init__(self, *iterables, repeat=1):
        repeat = _ssize(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(it) for it in iterables] * repeat
        self._pools = pools
        self._indices = None
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        indices = self._indices
        if indices is None:
            for pool in pools:
                if not pool:
                    self._done = True
                    raise StopIteration
            self._indices = [0] * len(pools)
            return tuple(pool[0] for pool in pools)
        # Advance the odometer, rightmost wheel first.
        i = len(pools) - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        else:
            self._done = True
            raise StopIteration
        return tuple(pool[j] for pool, j in zip(pools, indices))


def _r_arg(r):
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    r = _ssize(r)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations:
    """permutations(iterable, r=None): r-length orderings of the items, in lexicographic
    order of positions."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else _r_arg(r)
        self._pool = pool
        self._r = r
        self._indices = None
        self._cycles = None
        self._done = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        indices = self._indices
        if indices is None:
            self._indices = list(range(n))
            self._cycles = list(range(n, n - r, -1))
            return tuple(pool[:r])
        cycles = self._cycles
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                moved = indices[i]
                indices[i:n - 1] = indices[i + 1:]
                indices[n - 1] = moved
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[k] for k in indices[:r])
        self._done = True
        raise StopIteration


class combinations:
    """combinations(iterable, r): r-length subsequences of the items, in order."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _r_arg(r)
        self._pool = pool
        self._r = r
        self._indices = None
        self._done = r > len(pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        indices = self._indices
        if indices is None:
            self._indices = list(range(r))
            return tuple(pool[:r])
        for i in range(r - 1, -1, -1):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[k] for k in indices)


class combinations_with_replacement:
    """combinations_with_replacement(iterable, r): r-length subsequences
    in which an item may repeat."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _r_arg(r)
        self._pool = pool
        self._r = r
        self._indices = None
        self._done = not pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        indices = self._indices
        if indices is None:
            self._indices = [0] * r
            return tuple(pool[0] for _ in range(r))
        for i in range(r - 1, -1, -1):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        value = indices[i] + 1
        for j in range(i, r):
            indices[j] = value
        return tuple(pool[k] for k in indices)
