//! Python-level stress tests of lock-free `list` and `dict` reads
//! (`vm/src/object/shared_vec.rs`, `dict_keys.rs`): many threads read one
//! container without its lock while others replace items, resize, clear,
//! sort and delete, so a freed item array or a prematurely released item
//! would show up as a crash, garbage or a wrong value.
//!
//! Each script runs free-threaded and with `--gil` through
//! `common::check_both_modes` (see `common/mod.rs`: expected output from
//! CPython 3.11, time limit, how the binary is found).
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 16 threads index and iterate one list while 4 others replace items and grow, shrink, insert into and delete from its tail (new item arrays each round); every item read must be intact.
#[test]
fn list_readers_vs_writers() {
    check_both_modes(
        "list_readers_vs_writers",
        r#"
import threading
N_READ, N_WRITE, SIZE, ROUNDS = 16, 4, 500, 300
L = [("v", i, 2 * i) for i in range(SIZE)]
start = threading.Barrier(N_READ + N_WRITE)
stop = threading.Event()
bad = []
reads = [0] * N_READ
def reader(r):
    start.wait()
    n = 0
    while True:
        for i in range(0, SIZE, 7):
            t = L[i]
            if t[1] != i or t[2] != 2 * i:
                bad.append(("index", i, t))
        for t in L:
            if t[0] != "v" or t[2] != 2 * t[1]:
                bad.append(("iter", t))
        if len(L) < SIZE:
            bad.append(("len", len(L)))
        n += 1
        if stop.is_set():
            break
    reads[r] = n
def writer(w):
    start.wait()
    for k in range(ROUNDS):
        for i in range(w, SIZE, N_WRITE):
            L[i] = ("v", i, 2 * i)          # replace: old tuple dropped
        if w == 0:
            # All length changes in one thread, so the others' indices hold.
            L.extend([("v", SIZE + j, 2 * (SIZE + j)) for j in range(200)])  # grow: new array
            del L[SIZE:]                                                       # shrink
            L.append(("v", -1, -2)); L.pop()
            L.insert(len(L), ("v", -3, -6)); L.remove(("v", -3, -6))
            L[SIZE:SIZE] = [("v", 7, 14)] * 3; del L[SIZE:SIZE + 3]
            L[SIZE:] = [("v", 1, 2)] * 50; L[SIZE::2] = [("v", 3, 6)] * 25; del L[SIZE::3]; del L[SIZE:]
        else:
            L[w] = L[w]
            if L.count(L[w]) < 1 or L.index(L[w]) != w:
                bad.append(("search", w))
ws = [threading.Thread(target=writer, args=(w,)) for w in range(N_WRITE)]
rs = [threading.Thread(target=reader, args=(r,)) for r in range(N_READ)]
for t in rs + ws: t.start()
for t in ws: t.join()
stop.set()
for t in rs: t.join()
print(len(L), L == [("v", i, 2 * i) for i in range(SIZE)], bad[:3], all(n > 0 for n in reads))
"#,
        "500 True [] True\n",
    );
}

/// 16 threads look up str and int keys of one dict (`d[k]`, `get`, `in`) while 4 others replace values, insert and delete keys (resizes) and call `setdefault`; every value read must match its key.
#[test]
fn dict_readers_vs_writers() {
    check_both_modes(
        "dict_readers_vs_writers",
        r#"
import threading
N_READ, N_WRITE, SIZE, ROUNDS = 16, 4, 400, 200
KEYS = ["k%d" % i for i in range(SIZE)]
D = {k: (k, i) for i, k in enumerate(KEYS)}
for i in range(SIZE):
    D[i] = -i
start = threading.Barrier(N_READ + N_WRITE)
stop = threading.Event()
bad = []
def reader(r):
    start.wait()
    while not stop.is_set():
        for i in range(r, SIZE, 5):
            k = KEYS[i]
            v = D[k]
            if v[0] != k or v[1] != i:
                bad.append(("get", k, v))
            if D.get(k) is None or k not in D:
                bad.append(("missing", k))
            if D[i] != -i:
                bad.append(("int", i))
            if D.get("x%d" % i, 0) not in (0, i):
                bad.append(("extra", i))
        if len(D) < 2 * SIZE:
            bad.append(("len", len(D)))
def writer(w):
    start.wait()
    for rnd in range(ROUNDS):
        for i in range(w, SIZE, N_WRITE):
            D[KEYS[i]] = (KEYS[i], i)       # replace value: old tuple dropped
        for i in range(w, SIZE, N_WRITE):
            D["x%d" % i] = i                # insert: resizes
        for i in range(w, SIZE, N_WRITE):
            del D["x%d" % i]                # delete
        if w == 0 and rnd % 10 == 0:
            E = dict(D); E.clear()
        D.setdefault("s%d" % w, w)
ws = [threading.Thread(target=writer, args=(w,)) for w in range(N_WRITE)]
rs = [threading.Thread(target=reader, args=(r,)) for r in range(N_READ)]
for t in rs + ws: t.start()
for t in ws: t.join()
stop.set()
for t in rs: t.join()
print(len(D), bad[:3], sorted(D[k] for k in ("s0", "s1", "s2", "s3")), all(D[k] == (k, i) for i, k in enumerate(KEYS)))
"#,
        "804 [] [0, 1, 2, 3] True\n",
    );
}

/// 24 threads iterate a list (forwards and reversed) and a dict while 8 others sort, reverse, replace, clear and refill them; every item seen must be intact and the final contents exact.
#[test]
fn list_dict_churn() {
    check_both_modes(
        "list_dict_churn",
        r#"
import threading
N_READ, N_WRITE, ROUNDS = 24, 8, 150
L = [(i, str(i)) for i in range(300)]
D = {str(i): (i, str(i)) for i in range(300)}
start = threading.Barrier(N_READ + N_WRITE)
stop = threading.Event()
bad = []
def ok(t):
    return type(t) is tuple and len(t) == 2 and t[1] == str(t[0])
def reader(r):
    start.wait()
    while True:
        for t in L:
            if not ok(t):
                bad.append(t)
        for t in reversed(L):
            if not ok(t):
                bad.append(t)
        for k in ("0", "17", "299", str(r)):
            v = D.get(k)
            if v is not None and (not ok(v) or v[1] != k):
                bad.append(v)
        for k, v in list(D.items()):
            if not ok(v) or v[1] != k:
                bad.append(v)
        if stop.is_set():
            break
def writer(w):
    start.wait()
    for rnd in range(ROUNDS):
        op = (rnd + w) % 6
        if op == 0:
            try:
                L.sort(key=lambda t: -t[0])
            except ValueError:  # "list modified during sort": another writer
                pass
        elif op == 1:
            L.reverse()
        elif op == 2:
            L[:] = [(i, str(i)) for i in range(300)]
        elif op == 3:
            try:
                L.sort()
            except ValueError:
                pass
        elif op == 4:
            D.clear()
            D.update({str(i): (i, str(i)) for i in range(300)})
        else:
            for i in range(0, 300, 10):
                D.pop(str(i), None)
                D[str(i)] = (i, str(i))
ws = [threading.Thread(target=writer, args=(w,)) for w in range(N_WRITE)]
rs = [threading.Thread(target=reader, args=(r,)) for r in range(N_READ)]
for t in rs + ws: t.start()
for t in ws: t.join()
stop.set()
for t in rs: t.join()
L.sort()
print(bad[:3], len(L), L == [(i, str(i)) for i in range(300)], len(D), all(D[str(i)] == (i, str(i)) for i in range(300)))
"#,
        "[] 300 True 300 True\n",
    );
}

/// 16 threads call `setdefault` on the same keys (ints and tuples, whose
/// equality takes the slow path that unlocks): it is one atomic
/// get-or-insert, so every thread gets the very object that was stored.
#[test]
fn setdefault_is_atomic() {
    check_both_modes(
        "setdefault_is_atomic",
        r#"
import threading
N, K, R = 16, 200, 20
d = {}
seen = [None] * N
start = threading.Barrier(N)
def work(t):
    start.wait()
    mine = []
    for r in range(R):
        for k in range(K):
            mine.append(d.setdefault(("k", k) if k % 2 else k, [t, k]))
    seen[t] = mine
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
agree = all(seen[t][i] is seen[0][i] for t in range(N) for i in range(K * R))
print(len(d), agree, all(d[("k", k) if k % 2 else k][1] == k for k in range(K)))
print({}.setdefault("a"), {"a": 1}.setdefault("a", 2))
"#,
        "200 True True\nNone 1\n",
    );
}
