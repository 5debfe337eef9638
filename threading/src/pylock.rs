//! The lock behind Python's `_thread.lock` (and the `RLock` built on it):
//! a flag taken and dropped with one atomic operation each when nobody
//! waits, a short spin, and a parking place for threads that must sleep.
//!
//! Unlike the one-byte object mutex (`obj_mutex`), this lock has no owner
//! (any thread may release it, as Python allows), its waits can time out,
//! and it is aware of the GIL.
//!
//! Invariants and why:
//! - `locked` is the lock. Taking it is a CAS false -> true; releasing is a
//!   swap to false.
//! - `sleepers` counts threads inside `sleep`; a sleeper registers (and
//!   leaves) while holding `parking`, and holds `parking` from its
//!   registration until it waits. **No lost wake-up** (a Dekker pair): a
//!   sleeper increments `sleepers`, `fence(SeqCst)`, then looks at
//!   `locked`; a releaser clears `locked`, `fence(SeqCst)`, then reads
//!   `sleepers`. The two fences are totally ordered, so the side whose
//!   fence comes second sees the other's write: either the sleeper sees the
//!   lock free, or the releaser sees the sleeper and notifies under
//!   `parking`, which cannot happen before the sleeper waits. Fences, not
//!   SeqCst accesses, because loom models SeqCst fences exactly but SeqCst
//!   accesses only as AcqRel (see docs/threading.md); the loom model
//!   `release_by_another_thread` deadlocks with SeqCst accesses and no
//!   fences.
//! - Free-threaded, a blocked thread spins briefly before it sleeps, unless
//!   someone already sleeps (it then queues behind them, as CPython's
//!   `PyMutex` stops spinning once a waiter is parked). Critical sections
//!   under Python locks are often a few hundred nanoseconds (a queue's
//!   mutex, a condition being notified), far shorter than a sleep and a
//!   wake-up.
//! - With the GIL, a waiter never takes the lock while detached: it sleeps
//!   until the lock *looks* free, takes the GIL (attach), and only then
//!   tries. Taking it while detached makes a convoy (the lock's new owner
//!   waits for the GIL while the GIL's owner waits for the lock: one GIL
//!   hand-off per acquisition), and trying after every wake-up would cost
//!   a GIL round trip whenever the lock is still held. It does not spin:
//!   the owner cannot run while the waiter holds the GIL.
//! - A waiter sleeps detached, so neither the GIL nor a stop-the-world
//!   waits for it (CPython's `_PY_LOCK_DETACH`). It re-attaches only to
//!   take the lock, at its deadline, or when the caller's interrupt bit
//!   (Ctrl-C) is set: polling for Ctrl-C happens detached, because with
//!   the GIL every attach is a GIL round trip that would stop the thread
//!   holding it.
//! - Barging is allowed: a released lock goes to whoever takes it first.
//!   A woken sleeper that loses the race sleeps again; the winner's
//!   release wakes it again, since it is still counted in `sleepers`.

use crate::gil::gil_enabled;
use crate::registry::ThreadState;
use crate::stats::{self, Counter};
use crate::sync::{fence, spin_loop_hint, yield_now, AtomicBool, AtomicUsize, Condvar, Mutex, Ordering};
use std::time::{Duration, Instant};

/// Short busy-wait rounds (1, 2, 4, ... spin hints), then yields. None
/// under loom: a spinning waiter would mostly win there (a loom yield
/// switches threads), and the models are about the sleeping path.
const SPIN_ROUNDS: u32 = if cfg!(loom) { 0 } else { 6 };
const YIELD_ROUNDS: u32 = if cfg!(loom) { 0 } else { 24 };

/// How a blocking `acquire` ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquired {
    Yes,
    /// The deadline passed first.
    TimedOut,
    /// One of the interrupt bits was set on the thread's eval breaker (the
    /// caller handles it, e.g. raises KeyboardInterrupt, or waits again).
    Interrupted,
}

/// What one detached wait ended with.
enum Woke {
    /// Free-threaded: took the lock while detached.
    Acquired,
    /// With the GIL: the lock looked free; attach, then try.
    LooksFree,
    /// The deadline passed.
    Elapsed,
    /// An interrupt bit was set.
    Interrupted,
}

/// See the module doc.
#[derive(Debug)]
pub struct ThreadLock {
    locked: AtomicBool,
    sleepers: AtomicUsize,
    parking: Mutex<()>,
    wake: Condvar,
}

impl Default for ThreadLock {
    fn default() -> Self {
        ThreadLock::new()
    }
}

impl ThreadLock {
    pub fn new() -> ThreadLock {
        ThreadLock {
            locked: AtomicBool::new(false),
            sleepers: AtomicUsize::new(0),
            parking: Mutex::new(()),
            wake: Condvar::new(),
        }
    }

    /// Takes the lock if it is free, without waiting.
    #[inline]
    pub fn try_acquire(&self) -> bool {
        // Acquire: the critical section comes after the acquisition.
        self.locked.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    /// Whether the lock is held (a snapshot).
    pub fn is_locked(&self) -> bool {
        self.locked.load(Ordering::Relaxed)
    }

    /// Releases the lock; `false` if it was not held. Any thread may call it.
    pub fn release(&self) -> bool {
        // Release: the critical section comes before the release. Then the
        // fence and the load are the releaser's half of the Dekker pair
        // (module doc).
        if !self.locked.swap(false, Ordering::Release) {
            return false;
        }
        fence(Ordering::SeqCst);
        if self.sleepers.load(Ordering::Relaxed) > 0 {
            let _parking = self.parking.lock();
            self.wake.notify_one();
        }
        true
    }

    /// Blocks the calling thread, which `ts` describes and which must be
    /// attached, until it holds the lock or `deadline` passes (`None`:
    /// never). It is attached again on return.
    ///
    /// While asleep it looks at its eval breaker every `poll` for any of
    /// `interrupt_bits` (Ctrl-C) and returns `Interrupted` when one is
    /// set; otherwise it stays detached, so a waiter costs no GIL round
    /// trip until the lock is released. With `interrupt_bits == 0` and no
    /// deadline the wait is untimed.
    pub fn acquire(
        &self,
        ts: &ThreadState,
        deadline: Option<Instant>,
        interrupt_bits: u32,
        poll: Duration,
    ) -> Acquired {
        if self.try_acquire() {
            return Acquired::Yes;
        }
        stats::count(Counter::LockContended);
        if deadline.is_some_and(|d| d <= Instant::now()) {
            return Acquired::TimedOut;
        }
        let gil = gil_enabled();
        if !gil && self.spin() {
            return Acquired::Yes;
        }
        loop {
            stats::count(Counter::LockSleep);
            ts.detach();
            let woke = self.sleep(ts, deadline, interrupt_bits, poll, gil);
            ts.attach();
            match woke {
                Woke::Acquired => return Acquired::Yes,
                Woke::LooksFree => {
                    if self.try_acquire() {
                        return Acquired::Yes;
                    }
                }
                Woke::Elapsed => return if self.try_acquire() { Acquired::Yes } else { Acquired::TimedOut },
                Woke::Interrupted => {
                    return if self.try_acquire() { Acquired::Yes } else { Acquired::Interrupted };
                }
            }
        }
    }

    /// Free-threaded: wait a little for a lock held briefly, without
    /// sleeping. Gives up at once when others already sleep.
    fn spin(&self) -> bool {
        for round in 0..SPIN_ROUNDS + YIELD_ROUNDS {
            if self.sleepers.load(Ordering::Relaxed) > 0 {
                return false;
            }
            if round < SPIN_ROUNDS {
                for _ in 0..(1u32 << round) {
                    spin_loop_hint();
                }
            } else {
                yield_now();
            }
            if !self.locked.load(Ordering::Relaxed) && self.try_acquire() {
                return true;
            }
        }
        false
    }

    /// One detached wait: until the lock is ours (free-threaded) or looks
    /// free (GIL), `deadline` passes, or an interrupt bit is set.
    fn sleep(
        &self,
        ts: &ThreadState,
        deadline: Option<Instant>,
        interrupt_bits: u32,
        poll: Duration,
        gil: bool,
    ) -> Woke {
        let mut guard = self.parking.lock();
        // Relaxed: `sleepers` changes only under `parking`; the fence in
        // `check` orders the increment before the look at `locked`.
        self.sleepers.fetch_add(1, Ordering::Relaxed);
        let check = || {
            // The sleeper's half of the Dekker pair (module doc).
            fence(Ordering::SeqCst);
            if gil {
                (!self.locked.load(Ordering::Acquire)).then_some(Woke::LooksFree)
            } else {
                self.try_acquire().then_some(Woke::Acquired)
            }
        };
        let woke = loop {
            if let Some(w) = check() {
                break w;
            }
            if interrupt_bits != 0 && ts.breaker_bits() & interrupt_bits != 0 {
                break Woke::Interrupted;
            }
            let left = match deadline {
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break Woke::Elapsed;
                    }
                    Some(left)
                }
                None => None,
            };
            let wait = if interrupt_bits != 0 { Some(left.map_or(poll, |l| l.min(poll))) } else { left };
            match wait {
                None => self.wake.wait(&mut guard),
                Some(d) => {
                    self.wake.wait_for(&mut guard, d);
                }
            }
        };
        self.sleepers.fetch_sub(1, Ordering::Relaxed);
        drop(guard);
        woke
    }
}
