//! `_socket`: the native socket type under `vm/lib/socket.py` (CPython's
//! `Modules/socketmodule.c` split in three: this file holds the
//! `_socket.socket` type and the module, `socket_addr.rs` the addresses and
//! name functions, `socket_sys.rs` the system calls).
//!
//! Blocking. Every descriptor is non-blocking in the kernel; the socket's
//! `timeout` decides what a call that would block does: `None` waits for
//! as long as it takes, `0.0` raises `BlockingIOError`, a positive timeout
//! waits at most that long and raises `TimeoutError("timed out")`. A wait
//! is `poll(2)` through `signals::poll`, in slices of `SIGNAL_POLL`, with
//! the thread detached: other threads, a stop-the-world pause and the GIL
//! (when on) never wait on a thread blocked in `accept` or `recv`, and
//! Ctrl-C reaches the main thread as `KeyboardInterrupt`.
//!
//! Sharing. Any number of threads may use one socket at once: each call
//! borrows the descriptor (`FdSlot::users`) for its duration. `close()`
//! makes the socket read as closed at once (`fileno()` is -1, new calls
//! fail with EBADF) but the descriptor itself is closed by the last
//! borrower, so a thread still blocked on it never polls or reads a
//! descriptor number that the kernel has handed to a new file. A blocked
//! thread sees the close when its poll slice ends and raises
//! `OSError(EBADF)`, as a thread blocked on a closed socket in CPython.
//! `FdSlot` sits behind a mutex that is never held across a system call
//! that can wait or across Python code.

use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, new_function, MethodKind, NativeFn};
use crate::modules::socket_addr::{self as addr, errno_error, int_arg, long_arg, make_addr, parse_addr};
use crate::modules::socket_sys::{self as sys, SysResult};
use crate::object::{PyPayload, PyRef};
use crate::types::bytes_methods::need_buf;
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::float::new_float;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none};
use crate::types::small::{bytes_new, slice_new, PyByteArray, PyBytes};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub static SOCKET_TYPE: TypeCell = TypeCell::new();

/// `socket.setdefaulttimeout`'s value: f64 bits, negative for None.
static DEFAULT_TIMEOUT: AtomicU64 = AtomicU64::new(NO_TIMEOUT);
const NO_TIMEOUT: u64 = 0xbff0_0000_0000_0000; // -1.0

/// The descriptor and who is using it (see the module doc).
struct FdSlot {
    /// -1 once closed or detached.
    fd: i32,
    /// Calls running on `fd` now.
    users: u32,
    /// A descriptor closed while in use: the last user closes it.
    doomed: Option<i32>,
}

pub struct PySocket {
    slot: Mutex<FdSlot>,
    family: AtomicI32,
    kind: AtomicI32,
    proto: AtomicI32,
    /// The timeout in seconds as f64 bits; negative for None (blocking).
    timeout: AtomicU64,
}

impl PyPayload for PySocket {
    fn class() -> &'static PyRef<PyType> {
        SOCKET_TYPE.get()
    }
}

impl Drop for PySocket {
    fn drop(&mut self) {
        let s = self.slot.get_mut();
        // Nobody can be borrowing: a borrow holds a reference to the object.
        if s.fd >= 0 {
            let _ = sys::close(s.fd);
        }
        if let Some(d) = s.doomed.take() {
            let _ = sys::close(d);
        }
    }
}

/// A borrowed descriptor; gives it back (and closes it if the socket was
/// closed meanwhile and this was its last user) when dropped.
struct FdUse<'a> {
    sock: &'a PySocket,
    fd: i32,
}

impl Drop for FdUse<'_> {
    fn drop(&mut self) {
        let doomed = {
            let mut s = self.sock.slot.lock();
            s.users -= 1;
            if s.users == 0 {
                s.doomed.take()
            } else {
                None
            }
        };
        if let Some(d) = doomed {
            let _ = sys::close(d);
        }
    }
}

/// What a call that would block waits for.
const READ: i16 = libc::POLLIN;
const WRITE: i16 = libc::POLLOUT;

impl PySocket {
    fn new() -> PySocket {
        PySocket {
            slot: Mutex::new(FdSlot { fd: -1, users: 0, doomed: None }),
            family: AtomicI32::new(libc::AF_INET),
            kind: AtomicI32::new(libc::SOCK_STREAM),
            proto: AtomicI32::new(0),
            timeout: AtomicU64::new(NO_TIMEOUT),
        }
    }

    fn fd(&self) -> i32 {
        self.slot.lock().fd
    }

    fn family(&self) -> i32 {
        self.family.load(Ordering::Relaxed)
    }

    /// `None` for blocking, else seconds (0.0: non-blocking).
    fn timeout(&self) -> Option<f64> {
        let t = f64::from_bits(self.timeout.load(Ordering::Relaxed));
        (t >= 0.0).then_some(t)
    }

    fn set_timeout(&self, t: Option<f64>) {
        self.timeout.store(t.map_or(NO_TIMEOUT, f64::to_bits), Ordering::Relaxed);
    }

    fn borrow(&self, vm: &mut Vm) -> PyResult<FdUse<'_>> {
        let mut s = self.slot.lock();
        if s.fd < 0 {
            drop(s);
            return Err(errno_error(vm, libc::EBADF));
        }
        s.users += 1;
        Ok(FdUse { sock: self, fd: s.fd })
    }

    /// Takes the descriptor out (close, detach): -1 if there was none.
    /// While others use it, `close` leaves it to the last of them.
    fn take_fd(&self, closing: bool) -> Option<i32> {
        let mut s = self.slot.lock();
        let fd = std::mem::replace(&mut s.fd, -1);
        if fd < 0 {
            return None;
        }
        if closing && s.users > 0 {
            s.doomed = Some(fd);
            return None;
        }
        Some(fd)
    }

    /// The deadline of a call starting now, if the timeout is positive.
    fn deadline(&self) -> Option<Instant> {
        match self.timeout() {
            Some(t) if t > 0.0 => {
                Some(Instant::now().checked_add(Duration::from_secs_f64(t)).unwrap_or_else(far_future))
            }
            _ => None,
        }
    }
}

fn far_future() -> Instant {
    Instant::now() + Duration::from_secs(1 << 32)
}

/// `TimeoutError("timed out")`, built through the class so that it has
/// `errno` and `strerror` (None) as CPython's.
fn timeout_error(vm: &mut Vm) -> PyErr {
    addr::exception_of(vm, &exc().timeout_error, vec![new_str("timed out")])
}

/// Waits until `fd` is ready for `events` or `deadline` passes (false),
/// detached, in slices so that a close by another thread and Ctrl-C are
/// seen.
fn wait_ready(vm: &mut Vm, u: &FdUse<'_>, events: i16, deadline: Option<Instant>) -> PyResult<bool> {
    loop {
        let slice = match deadline {
            Some(d) => {
                let now = Instant::now();
                if now >= d {
                    return Ok(false);
                }
                (d - now).min(crate::signals::SIGNAL_POLL)
            }
            None => crate::signals::SIGNAL_POLL,
        };
        let mut set = [(u.fd, events, 0i16)];
        match crate::signals::poll(vm, &mut set, Some(slice))? {
            Ok(n) if n > 0 => return Ok(true),
            Ok(_) => {}
            Err(e) => return Err(errno_error(vm, e)),
        }
        if u.sock.fd() != u.fd {
            return Err(errno_error(vm, libc::EBADF));
        }
    }
}

/// Runs `op` on the socket's descriptor until it does not report EAGAIN,
/// waiting for `events` in between as the timeout says (module doc).
fn io_call<T>(
    vm: &mut Vm,
    sock: &PySocket,
    events: i16,
    deadline: Option<Instant>,
    mut op: impl FnMut(i32) -> SysResult<T>,
) -> PyResult<T> {
    let u = sock.borrow(vm)?;
    loop {
        match op(u.fd) {
            Ok(v) => return Ok(v),
            Err(libc::EINTR) => crate::signals::run_pending(vm)?,
            Err(e) if e == libc::EAGAIN || e == libc::EWOULDBLOCK => {
                if sock.timeout() == Some(0.0) {
                    return Err(errno_error(vm, e));
                }
                if !wait_ready(vm, &u, events, deadline)? {
                    return Err(timeout_error(vm));
                }
            }
            Err(e) => return Err(errno_error(vm, e)),
        }
    }
}

fn this<'a>(vm: &mut Vm, v: &'a Value, method: &str) -> PyResult<&'a PySocket> {
    match v.downcast_ref::<PySocket>() {
        Some(s) => Ok(s),
        None => Err(vm.new_type_error(format!(
            "descriptor '{method}' for '_socket.socket' objects doesn't apply to a '{}' object",
            v.class().name()
        ))),
    }
}

// ---- construction --------------------------------------------------------------

fn socket_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("socket.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(SOCKET_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("socket.__new__({n}): {n} is not a subtype of _socket.socket")));
    }
    Ok(PyRef::new_with_type(PySocket::new(), &cls).into_value())
}

/// `__init__(family=-1, type=-1, proto=-1, fileno=None)`: a new socket, or
/// one adopting `fileno` (its family, type and protocol read from the
/// kernel when not given).
fn socket_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let me = this(vm, &args.pos[0], "__init__")?;
    let a = args.skip_self().bind(vm, "socket", &["family", "type", "proto", "fileno"], 0)?;
    let mut nums = [-1i32; 3];
    for (slot, v) in nums.iter_mut().zip(&a[..3]) {
        if let Some(v) = v {
            *slot = int_arg(vm, v)?;
        }
    }
    let [mut family, mut kind, mut proto] = nums;
    let fd = match a[3].as_ref().filter(|f| !f.is_none()) {
        Some(f) => {
            if f.as_float().is_some() {
                return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
            }
            let fd = long_arg(vm, f)?;
            if fd < 0 {
                return Err(vm.new_value_error("negative file descriptor"));
            }
            let fd = i32::try_from(fd).map_err(|_| vm.new_overflow_error("file descriptor out of range"))?;
            let opt = |name| sys::getsockopt_int(fd, libc::SOL_SOCKET, name);
            if family == -1 {
                family = opt(libc::SO_DOMAIN).map_err(|e| errno_error(vm, e))?;
            }
            if kind == -1 {
                kind = opt(libc::SO_TYPE).map_err(|e| errno_error(vm, e))?;
            }
            if proto == -1 {
                proto = opt(libc::SO_PROTOCOL).map_err(|e| errno_error(vm, e))?;
            }
            crate::signals::set_fd_nonblocking(fd, true).map_err(|e| errno_error(vm, e))?;
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            sys::socket(family, kind, proto).map_err(|e| errno_error(vm, e))?
        }
    };
    let nonblock = kind & libc::SOCK_NONBLOCK != 0;
    let kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let old = std::mem::replace(&mut me.slot.lock().fd, fd);
    if old >= 0 && old != fd {
        let _ = sys::close(old);
    }
    me.family.store(family, Ordering::Relaxed);
    me.kind.store(kind, Ordering::Relaxed);
    me.proto.store(proto, Ordering::Relaxed);
    let default = f64::from_bits(DEFAULT_TIMEOUT.load(Ordering::Relaxed));
    me.set_timeout(if nonblock {
        Some(0.0)
    } else if default >= 0.0 {
        Some(default)
    } else {
        None
    });
    Ok(none())
}

// ---- attributes ----------------------------------------------------------------

fn get_family(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v, "family")?.family() as i64))
}

fn get_type(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v, "type")?.kind.load(Ordering::Relaxed) as i64))
}

fn get_proto(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v, "proto")?.proto.load(Ordering::Relaxed) as i64))
}

fn timeout_value(t: Option<f64>) -> Value {
    t.map_or_else(none, new_float)
}

fn get_timeout(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(timeout_value(this(vm, v, "timeout")?.timeout()))
}

fn socket_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let me = this(vm, &a[0], "__repr__")?;
    Ok(new_str(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        me.fd(),
        me.family(),
        me.kind.load(Ordering::Relaxed),
        me.proto.load(Ordering::Relaxed)
    )))
}

fn socket_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "fileno", 1)?;
    Ok(int_from_i64(this(vm, &a[0], "fileno")?.fd() as i64))
}

fn socket_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "close", 1)?;
    let me = this(vm, &a[0], "close")?;
    if let Some(fd) = me.take_fd(true) {
        // As CPython: a reset connection is closed all the same.
        if let Err(e) = sys::close(fd) {
            if e != libc::ECONNRESET {
                return Err(errno_error(vm, e));
            }
        }
    }
    Ok(none())
}

fn socket_detach(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "detach", 1)?;
    let me = this(vm, &a[0], "detach")?;
    let fd = me.take_fd(false).unwrap_or(-1);
    if fd >= 0 && me.timeout().is_none() {
        // Whoever takes it expects a blocking descriptor, as CPython's is.
        let _ = crate::signals::set_fd_nonblocking(fd, false);
    }
    Ok(int_from_i64(fd as i64))
}

fn socket_gettimeout(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "gettimeout", 1)?;
    Ok(timeout_value(this(vm, &a[0], "gettimeout")?.timeout()))
}

/// A timeout argument: None, or seconds >= 0 (CPython's checks).
fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = match v.as_float() {
        Some(f) => f,
        None => long_arg(vm, v)? as f64,
    };
    if t.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.new_value_error("Timeout value out of range"));
    }
    Ok(Some(t))
}

fn socket_settimeout(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "settimeout", 2)?;
    let me = this(vm, &a[0], "settimeout")?;
    let t = timeout_arg(vm, &a[1])?;
    me.set_timeout(t);
    Ok(none())
}

fn socket_getblocking(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getblocking", 1)?;
    Ok(bool_value(this(vm, &a[0], "getblocking")?.timeout() != Some(0.0)))
}

fn socket_setblocking(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setblocking", 2)?;
    let me = this(vm, &a[0], "setblocking")?;
    let block = vm.truthy(&a[1])?;
    me.set_timeout(if block { None } else { Some(0.0) });
    Ok(none())
}

// ---- connection set-up ---------------------------------------------------------

fn socket_bind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "bind", 2)?;
    let me = this(vm, &a[0], "bind")?;
    let target = parse_addr(vm, me.family(), &a[1], "bind")?;
    let u = me.borrow(vm)?;
    sys::bind(u.fd, &target).map_err(|e| errno_error(vm, e))?;
    Ok(none())
}

fn socket_listen(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "listen", 1, 2)?;
    let me = this(vm, &a[0], "listen")?;
    let backlog = match a.get(1) {
        Some(b) => int_arg(vm, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    let u = me.borrow(vm)?;
    sys::listen(u.fd, backlog).map_err(|e| errno_error(vm, e))?;
    Ok(none())
}

/// `_accept()`: (descriptor, address) of a new connection; `socket.py`
/// wraps the descriptor.
fn socket_accept(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "_accept", 1)?;
    let me = this(vm, &a[0], "_accept")?;
    let deadline = me.deadline();
    let (fd, peer) = io_call(vm, me, READ, deadline, sys::accept)?;
    Ok(new_tuple(vec![int_from_i64(fd as i64), make_addr(peer.as_ref())]))
}

/// Connects; `Ok(errno)` for a failure `connect_ex` reports rather than
/// raises (0 on success).
fn connect_to(vm: &mut Vm, me: &PySocket, target: &Value, caller: &str) -> PyResult<i32> {
    let to = parse_addr(vm, me.family(), target, caller)?;
    let u = me.borrow(vm)?;
    let e = match sys::connect(u.fd, &to) {
        Ok(()) => return Ok(0),
        Err(e) => e,
    };
    if e != libc::EINPROGRESS && e != libc::EINTR {
        return Ok(e);
    }
    if me.timeout() == Some(0.0) {
        return Ok(e);
    }
    if !wait_ready(vm, &u, WRITE, me.deadline())? {
        return Err(timeout_error(vm));
    }
    sys::getsockopt_int(u.fd, libc::SOL_SOCKET, libc::SO_ERROR).or_else(|e| Ok(e))
}

fn socket_connect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "connect", 2)?;
    let me = this(vm, &a[0], "connect")?;
    match connect_to(vm, me, &a[1], "connect")? {
        0 => Ok(none()),
        e => Err(errno_error(vm, e)),
    }
}

fn socket_connect_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "connect_ex", 2)?;
    let me = this(vm, &a[0], "connect_ex")?;
    let r = match connect_to(vm, me, &a[1], "connect_ex") {
        Ok(e) => e,
        Err(e) if vm.err_matches(&e, &exc().timeout_error) => libc::EWOULDBLOCK,
        Err(e) => return Err(e),
    };
    Ok(int_from_i64(r as i64))
}

fn socket_shutdown(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "shutdown", 2)?;
    let me = this(vm, &a[0], "shutdown")?;
    let how = int_arg(vm, &a[1])?;
    let u = me.borrow(vm)?;
    sys::shutdown(u.fd, how).map_err(|e| errno_error(vm, e))?;
    Ok(none())
}

fn socket_getsockname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getsockname", 1)?;
    let me = this(vm, &a[0], "getsockname")?;
    let u = me.borrow(vm)?;
    let name = sys::getsockname(u.fd).map_err(|e| errno_error(vm, e))?;
    Ok(make_addr(name.as_ref()))
}

fn socket_getpeername(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getpeername", 1)?;
    let me = this(vm, &a[0], "getpeername")?;
    let u = me.borrow(vm)?;
    let name = sys::getpeername(u.fd).map_err(|e| errno_error(vm, e))?;
    Ok(make_addr(name.as_ref()))
}

// ---- data ----------------------------------------------------------------------

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(v) => int_arg(vm, v),
        None => Ok(0),
    }
}

fn size_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<usize> {
    let n = long_arg(vm, v)?;
    if n < 0 {
        return Err(vm.new_value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

/// A zeroed receive buffer, or MemoryError.
fn buffer(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut b = Vec::new();
    if b.try_reserve_exact(n).is_err() {
        return Err(vm.new_exception_empty(&exc().memory_error));
    }
    b.resize(n, 0);
    Ok(b)
}

fn socket_recv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "recv", 2, 3)?;
    let me = this(vm, &a[0], "recv")?;
    let n = size_arg(vm, &a[1], "recv")?;
    let fl = flags_arg(vm, a.get(2))?;
    let mut buf = buffer(vm, n)?;
    let deadline = me.deadline();
    let got = io_call(vm, me, READ, deadline, |fd| sys::recv(fd, &mut buf, fl))?;
    buf.truncate(got);
    Ok(bytes_new(buf))
}

fn socket_recvfrom(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "recvfrom", 2, 3)?;
    let me = this(vm, &a[0], "recvfrom")?;
    let n = size_arg(vm, &a[1], "recvfrom")?;
    let fl = flags_arg(vm, a.get(2))?;
    let mut buf = buffer(vm, n)?;
    let deadline = me.deadline();
    let (got, from) = io_call(vm, me, READ, deadline, |fd| sys::recvfrom(fd, &mut buf, fl))?;
    buf.truncate(got);
    Ok(new_tuple(vec![bytes_new(buf), make_addr(from.as_ref())]))
}

/// The length of a writable buffer argument of `recv_into`/`recvfrom_into`.
fn writable_len(vm: &mut Vm, fname: &str, buf: &Value) -> PyResult<usize> {
    if buf.downcast_ref::<PyBytes>().is_some() || buf.as_str().is_some() {
        return Err(vm.new_type_error(format!(
            "{fname}() argument 1 must be read-write bytes-like object, not {}",
            buf.class().name()
        )));
    }
    vm.len(buf)
}

/// Copies `data` to the start of `buf` (a bytearray directly, anything
/// else through slice assignment: memoryview, array).
fn fill(vm: &mut Vm, buf: &Value, data: Vec<u8>) -> PyResult<()> {
    if let Some(b) = buf.downcast_ref::<PyByteArray>() {
        let mut d = b.data.lock();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    let n = int_from_i64(data.len() as i64);
    let key = slice_new(int_from_i64(0), n, none());
    vm.set_item(buf, &key, bytes_new(data))
}

/// `recv_into` and `recvfrom_into`: (count, sender).
fn recv_into_common(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult<(usize, Value)> {
    let a = args.bind(vm, fname, &["self", "buffer", "nbytes", "flags"], 1)?;
    let (Some(s), Some(target)) = (a[0].clone(), a[1].clone()) else {
        return Err(vm.new_type_error(format!("{fname}() missing required argument 'buffer' (pos 1)")));
    };
    let me = this(vm, &s, fname)?;
    let len = writable_len(vm, fname, &target)?;
    let mut n = match &a[2] {
        Some(v) => {
            let n = long_arg(vm, v)?;
            if n < 0 {
                return Err(vm.new_value_error(format!("negative buffersize in {fname}")));
            }
            n as usize
        }
        None => 0,
    };
    if n > len {
        return Err(vm.new_value_error(format!(
            "{} too small for requested bytes",
            if fname == "recv_into" { "buffer" } else { "nbytes is greater than the length of the buffer" }
        )));
    }
    if n == 0 {
        n = len;
    }
    let fl = flags_arg(vm, a[3].as_ref())?;
    let mut data = buffer(vm, n)?;
    let deadline = me.deadline();
    let (got, from) = io_call(vm, me, READ, deadline, |fd| sys::recvfrom(fd, &mut data, fl))?;
    data.truncate(got);
    fill(vm, &target, data)?;
    Ok((got, make_addr(from.as_ref())))
}

fn socket_recv_into(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (n, _) = recv_into_common(vm, args, "recv_into")?;
    Ok(int_from_i64(n as i64))
}

fn socket_recvfrom_into(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (n, from) = recv_into_common(vm, args, "recvfrom_into")?;
    Ok(new_tuple(vec![int_from_i64(n as i64), from]))
}

fn socket_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "send", 2, 3)?;
    let me = this(vm, &a[0], "send")?;
    let data = need_buf(vm, &a[1])?.into_owned();
    let fl = flags_arg(vm, a.get(2))?;
    let deadline = me.deadline();
    let n = io_call(vm, me, WRITE, deadline, |fd| sys::send(fd, &data, fl))?;
    Ok(int_from_i64(n as i64))
}

/// `sendall(data[, flags])`: sends everything; a timeout bounds the whole
/// call (as CPython since 3.5), not each piece.
fn socket_sendall(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "sendall", 2, 3)?;
    let me = this(vm, &a[0], "sendall")?;
    let data = need_buf(vm, &a[1])?.into_owned();
    let fl = flags_arg(vm, a.get(2))?;
    let deadline = me.deadline();
    let mut sent = 0;
    while sent < data.len() {
        sent += io_call(vm, me, WRITE, deadline, |fd| sys::send(fd, &data[sent..], fl))?;
        // A signal handler may raise between pieces (PEP 475).
        if vm.thread.breaker_bits() & skein_threading::registry::BREAKER_SIGNAL != 0 {
            crate::signals::run_pending(vm)?;
        }
    }
    Ok(none())
}

/// `sendto(data, address)` or `sendto(data, flags, address)`.
fn socket_sendto(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "sendto", 3, 4)?;
    let me = this(vm, &a[0], "sendto")?;
    let data = need_buf(vm, &a[1])?.into_owned();
    let (fl, target) = if a.len() == 4 { (flags_arg(vm, Some(&a[2]))?, &a[3]) } else { (0, &a[2]) };
    let to = parse_addr(vm, me.family(), target, "sendto")?;
    let deadline = me.deadline();
    let n = io_call(vm, me, WRITE, deadline, |fd| sys::sendto(fd, &data, fl, &to))?;
    Ok(int_from_i64(n as i64))
}

// ---- options -------------------------------------------------------------------

/// `setsockopt(level, name, value)` with an int or a bytes-like value, or
/// `setsockopt(level, name, None, optlen)`.
fn socket_setsockopt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "setsockopt", 4, 5)?;
    let me = this(vm, &a[0], "setsockopt")?;
    let level = int_arg(vm, &a[1])?;
    let name = int_arg(vm, &a[2])?;
    let u = me.borrow(vm)?;
    let r = if a.len() == 5 {
        if !a[3].is_none() {
            return Err(vm.new_type_error("setsockopt() takes 3 arguments unless the value is None"));
        }
        let len = long_arg(vm, &a[4])?;
        let len = u32::try_from(len).map_err(|_| vm.new_overflow_error("optlen out of range"))?;
        sys::setsockopt_null(u.fd, level, name, len)
    } else if a[3].as_int().is_some() {
        let v = int_arg(vm, &a[3])?;
        sys::setsockopt_int(u.fd, level, name, v)
    } else {
        let b = need_buf(vm, &a[3])?.into_owned();
        sys::setsockopt_bytes(u.fd, level, name, &b)
    };
    r.map_err(|e| errno_error(vm, e))?;
    Ok(none())
}

/// `getsockopt(level, name[, buflen])`: an int, or `buflen` bytes.
fn socket_getsockopt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "getsockopt", 3, 4)?;
    let me = this(vm, &a[0], "getsockopt")?;
    let level = int_arg(vm, &a[1])?;
    let name = int_arg(vm, &a[2])?;
    let buflen = match a.get(3) {
        Some(b) => int_arg(vm, b)?,
        None => 0,
    };
    let u = me.borrow(vm)?;
    if buflen == 0 {
        let v = sys::getsockopt_int(u.fd, level, name).map_err(|e| errno_error(vm, e))?;
        return Ok(int_from_i64(v as i64));
    }
    if !(1..=1024).contains(&buflen) {
        return Err(vm.new_os_error("getsockopt buflen out of range"));
    }
    let b = sys::getsockopt_bytes(u.fd, level, name, buflen as usize).map_err(|e| errno_error(vm, e))?;
    Ok(bytes_new(b))
}

// ---- module functions ----------------------------------------------------------

fn module_getdefaulttimeout(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "getdefaulttimeout", 0)?;
    let t = f64::from_bits(DEFAULT_TIMEOUT.load(Ordering::Relaxed));
    Ok(timeout_value((t >= 0.0).then_some(t)))
}

fn module_setdefaulttimeout(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setdefaulttimeout", 1)?;
    let t = timeout_arg(vm, &a[0])?;
    DEFAULT_TIMEOUT.store(t.map_or(NO_TIMEOUT, f64::to_bits), Ordering::Relaxed);
    Ok(none())
}

/// A fresh `_socket.socket` around a descriptor this module just made.
fn wrap_fd(fd: i32, family: i32, kind: i32, proto: i32) -> Value {
    let s = PySocket::new();
    s.slot.lock().fd = fd;
    s.family.store(family, Ordering::Relaxed);
    s.kind.store(kind, Ordering::Relaxed);
    s.proto.store(proto, Ordering::Relaxed);
    let default = f64::from_bits(DEFAULT_TIMEOUT.load(Ordering::Relaxed));
    s.set_timeout((default >= 0.0).then_some(default));
    PyRef::new(s).into_value()
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected
/// `_socket.socket` objects.
fn module_socketpair(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "socketpair", 0, 3)?;
    let mut nums = [libc::AF_UNIX, libc::SOCK_STREAM, 0];
    for (slot, v) in nums.iter_mut().zip(a) {
        *slot = int_arg(vm, v)?;
    }
    let [family, kind, proto] = nums;
    let (x, y) = sys::socketpair(family, kind, proto).map_err(|e| errno_error(vm, e))?;
    Ok(new_tuple(vec![wrap_fd(x, family, kind, proto), wrap_fd(y, family, kind, proto)]))
}

fn module_dup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "dup", 1)?;
    let fd = int_arg(vm, &a[0])?;
    let new = sys::dup(fd).map_err(|e| errno_error(vm, e))?;
    Ok(int_from_i64(new as i64))
}

fn module_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "close", 1)?;
    let fd = int_arg(vm, &a[0])?;
    if let Err(e) = sys::close(fd) {
        if e != libc::ECONNRESET {
            return Err(errno_error(vm, e));
        }
    }
    Ok(none())
}

fn init_types() {
    addr::init_error_types();
    let t =
        PyType::new_builtin::<PySocket>("socket", Some(crate::types::instance_object_type()), flags::BASETYPE, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("_socket"));
    SOCKET_TYPE.set(t);
    let t = SOCKET_TYPE.get();
    add_method_kind(t, "__new__", socket_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__init__", socket_init),
            ("__repr__", socket_repr),
            ("_accept", socket_accept),
            ("bind", socket_bind),
            ("close", socket_close),
            ("connect", socket_connect),
            ("connect_ex", socket_connect_ex),
            ("detach", socket_detach),
            ("fileno", socket_fileno),
            ("getpeername", socket_getpeername),
            ("getsockname", socket_getsockname),
            ("getsockopt", socket_getsockopt),
            ("getblocking", socket_getblocking),
            ("gettimeout", socket_gettimeout),
            ("listen", socket_listen),
            ("recv", socket_recv),
            ("recvfrom", socket_recvfrom),
            ("recv_into", socket_recv_into),
            ("recvfrom_into", socket_recvfrom_into),
            ("send", socket_send),
            ("sendall", socket_sendall),
            ("sendto", socket_sendto),
            ("setblocking", socket_setblocking),
            ("setsockopt", socket_setsockopt),
            ("settimeout", socket_settimeout),
            ("shutdown", socket_shutdown),
        ],
    );
    add_getset(t, "family", get_family, None);
    add_getset(t, "type", get_type, None);
    add_getset(t, "proto", get_proto, None);
    add_getset(t, "timeout", get_timeout, None);
}

/// The integer constants of `_socket` (Linux values, from libc).
fn constants() -> Vec<(&'static str, i64)> {
    use libc::*;
    let mut v: Vec<(&'static str, i64)> = vec![
        ("AF_UNSPEC", AF_UNSPEC as i64),
        ("AF_INET", AF_INET as i64),
        ("AF_INET6", AF_INET6 as i64),
        ("AF_UNIX", AF_UNIX as i64),
        ("SOCK_STREAM", SOCK_STREAM as i64),
        ("SOCK_DGRAM", SOCK_DGRAM as i64),
        ("SOCK_RAW", SOCK_RAW as i64),
        ("SOCK_SEQPACKET", SOCK_SEQPACKET as i64),
        ("SOCK_NONBLOCK", SOCK_NONBLOCK as i64),
        ("SOCK_CLOEXEC", SOCK_CLOEXEC as i64),
        ("SOL_SOCKET", SOL_SOCKET as i64),
        ("SO_REUSEADDR", SO_REUSEADDR as i64),
        ("SO_REUSEPORT", SO_REUSEPORT as i64),
        ("SO_KEEPALIVE", SO_KEEPALIVE as i64),
        ("SO_BROADCAST", SO_BROADCAST as i64),
        ("SO_LINGER", SO_LINGER as i64),
        ("SO_RCVBUF", SO_RCVBUF as i64),
        ("SO_SNDBUF", SO_SNDBUF as i64),
        ("SO_RCVLOWAT", SO_RCVLOWAT as i64),
        ("SO_SNDLOWAT", SO_SNDLOWAT as i64),
        ("SO_RCVTIMEO", SO_RCVTIMEO as i64),
        ("SO_SNDTIMEO", SO_SNDTIMEO as i64),
        ("SO_ERROR", SO_ERROR as i64),
        ("SO_TYPE", SO_TYPE as i64),
        ("SO_ACCEPTCONN", SO_ACCEPTCONN as i64),
        ("SO_DOMAIN", SO_DOMAIN as i64),
        ("SO_PROTOCOL", SO_PROTOCOL as i64),
        ("SO_OOBINLINE", SO_OOBINLINE as i64),
        ("SO_DONTROUTE", SO_DONTROUTE as i64),
        ("SOMAXCONN", SOMAXCONN as i64),
        ("IPPROTO_IP", IPPROTO_IP as i64),
        ("IPPROTO_TCP", IPPROTO_TCP as i64),
        ("IPPROTO_UDP", IPPROTO_UDP as i64),
        ("IPPROTO_IPV6", IPPROTO_IPV6 as i64),
        ("IPPROTO_ICMP", IPPROTO_ICMP as i64),
        ("IPPROTO_RAW", IPPROTO_RAW as i64),
        ("SOL_IP", SOL_IP as i64),
        ("SOL_TCP", SOL_TCP as i64),
        ("SOL_UDP", SOL_UDP as i64),
        ("TCP_NODELAY", TCP_NODELAY as i64),
        ("TCP_KEEPIDLE", TCP_KEEPIDLE as i64),
        ("TCP_KEEPINTVL", TCP_KEEPINTVL as i64),
        ("TCP_KEEPCNT", TCP_KEEPCNT as i64),
        ("TCP_MAXSEG", TCP_MAXSEG as i64),
        ("IP_TOS", IP_TOS as i64),
        ("IP_TTL", IP_TTL as i64),
        ("IP_MULTICAST_TTL", IP_MULTICAST_TTL as i64),
        ("IP_MULTICAST_LOOP", IP_MULTICAST_LOOP as i64),
        ("IP_ADD_MEMBERSHIP", IP_ADD_MEMBERSHIP as i64),
        ("IP_DROP_MEMBERSHIP", IP_DROP_MEMBERSHIP as i64),
        ("IPV6_V6ONLY", IPV6_V6ONLY as i64),
        ("SHUT_RD", SHUT_RD as i64),
        ("SHUT_WR", SHUT_WR as i64),
        ("SHUT_RDWR", SHUT_RDWR as i64),
        ("MSG_OOB", MSG_OOB as i64),
        ("MSG_PEEK", MSG_PEEK as i64),
        ("MSG_DONTROUTE", MSG_DONTROUTE as i64),
        ("MSG_DONTWAIT", MSG_DONTWAIT as i64),
        ("MSG_WAITALL", MSG_WAITALL as i64),
        ("MSG_TRUNC", MSG_TRUNC as i64),
        ("MSG_CTRUNC", MSG_CTRUNC as i64),
        ("MSG_EOR", MSG_EOR as i64),
        ("MSG_NOSIGNAL", MSG_NOSIGNAL as i64),
        ("AI_PASSIVE", AI_PASSIVE as i64),
        ("AI_CANONNAME", AI_CANONNAME as i64),
        ("AI_NUMERICHOST", AI_NUMERICHOST as i64),
        ("AI_NUMERICSERV", AI_NUMERICSERV as i64),
        ("AI_V4MAPPED", AI_V4MAPPED as i64),
        ("AI_ALL", AI_ALL as i64),
        ("AI_ADDRCONFIG", AI_ADDRCONFIG as i64),
        ("NI_NUMERICHOST", NI_NUMERICHOST as i64),
        ("NI_NUMERICSERV", NI_NUMERICSERV as i64),
        ("NI_NOFQDN", NI_NOFQDN as i64),
        ("NI_NAMEREQD", NI_NAMEREQD as i64),
        ("NI_DGRAM", NI_DGRAM as i64),
        ("NI_MAXHOST", 1025),
        ("NI_MAXSERV", 32),
        ("EAI_AGAIN", EAI_AGAIN as i64),
        ("EAI_BADFLAGS", EAI_BADFLAGS as i64),
        ("EAI_FAIL", EAI_FAIL as i64),
        ("EAI_FAMILY", EAI_FAMILY as i64),
        ("EAI_MEMORY", EAI_MEMORY as i64),
        ("EAI_NONAME", EAI_NONAME as i64),
        ("EAI_SERVICE", EAI_SERVICE as i64),
        ("EAI_SOCKTYPE", EAI_SOCKTYPE as i64),
        ("EAI_SYSTEM", EAI_SYSTEM as i64),
        ("INADDR_ANY", 0),
        ("INADDR_BROADCAST", 0xffff_ffff),
        ("INADDR_LOOPBACK", 0x7f00_0001),
        ("INADDR_NONE", 0xffff_ffff),
    ];
    v.sort_unstable();
    v
}

/// The native `_socket` module.
pub fn make_module() -> PyRef<PyModule> {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(init_types);
    let m = PyModule::new("_socket");
    m.set_attr("socket", SOCKET_TYPE.get().to_value());
    m.set_attr("SocketType", SOCKET_TYPE.get().to_value());
    m.set_attr("error", exc().os_error.to_value());
    m.set_attr("timeout", exc().timeout_error.to_value());
    m.set_attr("gaierror", addr::GAIERROR_TYPE.get().to_value());
    m.set_attr("herror", addr::HERROR_TYPE.get().to_value());
    m.set_attr("has_ipv6", bool_value(true));
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getdefaulttimeout", module_getdefaulttimeout),
        ("setdefaulttimeout", module_setdefaulttimeout),
        ("socketpair", module_socketpair),
        ("dup", module_dup),
        ("close", module_close),
        ("getaddrinfo", addr::getaddrinfo),
        ("gethostbyname", addr::gethostbyname),
        ("gethostname", addr::gethostname),
        ("inet_aton", addr::inet_aton),
        ("inet_ntoa", addr::inet_ntoa),
        ("inet_pton", addr::inet_pton),
        ("inet_ntop", addr::inet_ntop),
        ("htons", addr::htons),
        ("ntohs", addr::ntohs),
        ("htonl", addr::htonl),
        ("ntohl", addr::ntohl),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_socket"));
    }
    for (name, v) in constants() {
        m.set_attr(name, int_from_i64(v));
    }
    m
}
