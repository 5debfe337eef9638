"""Compare vm/lib/dataclasses.py with CPython's dataclasses."""

import copy
import dataclasses as real
import inspect
import typing
from typing import ClassVar

import harness

S = harness.load()["dataclasses"]
c = harness.Checker("dataclasses")


def norm(value):
    """Make results from the two modules comparable (Field/MISSING reprs)."""
    text = repr(value)
    return text.replace(hex(id(S.MISSING)), "MISSING").replace(hex(id(real.MISSING)), "MISSING")


def both(label, fn):
    def wrapped(m):
        try:
            return ("ok", norm(fn(m)))
        except Exception as e:  # noqa: BLE001
            return ("raise", type(e).__name__, norm(str(e)))
    c.eq(label, wrapped(S), wrapped(real))


def test_basic():
    def go(m):
        @m.dataclass(order=True)
        class C:
            x: int
            y: list = m.field(default_factory=list)
            z: "int" = 3
            cv: ClassVar[int] = 10
            hidden: int = m.field(default=5, repr=False, compare=False)
        a, b = C(1), C(1, [2], z=4)
        out = [repr(a), repr(b), a == C(1), a == b, a < b, a <= b, a > b, b >= a, a != b, C.__doc__,
               C.__match_args__, C.__dataclass_params__, m.fields(C), m.fields(a)[0], C.cv, C.z, C.hidden,
               C.__hash__, a.__eq__(1), sorted(C.__dataclass_fields__), C.__init__.__qualname__,
               C.__init__.__annotations__, C.__repr__.__qualname__, hasattr(C, "y"), str(inspect.signature(C))]
        for args, kwargs in [((), {}), ((1, 2, 3, 4, 5), {}), ((1,), {"w": 1}), ((1,), {"x": 1}), ((), {"x": 1}),
                             ((1, 2, 3, 4), {})]:
            try:
                out.append(repr(C(*args, **kwargs)))
            except TypeError as e:
                out.append(str(e))
        a.y.append(9)
        out.append(repr(C(1)))
        return out
    both("basic", go)

    def kw(m):
        @m.dataclass
        class K:
            a: int
            _: m.KW_ONLY
            b: int
            c: int = 1
            d: int = m.field(default=2, kw_only=False)

        @m.dataclass(kw_only=True)
        class K2:
            p: int
            q: int = m.field(default=0, kw_only=False)
        out = [K.__doc__, K.__match_args__, K2.__doc__, repr(K(1, 3, b=2)), repr(K2(5, p=1))]
        for args, kwargs in [((), {}), ((1,), {}), ((1, 2), {}), ((1, 2, 3), {"b": 1}), ((1,), {"b": 1, "c": 2, "z": 0})]:
            try:
                out.append(repr(K(*args, **kwargs)))
            except TypeError as e:
                out.append(str(e))
        return out
    both("kw_only", kw)

    def frozen(m):
        @m.dataclass(frozen=True)
        class F:
            a: int
            b: tuple = ()
        f = F(1)
        out = [hash(f) == hash((1, ())), repr(f), F.__setattr__.__qualname__]
        for fn in [lambda: setattr(f, "a", 2), lambda: setattr(f, "new", 2), lambda: delattr(f, "a")]:
            try:
                fn()
            except Exception as e:  # noqa: BLE001
                out.append((type(e).__name__, str(e), isinstance(e, AttributeError)))

        @m.dataclass(frozen=True)
        class G(F):
            c: int = 0
        g = G(1, (), 2)
        out.append(repr(g))
        out.append(repr(copy.deepcopy(g)))
        try:
            @m.dataclass
            class H(F):
                pass
        except TypeError as e:
            out.append(str(e))
        try:
            @m.dataclass(frozen=True)
            class I:
                def __setattr__(self, k, v):
                    pass
        except TypeError as e:
            out.append(str(e))
        return out
    both("frozen", frozen)


def test_post_init_and_initvar():
    def go(m):
        log = []

        @m.dataclass
        class P:
            a: int
            scale: m.InitVar[int] = 2
            derived: int = m.field(init=False)
            tag: "m.InitVar[str]" = "t"

            def __post_init__(self, scale, tag):
                log.append((scale, tag))
                self.derived = self.a * scale
        p = P(3)
        q = P(3, 5, "x")
        return [repr(p), repr(q), log, m.fields(P), sorted(P.__dataclass_fields__),
                str(P.__dataclass_fields__["scale"].type), P.__doc__, repr(m.replace(q, a=1)),
                repr(m.InitVar[int]), repr(m.InitVar["x"])]
    both("post_init", go)

    def replace_errors(m):
        @m.dataclass
        class R:
            a: int
            iv: m.InitVar[int]
            b: int = m.field(init=False, default=0)

            def __post_init__(self, iv):
                pass
        r = R(1, 2)
        out = []
        for fn in [lambda: m.replace(r, a=5), lambda: m.replace(r, a=5, iv=1), lambda: m.replace(r, b=1),
                   lambda: m.replace(1)]:
            try:
                out.append(repr(fn()))
            except Exception as e:  # noqa: BLE001
                out.append((type(e).__name__, str(e)))
        return out
    both("replace", replace_errors)


def test_inheritance_and_hash():
    def go(m):
        @m.dataclass
        class Base:
            x: int = 0
            y: int = 1

        @m.dataclass
        class Derived(Base):
            z: int = 5
            x: int = 10
        out = [repr(Derived()), Derived.__doc__, [f.name for f in m.fields(Derived)]]
        for kwargs in [{}, {"eq": False}, {"frozen": True}, {"unsafe_hash": True}, {"eq": False, "unsafe_hash": True},
                       {"frozen": True, "eq": False}]:
            @m.dataclass(**kwargs)
            class Hh:
                a: int = 1
                b: int = m.field(default=2, hash=False)
                c: int = m.field(default=3, compare=False)
            h = Hh.__dict__.get("__hash__", "absent")
            out.append((kwargs, h is None, h == "absent", hash(Hh()) == hash((1, 3)) if Hh.__hash__ else None))

        class ExplicitHash:
            def __hash__(self):
                return 7
        for kwargs in [{}, {"unsafe_hash": True}]:
            try:
                D = m.dataclass(**kwargs)(type("E", (), {"__annotations__": {"a": int}, "__hash__": lambda s: 7}))
                out.append(hash(D(1)))
            except TypeError as e:
                out.append(str(e))
        return out
    both("inheritance and hash", go)


def test_errors():
    cases = {
        "mutable default": lambda m: m.dataclass(type("B", (), {"__annotations__": {"x": list}, "x": []})),
        "non-default after default": lambda m: m.dataclass(type("B", (), {"__annotations__": {"x": int, "y": int}, "x": 1})),
        "both defaults": lambda m: m.field(default=1, default_factory=list),
        "field without annotation": lambda m: m.dataclass(type("B", (), {"__annotations__": {}, "x": m.field()})),
        "order without eq": lambda m: m.dataclass(order=True, eq=False)(type("B", (), {})),
        "order overwrite": lambda m: m.dataclass(order=True)(type("B", (), {"__lt__": lambda s, o: 0})),
        "two KW_ONLY": lambda m: m.dataclass(type("B", (), {"__annotations__": {"_": m.KW_ONLY, "__": m.KW_ONLY}})),
        "classvar factory": lambda m: m.dataclass(type("B", (), {"__annotations__": {"x": ClassVar[list]},
                                                                 "x": m.field(default_factory=list)})),
        "weakref without slots": lambda m: m.dataclass(weakref_slot=True)(type("B", (), {})),
        "slots twice": lambda m: m.dataclass(slots=True)(type("B", (), {"__slots__": ()})),
        "fields of non-dataclass": lambda m: m.fields(1),
        "asdict of class": lambda m: m.asdict(int),
        "astuple of int": lambda m: m.astuple(1),
    }
    for name, fn in cases.items():
        both(name, fn)


def test_helpers():
    def go(m):
        @m.dataclass
        class Inner:
            v: list

        @m.dataclass
        class Outer:
            name: str
            inner: Inner
            items: list
            mapping: dict
            pair: tuple
        nt = typing.NamedTuple("NT", [("a", int)])
        o = Outer("n", Inner([1, 2]), [Inner([3])], {"k": Inner([4])}, (nt(Inner([5])), 6))
        d = m.asdict(o)
        t = m.astuple(o)
        return [d, t, d["inner"]["v"] is not o.inner.v, m.is_dataclass(o), m.is_dataclass(Outer), m.is_dataclass(1),
                m.asdict(o, dict_factory=lambda items: sorted(items)), m.astuple(o, tuple_factory=list)]
    both("asdict/astuple", go)

    def make(m):
        C = m.make_dataclass("C", ["a", ("b", int), ("c", int, m.field(default=5))], bases=(), namespace={
            "double": lambda self: self.b * 2}, frozen=True)
        out = [repr(C(1, 2)), C(1, 2).double(), C.__doc__, C.__dataclass_params__, C.__module__ != "",
               [f.type for f in m.fields(C)]]
        for bad in [[1], ["a", "a"], ["def"], [("a", int, 1, 2)]]:
            try:
                m.make_dataclass("D", bad)
            except TypeError as e:
                out.append(str(e))
        return out
    both("make_dataclass", make)

    def slots(m):
        @m.dataclass(slots=True)
        class Sl:
            a: int
            b: int = 2

        @m.dataclass(slots=True, frozen=True, weakref_slot=True)
        class Fz:
            a: int
        s = Sl(1)
        out = [Sl.__slots__, repr(s), hasattr(s, "__dict__"), Fz.__slots__, repr(copy.copy(Fz(3))),
               Fz(1).__getstate__(), Sl.__qualname__.split(".")[-1]]
        try:
            s.c = 1
        except AttributeError as e:
            out.append("no new attributes")
        return out
    both("slots", slots)

    def recursive(m):
        @m.dataclass
        class Node:
            child: object = None
        n = Node()
        n.child = n
        return repr(n)
    both("recursive repr", recursive)

    def field_repr(m):
        f = m.field(default=1, metadata={"a": 1})
        return [repr(f), f.metadata["a"], repr(m.field().metadata), repr(m.KW_ONLY).split(" object")[0]]
    both("Field repr", field_repr)

    def set_name(m):
        log = []

        class Desc:
            def __set_name__(self, owner, name):
                log.append(name)

            def __get__(self, obj, owner=None):
                return 42

        @m.dataclass
        class D:
            x: int = m.field(default=Desc())
        return log, type(D().x).__name__
    both("Field __set_name__", set_name)
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))


for t in [test_basic, test_post_init_and_initvar, test_inheritance_and_hash, test_errors, test_helpers]:
    c.run(t)
c.done()
