//! Python-level stress tests of lock-free `list` and `dict` reads
//! (`vm/src/object/shared_vec.rs`, `dict_keys.rs`): many threads read one
//! container without its lock while others replace items, resize, clear,
//! sort and delete, so a freed item array or a prematurely released item
//! would show up as a crash, garbage or a wrong value.
//!
//! Each script runs on the `skein` binary twice, free-threaded and with
//! `--gil` (60 s limit each), and must print exactly what CPython 3.11
//! prints, with an empty stderr and exit status 0. The scripts print only
//! totals, checks and error samples (empty when all is well), so the output
//! does not depend on scheduling.
//!
//! The binary is found as in `python_threads.rs`: `SKEIN_BIN`, else
//! `<target dir>/<profile>/skein` next to this test's `deps/` folder (build
//! it first with `cargo build -p skein-vm`, same profile and target dir).
#![cfg(not(loom))]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(60);

fn skein_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("SKEIN_BIN") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("path of the test executable");
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("test executable inside <profile>/deps");
    let bin = profile_dir.join(format!("skein{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "the skein binary is not at {} -- build it first with `cargo build -p skein-vm`, or set SKEIN_BIN",
        bin.display()
    );
    bin
}

/// Runs `skein [--gil] script`: (stdout, stderr, exit status, timed out).
fn run(script: &Path, gil: bool) -> (String, String, Option<i32>, bool) {
    let mut cmd = Command::new(skein_binary());
    if gil {
        cmd.arg("--gil");
    }
    cmd.arg(script).env_remove("PYTHON_GIL").stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start skein");
    let mut out = child.stdout.take().expect("stdout pipe");
    let mut err = child.stderr.take().expect("stderr pipe");
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait for skein") {
            break st;
        }
        if start.elapsed() > LIMIT {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait for killed skein");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (text(out_t.join().unwrap_or_default()), text(err_t.join().unwrap_or_default()), status.code(), timed_out)
}

fn check_both_modes(name: &str, source: &str, expected: &str) {
    let dir = std::env::temp_dir().join(format!("skein-lockfree-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temporary directory");
    let script = dir.join(format!("{name}.py"));
    std::fs::write(&script, source).expect("write script");
    let mut failures = Vec::new();
    for gil in [false, true] {
        let mode = if gil { "--gil" } else { "free-threaded" };
        let (stdout, stderr, status, timed_out) = run(&script, gil);
        if timed_out {
            failures.push(format!("[{mode}] killed after {LIMIT:?}; stdout:\n{stdout}\nstderr:\n{stderr}"));
        } else if stdout != expected || !stderr.is_empty() || status != Some(0) {
            failures.push(format!(
                "[{mode}] status {status:?}\n--- expected\n{expected}--- stdout\n{stdout}--- stderr\n{stderr}"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

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
