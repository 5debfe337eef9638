//! Python-level stress tests of the native `collections.deque` under threads.
//!
//! Each script runs free-threaded and with `--gil` through
//! `common::check_both_modes` (see `common/mod.rs`: expected output from
//! CPython 3.11, time limit, how the binary is found). Every `append`
//! must land exactly once and every `popleft` must return a distinct item.
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 16 producers append (half on each end) while 8 consumers popleft/pop
/// until every item is taken: exact count, sum and no duplicates.
#[test]
fn deque_producers_and_consumers() {
    check_both_modes(
        "deque_producers_and_consumers",
        r#"
import threading
from collections import deque
P, C, M = 16, 8, 2000
d = deque()
start = threading.Barrier(P + C)
taken = [[] for _ in range(C)]
producers_done = threading.Event()
def produce(t):
    start.wait()
    base = t * M
    for i in range(M):
        if t % 2:
            d.append(base + i)
        else:
            d.appendleft(base + i)
def consume(c):
    start.wait()
    mine = taken[c]
    while True:
        try:
            mine.append(d.popleft() if c % 2 else d.pop())
        except IndexError:
            if producers_done.is_set() and not d:
                return
ps = [threading.Thread(target=produce, args=(t,)) for t in range(P)]
cs = [threading.Thread(target=consume, args=(c,)) for c in range(C)]
for t in ps + cs: t.start()
for t in ps: t.join()
producers_done.set()
for t in cs: t.join()
got = [x for mine in taken for x in mine]
print(len(got), len(d), sum(got) == sum(range(P * M)), sorted(got) == list(range(P * M)))
"#,
        "32000 0 True True\n",
    );
}

/// 32 threads append to one deque while others read its ends, length,
/// items and iterate it (catching "mutated during iteration"); then the
/// deque holds exactly what was appended.
#[test]
fn deque_appends_with_readers() {
    check_both_modes(
        "deque_appends_with_readers",
        r#"
import threading
from collections import deque
N, M = 32, 1000
d = deque()
start = threading.Barrier(N)
errors = []
def work(t):
    start.wait()
    base = t * M
    for i in range(M):
        d.append(base + i)
        if i % 50 == 0:
            n = len(d)
            d[0]; d[-1]; d[n // 2]
            (base + i) in d
            try:
                for x in d:
                    pass
            except RuntimeError as e:
                if str(e) != "deque mutated during iteration":
                    errors.append(e)
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), sorted(d) == list(range(N * M)), errors)
"#,
        "32000 True []\n",
    );
}

/// A bounded deque under 8 appending threads never exceeds maxlen, and
/// 8 threads rotating, popping and re-appending never lose an item.
#[test]
fn deque_bounded_and_rotating() {
    check_both_modes(
        "deque_bounded_and_rotating",
        r#"
import threading
from collections import deque
N, M = 8, 3000
b = deque(maxlen=100)
r = deque(range(1000))
start = threading.Barrier(2 * N)
over = []
def fill(t):
    start.wait()
    for i in range(M):
        b.append(i)
        if len(b) > 100:
            over.append(len(b))
def churn(t):
    start.wait()
    for i in range(M):
        r.rotate(t - 3)
        x = r.popleft()
        r.append(x)
        if i % 7 == 0:
            r.extend([r.pop()])
ts = [threading.Thread(target=fill, args=(t,)) for t in range(N)]
ts += [threading.Thread(target=churn, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(len(b), b.maxlen, over, len(r), sorted(r) == list(range(1000)))
"#,
        "100 100 [] 1000 True\n",
    );
}
