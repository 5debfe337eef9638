"""Abstract Base Classes (ABCs) according to PEP 3119 (pure-Python `abc`).

ABCMeta keeps, per class, an `_abc_impl` record with four pieces of state:

* `registry`: classes registered as virtual subclasses with `register()`;
* `cache`: classes already known to be subclasses;
* `negative_cache`: classes known not to be subclasses, valid only while
  `negative_version` equals the global `ABCMeta._abc_invalidation_counter`;
  every `register()` anywhere bumps the counter, which invalidates all
  negative caches at once (a registration can only add subclasses).

Unlike CPython, the sets hold strong references (there is no weakref module to
rely on), so a class that was ever checked against an ABC stays alive as long
as the ABC does.

Instantiation of a class with abstract methods is refused by the runtime's
`object.__new__`, which reads the `__abstractmethods__` set that `ABCMeta`
computes here.
"""


def abstractmethod(funcobj):
    """Mark a method (or property, or other descriptor) abstract.

    A class made by ABCMeta cannot be instantiated while any abstract method
    is left without an override.  The abstract version stays callable via super().
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Abstract classmethod (old spelling of @classmethod @abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Abstract staticmethod (old spelling of @staticmethod @abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Abstract property (old spelling of @property @abstractmethod)."""

    __isabstractmethod__ = True


class _AbcState:
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_version')

    def __init__(self, version):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = version


def _is_abstract(value):
    return getattr(value, '__isabstractmethod__', False)


class ABCMeta(type):
    """Metaclass of abstract base classes.

    Besides real subclasses, an ABC accepts 'virtual subclasses': classes
    registered with register(), and classes its __subclasshook__ accepts.
    They pass isinstance()/issubclass() but do not inherit from the ABC.
    """

    # Bumped by every register(); negative caches older than it are stale.
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, '__abstractmethods__', ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_impl = _AbcState(ABCMeta._abc_invalidation_counter)
        return cls

    def register(cls, subclass):
        """Make `subclass` a virtual subclass of this ABC; returns it (usable as a decorator)."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass  # Already a subclass.
        # Refuse to register a class that would make the ABC its own subclass.
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_impl.registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls): real, registered or hook-accepted class."""
        subclass = instance.__class__
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (state.negative_version == ABCMeta._abc_invalidation_counter
                    and subclass in state.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), consulting the caches, the hook, the registry and subclasses."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        if state.negative_version < ABCMeta._abc_invalidation_counter:
            state.negative_cache = set()
            state.negative_version = ABCMeta._abc_invalidation_counter
        elif subclass in state.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError('__subclasshook__ must return either False, True, or NotImplemented')
            if ok:
                state.cache.add(subclass)
            else:
                state.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            state.cache.add(subclass)
            return True
        for rcls in list(state.registry):
            if issubclass(subclass, rcls):
                state.cache.add(subclass)
                return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                state.cache.add(subclass)
                return True
        state.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Print this ABC's registry and caches (for debugging)."""
        print(f'Class: {cls.__module__}.{cls.__qualname__}', file=file)
        print(f'Inv. counter: {get_cache_token()}', file=file)
        state = cls._abc_impl
        print(f'_abc_registry: {state.registry!r}', file=file)
        print(f'_abc_cache: {state.cache!r}', file=file)
        print(f'_abc_negative_cache: {state.negative_cache!r}', file=file)
        print(f'_abc_negative_cache_version: {state.negative_version!r}', file=file)

    def _abc_registry_clear(cls):
        """Forget every registered virtual subclass (for tests)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Forget the cached subclass check results (for tests)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def get_cache_token():
    """A value that changes whenever any ABC registers a virtual subclass."""
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or replaced.

    Class decorators that add methods call this.  Classes that ABCMeta did
    not make are returned unchanged.
    """
    if not hasattr(cls, '__abstractmethods__'):
        # Not an abstract class (or one that ABCMeta did not set up).
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for key in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, key, None)):
                abstracts.add(key)
    for key, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(key)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Base class whose subclasses are ABCs (an alternative to metaclass=ABCMeta)."""
    __slots__ = ()
