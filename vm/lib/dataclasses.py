"""Data classes (pure-Python `dataclasses`, PEP 557), without exec().

CPython writes the source of __init__, __repr__, __eq__ and friends and
compiles it.  Here the same methods are closures over the class's field
list.  They behave the same; the generated __init__ takes *args/**kwargs
and checks them itself, with CPython's error messages, so its code
signature differs (the class __doc__ and, when the inspect module is
available, __init__.__signature__ still show the real parameters).

String annotations ("ClassVar[int]", "dataclasses.InitVar[str]") are
recognised by their leading (module.)name, as in CPython.
"""

import sys
import copy
import types
import keyword
import itertools
import abc

__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',

           # Helper functions.
           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


# Default of __init__ parameters whose field has a default_factory.
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})

# This module, for the identity checks of InitVar/KW_ONLY annotations
# (captured now: sys.modules may later hold another module of the same name).
_THIS_MODULE = sys.modules[__name__]


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

# The class attributes where a dataclass keeps its fields and parameters.
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """Annotation for init-only pseudo-fields: InitVar[type]."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """Everything known about one field; made by field() or from a plain default."""

    __slots__ = ('name',
                 'type',
                 'default',
                 'default_factory',
                 'repr',
                 'hash',
                 'init',
                 'compare',
                 'metadata',
                 'kw_only',
                 '_field_type',  # Private: not to be used by user code.
                 )

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None else types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # Pass __set_name__ on to a descriptor used as the default.
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ('init',
                 'repr',
                 'eq',
                 'order',
                 'unsafe_hash',
                 'frozen',
                 )

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a field: its default or default_factory (a zero-argument
    callable), whether it is an __init__ parameter (init), shown by __repr__
    (repr), part of __hash__ (hash; None means "same as compare") and of
    comparisons (compare), keyword-only (kw_only), plus free-form metadata.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    # Positional parameters first, then keyword-only ones.
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


class _ReprGuard:
    """Ids of dataclass instances whose repr is being computed."""

    def __init__(self):
        self.ids = set()


_repr_guard = _ReprGuard()


################################################################################
# Generated methods
################################################################################

def _quoted_list(names):
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _param_default(f):
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return _HAS_DEFAULT_FACTORY
    return MISSING


def _make_init(cls, all_init_fields, std_fields, kw_only_fields, frozen, has_post_init, slots):
    """The __init__ of a dataclass: binds arguments like a compiled
    signature (self, *std_fields, *, kw_only_fields) and sets the fields."""
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')

    qualname = f'{cls.__qualname__}.__init__'
    positional = [f.name for f in std_fields]
    keyword_only = [f.name for f in kw_only_fields]
    defaults = {f.name: _param_default(f) for f in std_fields + kw_only_fields}
    npos = len(positional)
    nrequired_pos = sum(1 for name in positional if defaults[name] is MISSING)
    known = set(positional) | set(keyword_only)
    initvar_names = [f.name for f in all_init_fields if f._field_type is _FIELD_INITVAR]
    setter = object.__setattr__

    # What to do for each field, in field order: (name, kind, extra).
    steps = []
    for f in all_init_fields:
        if f.default_factory is not MISSING:
            step = ('factory_arg' if f.init else 'factory', f.default_factory)
        elif f.init:
            step = ('arg', None)
        elif slots and f.default is not MISSING:
            step = ('const', f.default)
        else:
            # Nothing to store: the class attribute holds the default.
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        steps.append((f.name,) + step)

    def __init__(self, *args, **kwargs):
        nargs = len(args)
        values = dict(zip(positional, args))
        for name, value in kwargs.items():
            if name not in known:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            values[name] = value
        if nargs > npos:
            if nrequired_pos < npos:
                takes = f'from {nrequired_pos + 1} to {npos + 1} positional arguments'
            else:
                takes = f'{npos + 1} positional argument' + ('s' if npos else '')
            kw_given = sum(1 for name in kwargs if name in keyword_only)
            if kw_given:
                given = (f'{nargs + 1} positional argument{"s" if nargs + 1 != 1 else ""} '
                         f'(and {kw_given} keyword-only argument{"s" if kw_given != 1 else ""})')
            else:
                given = f'{nargs + 1}'
            raise TypeError(f'{qualname}() takes {takes} but {given} were given')
        missing = [name for name in positional if name not in values and defaults[name] is MISSING]
        if missing:
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f'{qualname}() missing {len(missing)} required positional '
                            f'argument{plural}: {_quoted_list(missing)}')
        missing = [name for name in keyword_only if name not in values and defaults[name] is MISSING]
        if missing:
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f'{qualname}() missing {len(missing)} required keyword-only '
                            f'argument{plural}: {_quoted_list(missing)}')
        for name, kind, extra in steps:
            if kind == 'arg':
                value = values[name] if name in values else defaults[name]
            elif kind == 'factory_arg':
                value = values.get(name, _HAS_DEFAULT_FACTORY)
                if value is _HAS_DEFAULT_FACTORY:
                    value = extra()
            elif kind == 'factory':
                value = extra()
            else:
                value = extra
            if frozen:
                setter(self, name, value)
            else:
                setattr(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[name] if name in values else defaults[name]
                                 for name in initvar_names])

    __init__.__qualname__ = qualname
    annotations = {f.name: f.type for f in std_fields + kw_only_fields}
    annotations['return'] = None
    __init__.__annotations__ = annotations
    try:
        import inspect  # deferred and optional: only to publish the signature
    except ImportError:
        pass
    else:
        params = [inspect.Parameter('self', inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        for fields_, kind in ((std_fields, inspect.Parameter.POSITIONAL_OR_KEYWORD),
                              (kw_only_fields, inspect.Parameter.KEYWORD_ONLY)):
            for f in fields_:
                default = defaults[f.name]
                params.append(inspect.Parameter(
                    f.name, kind, annotation=f.type,
                    default=inspect.Parameter.empty if default is MISSING else default))
        __init__.__signature__ = inspect.Signature(params, return_annotation=None)
    return __init__


def _make_repr(cls, fields):
    names = [f.name for f in fields]

    def __repr__(self):
        key = id(self)
        active = _repr_guard.ids
        if key in active:
            return '...'
        active.add(key)
        try:
            parts = ', '.join(f'{name}={getattr(self, name)!r}' for name in names)
            return f'{self.__class__.__qualname__}({parts})'
        finally:
            active.discard(key)

    __repr__.__qualname__ = f'{cls.__qualname__}.__repr__'
    return __repr__


def _make_cmp(cls, name, op, fields):
    names = [f.name for f in fields]

    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(tuple(getattr(self, n) for n in names), tuple(getattr(other, n) for n in names))
        return NotImplemented

    compare.__name__ = name
    compare.__qualname__ = f'{cls.__qualname__}.{name}'
    return compare


def _make_frozen_methods(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    for fn in (__setattr__, __delattr__):
        fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    return __setattr__, __delattr__


def _hash_set_none(cls, fields):
    return None


def _hash_add(cls, fields):
    names = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))

    __hash__.__qualname__ = f'{cls.__qualname__}.__hash__'
    return __hash__


def _hash_exception(cls, fields):
    raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')


# What to do with __hash__, by (unsafe_hash, eq, frozen, has explicit __hash__):
# leave it (None), set it to None, add one, or refuse.
_hash_action = {(False, False, False, False): None,
                (False, False, False, True): None,
                (False, False, True, False): None,
                (False, False, True, True): None,
                (False, True, False, False): _hash_set_none,
                (False, True, False, True): None,
                (False, True, True, False): _hash_add,
                (False, True, True, True): None,
                (True, False, False, False): _hash_add,
                (True, False, False, True): _hash_exception,
                (True, False, True, False): _hash_add,
                (True, False, True, True): _hash_exception,
                (True, True, False, False): _hash_add,
                (True, True, False, True): _hash_exception,
                (True, True, True, False): _hash_add,
                (True, True, True, True): _hash_exception,
                }


################################################################################
# Field discovery
################################################################################

def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or (type(a_type) is getattr(typing, '_GenericAlias', None)
                and a_type.__origin__ is typing.ClassVar))


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _leading_names(annotation):
    """(module, name) from the start of a string annotation, like matching
    r'^(?:\\s*(\\w+)\\s*\\.)?\\s*(\\w+)'; None when it does not start with a name."""
    def skip_ws(i):
        while i < len(annotation) and annotation[i].isspace():
            i += 1
        return i

    def word(i):
        j = i
        while j < len(annotation) and (annotation[j].isalnum() or annotation[j] == '_'):
            j += 1
        return j

    i = skip_ws(0)
    j = word(i)
    if j == i:
        return None
    first = annotation[i:j]
    k = skip_ws(j)
    if k < len(annotation) and annotation[k] == '.':
        m = skip_ws(k + 1)
        n = word(m)
        if n > m:
            return first, annotation[m:n]
    return None, first


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    """Whether the string annotation names a_type (looked up in cls's module)."""
    match = _leading_names(annotation)
    if match is None:
        return False
    module_name, name = match
    ns = None
    module = sys.modules.get(cls.__module__)
    if not module_name:
        # A bare name: assume the module imported it ("from typing import ClassVar").
        ns = module.__dict__ if module is not None else None
    elif module is not None and module.__dict__.get(module_name) is a_module:
        ns = module.__dict__
    return bool(ns) and is_type_predicate(ns.get(name), a_module)


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            # A __slots__ entry, not a default value.
            default = MISSING
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar, _is_classvar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        dataclasses = _THIS_MODULE
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses, dataclasses.InitVar, _is_initvar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')

    # Unhashable defaults (lists, dicts, sets...) would be shared by all instances.
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_new_attribute(cls, name, value):
    """Set cls.name = value unless the class body defined name; True if it did."""
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


################################################################################
# __doc__ text (what str(inspect.signature(cls)) gives)
################################################################################

def _format_annotation(annotation):
    if getattr(annotation, '__module__', None) == 'typing':
        text = repr(annotation)
        out = []
        i = 0
        while i < len(text):
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] in '_.'):
                j += 1
            if j > i:
                token = text[i:j]
                out.append(token[len('typing.'):] if token.startswith('typing.') else token)
                i = j
            else:
                out.append(text[i])
                i += 1
        return ''.join(out)
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _signature_text(std_fields, kw_only_fields):
    parts = []
    for f in std_fields:
        parts.append(_param_text(f))
    if kw_only_fields:
        parts.append('*')
        for f in kw_only_fields:
            parts.append(_param_text(f))
    return '(' + ', '.join(parts) + ')'


def _param_text(f):
    text = f'{f.name}: {_format_annotation(f.type)}'
    default = _param_default(f)
    if default is not MISSING:
        text += f' = {default!r}'
    return text


################################################################################
# The decorator
################################################################################

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot):
    fields = {}

    if cls.__module__ in sys.modules:
        globals_ = sys.modules[cls.__module__].__dict__
    else:
        globals_ = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # Fields of dataclass bases come first, in MRO order from the root.
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})

    cls_fields = []
    kw_only_seen = False
    dataclasses = _THIS_MODULE
    for name, type_ in cls_annotations.items():
        if (_is_kw_only(type_, dataclasses)
                or (isinstance(type_, str)
                    and _is_type(type_, cls, dataclasses, dataclasses.KW_ONLY, _is_kw_only))):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # A field() object left as the class attribute is replaced by its
        # default (or removed), so that instances see the default.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    # An explicit __hash__ counts unless it is the None that defining
    # __eq__ in the class body implies.
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)

    own_init = False
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        own_init = not _set_new_attribute(
            cls, '__init__',
            _make_init(cls, all_init_fields, std_init_fields, kw_only_init_fields, frozen,
                       has_post_init, slots))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, [f for f in field_list if f.repr]))

    compared = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _make_cmp(cls, '__eq__', lambda a, b: a == b, compared))

    if order:
        for name, op in [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]:
            if _set_new_attribute(cls, name, _make_cmp(cls, name, op, compared)):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')

    if frozen:
        for fn in _make_frozen_methods(cls, field_list):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    hash_action = _hash_action[bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash]
    if hash_action:
        cls.__hash__ = hash_action(cls, field_list)

    if not getattr(cls, '__doc__'):
        if own_init:
            text_sig = _signature_text(std_init_fields, kw_only_init_fields)
        else:
            text_sig = _foreign_signature_text(cls)
        cls.__doc__ = cls.__name__ + text_sig

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _foreign_signature_text(cls):
    """Signature text of a class whose __init__ is not ours (needs inspect)."""
    try:
        import inspect  # deferred and optional
        return str(inspect.signature(cls)).replace(' -> None', '')
    except (ImportError, TypeError, ValueError):
        return ''


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        # Bypass the frozen __setattr__.
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return
    if isinstance(slots, str):
        yield slots
    elif not hasattr(slots, '__next__'):
        # Any iterable but an iterator, which would already be consumed.
        yield from slots
    else:
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")


def _add_slots(cls, is_frozen, weakref_slot):
    # A class cannot gain __slots__ after creation: make a new one.
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    # Slots that bases already provide are not repeated.
    inherited_slots = set(itertools.chain.from_iterable(map(_get_slots, cls.__mro__[1:-1])))
    cls_dict['__slots__'] = tuple(
        itertools.filterfalse(
            inherited_slots.__contains__,
            itertools.chain(field_names, ('__weakref__',) if weakref_slot else ())))
    for field_name in field_names:
        # The class attributes holding defaults would clash with the slots.
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        # Pickling frozen slotted instances needs explicit state methods.
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Class decorator that adds __init__, __repr__, __eq__ (and, as asked,
    ordering, __hash__, frozen-ness, __match_args__ and __slots__) generated
    from the class's annotated fields.  Usable as @dataclass or @dataclass(...).
    """
    def wrap(cls):
        if slots and '__slots__' in cls.__dict__:
            raise TypeError(f'{cls.__name__} already specifies __slots__')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                              slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


################################################################################
# Helper functions
################################################################################

def fields(class_or_instance):
    """The Field objects of a dataclass or instance (ClassVars and InitVars excluded)."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a new dict, converting nested
    dataclasses, lists, tuples and dicts recursively (other values are
    deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # Named tuples take their fields as positional arguments.
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a new tuple, converting nested
    dataclasses, lists, tuples and dicts recursively (other values are
    deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory)
            result.append(value)
        return tuple_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Create a dataclass named cls_name.  Each item of fields is a name, a
    (name, type) pair or a (name, type, Field) triple; a bare name gets the
    annotation 'typing.Any'.  The other arguments are those of @dataclass,
    plus bases and namespace for the new class."""
    if namespace is None:
        namespace = {}

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')

        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')

        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)

    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new object of obj's class with the same fields except those given
    as keyword arguments (init=False fields cannot be changed; InitVars
    without a default must be given)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')

    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue

        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue

        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)

    return obj.__class__(**changes)
