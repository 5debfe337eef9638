//! Python-level stress tests of finalizers (`vm/src/finalize.rs`) under
//! threads: objects with `__del__` created by one thread and dropped -- last
//! reference -- by others, generators dropped suspended on other threads,
//! finalizers that resurrect. Run free-threaded and with `--gil` through
//! `common::check_both_modes`; the expected output is CPython 3.11's, and
//! every count is exact: each finalizer runs exactly once.
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 8 producer threads create objects with `__del__` and hand them over a
/// queue to 8 consumer threads, which drop the last reference (so the
/// objects die on a thread that neither owns nor created them, often after
/// their creator exited). Every `__del__` runs exactly once.
#[test]
fn del_runs_once_when_other_threads_drop_the_last_reference() {
    check_both_modes(
        "del_runs_once_when_other_threads_drop_the_last_reference",
        r#"
import threading, queue
P, C, M = 8, 8, 500
lock = threading.Lock()
seen = []
class Obj:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        with lock:
            seen.append(self.n)
q = queue.Queue()
start = threading.Barrier(P + C)
def produce(t):
    start.wait()
    for i in range(M):
        q.put(Obj(t * M + i))
def consume():
    start.wait()
    while True:
        o = q.get()
        if o is None:
            return
        o = None
ps = [threading.Thread(target=produce, args=(t,)) for t in range(P)]
cs = [threading.Thread(target=consume) for _ in range(C)]
for t in ps + cs: t.start()
for t in ps: t.join()
for _ in cs: q.put(None)
for t in cs: t.join()
print(len(seen), sorted(seen) == list(range(P * M)))
"#,
        "4000 True\n",
    );
}

/// 16 threads share a list of objects with `__del__`; each thread drops
/// its own references and a final pass drops the list: whichever thread
/// holds the last reference runs the finalizer. Half the finalizers
/// resurrect their object into a global list once; clearing that list
/// afterwards must not run them again.
#[test]
fn shared_objects_die_on_whichever_thread_drops_last() {
    check_both_modes(
        "shared_objects_die_on_whichever_thread_drops_last",
        r#"
import threading
N, M = 16, 300
lock = threading.Lock()
calls = [0] * M
kept = []
class Obj:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        with lock:
            calls[self.i] += 1
            if self.i % 2 and calls[self.i] == 1:
                kept.append(self)
def main():
    # Inside a function: module-level data becomes immortal when threads
    # start (docs/threading.md), and immortal objects are never finalized.
    objs = [Obj(i) for i in range(M)]
    start = threading.Barrier(N)
    def work(t, mine):
        start.wait()
        for k in range(len(mine)):
            mine[(k * 7 + t) % len(mine)] = None
    ts = [threading.Thread(target=work, args=(t, list(objs))) for t in range(N)]
    for t in ts: t.start()
    objs = None
    for t in ts: t.join()
main()
print(sum(calls), len(kept), all(c == 1 for c in calls))
kept.clear()
print(sum(calls), all(c == 1 for c in calls))
"#,
        "300 150 True\n300 True\n",
    );
}

/// 8 threads each drop suspended generators created by the others; every
/// generator's `finally` runs exactly once.
#[test]
fn dropped_generators_are_closed_once() {
    check_both_modes(
        "dropped_generators_are_closed_once",
        r#"
import threading
N, M = 8, 200
lock = threading.Lock()
closed = []
def gen(i):
    try:
        yield i
        yield i + 1
    finally:
        with lock:
            closed.append(i)
gens = [[] for _ in range(N)]
for t in range(N):
    for i in range(M):
        g = gen(t * M + i)
        next(g)
        gens[(t + 1) % N].append(g)
del g
start = threading.Barrier(N)
def work(t):
    mine = gens[t]
    gens[t] = None
    start.wait()
    while mine:
        mine.pop()
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(len(closed), sorted(closed) == list(range(N * M)))
"#,
        "1600 True\n",
    );
}
