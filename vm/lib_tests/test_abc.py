"""Compare vm/lib/abc.py with CPython's abc module."""

import abc as real

import harness

S = harness.load()["abc"]
c = harness.Checker("abc")


def both(label, fn):
    c.eq(label, harness.outcome(fn, S), harness.outcome(fn, real))


def test_abstract_methods():
    def go(m):
        class Base(m.ABC):
            @m.abstractmethod
            def f(self):
                return "base f"

            @property
            @m.abstractmethod
            def p(self):
                ...

            @classmethod
            @m.abstractmethod
            def cm(cls):
                ...

            @staticmethod
            @m.abstractmethod
            def sm():
                ...

            def concrete(self):
                return "c"

        class Partial(Base):
            def f(self):
                return super().f() + "!"

        class Full(Partial):
            p = 1

            @classmethod
            def cm(cls):
                return "cm"

            @staticmethod
            def sm():
                return "sm"

        class Old(metaclass=m.ABCMeta):
            @m.abstractclassmethod
            def a(cls):
                ...

            @m.abstractstaticmethod
            def b():
                ...

            @m.abstractproperty
            def c(self):
                ...
        out = [sorted(Base.__abstractmethods__), sorted(Partial.__abstractmethods__), sorted(Full.__abstractmethods__),
               sorted(Old.__abstractmethods__), Full().f(), Full().concrete(), Full.cm(), Full.sm()]
        for cls in (Base, Partial, Old):
            try:
                cls()
            except TypeError as e:
                out.append(str(e))
        Partial.p = 2
        Partial.cm = classmethod(lambda cls: 1)
        Partial.sm = staticmethod(lambda: 2)
        out.append(sorted(m.update_abstractmethods(Partial).__abstractmethods__))
        out.append(type(Partial()).__name__)

        class Plain:
            pass
        out.append(m.update_abstractmethods(Plain) is Plain)
        out.append(hasattr(Plain, "__abstractmethods__"))
        out.append(type(Base).__name__)
        out.append(m.ABC.__slots__)
        return out
    both("abstract methods", go)


def test_register_and_checks():
    def go(m):
        class Iface(m.ABC):
            pass

        class Child(Iface):
            pass

        class Other:
            pass

        class OtherSub(Other):
            pass

        class Unrelated:
            pass
        token = m.get_cache_token()
        out = [isinstance(Other(), Iface), issubclass(OtherSub, Iface)]
        registered = Iface.register(Other)
        out += [registered is Other, m.get_cache_token() != token, isinstance(Other(), Iface),
                issubclass(OtherSub, Iface), isinstance(OtherSub(), Iface), isinstance(Unrelated(), Iface),
                issubclass(Child, Iface), Iface not in Other.__mro__]
        token = m.get_cache_token()
        Iface.register(Child)  # already a subclass: no-op
        out.append(m.get_cache_token() == token)
        for bad in [lambda: Iface.register(1), lambda: Child.register(Iface), lambda: issubclass(1, Iface)]:
            try:
                bad()
            except Exception as e:  # noqa: BLE001
                out.append((type(e).__name__, str(e)))

        class Hooked(m.ABC):
            @classmethod
            def __subclasshook__(cls, C):
                if cls is Hooked:
                    return hasattr(C, "quack")
                return NotImplemented

        class Duck:
            quack = 1

        class HookedChild(Hooked):
            pass
        out += [issubclass(Duck, Hooked), issubclass(int, Hooked), isinstance(Duck(), Hooked),
                issubclass(Duck, HookedChild)]

        class BadHook(m.ABC):
            @classmethod
            def __subclasshook__(cls, C):
                return 1
        try:
            issubclass(int, BadHook)
        except AssertionError as e:
            out.append("AssertionError")

        class Proxy:
            __class__ = Other
        out.append(isinstance(Proxy(), Iface))
        # Registration on a base reaches the ABC's subclasses' checks.
        class Sub2(Iface):
            pass
        Sub2.register(Unrelated)
        out += [issubclass(Unrelated, Iface), issubclass(Unrelated, Sub2), issubclass(Unrelated, Child)]
        Iface._abc_registry_clear()
        Iface._abc_caches_clear()
        out.append(issubclass(Other, Iface))
        return out
    both("register and checks", go)


for t in [test_abstract_methods, test_register_and_checks]:
    c.run(t)
c.done()
