"""Registries and helpers of the pickle protocol (CPython 3.11's `copyreg`).

- `dispatch_table` maps a type to its reduction function (what `pickle()`
  registers); `pickle` and `copy` consult it before `__reduce_ex__`.
- `__newobj__`, `__newobj_ex__` and `_reconstructor` are the functions that
  `object.__reduce_ex__` (vm/src/protocol/reduce.rs) names in the
  descriptions it returns, so pickles refer to them as `copyreg.<name>`.
- The extension registry gives (module, name) pairs small integer codes
  that protocol 2+ pickles use instead of the names (EXT1/EXT2/EXT4).

The registries are ordinary dicts: each single read or write is atomic in
Skein, as in CPython; `add_extension`/`remove_extension` check and update
both directions under a lock so the two maps never disagree.
"""

import _thread

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function as the reduction function of ob_type."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    # The constructor is only checked: pickles name it by reference.
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator

    return functools.reduce, (operator.or_, obj.__args__)


pickle(type(int | str), pickle_union)


def _reconstructor(cls, base, state):
    """Rebuild what `_reduce_ex` (protocols 0 and 1) described."""
    if base is object:
        return object.__new__(cls)
    obj = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(obj, state)
    return obj


_HEAPTYPE = 1 << 9
_new_type = type(int.__new__)


def _is_builtin_type(klass):
    """Whether klass is a static (C-level in CPython, native in Skein) type."""
    flags = getattr(klass, "__flags__", None)
    if isinstance(flags, int):
        return not flags & _HEAPTYPE
    return klass.__module__ == "builtins"


def _reduce_ex(self, proto):
    """The protocol 0 and 1 description of self: `(_reconstructor, (cls,
    base, base_state)[, state])`, where base is the first built-in class
    of the MRO (whose value holds the object's payload)."""
    assert proto < 2
    cls = self.__class__
    for base in cls.__mro__:
        if _is_builtin_type(base):
            break
        new = base.__new__
        if isinstance(new, _new_type) and getattr(new, "__self__", None) is base:
            break
    else:
        base = object
    if base is object:
        base_state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        base_state = base(self)
    args = (cls, base, base_state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if getattr(self, "__slots__", None):
            raise TypeError(
                f"cannot pickle {cls.__name__!r} object: "
                f"a class that defines __slots__ without "
                f"defining __getstate__ cannot be pickled "
                f"with protocol {proto}"
            ) from None
        try:
            state = self.__dict__
        except AttributeError:
            state = None
    else:
        if type(self).__getstate__ is object.__getstate__ and getattr(self, "__slots__", None):
            raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled")
        state = getstate()
    if state:
        return _reconstructor, args, state
    return _reconstructor, args


def __newobj__(cls, *args):
    """What the NEWOBJ opcode does: `cls.__new__(cls, *args)`."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """What the NEWOBJ_EX opcode does, with keyword arguments."""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of the slots of cls and its bases, private names mangled
    (`__x` in class `C` is `_C__x`); `__dict__` and `__weakref__` are left
    out. The list is cached as `cls.__slotnames__`."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            slots = klass.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    owner = klass.__name__.lstrip("_")
                    if owner:
                        name = f"_{owner}{name}"
                names.append(name)
    try:
        cls.__slotnames__ = names
    except (AttributeError, TypeError):
        # A class that refuses new attributes: no cache.
        pass
    return names


# Extension codes: (module, name) <-> code, plus the objects already looked
# up by code. Codes 1..0x7fffffff; see PEP 307 for who owns which range.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}
_extension_lock = _thread.allocate_lock()


def _check_code(code):
    if not 1 <= code <= 0x7FFFFFFF:
        raise ValueError("code out of range")


def add_extension(module, name, code):
    """Register an extension code for (module, name)."""
    code = int(code)
    _check_code(code)
    key = (module, name)
    with _extension_lock:
        if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
            return
        if key in _extension_registry:
            raise ValueError(f"key {key} is already registered with code {_extension_registry[key]}")
        if code in _inverted_registry:
            raise ValueError(f"code {code} is already in use for key {_inverted_registry[code]}")
        _extension_registry[key] = code
        _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code (for testing only)."""
    key = (module, name)
    with _extension_lock:
        if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
            raise ValueError(f"key {key} is not registered with code {code}")
        del _extension_registry[key]
        del _inverted_registry[code]
        _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
