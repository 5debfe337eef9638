# heapq on one heap shared by 8 threads, with no lock in Python.
#
# Ints compare natively, so each heappush/heappop is one atomic step: every
# pushed item is popped exactly once, a pop never finds the heap empty (its
# own thread pushed first), and the heap stays a valid heap throughout.
# Items with a Python __lt__ release the list between comparisons: then a
# concurrent change may raise RuntimeError (as CPython's C code does when
# the size changes under it), and a pop that fails after taking its item
# loses that item, as in CPython; nothing else is lost or duplicated.
import heapq
import threading

THREADS = 8
N = 1500

heap = []
popped = [[] for _ in range(THREADS)]
errors = []
start = threading.Barrier(THREADS)


def worker(t):
    start.wait()
    mine = popped[t]
    base = t * N
    try:
        for i in range(N):
            heapq.heappush(heap, base + i)
            if i % 3 != 0:
                mine.append(heapq.heappop(heap))
            if i % 50 == 0:
                mine.append(heapq.heappushpop(heap, base + i + N * THREADS))
                heapq.heappush(heap, heapq.heapreplace(heap, -1 - base - i))
                mine.append(heapq.heappop(heap))
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("errors", errors)
print("valid heap", all(heap[(i - 1) // 2] <= heap[i] for i in range(1, len(heap))))
rest = [heapq.heappop(heap) for _ in range(len(heap))]
print("rest sorted", rest == sorted(rest))
everything = sorted(rest + [x for p in popped for x in p])
pushed = []
for t in range(THREADS):
    for i in range(N):
        pushed.append(t * N + i)
        if i % 50 == 0:
            pushed.append(t * N + i + N * THREADS)
            pushed.append(-1 - t * N - i)
print("each item exactly once", everything == sorted(pushed), len(everything))


class Item:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n


heap = []
counts = [[0, 0, 0] for _ in range(THREADS)]  # pushed, popped, pops lost to errors
seen = [set() for _ in range(THREADS)]
kinds = set()
M = 300


def obj_worker(t):
    start.wait()
    c = counts[t]
    for i in range(M):
        try:
            c[0] += 1
            heapq.heappush(heap, Item(t * M + i))
        except RuntimeError as e:
            kinds.add(str(e))
        if i % 2:
            try:
                x = heapq.heappop(heap)
                c[1] += 1
                seen[t].add(x.n)
            except RuntimeError as e:
                c[2] += 1
                kinds.add(str(e))
            except IndexError as e:
                kinds.add("IndexError " + str(e))


threads = [threading.Thread(target=obj_worker, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
pushed = sum(c[0] for c in counts)
popped_n = sum(c[1] for c in counts)
lost = sum(c[2] for c in counts)
all_seen = set().union(*seen)
print("objects accounted", pushed == popped_n + lost + len(heap), pushed)
print("no duplicates", len(all_seen) == popped_n and not (all_seen & {x.n for x in heap}))
print("error kinds ok", kinds <= {"list changed size during iteration", "IndexError index out of range"})
