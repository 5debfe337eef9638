"""Compare vm/lib/heapq.py, bisect.py and keyword.py with CPython's modules."""

import bisect as real_bisect
import heapq as real_heapq
import keyword as real_keyword
import random

import harness

mods = harness.load()
H = mods["heapq"]
B = mods["bisect"]
K = mods["keyword"]
c = harness.Checker("heapq+bisect+keyword")
rng = random.Random(1234)


class Keyed:
    """Compares by k only, so that equal keys with different tags test stability."""

    def __init__(self, k, tag):
        self.k, self.tag = k, tag

    def __lt__(self, other):
        return self.k < other.k

    def __eq__(self, other):
        return isinstance(other, Keyed) and (self.k, self.tag) == (other.k, other.tag)

    def __repr__(self):
        return f"K({self.k},{self.tag})"


def samples():
    yield []
    yield [1]
    for size in (2, 3, 5, 10, 31, 100):
        yield [rng.randrange(10) for _ in range(size)]
        yield [Keyed(rng.randrange(4), i) for i in range(size)]


def test_heap_ops():
    for data in samples():
        a, b = list(data), list(data)
        H.heapify(a)
        real_heapq.heapify(b)
        c.eq(f"heapify {data}", a, b)
        for item in data[:5] + [Keyed(2, "x") if data and isinstance(data[0], Keyed) else 4]:
            H.heappush(a, item)
            real_heapq.heappush(b, item)
            c.eq("heappush", a, b)
        c.same("heappushpop", lambda: (H.heappushpop(a, data[0] if data else 3), a),
               lambda: (real_heapq.heappushpop(b, data[0] if data else 3), b))
        if a:
            c.same("heapreplace", lambda: (H.heapreplace(a, a[-1]), a), lambda: (real_heapq.heapreplace(b, b[-1]), b))
        popped_a = [H.heappop(a) for _ in range(len(a))]
        popped_b = [real_heapq.heappop(b) for _ in range(len(b))]
        c.eq("heappop order", popped_a, popped_b)
        for mod_name in ["_heapify_max"]:
            x, y = list(data), list(data)
            getattr(H, mod_name)(x)
            getattr(real_heapq, mod_name)(y)
            c.eq(f"{mod_name} {data}", x, y)
            c.same("_heappop_max", lambda: [H._heappop_max(x) for _ in range(len(x))],
                   lambda: [real_heapq._heappop_max(y) for _ in range(len(y))])
    for fn in ["heappop", "heapreplace"]:
        args = ([],) if fn == "heappop" else ([], 1)
        c.same(f"{fn} empty", getattr(H, fn), getattr(real_heapq, fn), *args)
    for fn, args in [("heappush", ((), 1)), ("heappop", ((),)), ("heapify", ((),)), ("heapreplace", ((), 1)),
                     ("heappushpop", ((), 1)), ("_heapify_max", ((),)), ("_heappop_max", ((),)),
                     ("_heapreplace_max", ((), 1))]:
        c.same(f"{fn} tuple", getattr(H, fn), getattr(real_heapq, fn), *args)
    c.same("heapify tuple", H.heapify, real_heapq.heapify, (1,))
    c.same("heappush incomparable", H.heappush, real_heapq.heappush, [1], "a")

    class Evil:
        def __init__(self, heap):
            self.heap = heap

        def __lt__(self, other):
            self.heap.clear()
            return False
    for fn in ["heappush", "heappop"]:
        def go(mod):
            heap = [1, 2]
            heap.append(Evil(heap))
            return getattr(mod, fn)(heap, *((Evil(heap),) if fn == "heappush" else ()))
        c.same(f"{fn} mutation", lambda: go(H), lambda: go(real_heapq))


def test_select():
    for data in samples():
        for n in (-1, 0, 1, 2, 3, len(data), len(data) + 2):
            for key in (None, lambda x: -x.k if isinstance(x, Keyed) else -x):
                for fn in ("nlargest", "nsmallest"):
                    c.same(f"{fn}({n}) {data} key={key is not None}",
                           lambda: getattr(H, fn)(n, iter(data), key=key),
                           lambda: getattr(real_heapq, fn)(n, iter(data), key=key))
                    c.same(f"{fn}({n}) list {data}",
                           lambda: getattr(H, fn)(n, data, key=key),
                           lambda: getattr(real_heapq, fn)(n, data, key=key))


def test_merge():
    for k in range(5):
        inputs = [sorted(rng.randrange(6) for _ in range(rng.randrange(6))) for _ in range(k)]
        tagged = [sorted((Keyed(rng.randrange(4), (i, j)) for j in range(rng.randrange(5))), key=lambda x: x.k)
                  for i in range(k)]
        for key in (None, lambda x: -x):
            c.same(f"merge {inputs}", lambda: list(H.merge(*inputs, key=key)),
                   lambda: list(real_heapq.merge(*inputs, key=key)))
        c.same(f"merge reverse {inputs}", lambda: list(H.merge(*[x[::-1] for x in inputs], reverse=True)),
               lambda: list(real_heapq.merge(*[x[::-1] for x in inputs], reverse=True)))
        c.same(f"merge tagged {tagged}", lambda: list(H.merge(*tagged)), lambda: list(real_heapq.merge(*tagged)))
        c.same(f"merge tagged key {tagged}", lambda: list(H.merge(*tagged, key=lambda x: x.k)),
               lambda: list(real_heapq.merge(*tagged, key=lambda x: x.k)))
        c.same(f"merge tagged reverse {tagged}",
               lambda: list(H.merge(*[t[::-1] for t in tagged], key=lambda x: x.k, reverse=True)),
               lambda: list(real_heapq.merge(*[t[::-1] for t in tagged], key=lambda x: x.k, reverse=True)))


def test_bisect():
    for data in [[], [1], [1, 1, 1], [1, 2, 2, 3, 5, 8], list(range(0, 40, 3))]:
        for x in [-1, 0, 1, 2, 3, 4, 8, 9, 100]:
            for args in [(), (0,), (1,), (2, 4), (0, None), (3, 1), (-1,), (0, -1), (0, -2), (1.0,), (0, 1.0),
                         (0, "a")]:
                for fn in ("bisect_left", "bisect_right", "bisect"):
                    c.same(f"{fn}({data}, {x}, {args})", getattr(B, fn), getattr(real_bisect, fn), data, x, *args)
                for fn in ("insort_left", "insort_right", "insort"):
                    a, b = list(data), list(data)
                    c.same(f"{fn}({data}, {x}, {args})", lambda: (getattr(B, fn)(a, x, *args), a),
                           lambda: (getattr(real_bisect, fn)(b, x, *args), b))
            keyed = [(v, str(v)) for v in data]
            for fn in ("bisect_left", "bisect_right"):
                c.same(f"{fn} key", lambda: getattr(B, fn)(keyed, x, key=lambda t: t[0]),
                       lambda: getattr(real_bisect, fn)(keyed, x, key=lambda t: t[0]))
            for fn in ("insort_left", "insort_right"):
                a, b = list(keyed), list(keyed)
                c.same(f"{fn} key", lambda: (getattr(B, fn)(a, (x, "new"), key=lambda t: t[0]), a),
                       lambda: (getattr(real_bisect, fn)(b, (x, "new"), key=lambda t: t[0]), b))
    c.same("bisect lo=None", lambda: B.bisect([1], 1, lo=None), lambda: real_bisect.bisect([1], 1, lo=None))
    c.same("insort tuple", B.insort, real_bisect.insort, (1,), 1)
    c.same("bisect int", B.bisect, real_bisect.bisect, 1, 1)


def test_keyword():
    c.eq("kwlist", K.kwlist, real_keyword.kwlist)
    c.eq("softkwlist", K.softkwlist, real_keyword.softkwlist)
    for word in real_keyword.kwlist + real_keyword.softkwlist + ["print", "", "Match", "self"]:
        c.eq(f"iskeyword {word}", K.iskeyword(word), real_keyword.iskeyword(word))
        c.eq(f"issoftkeyword {word}", K.issoftkeyword(word), real_keyword.issoftkeyword(word))
    c.eq("__all__", sorted(K.__all__), sorted(real_keyword.__all__))


for t in [test_heap_ops, test_select, test_merge, test_bisect, test_keyword]:
    c.run(t)
c.done()
