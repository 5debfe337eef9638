//! Ctrl-C while the main thread waits in `join()`, `Lock.acquire()`, `time.sleep()`,
//! `RLock.acquire()`, `Queue.get()` and `Condition.wait()`, in both modes.
//!
//! `interrupt/waits.py` prints a "ready" line before each wait; the driver
//! sends SIGINT 0.3 s after each one. The expected stdout, the last stderr
//! line and the way the process ended (`-2`: killed by SIGINT, as CPython
//! ends after an uncaught `KeyboardInterrupt`) come from CPython 3.11 via
//! `interrupt/regen.py`, which drives `python3` the same way.
#![allow(unsafe_code)]

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn case_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("interrupt")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `waits.py` with `args`, interrupting after each "ready" line.
/// Returns stdout, stderr and the exit status in subprocess's convention
/// (negative: the signal that ended it).
fn run_interrupted(args: &[&str]) -> (String, String, i32) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skein"));
    command
        .args(args)
        .arg("waits.py")
        .current_dir(case_dir())
        .env_remove("PYTHON_GIL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: runs in the forked child before exec; `signal` is
    // async-signal-safe and only sets this process's SIGINT disposition
    // (the test harness's own may be anything, even ignored).
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = command.spawn().expect("cannot start skein");
    let pid = child.id() as libc::pid_t;
    let mut stderr = child.stderr.take().expect("piped stderr");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    // Lines arrive through a channel so a hung child fails the test
    // instead of hanging it.
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let mut out = String::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => {
                out.push_str(&line);
                out.push('\n');
                if line.starts_with("ready") {
                    std::thread::sleep(Duration::from_millis(300));
                    // SAFETY: sends SIGINT to our own child, whose pid we
                    // hold (it is not reaped before we wait below).
                    unsafe { libc::kill(pid, libc::SIGINT) };
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("skein {args:?} hung after SIGINT; output so far:\n{out}");
            }
        }
    }
    let status = child.wait().expect("wait for skein");
    let code = status.code().unwrap_or_else(|| -status.signal().unwrap_or(0));
    (out, err_reader.join().unwrap_or_default(), code)
}

fn check_mode(args: &[&str]) {
    let want_out = read(&case_dir().join("waits.out"));
    let want = read(&case_dir().join("waits.code"));
    let mut want = want.lines();
    let want_code: i32 = want.next().and_then(|c| c.trim().parse().ok()).expect("waits.code: exit status");
    let want_last_err = want.next().expect("waits.code: last stderr line");
    let (out, err, code) = run_interrupted(args);
    assert_eq!(out, want_out, "stdout of skein {args:?}; stderr:\n{err}");
    assert_eq!(err.trim().lines().last().unwrap_or(""), want_last_err, "stderr of skein {args:?}:\n{err}");
    assert!(err.starts_with("Traceback (most recent call last):\n"), "stderr of skein {args:?}:\n{err}");
    assert_eq!(code, want_code, "exit status of skein {args:?}; stderr:\n{err}");
}

#[test]
fn ctrl_c_interrupts_every_wait_free_threaded() {
    check_mode(&[]);
}

#[test]
fn ctrl_c_interrupts_every_wait_with_gil() {
    check_mode(&["--gil"]);
}

/// Started with SIGINT ignored (a background job), Skein keeps ignoring it,
/// as CPython does: the first wait is not interrupted.
#[test]
fn ignored_sigint_stays_ignored() {
    // With SIGINT ignored the first wait (join on a thread that never
    // ends) never returns; the driver kills it after three SIGINTs.
    let (out, code) = run_with_sigint_ignored();
    assert_eq!(out, "ready: join\n", "SIGINT interrupted a process that ignores it");
    assert_eq!(code, -libc::SIGKILL, "the process should still be waiting when killed");
}

/// Runs `waits.py` with SIGINT ignored, sends three SIGINTs, then kills
/// it; returns its stdout and exit status.
fn run_with_sigint_ignored() -> (String, i32) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skein"));
    command.arg("waits.py").current_dir(case_dir()).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: as in `run_interrupted`.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_IGN);
            Ok(())
        });
    }
    let mut child = command.spawn().expect("cannot start skein");
    let pid = child.id() as libc::pid_t;
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("read the first line");
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(300));
        // SAFETY: as in `run_interrupted`.
        unsafe { libc::kill(pid, libc::SIGINT) };
    }
    std::thread::sleep(Duration::from_millis(700));
    let _ = child.kill();
    let mut rest = String::new();
    let _ = stdout.read_to_string(&mut rest);
    let status = child.wait().expect("wait for skein");
    let code = status.code().unwrap_or_else(|| -status.signal().unwrap_or(0));
    (first + &rest, code)
}
