//! Quiescent-state-based reclamation (QSBR): freeing memory that lock-free
//! readers may still be looking at, once every such reader has moved on.
//!
//! CPython's free-threaded build (`Python/qsbr.c`, `_PyMem_FreeDelayed`)
//! lets `list[i]` and `dict[k]` read a container's item array without its
//! lock. A writer that replaces the array (or, in Skein, drops a reference
//! that was stored in it) must not free it while a reader that loaded the old
//! pointer is still using it. QSBR defers the free until every thread that
//! could hold such a pointer has passed a *quiescent state*: a point where
//! it holds no pointer obtained by a lock-free read. In Skein every point
//! outside a lock-free read routine is quiescent (those routines take a
//! reference before returning), and the eval breaker is where threads
//! report it.
//!
//! The protocol:
//!
//! - A global write sequence `wr_seq` starts at 1 and only ever moves by
//!   `fetch_add(2)`, so every value in it is odd and 0 can mean "offline".
//! - Each registered thread has a [`QsbrSlot`] whose `seq` is the `wr_seq`
//!   it saw at its last quiescent state, or 0 while it is detached (a
//!   detached thread touches no objects, so it is always quiescent).
//! - A writer hands work to [`defer`] (a callback plus an argument). Work
//!   is collected per thread, in an *open* batch that no sequence number
//!   covers yet. Sealing a batch does one `fetch_add` on `wr_seq`; the
//!   result is the batch's *goal*. Every removal the writer made before the
//!   seal is sequenced before that read-modify-write.
//! - A batch is run once every online thread's `seq` is `>= goal` (and
//!   offline threads are skipped). A thread whose `seq >= goal` loaded
//!   `wr_seq` (Acquire) from the seal or a later RMW of the same release
//!   sequence, so the writer's removal happens-before everything that
//!   thread does after its quiescent state: it can no longer find the old
//!   pointer. Its Release store of `seq`, read by the scanner with Acquire,
//!   orders its earlier reads before the free.
//! - Attach (offline -> online) is a Dekker handshake with the scanner: the
//!   thread stores its `seq`, then `fence(SeqCst)`, then reads objects; the
//!   scanner does `fence(SeqCst)` before loading the slots. Either the
//!   scanner sees the thread online (with a `seq` that proves what it saw),
//!   or the thread's reads come after the scanner's fence and see the
//!   writer's removal. The loom model `late_attach_sees_removal` fails
//!   without either fence.
//!
//! Nobody polls: sealing a batch sets [`BREAKER_QSBR`] on every online
//! thread, whose eval breaker then calls [`process`]. `process` records a
//! quiescent state, runs the caller's batches whose goal is reached, runs
//! reached orphaned batches (from exited threads), and wakes (sets the bit
//! on) any thread whose oldest goal has now been reached, so the last
//! thread to pass a goal hands the work back to the waiting writer.
//!
//! Bounding memory: a batch is sealed as soon as it holds [`BATCH_ITEMS`]
//! items or [`FORCE_BYTES`] of memory (CPython forces an advance after
//! 1 MiB, after deferred frees once grew a process from 135 MB to 6.7 GB),
//! and otherwise at the thread's next eval-breaker visit once its previous
//! batch has been run, so the delay is one round trip through the other
//! threads' eval breakers. A thread that exits hands its pending batches to
//! a global orphan list that the next `process` on any thread drains.
//!
//! Everything here is safe code except running a callback, whose contract
//! the caller of [`defer`] accepts.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::registry::{for_each_thread, with_current, ThreadState};
use crate::sync::{fence, thread_local, AtomicBool, AtomicU64, Mutex, Ordering};

/// Eval-breaker bit: record a quiescent state and run reclaimable deferred
/// work (call [`process`]).
pub const BREAKER_QSBR: u32 = 1 << 5;

/// A batch is sealed (given a goal) once it holds this many items.
pub const BATCH_ITEMS: usize = 128;

/// A batch is sealed, and every online thread asked for a quiescent state,
/// once this many bytes wait in the calling thread's queue.
pub const FORCE_BYTES: usize = 1 << 20;

const INITIAL: u64 = 1;
const INCR: u64 = 2;
const OFFLINE: u64 = 0;

/// A thread's QSBR state, readable by every thread (it lives in the
/// thread's [`ThreadState`]).
#[derive(Debug)]
pub struct QsbrSlot {
    /// `wr_seq` at the last quiescent state, or 0 (offline: detached).
    seq: AtomicU64,
    /// The goal of the thread's oldest sealed batch, 0 if none: threads
    /// that see it reached set the owner's [`BREAKER_QSBR`].
    waiting: AtomicU64,
}

impl QsbrSlot {
    pub(crate) fn new() -> Self {
        QsbrSlot { seq: AtomicU64::new(OFFLINE), waiting: AtomicU64::new(0) }
    }

    /// The last recorded sequence number (0 while detached). For tests.
    pub fn seq(&self) -> u64 {
        self.seq.load(Ordering::Relaxed)
    }
}

/// One unit of deferred work: `run(arg)`, called once.
struct Deferred {
    run: unsafe fn(*mut ()),
    arg: *mut (),
}

// SAFETY: the caller of `defer` promises that `run(arg)` may be called from
// any thread (see `defer`).
unsafe impl Send for Deferred {}

struct Batch {
    goal: u64,
    items: Vec<Deferred>,
    bytes: usize,
}

struct Global {
    wr_seq: AtomicU64,
    /// Sealed batches of threads that exited before their goals were
    /// reached.
    orphans: Mutex<Vec<Batch>>,
    /// Whether `orphans` may be non-empty (skips the lock when not).
    has_orphans: AtomicBool,
}

impl Global {
    #[cfg(not(loom))]
    const fn new() -> Self {
        Global { wr_seq: AtomicU64::new(INITIAL), orphans: Mutex::new(Vec::new()), has_orphans: AtomicBool::new(false) }
    }

    #[cfg(loom)]
    fn new() -> Self {
        Global { wr_seq: AtomicU64::new(INITIAL), orphans: Mutex::new(Vec::new()), has_orphans: AtomicBool::new(false) }
    }
}

#[cfg(not(loom))]
fn global() -> &'static Global {
    static GLOBAL: Global = Global::new();
    &GLOBAL
}

#[cfg(loom)]
fn global() -> &'static Global {
    loom::lazy_static! {
        static ref GLOBAL: Global = Global::new();
    }
    &GLOBAL
}

/// The calling thread's queue. Only the thread itself touches it.
#[derive(Default)]
struct Local {
    /// Deferred work no goal covers yet.
    open: Vec<Deferred>,
    open_bytes: usize,
    /// Sealed batches, oldest (smallest goal) first.
    sealed: VecDeque<Batch>,
    sealed_bytes: usize,
    /// Whether this thread's own `BREAKER_QSBR` is already requested for
    /// the open batch.
    self_requested: bool,
}

impl Local {
    /// Moves whatever is left to the orphan list. The thread is detached
    /// (offline) by now, so it holds back no goal itself.
    fn orphan_all(&mut self) {
        let mut batches: Vec<Batch> = self.sealed.drain(..).collect();
        self.sealed_bytes = 0;
        if !self.open.is_empty() {
            batches.push(seal(std::mem::take(&mut self.open), std::mem::take(&mut self.open_bytes)));
        }
        if !batches.is_empty() {
            orphan(batches);
        }
    }
}

impl Drop for Local {
    fn drop(&mut self) {
        // Normally empty: `on_unregister` hands the work over while the
        // registry is certainly alive. This covers a thread that deferred
        // work without ever registering.
        self.orphan_all();
    }
}

/// The calling thread is leaving the registry: its pending work becomes
/// orphaned work that the remaining threads run. Done here rather than only
/// in `Local`'s destructor because thread-local destructors run in an
/// unspecified order at thread exit (under loom, after the process-wide
/// state of the model may already be gone).
pub(crate) fn on_unregister() {
    let _ = LOCAL.try_with(|l| {
        if let Ok(mut local) = l.try_borrow_mut() {
            local.orphan_all();
        }
    });
}

#[cfg(not(loom))]
thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local::default());
    /// The thread's tid while it is attached (online), else 0.
    static ONLINE: Cell<usize> = const { Cell::new(0) };
}
#[cfg(loom)]
thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local::default());
    static ONLINE: Cell<usize> = Cell::new(0);
}

/// The calling thread's tid if it is attached (so it may use lock-free
/// reads, and writers wait for it), else 0. One TLS read.
#[inline]
pub fn online_tid() -> usize {
    ONLINE.try_with(Cell::get).unwrap_or(0)
}

/// Called by [`ThreadState::attach`] once the thread is ATTACHED: the
/// thread is online from here on. Its half of the Dekker handshake with
/// [`scan`] (see the module doc).
pub(crate) fn on_attach(ts: &ThreadState) {
    let seq = global().wr_seq.load(Ordering::Acquire);
    ts.qsbr.seq.store(seq, Ordering::Relaxed);
    fence(Ordering::SeqCst);
    let _ = ONLINE.try_with(|o| o.set(ts.tid));
    if global().has_orphans.load(Ordering::Relaxed) {
        // Work left by exited threads while nobody was online to take it.
        ts.request(BREAKER_QSBR);
    }
}

/// Called by [`ThreadState::detach`] while the thread is still ATTACHED:
/// from here on it reads no objects, so it holds back no goal.
pub(crate) fn on_detach(ts: &ThreadState) {
    let _ = ONLINE.try_with(|o| o.set(0));
    // Release: everything the thread read while online happens-before a
    // scanner that sees it offline.
    ts.qsbr.seq.store(OFFLINE, Ordering::Release);
}

/// Records a quiescent state for the calling (attached) thread: it holds no
/// pointer obtained by a lock-free read.
pub fn quiescent_state(ts: &ThreadState) {
    if ts.qsbr.seq.load(Ordering::Relaxed) == OFFLINE {
        return;
    }
    // Acquire: a goal this value reaches came from a seal whose removals
    // must be visible to our next reads. Release: our reads so far happen
    // before any free a scanner allows after seeing this value.
    let seq = global().wr_seq.load(Ordering::Acquire);
    ts.qsbr.seq.store(seq, Ordering::Release);
}

/// The smallest sequence number every online thread has reached.
fn scan() -> u64 {
    // Our half of the handshake with `on_attach`.
    fence(Ordering::SeqCst);
    let mut min = global().wr_seq.load(Ordering::Acquire);
    for_each_thread(|t| {
        let s = t.qsbr.seq.load(Ordering::Acquire);
        if s != OFFLINE && s < min {
            min = s;
        }
    });
    min
}

fn seal(items: Vec<Deferred>, bytes: usize) -> Batch {
    // AcqRel: the removals that made this work deferrable are sequenced
    // before this RMW, which heads the release sequence that quiescent
    // states read.
    let goal = global().wr_seq.fetch_add(INCR, Ordering::AcqRel) + INCR;
    Batch { goal, items, bytes }
}

/// Hands sealed batches to the other threads (the caller is exiting) and
/// asks the online ones to process; a thread that attaches later finds
/// `has_orphans` set in `on_attach`.
fn orphan(batches: Vec<Batch>) {
    let g = global();
    g.orphans.lock().extend(batches);
    g.has_orphans.store(true, Ordering::Release);
    broadcast(None);
}

/// Asks every online thread except `me` for a quiescent state.
fn broadcast(me: Option<&ThreadState>) {
    for_each_thread(|t| {
        let is_me = me.is_some_and(|m| core::ptr::eq(m, t));
        if !is_me && t.qsbr.seq.load(Ordering::Relaxed) != OFFLINE {
            t.request(BREAKER_QSBR);
        }
    });
}

/// Seals the open batch of `local` and asks every online thread (this one
/// included) for a quiescent state.
fn seal_open(local: &mut Local, me: Option<&ThreadState>) {
    let items = std::mem::take(&mut local.open);
    let bytes = std::mem::take(&mut local.open_bytes);
    let batch = seal(items, bytes);
    local.sealed_bytes += batch.bytes;
    let goal = batch.goal;
    local.sealed.push_back(batch);
    if let Some(ts) = me {
        let front = local.sealed.front().map_or(goal, |b| b.goal);
        ts.qsbr.waiting.store(front, Ordering::Relaxed);
        ts.request(BREAKER_QSBR);
    }
    local.self_requested = true;
    broadcast(me);
}

/// Defers `run(arg)` until every thread that is online now has passed a
/// quiescent state. `bytes` is the memory the work will release (for the
/// [`FORCE_BYTES`] bound).
///
/// # Safety
/// `run(arg)` must be sound to call exactly once, on any thread, at any
/// eval-breaker visit after the grace period (it may run Python code only
/// if that is allowed there), and `arg` must stay valid until then.
pub unsafe fn defer(run: unsafe fn(*mut ()), arg: *mut (), bytes: usize) {
    let item = Deferred { run, arg };
    let queued = LOCAL.try_with(|l| {
        let mut local = l.borrow_mut();
        local.open.push(item);
        local.open_bytes += bytes;
        let full = local.open.len() >= BATCH_ITEMS || local.open_bytes + local.sealed_bytes >= FORCE_BYTES;
        let first = !local.self_requested;
        if full || first {
            with_current(|ts| {
                if full {
                    seal_open(&mut local, ts);
                } else if let Some(ts) = ts {
                    // Seal at our next eval-breaker visit.
                    local.self_requested = true;
                    ts.request(BREAKER_QSBR);
                }
            });
        }
    });
    if let Err(_destroyed) = queued {
        // Thread-local storage is gone (thread exit): seal on the spot and
        // leave the batch to the other threads.
        orphan(vec![seal(vec![Deferred { run, arg }], bytes)]);
    }
}

/// Runs every item of `batch`.
fn run_batch(batch: Batch) {
    for d in batch.items {
        // SAFETY: the contract of `defer`: the batch's goal has been reached
        // by every online thread, so the grace period is over, and each item
        // is run once (the batch is consumed).
        unsafe { (d.run)(d.arg) };
    }
}

/// The eval breaker's handler for [`BREAKER_QSBR`] (also fine to call at
/// any other quiescent point where deferred work may run): records a
/// quiescent state, seals the open batch if no older one is pending, runs
/// reclaimable work, and wakes threads whose goals are now reached.
pub fn process(ts: &ThreadState) {
    ts.clear(BREAKER_QSBR);
    let _ = LOCAL.try_with(|l| {
        let mut local = l.borrow_mut();
        local.self_requested = false;
        let open_full = local.open.len() >= BATCH_ITEMS;
        if !local.open.is_empty() && (local.sealed.is_empty() || open_full) {
            seal_open(&mut local, Some(ts));
            local.self_requested = false;
        }
    });
    quiescent_state(ts);
    let min = scan();
    // Our own batches, oldest first. Each is taken out before it runs: its
    // callbacks may defer more work or reach an eval breaker themselves.
    loop {
        let batch = LOCAL
            .try_with(|l| {
                let mut local = l.borrow_mut();
                match local.sealed.front() {
                    Some(b) if b.goal <= min => {
                        let b = local.sealed.pop_front().expect("front exists");
                        local.sealed_bytes -= b.bytes;
                        Some(b)
                    }
                    _ => None,
                }
            })
            .ok()
            .flatten();
        match batch {
            Some(b) => run_batch(b),
            None => break,
        }
    }
    let g = global();
    if g.has_orphans.load(Ordering::Acquire) {
        let ready: Vec<Batch> = {
            let mut orphans = g.orphans.lock();
            let (ready, wait): (Vec<Batch>, Vec<Batch>) = orphans.drain(..).partition(|b| b.goal <= min);
            *orphans = wait;
            if orphans.is_empty() {
                g.has_orphans.store(false, Ordering::Relaxed);
            }
            ready
        };
        ready.into_iter().for_each(run_batch);
    }
    let next = LOCAL.try_with(|l| l.borrow().sealed.front().map_or(0, |b| b.goal)).unwrap_or(0);
    ts.qsbr.waiting.store(next, Ordering::Relaxed);
    // Hand reached goals back to the threads waiting for them (this one's
    // remaining goal is above `min`, or it would have run).
    for_each_thread(|t| {
        let w = t.qsbr.waiting.load(Ordering::Relaxed);
        if w != 0 && w <= min && !core::ptr::eq(t, ts) {
            t.request(BREAKER_QSBR);
        }
    });
}

/// Deferred items queued by the calling thread and not yet run. For tests.
pub fn pending() -> usize {
    LOCAL
        .try_with(|l| {
            let l = l.borrow();
            l.open.len() + l.sealed.iter().map(|b| b.items.len()).sum::<usize>()
        })
        .unwrap_or(0)
}

/// Sealed batches of exited threads still waiting. For tests.
pub fn orphaned() -> usize {
    global().orphans.lock().iter().map(|b| b.items.len()).sum()
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::registry::{register_current_thread, unregister_current_thread};
    use std::sync::atomic::AtomicUsize as StdAtomicUsize;
    use std::sync::Arc as StdArc;

    /// # Safety
    /// `arg` is a raw `StdArc<StdAtomicUsize>` from `defer_bump`.
    unsafe fn bump_unsafe(arg: *mut ()) {
        // SAFETY: the caller passes the pointer `StdArc::into_raw` made.
        let c = unsafe { StdArc::from_raw(arg as *const StdAtomicUsize) };
        c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    fn count(c: &StdArc<StdAtomicUsize>) -> usize {
        c.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Other tests' threads may be online for a moment and hold a goal
    /// back: process until `c` reaches `n` (or fail after a while).
    fn process_until(ts: &ThreadState, c: &StdArc<StdAtomicUsize>, n: usize) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            process(ts);
            if count(c) == n {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "deferred work never ran ({} of {n})", count(c));
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    fn defer_bump(c: &StdArc<StdAtomicUsize>) {
        let arg = StdArc::into_raw(c.clone()) as *mut ();
        // SAFETY: `bump` may run anywhere, once; the Arc keeps `arg` valid.
        unsafe { defer(bump_unsafe, arg, 8) };
    }

    fn leave(ts: &ThreadState) {
        if ts.status() == crate::ThreadStatus::Attached {
            ts.detach();
        }
        ts.brc_inbox.close();
        unregister_current_thread();
    }

    #[test]
    fn single_thread_runs_at_next_process() {
        std::thread::spawn(|| {
            let ts = register_current_thread();
            ts.attach();
            assert_ne!(online_tid(), 0);
            let c = StdArc::new(StdAtomicUsize::new(0));
            defer_bump(&c);
            assert_eq!(pending(), 1);
            assert_ne!(ts.breaker_bits() & BREAKER_QSBR, 0, "defer asks for a visit");
            process_until(&ts, &c, 1);
            assert_eq!(pending(), 0);
            leave(&ts);
            assert_eq!(online_tid(), 0);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn goal_waits_for_other_online_thread() {
        let (to_reader, from_main) = std::sync::mpsc::channel::<&'static str>();
        let (to_main, from_reader) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            to_main.send(()).unwrap();
            // Wait for the writer to defer, then answer its request.
            assert_eq!(from_main.recv().unwrap(), "deferred");
            while ts.breaker_bits() & BREAKER_QSBR == 0 {
                std::thread::yield_now();
            }
            process(&ts);
            to_main.send(()).unwrap();
            assert_eq!(from_main.recv().unwrap(), "done");
            leave(&ts);
        });
        let ts = register_current_thread();
        ts.attach();
        from_reader.recv().unwrap();
        let c = StdArc::new(StdAtomicUsize::new(0));
        for _ in 0..BATCH_ITEMS {
            defer_bump(&c);
        }
        // The batch is full and sealed; the reader has not passed it yet.
        process(&ts);
        assert_eq!(count(&c), 0, "ran before the reader's quiescent state");
        to_reader.send("deferred").unwrap();
        from_reader.recv().unwrap();
        process_until(&ts, &c, BATCH_ITEMS);
        to_reader.send("done").unwrap();
        reader.join().unwrap();
        leave(&ts);
    }

    #[test]
    fn detached_threads_do_not_hold_back_goals() {
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let (tx2, rx2) = std::sync::mpsc::channel::<()>();
        let other = std::thread::spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            ts.detach();
            tx.send(()).unwrap();
            rx2.recv().unwrap();
            leave(&ts);
        });
        rx.recv().unwrap();
        std::thread::spawn(|| {
            let ts = register_current_thread();
            ts.attach();
            let c = StdArc::new(StdAtomicUsize::new(0));
            defer_bump(&c);
            process_until(&ts, &c, 1);
            leave(&ts);
        })
        .join()
        .unwrap();
        tx2.send(()).unwrap();
        other.join().unwrap();
    }

    #[test]
    fn exiting_thread_orphans_its_work() {
        let c = StdArc::new(StdAtomicUsize::new(0));
        let c2 = c.clone();
        std::thread::spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            defer_bump(&c2);
            defer_bump(&c2);
            leave(&ts);
        })
        .join()
        .unwrap();
        std::thread::spawn(|| {
            let ts = register_current_thread();
            ts.attach();
            process(&ts);
            leave(&ts);
        })
        .join()
        .unwrap();
        // Another test's online thread may delay the goal; wait for it.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while count(&c) != 2 {
            assert!(std::time::Instant::now() < deadline, "orphans never ran");
            std::thread::spawn(|| {
                let ts = register_current_thread();
                ts.attach();
                process(&ts);
                leave(&ts);
            })
            .join()
            .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    #[test]
    fn memory_threshold_seals_at_once() {
        std::thread::spawn(|| {
            let ts = register_current_thread();
            ts.attach();
            let c = StdArc::new(StdAtomicUsize::new(0));
            let arg = StdArc::into_raw(c.clone()) as *mut ();
            // SAFETY: as in `defer_bump`.
            unsafe { defer(bump_unsafe, arg, FORCE_BYTES) };
            LOCAL.with(|l| {
                let l = l.borrow();
                assert!(l.open.is_empty(), "a batch over the byte bound is sealed at once");
                assert_eq!(l.sealed.len(), 1);
            });
            process_until(&ts, &c, 1);
            leave(&ts);
        })
        .join()
        .unwrap();
    }
}
