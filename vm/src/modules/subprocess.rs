//! `_subprocess`: starts child processes for the pure-Python `subprocess`.
//!
//! Children are started with `std::process::Command`, which is safe in a
//! multithreaded process: it uses `posix_spawn` when it can, and otherwise
//! forks and, in the child, makes only async-signal-safe calls (dup2,
//! chdir, execvp, _exit) before exec. Pipe ends come back as descriptors in
//! the `posix` table (`os.read`, `io.open(fd)` work on them).
//!
//! Each running child is kept (its `Child`) in a table keyed by pid until
//! it is reaped by `wait`/`poll`, so a pid is never signalled or waited for
//! after the kernel could have reused it.

use std::collections::HashMap;
use std::os::fd::AsFd;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::modules::posix::{clone_fd, os_error, register_file};
use crate::object::PyRef;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::small::PyBytes;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

static CHILDREN: Mutex<Option<HashMap<u32, Child>>> = Mutex::new(None);

fn with_children<R>(f: impl FnOnce(&mut HashMap<u32, Child>) -> R) -> R {
    let mut g = CHILDREN.lock().unwrap_or_else(|p| p.into_inner());
    f(g.get_or_insert_with(HashMap::new))
}

// What Python passes for a standard stream.
const INHERIT: i64 = -1;
const PIPE: i64 = -2;
const DEVNULL: i64 = -3;
const STDOUT: i64 = -4;

fn io_err(vm: &mut Vm, e: &std::io::Error, file: Option<&Value>) -> PyErr {
    os_error(vm, e, file, None)
}

fn string_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        if s.contains('\0') {
            return Err(vm.new_value_error("embedded null byte"));
        }
        return Ok(s.to_string());
    }
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        if b.data.contains(&0) {
            return Err(vm.new_value_error("embedded null byte"));
        }
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {t} ({what})")))
}

/// A `Stdio` for one of the codes above or a descriptor.
fn stdio_for(vm: &mut Vm, code: i64, slot: usize) -> PyResult<Stdio> {
    Ok(match code {
        INHERIT => Stdio::inherit(),
        PIPE => Stdio::piped(),
        DEVNULL => Stdio::null(),
        fd if fd >= 0 => {
            let owned = match fd {
                0 => std::io::stdin().as_fd().try_clone_to_owned().map(Stdio::from),
                1 => {
                    crate::modules::sys::flush_std_streams();
                    std::io::stdout().as_fd().try_clone_to_owned().map(Stdio::from)
                }
                2 => std::io::stderr().as_fd().try_clone_to_owned().map(Stdio::from),
                _ => match clone_fd(fd as i32) {
                    Some(r) => r.map(Stdio::from),
                    None => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
                },
            };
            owned.map_err(|e| io_err(vm, &e, None))?
        }
        _ => return Err(vm.new_value_error(format!("bad stdio code {code} for stream {slot}"))),
    })
}

/// `spawn(args, executable, cwd, env, stdin, stdout, stderr, new_session)`
/// -> `(pid, stdin_fd, stdout_fd, stderr_fd)` (-1 where there is no pipe).
fn sp_spawn(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "spawn", 8)?;
    let Some(argv) = a[0].as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.new_type_error("spawn: args must be a tuple"));
    };
    if argv.is_empty() {
        return Err(vm.new_value_error("args must not be empty"));
    }
    let mut strs = Vec::with_capacity(argv.len());
    for v in &argv {
        strs.push(string_arg(vm, v, "args")?);
    }
    let program = if a[1].is_none() { strs[0].clone() } else { string_arg(vm, &a[1], "executable")? };
    let mut cmd = Command::new(&program);
    {
        use std::os::unix::process::CommandExt;
        cmd.arg0(&strs[0]);
    }
    cmd.args(&strs[1..]);
    if !a[2].is_none() {
        let cwd = string_arg(vm, &a[2], "cwd")?;
        cmd.current_dir(cwd);
    }
    if let Some(env) = a[3].as_tuple().map(|t| t.to_vec()) {
        cmd.env_clear();
        for pair in env {
            let Some(kv) = pair.as_tuple().map(|t| t.to_vec()).filter(|t| t.len() == 2) else { continue };
            let k = string_arg(vm, &kv[0], "env")?;
            let v = string_arg(vm, &kv[1], "env")?;
            if k.contains('=') {
                return Err(vm.new_value_error("illegal environment variable name"));
            }
            cmd.env(k, v);
        }
    }
    let codes = [vm.index_isize(&a[4])? as i64, vm.index_isize(&a[5])? as i64, vm.index_isize(&a[6])? as i64];
    cmd.stdin(stdio_for(vm, codes[0], 0)?);
    cmd.stdout(stdio_for(vm, codes[1], 1)?);
    if codes[2] == STDOUT {
        // The child's stderr goes where its stdout goes.
        let out = match codes[1] {
            PIPE | INHERIT | DEVNULL => None,
            fd => Some(stdio_for(vm, fd, 2)?),
        };
        match (out, codes[1]) {
            (Some(s), _) => {
                cmd.stderr(s);
            }
            (None, DEVNULL) => {
                cmd.stderr(Stdio::null());
            }
            (None, INHERIT) => {
                cmd.stderr(stdio_for(vm, 1, 2)?);
            }
            // PIPE: joined below, after spawn, by a shared pipe.
            (None, _) => {}
        }
    } else {
        cmd.stderr(stdio_for(vm, codes[2], 2)?);
    }
    if vm.truthy(&a[7])? {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    // stderr=STDOUT with stdout=PIPE: one pipe for both.
    let mut joined_reader = None;
    if codes[2] == STDOUT && codes[1] == PIPE {
        let (reader, writer) = std::io::pipe().map_err(|e| io_err(vm, &e, None))?;
        let writer2 = writer.try_clone().map_err(|e| io_err(vm, &e, None))?;
        cmd.stdout(Stdio::from(writer));
        cmd.stderr(Stdio::from(writer2));
        joined_reader = Some(reader);
    }
    crate::modules::sys::flush_std_streams();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            // As CPython: the missing program (or cwd) is named.
            let name = crate::types::str::new_str(program);
            return Err(io_err(vm, &e, Some(&name)));
        }
    };
    drop(cmd);
    let pid = child.id();
    let stdin_fd = child.stdin.take().map(|p| register_file(std::fs::File::from(std::os::fd::OwnedFd::from(p))));
    let stdout_fd = match joined_reader {
        Some(r) => Some(register_file(std::fs::File::from(std::os::fd::OwnedFd::from(r)))),
        None => child.stdout.take().map(|p| register_file(std::fs::File::from(std::os::fd::OwnedFd::from(p)))),
    };
    let stderr_fd = child.stderr.take().map(|p| register_file(std::fs::File::from(std::os::fd::OwnedFd::from(p))));
    with_children(|t| t.insert(pid, child));
    let fd = |f: Option<i32>| int_from_i64(f.map(|x| x as i64).unwrap_or(-1));
    Ok(new_tuple(vec![int_from_i64(pid as i64), fd(stdin_fd), fd(stdout_fd), fd(stderr_fd)]))
}

fn exit_code(st: std::process::ExitStatus) -> i64 {
    use std::os::unix::process::ExitStatusExt;
    match (st.code(), st.signal()) {
        (Some(c), _) => c as i64,
        (None, Some(s)) => -(s as i64),
        _ => 0,
    }
}

/// Reaps the child if it has ended: `Some(returncode)`, and forgets it.
fn try_reap(pid: u32) -> Result<Option<i64>, std::io::Error> {
    with_children(|t| {
        let Some(c) = t.get_mut(&pid) else { return Err(std::io::Error::from_raw_os_error(libc::ECHILD)) };
        match c.try_wait()? {
            Some(st) => {
                t.remove(&pid);
                Ok(Some(exit_code(st)))
            }
            None => Ok(None),
        }
    })
}

fn pid_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = vm.index_isize(v)?;
    u32::try_from(n).map_err(|_| vm.new_value_error("bad pid"))
}

/// `poll(pid)` -> returncode or None.
fn sp_poll(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "poll", 1)?;
    let pid = pid_arg(vm, &a[0])?;
    match try_reap(pid) {
        Ok(Some(code)) => Ok(int_from_i64(code)),
        Ok(None) => Ok(none()),
        Err(e) => Err(io_err(vm, &e, None)),
    }
}

/// `wait(pid, timeout)` -> returncode, or None when the timeout (seconds,
/// or None for no limit) ran out. Polls with a growing pause (at most 20
/// ms), detached, running signal handlers between polls.
fn sp_wait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "wait", 2)?;
    let pid = pid_arg(vm, &a[0])?;
    let deadline = if a[1].is_none() {
        None
    } else {
        let secs = match a[1].as_float() {
            Some(f) => f,
            None => vm.index_isize(&a[1])? as f64,
        };
        Some(Instant::now() + Duration::from_secs_f64(secs.clamp(0.0, 1e9)))
    };
    let mut pause = Duration::from_micros(100);
    loop {
        match try_reap(pid) {
            Ok(Some(code)) => return Ok(int_from_i64(code)),
            Ok(None) => {}
            Err(e) => return Err(io_err(vm, &e, None)),
        }
        let mut nap = pause;
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(none());
            }
            nap = nap.min(left);
        }
        crate::signals::sleep(vm, nap)?;
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// `send_signal(pid, sig)`: only to a child not yet reaped (else nothing).
fn sp_send_signal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "send_signal", 2)?;
    let pid = pid_arg(vm, &a[0])?;
    let sig = vm.index_isize(&a[1])? as i32;
    // Checked and sent under the table's lock: the child cannot be reaped
    // (and its pid reused) in between.
    let r = with_children(|t| if t.contains_key(&pid) { Some(crate::signals::kill(pid as i32, sig)) } else { None });
    match r {
        Some(Err(errno)) if errno != libc::ESRCH => Err(io_err(vm, &std::io::Error::from_raw_os_error(errno), None)),
        _ => Ok(none()),
    }
}

/// Creates the `_subprocess` module.
pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_subprocess");
    let funcs: &[(&'static str, NativeFn)] =
        &[("spawn", sp_spawn), ("poll", sp_poll), ("wait", sp_wait), ("send_signal", sp_send_signal)];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_subprocess"));
    }
    for (name, v) in [("INHERIT", INHERIT), ("PIPE", PIPE), ("DEVNULL", DEVNULL), ("STDOUT", STDOUT)] {
        m.set_attr(name, int_from_i64(v));
    }
    m
}
