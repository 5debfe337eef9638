# array.array shared by 8 threads with no lock in Python: each append,
# pop, extend, item store and slice assignment is atomic, so the counts
# below are exact.
import threading
from array import array

THREADS = 8
N = 2000
shared = array("q")
start = threading.Barrier(THREADS)


def appender(t):
    start.wait()
    for i in range(N):
        shared.append(t * N + i)
        if i % 100 == 0:
            shared.extend(array("q", [-1, -2]))


threads = [threading.Thread(target=appender, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("length", len(shared), len(shared) == THREADS * (N + 2 * (N // 100)))
values = shared.tolist()
positives = sorted(v for v in values if v >= 0)
print("every append once", positives == list(range(THREADS * N)))
print("extends intact", values.count(-1) == values.count(-2) == THREADS * (N // 100))
# Each thread's own appends keep their order.
order_ok = all(
    [v for v in values if v >= 0 and v // N == t] == list(range(t * N, (t + 1) * N)) for t in range(THREADS)
)
print("per-thread order kept", order_ok)

popped = [[] for _ in range(THREADS)]


def popper(t):
    start.wait()
    mine = popped[t]
    while True:
        try:
            mine.append(shared.pop())
        except IndexError:
            return


threads = [threading.Thread(target=popper, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
everything = sorted(v for p in popped for v in p)
print("every item popped once", everything == sorted(values), len(shared))

# Writers store whole items while readers copy: no torn values.
cells = array("Q", [0] * 64)
PATTERNS = [0x0101010101010101 * k for k in range(1, 9)]
torn = []


def writer(t):
    start.wait()
    p = PATTERNS[t]
    for i in range(3000):
        cells[i % 64] = p
        if i % 500 == 0:
            cells[0:4] = array("Q", [p] * 4)


def reader():
    for _ in range(200):
        for v in cells.tolist():
            if v != 0 and v not in PATTERNS:
                torn.append(v)


threads = [threading.Thread(target=writer, args=(t,)) for t in range(THREADS - 1)]
threads.append(threading.Thread(target=lambda: (start.wait(), reader())))
for th in threads:
    th.start()
for th in threads:
    th.join()
print("no torn items", torn == [], all(v in PATTERNS[: THREADS - 1] for v in cells))
