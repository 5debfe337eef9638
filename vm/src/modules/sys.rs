//! The `sys` module, and the standard streams behind `sys.stdout`,
//! `sys.stderr` and `sys.stdin`.
//!
//! Streams: `PyStdStream` objects are thin handles; the data of each
//! process stream lives in one static `StreamState`:
//! - `buf` collects written text. It is only ever held for a copy, so
//!   attached threads may block on it briefly without stalling a
//!   stop-the-world for long.
//! - `io` serialises the OS writes, in the order the data left `buf`. It is
//!   taken only by *detached* threads (or at exit, with no `Vm`), and a
//!   thread holding it never attaches, so it cannot deadlock with a
//!   stop-the-world or the GIL.
//!
//! stdout is block-buffered (8 KiB) unless it is a terminal, where it is
//! line-buffered, or `PYTHONUNBUFFERED` is set, where it writes through, as
//! CPython's; stderr is written through on every call.
//! `flush_std_streams` must run before the process exits.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::sync::OnceLock;

use skein_threading::sync::Mutex;

use crate::builtins::numeric::{float_arg, index_bigint};
use crate::builtins::structseq::{new_struct_seq, new_struct_seq_type};
use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_methods, new_function, NativeFn};
use crate::intern::intern;
use crate::object::{PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::exceptions::{e_set_attr, exc, new_exception, PyBaseException};
use crate::types::float::new_float;
use crate::types::int::{int_from_i64, PyInt};
use crate::types::list::{new_list, PyList};
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{Config, PyErr, PyResult, Vm};

pub static STD_STREAM_TYPE: TypeCell = TypeCell::new();

/// The version string `sys.version` reports.
pub const VERSION_STRING: &str = "3.11.7 (Skein 0.1.0, free-threaded) [rustc]";

/// Buffered stdout is written out once this much text is pending.
const BUFFER_LIMIT: usize = 8192;

// ---- the standard streams ------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StreamKind {
    Stdin,
    Stdout,
    Stderr,
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr`: a text stream over a process
/// stream (UTF-8, `\n` newlines).
pub struct PyStdStream {
    pub kind: StreamKind,
}

impl PyPayload for PyStdStream {
    fn class() -> &'static PyRef<PyType> {
        STD_STREAM_TYPE.get()
    }
}

struct StreamState {
    buf: Mutex<Vec<u8>>,
    io: Mutex<()>,
}

fn stream_state(kind: StreamKind) -> &'static StreamState {
    static STDOUT: OnceLock<StreamState> = OnceLock::new();
    static STDERR: OnceLock<StreamState> = OnceLock::new();
    let cell = if kind == StreamKind::Stderr { &STDERR } else { &STDOUT };
    cell.get_or_init(|| StreamState { buf: Mutex::new(Vec::new()), io: Mutex::new(()) })
}

/// Whether stdout is a terminal (then it is line-buffered).
fn stdout_is_tty() -> bool {
    static TTY: OnceLock<bool> = OnceLock::new();
    *TTY.get_or_init(|| std::io::stdout().is_terminal())
}

/// Whether stdout writes through (`PYTHONUNBUFFERED` set to a non-empty
/// string, as CPython's `-u`).
fn stdout_write_through() -> bool {
    static WRITE_THROUGH: OnceLock<bool> = OnceLock::new();
    *WRITE_THROUGH.get_or_init(|| std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()))
}

/// Appends `s` to a process output stream, writing it out when the
/// buffering policy says so. `vm` (when given) is detached during the OS
/// write.
pub fn stream_write(vm: Option<&Vm>, kind: StreamKind, s: &str) {
    let st = stream_state(kind);
    let write_now = {
        let mut b = st.buf.lock();
        b.extend_from_slice(s.as_bytes());
        kind == StreamKind::Stderr
            || stdout_write_through()
            || b.len() >= BUFFER_LIMIT
            || (stdout_is_tty() && s.contains('\n'))
    };
    if write_now {
        flush_stream(vm, kind);
    }
}

/// Writes out what is pending on a process output stream.
pub fn flush_stream(vm: Option<&Vm>, kind: StreamKind) {
    let st = stream_state(kind);
    if st.buf.lock().is_empty() {
        return;
    }
    if let Some(vm) = vm {
        vm.thread.detach();
    }
    {
        let _order = st.io.lock();
        let data = std::mem::take(&mut *st.buf.lock());
        // Errors (a closed pipe) are dropped, as there is nowhere to
        // report them.
        if kind == StreamKind::Stderr {
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(&data);
            let _ = e.flush();
        } else {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&data);
            let _ = o.flush();
        }
    }
    if let Some(vm) = vm {
        vm.thread.attach();
    }
}

/// Writes out stdout and stderr; called at exit and before tracebacks.
pub fn flush_std_streams() {
    flush_stream(None, StreamKind::Stdout);
    flush_stream(None, StreamKind::Stderr);
}

/// Reads one line (with its `\n`) from the process stdin; "" at EOF.
/// Lines split at `\n` only, as CPython's stdin on POSIX (no newline
/// translation).
pub fn stdin_readline(vm: &Vm, limit: Option<usize>) -> std::io::Result<String> {
    vm.thread.detach();
    let mut buf = Vec::new();
    let r = {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        match limit {
            None => lock.read_until(b'\n', &mut buf),
            Some(n) => read_line_limited(&mut lock, &mut buf, n),
        }
    };
    vm.thread.attach();
    r?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// Reads up to `n` bytes, stopping after a newline.
fn read_line_limited(r: &mut impl BufRead, buf: &mut Vec<u8>, n: usize) -> std::io::Result<usize> {
    while buf.len() < n {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            break;
        }
        let want = (n - buf.len()).min(avail.len());
        let chunk = &avail[..want];
        match chunk.iter().position(|&b| b == b'\n') {
            Some(p) => {
                buf.extend_from_slice(&chunk[..=p]);
                r.consume(p + 1);
                break;
            }
            None => {
                buf.extend_from_slice(chunk);
                r.consume(want);
            }
        }
    }
    Ok(buf.len())
}

/// Reads the rest of the process stdin.
fn stdin_read_all(vm: &Vm) -> std::io::Result<String> {
    vm.thread.detach();
    let mut buf = Vec::new();
    let r = std::io::stdin().lock().read_to_end(&mut buf);
    vm.thread.attach();
    r?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

fn stream_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyStdStream> {
    match v.downcast_ref::<PyStdStream>() {
        Some(s) => Ok(s),
        None => Err(vm.new_type_error("descriptor requires a standard stream object")),
    }
}

fn stream_name(kind: StreamKind) -> &'static str {
    match kind {
        StreamKind::Stdin => "<stdin>",
        StreamKind::Stdout => "<stdout>",
        StreamKind::Stderr => "<stderr>",
    }
}

fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    vm.new_os_error(what.to_string())
}

fn stream_write_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "write", 2)?;
    let s = stream_of(vm, &a[0])?;
    let Some(text) = a[1].downcast_ref::<PyStr>() else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("write() argument must be str, not {t}")));
    };
    if s.kind == StreamKind::Stdin {
        return Err(unsupported(vm, "not writable"));
    }
    stream_write(Some(vm), s.kind, text.as_str());
    Ok(int_from_i64(text.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "flush", 1)?;
    let s = stream_of(vm, &a[0])?;
    if s.kind != StreamKind::Stdin {
        flush_stream(Some(vm), s.kind);
    }
    Ok(none())
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            let n = vm.index_isize(v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn stream_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "readline", 1, 2)?;
    let s = stream_of(vm, &a[0])?;
    if s.kind != StreamKind::Stdin {
        return Err(unsupported(vm, "not readable"));
    }
    let limit = size_arg(vm, a.get(1))?;
    flush_stream(Some(vm), StreamKind::Stdout);
    match stdin_readline(vm, limit) {
        Ok(line) => Ok(new_str(line)),
        Err(e) => Err(vm.new_os_error(e.to_string())),
    }
}

fn stream_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "read", 1, 2)?;
    let s = stream_of(vm, &a[0])?;
    if s.kind != StreamKind::Stdin {
        return Err(unsupported(vm, "not readable"));
    }
    let limit = size_arg(vm, a.get(1))?;
    flush_stream(Some(vm), StreamKind::Stdout);
    let r = match limit {
        None => stdin_read_all(vm),
        Some(n) => {
            // Read whole lines until `n` characters are collected.
            let mut out = String::new();
            loop {
                let left = n.saturating_sub(out.chars().count());
                if left == 0 {
                    break;
                }
                match stdin_readline(vm, Some(left)) {
                    Ok(l) if l.is_empty() => break,
                    Ok(l) => out.push_str(&l),
                    Err(e) => return Err(vm.new_os_error(e.to_string())),
                }
            }
            Ok(out)
        }
    };
    match r {
        Ok(s) => Ok(new_str(s)),
        Err(e) => Err(vm.new_os_error(e.to_string())),
    }
}

fn stream_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "readlines", 1, 2)?;
    let s = stream_of(vm, &a[0])?;
    if s.kind != StreamKind::Stdin {
        return Err(unsupported(vm, "not readable"));
    }
    flush_stream(Some(vm), StreamKind::Stdout);
    let mut lines = Vec::new();
    loop {
        match stdin_readline(vm, None) {
            Ok(l) if l.is_empty() => break,
            Ok(l) => lines.push(new_str(l)),
            Err(e) => return Err(vm.new_os_error(e.to_string())),
        }
    }
    Ok(new_list(lines))
}

fn stream_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__iter__", 1)?;
    Ok(a[0].clone())
}

fn stream_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let line = stream_readline(vm, args)?;
    if line.as_str().is_some_and(str::is_empty) {
        return Err(vm.new_stop_iteration(None));
    }
    Ok(line)
}

fn stream_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "isatty", 1)?;
    let s = stream_of(vm, &a[0])?;
    Ok(bool_value(match s.kind {
        StreamKind::Stdin => std::io::stdin().is_terminal(),
        StreamKind::Stdout => stdout_is_tty(),
        StreamKind::Stderr => std::io::stderr().is_terminal(),
    }))
}

fn stream_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "fileno", 1)?;
    let s = stream_of(vm, &a[0])?;
    Ok(int_from_i64(match s.kind {
        StreamKind::Stdin => 0,
        StreamKind::Stdout => 1,
        StreamKind::Stderr => 2,
    }))
}

fn stream_readable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "readable", 1)?;
    let s = stream_of(vm, &a[0])?;
    Ok(bool_value(s.kind == StreamKind::Stdin))
}

fn stream_writable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "writable", 1)?;
    let s = stream_of(vm, &a[0])?;
    Ok(bool_value(s.kind != StreamKind::Stdin))
}

fn stream_false(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "seekable", 1)?;
    Ok(bool_value(false))
}

fn stream_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    // The process streams stay open; closing only flushes.
    stream_flush(vm, args)
}

fn stream_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let s = stream_of(vm, &a[0])?;
    let mode = if s.kind == StreamKind::Stdin { "r" } else { "w" };
    Ok(new_str(format!("<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>", stream_name(s.kind))))
}

fn stream_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__enter__", 1)?;
    Ok(a[0].clone())
}

fn stream_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Ok(none());
    };
    if let Some(st) = s.downcast_ref::<PyStdStream>() {
        if st.kind != StreamKind::Stdin {
            flush_stream(Some(vm), st.kind);
        }
    }
    Ok(none())
}

fn get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = stream_of(vm, v)?;
    Ok(new_str(stream_name(s.kind)))
}

fn get_mode(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = stream_of(vm, v)?;
    Ok(new_str(if s.kind == StreamKind::Stdin { "r" } else { "w" }))
}

fn get_encoding(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_str("utf-8"))
}

fn get_errors(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = stream_of(vm, v)?;
    Ok(new_str(if s.kind == StreamKind::Stderr { "backslashreplace" } else { "strict" }))
}

fn get_false(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(bool_value(false))
}

fn get_line_buffering(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = stream_of(vm, v)?;
    Ok(bool_value(s.kind == StreamKind::Stdout && stdout_is_tty()))
}

fn get_newlines(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(none())
}

/// Creates the stream type (idempotent).
fn init_stream_type() {
    if STD_STREAM_TYPE.is_set() {
        return;
    }
    let object = crate::types::builtin_types().object;
    let t = PyType::new_builtin::<PyStdStream>("TextIOWrapper", Some(object), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(intern("__module__"), new_str("_io"));
    let methods: &[(&'static str, NativeFn)] = &[
        ("write", stream_write_method),
        ("flush", stream_flush),
        ("readline", stream_readline),
        ("read", stream_read),
        ("readlines", stream_readlines),
        ("isatty", stream_isatty),
        ("fileno", stream_fileno),
        ("readable", stream_readable),
        ("writable", stream_writable),
        ("seekable", stream_false),
        ("close", stream_close),
        ("__iter__", stream_iter),
        ("__next__", stream_next),
        ("__repr__", stream_repr),
        ("__enter__", stream_enter),
        ("__exit__", stream_exit),
    ];
    add_methods(&t, methods);
    add_getset(&t, "name", get_name, None);
    add_getset(&t, "mode", get_mode, None);
    add_getset(&t, "encoding", get_encoding, None);
    add_getset(&t, "errors", get_errors, None);
    add_getset(&t, "closed", get_false, None);
    add_getset(&t, "line_buffering", get_line_buffering, None);
    add_getset(&t, "newlines", get_newlines, None);
    STD_STREAM_TYPE.set(t);
}

fn new_stream(kind: StreamKind) -> Value {
    PyRef::new(PyStdStream { kind }).into_value()
}

/// Writes `s` to a file object: straight into the process stream for the
/// standard streams, else through its `write` method.
pub fn write_to(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    if let Some(st) = file.downcast_ref::<PyStdStream>() {
        if !file.class().is_heap_type() && st.kind != StreamKind::Stdin {
            stream_write(Some(vm), st.kind, s);
            return Ok(());
        }
    }
    vm.call_method(file, "write", &[new_str(s)])?;
    Ok(())
}

/// `sys.<name>` if `sys` exists and has it.
pub fn sys_attr(name: &str) -> Option<Value> {
    if !crate::vm::interp_ready() {
        return None;
    }
    crate::vm::interp().sys.get_attr(name)
}

// ---- sys functions ----------------------------------------------------------------

/// `sys.displayhook(value)`: prints `repr(value)` to `sys.stdout` and keeps
/// it in `builtins._`; does nothing for `None`.
pub fn displayhook(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let builtins = if crate::vm::interp_ready() { Some(crate::vm::interp().builtins.clone()) } else { None };
    // Cleared first so that the repr cannot see (and recurse into) itself.
    if let Some(b) = &builtins {
        b.set_attr("_", none());
    }
    let text = vm.repr_string(v)?;
    match sys_attr("stdout") {
        Some(out) if !out.is_none() => {
            write_to(vm, &out, &text)?;
            write_to(vm, &out, "\n")?;
        }
        Some(_) => return Err(vm.new_runtime_error("lost sys.stdout")),
        None => {
            stream_write(Some(vm), StreamKind::Stdout, &text);
            stream_write(Some(vm), StreamKind::Stdout, "\n");
        }
    }
    if let Some(b) = &builtins {
        b.set_attr("_", v.clone());
    }
    Ok(())
}

fn sys_displayhook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "displayhook", 1)?;
    displayhook(vm, &a[0])?;
    Ok(none())
}

/// `sys.excepthook(type, value, traceback)`: prints the traceback to
/// `sys.stderr`.
fn sys_excepthook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "excepthook", 3)?;
    let text = match a[1].downcast::<PyBaseException>() {
        Some(e) => {
            if let Some(tb) = a.get(2).filter(|t| !t.is_none()) {
                e.set_traceback(Some(tb.clone()));
            }
            crate::interp::traceback::format_exception(vm, &e)
        }
        None => {
            let t = a[1].class().name();
            format!("TypeError: print_exception(): Exception expected for value, {t} found\n")
        }
    };
    match sys_attr("stderr") {
        Some(err) if !err.is_none() => write_to(vm, &err, &text)?,
        _ => stream_write(Some(vm), StreamKind::Stderr, &text),
    }
    Ok(none())
}

/// `sys.exit([status])`: raises `SystemExit(status)`.
fn sys_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "exit", 0, 1)?;
    // `sys.exit(None)` raises `SystemExit()` with no arguments, as CPython's
    // `PyErr_SetObject(PyExc_SystemExit, Py_None)`.
    let args: Vec<Value> = a.iter().filter(|v| !v.is_none()).cloned().collect();
    let e = new_exception(&exc().system_exit, args);
    e_set_attr(&e, "code", a.first().cloned().unwrap_or_else(none));
    Err(PyErr(e))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled, or three `None`s.
fn sys_exc_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "exc_info", 0)?;
    match vm.current_handled().filter(|e| !e.is_none()) {
        None => Ok(new_tuple(vec![none(), none(), none()])),
        Some(e) => {
            let tb = e.downcast_ref::<PyBaseException>().and_then(|x| x.traceback()).unwrap_or_else(none);
            let t = e.class().to_value();
            Ok(new_tuple(vec![t, e, tb]))
        }
    }
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getrecursionlimit", 0)?;
    Ok(int_from_i64(crate::interp::eval::recursion_limit() as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setrecursionlimit", 1)?;
    if a[0].as_float().is_some() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = index_bigint(vm, &a[0])?;
    let Some(n) = num_traits::ToPrimitive::to_i32(&n) else {
        return Err(vm.new_overflow_error("Python int too large to convert to C int"));
    };
    if n < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        return Err(vm.new_exception_msg(
            &exc().recursion_error,
            format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.depth),
        ));
    }
    crate::interp::eval::set_recursion_limit(n as usize);
    Ok(none())
}

fn sys_getswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getswitchinterval", 0)?;
    Ok(new_float(skein_threading::gil::switch_interval().as_secs_f64()))
}

fn sys_setswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setswitchinterval", 1)?;
    let x = float_arg(vm, &a[0])?;
    if x.is_nan() || x <= 0.0 {
        return Err(vm.new_value_error("switch interval must be strictly positive"));
    }
    let d = std::time::Duration::try_from_secs_f64(x).unwrap_or(std::time::Duration::MAX);
    skein_threading::gil::set_switch_interval(d);
    Ok(none())
}

fn sys_is_gil_enabled(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "_is_gil_enabled", 0)?;
    let on =
        if crate::vm::interp_ready() { crate::vm::interp().config.gil } else { skein_threading::gil::gil_enabled() };
    Ok(bool_value(on))
}

/// An approximation of CPython's `sys.getsizeof` on a 64-bit build.
fn approx_size(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        let bits = 64 - i.unsigned_abs().leading_zeros() as i64;
        return Ok(if i == 0 { 24 } else { 24 + 4 * ((bits + 29) / 30) });
    }
    if let Some(b) = v.as_bool_obj() {
        return Ok(if b { 28 } else { 24 });
    }
    let t = v.class();
    if t.is_heap_type() {
        if let Some(r) = vm.call_special(v, "__sizeof__", &[])? {
            if let Some(n) = r.as_i64() {
                return Ok(n + 16);
            }
        }
        return Ok(56);
    }
    if let Some(i) = v.downcast_ref::<PyInt>() {
        return Ok(24 + 4 * ((i.value.bits() as i64 + 29) / 30));
    }
    if v.as_float().is_some() {
        return Ok(24);
    }
    if let Some(s) = v.downcast_ref::<PyStr>() {
        let n = s.char_len() as i64;
        let max = s.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
        return Ok(match max {
            0..=0x7f => 49 + n,
            0x80..=0xff => 73 + n,
            0x100..=0xffff => 74 + 2 * n,
            _ => 76 + 4 * n,
        });
    }
    if let Some(tp) = v.downcast_ref::<PyTuple>() {
        return Ok(40 + 8 * tp.len() as i64);
    }
    if let Some(l) = v.downcast_ref::<PyList>() {
        return Ok(56 + 8 * l.len() as i64);
    }
    if let Some(d) = v.downcast_ref::<PyDict>() {
        let n = d.len();
        if n == 0 {
            return Ok(64);
        }
        let mut size = 8usize;
        while size * 2 / 3 < n {
            size *= 2;
        }
        return Ok((64 + 32 + size + (size * 2 / 3) * 16) as i64);
    }
    if v.is_none() {
        return Ok(16);
    }
    if v.downcast_ref::<PyType>().is_some() {
        return Ok(1072);
    }
    Ok(match vm.call_special(v, "__sizeof__", &[])? {
        Some(r) => r.as_i64().unwrap_or(16),
        None => 16,
    })
}

fn sys_getsizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "getsizeof", 1, 2)?;
    match approx_size(vm, &a[0]) {
        Ok(n) => Ok(int_from_i64(n)),
        Err(_) if a.len() == 2 => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

fn sys_intern(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "intern", 1)?;
    let Some(s) = a[0].downcast_ref::<PyStr>() else {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("intern() argument must be str, not {t}")));
    };
    if a[0].class().is_heap_type() {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("can't intern {t}")));
    }
    Ok(intern(s.as_str()))
}

fn sys_getdefaultencoding(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getdefaultencoding", 0)?;
    Ok(new_str("utf-8"))
}

fn sys_getfilesystemencoding(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getfilesystemencoding", 0)?;
    Ok(new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getfilesystemencodeerrors", 0)?;
    Ok(new_str("surrogateescape"))
}

/// `sys.settrace(func)`: this thread's trace function (`interp/trace.rs`).
fn sys_settrace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "settrace", 1)?;
    let f = if a[0].is_none() { None } else { Some(a[0].clone()) };
    crate::interp::trace::set_trace(vm, f);
    Ok(none())
}

/// `sys.setprofile(func)`: this thread's profile function.
fn sys_setprofile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setprofile", 1)?;
    let f = if a[0].is_none() { None } else { Some(a[0].clone()) };
    crate::interp::trace::set_profile(vm, f);
    Ok(none())
}

fn sys_gettrace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "gettrace", 0)?;
    Ok(vm.trace.trace.clone().unwrap_or_else(none))
}

fn sys_getprofile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getprofile", 0)?;
    Ok(vm.trace.profile.clone().unwrap_or_else(none))
}

// ---- the module ------------------------------------------------------------------

fn str_list(items: &[String]) -> Value {
    new_list(items.iter().map(|s| new_str(s.as_str())).collect())
}

static SYS_MODULES: OnceLock<PyRef<PyDict>> = OnceLock::new();

/// `sys.modules` of a `sys` module (the dict created with it if the
/// attribute was replaced by something else).
pub fn modules_dict_of(sys: &PyModule) -> PyRef<PyDict> {
    if let Some(d) = sys.get_attr("modules").and_then(|m| m.downcast::<PyDict>()) {
        return d;
    }
    SYS_MODULES.get_or_init(PyDict::new_ref).clone()
}

fn version_info_value(cls: &PyRef<PyType>, major: i64, minor: i64, micro: i64, level: &str, serial: i64) -> Value {
    new_struct_seq(
        cls,
        vec![int_from_i64(major), int_from_i64(minor), int_from_i64(micro), new_str(level), int_from_i64(serial)],
    )
}

/// Creates the `sys` module for `config`.
pub fn make_sys_module(config: &Config) -> PyRef<PyModule> {
    init_stream_type();
    let m = PyModule::new("sys");
    m.set_attr(
        "__doc__",
        new_str("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."),
    );
    let funcs: &[(&'static str, NativeFn)] = &[
        ("displayhook", sys_displayhook),
        ("excepthook", sys_excepthook),
        ("exit", sys_exit),
        ("exc_info", sys_exc_info),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("getswitchinterval", sys_getswitchinterval),
        ("setswitchinterval", sys_setswitchinterval),
        ("_is_gil_enabled", sys_is_gil_enabled),
        ("getsizeof", sys_getsizeof),
        ("intern", sys_intern),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getfilesystemencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("settrace", sys_settrace),
        ("setprofile", sys_setprofile),
        ("gettrace", sys_gettrace),
        ("getprofile", sys_getprofile),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "sys"));
    }
    crate::modules::sys_unraisable::install(&m);
    crate::types::async_generator_hooks::install(&m);
    // The original hooks, as CPython keeps them.
    for name in ["displayhook", "excepthook"] {
        if let Some(f) = m.get_attr(name) {
            m.set_attr(&format!("__{name}__"), f);
        }
    }

    // Streams.
    for (name, kind) in [("stdin", StreamKind::Stdin), ("stdout", StreamKind::Stdout), ("stderr", StreamKind::Stderr)] {
        let s = new_stream(kind);
        m.set_attr(name, s.clone());
        m.set_attr(&format!("__{name}__"), s);
    }

    // Interpreter state.
    let modules = SYS_MODULES.get_or_init(PyDict::new_ref).clone();
    m.set_attr("modules", modules.into_value());
    m.set_attr("argv", str_list(&config.argv));
    m.set_attr("orig_argv", {
        let mut v = vec![config.executable.clone()];
        v.extend(config.argv.iter().cloned());
        str_list(&v)
    });
    m.set_attr("path", str_list(&config.path));
    m.set_attr("meta_path", new_list(Vec::new()));
    m.set_attr("path_hooks", new_list(Vec::new()));
    m.set_attr("path_importer_cache", PyDict::new_ref().into_value());
    m.set_attr("warnoptions", str_list(&config.warn_options));
    let xopts = PyDict::new_ref();
    for x in &config.x_options {
        match x.split_once('=') {
            Some((k, v)) => xopts.set_str_key(new_str(k), new_str(v)),
            None => xopts.set_str_key(new_str(x.as_str()), bool_value(true)),
        }
    }
    m.set_attr("_xoptions", xopts.into_value());
    m.set_attr("executable", new_str(config.executable.as_str()));
    m.set_attr("_base_executable", new_str(config.executable.as_str()));
    let prefix = std::path::Path::new(&config.executable)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        m.set_attr(name, new_str(prefix.as_str()));
    }
    m.set_attr("dont_write_bytecode", bool_value(true));
    m.set_attr("pycache_prefix", none());

    // Platform and version.
    m.set_attr("maxsize", int_from_i64(i64::MAX));
    m.set_attr("maxunicode", int_from_i64(0x10ffff));
    m.set_attr("byteorder", new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    m.set_attr("platform", new_str(if cfg!(target_os = "macos") { "darwin" } else { "linux" }));
    m.set_attr("version", new_str(VERSION_STRING));
    m.set_attr("hexversion", int_from_i64(0x030b07f0));
    m.set_attr("api_version", int_from_i64(1013));
    m.set_attr("abiflags", new_str(""));
    m.set_attr(
        "copyright",
        new_str("Copyright (c) Skein contributors.\nPython is Copyright (c) 2001-2023 Python Software Foundation."),
    );
    m.set_attr(
        "builtin_module_names",
        new_tuple(["builtins", "math", "sys", "time"].iter().map(|s| new_str(*s)).collect()),
    );
    let vi_type = new_struct_seq_type("sys", "version_info", &["major", "minor", "micro", "releaselevel", "serial"]);
    m.set_attr("version_info", version_info_value(&vi_type, 3, 11, 7, "final", 0));
    let impl_type = new_struct_seq_type("sys", "implementation", &["name", "cache_tag", "version", "hexversion"]);
    let impl_version = version_info_value(&vi_type, 0, 1, 0, "alpha", 0);
    m.set_attr(
        "implementation",
        new_struct_seq(&impl_type, vec![new_str("skein"), none(), impl_version, int_from_i64(0x000100a0)]),
    );
    let flags_type = new_struct_seq_type(
        "sys",
        "flags",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
    );
    let i = int_from_i64;
    m.set_attr(
        "flags",
        new_struct_seq(
            &flags_type,
            vec![
                i(0),
                i(config.inspect as i64),
                i(config.inspect as i64),
                i(0),
                i(1),
                i(0),
                i(0),
                i(0),
                i(0),
                i(0),
                i(0),
                i(0),
                i(0),
                bool_value(false),
                i(1),
                i(0),
                bool_value(false),
                i(-1),
            ],
        ),
    );
    let fi_type = new_struct_seq_type(
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    );
    m.set_attr(
        "float_info",
        new_struct_seq(
            &fi_type,
            vec![
                new_float(f64::MAX),
                i(f64::MAX_EXP as i64),
                i(f64::MAX_10_EXP as i64),
                new_float(f64::MIN_POSITIVE),
                i(f64::MIN_EXP as i64),
                i(f64::MIN_10_EXP as i64),
                i(f64::DIGITS as i64),
                i(f64::MANTISSA_DIGITS as i64),
                new_float(f64::EPSILON),
                i(f64::RADIX as i64),
                i(1),
            ],
        ),
    );
    let ii_type = new_struct_seq_type(
        "sys",
        "int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    );
    m.set_attr("int_info", new_struct_seq(&ii_type, vec![i(30), i(4), i(4300), i(640)]));
    let hi_type = new_struct_seq_type(
        "sys",
        "hash_info",
        &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    );
    m.set_attr(
        "hash_info",
        new_struct_seq(
            &hi_type,
            vec![
                i(64),
                i(crate::protocol::hash::MODULUS as i64),
                i(crate::protocol::hash::HASH_INF),
                i(0),
                i(1000003),
                new_str("fnv"),
                i(64),
                i(0),
                i(0),
            ],
        ),
    );
    m
}
