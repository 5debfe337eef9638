"""Compare vm/lib/operator.py with CPython's operator module."""

import operator as real

import harness

S = harness.load()["operator"]
c = harness.Checker("operator")

values = [0, 1, -3, 2 ** 70, 2.5, -0.0, 1j, True, "ab", b"x", [1, 2], (3,), {1, 2}, {"a": 1}, None,
          frozenset([1])]


def test_binary():
    names = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and_",
             "or_", "xor", "lt", "le", "eq", "ne", "ge", "gt", "is_", "is_not", "concat", "contains",
             "countOf", "indexOf", "getitem", "matmul"]
    for name in names:
        for a in values:
            for b in values[:9] + [[1, 2]]:
                if name == "pow" and isinstance(a, int) and isinstance(b, int) and abs(b) > 100:
                    continue
                if name in ("lshift",) and isinstance(b, int) and b > 100:
                    continue
                c.same(f"{name}({a!r}, {b!r})", getattr(S, name), getattr(real, name), a, b)
        c.eq(f"__{name.rstrip('_')}__ alias", getattr(S, f"__{name.rstrip('_')}__", None) is getattr(S, name)
             or name in ("countOf", "indexOf", "is_", "is_not"), True)


def test_inplace():
    for name in ["iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift",
                 "iand", "ior", "ixor", "iconcat", "imatmul"]:
        for a in values:
            for b in values[:9] + [[1, 2], (4,)]:
                if name == "ipow" and isinstance(b, int) and abs(b) > 100:
                    continue
                if name == "ilshift" and isinstance(b, int) and b > 100:
                    continue
                a1 = list(a) if isinstance(a, list) else a
                a2 = list(a) if isinstance(a, list) else a
                c.same(f"{name}({a!r}, {b!r})", lambda: (getattr(S, name)(a1, b), a1),
                       lambda: (getattr(real, name)(a2, b), a2))
    lst = [1]
    c.true("iadd mutates list in place", S.iadd(lst, [2]) is lst and lst == [1, 2])


def test_unary():
    for name in ["neg", "pos", "abs", "invert", "inv", "not_", "truth", "index"]:
        for a in values:
            c.same(f"{name}({a!r})", getattr(S, name), getattr(real, name), a)

    class Bad:
        def __index__(self):
            return "x"

    class Good:
        def __index__(self):
            return 7
    for a in [Bad(), Good()]:
        c.same("index custom", S.index, real.index, a)


def test_items():
    for a in [[1, 2, 3], {1: 2}]:
        for k in [0, 1, 5]:
            x, y = (list(a), list(a)) if isinstance(a, list) else (dict(a), dict(a))
            c.same(f"setitem {a} {k}", lambda: (S.setitem(x, k, 9), x), lambda: (real.setitem(y, k, 9), y))
            c.same(f"delitem {a} {k}", lambda: (S.delitem(x, k), x), lambda: (real.delitem(y, k), y))


def test_length_hint():
    class A:
        def __length_hint__(self):
            return -1

    class B:
        def __length_hint__(self):
            return "x"

    class N:
        def __length_hint__(self):
            return NotImplemented

    class L:
        def __len__(self):
            raise TypeError("nope")

        def __length_hint__(self):
            return 4
    for obj in [[1, 2], iter([1, 2, 3]), A(), B(), N(), L(), 5, iter(range(10)), (x for x in [])]:
        c.same(f"length_hint {type(obj).__name__}", S.length_hint, real.length_hint, obj)
        c.same(f"length_hint default {type(obj).__name__}", S.length_hint, real.length_hint, obj, 7)
    c.same("length_hint bad default", S.length_hint, real.length_hint, [], "a")


def test_getters():
    class O:
        pass
    o = O()
    o.a = O()
    o.a.b = 5
    o.c = "c"
    for args in [("a",), ("a.b",), ("a.b", "c"), ("zz",), ("a.zz",), ()]:
        c.same(f"attrgetter{args}", lambda: S.attrgetter(*args)(o), lambda: real.attrgetter(*args)(o))
        c.same(f"attrgetter{args} repr", lambda: repr(S.attrgetter(*args)), lambda: repr(real.attrgetter(*args)))
    c.same("attrgetter(1)", S.attrgetter, real.attrgetter, 1)
    c.same("attrgetter kw", lambda: S.attrgetter("a", k=1), lambda: real.attrgetter("a", k=1))
    for args in [(1,), (0, 2), ("a",), (slice(1, 2),), ()]:
        for obj in [[10, 20, 30], "xyz", {"a": 1}, 5]:
            c.same(f"itemgetter{args}({obj!r})", lambda: S.itemgetter(*args)(obj),
                   lambda: real.itemgetter(*args)(obj))
        c.same(f"itemgetter{args} repr", lambda: repr(S.itemgetter(*args)), lambda: repr(real.itemgetter(*args)))
    for args, kw in [(("upper",), {}), (("split", ","), {}), (("split",), {"sep": "b", "maxsplit": 1}),
                     (("nope",), {}), ((), {}), ((1,), {}), (("count", "a"), {"name": 1})]:
        c.same(f"methodcaller{args}{kw}", lambda: S.methodcaller(*args, **kw)("a,b,c"),
               lambda: real.methodcaller(*args, **kw)("a,b,c"))
        c.same(f"methodcaller{args}{kw} repr", lambda: repr(S.methodcaller(*args, **kw)),
               lambda: repr(real.methodcaller(*args, **kw)))
    c.eq("attrgetter reduce", S.attrgetter("a.b", "c").__reduce__(), (S.attrgetter, ("a.b", "c")))
    c.eq("itemgetter reduce", S.itemgetter(1, 2).__reduce__(), (S.itemgetter, (1, 2)))
    c.eq("call", S.call(lambda *a, **k: (a, k), 1, x=2), ((1,), {"x": 2}))
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))


for t in [test_binary, test_inplace, test_unary, test_items, test_length_hint, test_getters]:
    c.run(t)
c.done()
