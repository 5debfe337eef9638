"""Higher-order functions and operations on callables (pure-Python `functools`).

Design notes:
* partial, the lru_cache wrapper and cmp_to_key's KeyWrapper are classes, as
  CPython's C types are, so their reprs and type names read the same
  (`functools.partial(...)`, `<functools._lru_cache_wrapper object ...>`).
* lru_cache keeps its entries in a dict from key to a node of a circular
  doubly linked list (most recently used next to the root).  Hits move the
  node to the front; a full cache recycles the oldest node in place.  The
  bookkeeping is not protected by a lock: concurrent calls from several
  threads may miscount hits/misses or evict early, but each call still
  returns the user function's result.
"""

from abc import get_cache_token
from collections import namedtuple
from types import GenericAlias, MethodType
from _thread import RLock as _RLock

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']


class _ReprGuard:
    """Ids of objects whose repr is being computed, to print cycles as '...'."""

    def __init__(self):
        self.ids = set()

    def enter(self, obj):
        if id(obj) in self.ids:
            return False
        self.ids.add(id(obj))
        return True

    def leave(self, obj):
        self.ids.discard(id(obj))


_repr_guard = _ReprGuard()


################################################################################
# update_wrapper() and wraps()
################################################################################

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make `wrapper` look like `wrapped`.

    Copies the attributes named in `assigned` (those `wrapped` lacks are
    skipped), merges the dicts named in `updated`, and finally sets
    wrapper.__wrapped__ = wrapped.  Returns wrapper.
    """
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so that a __wrapped__ copied from wrapped.__dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory: `@wraps(f)` applies update_wrapper(..., f) to the decorated function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


################################################################################
# total_ordering
################################################################################

# Each derived comparison calls the root one through type(self), returns
# NotImplemented when the root does, and otherwise combines it with == / !=.

def _gt_from_lt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _le_from_lt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _ge_from_lt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _ge_from_le(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _lt_from_le(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _gt_from_le(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _lt_from_gt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _ge_from_gt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _le_from_gt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _le_from_ge(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _gt_from_ge(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _lt_from_ge(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator: derive the missing rich comparisons from one of
    __lt__, __le__, __gt__, __ge__ (plus __eq__)."""
    # Only methods the class (or a base other than object) defines count.
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # Preference order when several are defined: __lt__, __le__, __gt__, __ge__.
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


################################################################################
# cmp_to_key
################################################################################

class KeyWrapper:
    """Key object made by cmp_to_key(); compares by calling the cmp function."""

    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return KeyWrapper(self.cmp, obj)

    def _other(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return other.obj

    def __lt__(self, other):
        return self.cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self.cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self.cmp(self.obj, self._other(other)) == 0

    def __ne__(self, other):
        return self.cmp(self.obj, self._other(other)) != 0

    def __le__(self, other):
        return self.cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self.cmp(self.obj, self._other(other)) >= 0

    __hash__ = None


def cmp_to_key(mycmp):
    """Turn an old-style cmp(a, b) function into a key function for sorted() etc."""
    return KeyWrapper(mycmp)


################################################################################
# reduce
################################################################################

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing, /):
    """reduce(function, iterable[, initial]) -> value

    Apply function(accumulated, item) to the items from left to right and
    return the final value.  `initial`, when given, starts the accumulation
    (and is the result for an empty iterable).
    """
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


################################################################################
# partial, partialmethod
################################################################################

class _ReadOnly:
    """Read-only attribute stored under a private name (like a C member)."""

    def __init__(self, name, doc):
        self.name = name
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


class partial:
    """partial(func, /, *args, **keywords): a callable that calls func with
    these arguments first, followed by (and merged with) its own."""

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    func = _ReadOnly('_func', 'function object to use in future partial calls')
    args = _ReadOnly('_args', 'tuple of arguments to future partial calls')
    keywords = _ReadOnly('_keywords', 'dictionary of keyword arguments to future partial calls')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # Flatten a nested partial, unless it carries instance attributes
        # (CPython only flattens when the inner partial has no __dict__).
        if isinstance(func, partial) and not func.__dict__:
            args = func._args + args
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = object.__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    def __repr__(self):
        cls = type(self)
        name = f'{cls.__module__}.{cls.__qualname__}' if cls is partial else cls.__name__
        if not _repr_guard.enter(self):
            return '...'
        try:
            parts = [repr(self._func)]
            parts.extend(repr(arg) for arg in self._args)
            parts.extend(f'{key}={value!r}' for key, value in self._keywords.items())
        finally:
            _repr_guard.leave(self)
        return f'{name}({", ".join(parts)})'

    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords or None, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError(f'expected 4 items in state, got {len(state)}')
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple)
                or (kwds is not None and not isinstance(kwds, dict))
                or (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError('invalid partial state')
        args = tuple(args)
        if kwds is None:
            kwds = {}
        elif type(kwds) is not dict:
            kwds = dict(kwds)
        if namespace is None:
            namespace = {}
        self.__dict__ = namespace
        self._func = func
        self._args = args
        self._keywords = kwds

    __class_getitem__ = classmethod(GenericAlias)


class partialmethod:
    """partialmethod(func, /, *args, **keywords): partial() for methods.

    Wraps descriptors (functions, classmethods, ...) by binding them first;
    other callables receive the instance as their first argument.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            # Flatten: keep the innermost callable, merge the arguments.
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ', '.join(map(repr, self.args))
        keywords = ', '.join(f'{k}={v!r}' for k, v in self.keywords.items())
        cls = type(self)
        return f'{cls.__module__}.{cls.__qualname__}({self.func!r}, {args}, {keywords})'

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                # The wrapped descriptor bound itself (a method, classmethod...):
                # partially apply the bound result.
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            # A plain callable (or a descriptor that returned itself): act as a
            # method taking the instance first.
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(GenericAlias)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


################################################################################
# LRU cache
################################################################################

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])


class _HashedSeq(list):
    """A list that hashes like the tuple of its items, computed once.

    Cache keys can be hashed several times per call (lookup, then insert);
    caching the hash keeps that cheap for keys with many parts.
    """

    __slots__ = 'hashvalue'

    def __init__(self, tup):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


_kwd_mark = (object(),)
_fasttypes = {int, str}


def _make_key(args, kwds, typed):
    """Cache key for a call: equal for calls that should share a result."""
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in _fasttypes:
        return key[0]
    return _HashedSeq(key)


class _Node:
    __slots__ = ('prev', 'next', 'key', 'result')


class _lru_cache_wrapper:
    """The callable that lru_cache() returns: the wrapped function plus its cache."""

    def __init__(self, user_function, maxsize, typed):
        self.__wrapped__ = user_function
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        # Threads run at once (no GIL): the links, the counters and the
        # check-then-evict sequence below are guarded, as CPython's C
        # wrapper guards them with a critical section. Never held while the
        # user function runs (it may call the wrapper again). Re-entrant:
        # hashing or comparing a key runs its __hash__/__eq__ with the lock
        # held, and those may call the wrapper too.
        self._lock = _RLock()
        root = _Node()
        root.prev = root.next = root
        root.key = root.result = None
        self._root = root

    def __call__(self, /, *args, **kwds):
        maxsize = self._maxsize
        user_function = self.__wrapped__
        lock = self._lock
        if maxsize == 0:
            # No caching: only count.
            with lock:
                self._misses += 1
            return user_function(*args, **kwds)
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        if maxsize is None:
            sentinel = _missing
            result = cache.get(key, sentinel)
            with lock:
                if result is not sentinel:
                    self._hits += 1
                    return result
                self._misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
        with lock:
            node = cache.get(key)
            if node is not None:
                # Move the node to the most-recently-used end.
                root = self._root
                node.prev.next = node.next
                node.next.prev = node.prev
                last = root.prev
                last.next = root.prev = node
                node.prev = last
                node.next = root
                self._hits += 1
                return node.result
            self._misses += 1
        result = user_function(*args, **kwds)
        with lock:
            if key in cache:
                # The call itself (recursively), or another thread, cached
                # this key already; that entry is as good as ours and is
                # already linked.
                pass
            elif len(cache) >= maxsize:
                # Full: reuse the root as the new entry, and the oldest entry
                # as the new root, so nothing is allocated.
                root = self._root
                root.key = key
                root.result = result
                oldroot = root
                root = oldroot.next
                oldkey = root.key
                root.key = root.result = None
                self._root = root
                del cache[oldkey]
                cache[key] = oldroot
            else:
                root = self._root
                node = _Node()
                last = root.prev
                node.prev, node.next, node.key, node.result = last, root, key, result
                last.next = root.prev = node
                cache[key] = node
        return result

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return MethodType(self, obj)

    def cache_info(self):
        """CacheInfo(hits, misses, maxsize, currsize) for this cache."""
        with self._lock:
            return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        """Empty the cache and reset its statistics."""
        with self._lock:
            self._cache.clear()
            root = self._root
            root.prev = root.next = root
            self._hits = self._misses = 0

    def cache_parameters(self):
        return {'maxsize': self._maxsize, 'typed': self._typed}

    def __reduce__(self):
        return self.__qualname__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_missing = object()


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    Arguments are keys, so they must be hashable.  With typed=True, arguments
    of different types are cached apart (3 and 3.0).  maxsize=None lets the
    cache grow without bound; maxsize=0 disables caching.  The wrapper offers
    cache_info(), cache_clear() and cache_parameters(), and keeps the wrapped
    function as __wrapped__.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without arguments.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function, /):
    """Unbounded cache decorator: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


################################################################################
# singledispatch
################################################################################

def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    if isinstance(cls, _UnionType):
        return all(isinstance(arg, type) for arg in cls.__args__)
    return False


_UnionType = type(int | str)


def _c3_merge(sequences):
    """C3 linearization: merge MROs keeping every sequence's order."""
    pending = [list(seq) for seq in sequences if seq]
    merged = []
    while pending:
        for seq in pending:
            head = seq[0]
            # A head may be taken when no other sequence still has it in its tail.
            if not any(head in other[1:] for other in pending):
                break
        else:
            raise RuntimeError('Inconsistent hierarchy')
        merged.append(head)
        for seq in pending:
            if seq[0] == head:
                del seq[0]
        pending = [seq for seq in pending if seq]
    return merged


def _c3_mro(cls, abcs=None):
    """cls's MRO with the ABCs in `abcs` that cls virtually subclasses woven in.

    A virtual ABC goes after the explicit bases up to the last one that is
    itself abstract, and before the remaining (concrete) bases.
    """
    bases = cls.__bases__
    boundary = 0
    for i in range(len(bases) - 1, -1, -1):
        if hasattr(bases[i], '__abstractmethods__'):
            boundary = i + 1
            break
    abcs = list(abcs) if abcs else []
    explicit = list(bases[:boundary])
    concrete = list(bases[boundary:])
    virtual = [abc for abc in abcs
               if issubclass(cls, abc) and not any(issubclass(base, abc) for base in bases)]
    for abc in virtual:
        abcs.remove(abc)
    return _c3_merge(
        [[cls]]
        + [_c3_mro(base, abcs) for base in explicit]
        + [_c3_mro(base, abcs) for base in virtual]
        + [_c3_mro(base, abcs) for base in concrete]
        + [explicit, virtual, concrete])


def _compose_mro(cls, types):
    """An MRO for cls that includes the registered ABCs it subclasses virtually."""
    real_mro = set(cls.__mro__)
    related = [typ for typ in types
               if typ not in real_mro and hasattr(typ, '__mro__')
               and not isinstance(typ, GenericAlias) and issubclass(cls, typ)]
    # Drop ABCs that another related ABC already derives from.
    related = [typ for typ in related
               if not any(typ != other and typ in other.__mro__ for other in related)]
    related_set = set(related)
    abcs = []
    for typ in related:
        # Registered subclasses of typ that cls also belongs to bring typ's
        # place in their hierarchy along.
        chains = [[base for base in sub.__mro__ if base in related_set]
                  for sub in typ.__subclasses__()
                  if sub not in real_mro and issubclass(cls, sub)]
        if not chains:
            abcs.append(typ)
            continue
        chains.sort(key=len, reverse=True)
        for chain in chains:
            for base in chain:
                if base not in abcs:
                    abcs.append(base)
    return _c3_mro(cls, abcs)


def _find_impl(cls, registry):
    """The implementation registered for the closest class to cls (RuntimeError if ambiguous)."""
    mro = _compose_mro(cls, registry.keys())
    match = None
    for typ in mro:
        if match is not None:
            # Two virtual ABCs with no order between them: refuse to guess.
            if (typ in registry and typ not in cls.__mro__ and match not in cls.__mro__
                    and not issubclass(match, typ)):
                raise RuntimeError(f'Ambiguous dispatch: {match} or {typ}')
            break
        if typ in registry:
            match = typ
    return registry.get(match)


def singledispatch(func):
    """Make func a generic function that picks an implementation by the type
    of its first argument.

    func itself handles `object`; more implementations are added with the
    wrapper's register().  dispatch(cls) tells which one a class gets.
    """
    registry = {}
    dispatch_cache = {}
    cache_token = None

    def dispatch(cls):
        """The implementation for instances of cls (the closest registered class wins)."""
        nonlocal cache_token
        if cache_token is not None:
            current = get_cache_token()
            if cache_token != current:
                dispatch_cache.clear()
                cache_token = current
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """Register an implementation: register(cls, func), @register(cls),
        or @register on a function whose first parameter is annotated."""
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class or union type.')
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            func = cls
            # The first annotated parameter names the class.
            argname, cls = next(iter(ann.items()))
            if not _is_valid_dispatch_type(cls):
                if isinstance(cls, _UnionType):
                    raise TypeError(f'Invalid annotation for {argname!r}. '
                                    f'{cls!r} not all arguments are classes.')
                raise TypeError(f'Invalid annotation for {argname!r}. '
                                f'{cls!r} is not a class.')
        if isinstance(cls, _UnionType):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxy(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


_MappingProxy = type(type.__dict__)


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after self/cls."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register an implementation, as singledispatch's register() does."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
# cached_property
################################################################################

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then stored in the instance's
    __dict__ under the same name (so later reads are plain attribute reads)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different names '
                            f'({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:  # Instances with __slots__ and no __dict__.
            msg = (f"No '__dict__' attribute on {type(instance).__name__!r} "
                   f'instance to cache {self.attrname!r} property.')
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = (f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                       f'does not support item assignment for caching {self.attrname!r} property.')
                raise TypeError(msg) from None
        return val

    __class_getitem__ = classmethod(GenericAlias)
