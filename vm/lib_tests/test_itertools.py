"""Compare vm/lib/itertools.py with CPython's itertools."""

import itertools as real
import operator
import sys

import harness

S = harness.load()["itertools"]
c = harness.Checker("itertools")


def take(it, n=50):
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


def both(label, build, n=50, post=lambda x: x):
    """build(module) -> iterator; compare first n items (or the error)."""
    c.same(label, lambda: post(take(build(S), n)), lambda: post(take(build(real), n)))


data = [[], [1], [1, 2, 3], "abcd", range(7), (0, 1, 0, 2, 2, 0)]


def test_infinite():
    for args in [(), (5,), (1.5,), (0, 1.0), (2, True), (3, -1), (2 ** 70,), (1, 2 ** 70), (1j, 2),
                 ("a",), (1, "a")]:
        c.same(f"count{args} repr", lambda m=None: repr(S.count(*args)), lambda: repr(real.count(*args)))
        both(f"count{args}", lambda m: m.count(*args), 10)
    cnt = S.count(3)
    next(cnt)
    c.eq("count repr after next", repr(cnt), "count(4)")
    for d in data:
        both(f"cycle {d!r}", lambda m: m.cycle(d), 20)
    for args in [(1,), ("a", 3), (1, -2), (None, 0), (1, 2.5)]:
        c.same(f"repeat{args} repr", lambda: repr(S.repeat(*args)), lambda: repr(real.repeat(*args)))
        both(f"repeat{args}", lambda m: m.repeat(*args), 10)
    r1, r2 = S.repeat(1, 2), real.repeat(1, 2)
    next(r1), next(r2)
    c.eq("repeat after next", (repr(r1), r1.__length_hint__()), (repr(r2), r2.__length_hint__()))
    c.same("repeat unsized hint", lambda: S.repeat(1).__length_hint__(),
           lambda: real.repeat(1).__length_hint__())
    c.same("cycle kw", lambda: S.cycle([], k=1), lambda: real.cycle([], k=1))


def test_simple():
    for d in data:
        both(f"accumulate {d!r}", lambda m: m.accumulate(d))
        both(f"accumulate mul {d!r}", lambda m: m.accumulate(d, lambda a, b: a * 2 + b if isinstance(a, int) else a + b))
        both(f"accumulate initial {d!r}", lambda m: m.accumulate(d, initial=type(next(iter(d), 0))()))
        both(f"chain {d!r}", lambda m: m.chain(d, d, [], d))
        both(f"chain.from_iterable {d!r}", lambda m: m.chain.from_iterable([d, [], d]))
        both(f"compress {d!r}", lambda m: m.compress(d, [1, 0, 1, 1, 0]))
        both(f"dropwhile {d!r}", lambda m: m.dropwhile(lambda x: x in (0, 1, 'a'), d))
        both(f"takewhile {d!r}", lambda m: m.takewhile(lambda x: x in (0, 1, 'a'), d))
        both(f"filterfalse {d!r}", lambda m: m.filterfalse(lambda x: x in (0, 1, 'a'), d))
        both(f"filterfalse None {d!r}", lambda m: m.filterfalse(None, d))
        both(f"pairwise {d!r}", lambda m: m.pairwise(d))
        both(f"starmap {d!r}", lambda m: m.starmap(operator.add, zip(d, d)))
        for s in [(0,), (2,), (None,), (1, 3), (None, None), (1, None, 2), (0, 6, 3), (5, 3), (2, 100, 1)]:
            both(f"islice {d!r} {s}", lambda m: m.islice(d, *s))
        both(f"zip_longest {d!r}", lambda m: m.zip_longest(d, [1, 2], fillvalue='-'))
        both(f"groupby {d!r}", lambda m: ((k, list(g)) for k, g in m.groupby(d)))
        both(f"groupby key {d!r}", lambda m: ((k, list(g)) for k, g in m.groupby(d, key=lambda x: str(x) < 'b')))
    both("chain non-iterable", lambda m: m.chain([1], 5, [2]))
    for mod in (S, real):
        ch = mod.chain([1], 5, [2])
        next(ch)
        try:
            next(ch)
        except TypeError:
            pass
        c.eq(f"chain after error ({mod.__name__})", list(ch), [])
    both("zip_longest none", lambda m: m.zip_longest())
    both("zip_longest three", lambda m: m.zip_longest("ab", "abcd", range(3)))
    c.same("zip_longest bad kw", lambda: S.zip_longest([], x=1), lambda: real.zip_longest([], x=1))
    both("accumulate None initial", lambda m: m.accumulate([1, 2], initial=None))
    both("accumulate initial only", lambda m: m.accumulate([], initial=7))


def test_islice_consumption():
    for s in [(5, 3), (2, 6, 3), (0, 0), (3,), (1, 4), (0, None, 4)]:
        def go(m):
            it = iter(range(20))
            out = list(m.islice(it, *s))
            return out, next(it)
        c.same(f"islice consumption {s}", lambda: go(S), lambda: go(real))
    bad = [(-1,), (1, -1), ("a",), (0, 1, 0), (0, 1, -1), (), (1, 2, 3, 4), (1.0,), (0, 1, "a"),
           (sys.maxsize + 1,), (True,), (None, 2, None), (-1, "a"), (1, "a", 0), (-1, 2, 0)]
    for s in bad:
        c.same(f"islice args {s}", lambda: list(S.islice([1, 2, 3], *s)),
               lambda: list(real.islice([1, 2, 3], *s)))


def test_groupby_semantics():
    def go(m):
        g = m.groupby("aaabbbcca")
        k1, g1 = next(g)
        k2, g2 = next(g)
        return k1, list(g1), k2, next(g2), list(g2), [(k, list(v)) for k, v in g]
    c.same("groupby stale groups", lambda: go(S), lambda: go(real))
    nan = float("nan")
    both("groupby nan identity", lambda m: ((k is nan, list(g)) for k, g in m.groupby([nan, nan, 1])))

    def partial_consume(m):
        out = []
        for k, g in m.groupby([1, 1, 2, 2, 2, 3, 1]):
            out.append((k, next(g)))
        return out
    c.same("groupby partial consume", lambda: partial_consume(S), lambda: partial_consume(real))


def test_tee():
    for d in data:
        for n in range(4):
            def go(m):
                ts = m.tee(d, n)
                return [list(t) for t in ts]
            c.same(f"tee {d!r} {n}", lambda: go(S), lambda: go(real))

    def interleave(m):
        a, b = m.tee(iter(range(10)))
        out = [next(a), next(a), next(b)]
        c_ = a.__copy__()
        out += [next(c_), list(b), list(a), list(c_)]
        a2, b2 = m.tee(a)
        out.append((list(a2), list(b2)))
        x, y = m.tee(iter([1, 2, 3]))
        next(x)
        x2, x3 = m.tee(x)
        out.append((list(x2), list(x3), list(y)))
        return out
    c.same("tee interleave", lambda: interleave(S), lambda: interleave(real))
    c.same("tee negative", lambda: S.tee([], -1), lambda: real.tee([], -1))
    c.eq("tee type name", type(S.tee([])[0]).__name__, "_tee")


def test_combinatorics():
    for d in data[:5] + ["abcde"]:
        both(f"product {d!r}", lambda m: m.product(d, d), 500)
        both(f"product repeat {d!r}", lambda m: m.product(d, repeat=3), 500)
        both(f"product 3 {d!r}", lambda m: m.product(d, [1, 2], d), 500)
        for r in [None, 0, 1, 2, 3, 4, 6]:
            both(f"permutations {d!r} {r}", lambda m: m.permutations(d, r), 1000)
            if r is not None:
                both(f"combinations {d!r} {r}", lambda m: m.combinations(d, r), 1000)
                both(f"cwr {d!r} {r}", lambda m: m.combinations_with_replacement(d, r), 1000)
    both("product empty", lambda m: m.product())
    both("product repeat 0", lambda m: m.product([1, 2], repeat=0))
    for name, args in [("product", ([1],)), ("permutations", ([1], -1)), ("combinations", ([1], -1)),
                       ("combinations_with_replacement", ([1], -1)), ("permutations", ([1], "a"))]:
        kwargs = {"repeat": -1} if name == "product" else {}
        c.same(f"{name} bad args", lambda: getattr(S, name)(*args, **kwargs),
               lambda: getattr(real, name)(*args, **kwargs))


def test_types_and_errors():
    for name in S.__all__:
        c.true(f"{name} exists in CPython", hasattr(real, name))
    for name in ["accumulate", "chain", "compress", "count", "cycle", "dropwhile", "filterfalse",
                 "groupby", "islice", "pairwise", "permutations", "product", "repeat", "starmap",
                 "takewhile", "zip_longest", "combinations", "combinations_with_replacement"]:
        c.eq(f"{name} is a type", isinstance(getattr(S, name), type), True)
    obj = S.chain([1])
    c.true("chain default repr", repr(obj).startswith("<itertools.chain object at 0x"))
    c.true("iter(x) is x", iter(obj) is obj)
    for fn in ["cycle", "chain", "accumulate", "groupby", "pairwise", "permutations", "tee"]:
        c.same(f"{fn}(1)", lambda: list(getattr(S, fn)(1)), lambda: list(getattr(real, fn)(1)))
    for fn in ["starmap", "dropwhile", "takewhile", "filterfalse"]:
        c.same(f"{fn}(len, 1)", lambda: getattr(S, fn)(len, 1), lambda: getattr(real, fn)(len, 1))
    c.same("compress(1, [])", lambda: S.compress(1, []), lambda: real.compress(1, []))
    c.same("count('a')", lambda: S.count("a"), lambda: real.count("a"))


for t in [test_infinite, test_simple, test_islice_consumption, test_groupby_semantics, test_tee,
          test_combinatorics, test_types_and_errors]:
    c.run(t)
c.done()
