//! Runtime event counters behind `-X stats` (docs/stats.md).
//!
//! Counting is a run-time choice: [`enable`] turns it on before any thread
//! starts, and every hook is `if enabled() { .. }` on a slow path (a
//! contended lock, a non-owner reference count change, a merge). The hot
//! paths (owner reference counts, uncontended locks) have no hook at all
//! unless the cargo feature `stats` is on; those counters are listed in
//! [`Counter::needs_feature`].
//!
//! Storage: each thread that counts gets its own block of counters, which
//! only that thread writes (a relaxed load and store per event, no
//! read-modify-write and no shared cache line). Blocks are listed in
//! `BLOCKS`; when a thread exits its block is added into `RETIRED` and
//! unlisted, both under the `BLOCKS` lock, so [`snapshot`] (which sums
//! `RETIRED` and the listed blocks under that lock) counts every event of
//! an exited thread exactly once. Events of running threads are read
//! racily (relaxed loads of single-writer cells): a snapshot taken while
//! they run may miss their latest events, never count one twice.
//!
//! The counters take part in no protocol, so loom need not see them: under
//! loom every function here is a no-op. (The primitives still come from
//! the `sync` facade, which outside loom re-exports std's and
//! parking_lot's.)

/// One kind of event. The report (vm `stats.rs`) names and groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Counter {
    /// Owner-thread increments of a local count (feature `stats`).
    OwnerIncref,
    /// Owner-thread decrements of a local count (feature `stats`).
    OwnerDecref,
    /// Increments and decrements of immortal objects (feature `stats`).
    ImmortalHit,
    /// Increments by a thread that does not own the object.
    SharedIncref,
    /// Decrements by a thread that does not own the object.
    SharedDecref,
    /// The owner's local count hit zero while others held references.
    GiveUp,
    /// A non-owner's decrement at shared count zero queued the object.
    Queued,
    /// ... and the queue entry reached the owner's inbox.
    QueuedToOwner,
    /// ... or the non-owner released it itself (owner gone or merged).
    ReleasedWithoutOwner,
    /// Queue entries merged by their owner.
    MergedByOwner,
    /// Queue entries already merged when the inbox's thread saw them.
    ReleasedByOwner,
    /// Objects merged by their owner's thread-exit protocol.
    ExitMerged,
    /// Objects destroyed by a thread other than their owner.
    FreedByNonOwner,
    /// Per-object mutex acquisitions (feature `stats`).
    MutexAcquire,
    /// Per-object mutex acquisitions that found it locked.
    MutexContended,
    /// Waits for a per-object mutex that went to sleep.
    MutexPark,
    /// `_thread.lock` acquisitions that found it locked.
    LockContended,
    /// Sleeps while waiting for a `_thread.lock`.
    LockSleep,
    /// GIL acquisitions (with the GIL only).
    GilAcquire,
    /// GIL acquisitions that had to wait for the holder.
    GilWait,
    /// Drop requests sent to a holder that kept the GIL a whole interval.
    GilDropRequest,
    /// Holders that released on request and waited for another thread to
    /// take the GIL (forced switches).
    GilForcedSwitch,
    /// Threads registered with the runtime (the main thread included).
    ThreadStarted,
    /// Finalizers (`__del__`, generator close) run.
    FinalizerRun,
}

/// Number of counters.
pub const COUNTERS: usize = Counter::FinalizerRun as usize + 1;

impl Counter {
    /// Every counter, in declaration order.
    pub const ALL: [Counter; COUNTERS] = [
        Counter::OwnerIncref,
        Counter::OwnerDecref,
        Counter::ImmortalHit,
        Counter::SharedIncref,
        Counter::SharedDecref,
        Counter::GiveUp,
        Counter::Queued,
        Counter::QueuedToOwner,
        Counter::ReleasedWithoutOwner,
        Counter::MergedByOwner,
        Counter::ReleasedByOwner,
        Counter::ExitMerged,
        Counter::FreedByNonOwner,
        Counter::MutexAcquire,
        Counter::MutexContended,
        Counter::MutexPark,
        Counter::LockContended,
        Counter::LockSleep,
        Counter::GilAcquire,
        Counter::GilWait,
        Counter::GilDropRequest,
        Counter::GilForcedSwitch,
        Counter::ThreadStarted,
        Counter::FinalizerRun,
    ];

    /// Whether the counter sits on a hot path and is only counted in a
    /// build with the cargo feature `stats`.
    pub fn needs_feature(self) -> bool {
        matches!(self, Counter::OwnerIncref | Counter::OwnerDecref | Counter::ImmortalHit | Counter::MutexAcquire)
    }
}

/// Counter values, indexed by `Counter as usize`.
pub type Snapshot = [u64; COUNTERS];

#[cfg(not(loom))]
mod imp {
    use super::{Counter, Snapshot, COUNTERS};
    use crate::sync::{Arc, AtomicBool, AtomicU64, Mutex, Ordering::Relaxed};

    static ENABLED: AtomicBool = AtomicBool::new(false);

    struct Block([AtomicU64; COUNTERS]);

    static BLOCKS: Mutex<Vec<Arc<Block>>> = Mutex::new(Vec::new());
    static RETIRED: Block = Block([const { AtomicU64::new(0) }; COUNTERS]);

    /// This thread's block; retired when the thread exits.
    struct Local(Arc<Block>);

    impl Drop for Local {
        fn drop(&mut self) {
            let mut blocks = BLOCKS.lock();
            for (r, c) in RETIRED.0.iter().zip(&self.0 .0) {
                r.fetch_add(c.load(Relaxed), Relaxed);
            }
            blocks.retain(|b| !Arc::ptr_eq(b, &self.0));
        }
    }

    crate::sync::thread_local! {
        static LOCAL: std::cell::OnceCell<Local> = const { std::cell::OnceCell::new() };
    }

    pub fn enable() {
        // Relaxed: set before other threads start (thread spawn orders it);
        // a late reader only misses a few events.
        ENABLED.store(true, Relaxed);
    }

    #[inline]
    pub fn enabled() -> bool {
        ENABLED.load(Relaxed)
    }

    #[cold]
    #[inline(never)]
    pub fn add(c: Counter, n: u64) {
        let counted = LOCAL.try_with(|l| {
            let local = l.get_or_init(|| {
                let b = Arc::new(Block([const { AtomicU64::new(0) }; COUNTERS]));
                BLOCKS.lock().push(b.clone());
                Local(b)
            });
            // Only this thread writes its block: load + store is exact.
            let cell = &local.0 .0[c as usize];
            cell.store(cell.load(Relaxed).wrapping_add(n), Relaxed);
        });
        if counted.is_err() {
            // The thread-local is gone (an event inside another
            // thread-local's destructor at thread exit): count it globally.
            RETIRED.0[c as usize].fetch_add(n, Relaxed);
        }
    }

    pub fn snapshot() -> Snapshot {
        let blocks = BLOCKS.lock();
        let mut out = [0u64; COUNTERS];
        for (i, v) in out.iter_mut().enumerate() {
            *v = RETIRED.0[i].load(Relaxed);
            for b in blocks.iter() {
                *v = v.wrapping_add(b.0[i].load(Relaxed));
            }
        }
        out
    }
}

#[cfg(loom)]
mod imp {
    use super::{Counter, Snapshot, COUNTERS};
    pub fn enable() {}
    #[inline]
    pub fn enabled() -> bool {
        false
    }
    pub fn add(_c: Counter, _n: u64) {}
    pub fn snapshot() -> Snapshot {
        [0; COUNTERS]
    }
}

/// Start counting (`-X stats`). Call before other threads start.
pub fn enable() {
    imp::enable()
}

/// Whether counting is on.
#[inline]
pub fn enabled() -> bool {
    imp::enabled()
}

/// Count one event if counting is on. Costs a relaxed load and a branch
/// when it is off: use it on slow paths only.
#[inline]
pub fn count(c: Counter) {
    if imp::enabled() {
        imp::add(c, 1);
    }
}

/// Count `n` events if counting is on.
#[inline]
pub fn count_n(c: Counter, n: u64) {
    if imp::enabled() && n != 0 {
        imp::add(c, n);
    }
}

/// Every counter summed over all threads, exited and running.
pub fn snapshot() -> Snapshot {
    imp::snapshot()
}

/// Whether this build counts the hot-path counters (cargo feature
/// `stats`; see [`Counter::needs_feature`]).
pub const HOT_COUNTERS: bool = cfg!(feature = "stats");

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn events_of_exited_threads_are_counted_once() {
        enable();
        let before = snapshot()[Counter::LockSleep as usize];
        let handles: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for _ in 0..100 {
                        count(Counter::LockSleep);
                    }
                    count_n(Counter::LockSleep, 5);
                })
            })
            .collect();
        for h in handles {
            h.join().expect("counting thread");
        }
        // Other tests of this crate may count too, never fewer.
        assert!(snapshot()[Counter::LockSleep as usize] - before >= 4 * 105);
    }

    #[test]
    fn all_lists_every_counter_in_order() {
        for (i, c) in Counter::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
    }
}
