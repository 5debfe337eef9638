//! The one-byte per-object mutex (CPython's `PyMutex`).
//!
//! State byte: bit 0 `LOCKED`, bit 1 `HAS_PARKED` (some thread may be
//! asleep in the parking lot under this byte's address).
//!
//! Invariants:
//! - Uncontended `lock` is one CAS `0 -> LOCKED` (Acquire); uncontended
//!   `unlock` is one CAS `LOCKED -> 0` (Release).
//! - `HAS_PARKED` is only set by a waiter while `LOCKED` is set, and a
//!   waiter only goes to sleep if, with the parking queue locked, the byte is
//!   still `LOCKED | HAS_PARKED`. An unlocker that sees `HAS_PARKED` takes
//!   the slow path, which changes the byte with that same queue locked. So a
//!   waiter is never left asleep on an unlocked mutex.
//! - While the byte is `LOCKED | HAS_PARKED` only the owner changes it (other
//!   threads only CAS from states without `LOCKED`, or add `HAS_PARKED`).
//! - Now and then (`be_fair`, about every 0.5 ms) `unlock` hands the lock
//!   straight to the woken waiter without clearing `LOCKED`, so a waiter
//!   cannot be starved by threads that keep barging in.
//! - A waiter that is an attached thread detaches while asleep (CPython's
//!   `_PY_LOCK_DETACH`): otherwise a stop-the-world could wait forever for a
//!   thread that is itself waiting for a suspended lock owner, and with the
//!   GIL the owner could never run again to unlock.

use crate::parking;
use crate::registry::{with_current, ThreadStatus};
use crate::stats::{self, Counter};
use crate::sync::{spin_loop_hint, AtomicU8, Ordering};

const LOCKED: u8 = 1;
const HAS_PARKED: u8 = 2;

/// Token for a woken waiter that must compete for the lock again.
const TOKEN_RETRY: usize = 0;
/// Token for a woken waiter that now owns the lock (direct hand-off).
const TOKEN_HANDOFF: usize = 1;

/// Spins before parking. Short: object critical sections are short, and
/// under loom each spin is a yield that grows the state space.
#[cfg(not(loom))]
const SPIN_LIMIT: u32 = 40;
#[cfg(loom)]
const SPIN_LIMIT: u32 = 1;

/// A one-byte mutex for object headers. Use [`RawObjMutex::guard`] for RAII.
#[repr(transparent)]
#[derive(Debug, Default)]
pub struct RawObjMutex(AtomicU8);

impl RawObjMutex {
    /// An unlocked mutex (usable in statics).
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        RawObjMutex(AtomicU8::new(0))
    }

    /// An unlocked mutex.
    #[cfg(loom)]
    pub fn new() -> Self {
        RawObjMutex(AtomicU8::new(0))
    }

    /// Block until this thread holds the lock. Not re-entrant.
    #[inline]
    pub fn lock(&self) {
        // Acquire: pairs with the Release in `unlock`/`unlock_slow`, so the
        // previous owner's writes are visible inside our critical section.
        if self.0.compare_exchange(0, LOCKED, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_slow();
        }
        #[cfg(feature = "stats")]
        stats::count(Counter::MutexAcquire);
    }

    /// Take the lock if it is free right now.
    #[inline]
    pub fn try_lock(&self) -> bool {
        let mut state = self.0.load(Ordering::Relaxed);
        while state & LOCKED == 0 {
            // Acquire: as in `lock`.
            match self.0.compare_exchange_weak(state, state | LOCKED, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => return true,
                Err(now) => state = now,
            }
        }
        false
    }

    /// Release the lock. The caller must hold it.
    #[inline]
    pub fn unlock(&self) {
        debug_assert!(self.is_locked(), "unlock of an unlocked RawObjMutex");
        // Release: pairs with the Acquire CAS in `lock`/`try_lock`.
        if self.0.compare_exchange(LOCKED, 0, Ordering::Release, Ordering::Relaxed).is_err() {
            self.unlock_slow();
        }
    }

    /// Whether some thread holds the lock (a snapshot).
    #[inline]
    pub fn is_locked(&self) -> bool {
        self.0.load(Ordering::Relaxed) & LOCKED != 0
    }

    /// Lock and return a guard that unlocks on drop.
    #[inline]
    pub fn guard(&self) -> ObjMutexGuard<'_> {
        self.lock();
        ObjMutexGuard { mutex: self }
    }

    /// A guard if the lock is free right now.
    #[inline]
    pub fn try_guard(&self) -> Option<ObjMutexGuard<'_>> {
        // `then`, not `then_some`: the guard must not exist (and unlock on
        // drop) unless the lock was taken.
        self.try_lock().then(|| ObjMutexGuard { mutex: self })
    }

    fn key(&self) -> usize {
        self as *const Self as usize
    }

    #[cold]
    fn lock_slow(&self) {
        stats::count(Counter::MutexContended);
        let mut spins = 0;
        let mut state = self.0.load(Ordering::Relaxed);
        loop {
            if state & LOCKED == 0 {
                // Acquire: as in `lock`. Keeps HAS_PARKED if set.
                match self.0.compare_exchange_weak(state, state | LOCKED, Ordering::Acquire, Ordering::Relaxed) {
                    Ok(_) => return,
                    Err(now) => state = now,
                }
                continue;
            }
            // Spin a little while nobody sleeps yet: the owner is probably
            // about to unlock.
            if state & HAS_PARKED == 0 && spins < SPIN_LIMIT {
                spins += 1;
                spin_loop_hint();
                state = self.0.load(Ordering::Relaxed);
                continue;
            }
            if state & HAS_PARKED == 0 {
                // Relaxed: the flag publishes nothing; the parking queue's
                // lock orders it against `unlock_slow`.
                if let Err(now) =
                    self.0.compare_exchange_weak(state, state | HAS_PARKED, Ordering::Relaxed, Ordering::Relaxed)
                {
                    state = now;
                    continue;
                }
            }
            if self.park() == Some(TOKEN_HANDOFF) {
                // The unlocker left LOCKED set for us. The parking queue's
                // lock (taken by the unlocker after its critical section and
                // by us when woken) orders its writes before ours.
                return;
            }
            spins = 0;
            state = self.0.load(Ordering::Relaxed);
        }
    }

    /// Sleep until woken, detached if this thread is attached.
    fn park(&self) -> Option<usize> {
        stats::count(Counter::MutexPark);
        let key = self.key();
        let validate = || self.0.load(Ordering::Relaxed) == LOCKED | HAS_PARKED;
        with_current(|ts| match ts {
            Some(ts) if ts.status() == ThreadStatus::Attached => {
                ts.detach();
                let token = parking::park(key, validate);
                ts.attach();
                token
            }
            _ => parking::park(key, validate),
        })
    }

    #[cold]
    fn unlock_slow(&self) {
        parking::unpark_one(self.key(), |info| {
            if info.unparked && info.be_fair {
                // Hand-off: keep LOCKED, so the woken thread owns the lock.
                if !info.have_more {
                    self.0.store(LOCKED, Ordering::Relaxed);
                }
                return TOKEN_HANDOFF;
            }
            let next = if info.have_more { HAS_PARKED } else { 0 };
            // Release: pairs with the next locker's Acquire CAS.
            self.0.store(next, Ordering::Release);
            TOKEN_RETRY
        });
    }
}

/// Holds a [`RawObjMutex`] locked; unlocks on drop.
#[derive(Debug)]
#[must_use = "dropping the guard unlocks at once"]
pub struct ObjMutexGuard<'a> {
    mutex: &'a RawObjMutex,
}

impl ObjMutexGuard<'_> {
    /// The mutex this guard holds.
    pub fn mutex(&self) -> &RawObjMutex {
        self.mutex
    }
}

impl Drop for ObjMutexGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        self.mutex.unlock();
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::sync::UnsafeCell;

    #[test]
    fn one_byte_and_const() {
        static M: RawObjMutex = RawObjMutex::new();
        assert_eq!(core::mem::size_of::<RawObjMutex>(), 1);
        assert!(!M.is_locked());
        assert!(M.try_lock());
        assert!(M.is_locked());
        assert!(!M.try_lock());
        M.unlock();
        {
            let _g = M.guard();
            assert!(M.is_locked());
            assert!(M.try_guard().is_none());
        }
        assert!(!M.is_locked());
    }

    struct Counter {
        lock: RawObjMutex,
        value: UnsafeCell<u64>,
    }
    // SAFETY: `value` is only accessed with `lock` held.
    unsafe impl Sync for Counter {}

    #[test]
    fn eight_threads_increment() {
        const THREADS: u64 = 8;
        const ITERS: u64 = 100_000;
        let counter = std::sync::Arc::new(Counter { lock: RawObjMutex::new(), value: UnsafeCell::new(0) });
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let counter = counter.clone();
                std::thread::spawn(move || {
                    for _ in 0..ITERS {
                        let _g = counter.lock.guard();
                        // SAFETY: the lock is held, so this is the only access.
                        counter.value.with_mut(|v| unsafe { *v += 1 });
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert!(!counter.lock.is_locked());
        // SAFETY: all threads joined; no concurrent access.
        assert_eq!(counter.value.with(|v| unsafe { *v }), THREADS * ITERS);
    }

    /// Registered, attached threads detach while parked, so a stop-the-world
    /// does not wait for them.
    #[test]
    fn attached_waiters_detach() {
        use crate::registry::{register_current_thread, unregister_current_thread};
        let counter = std::sync::Arc::new(Counter { lock: RawObjMutex::new(), value: UnsafeCell::new(0) });
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let counter = counter.clone();
                std::thread::spawn(move || {
                    let ts = register_current_thread();
                    ts.attach();
                    for i in 0..20_000 {
                        let _g = counter.lock.guard();
                        // SAFETY: the lock is held.
                        counter.value.with_mut(|v| unsafe { *v += 1 });
                        if i % 64 == 0 {
                            std::thread::yield_now();
                        }
                        drop(_g);
                        if ts.breaker_bits() & crate::registry::BREAKER_STOP_THE_WORLD != 0 {
                            ts.safepoint();
                        }
                    }
                    ts.detach();
                    ts.brc_inbox.close();
                    unregister_current_thread();
                })
            })
            .collect();
        for _ in 0..50 {
            let _world = crate::stop_the_world::stop_the_world();
        }
        for h in handles {
            h.join().unwrap();
        }
        // SAFETY: all threads joined.
        assert_eq!(counter.value.with(|v| unsafe { *v }), 80_000);
    }
}
