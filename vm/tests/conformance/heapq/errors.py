# heapq: CPython 3.11's argument errors, and comparisons that raise or
# change the list while a sift runs.
import heapq


def t(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


for name in ["heappush", "heapreplace", "heappushpop", "_heapreplace_max"]:
    f = getattr(heapq, name)
    t(name + "()", f)
    t(name + "(h)", f, [])
    t(name + "(tuple)", f, (), 1)
    t(name + "(dict)", f, {}, 1)
    t(name + "(3 args)", f, [], 1, 2)
    t(name + "(kw)", f, [], item=1)
for name in ["heappop", "heapify", "_heappop_max", "_heapify_max"]:
    f = getattr(heapq, name)
    t(name + "()", f)
    t(name + "(str)", f, "abc")
    t(name + "(2 args)", f, [], 1)
    t(name + "(kw)", f, heap=[])
t("heappop empty", heapq.heappop, [])
t("heapreplace empty", heapq.heapreplace, [], 1)
t("_heappop_max empty", heapq._heappop_max, [])
t("_heapreplace_max empty", heapq._heapreplace_max, [], 1)
t("heapify empty", heapq.heapify, [])

# Items that cannot be compared.
h = [1, 2, 3]
t("push str", heapq.heappush, h, "x")
print("after", h)
h = [None, None]
t("heapify None", heapq.heapify, h)
t("pushpop None", heapq.heappushpop, [1], None)


class Boom:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        if self.n == 13 or other.n == 13:
            raise ValueError("unlucky")
        return self.n < other.n

    def __repr__(self):
        return f"B{self.n}"


h = [Boom(i) for i in range(10)]
t("push raising", heapq.heappush, h, Boom(13))
print("after", h)
t("pop raising", heapq.heappop, [Boom(0), Boom(1), Boom(13)])


class Shrinker:
    """A comparison that empties the heap it lives in."""

    heap = None

    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        if Shrinker.heap is not None:
            Shrinker.heap.clear()
        return self.n < other.n

    def __repr__(self):
        return f"S{self.n}"


h = [Shrinker(i) for i in range(5)]
Shrinker.heap = h
t("push shrinking", heapq.heappush, h, Shrinker(-1))
print("after", h)
h = [Shrinker(i) for i in range(5)]
Shrinker.heap = h
t("pop shrinking", heapq.heappop, h)
print("after", h)
h = [Shrinker(i) for i in range(8)]
Shrinker.heap = h
t("heapify shrinking", heapq.heapify, h)
h = [Shrinker(0), Shrinker(1)]
Shrinker.heap = h
t("pushpop shrinking", heapq.heappushpop, h, Shrinker(5))
print("after", h)
h = [Shrinker(9), Shrinker(10)]
Shrinker.heap = h
t("pushpop shrinking, not taken", heapq.heappushpop, h, Shrinker(5))
Shrinker.heap = None


class Grower:
    heap = None

    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        if Grower.heap is not None and len(Grower.heap) < 20:
            Grower.heap.append(Grower(100))
        return self.n < other.n

    def __repr__(self):
        return f"G{self.n}"


h = [Grower(i) for i in range(6)]
Grower.heap = h
t("replace growing", heapq.heapreplace, h, Grower(50))
print("len after", len(h))


class Swapper:
    """Same size, different items: allowed, as in CPython."""

    heap = None

    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        if Swapper.heap is not None:
            Swapper.heap.reverse()
        return self.n < other.n

    def __repr__(self):
        return f"W{self.n}"


h = [Swapper(i) for i in range(6)]
Swapper.heap = h
heapq.heappush(h, Swapper(-1))
Swapper.heap = None
print("same size", sorted(x.n for x in h), len(h))
