"""Container datatypes (pure-Python `collections`).

* deque: native (`_collections.deque`, vm/src/types/deque.rs): a ring
  buffer whose operations are each atomic under free threading.
* defaultdict, Counter, OrderedDict: dict subclasses.  OrderedDict keeps its
  own order in a doubly linked list beside the dict, so move_to_end() and
  popitem() are O(1) at both ends.
* namedtuple: classes built directly with type(), without exec(); the
  generated __new__ checks its arguments itself and words its errors like the
  function CPython compiles.
* ChainMap, UserDict, UserList, UserString.

The ABCs live in _collections_abc, which is also installed as
`collections.abc` (as in CPython).
"""

import sys as _sys
from _thread import RLock as _RLock
from _collections import deque

import _collections_abc
from _collections_abc import Mapping as _Mapping, MutableMapping as _MutableMapping
from _collections_abc import Sequence as _Sequence, MutableSequence as _MutableSequence
from _collections_abc import KeysView as _KeysView, ValuesView as _ValuesView
from _collections_abc import ItemsView as _ItemsView
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter, eq as _eq
import heapq as _heapq

_sys.modules['collections.abc'] = _collections_abc
abc = _collections_abc

__all__ = [
    "ChainMap",
    "Counter",
    "OrderedDict",
    "UserDict",
    "UserList",
    "UserString",
    "defaultdict",
    "deque",
    "namedtuple",
]


class _ReprGuard:
    """Per-object recursion guard for __repr__ (ids of objects being printed).

    Not thread-aware: two threads printing the same object at once may see
    '...' where CPython would not.
    """

    def __init__(self):
        self.active = set()

    def enter(self, obj):
        key = id(obj)
        if key in self.active:
            return False
        self.active.add(key)
        return True

    def leave(self, obj):
        self.active.discard(id(obj))


_repr_guard = _ReprGuard()


################################################################################
# deque (native: _collections.deque, atomic operations under free threading)
################################################################################

_MutableSequence.register(deque)


################################################################################
# defaultdict
################################################################################

class defaultdict(dict):
    """dict that fills in missing keys with default_factory() (when it is not None).

    defaultdict(default_factory=None, /, *args, **kwargs): the other
    arguments are those of dict().
    """

    __slots__ = ('default_factory',)

    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls, *args, **kwargs)
        self.default_factory = None
        return self

    def __init__(self, *args, **kwargs):
        if args:
            factory = args[0]
            if factory is not None and not callable(factory):
                raise TypeError('first argument must be callable or None')
            self.default_factory = factory
            args = args[1:]
        super().__init__(*args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            factory_repr = 'None'
        elif _repr_guard.enter(factory):
            try:
                factory_repr = repr(factory)
            finally:
                _repr_guard.leave(factory)
        else:
            factory_repr = '...'
        return f'{type(self).__name__}({factory_repr}, {dict.__repr__(self)})'

    def copy(self):
        """A shallow copy with the same default_factory."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


################################################################################
# OrderedDict
################################################################################

class _Link:
    __slots__ = ('prev', 'next', 'key')


class OrderedDict(dict):
    """Dictionary that remembers insertion order, with O(1) reordering.

    Invariants: `_root` is the sentinel of a circular doubly linked list of
    `_Link`s, one per key, in the dictionary's order; `_map` maps each key to
    its link.  The dict itself holds the values.  Unlinked links get their
    `prev`/`next` cleared, which iterators use to detect mutation.

    Threads run at once (no GIL), so every change of the links, and every
    iterator step, holds `_lock`: each method is one atomic step, as
    CPython's C OrderedDict is under its GIL or its critical sections.  A
    re-entrant lock, since key hashing and comparison may run Python code
    that uses the same OrderedDict.
    """

    __slots__ = ('_root', '_map', '_state', '_lock', '__dict__', '__weakref__')

    def __new__(cls, *args, **kwargs):
        self = dict.__new__(cls)
        root = _Link()
        root.prev = root.next = root
        root.key = None
        self._root = root
        self._map = {}
        self._state = 0
        self._lock = _RLock()
        return self

    def __init__(self, other=(), /, **kwds):
        self._update(other, kwds)

    def __setitem__(self, key, value):
        with self._lock:
            if key not in self:
                link = _Link()
                root = self._root
                last = root.prev
                link.prev, link.next, link.key = last, root, key
                last.next = link
                root.prev = link
                self._map[key] = link
                self._state += 1
            dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        with self._lock:
            dict.__delitem__(self, key)
            self._unlink(self._map.pop(key))

    def _unlink(self, link):
        link.prev.next = link.next
        link.next.prev = link.prev
        link.prev = link.next = None
        self._state += 1

    def __iter__(self):
        return _odict_iterator(self, 0, False)

    def __reversed__(self):
        return _odict_iterator(self, 0, True)

    def clear(self):
        """Make the dictionary empty."""
        with self._lock:
            root = self._root
            link = root.next
            while link is not root:
                following = link.next
                link.prev = link.next = None
                link = following
            root.prev = root.next = root
            self._map.clear()
            self._state += 1
            dict.clear(self)

    def popitem(self, last=True):
        """Remove and return the last (key, value) pair, or the first when last is false."""
        with self._lock:
            if not self:
                raise KeyError('dictionary is empty')
            root = self._root
            link = root.prev if last else root.next
            key = link.key
            value = dict.pop(self, key)
            self._unlink(self._map.pop(key))
            return key, value

    def move_to_end(self, key, last=True):
        """Move key to the end (to the front when last is false); KeyError if absent."""
        with self._lock:
            self._move_to_end(key, last)

    def _move_to_end(self, key, last):
        link = self._map[key]
        root = self._root
        self._state += 1
        if last:
            if root.prev is link:
                return
            link.prev.next = link.next
            link.next.prev = link.prev
            last_link = root.prev
            link.prev, link.next = last_link, root
            last_link.next = link
            root.prev = link
        else:
            if root.next is link:
                return
            link.prev.next = link.next
            link.next.prev = link.prev
            first = root.next
            link.prev, link.next = root, first
            first.prev = link
            root.next = link

    def __sizeof__(self):
        return dict.__sizeof__(self) + _sys.getsizeof(self._map) * 2

    def _update(self, other, kwds):
        if isinstance(other, _Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def update(self, other=(), /, **kwds):
        """Update from a mapping, an object with keys(), or pairs; then from keywords."""
        self._update(other, kwds)

    def keys(self):
        """A set-like object providing a view on the keys, in order."""
        return odict_keys(self)

    def items(self):
        """A set-like object providing a view on the items, in order."""
        return odict_items(self)

    def values(self):
        """An object providing a view on the values, in order."""
        return odict_values(self)

    _marker = object()

    def pop(self, key, default=_marker):
        """Remove key and return its value; default (or KeyError) when absent."""
        with self._lock:
            if key in self:
                value = dict.pop(self, key)
                self._unlink(self._map.pop(key))
                return value
        if default is self._marker:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        """self[key] when present; otherwise store and return default."""
        with self._lock:
            if key in self:
                return self[key]
            self[key] = default
            return default

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        if not _repr_guard.enter(self):
            return '...'
        try:
            return f'{type(self).__name__}({list(self.items())!r})'
        finally:
            _repr_guard.leave(self)

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        return type(self), (), state, None, iter(self.items())

    def copy(self):
        """A shallow copy of the OrderedDict."""
        return type(self)(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new ordered dictionary mapping each key of iterable to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(map(_eq, self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new


class _odict_iterator:
    """Iterator over an OrderedDict's keys (kind 0), values (1) or items (2).

    Any relinking of the OrderedDict (adding, removing or moving a key) ends
    the iteration with "mutated"; a size change behind its back (through
    dict methods) with a sticky "changed size" error, as in CPython.
    """

    __slots__ = ('_od', '_next', '_kind', '_reverse', '_size', '_state')

    def __init__(self, od, kind, reverse):
        self._od = od
        self._kind = kind
        self._reverse = reverse
        self._next = od._root.prev if reverse else od._root.next
        self._size = len(od)
        self._state = od._state

    def __iter__(self):
        return self

    def __next__(self):
        od = self._od
        if od is None:
            raise StopIteration
        with od._lock:
            return self._step(od)

    def _step(self, od):
        if od._state != self._state:
            self._od = None
            raise RuntimeError('OrderedDict mutated during iteration')
        if len(od) != self._size:
            raise RuntimeError('OrderedDict changed size during iteration')
        link = self._next
        if link is od._root:
            self._od = None
            raise StopIteration
        self._next = link.prev if self._reverse else link.next
        key = link.key
        kind = self._kind
        if kind == 0:
            return key
        value = dict.__getitem__(od, key)
        if kind == 1:
            return value
        return (key, value)

    def __length_hint__(self):
        return 0 if self._od is None else len(self._od)


_odict_iterator.__name__ = _odict_iterator.__qualname__ = 'odict_iterator'
_odict_iterator.__module__ = 'builtins'


class _OrderedView:
    __slots__ = ()
    _kind = 0

    def __iter__(self):
        return _odict_iterator(self._mapping, self._kind, False)

    def __reversed__(self):
        return _odict_iterator(self._mapping, self._kind, True)

    def __repr__(self):
        if not _repr_guard.enter(self):
            return '...'
        try:
            return f'{type(self).__name__}({list(self)!r})'
        finally:
            _repr_guard.leave(self)


class odict_keys(_OrderedView, _KeysView):
    __slots__ = ()
    _kind = 0


class odict_values(_OrderedView, _ValuesView):
    __slots__ = ()
    _kind = 1


class odict_items(_OrderedView, _ItemsView):
    __slots__ = ()
    _kind = 2


for _cls in (odict_keys, odict_values, odict_items):
    _cls.__module__ = 'builtins'
del _cls


################################################################################
# namedtuple
################################################################################

class _tuplegetter:
    # Read-only field of a named tuple: the item at a fixed index.  (No class
    # docstring: each instance carries its own __doc__ in a slot.)

    __slots__ = ('_index', '__doc__')

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if not isinstance(instance, tuple):
            raise TypeError(f"descriptor for index '{self._index}' for tuple subclasses "
                            f"doesn't apply to '{type(instance).__name__}' object")
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f'_tuplegetter({self._index}, {self.__doc__!r})'

    def __reduce__(self):
        return type(self), (self._index, self.__doc__)


def _quoted_list(names):
    """'a'; 'a' and 'b'; 'a', 'b', and 'c' -- as CPython's argument errors write them."""
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_new(typename, field_names, defaults):
    """Build the __new__ of a named tuple, checking arguments like a compiled signature."""
    num_fields = len(field_names)
    positions = {name: i for i, name in enumerate(field_names)}
    first_default = num_fields - len(defaults)
    qualname = f'{typename}.__new__'
    tuple_new = tuple.__new__

    def __new__(_cls, *args, **kwargs):
        nargs = len(args)
        if nargs == num_fields and not kwargs:
            return tuple_new(_cls, args)
        # Same order of checks as a compiled signature: keywords first, then
        # too many positionals, then missing arguments.
        values = list(args[:num_fields])
        values.extend([_missing] * (num_fields - len(values)))
        for name, value in kwargs.items():
            position = positions.get(name)
            if position is None:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            if position < nargs:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            values[position] = value
        if nargs > num_fields:
            if defaults:
                takes = f'from {first_default + 1} to {num_fields + 1} positional arguments'
            else:
                takes = (f'{num_fields + 1} positional argument'
                         + ('' if num_fields == 0 else 's'))
            raise TypeError(f'{qualname}() takes {takes} but {nargs + 1} were given')
        missing = []
        for i in range(nargs, num_fields):
            if values[i] is _missing:
                if i >= first_default:
                    values[i] = defaults[i - first_default]
                else:
                    missing.append(field_names[i])
        if missing:
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f'{qualname}() missing {len(missing)} required positional '
                            f'argument{plural}: {_quoted_list(missing)}')
        return tuple_new(_cls, values)

    return __new__


_missing = object()


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Make a tuple subclass whose items are also attributes.

    field_names is a sequence of names or one string of names separated by
    spaces or commas.  rename=True replaces invalid names by _0, _1, ...;
    defaults apply to the rightmost fields; module sets __module__.
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = _sys.intern(str(typename))

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith('_')
                    or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        if defaults:
            for name, value in zip(field_names[len(field_names) - len(defaults):], defaults):
                field_defaults[name] = value
    else:
        defaults = ()

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in field_names) + ')'
    tuple_new = tuple.__new__

    __new__ = _make_new(typename, field_names, defaults)
    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    _make.__func__.__doc__ = (f'Make a new {typename} object from a sequence '
                              'or iterable')

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        'Return a nicely formatted representation string'
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    class_namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, f'Alias for field number {index}')

    result = type(typename, (tuple,), class_namespace)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


################################################################################
# Counter
################################################################################

def _count_elements(mapping, iterable):
    """Tally the elements of iterable into mapping."""
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


class Counter(dict):
    """Dict subclass for counting hashable items (a multiset).

    Missing elements count as zero; the arithmetic operators keep only
    positive counts.

    >>> Counter('abracadabra').most_common(3)
    [('a', 5), ('b', 2), ('r', 2)]
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """Missing elements count zero (and are not added)."""
        return 0

    def total(self):
        """The sum of all counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """(element, count) pairs, largest count first (ties in insertion
        order); only the first n when n is given."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        return _heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Each element repeated count times (elements with counts below one are skipped)."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per occurrence in an iterable."""
        if iterable is not None:
            if isinstance(iterable, _Mapping):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    # Nothing to add to: plain dict update is the same and faster.
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts (from a mapping or an iterable); counts may go negative."""
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, _Mapping):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """A new Counter of the same class with the same counts."""
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        """Delete elem if present (missing elements are not an error)."""
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # dict() keeps the order that most_common() gives.
            d = dict(self.most_common())
        except TypeError:
            # Counts that do not order among themselves.
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # Multiset comparisons: every element's count, missing ones being zero.

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset arithmetic: results keep only positive counts.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        """A Counter of the positive counts only."""
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        """A Counter of the negative counts, made positive."""
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        """Drop elements whose count is not positive; return self."""
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


################################################################################
# ChainMap
################################################################################

class ChainMap(_MutableMapping):
    """Several mappings seen as one: lookups search `maps` in order; writes,
    updates and deletions only touch maps[0]."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        if not _repr_guard.enter(self):
            return '...'
        try:
            return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'
        finally:
            _repr_guard.leave(self)

    @classmethod
    def fromkeys(cls, iterable, *args):
        """A ChainMap over one new dict with the keys of iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """A ChainMap of the same class over a copy of maps[0] and the same maps[1:]."""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A ChainMap with m (or a new dict), updated with kwargs, in front of these maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """A ChainMap over maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        """popitem() from maps[0]; KeyError when maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """pop() from maps[0] only."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        """Empty maps[0] only."""
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


################################################################################
# UserDict, UserList, UserString
################################################################################

class UserDict(_MutableMapping):
    """A mapping that keeps its items in a real dict, `self.data`."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, '__missing__'):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        inst = self.__copy__()
        inst.data = {}
        inst.update(self)
        return inst

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class UserList(_MutableSequence):
    """A list-like sequence that keeps its items in a real list, `self.data`."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self._cast(other)

    def __le__(self, other):
        return self.data <= self._cast(other)

    def __eq__(self, other):
        return self.data == self._cast(other)

    def __gt__(self, other):
        return self.data > self._cast(other)

    def __ge__(self, other):
        return self.data >= self._cast(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


class UserString(_Sequence):
    """A str-like sequence that keeps its text in a real str, `self.data`."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def _cast(self, other):
        return other.data if isinstance(other, UserString) else other

    def __eq__(self, string):
        return self.data == self._cast(string)

    def __lt__(self, string):
        return self.data < self._cast(string)

    def __le__(self, string):
        return self.data <= self._cast(string)

    def __gt__(self, string):
        return self.data > self._cast(string)

    def __ge__(self, string):
        return self.data >= self._cast(string)

    def __contains__(self, char):
        return self._cast(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    # Methods that give a new string wrap it in the class; the rest pass through.

    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=_sys.maxsize):
        return self.data.count(self._cast(sub), start, end)

    def removeprefix(self, prefix, /):
        return self.__class__(self.data.removeprefix(self._cast(prefix)))

    def removesuffix(self, suffix, /):
        return self.__class__(self.data.removesuffix(self._cast(suffix)))

    def encode(self, encoding='utf-8', errors='strict'):
        encoding = 'utf-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=_sys.maxsize):
        return self.data.find(self._cast(sub), start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(sub, start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(self._cast(old), self._cast(new), maxsplit))

    def rfind(self, sub, start=0, end=_sys.maxsize):
        return self.data.rfind(self._cast(sub), start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(sub, start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))
