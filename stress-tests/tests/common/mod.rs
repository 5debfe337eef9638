//! The Python-script runner shared by the Python-level stress tests
//! (`python_threads.rs`, `deque_threads.rs`, `lockfree_containers.rs`,
//! `shared_module_data.rs`).
//!
//! [`check_both_modes`] writes a script to a fresh temporary directory and
//! runs the `skein` binary on it twice, free-threaded and with `--gil`, each
//! under [`LIMIT`], and requires exactly the expected stdout, an empty
//! stderr and exit status 0. The expected output is what CPython 3.11
//! prints for the same script; the scripts print only totals, sorted data,
//! error samples (empty when all is well) and booleans, so it does not
//! depend on scheduling.
//!
//! Finding the binary. Cargo hands `CARGO_BIN_EXE_skein` only to skein-vm's
//! own tests, and a dev-dependency on skein-vm would build its library, not
//! its binary. So the tests look next to their own executable, which Cargo
//! puts in `<target dir>/<profile>/deps/`: the binary is
//! `<target dir>/<profile>/skein`. That follows `CARGO_TARGET_DIR` and the
//! profile by construction. The `SKEIN_BIN` environment variable overrides
//! the search. `cargo test --workspace` builds the binary; with `cargo test
//! -p skein-stress-tests` build it first (`cargo build -p skein-vm`, same
//! profile). A missing binary fails each test with that advice rather than
//! skipping it.
//!
//! Time: each script keeps to a few seconds in a debug build on a busy
//! 2-core machine; `LIMIT` is far above that, so only a hang (or a
//! pathological slowdown) trips it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one run of one script may take before it is killed.
pub const LIMIT: Duration = Duration::from_secs(120);

fn skein_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("SKEIN_BIN") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("path of the test executable");
    // <target>/<profile>/deps/<test>-<hash> -> <target>/<profile>/skein
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("test executable inside <profile>/deps");
    let bin = profile_dir.join(format!("skein{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "the skein binary is not at {} -- build it first with `cargo build -p skein-vm` \
         (same profile and CARGO_TARGET_DIR as this test), or set SKEIN_BIN",
        bin.display()
    );
    bin
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: Option<i32>,
    timed_out: bool,
}

/// Runs `skein [--gil] script`, killing it after `LIMIT`.
fn run_script(script: &Path, gil: bool) -> Outcome {
    let mut cmd = Command::new(skein_binary());
    if gil {
        cmd.arg("--gil");
    }
    cmd.arg(script)
        .env_remove("PYTHON_GIL")
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start skein");
    // Drain both pipes on their own threads so a chatty child cannot block.
    let out_reader = drain(child.stdout.take().expect("stdout pipe"));
    let err_reader = drain(child.stderr.take().expect("stderr pipe"));
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
    let text =
        |h: std::thread::JoinHandle<Vec<u8>>| String::from_utf8_lossy(&h.join().unwrap_or_default()).into_owned();
    Outcome { stdout: text(out_reader), stderr: text(err_reader), status: status.code(), timed_out }
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = pipe.read_to_end(&mut s);
        s
    })
}

/// Writes `source` to a fresh temporary directory and checks it in both
/// modes (see the module doc).
pub fn check_both_modes(name: &str, source: &str, expected: &str) {
    let dir = std::env::temp_dir().join(format!("skein-stress-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temporary directory");
    let script = dir.join(format!("{name}.py"));
    std::fs::write(&script, source).expect("write script");
    let mut failures = Vec::new();
    for gil in [false, true] {
        let mode = if gil { "--gil" } else { "free-threaded" };
        let started = Instant::now();
        let o = run_script(&script, gil);
        let took = started.elapsed();
        if o.timed_out {
            failures
                .push(format!("[{mode}] killed after {LIMIT:?}; stdout so far:\n{}\nstderr:\n{}", o.stdout, o.stderr));
        } else if o.stdout != expected || !o.stderr.is_empty() || o.status != Some(0) {
            failures.push(format!(
                "[{mode}] status {:?} after {took:?}\n--- expected stdout\n{expected}--- actual stdout\n{}--- stderr\n{}",
                o.status, o.stdout, o.stderr
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}
