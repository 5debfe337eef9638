//! The optional global interpreter lock, chosen at run time.
//!
//! When enabled ([`set_gil_enabled`], before threads start), a thread takes
//! the GIL in `ThreadState::attach` and releases it in `detach`, so at most
//! one thread is ATTACHED at a time. This is CPython's GIL since 3.2:
//!
//! - A thread waiting for the GIL waits at most one switch interval
//!   (default 5 ms) at a time. If the same holder kept the GIL for a whole
//!   interval (no switch happened), the waiter sets
//!   `BREAKER_GIL_DROP_REQUEST` on the holder.
//! - Having asked, the waiter polls for the release for a short while
//!   (`RELEASE_SPIN`) instead of going back to sleep: the holder usually
//!   answers within microseconds, and a sleeping waiter would add its
//!   wake-up latency (tens of microseconds to milliseconds on a busy or
//!   virtualised machine) to every forced switch, during which no thread
//!   runs Python code.
//! - The holder sees the bit in its eval breaker and calls
//!   [`ThreadState::yield_gil`](crate::registry::ThreadState::yield_gil): it
//!   detaches (releasing the GIL) and then waits until another thread has
//!   taken it (forced switching) before competing again, so a CPU-bound
//!   thread cannot re-take the GIL at once and starve the waiters.
//!
//! Invariants (all fields of `GilState` are guarded by `Gil::state`):
//! - `holder` is the tid of the thread that owns the GIL, or 0.
//!   `Gil::holder_hint` mirrors it (written under `state`) so a waiter can
//!   poll it without the lock; it is only a hint: the waiter re-checks
//!   `holder` under `state` before taking the GIL.
//! - `switches` grows by one every time the GIL changes hands (each take).
//! - `waiters` counts threads inside `take` that found the GIL held; a
//!   waiter leaves only by taking the GIL, so a forced-switch wait that
//!   started with `waiters > 0` always ends.
//! - A drop request is set on a holder only with `state` held and only while
//!   `holder` is that thread; `take` clears the new holder's bit with
//!   `state` held. So a drop request is never stale: it always refers to the
//!   holding period in progress.
//! - Lock order: `Gil::state` may be held while taking the registry lock
//!   (for `lookup`), never the other way round.

use crate::registry::{lookup, ThreadState, BREAKER_GIL_DROP_REQUEST};
use crate::stats::{self, Counter};
use crate::sync::{spin_loop_hint, AtomicBool, AtomicU64, AtomicUsize, Condvar, Mutex, Ordering};
use std::time::{Duration, Instant};

/// The default switch interval, as in CPython (`sys.getswitchinterval()`).
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);

/// How long a waiter that asked for a switch polls for the release before
/// it goes back to sleep. The holder answers at its next eval-breaker
/// check, normally within microseconds, but it may be in a long native
/// call or descheduled on a busy machine (perf showed 3% of the CPU spent
/// polling with a 200 us bound on a heavily loaded 2-core machine); at one
/// switch per 5 ms interval, 50 us bounds the waste to 1%.
const RELEASE_SPIN: Duration = Duration::from_micros(50);

/// Polls between clock reads while waiting for the release; under loom a
/// poll yields, so keep the model small.
const POLLS_PER_CLOCK_READ: u32 = if cfg!(loom) { 1 } else { 64 };

#[derive(Debug)]
struct GilState {
    holder: usize,
    switches: u64,
    waiters: usize,
}

#[derive(Debug)]
struct Gil {
    enabled: AtomicBool,
    interval_ns: AtomicU64,
    /// `state.holder`, readable without the lock (see the module doc).
    holder_hint: AtomicUsize,
    state: Mutex<GilState>,
    /// Signalled when the GIL is released (waiters in `take`).
    released: Condvar,
    /// Signalled when the GIL is taken (a yielding holder in `release`).
    switched: Condvar,
}

impl Gil {
    #[cfg(not(loom))]
    const fn new() -> Self {
        Gil {
            enabled: AtomicBool::new(false),
            interval_ns: AtomicU64::new(DEFAULT_SWITCH_INTERVAL.as_nanos() as u64),
            holder_hint: AtomicUsize::new(0),
            state: Mutex::new(GilState { holder: 0, switches: 0, waiters: 0 }),
            released: Condvar::new(),
            switched: Condvar::new(),
        }
    }

    #[cfg(loom)]
    fn new() -> Self {
        Gil {
            enabled: AtomicBool::new(false),
            interval_ns: AtomicU64::new(DEFAULT_SWITCH_INTERVAL.as_nanos() as u64),
            holder_hint: AtomicUsize::new(0),
            state: Mutex::new(GilState { holder: 0, switches: 0, waiters: 0 }),
            released: Condvar::new(),
            switched: Condvar::new(),
        }
    }
}

#[cfg(not(loom))]
fn gil() -> &'static Gil {
    static GIL: Gil = Gil::new();
    &GIL
}

#[cfg(loom)]
fn gil() -> &'static Gil {
    loom::lazy_static! {
        static ref GIL: Gil = Gil::new();
    }
    &GIL
}

/// Turn the GIL on or off. Call before any thread attaches; a thread that
/// already holds the GIL still releases it on its next detach.
pub fn set_gil_enabled(enabled: bool) {
    // Relaxed: this is configuration set before threads start; thread spawn
    // provides the happens-before edge to the threads that read it.
    gil().enabled.store(enabled, Ordering::Relaxed);
}

/// Whether the GIL is on.
#[inline]
pub fn gil_enabled() -> bool {
    gil().enabled.load(Ordering::Relaxed)
}

/// Set how long a waiter lets one holder keep the GIL before asking it to
/// switch (CPython's `sys.setswitchinterval`). Clamped to at least 1 µs.
pub fn set_switch_interval(interval: Duration) {
    let ns = interval.as_nanos().clamp(1_000, u64::MAX as u128) as u64;
    gil().interval_ns.store(ns, Ordering::Relaxed);
}

/// The current switch interval.
pub fn switch_interval() -> Duration {
    Duration::from_nanos(gil().interval_ns.load(Ordering::Relaxed))
}

/// The tid of the thread holding the GIL, or 0 (a snapshot, for tests and
/// debugging).
pub fn gil_holder() -> usize {
    gil().state.lock().holder
}

/// Block until `ts` holds the GIL.
pub(crate) fn take(ts: &ThreadState) {
    let gil = gil();
    let mut st = gil.state.lock();
    debug_assert_ne!(st.holder, ts.tid, "GIL taken twice by one thread");
    stats::count(Counter::GilAcquire);
    if st.holder != 0 {
        stats::count(Counter::GilWait);
        st.waiters += 1;
        while st.holder != 0 {
            let switches = st.switches;
            let interval = switch_interval();
            let waited = gil.released.wait_for(&mut st, interval);
            if waited.timed_out() && st.holder != 0 && st.switches == switches {
                // One holder kept the GIL for a whole interval: ask it to
                // switch. Set with `state` held while it is still the holder
                // (see the module invariants).
                if let Some(holder) = lookup(st.holder) {
                    stats::count(Counter::GilDropRequest);
                    holder.request(BREAKER_GIL_DROP_REQUEST);
                    drop(st);
                    poll_for_release(gil);
                    st = gil.state.lock();
                }
            }
        }
        st.waiters -= 1;
    }
    st.holder = ts.tid;
    gil.holder_hint.store(ts.tid, Ordering::Relaxed);
    st.switches = st.switches.wrapping_add(1);
    // Any drop request on us is from an earlier holding period.
    ts.clear(BREAKER_GIL_DROP_REQUEST);
    ts.holds_gil.store(true, Ordering::Relaxed);
    drop(st);
    // A holder in a forced switch waits for `switches` to move.
    gil.switched.notify_all();
}

/// Release the GIL held by `ts`. With `forced`, also wait until another
/// thread has taken it, if any thread is waiting.
pub(crate) fn release(ts: &ThreadState, forced: bool) {
    let gil = gil();
    let mut st = gil.state.lock();
    debug_assert_eq!(st.holder, ts.tid, "GIL released by a thread that does not hold it");
    st.holder = 0;
    gil.holder_hint.store(0, Ordering::Relaxed);
    ts.holds_gil.store(false, Ordering::Relaxed);
    gil.released.notify_one();
    if forced {
        if st.waiters > 0 {
            stats::count(Counter::GilForcedSwitch);
        }
        let switches = st.switches;
        // `waiters` only drops when a waiter takes the GIL, which moves
        // `switches`, so this ends whenever it starts with a waiter.
        while st.switches == switches && st.waiters > 0 {
            gil.switched.wait(&mut st);
        }
    }
}

/// A waiter that just asked the holder to switch: poll the holder hint for
/// up to `RELEASE_SPIN`, so the hand-off does not wait for this thread to
/// be woken. Only a hint: the caller re-checks under the state lock.
fn poll_for_release(gil: &Gil) {
    let start = Instant::now();
    loop {
        for _ in 0..POLLS_PER_CLOCK_READ {
            // Relaxed: nothing is read through this value; `take` re-checks
            // `holder` under the state lock.
            if gil.holder_hint.load(Ordering::Relaxed) == 0 {
                return;
            }
            spin_loop_hint();
        }
        if cfg!(loom) || start.elapsed() >= RELEASE_SPIN {
            return;
        }
    }
}
