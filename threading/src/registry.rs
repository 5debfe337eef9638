//! Thread states, their small ids, and the eval-breaker bits.
//!
//! Every thread that runs Python code registers once
//! ([`register_current_thread`]) and gets a [`ThreadState`] with the smallest
//! free thread id (`tid >= 1`; 0 means "no owner" in object headers). The
//! state is kept in the global registry (so other threads can find it by id,
//! e.g. to push onto its [`Inbox`]) and in a thread-local (so
//! [`current_tid`] is one TLS read).
//!
//! Invariants:
//! - The registry lock (`World::head`, CPython's `HEAD_LOCK`) guards the slot
//!   table and the stop-the-world bookkeeping (`StwState`). A tid is live from
//!   registration until [`unregister_current_thread`]; after that it may be
//!   handed to a new thread, so a tid read from an object header is only
//!   meaningful while its owner is known to be alive.
//! - A thread's `status` is written only by the thread itself (attach /
//!   detach / safepoint) or, with the registry lock held, by a stop-the-world
//!   requester (DETACHED -> SUSPENDED and SUSPENDED -> DETACHED). The full
//!   protocol is in `stop_the_world.rs` and docs/threading.md.
//! - A new thread starts DETACHED, or SUSPENDED if a stop-the-world is in
//!   progress (it was not counted by the requester, so it must not run).
//!   It must call [`ThreadState::attach`] before touching Python objects.
//! - Eval-breaker bits carry no data: each protocol that sets one publishes
//!   its data through its own atomics or locks, so the bits themselves use
//!   relaxed loads. A handler clears its bit *before* handling it, so a
//!   request that arrives during handling is not lost.

use crate::inbox::Inbox;
use crate::sync::{thread_local, Arc, AtomicBool, AtomicU32, AtomicUsize, Condvar, Mutex, Ordering};
use std::cell::{Cell, RefCell};

/// Eval-breaker bit: other threads queued objects on this thread's
/// [`Inbox`]; merge them (biased reference counting).
pub const BREAKER_BRC_MERGE: u32 = 1 << 0;
/// Eval-breaker bit: a stop-the-world is requested; call
/// [`ThreadState::safepoint`].
pub const BREAKER_STOP_THE_WORLD: u32 = 1 << 1;
/// Eval-breaker bit: a thread waiting for the GIL asks the holder to switch;
/// call [`ThreadState::yield_gil`].
pub const BREAKER_GIL_DROP_REQUEST: u32 = 1 << 2;
/// Eval-breaker bit: a signal arrived; run the Python-level handlers.
pub const BREAKER_SIGNAL: u32 = 1 << 3;
/// Eval-breaker bit: an asynchronous exception is pending for this thread.
pub const BREAKER_ASYNC_EXC: u32 = 1 << 4;
/// Bits from here up are free for higher layers (gc, vm) to define.
pub const BREAKER_FIRST_FREE_BIT: u32 = 1 << 8;

/// `ThreadState::status` value: running Python code, may touch objects.
pub(crate) const ATTACHED: u32 = 0;
/// `ThreadState::status` value: not touching Python objects (blocking call,
/// waiting for the GIL, not started); counts as stopped.
pub(crate) const DETACHED: u32 = 1;
/// `ThreadState::status` value: parked by a stop-the-world; may only leave
/// this state when the requester restarts the world.
pub(crate) const SUSPENDED: u32 = 2;

/// The life-cycle state of a thread, as in CPython's `Python/pystate.c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadStatus {
    /// Running Python code.
    Attached,
    /// Not touching Python objects; counts as stopped for stop-the-world.
    Detached,
    /// Parked by a stop-the-world.
    Suspended,
}

/// Per-thread runtime state.
#[derive(Debug)]
pub struct ThreadState {
    /// Small id, `>= 1`, unique among live threads, reused after exit.
    pub tid: usize,
    /// Requests for this thread, checked by the eval loop (`BREAKER_*`).
    pub eval_breaker: AtomicU32,
    /// Objects queued for this thread by other threads (biased refcounting).
    pub brc_inbox: Inbox,
    /// ATTACHED / DETACHED / SUSPENDED; see the module doc.
    pub(crate) status: AtomicU32,
    /// Whether this thread holds the GIL. Written only by this thread, with
    /// the GIL's state lock held; lets `detach` release exactly what
    /// `attach` took even if the GIL setting changes in between.
    pub(crate) holds_gil: AtomicBool,
    /// Quiescent-state-based reclamation: this thread's last quiescent
    /// sequence number (see `qsbr.rs`).
    pub qsbr: crate::qsbr::QsbrSlot,
}

impl ThreadState {
    fn new(tid: usize, status: u32) -> Self {
        ThreadState {
            tid,
            eval_breaker: AtomicU32::new(0),
            brc_inbox: Inbox::new(),
            status: AtomicU32::new(status),
            holds_gil: AtomicBool::new(false),
            qsbr: crate::qsbr::QsbrSlot::new(),
        }
    }

    /// This thread's id (`>= 1`).
    #[inline]
    pub fn tid(&self) -> usize {
        self.tid
    }

    /// Set eval-breaker `bit` (callable from any thread).
    #[inline]
    pub fn request(&self, bit: u32) {
        // Relaxed: the bit carries no data (see the module doc).
        self.eval_breaker.fetch_or(bit, Ordering::Relaxed);
    }

    /// Clear eval-breaker `bit`. Clear before handling the request.
    #[inline]
    pub fn clear(&self, bit: u32) {
        self.eval_breaker.fetch_and(!bit, Ordering::Relaxed);
    }

    /// The pending eval-breaker bits (one relaxed load: the eval loop's check).
    #[inline]
    pub fn breaker_bits(&self) -> u32 {
        self.eval_breaker.load(Ordering::Relaxed)
    }

    /// The thread's current life-cycle state (a snapshot).
    pub fn status(&self) -> ThreadStatus {
        match self.status.load(Ordering::Relaxed) {
            ATTACHED => ThreadStatus::Attached,
            DETACHED => ThreadStatus::Detached,
            _ => ThreadStatus::Suspended,
        }
    }
}

/// Stop-the-world bookkeeping, guarded by the registry lock.
#[derive(Debug, Default)]
pub(crate) struct StwState {
    /// Some thread is stopping the world (from its claim until restart);
    /// other requesters wait on `World::restarted` for it to clear.
    pub(crate) claimed: bool,
    /// A stop-the-world is in progress (from request until restart).
    pub(crate) requested: bool,
    /// The requesting thread's tid, or 0 if it is not a registered thread.
    pub(crate) requester: usize,
    /// Counted threads that have not yet reached SUSPENDED.
    pub(crate) countdown: usize,
}

/// What the registry lock guards.
#[derive(Debug)]
pub(crate) struct Head {
    /// `slots[tid - 1]` is the live thread with that tid.
    pub(crate) slots: Vec<Option<Arc<ThreadState>>>,
    /// Number of `Some` slots.
    pub(crate) live: usize,
    pub(crate) stw: StwState,
}

/// All process-wide threading state except the GIL.
#[derive(Debug)]
pub(crate) struct World {
    /// The registry lock (CPython's `HEAD_LOCK`).
    pub(crate) head: Mutex<Head>,
    /// Mirror of `head.stw.requested`, readable without the lock. Written
    /// with the lock held; read by `detach` after a SeqCst fence (Dekker
    /// handshake with the requester's status scan, see `stop_the_world.rs`).
    pub(crate) stw_requested: AtomicBool,
    /// Signalled (under `head`) when `stw.countdown` reaches 0.
    pub(crate) all_stopped: Condvar,
    /// Signalled (under `head`) when the world restarts.
    pub(crate) restarted: Condvar,
    /// The tid of the thread finalizing the runtime, or 0: once set, every
    /// other thread parks for good the next time it attaches
    /// (`stop_the_world::freeze_other_threads`).
    pub(crate) finalizer: AtomicUsize,
}

impl World {
    #[cfg(not(loom))]
    const fn new() -> Self {
        World {
            head: Mutex::new(Head {
                slots: Vec::new(),
                live: 0,
                stw: StwState { claimed: false, requested: false, requester: 0, countdown: 0 },
            }),
            stw_requested: AtomicBool::new(false),
            all_stopped: Condvar::new(),
            restarted: Condvar::new(),
            finalizer: AtomicUsize::new(0),
        }
    }

    #[cfg(loom)]
    fn new() -> Self {
        World {
            head: Mutex::new(Head { slots: Vec::new(), live: 0, stw: StwState::default() }),
            stw_requested: AtomicBool::new(false),
            all_stopped: Condvar::new(),
            restarted: Condvar::new(),
            finalizer: AtomicUsize::new(0),
        }
    }
}

/// The process-wide threading state.
#[cfg(not(loom))]
pub(crate) fn world() -> &'static World {
    static WORLD: World = World::new();
    &WORLD
}

/// The process-wide threading state (fresh for each loom execution).
#[cfg(loom)]
pub(crate) fn world() -> &'static World {
    loom::lazy_static! {
        static ref WORLD: World = World::new();
    }
    &WORLD
}

// loom's `thread_local!` (an edition-2018 macro) does not accept the
// `const { .. }` initialiser that makes std's version cheapest, hence two
// copies of the same declaration.
#[cfg(not(loom))]
thread_local! {
    /// This thread's state while registered.
    static CURRENT: RefCell<Option<Arc<ThreadState>>> = const { RefCell::new(None) };
    /// `CURRENT`'s tid, or 0: a plain word so `current_tid` is one TLS read.
    static CURRENT_TID: Cell<usize> = const { Cell::new(0) };
}
#[cfg(loom)]
thread_local! {
    static CURRENT: RefCell<Option<Arc<ThreadState>>> = RefCell::new(None);
    static CURRENT_TID: Cell<usize> = Cell::new(0);
}

/// Register the calling thread (idempotent) and return its state.
///
/// The new state is DETACHED (SUSPENDED while a stop-the-world is in
/// progress); call [`ThreadState::attach`] before running Python code.
pub fn register_current_thread() -> Arc<ThreadState> {
    if let Some(ts) = current() {
        return ts;
    }
    let mut head = world().head.lock();
    let index = head.slots.iter().position(Option::is_none).unwrap_or(head.slots.len());
    // A thread born during a stop-the-world was not counted by the requester,
    // so it must not run until the restart, which moves it to DETACHED.
    let status = if head.stw.requested { SUSPENDED } else { DETACHED };
    let ts = Arc::new(ThreadState::new(index + 1, status));
    if index == head.slots.len() {
        head.slots.push(Some(ts.clone()));
    } else {
        head.slots[index] = Some(ts.clone());
    }
    head.live += 1;
    drop(head);
    crate::stats::count(crate::stats::Counter::ThreadStarted);
    CURRENT.with(|c| *c.borrow_mut() = Some(ts.clone()));
    CURRENT_TID.with(|c| c.set(ts.tid));
    ts
}

/// Unregister the calling thread and free its tid for reuse.
///
/// Detaches first if attached (releasing the GIL). The caller (the gc crate)
/// must already have closed the thread's inbox, handled what `close`
/// returned, and given away every object the thread owned; this function
/// closes the inbox again and debug-asserts that nothing was left in it.
pub fn unregister_current_thread() {
    let Some(ts) = CURRENT.with(|c| c.borrow_mut().take()) else {
        return;
    };
    CURRENT_TID.with(|c| c.set(0));
    if ts.status.load(Ordering::Relaxed) == ATTACHED {
        ts.detach();
    }
    let leftovers = ts.brc_inbox.close();
    debug_assert!(
        leftovers.is_empty(),
        "unregister_current_thread: inbox still held {} values; close and merge it first",
        leftovers.len()
    );
    let world = world();
    let mut head = world.head.lock();
    head.slots[ts.tid - 1] = None;
    head.live -= 1;
    while let Some(None) = head.slots.last() {
        head.slots.pop();
    }
    // A stop-the-world in progress counted us unless we are the requester or
    // were registered during it; if we have not reached SUSPENDED yet it is
    // still waiting for us, and must not wait for a thread that is gone.
    // (A thread registered during the stop is SUSPENDED, so it is excluded.)
    if head.stw.requested && head.stw.requester != ts.tid && ts.status.load(Ordering::Relaxed) != SUSPENDED {
        crate::stop_the_world::uncount(world, &mut head);
    }
    drop(head);
    crate::qsbr::on_unregister();
}

/// The calling thread's state, if registered.
pub fn current() -> Option<Arc<ThreadState>> {
    CURRENT.try_with(|c| c.borrow().clone()).ok().flatten()
}

/// Run `f` with the calling thread's state (no reference-count traffic).
pub fn with_current<R>(f: impl FnOnce(Option<&ThreadState>) -> R) -> R {
    let mut f = Some(f);
    let result = CURRENT.try_with(|c| {
        let guard = c.borrow();
        (f.take().expect("called once"))(guard.as_deref())
    });
    match result {
        Ok(r) => r,
        // Thread-local already destroyed (thread exiting): no state.
        Err(_) => (f.take().expect("not called yet"))(None),
    }
}

/// The calling thread's tid, or 0 if it is not registered. One TLS read.
#[inline]
pub fn current_tid() -> usize {
    CURRENT_TID.try_with(Cell::get).unwrap_or(0)
}

/// The live thread with id `tid`, if any.
pub fn lookup(tid: usize) -> Option<Arc<ThreadState>> {
    let head = world().head.lock();
    head.slots.get(tid.checked_sub(1)?).cloned().flatten()
}

/// Call `f` on every registered thread. Works on a snapshot taken under the
/// registry lock and calls `f` without it, so `f` may use the registry.
pub fn for_each_thread(mut f: impl FnMut(&ThreadState)) {
    let snapshot: Vec<Arc<ThreadState>> = {
        let head = world().head.lock();
        head.slots.iter().flatten().cloned().collect()
    };
    for ts in &snapshot {
        f(ts);
    }
}

/// Number of registered threads.
pub fn thread_count() -> usize {
    world().head.lock().live
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn register_is_idempotent_and_visible() {
        std::thread::spawn(|| {
            assert_eq!(current_tid(), 0);
            assert!(current().is_none());
            let ts = register_current_thread();
            assert!(ts.tid >= 1);
            assert_eq!(current_tid(), ts.tid);
            assert!(Arc::ptr_eq(&register_current_thread(), &ts));
            assert!(Arc::ptr_eq(&lookup(ts.tid).unwrap(), &ts));
            assert_eq!(with_current(|t| t.map(ThreadState::tid)), Some(ts.tid));
            assert_eq!(ts.status(), ThreadStatus::Detached);
            let mut seen = false;
            for_each_thread(|t| seen |= t.tid == ts.tid);
            assert!(seen);
            unregister_current_thread();
            assert_eq!(current_tid(), 0);
            assert!(ts.brc_inbox.is_closed());
        })
        .join()
        .unwrap();
    }

    #[test]
    fn breaker_bits() {
        std::thread::spawn(|| {
            let ts = register_current_thread();
            assert_eq!(ts.breaker_bits(), 0);
            ts.request(BREAKER_SIGNAL);
            ts.request(BREAKER_BRC_MERGE);
            assert_eq!(ts.breaker_bits(), BREAKER_SIGNAL | BREAKER_BRC_MERGE);
            ts.clear(BREAKER_SIGNAL);
            assert_eq!(ts.breaker_bits(), BREAKER_BRC_MERGE);
            ts.brc_inbox.close();
            unregister_current_thread();
        })
        .join()
        .unwrap();
    }

    /// Ids are small and reused: a freed tid is handed out again before any
    /// larger one. Other tests register threads concurrently, so this checks
    /// reuse through a tid that this test holds across the check.
    #[test]
    fn tid_reuse() {
        use std::sync::mpsc::channel;
        let (tx_tid, rx_tid) = channel();
        let (tx_go, rx_go) = channel::<()>();
        let holder = std::thread::spawn(move || {
            let ts = register_current_thread();
            tx_tid.send(ts.tid).unwrap();
            rx_go.recv().unwrap();
            unregister_current_thread();
        });
        let held = rx_tid.recv().unwrap();
        assert!(lookup(held).is_some());
        tx_go.send(()).unwrap();
        holder.join().unwrap();
        assert!(lookup(held).is_none() || lookup(held).unwrap().tid == held);
        // Register 64 threads at once: every tid is distinct and small.
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(64));
        let handles: Vec<_> = (0..64)
            .map(|_| {
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    let tid = register_current_thread().tid;
                    barrier.wait();
                    unregister_current_thread();
                    tid
                })
            })
            .collect();
        let mut tids: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        tids.sort();
        tids.dedup();
        assert_eq!(tids.len(), 64);
        assert!(tids.iter().all(|&t| t >= 1));
        // Smallest-free allocation: at most a few other tests' threads are
        // registered concurrently, so the ids stay far below 64 + slack.
        assert!(*tids.last().unwrap() <= 64 + 16);
    }
}
