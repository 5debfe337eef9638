//! Python-level stress tests of the native `collections.deque` under threads.
//!
//! Each test writes a script to a temporary directory and runs the `skein`
//! binary on it free-threaded and with `--gil` (60 s limit each), requiring
//! exactly the expected stdout (what CPython 3.11 prints), an empty stderr
//! and exit status 0. The scripts print only totals and booleans, so the
//! output does not depend on scheduling: every `append` must land exactly
//! once and every `popleft` must return a distinct item.
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

/// Runs `skein [--gil] script`; returns (stdout, stderr, status, timed out).
fn run(script: &Path, gil: bool) -> (String, String, Option<i32>, bool) {
    let mut cmd = Command::new(skein_binary());
    if gil {
        cmd.arg("--gil");
    }
    let mut child = cmd
        .arg(script)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start skein");
    let mut out_pipe = child.stdout.take().expect("stdout pipe");
    let mut err_pipe = child.stderr.take().expect("stderr pipe");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err_pipe.read_to_end(&mut s);
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
    let text = |v: Vec<u8>| String::from_utf8_lossy(&v).into_owned();
    (text(out.join().unwrap_or_default()), text(err.join().unwrap_or_default()), status.code(), timed_out)
}

fn check_both_modes(name: &str, source: &str, expected: &str) {
    let dir = std::env::temp_dir().join(format!("skein-deque-threads-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temporary directory");
    let script = dir.join(format!("{name}.py"));
    std::fs::write(&script, source).expect("write script");
    let mut failures = Vec::new();
    for gil in [false, true] {
        let mode = if gil { "--gil" } else { "free-threaded" };
        let (stdout, stderr, status, timed_out) = run(&script, gil);
        if timed_out || stdout != expected || !stderr.is_empty() || status != Some(0) {
            failures.push(format!(
                "[{mode}] status {status:?} timed out {timed_out}\n--- expected\n{expected}--- stdout\n{stdout}--- stderr\n{stderr}"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

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
