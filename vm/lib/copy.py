"""Shallow and deep copy operations (pure-Python `copy`).

copy(x) and deepcopy(x[, memo]) follow CPython's order of preference:

1. a per-type copier for built-in types (immutable ones are returned as is;
   list, dict, set, bytearray and tuple are copied directly);
2. classes are returned unchanged;
3. `__copy__()` / `__deepcopy__(memo)` when the object provides them;
4. a reducer registered for the class in `copyreg.dispatch_table`;
5. the pickle reduce protocol, when the object's class (or a base other than
   `object`) defines `__reduce_ex__` or `__reduce__`;
6. otherwise the object is rebuilt the way `object.__reduce_ex__(4)` would
   describe it, without needing copyreg or `object.__reduce_ex__` from the
   runtime: `cls.__new__(cls, *__getnewargs__())`, then its state
   (`__getstate__()`, or the instance `__dict__` plus any `__slots__`
   values), then the items of list and dict subclasses and the elements of
   set subclasses.

deepcopy keeps `memo`, a dict from id(original) to its copy, so shared and
cyclic references are copied once; originals are kept alive in
memo[id(memo)] while the copy is being made.
"""

import types
import _weakref
from copyreg import dispatch_table as _dispatch_table

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _reducer(cls):
    """The class's own __reduce_ex__/__reduce__ (None if only object's)."""
    for klass in cls.__mro__:
        if klass is object:
            return None
        namespace = klass.__dict__
        if '__reduce_ex__' in namespace or '__reduce__' in namespace:
            return klass
    return None


def _slot_names(cls):
    """Names of the slots defined along cls's MRO, mangled as attribute names."""
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = klass.__name__.lstrip('_')
                if stripped:
                    name = f'_{stripped}{name}'
            names.append(name)
    return names


def _default_state(x, cls):
    """What object.__getstate__() gives: the instance dict (or None), plus a
    dict of set slot values when the class has slots."""
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    names = _slot_names(cls)
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _getstate(x, cls):
    for klass in cls.__mro__:
        if '__getstate__' in klass.__dict__:
            if klass is object:
                break
            return x.__getstate__()
    return _default_state(x, cls)


def _new_object(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _object_reduce(x, cls):
    """The 5-tuple object.__reduce_ex__(4) (or the built-in set and bytearray
    __reduce__) would give for x."""
    if isinstance(x, (set, frozenset, bytearray)) and not hasattr(cls, '__getnewargs__') \
            and not hasattr(cls, '__getnewargs_ex__'):
        # Rebuilt by calling the class with the contents, as their own
        # __reduce__ asks for.
        contents = bytes(x) if isinstance(x, bytearray) else list(x)
        return cls, (contents,), _getstate(x, cls), None, None
    if cls.__module__ == 'builtins' and cls is not object:
        # Built-in objects with hidden state (generators, modules, ...) cannot
        # be rebuilt from their attributes.
        raise TypeError(f'cannot pickle {cls.__name__!r} object')
    kwargs = {}
    if hasattr(cls, '__getnewargs_ex__'):
        args, kwargs = x.__getnewargs_ex__()
        if not isinstance(args, tuple) or not isinstance(kwargs, dict):
            raise TypeError('__getnewargs_ex__ should return a tuple of length 2')
    elif hasattr(cls, '__getnewargs__'):
        args = x.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError(f'__getnewargs__ should return a tuple, not {type(args).__name__!r}')
    else:
        args = ()
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _new_object, (cls, args, kwargs), _getstate(x, cls), listitems, dictitems


def _reduce(x, cls):
    reductor = _dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    if _reducer(cls) is not None:
        reductor = getattr(x, '__reduce_ex__', None)
        if reductor is not None:
            return reductor(4)
        return x.__reduce__()
    return _object_reduce(x, cls)


def copy(x):
    """Return a shallow copy of x (see the module docstring for how)."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x


_copy_dispatch = {}
for _t in (type(None), int, float, bool, complex, str, tuple, bytes, frozenset, type, range, slice,
           property, types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
           types.FunctionType, types.CodeType, _weakref.ref):
    _copy_dispatch[_t] = _copy_immutable
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy
_copy_dispatch[bytearray] = bytearray.copy


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x; memo maps id(original) to copy (see the module docstring)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # Objects that are their own copy are not memoized.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple inside a cycle may have been copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for original, copied in zip(x, y):
        if original is not copied:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {}
for _t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex, bytes, str,
           types.CodeType, type, range, types.BuiltinFunctionType, types.FunctionType, property,
           _weakref.ref):
    _deepcopy_dispatch[_t] = _deepcopy_atomic
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[types.MethodType] = _deepcopy_method
del _t


def _keep_alive(x, memo):
    """Keep x alive until the copy is done, so that its id is not reused
    for another object while it is still a key of memo."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # The first object kept alive: create the list.
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
