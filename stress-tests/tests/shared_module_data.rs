//! Python-level stress tests of module-level data shared by many threads.
//!
//! When the first extra thread starts, module globals of plain data types
//! (and their items) become immortal (`vm/src/modules/thread_share.rs`), so
//! readers no longer bounce their reference counts. These scripts check
//! that nothing else changes: 32 threads read module-level tables, and 32
//! threads take items out of module-level containers (the last reference
//! to each dies in a thread that did not make it), replace them and rebind
//! the globals. Each script runs free-threaded and with `--gil` through
//! `common::check_both_modes` (see `common/mod.rs`).
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 32 threads read one module-level list, dict, tuple, a class attribute and the strings in them; exact checksum, identity of shared items preserved.
#[test]
fn module_tables_read_by_32_threads() {
    check_both_modes(
        "module_tables_read_by_32_threads",
        r#"
import threading
N, ITEMS = 32, 4000
SIZE = 512
DATA = [(i * 2654435761) % 100003 for i in range(SIZE)]
KEYS = ["key%d" % i for i in range(SIZE)]
TABLE = {k: (i * 3, KEYS[i]) for i, k in enumerate(KEYS)}
class Cfg:
    WEIGHTS = [i % 7 for i in range(SIZE)]
PAIRS = tuple((k, DATA[i]) for i, k in enumerate(KEYS))
results = [0] * N
bad = []
def reader(t):
    acc = 0
    for i in range(t * ITEMS, (t + 1) * ITEMS):
        j = i % SIZE
        k, d = PAIRS[j]
        w, name = TABLE[KEYS[(j * 17) % SIZE]]
        if name is not KEYS[(j * 17) % SIZE] or d != DATA[j] or k != KEYS[j]:
            bad.append((t, i))
        acc += (d * (w & 15) + 7) % 1009 + len(TABLE.get(k)[1]) + Cfg.WEIGHTS[j]
    results[t] = acc
ts = [threading.Thread(target=reader, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
expect = 0
for i in range(N * ITEMS):
    j = i % SIZE
    w = TABLE[KEYS[(j * 17) % SIZE]][0]
    expect += (DATA[j] * (w & 15) + 7) % 1009 + len(KEYS[j]) + j % 7
print(sum(results), expect, bad)
"#,
        "62401250 62401250 []\n",
    );
}

/// 32 threads pop module-level work items, replace dict values and rebind a module-level tuple; exact totals.
#[test]
fn module_data_mutated_by_32_threads() {
    check_both_modes(
        "module_data_mutated_by_32_threads",
        r#"
import threading
# Module-level containers exist before the first thread starts; then 32
# threads take their items away (the last reference to each dies in a thread
# that did not make it), replace them and rebind the globals themselves.
N = 32
WORK = [[i, "w%d" % i, (i, i * 2)] for i in range(6400)]
SLOTS = {"s%d" % i: [i] for i in range(N)}
CONFIG = ("cfg", [1, 2, 3], {"k": "v"})
lock = threading.Lock()
taken = [0] * N
seen = [0] * N
def worker(t):
    global CONFIG
    while True:
        try:
            item = WORK.pop()
        except IndexError:
            break
        taken[t] += item[0] + len(item[1]) + item[2][1]
        del item
    key = "s%d" % t
    for r in range(200):
        old = SLOTS[key]
        SLOTS[key] = [old[0] + 1] + old[1:]
        seen[t] += len(SLOTS["s%d" % ((t + 1) % N)])
    with lock:
        CONFIG = (CONFIG[0], CONFIG[1] + [t], dict(CONFIG[2], **{"t%d" % t: t}))
ts = [threading.Thread(target=worker, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(taken), sum(i + len("w%d" % i) + 2 * i for i in range(6400)), len(WORK))
print(sorted(v[0] - i for i, v in enumerate(SLOTS[k] for k in sorted(SLOTS, key=lambda k: int(k[1:])))), sum(seen))
print(CONFIG[0], sorted(CONFIG[1]) == sorted([1, 2, 3] + list(range(N))), len(CONFIG[2]))
"#,
        "61461290 61461290 0\n[200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] 6400\ncfg True 33\n",
    );
}
