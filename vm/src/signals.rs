//! Signals: one C handler for every signal Python code catches, which only
//! sets flags (async-signal-safe), and the check that runs the Python
//! handlers in the main thread at its next eval-breaker check or
//! blocking-wait wake-up.
//!
//! Protocol: the C handler sets `PENDING[sig]`, then `ANY_PENDING`, writes
//! one byte to the wakeup fd if one is set, and pokes the main thread's
//! eval breaker (`BREAKER_SIGNAL`); all of these are single atomic
//! operations or `write(2)`, which POSIX lists as async-signal-safe. The
//! main thread clears `ANY_PENDING` before it scans `PENDING`, so a signal
//! arriving during the scan sets it again and is handled on the next check.
//!
//! The Python-level handlers (`signal.signal`) live in `HANDLERS`, a mutex
//! the C handler never touches. SIGINT starts with `default_int_handler`
//! (an empty slot: raise `KeyboardInterrupt`) unless it was ignored when
//! the process started.
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use skein_threading::registry::{ThreadState, BREAKER_SIGNAL};

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// One more than the largest signal number (Linux's `_NSIG`).
pub const NSIG: usize = 65;

/// How often a thread blocked in a wait or a sleep looks for a pending
/// signal (Ctrl-C, a Python handler to run): the latency of an interrupt.
pub const SIGNAL_POLL: Duration = Duration::from_millis(50);
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
/// The fd `signal.set_wakeup_fd` chose, or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// The main thread's state, for the handler to poke its eval breaker. Set
/// once at start-up from an `Arc` that is never released.
static MAIN: AtomicPtr<ThreadState> = AtomicPtr::new(std::ptr::null_mut());
/// Whether our handler took SIGINT at start-up (it was not ignored).
static SIGINT_INSTALLED: AtomicBool = AtomicBool::new(false);

/// A Python-level handler: `SIG_DFL` / `SIG_IGN` (as ints) or a callable.
/// `None` for a signal Python never set: for SIGINT with our handler
/// installed that means `default_int_handler`.
static HANDLERS: Mutex<Vec<Option<Value>>> = Mutex::new(Vec::new());

extern "C" fn on_signal(sig: libc::c_int) {
    let Some(slot) = usize::try_from(sig).ok().and_then(|s| PENDING.get(s)) else { return };
    slot.store(true, Ordering::SeqCst);
    ANY_PENDING.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is one byte on
        // this stack frame. A full pipe or closed fd only loses the byte.
        // errno is saved and restored so the interrupted code sees its own.
        unsafe {
            let saved = *libc::__errno_location();
            libc::write(fd, (&byte as *const u8).cast(), 1);
            *libc::__errno_location() = saved;
        }
    }
    let p = MAIN.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: `MAIN` points at a ThreadState kept alive forever (its
        // Arc was leaked in `install`); `request` is a single atomic OR,
        // which is async-signal-safe.
        unsafe { (*p).request(BREAKER_SIGNAL) };
    }
}

/// Installs the SIGINT handler and remembers the main thread.
///
/// As CPython, Skein leaves SIGINT alone when it started ignored (a
/// background job of a non-interactive shell, `nohup`): the user asked for
/// Ctrl-C not to reach it.
pub fn install(main: &Arc<ThreadState>) {
    let leaked = Arc::into_raw(main.clone()) as *mut ThreadState;
    MAIN.store(leaked, Ordering::SeqCst);
    if disposition(libc::SIGINT) == Some(Disposition::Ignore) {
        return;
    }
    if set_disposition(libc::SIGINT, Disposition::Catch).is_ok() {
        SIGINT_INSTALLED.store(true, Ordering::SeqCst);
    }
}

/// What the kernel does with a signal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// Our flag-setting handler.
    Catch,
    /// A handler someone else installed.
    Foreign,
}

/// The signal's current disposition, `None` if `sig` is not a signal.
pub fn disposition(sig: i32) -> Option<Disposition> {
    // SAFETY: `sigaction` with a null new action only reads the current
    // disposition into `old`, a zeroed plain-data struct we own.
    let old = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return None;
        }
        old
    };
    let ours = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
    Some(match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == ours => Disposition::Catch,
        _ => Disposition::Foreign,
    })
}

/// Sets a signal's disposition; the error is the errno.
pub fn set_disposition(sig: i32, d: Disposition) -> Result<(), i32> {
    let handler = match d {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Catch | Disposition::Foreign => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: `act` is a fully initialised sigaction we own; the handler
    // installed only touches atomics and write(2) (see `on_signal`).
    // SA_RESTART as glibc's signal() (and the Ctrl-C handler before):
    // reads and writes go on after the flag is set; the waits that must
    // run Python handlers promptly (nanosleep, pause) return EINTR anyway.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        act.sa_flags = libc::SA_ONSTACK | libc::SA_RESTART;
        libc::sigemptyset(&mut act.sa_mask);
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(*libc::__errno_location());
        }
    }
    Ok(())
}

/// The Python handler recorded for `sig`.
pub fn handler(sig: usize) -> Option<Value> {
    let h = HANDLERS.lock().unwrap_or_else(|p| p.into_inner());
    h.get(sig).cloned().flatten()
}

/// Records the Python handler for `sig`; returns the previous one.
pub fn set_handler(sig: usize, v: Option<Value>) -> Option<Value> {
    let mut h = HANDLERS.lock().unwrap_or_else(|p| p.into_inner());
    if h.len() < NSIG {
        h.resize(NSIG, None);
    }
    std::mem::replace(&mut h[sig], v)
}

/// Whether SIGINT still has Skein's start-up handler (`default_int_handler`).
pub fn sigint_installed() -> bool {
    SIGINT_INSTALLED.load(Ordering::SeqCst)
}

/// Sets the wakeup fd; returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// Set when the main program ended with an uncaught `KeyboardInterrupt`.
static UNHANDLED_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Records that the main program ended with an uncaught `KeyboardInterrupt`,
/// so that the process ends the way CPython's does: killed by SIGINT, which
/// lets a calling shell or `make` see the interrupt and stop too.
pub fn note_unhandled_interrupt() {
    UNHANDLED_INTERRUPT.store(true, Ordering::SeqCst);
}

/// Ends the process with `code`, or by SIGINT after an unhandled
/// `KeyboardInterrupt` (CPython's `exit_sigint`; 130 if the signal cannot
/// be delivered, the shell's number for death by SIGINT).
pub fn exit_process(code: i32) -> ! {
    if UNHANDLED_INTERRUPT.load(Ordering::SeqCst) {
        // SAFETY: restoring the default disposition and signalling our own
        // process are plain libc calls with valid constant arguments.
        unsafe {
            if libc::signal(libc::SIGINT, libc::SIG_DFL) != libc::SIG_ERR {
                libc::kill(libc::getpid(), libc::SIGINT);
            }
        }
        std::process::exit(130);
    }
    std::process::exit(code)
}

/// Marks an interrupt as pending (`_thread.interrupt_main`).
pub fn request_interrupt() {
    on_signal(libc::SIGINT);
}

/// Simulates the arrival of `sig` (`_thread.interrupt_main(signum)`).
pub fn trip(sig: i32) {
    on_signal(sig);
}

/// Whether `ts` is the main thread.
pub fn is_main(ts: &ThreadState) -> bool {
    std::ptr::eq(MAIN.load(Ordering::Relaxed), ts)
}

/// Runs the Python handlers of the signals that arrived, in the main
/// thread (elsewhere: nothing). An exception from a handler propagates;
/// signals not yet handled then stay pending for the next check.
pub fn run_pending(vm: &mut Vm) -> PyResult<()> {
    vm.thread.clear(BREAKER_SIGNAL);
    if !is_main(&vm.thread) || !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for sig in 1..NSIG {
        if !PENDING[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let r = run_one(vm, sig);
        if r.is_err() {
            if PENDING[sig + 1..].iter().any(|p| p.load(Ordering::SeqCst)) {
                ANY_PENDING.store(true, Ordering::SeqCst);
                vm.thread.request(BREAKER_SIGNAL);
            }
            return r;
        }
    }
    Ok(())
}

fn run_one(vm: &mut Vm, sig: usize) -> PyResult<()> {
    match handler(sig) {
        None if sig == libc::SIGINT as usize => {
            crate::modules::sys::flush_std_streams();
            Err(vm.new_exception_empty(&crate::types::exceptions::exc().keyboard_interrupt))
        }
        // SIG_DFL / SIG_IGN set after the signal came, or none at all.
        None => Ok(()),
        Some(h) if h.as_i64().is_some() => Ok(()),
        Some(h) => {
            let frame = crate::interp::frame_object::frame_at(vm, 0).unwrap_or_else(crate::types::singletons::none);
            let args = [crate::types::int::int_from_i64(sig as i64), frame];
            vm.call(&h, &args).map(|_| ())
        }
    }
}

/// Sleeps for `d` (`time.sleep`) with the thread detached; a signal cuts
/// the wait short to run its handler in the main thread, then the sleep
/// goes on for the rest of the time unless the handler raised (PEP 475).
pub fn sleep(vm: &mut Vm, d: Duration) -> PyResult<()> {
    let deadline = Instant::now() + d;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        let ts = libc::timespec {
            tv_sec: left.as_secs().min(i64::MAX as u64) as libc::time_t,
            tv_nsec: left.subsec_nanos() as libc::c_long,
        };
        vm.thread.detach();
        // SAFETY: `ts` is a valid timespec we own; the remaining-time
        // pointer may be null.
        let r = unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
        vm.thread.attach();
        if r != 0 {
            run_pending(vm)?;
        }
    }
}

/// `signal.pause()`: waits (detached) until a signal arrives, then runs
/// the handlers.
pub fn pause(vm: &mut Vm) -> PyResult<()> {
    vm.thread.detach();
    // SAFETY: pause(2) takes no arguments and only returns on a signal.
    unsafe { libc::pause() };
    vm.thread.attach();
    run_pending(vm)
}

/// `alarm(2)`: seconds left of the previous alarm.
pub fn alarm(secs: u32) -> u32 {
    // SAFETY: alarm(2) takes a plain integer.
    unsafe { libc::alarm(secs) }
}

/// `raise(3)`; the error is the errno.
pub fn raise(sig: i32) -> Result<(), i32> {
    // SAFETY: raise(3) takes a plain integer; an invalid one fails with EINVAL.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(errno());
    }
    Ok(())
}

/// `kill(2)`; the error is the errno.
pub fn kill(pid: i32, sig: i32) -> Result<(), i32> {
    // SAFETY: kill(2) takes plain integers; bad ones fail with an errno.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(errno());
    }
    Ok(())
}

/// After `kill(getpid(), sig)`: the kernel may hand the signal to another
/// thread, whose C handler then sets the flag a moment later. Waits (at
/// most 20 ms) for that, so the handler runs before `os.kill` returns as
/// it does in CPython's single-threaded case.
pub fn await_own_signal(sig: i32) {
    let Some(flag) = usize::try_from(sig).ok().and_then(|s| PENDING.get(s)) else { return };
    if disposition(sig) != Some(Disposition::Catch) {
        return;
    }
    let deadline = Instant::now() + Duration::from_millis(20);
    while !flag.load(Ordering::SeqCst) && Instant::now() < deadline {
        std::thread::yield_now();
    }
}

/// `strsignal(3)`, `None` for an unknown signal.
pub fn strsignal(sig: i32) -> Option<String> {
    if !(1..NSIG as i32).contains(&sig) {
        return None;
    }
    // SAFETY: strsignal returns a pointer to a NUL-terminated string that
    // stays valid until the next call; it is copied at once. Only the main
    // thread calls it (signal functions are main-thread only in Python).
    unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned())
    }
}

/// `setitimer(2)` / `getitimer(2)`: (delay, interval) in seconds of the
/// previous timer. `new` is `None` to only read it.
pub fn itimer(which: i32, new: Option<(f64, f64)>) -> Result<(f64, f64), i32> {
    fn tv(s: f64) -> libc::timeval {
        let s = s.max(0.0);
        let mut sec = s.trunc() as libc::time_t;
        let mut usec = ((s - s.trunc()) * 1e6).round() as libc::suseconds_t;
        // A value under one microsecond still arms the timer, as CPython.
        if sec == 0 && usec == 0 && s > 0.0 {
            usec = 1;
        }
        if usec >= 1_000_000 {
            sec += 1;
            usec -= 1_000_000;
        }
        libc::timeval { tv_sec: sec, tv_usec: usec }
    }
    fn secs(t: &libc::timeval) -> f64 {
        t.tv_sec as f64 + t.tv_usec as f64 / 1e6
    }
    // SAFETY: both structs are plain data we own; the kernel fills `old`.
    let old = unsafe {
        let mut old: libc::itimerval = std::mem::zeroed();
        let r = match new {
            Some((delay, interval)) => {
                let v = libc::itimerval { it_value: tv(delay), it_interval: tv(interval) };
                libc::setitimer(which as _, &v, &mut old)
            }
            None => libc::getitimer(which as _, &mut old),
        };
        if r != 0 {
            return Err(errno());
        }
        old
    };
    Ok((secs(&old.it_value), secs(&old.it_interval)))
}

/// `siginterrupt(3)`: whether `sig` interrupts system calls (no
/// SA_RESTART) or restarts them.
pub fn siginterrupt(sig: i32, interrupt: bool) -> Result<(), i32> {
    // SAFETY: reads the current action into a zeroed struct we own, then
    // writes it back with only SA_RESTART changed.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) != 0 {
            return Err(errno());
        }
        if interrupt {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(errno());
        }
    }
    Ok(())
}

/// Whether fd is open, and whether it is in non-blocking mode.
pub fn fd_nonblocking(fd: i32) -> Result<bool, i32> {
    // SAFETY: fcntl(F_GETFL) only reads the flags of an fd (EBADF if closed).
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(errno());
    }
    Ok(flags & libc::O_NONBLOCK != 0)
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)
}

/// Sets or clears `O_NONBLOCK` on fd (`os.set_blocking`).
pub fn set_fd_nonblocking(fd: i32, nonblocking: bool) -> Result<(), i32> {
    // SAFETY: fcntl(F_GETFL/F_SETFL) reads and writes the status flags of
    // an fd; a closed one fails with EBADF.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(errno());
        }
        let new = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(errno());
        }
    }
    Ok(())
}

/// `poll(2)` on `fds` ((fd, events) in, revents out) for at most `timeout`
/// (`None`: until an fd is ready), with the thread detached. The wait is
/// cut into slices of `SIGNAL_POLL` so that a signal caught on another
/// thread still reaches the main thread's handlers at once (as in
/// `time.sleep`); a handler that raises ends the wait with its exception,
/// otherwise the wait goes on for the rest of the time (PEP 475).
/// `Ok(Err(errno))` is a failed `poll` (EBADF, EINVAL, ENOMEM).
pub fn poll(vm: &mut Vm, fds: &mut [(i32, i16, i16)], timeout: Option<Duration>) -> PyResult<Result<usize, i32>> {
    let mut pfds: Vec<libc::pollfd> =
        fds.iter().map(|&(fd, events, _)| libc::pollfd { fd, events, revents: 0 }).collect();
    let deadline =
        timeout.map(|t| Instant::now().checked_add(t).unwrap_or_else(|| Instant::now() + Duration::from_secs(1 << 40)));
    loop {
        let slice = match deadline {
            Some(d) => d.saturating_duration_since(Instant::now()).min(SIGNAL_POLL),
            None => SIGNAL_POLL,
        };
        // Round up: a 0.3 ms wait must not become a busy 0 ms poll.
        let ms = slice.as_micros().div_ceil(1000) as libc::c_int;
        vm.thread.detach();
        // SAFETY: `pfds` is a live Vec of pollfd structs whose length is
        // passed with it; the kernel only writes their `revents`.
        let r = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
        let err = if r < 0 { errno() } else { 0 };
        vm.thread.attach();
        if r > 0 {
            for (out, p) in fds.iter_mut().zip(&pfds) {
                out.2 = p.revents;
            }
            return Ok(Ok(r as usize));
        }
        if r < 0 && err != libc::EINTR {
            return Ok(Err(err));
        }
        if r < 0 || vm.thread.breaker_bits() & BREAKER_SIGNAL != 0 {
            run_pending(vm)?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            for out in fds.iter_mut() {
                out.2 = 0;
            }
            return Ok(Ok(0));
        }
    }
}
