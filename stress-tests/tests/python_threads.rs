//! Python-level stress tests of threads: shared lists, dicts and sets,
//! counters under locks, queues and executors, thread churn, objects whose
//! last reference another thread drops, and the `threading` primitives.
//! Each script runs free-threaded and with `--gil` through
//! `common::check_both_modes` (see `common/mod.rs`: expected output from
//! CPython 3.11, time limit, how the binary is found).
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 16 threads append distinct ints to one list (with reads of len/ends in between); nothing lost or duplicated.
#[test]
fn shared_list_append() {
    check_both_modes(
        "shared_list_append",
        r#"
import threading
N, M = 16, 3000
shared = []
start = threading.Barrier(N)
def work(t):
    start.wait()
    base = t * M
    for i in range(M):
        shared.append(base + i)
        if i % 100 == 0:
            len(shared); shared[-1]; shared[0]
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared), sum(shared) == sum(range(N * M)), sorted(shared) == list(range(N * M)))
"#,
        "48000 True True\n",
    );
}

/// 16 threads write their own keys, overwrite one shared key, read back, read a neighbour's keys, delete some string keys and take d.copy() snapshots.
#[test]
fn shared_dict_set_get() {
    check_both_modes(
        "shared_dict_set_get",
        r#"
import threading
N, M = 16, 2000
d = {}
start = threading.Barrier(N)
errors = []
def work(t):
    start.wait()
    base = t * M
    for i in range(M):
        d[base + i] = i * 3
        d["shared"] = t
        if i % 4 == 0:
            d[str(base + i)] = t
    for i in range(M):
        if d[base + i] != i * 3:
            errors.append((t, i))
        d.get(((t + 1) % N) * M + i)
    for i in range(0, M, 4):
        del d[str(base + i)]
    snap = d.copy()
    if snap.get(base) != 0:
        errors.append(("copy", t))
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), errors, 0 <= d["shared"] < N, sum(v for k, v in d.items() if k != "shared"))
print(sum(i * 3 for i in range(M)) * N)
"#,
        "32001 [] True 95952000\n95952000\n",
    );
}

/// 16 threads add overlapping ranges (plus discard/contains) to one set; the result is the exact union.
#[test]
fn shared_set_add() {
    check_both_modes(
        "shared_set_add",
        r#"
import threading
N, M = 16, 3000
s = set()
start = threading.Barrier(N)
def work(t):
    start.wait()
    for i in range(M):
        s.add((t * 1000 + i) % (4 * M))
        if i % 7 == 0:
            s.discard(-i - 1)
            (i in s)
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
expect = set((t * 1000 + i) % (4 * M) for t in range(N) for i in range(M))
print(len(s), len(expect), s == expect)
"#,
        "12000 12000 True\n",
    );
}

/// A global counter under a Lock, a dict item and an instance attribute under a re-entered RLock.
#[test]
fn counters_under_locks() {
    check_both_modes(
        "counters_under_locks",
        r#"
import threading
N, M = 16, 5000
lock = threading.Lock()
rlock = threading.RLock()
counter = 0
box = {"n": 0}
class C:
    def __init__(self): self.n = 0
obj = C()
def work():
    global counter
    for i in range(M):
        with lock:
            counter += 1
        with rlock:
            with rlock:
                box["n"] += 1
                obj.n += 2
ts = [threading.Thread(target=work) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(counter, box["n"], obj.n)
"#,
        "80000 80000 160000\n",
    );
}

/// Producers -> bounded Queue (task_done/join) -> consumers, a SimpleQueue fan-in and a ThreadPoolExecutor (map, as_completed); every sum exact.
#[test]
fn queue_pipeline_exact_sum() {
    check_both_modes(
        "queue_pipeline_exact_sum",
        r#"
import threading, queue
from concurrent.futures import ThreadPoolExecutor, as_completed
P, C, M = 4, 4, 3000
work = queue.Queue(maxsize=64)
results = queue.Queue()
def producer(p):
    for i in range(M):
        work.put(p * M + i)
def consumer():
    total = 0
    count = 0
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        total += item * 2
        count += 1
        work.task_done()
    results.put((total, count))
cs = [threading.Thread(target=consumer) for _ in range(C)]
ps = [threading.Thread(target=producer, args=(p,)) for p in range(P)]
for t in cs + ps: t.start()
for t in ps: t.join()
work.join()
for _ in cs: work.put(None)
for t in cs: t.join()
parts = [results.get() for _ in cs]
print(sum(t for t, _ in parts), sum(c for _, c in parts), sum(range(P * M)) * 2)
sq = queue.SimpleQueue()
def sprod(p):
    for i in range(M):
        sq.put(i)
ss = [threading.Thread(target=sprod, args=(p,)) for p in range(P)]
for t in ss: t.start()
got = sum(sq.get(timeout=30) for _ in range(P * M))
for t in ss: t.join()
print(got, sum(range(M)) * P)
with ThreadPoolExecutor(max_workers=8) as ex:
    print(sum(ex.map(lambda x: x * x, range(2000))), sum(x * x for x in range(2000)))
    fs = [ex.submit(sum, range(i)) for i in range(500)]
    print(sum(f.result() for f in as_completed(fs)), sum(sum(range(i)) for i in range(500)))
"#,
        "143988000 12000 143988000\n17994000 17994000\n2664667000 2664667000\n20708500 20708500\n",
    );
}

/// 2000 short threads in batches of 50, then 200 threads never joined (the interpreter waits for them at exit).
#[test]
fn thread_creation_churn() {
    check_both_modes(
        "thread_creation_churn",
        r#"
import threading
TOTAL, BATCH = 2000, 50
hits = []
lock = threading.Lock()
def short(i):
    with lock:
        hits.append(i)
for b in range(0, TOTAL, BATCH):
    ts = [threading.Thread(target=short, args=(i,)) for i in range(b, b + BATCH)]
    for t in ts: t.start()
    for t in ts: t.join()
print(len(hits), sorted(hits) == list(range(TOTAL)), threading.active_count(), len(threading.enumerate()))
# Threads that are never joined explicitly: the interpreter waits for them at exit.
done = []
for i in range(200):
    threading.Thread(target=done.append, args=(i,)).start()
"#,
        "2000 True 1 1\n",
    );
}

/// Objects (linked nodes, a self-cycle, lists, dicts, tuples) made by 8 threads, handed through a Queue and dropped by 8 others; a list filled by 8 threads cleared by another.
#[test]
fn last_reference_dropped_by_other_thread() {
    check_both_modes(
        "last_reference_dropped_by_other_thread",
        r#"
import threading, queue
N, M = 8, 1500
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.next = nxt
        self.data = {"v": v, "items": [v] * 3}
handoff = queue.Queue()
checks = []
lock = threading.Lock()
def maker(t):
    for i in range(M):
        head = None
        for k in range(5):
            head = Node(t * M + i, head)
        # a cycle too
        head.data["self"] = head
        handoff.put((head, [head.v] * 4, {"k": str(i)}, (head, head.next)))
    handoff.put(None)
def dropper():
    total = 0
    while True:
        item = handoff.get()
        if item is None:
            break
        head, lst, dct, tup = item
        total += head.v + len(lst) + len(dct["k"]) + tup[1].v
        del item, head, lst, dct, tup  # last references die here, in another thread
    with lock:
        checks.append(total)
makers = [threading.Thread(target=maker, args=(t,)) for t in range(N)]
droppers = [threading.Thread(target=dropper) for _ in range(N)]
for t in makers + droppers: t.start()
for t in makers + droppers: t.join()
expect = sum(2 * v + 4 + len(str(i)) for t in range(N) for i in range(M) for v in [t * M + i])
print(sum(checks), expect)
# Shared container cleared by one thread while others created its items.
shared = []
def fill(t):
    for i in range(2000):
        shared.append([t, i, {"x": i}])
fs = [threading.Thread(target=fill, args=(t,)) for t in range(N)]
for t in fs: t.start()
for t in fs: t.join()
def clear():
    del shared[:]
c = threading.Thread(target=clear); c.start(); c.join()
print(len(shared))
"#,
        "144075120 144075120\n0\n",
    );
}

/// Barrier rounds, BoundedSemaphore peak, Condition producer/consumer, threading.local isolation, attribute writes on one shared instance.
#[test]
fn sync_primitives_under_contention() {
    check_both_modes(
        "sync_primitives_under_contention",
        r#"
import threading
N, ROUNDS = 16, 150
barrier = threading.Barrier(N)
log = [0] * ROUNDS
lock = threading.Lock()
def rounds(t):
    for r in range(ROUNDS):
        with lock:
            log[r] += 1
        i = barrier.wait()
        # Everyone of round r has counted before anyone leaves the barrier.
        if log[r] != N:
            print("barrier let a thread through early", r, log[r])
ts = [threading.Thread(target=rounds, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(log), N * ROUNDS)

sem = threading.BoundedSemaphore(4)
inside = [0]
peak = [0]
def limited():
    for _ in range(300):
        with sem:
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            with lock:
                inside[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(peak[0] <= 4, inside[0])

cond = threading.Condition()
box = []
taken = []
def cons():
    got = 0
    while True:
        with cond:
            cond.wait_for(lambda: box)
            item = box.pop()
        if item is None:
            break
        got += item
    with lock:
        taken.append(got)
def prod(p):
    for i in range(500):
        with cond:
            box.append(i)
            cond.notify()
cs = [threading.Thread(target=cons) for _ in range(4)]
ps = [threading.Thread(target=prod, args=(p,)) for p in range(4)]
for t in cs + ps: t.start()
for t in ps: t.join()
for _ in cs:
    with cond:
        box.insert(0, None)
        cond.notify_all()
for t in cs: t.join()
print(sum(taken), 4 * sum(range(500)))

data = threading.local()
bad = []
def loc(t):
    data.v = t
    for i in range(2000):
        data.v += 1
        if data.v != t + i + 1:
            bad.append(t)
ts = [threading.Thread(target=loc, args=(t * 100000,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(bad)

class Shared:
    pass
obj = Shared()
def attrs(t):
    name = "a%d" % t
    for i in range(2000):
        setattr(obj, name, i)
        obj.common = t
        if getattr(obj, name) != i:
            bad.append(name)
ts = [threading.Thread(target=attrs, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(bad, sorted(k for k in vars(obj) if k != "common") == sorted("a%d" % t for t in range(N)), 0 <= obj.common < N)
"#,
        "2400 2400\nTrue 0\n499000 499000\n[]\n[] True True\n",
    );
}

/// Snapshots of a dict (`list(d)`, `list(d.items())`, `tuple(d)`,
/// `sorted(d.values())`) taken while other threads insert and delete keys.
/// CPython makes each of these one atomic step (the GIL, or the dict's
/// critical section in free-threaded 3.13); Skein reads an exact dict or
/// its view in one locked step (`Vm::collect`), so none may raise
/// "dictionary changed size during iteration".
#[test]
fn dict_snapshot_while_others_write() {
    check_both_modes(
        "dict_snapshot_while_others_write",
        r#"
import threading
d = {i: i for i in range(1000)}
stop = threading.Event()
def writer(t):
    i = 0
    while not stop.is_set():
        d[("k", t, i % 500)] = i
        d.pop(("k", t, (i + 250) % 500), None)
        i += 1
ws = [threading.Thread(target=writer, args=(t,)) for t in range(2)]
for w in ws: w.start()
errors = 0
for _ in range(300):
    for f in (lambda: list(d), lambda: list(d.items()), lambda: tuple(d), lambda: sorted(d.values())):
        try:
            f()
        except RuntimeError:
            errors += 1
stop.set()
for w in ws: w.join()
print("errors:", errors)
"#,
        "errors: 0\n",
    );
}

/// Streams shared by 8 threads: writes to one StringIO, BytesIO, text file
/// and binary file lose and repeat nothing; readers sharing one binary or
/// text file get every line exactly once (`readline`, iteration). Each
/// call is atomic in CPython 3.13t (a critical section per stream); 3.11's
/// TextIOWrapper and BufferedReader.readline are not, so this is a stress
/// test with a computed expectation rather than a conformance script.
#[test]
fn shared_streams() {
    check_both_modes(
        "shared_streams",
        r#"
import io, os, tempfile, threading
N, PER = 8, 1500
def run(fn):
    ts = [threading.Thread(target=fn, args=(k,)) for k in range(N)]
    for t in ts: t.start()
    for t in ts: t.join()
def check(name, lines, n):
    print(name, len(lines) == n, len(set(lines)) == n)
sio = io.StringIO()
run(lambda k: [sio.write("%d:%d\n" % (k, i)) for i in range(PER)])
check("StringIO", sio.getvalue().splitlines(), N * PER)
bio = io.BytesIO()
run(lambda k: [bio.write(b"%d:%d\n" % (k, i)) for i in range(PER)])
check("BytesIO", bio.getvalue().splitlines(), N * PER)
fd, path = tempfile.mkstemp()
os.close(fd)
with open(path, "w") as f:
    run(lambda k: [f.write("t%d:%d\n" % (k, i)) for i in range(PER)])
with open(path, "ab") as f:
    run(lambda k: [f.write(b"b%d:%d\n" % (k, i)) for i in range(PER)])
for mode in ("rb", "r"):
    got = [[] for _ in range(N)]
    with open(path, mode) as f:
        def reader(k):
            while True:
                line = f.readline()
                if not line:
                    return
                got[k].append(line)
        run(reader)
    check("readline " + mode, [x for g in got for x in g], 2 * N * PER)
    got = [[] for _ in range(N)]
    with open(path, mode) as f:
        run(lambda k: got[k].extend(f))
    check("iteration " + mode, [x for g in got for x in g], 2 * N * PER)
os.unlink(path)
"#,
        "StringIO True True\nBytesIO True True\nreadline rb True True\niteration rb True True\nreadline r True True\niteration r True True\n",
    );
}
