# heapq: the native primitives leave lists in exactly CPython's order.
import heapq
import _heapq
import random

rng = random.Random(12345)

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
    heapq.heappush(h, x)
print("pushed", h)
print("pops", [heapq.heappop(h) for _ in range(4)], h)
print("replace", heapq.heapreplace(h, 4), h)
print("pushpop small", heapq.heappushpop(h, -1), h)
print("pushpop big", heapq.heappushpop(h, 10), h)
print("pushpop empty", heapq.heappushpop([], 3))

data = [rng.randrange(1000) for _ in range(200)]
h = list(data)
heapq.heapify(h)
print("heapify head", h[:20])
print("sorted by pops", [heapq.heappop(h) for _ in range(len(h))] == sorted(data))

# Large lists: CPython uses a cache-friendly visiting order; same result.
big = [rng.randrange(10**6) for _ in range(5000)]
h = list(big)
heapq.heapify(h)
print("big heapify checksum", sum(i * v for i, v in enumerate(h)) % 1000003)
print("big is heap", all(h[(i - 1) // 2] <= h[i] for i in range(1, len(h))))

# Floats, mixed ints and floats, strings, tuples (native comparisons).
h = []
for x in [2.5, 1, -0.5, 3, 1.0, float("inf"), -2, 0.0]:
    heapq.heappush(h, x)
print("mixed", h, [heapq.heappop(h) for _ in range(3)])
h = ["pear", "apple", "fig", "banana", "cherry", "\u00e9clair", "date"]
heapq.heapify(h)
print("strs", h)
h = [(3, "c"), (1, "z"), (1, "a"), (2, "b"), (0, "q", 1), (0, "q")]
heapq.heapify(h)
print("tuples", h, heapq.heappop(h), heapq.heappop(h))
nan = float("nan")
h = [3, nan, 1, 2]
heapq.heapify(h)
print("nan", h)
h = [(1, nan), (1, nan), (0, 5)]
heapq.heapify(h)
print("nan tuples", h)


class Task:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name

    def __lt__(self, other):
        return self.prio < other.prio

    def __repr__(self):
        return f"T{self.prio}{self.name}"


h = []
for i, p in enumerate([4, 2, 9, 2, 7, 1, 5]):
    heapq.heappush(h, Task(p, chr(97 + i)))
print("objects", h)
print("objects pop", heapq.heappop(h), heapq.heappop(h), h)
# (priority, counter, task): the counter decides before the task is compared.
h = []
for i, p in enumerate([3, 1, 3, 1, 2]):
    heapq.heappush(h, (p, i, Task(p, "x")))
print("entries", [heapq.heappop(h)[:2] for _ in range(5)])

# Max-heap helpers (used by merge(reverse=True) and nsmallest).
h = [rng.randrange(100) for _ in range(30)]
heapq._heapify_max(h)
print("max heapify", h)
print("max pop", heapq._heappop_max(h), heapq._heappop_max(h), h[:5])
print("max replace", heapq._heapreplace_max(h, 50), h[:5])
print("max pop one", heapq._heappop_max([7]))

print("merge", list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print("merge rev", list(heapq.merge([9, 5, 1], [8, 4], [7, 3, 2], reverse=True)))
print("merge key", list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print("nsmallest", heapq.nsmallest(5, data), heapq.nsmallest(3, data, key=lambda v: -v))
print("nlargest", heapq.nlargest(5, data), heapq.nlargest(3, data, key=lambda v: v % 7))

# List subclasses are heaps too (their own append is not used).
class L(list):
    def append(self, x):
        raise AssertionError("not called")


s = L([5, 1, 4])
heapq.heapify(s)
heapq.heappush(s, 0)
print("subclass", s, type(s).__name__)

print("module", sorted(n for n in dir(_heapq) if not n.startswith("__")))
print("same objects", heapq.heappush is _heapq.heappush, heapq._heappop_max is _heapq._heappop_max)
print("repr", repr(_heapq.heappush), _heapq.heappush.__name__)
print("doc", _heapq.__doc__.splitlines()[0])
