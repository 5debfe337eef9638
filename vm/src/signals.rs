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
pub fn install(main: &Arc<ThreadState>) {
    let leaked = Arc::into_raw(main.clone()) as *mut ThreadState;
    MAIN.store(leaked, Ordering::SeqCst);
    let handler = on_sigint as extern "C" fn(libc::c_int);
    // SAFETY: installing a handler that only touches atomics.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
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
