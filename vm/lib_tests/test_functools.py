"""Compare vm/lib/functools.py (and types.py) with CPython's modules."""

import collections.abc as real_abc
import copy
import functools as real
import operator
import types as real_types

import harness

mods = harness.load()
S = mods["functools"]
ST = mods["types"]
SA = mods["collections.abc"]
c = harness.Checker("functools+types")


def f(a, b=1, *, c=2):
    return (a, b, c)


def plain(x):
    return x


def both(label, fn):
    c.eq(label, harness.outcome(fn, S), harness.outcome(fn, real))


def test_reduce():
    for args in [(operator.add, [1, 2, 3]), (operator.add, [], 0), (operator.add, []), (operator.add, [5]),
                 (operator.add, 1), (operator.add, "abc", ""), (operator.add, [1], None), (lambda a, b: a * b, range(1, 8))]:
        c.same(f"reduce{args}", S.reduce, real.reduce, *args)


def test_partial():
    def run(m):
        p = m.partial(f, 1, c=3)
        q = m.partial(p, 2)
        r = m.partial(p, b=5)
        out = [p(), p(4), p(c=9), q(), r(), q.args, q.keywords, q.func is f, r.keywords, p.args, p.keywords,
               repr(p).replace(hex(id(f)), "F"), repr(m.partial(len)), type(q).__name__]
        for fn in [lambda: setattr(p, "func", 1), lambda: m.partial(), lambda: m.partial(1), lambda: p(1, 2, 3)]:
            out.append(harness.outcome(fn))
        p.attr = 1
        s = m.partial(p, 7)
        out.append((s.func is p, s.args))
        state = p.__reduce__()
        out.append((state[1][0] is f, state[2][1:]))
        out.append(repr(copy.copy(p)).replace(hex(id(f)), "F"))

        class PP(m.partial):
            pass
        out.append(repr(PP(len, 1, a=2)))
        rec = m.partial(f)
        rec.__setstate__((f, (rec,), {}, None))
        out.append(repr(rec).replace(hex(id(f)), "F"))
        return out
    both("partial", run)

    def pm(m):
        class A:
            m1 = m.partialmethod(f, 5)
            m2 = m.partialmethod(f, c=7)
            m3 = m.partialmethod(classmethod(f), 9)
            m4 = m.partialmethod(m1, c=8)
        a = A()
        return (repr(A.__dict__["m1"]).replace(hex(id(f)), "F"), a.m1() == (a, 5, 2), a.m2(1) == (a, 1, 7),
                A.m3() == (A, 9, 2), a.m4() == (a, 5, 8), repr(A.__dict__["m4"]).replace(hex(id(f)), "F"),
                harness.outcome(m.partialmethod, 1))
    both("partialmethod", pm)


def test_wraps():
    def run(m):
        def inner(x):
            "doc"
            return x
        inner.extra = 5

        @m.wraps(inner)
        def outer(*a):
            return inner(*a)
        res = (outer.__name__, outer.__doc__, outer.__qualname__.split(".")[-1], outer.__wrapped__ is inner,
               outer.extra, outer(3), m.WRAPPER_ASSIGNMENTS, m.WRAPPER_UPDATES)

        class NoName:
            def __call__(self):
                pass
        w = m.update_wrapper(lambda: 0, NoName())
        return res + (w.__name__, w.__wrapped__.__class__.__name__)
    both("wraps", run)


def test_total_ordering():
    for root in ("__lt__", "__le__", "__gt__", "__ge__"):
        def run(m):
            ops = {"__lt__": lambda s, o: s.v < o.v if isinstance(o, X) else NotImplemented,
                   "__le__": lambda s, o: s.v <= o.v if isinstance(o, X) else NotImplemented,
                   "__gt__": lambda s, o: s.v > o.v if isinstance(o, X) else NotImplemented,
                   "__ge__": lambda s, o: s.v >= o.v if isinstance(o, X) else NotImplemented}
            ns = {"__init__": lambda s, v: setattr(s, "v", v),
                  "__eq__": lambda s, o: s.v == o.v if isinstance(o, X) else NotImplemented,
                  "__hash__": None, root: ops[root]}
            X = m.total_ordering(type("X", (), ns))
            out = []
            for a in range(3):
                for b in range(3):
                    out.append((X(a) < X(b), X(a) <= X(b), X(a) > X(b), X(a) >= X(b)))
            out.append(harness.outcome(lambda: X(1) < 1))
            out.append(sorted(n for n in ("__lt__", "__le__", "__gt__", "__ge__") if n in X.__dict__))
            out.append(X.__dict__["__gt__" if root != "__gt__" else "__lt__"].__name__)
            return out
        both(f"total_ordering {root}", run)
    both("total_ordering none", lambda m: m.total_ordering(type("Y", (), {})))


def test_cmp_to_key():
    def run(m):
        key = m.cmp_to_key(lambda a, b: (a > b) - (a < b))
        out = [sorted([3, 1, 2], key=key), type(key).__name__, key(5).obj, key(1) < key(2), key(2) == key(2),
               key(2) != key(3), key(3) >= key(2), key(1) > key(2), key(1) <= key(1),
               harness.outcome(lambda: key(1) < 1), harness.outcome(lambda: hash(key(1)))[:2]]
        k = key(1)
        k.obj = 5
        out.append(k.obj)
        return out
    both("cmp_to_key", run)


def test_lru_cache():
    def run(m):
        calls = []

        def g(x, y=0):
            calls.append((x, y))
            return x + y
        out = []
        for maxsize, typed in [(2, False), (None, False), (0, False), (3, True), (-5, False), (128, False)]:
            calls.clear()
            h = m.lru_cache(maxsize=maxsize, typed=typed)(g)
            seq = [1, 2, 1, 3, 1, 2, 2.0, 4, 1, True, 5, 6.5, 1]
            results = [h(x) for x in seq] + [h(1, y=2), h(1, y=2), h(x=1), h(x=1)]
            out.append((results, list(calls), repr(h.cache_info()), h.cache_parameters(), h.__wrapped__ is g,
                        h.__name__))
            h.cache_clear()
            out.append(repr(h.cache_info()))
        deco = m.lru_cache(g)
        out.append((deco(1), deco(1), repr(deco.cache_info())))
        out.append(harness.outcome(m.lru_cache, "a"))
        out.append(harness.outcome(lambda: m.lru_cache(maxsize=2)(g)([1])))
        ci = m.lru_cache(maxsize=2)(g).cache_info()
        out.append((ci.hits, ci._fields, type(ci).__name__, type(ci).__module__))

        class A:
            @m.lru_cache
            def meth(self, x):
                return (id(self), x)
        a = A()
        out.append((a.meth(1) == (id(a), 1), a.meth(1) == (id(a), 1), repr(A.meth.cache_info()),
                    type(A.__dict__["meth"]).__name__, repr(A.meth).startswith("<functools._lru_cache_wrapper")))

        @m.cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        out.append((fib(80), repr(fib.cache_info())))

        @m.lru_cache(maxsize=3)
        def rec(n):
            return n if n < 2 else rec(n - 1) + rec(n - 2)
        out.append((rec(30), repr(rec.cache_info())))
        return out
    both("lru_cache", run)


def test_cached_property():
    def run(m):
        count = []

        class A:
            @m.cached_property
            def val(self):
                "the val"
                count.append(1)
                return 42

        class Slots:
            __slots__ = ()

            @m.cached_property
            def val(self):
                return 1
        a = A()
        out = [a.val, a.val, len(count), a.__dict__, A.val.__doc__, type(A.val).__name__, A.val.attrname]
        del a.val
        out.append((a.val, len(count)))
        out.append(harness.outcome(lambda: Slots().val))
        cp = m.cached_property(lambda self: 1)
        out.append(harness.outcome(lambda: cp.__get__(a, A)))
        try:
            class B:
                x = cp
                y = cp
        except Exception as e:  # noqa: BLE001 - 3.11 wraps __set_name__ errors in RuntimeError
            out.append((type(e).__name__, str(e.__cause__ or e)))
        return out
    both("cached_property", run)


def test_singledispatch():
    def run(m):
        A = SA if m is S else real_abc

        @m.singledispatch
        def fun(x, *rest):
            return "base"

        @fun.register
        def _(x: int):
            return "int"

        @fun.register(list)
        def _(x):
            return "list"

        fun.register(float, lambda x: "float")

        @fun.register
        def _(x: bytes | bytearray):
            return "bytes-ish"
        out = [fun(1), fun(True), fun([]), fun(1.5), fun("s"), fun(b""), fun(bytearray()), fun(()),
               sorted(t.__name__ for t in fun.registry), fun.dispatch(bool)(0), fun.__name__]
        out.append(harness.outcome(fun))
        out.append(harness.outcome(fun.register, 1, lambda x: x))
        out.append(harness.outcome(fun.register, plain))

        @m.singledispatch
        def abc_fun(x):
            return "base"
        abc_fun.register(A.Sequence, lambda x: "seq")
        abc_fun.register(A.Mapping, lambda x: "map")
        abc_fun.register(A.Iterable, lambda x: "iter")
        out += [abc_fun([]), abc_fun(()), abc_fun({}), abc_fun(set()), abc_fun(iter([])), abc_fun(1), abc_fun("s")]
        abc_fun.register(list, lambda x: "list")
        out.append(abc_fun([]))

        class MySeq:
            def __len__(self):
                return 0

            def __getitem__(self, i):
                raise IndexError
        A.Sequence.register(MySeq)
        out.append(abc_fun(MySeq()))

        @m.singledispatch
        def amb(x):
            return "base"
        amb.register(A.Sized, lambda x: "sized")
        amb.register(A.Container, lambda x: "container")

        class Both:
            def __len__(self):
                return 0

            def __contains__(self, x):
                return False
        out.append(harness.outcome(amb, Both()))
        out.append(harness.outcome(amb, []))
        out.append(harness.outcome(amb, {}))

        class D:
            @m.singledispatchmethod
            def go(self, arg):
                return "base"

            @go.register
            def _(self, arg: int):
                return ("int", type(self).__name__)

            @go.register(str)
            @classmethod
            def _(cls, arg):
                return ("str", cls.__name__)
        out += [D().go(1), D().go("x"), D().go(1.0)]
        return out
    both("singledispatch", run)


def test_types():
    names = ["FunctionType", "LambdaType", "CodeType", "MappingProxyType", "CellType", "GeneratorType",
             "CoroutineType", "AsyncGeneratorType", "MethodType", "BuiltinFunctionType", "BuiltinMethodType",
             "WrapperDescriptorType", "MethodWrapperType", "MethodDescriptorType", "ClassMethodDescriptorType",
             "ModuleType", "TracebackType", "FrameType", "GetSetDescriptorType", "MemberDescriptorType",
             "GenericAlias", "UnionType", "EllipsisType", "NoneType", "NotImplementedType"]
    for name in names:
        c.true(f"types.{name}", getattr(ST, name) is getattr(real_types, name))
    c.eq("types.__all__", sorted(ST.__all__), sorted(real_types.__all__))

    def ns(m):
        NS = m.SimpleNamespace
        n = NS(b=1, a=2)
        n.self = n
        n.__dict__[1] = 2

        class Sub(NS):
            pass
        out = [repr(n), repr(Sub(x=1)), repr(NS()), NS(x=1) == NS(x=1), NS(x=1) == Sub(x=1), NS() == 1,
               NS(x=1) != NS(x=2), n.a, harness.outcome(NS, 1), harness.outcome(lambda: hash(NS()))[:2],
               NS(a=1).__reduce__()[1:], repr(copy.copy(NS(q=[1]))), repr(copy.deepcopy(NS(q=[1])))]
        return out
    c.eq("SimpleNamespace", harness.outcome(ns, ST), harness.outcome(ns, real_types))

    def classes(m):
        class Meta(type):
            @classmethod
            def __prepare__(mcls, name, bases, **kw):
                return {"prepared": kw}

            def __new__(mcls, name, bases, ns, **kw):
                return super().__new__(mcls, name, bases, ns)

        class Base(metaclass=Meta):
            pass

        class Entry:
            def __mro_entries__(self, bases):
                return (Base,)
        C = m.new_class("C", (Entry(),), {"flag": 1}, lambda ns: ns.update(x=5))
        out = [C.__name__, type(C).__name__, C.x, C.prepared, C.__bases__[0].__name__, type(C.__orig_bases__[0]).__name__,
               m.resolve_bases((int, Entry()))[1].__name__, m.prepare_class("D", (int,), {"metaclass": type}),
               harness.outcome(m.prepare_class, "E", (Base, type("Other", (type,), {})("O", (), {})))]
        return out
    c.eq("new_class", harness.outcome(classes, ST), harness.outcome(classes, real_types))

    def dca(m):
        class X:
            @m.DynamicClassAttribute
            def attr(self):
                "doc"
                return 5
        return X().attr, harness.outcome(lambda: X.attr)[:2], X.__dict__["attr"].__doc__
    c.eq("DynamicClassAttribute", harness.outcome(dca, ST), harness.outcome(dca, real_types))

    def coro(m):
        @m.coroutine
        def gen():
            yield 1
            return 2

        async def use():
            return await gen()
        co = use()
        out = [co.send(None)]
        try:
            co.send(None)
        except StopIteration as e:
            out.append(e.value)
        return out
    c.eq("coroutine", harness.outcome(coro, ST), harness.outcome(coro, real_types))


for t in [test_reduce, test_partial, test_wraps, test_total_ordering, test_cmp_to_key, test_lru_cache,
          test_cached_property, test_singledispatch, test_types]:
    c.run(t)
c.done()
