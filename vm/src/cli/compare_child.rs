//! One measured run of the script: Skein re-executes itself as a child
//! process (free-threaded, or with `--gil`) and reports wall-clock time and
//! the child's user and system CPU time.
//!
//! CPU time comes from this process's `cutime`/`cstime` in
//! `/proc/self/stat` (times of waited-for children, clock ticks of 10 ms),
//! read before the child starts and after it has been waited for. Runs are
//! strictly sequential, so the difference belongs to that one child (and
//! whatever it waited for itself). No `unsafe` is needed for that, unlike
//! `wait4`, at the price of a 10 ms resolution.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Which interpreter mode a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    FreeThreaded,
    Gil,
}

impl Mode {
    /// The name used in the table, the JSON and the charts.
    pub fn name(self) -> &'static str {
        match self {
            Mode::FreeThreaded => "free-threaded",
            Mode::Gil => "gil",
        }
    }
}

/// What one run measured (seconds).
#[derive(Debug, Clone, Copy, Default)]
pub struct Sample {
    pub wall: f64,
    pub user: f64,
    pub sys: f64,
}

impl Sample {
    pub fn cpu(&self) -> f64 {
        self.user + self.sys
    }
}

/// A run that did not exit with status 0.
pub struct Failure {
    /// How it ended: "exit status 3", "signal 9", "cannot start: ...".
    pub how: String,
    pub stderr: String,
}

/// The finished child's output and times.
pub struct Finished {
    pub sample: Sample,
    pub stdout: String,
    pub stderr: String,
}

/// What to run: the script, its arguments, and `-X` options for Skein.
pub struct Job<'a> {
    pub script: &'a str,
    pub args: &'a [String],
    pub x_options: &'a [String],
}

/// Run `exe [--gil] [-X opt]... script args...` with `SKEIN_THREADS=threads`
/// (when given) and wait for it. Stdout and stderr are captured; stdin is
/// empty.
pub fn run_once(exe: &Path, mode: Mode, job: &Job<'_>, threads: Option<u32>) -> Result<Finished, Failure> {
    let mut cmd = Command::new(exe);
    if mode == Mode::Gil {
        cmd.arg("--gil");
    }
    for x in job.x_options {
        cmd.arg("-X").arg(x);
    }
    cmd.arg(job.script).args(job.args);
    // The mode is chosen by the flag alone: an inherited PYTHON_GIL=1 would
    // turn the free-threaded runs into GIL runs.
    cmd.env_remove("PYTHON_GIL");
    match threads {
        Some(t) => cmd.env("SKEIN_THREADS", t.to_string()),
        None => cmd.env_remove("SKEIN_THREADS"),
    };
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let before = children_cpu();
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| Failure { how: format!("cannot start {}: {e}", exe.display()), stderr: String::new() })?;
    // Both pipes are drained at once so that a chatty child never blocks on
    // a full pipe while we wait for the other one.
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let mut out = Vec::new();
    let _ = out_pipe.read_to_end(&mut out);
    let status = child.wait();
    let wall = start.elapsed().as_secs_f64();
    let after = children_cpu();
    let err = err_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err).into_owned();
    let status =
        status.map_err(|e| Failure { how: format!("cannot wait for the child: {e}"), stderr: stderr.clone() })?;
    if !status.success() {
        use std::os::unix::process::ExitStatusExt;
        let how = match (status.code(), status.signal()) {
            (Some(c), _) => format!("exit status {c}"),
            (None, Some(s)) => format!("signal {s}"),
            (None, None) => "unknown status".to_string(),
        };
        return Err(Failure { how, stderr });
    }
    let sample = Sample { wall, user: (after.0 - before.0).max(0.0), sys: (after.1 - before.1).max(0.0) };
    Ok(Finished { sample, stdout: String::from_utf8_lossy(&out).into_owned(), stderr })
}

/// User and system seconds of this process's waited-for children.
fn children_cpu() -> (f64, f64) {
    // USER_HZ: /proc reports clock ticks of 1/100 s on every Linux.
    const TICKS_PER_SEC: f64 = 100.0;
    let Ok(text) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0.0);
    };
    // Fields after the parenthesised command name start at field 3;
    // cutime and cstime are fields 16 and 17 (proc(5)).
    let Some((_, rest)) = text.rsplit_once(')') else {
        return (0.0, 0.0);
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (field(16) / TICKS_PER_SEC, field(17) / TICKS_PER_SEC)
}
