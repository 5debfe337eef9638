//! Python-level stress tests of the native `_heapq`, `_bisect` and
//! `array` modules under threads (see `common/mod.rs`: each script runs
//! free-threaded and with `--gil`; expected output from CPython 3.11).
//! Every pushed, inserted or appended item must come out exactly once.
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 16 producers push while 8 consumers pop one heap of `(priority, n)`
/// tuples (compared natively, so each call is one critical section):
/// every item is popped exactly once, and what is left is a valid heap.
#[test]
fn heapq_producers_and_consumers() {
    check_both_modes(
        "heapq_producers_and_consumers",
        r#"
import heapq, threading
P, C, M = 16, 8, 1500
heap = []
start = threading.Barrier(P + C)
taken = [[] for _ in range(C)]
done = threading.Event()
errors = []
def produce(t):
    start.wait()
    for i in range(M):
        n = t * M + i
        heapq.heappush(heap, ((n * 7919) % 1009, n))
def consume(c):
    start.wait()
    mine = taken[c]
    while True:
        try:
            if len(mine) % 5 == 4:
                mine.append(heapq.heappushpop(heap, (2000, -1))[1])
                mine.append(heapq.heappop(heap)[1])
            else:
                mine.append(heapq.heappop(heap)[1])
        except IndexError:
            if done.is_set() and not heap:
                return
        except Exception as e:
            errors.append(repr(e))
            return
ps = [threading.Thread(target=produce, args=(t,)) for t in range(P)]
cs = [threading.Thread(target=consume, args=(c,)) for c in range(C)]
for t in ps + cs: t.start()
for t in ps: t.join()
done.set()
for t in cs: t.join()
got = sorted(x for mine in taken for x in mine if x >= 0)
print(errors, got == list(range(P * M)), len(heap) == 0 or heap[0] == (2000, -1))
"#,
        "[] True True\n",
    );
}

/// 16 threads `insort` distinct ints into one list while 4 others
/// repeatedly pop half of it and put it back (each pop and the extend
/// atomic): every insert lands exactly once (an `insort` of ints is one
/// critical section under the list's lock, so it never reads past a
/// shrinking list's end) and the only error a search with `hi` beyond the
/// end sees is IndexError.
#[test]
fn bisect_insort_while_shrinking() {
    check_both_modes(
        "bisect_insort_while_shrinking",
        r#"
import bisect, threading
N, M = 16, 800
shared = []
start = threading.Barrier(N + 4)
kinds = set()
def insert(t):
    start.wait()
    for i in range(M):
        bisect.insort(shared, i * N + t)
        try:
            bisect.bisect_left(shared, i, 0, len(shared) + 5)
        except IndexError as e:
            kinds.add(str(e))
def churn():
    start.wait()
    for r in range(300):
        held = []
        try:
            for _ in range(len(shared) // 2):
                held.append(shared.pop())
        except IndexError:
            pass
        shared.extend(held)
        if r % 50 == 0:
            shared.sort()
ts = [threading.Thread(target=insert, args=(t,)) for t in range(N)]
ts += [threading.Thread(target=churn) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared), sorted(shared) == list(range(N * M)), kinds <= {"list index out of range"})
"#,
        "12800 True True\n",
    );
}

/// 16 threads append to one array while 8 pop from it: every value is
/// either still in the array or popped once.
#[test]
fn array_appends_and_pops() {
    check_both_modes(
        "array_appends_and_pops",
        r#"
import threading
from array import array
P, C, M = 16, 8, 2000
a = array("l")
start = threading.Barrier(P + C)
taken = [[] for _ in range(C)]
def produce(t):
    start.wait()
    for i in range(M):
        a.append(t * M + i)
        if i % 200 == 0:
            a.extend(array("l", [-1]))
def consume(c):
    start.wait()
    mine = taken[c]
    for _ in range(M):
        try:
            mine.append(a.pop(0 if c % 2 else -1))
        except IndexError:
            pass
ts = [threading.Thread(target=produce, args=(t,)) for t in range(P)]
ts += [threading.Thread(target=consume, args=(c,)) for c in range(C)]
for t in ts: t.start()
for t in ts: t.join()
everything = a.tolist() + [x for mine in taken for x in mine]
print(sorted(x for x in everything if x >= 0) == list(range(P * M)), everything.count(-1) == P * (M // 200))
"#,
        "True True\n",
    );
}
