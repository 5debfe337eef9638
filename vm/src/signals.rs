//! Ctrl-C: a SIGINT handler that only sets flags (async-signal-safe), and
//! the check that turns a pending interrupt into `KeyboardInterrupt` in the
//! main thread at its next eval-breaker check or blocking-wait wake-up.
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::sync::Arc;

use skein_threading::registry::{ThreadState, BREAKER_SIGNAL};

static PENDING: AtomicBool = AtomicBool::new(false);
/// The main thread's state, for the handler to poke its eval breaker. Set
/// once at start-up from an `Arc` that is never released.
static MAIN: AtomicPtr<ThreadState> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_sig: libc::c_int) {
    PENDING.store(true, Ordering::SeqCst);
    let p = MAIN.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: `MAIN` points at a ThreadState kept alive forever (its
        // Arc was leaked in `install`); `request` is a single atomic OR,
        // which is async-signal-safe.
        unsafe { (*p).request(BREAKER_SIGNAL) };
    }
}

/// Installs the handler and remembers the main thread.
///
/// As CPython, Skein leaves SIGINT alone when it started ignored (a
/// background job of a non-interactive shell, `nohup`): the user asked for
/// Ctrl-C not to reach it.
pub fn install(main: &Arc<ThreadState>) {
    let leaked = Arc::into_raw(main.clone()) as *mut ThreadState;
    MAIN.store(leaked, Ordering::SeqCst);
    let handler = on_sigint as extern "C" fn(libc::c_int);
    // SAFETY: `sigaction` with a null new action only reads the current
    // disposition into `old`, a zeroed plain-data struct we own; the
    // handler installed afterwards only touches atomics.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        let queried = libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) == 0;
        if queried && old.sa_sigaction == libc::SIG_IGN {
            return;
        }
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
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
    on_sigint(libc::SIGINT);
}

/// Whether `ts` is the main thread.
pub fn is_main(ts: &ThreadState) -> bool {
    std::ptr::eq(MAIN.load(Ordering::Relaxed), ts)
}

/// Takes a pending interrupt if called on the main thread.
pub fn take_pending(ts: &ThreadState) -> bool {
    ts.clear(BREAKER_SIGNAL);
    is_main(ts) && PENDING.swap(false, Ordering::SeqCst)
}
