//! `posix`: the operating-system calls under the pure-Python `os` module.
//!
//! Paths are str (bytes are decoded as UTF-8, `os.PathLike` objects give
//! theirs through `__fspath__`). Failures raise `OSError` built from the
//! errno, which picks CPython's subclass (`FileNotFoundError`, ...) and
//! message (`[Errno 2] No such file or directory: 'x'`).
//!
//! `stat` returns a plain tuple that `os.stat_result` wraps: the ten
//! sequence fields (times as ints), then the float and nanosecond times,
//! `st_blksize`, `st_blocks` and `st_rdev`.
//!
//! File descriptors from `open` are kept in a table of `std::fs::File`s so
//! `read`/`write`/`close` need no raw system calls; 0, 1 and 2 are the
//! process's standard streams.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::os::unix::io::AsRawFd;
use std::sync::Mutex;

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::float::new_float;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::small::{bytes_new, PyBytes};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Files opened by `posix.open`, by descriptor.
static FILES: Mutex<Option<HashMap<i32, File>>> = Mutex::new(None);

fn with_files<R>(f: impl FnOnce(&mut HashMap<i32, File>) -> R) -> R {
    let mut g = FILES.lock().unwrap_or_else(|p| p.into_inner());
    f(g.get_or_insert_with(HashMap::new))
}

/// A duplicate (`dup`) of a descriptor of the table, `None` if it is not one.
pub(crate) fn clone_fd(fd: i32) -> Option<std::io::Result<File>> {
    with_files(|t| t.get(&fd).map(|f| f.try_clone()))
}

/// Puts a file into the table; returns its descriptor.
pub(crate) fn register_file(f: File) -> i32 {
    let fd = f.as_raw_fd();
    with_files(|t| t.insert(fd, f));
    fd
}

/// The message of an errno, as C's `strerror`.
fn strerror_text(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror[, filename[, None, filename2]])` for an I/O error.
pub(crate) fn os_error(vm: &mut Vm, e: &std::io::Error, file: Option<&Value>, file2: Option<&Value>) -> PyErr {
    let Some(errno) = e.raw_os_error() else {
        return vm.new_os_error(e.to_string());
    };
    let mut args = vec![int_from_i64(errno as i64), new_str(strerror_text(errno))];
    if let Some(f) = file {
        args.push(f.clone());
        if let Some(f2) = file2 {
            args.push(none());
            args.push(f2.clone());
        }
    }
    match vm.call(&exc().os_error.to_value(), &args) {
        Ok(v) => match v.downcast::<PyBaseException>() {
            Some(e) => PyErr(e),
            None => vm.new_os_error(strerror_text(errno)),
        },
        Err(e) => e,
    }
}

/// A path argument as a Rust string.
fn path_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    if let Some(f) = v.class().lookup("__fspath__") {
        let r = vm.call(&f, std::slice::from_ref(v))?;
        if let Some(s) = r.as_str() {
            return Ok(s.to_string());
        }
        if let Some(b) = r.downcast_ref::<PyBytes>() {
            return Ok(String::from_utf8_lossy(&b.data).into_owned());
        }
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("{fname}: path should be string, bytes or os.PathLike, not {t}")))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(vm.index_isize(v)? as i64)
}

fn posix_getcwd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getcwd", 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(new_str(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn posix_chdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "chdir", 1)?;
    let p = path_arg(vm, "chdir", &a[0])?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(&a[0]), None))?;
    Ok(none())
}

fn posix_listdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "listdir", &["path"], 0)?;
    let (p, shown) = match &a[0] {
        Some(v) if !v.is_none() => (path_arg(vm, "listdir", v)?, v.clone()),
        _ => (".".to_string(), new_str(".")),
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(vm, &e, Some(&shown), None))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(vm, &e, Some(&shown), None))?;
        names.push(new_str(entry.file_name().to_string_lossy().into_owned()));
    }
    Ok(new_list(names))
}

fn posix_mkdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "mkdir", &["path", "mode"], 0)?;
    let Some(path) = &a[0] else { return Err(vm.new_type_error("mkdir() missing required argument 'path' (pos 1)")) };
    let p = path_arg(vm, "mkdir", path)?;
    let mode = match &a[1] {
        Some(m) => int_arg(vm, m)? as u32,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&p).map_err(|e| os_error(vm, &e, Some(path), None))?;
    Ok(none())
}

fn posix_rmdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "rmdir", 1)?;
    let p = path_arg(vm, "rmdir", &a[0])?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(&a[0]), None))?;
    Ok(none())
}

fn posix_unlink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "unlink", 1)?;
    let p = path_arg(vm, "unlink", &a[0])?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(&a[0]), None))?;
    Ok(none())
}

fn posix_rename(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "rename", 2)?;
    let src = path_arg(vm, "rename", &a[0])?;
    let dst = path_arg(vm, "rename", &a[1])?;
    std::fs::rename(&src, &dst).map_err(|e| os_error(vm, &e, Some(&a[0]), Some(&a[1])))?;
    Ok(none())
}

fn posix_symlink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "symlink", 2)?;
    let src = path_arg(vm, "symlink", &a[0])?;
    let dst = path_arg(vm, "symlink", &a[1])?;
    std::os::unix::fs::symlink(&src, &dst).map_err(|e| os_error(vm, &e, Some(&a[0]), Some(&a[1])))?;
    Ok(none())
}

fn posix_readlink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "readlink", 1)?;
    let p = path_arg(vm, "readlink", &a[0])?;
    let t = std::fs::read_link(&p).map_err(|e| os_error(vm, &e, Some(&a[0]), None))?;
    Ok(new_str(t.to_string_lossy().into_owned()))
}

fn stat_tuple(md: &std::fs::Metadata) -> Value {
    let i = int_from_i64;
    let f = |s: i64, ns: i64| new_float(s as f64 + ns as f64 * 1e-9);
    let ns = |s: i64, ns: i64| {
        crate::types::int::int_from_bigint(num_bigint::BigInt::from(s as i128 * 1_000_000_000 + ns as i128))
    };
    new_tuple(vec![
        i(md.mode() as i64),
        i(md.ino() as i64),
        i(md.dev() as i64),
        i(md.nlink() as i64),
        i(md.uid() as i64),
        i(md.gid() as i64),
        i(md.size() as i64),
        i(md.atime()),
        i(md.mtime()),
        i(md.ctime()),
        f(md.atime(), md.atime_nsec()),
        f(md.mtime(), md.mtime_nsec()),
        f(md.ctime(), md.ctime_nsec()),
        ns(md.atime(), md.atime_nsec()),
        ns(md.mtime(), md.mtime_nsec()),
        ns(md.ctime(), md.ctime_nsec()),
        i(md.blksize() as i64),
        i(md.blocks() as i64),
        i(md.rdev() as i64),
    ])
}

fn posix_stat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "stat", &["path", "follow_symlinks"], 0)?;
    let Some(path) = &a[0] else { return Err(vm.new_type_error("stat() missing required argument 'path' (pos 1)")) };
    if let Some(fd) = path.as_i64().filter(|_| path.as_str().is_none()) {
        let md = with_files(|t| t.get(&(fd as i32)).map(|f| f.metadata()));
        return match md {
            Some(Ok(md)) => Ok(stat_tuple(&md)),
            Some(Err(e)) => Err(os_error(vm, &e, None, None)),
            None => Err(os_error(vm, &std::io::Error::from_raw_os_error(9), None, None)),
        };
    }
    let p = path_arg(vm, "stat", path)?;
    let follow = match &a[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let md = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    match md {
        Ok(md) => Ok(stat_tuple(&md)),
        Err(e) => Err(os_error(vm, &e, Some(path), None)),
    }
}

fn posix_lstat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "lstat", 1)?;
    let p = path_arg(vm, "lstat", &a[0])?;
    match std::fs::symlink_metadata(&p) {
        Ok(md) => Ok(stat_tuple(&md)),
        Err(e) => Err(os_error(vm, &e, Some(&a[0]), None)),
    }
}

fn posix_getpid(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getpid", 0)?;
    Ok(int_from_i64(std::process::id() as i64))
}

fn posix_getppid(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getppid", 0)?;
    Ok(int_from_i64(std::os::unix::process::parent_id() as i64))
}

fn posix_cpu_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "cpu_count", 0)?;
    Ok(std::thread::available_parallelism().map(|n| int_from_i64(n.get() as i64)).unwrap_or_else(|_| none()))
}

fn posix_urandom(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "urandom", 1)?;
    let n = int_arg(vm, &a[0])?;
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed"));
    }
    let mut buf = zeroed(vm, n as usize)?;
    let r = File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    r.map_err(|e| os_error(vm, &e, None, None))?;
    Ok(bytes_new(buf))
}

fn posix_strerror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "strerror", 1)?;
    let n = int_arg(vm, &a[0])?;
    Ok(new_str(strerror_text(n as i32)))
}

fn env_str(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => match v.downcast_ref::<PyBytes>() {
            Some(b) => Ok(String::from_utf8_lossy(&b.data).into_owned()),
            None => {
                let t = v.class().name();
                Err(vm.new_type_error(format!("{fname}: illegal environment variable name type {t}")))
            }
        },
    }
}

fn posix_putenv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "putenv", 2)?;
    let k = env_str(vm, "putenv", &a[0])?;
    let v = env_str(vm, "putenv", &a[1])?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    if k.contains('\0') || v.contains('\0') {
        return Err(vm.new_value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(none())
}

fn posix_unsetenv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "unsetenv", 1)?;
    let k = env_str(vm, "unsetenv", &a[0])?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    if k.contains('\0') {
        return Err(vm.new_value_error("embedded null byte"));
    }
    std::env::remove_var(k);
    Ok(none())
}

fn posix_environ(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "_environ", 0)?;
    let d = PyDict::new_ref();
    for (k, v) in std::env::vars_os() {
        d.set_item(vm, new_str(k.to_string_lossy().into_owned()), new_str(v.to_string_lossy().into_owned()))?;
    }
    Ok(d.into_value())
}

// Linux values of the `O_*` flags `os` exports.
const O_WRONLY: i64 = 0o1;
const O_RDWR: i64 = 0o2;
const O_CREAT: i64 = 0o100;
const O_EXCL: i64 = 0o200;
const O_TRUNC: i64 = 0o1000;
const O_APPEND: i64 = 0o2000;

fn posix_open(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "open", &["path", "flags", "mode"], 0)?;
    let (Some(path), Some(flags)) = (&a[0], &a[1]) else {
        return Err(vm.new_type_error("open() missing required argument 'flags' (pos 2)"));
    };
    let p = path_arg(vm, "open", path)?;
    let flags = int_arg(vm, flags)?;
    let mode = match &a[2] {
        Some(m) => int_arg(vm, m)? as u32,
        None => 0o777,
    };
    let mut o = std::fs::OpenOptions::new();
    let access = flags & 3;
    o.read(access == 0 || access == O_RDWR);
    o.write(access == O_WRONLY || access == O_RDWR);
    o.append(flags & O_APPEND != 0);
    o.truncate(flags & O_TRUNC != 0);
    if flags & O_CREAT != 0 && flags & O_EXCL != 0 {
        o.create_new(true);
    } else {
        o.create(flags & O_CREAT != 0);
    }
    o.mode(mode);
    o.custom_flags((flags & !(3 | O_CREAT | O_EXCL | O_TRUNC | O_APPEND)) as i32);
    let f = o.open(&p).map_err(|e| os_error(vm, &e, Some(path), None))?;
    let fd = f.as_raw_fd();
    with_files(|t| t.insert(fd, f));
    Ok(int_from_i64(fd as i64))
}

fn bad_fd(vm: &mut Vm) -> PyErr {
    os_error(vm, &std::io::Error::from_raw_os_error(9), None, None)
}

/// The most a read from a stream (not a regular file) asks for at once.
const STDIN_CHUNK: usize = 1 << 20;

/// A zeroed buffer of `n` bytes, or MemoryError when it cannot be had.
fn zeroed(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return Err(vm.new_exception_empty(&exc().memory_error));
    }
    buf.resize(n, 0);
    Ok(buf)
}

fn posix_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "read", 2)?;
    let fd = int_arg(vm, &a[0])? as i32;
    let n = int_arg(vm, &a[1])?;
    if n < 0 {
        return Err(vm.new_value_error("negative length"));
    }
    let r = if fd == 0 {
        let mut buf = zeroed(vm, (n as usize).min(STDIN_CHUNK))?;
        Some(std::io::stdin().read(&mut buf).map(|got| (buf, got)))
    } else {
        // A regular file has no more than what is left of it: the buffer is
        // sized to that, not to a huge `n`. (Files under /proc say they
        // are empty: those are read like a stream.)
        let avail = with_files(|t| {
            t.get_mut(&fd).map(|f| {
                use std::io::Seek;
                match (f.metadata(), f.stream_position()) {
                    (Ok(md), Ok(pos)) if md.is_file() && md.len() > 0 => md.len().saturating_sub(pos) as usize,
                    _ => STDIN_CHUNK,
                }
            })
        });
        match avail {
            None => None,
            Some(avail) if avail == STDIN_CHUNK => {
                // A stream (pipe, terminal) may block: read from a duplicate
                // with the table unlocked and the thread detached, so other
                // descriptors and a stop-the-world are not held up.
                let mut buf = zeroed(vm, (n as usize).min(avail))?;
                clone_fd(fd).map(|f| {
                    f.and_then(|mut f| {
                        vm.thread.detach();
                        let r = f.read(&mut buf);
                        vm.thread.attach();
                        r
                    })
                    .map(|got| (buf, got))
                })
            }
            Some(avail) => {
                let mut buf = zeroed(vm, (n as usize).min(avail))?;
                with_files(|t| t.get_mut(&fd).map(|f| f.read(&mut buf))).map(|r| r.map(|got| (buf, got)))
            }
        }
    };
    match r {
        Some(Ok((mut buf, got))) => {
            buf.truncate(got);
            Ok(bytes_new(buf))
        }
        Some(Err(e)) => Err(os_error(vm, &e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

fn posix_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "write", 2)?;
    let fd = int_arg(vm, &a[0])? as i32;
    let data: Vec<u8> = match a[1].downcast_ref::<PyBytes>() {
        Some(b) => b.data.to_vec(),
        None => {
            let bytes = vm.call(&crate::types::small::BYTES_TYPE.get().to_value(), &a[1..2])?;
            match bytes.downcast_ref::<PyBytes>() {
                Some(b) => b.data.to_vec(),
                None => return Err(vm.new_type_error("a bytes-like object is required")),
            }
        }
    };
    let r = match fd {
        1 => {
            crate::modules::sys::flush_std_streams();
            let mut out = std::io::stdout().lock();
            Some(out.write(&data).and_then(|n| out.flush().map(|_| n)))
        }
        2 => {
            crate::modules::sys::flush_std_streams();
            Some(std::io::stderr().lock().write(&data))
        }
        // Through a duplicate, detached: a full pipe blocks.
        _ => clone_fd(fd).map(|f| {
            f.and_then(|mut f| {
                vm.thread.detach();
                let r = f.write(&data);
                vm.thread.attach();
                r
            })
        }),
    };
    match r {
        Some(Ok(n)) => Ok(int_from_i64(n as i64)),
        Some(Err(e)) => Err(os_error(vm, &e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

fn posix_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "close", 1)?;
    let fd = int_arg(vm, &a[0])? as i32;
    match with_files(|t| t.remove(&fd)) {
        Some(f) => {
            drop(f);
            Ok(none())
        }
        None => Err(bad_fd(vm)),
    }
}

/// `pipe()`: (read end, write end), both close-on-exec (non-inheritable,
/// as CPython's), kept in the descriptor table like opened files.
fn posix_pipe(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "pipe", 0)?;
    match std::io::pipe() {
        Ok((r, w)) => {
            let r = register_file(File::from(std::os::fd::OwnedFd::from(r)));
            let w = register_file(File::from(std::os::fd::OwnedFd::from(w)));
            Ok(new_tuple(vec![int_from_i64(r as i64), int_from_i64(w as i64)]))
        }
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn posix_get_blocking(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "get_blocking", 1)?;
    let fd = int_arg(vm, &a[0])? as i32;
    match crate::signals::fd_nonblocking(fd) {
        Ok(nb) => Ok(crate::types::singletons::bool_value(!nb)),
        Err(errno) => Err(os_error(vm, &std::io::Error::from_raw_os_error(errno), None, None)),
    }
}

fn posix_set_blocking(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "set_blocking", 2)?;
    let fd = int_arg(vm, &a[0])? as i32;
    let blocking = vm.truthy(&a[1])?;
    match crate::signals::set_fd_nonblocking(fd, !blocking) {
        Ok(()) => Ok(none()),
        Err(errno) => Err(os_error(vm, &std::io::Error::from_raw_os_error(errno), None, None)),
    }
}

fn posix_system(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "system", 1)?;
    let cmd = path_arg(vm, "system", &a[0])?;
    crate::modules::sys::flush_std_streams();
    use std::os::unix::process::ExitStatusExt;
    match std::process::Command::new("/bin/sh").arg("-c").arg(&cmd).status() {
        // The raw wait status, as C's system() returns it.
        Ok(st) => Ok(int_from_i64(st.into_raw() as i64)),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn posix_chmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "chmod", 2)?;
    let p = path_arg(vm, "chmod", &a[0])?;
    let mode = int_arg(vm, &a[1])? as u32;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode))
        .map_err(|e| os_error(vm, &e, Some(&a[0]), None))?;
    Ok(none())
}

fn posix_link(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "link", 2)?;
    let src = path_arg(vm, "link", &a[0])?;
    let dst = path_arg(vm, "link", &a[1])?;
    std::fs::hard_link(&src, &dst).map_err(|e| os_error(vm, &e, Some(&a[0]), Some(&a[1])))?;
    Ok(none())
}

fn posix_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "isatty", 1)?;
    let fd = int_arg(vm, &a[0])? as i32;
    use std::io::IsTerminal;
    let tty = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => with_files(|t| t.get(&fd).is_some_and(|f| f.is_terminal())),
    };
    Ok(crate::types::singletons::bool_value(tty))
}

fn posix_ftruncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "ftruncate", 2)?;
    let fd = int_arg(vm, &a[0])? as i32;
    let len = int_arg(vm, &a[1])?;
    if len < 0 {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None, None));
    }
    match with_files(|t| t.get(&fd).map(|f| f.set_len(len as u64))) {
        Some(Ok(())) => Ok(none()),
        Some(Err(e)) => Err(os_error(vm, &e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

fn posix_lseek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "lseek", 3)?;
    let fd = int_arg(vm, &a[0])? as i32;
    let pos = int_arg(vm, &a[1])?;
    let how = int_arg(vm, &a[2])?;
    use std::io::{Seek, SeekFrom};
    let target = match how {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None, None)),
    };
    match with_files(|t| t.get_mut(&fd).map(|f| f.seek(target))) {
        Some(Ok(n)) => Ok(int_from_i64(n as i64)),
        Some(Err(e)) => Err(os_error(vm, &e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

/// `utime(path, times=None, *, ns=None)`: through an open handle
/// (`futimens`), so the file must be readable or writable by us.
fn posix_utime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"], 0)?;
    let Some(path) = &a[0] else { return Err(vm.new_type_error("utime() missing required argument 'path' (pos 1)")) };
    let p = path_arg(vm, "utime", path)?;
    let times = a[1].as_ref().filter(|v| !v.is_none());
    let ns = a[2].as_ref();
    if times.is_some() && ns.is_some() {
        return Err(vm.new_value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<(Value, Value)> {
        match v.as_tuple() {
            Some(t) if t.len() == 2 => Ok((t[0].clone(), t[1].clone())),
            _ => Err(vm.new_type_error(format!("utime: '{what}' must be a tuple of two ints"))),
        }
    };
    let to_time = |secs: f64| std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_secs_f64(secs.max(0.0)));
    let (atime, mtime) = if let Some(t) = times {
        let (x, y) = pair(vm, t, "times")?;
        let xs = match x.as_float() {
            Some(f) => f,
            None => int_arg(vm, &x)? as f64,
        };
        let ys = match y.as_float() {
            Some(f) => f,
            None => int_arg(vm, &y)? as f64,
        };
        (to_time(xs), to_time(ys))
    } else if let Some(n) = ns {
        let (x, y) = pair(vm, n, "ns")?;
        let xn = int_arg(vm, &x)?.max(0) as u64;
        let yn = int_arg(vm, &y)?.max(0) as u64;
        (
            std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_nanos(xn)),
            std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_nanos(yn)),
        )
    } else {
        let now = std::time::SystemTime::now();
        (Some(now), Some(now))
    };
    let (Some(atime), Some(mtime)) = (atime, mtime) else {
        return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
    };
    let f = File::open(&p).or_else(|_| std::fs::OpenOptions::new().write(true).open(&p));
    let f = f.map_err(|e| os_error(vm, &e, Some(path), None))?;
    let ft = std::fs::FileTimes::new().set_accessed(atime).set_modified(mtime);
    f.set_times(ft).map_err(|e| os_error(vm, &e, Some(path), None))?;
    Ok(none())
}

fn posix_machine(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "_machine", 0)?;
    Ok(new_str(std::env::consts::ARCH))
}

fn posix_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "_exit", 1)?;
    let n = int_arg(vm, &a[0])?;
    std::process::exit(n as i32)
}

/// Creates the `posix` module.
pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("posix");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getcwd", posix_getcwd),
        ("chdir", posix_chdir),
        ("listdir", posix_listdir),
        ("mkdir", posix_mkdir),
        ("rmdir", posix_rmdir),
        ("unlink", posix_unlink),
        ("remove", posix_unlink),
        ("rename", posix_rename),
        ("replace", posix_rename),
        ("symlink", posix_symlink),
        ("readlink", posix_readlink),
        ("_stat", posix_stat),
        ("_lstat", posix_lstat),
        ("getpid", posix_getpid),
        ("getppid", posix_getppid),
        ("cpu_count", posix_cpu_count),
        ("urandom", posix_urandom),
        ("strerror", posix_strerror),
        ("putenv", posix_putenv),
        ("unsetenv", posix_unsetenv),
        ("_environ", posix_environ),
        ("open", posix_open),
        ("read", posix_read),
        ("write", posix_write),
        ("close", posix_close),
        ("_exit", posix_exit),
        ("system", posix_system),
        ("chmod", posix_chmod),
        ("link", posix_link),
        ("isatty", posix_isatty),
        ("lseek", posix_lseek),
        ("ftruncate", posix_ftruncate),
        ("_machine", posix_machine),
        ("utime", posix_utime),
        ("pipe", posix_pipe),
        ("get_blocking", posix_get_blocking),
        ("set_blocking", posix_set_blocking),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "posix"));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::strerror_text;

    // Expected strings are what CPython's os.strerror gives on Linux.
    #[test]
    fn strerror_drops_the_os_error_suffix() {
        assert_eq!(strerror_text(2), "No such file or directory");
        assert_eq!(strerror_text(17), "File exists");
        assert_eq!(strerror_text(39), "Directory not empty");
    }
}
