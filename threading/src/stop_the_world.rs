//! Attach, detach, safepoints and stopping the world.
//!
//! A registered thread is in one of three states (CPython's
//! `Python/pystate.c`):
//!
//! - ATTACHED: running Python code; may touch objects. Holds the GIL when the
//!   GIL is enabled.
//! - DETACHED: not touching objects (blocking in the OS, waiting for a lock
//!   or the GIL, or not started). Counts as already stopped.
//! - SUSPENDED: parked by a stop-the-world. Leaves this state only when the
//!   requester restarts the world.
//!
//! Transitions and who makes them:
//!
//! | from -> to | by | how |
//! |------------|----|-----|
//! | DETACHED -> ATTACHED | the thread (`attach`) | CAS, no lock (fast path) |
//! | ATTACHED -> DETACHED | the thread (`detach`) | store, then check for a stop request |
//! | ATTACHED -> SUSPENDED | the thread (`safepoint`) | store, registry lock held |
//! | DETACHED -> SUSPENDED | requester, or the thread in `detach` | CAS, registry lock held |
//! | SUSPENDED -> DETACHED | requester (restart) | store, registry lock held |
//!
//! Invariants:
//! - Only one requester at a time: `StwState::claimed`, set under the
//!   registry lock from the start of a request until its restart. (A flag
//!   under the registry lock rather than a separate mutex: a second
//!   requester must detach before it waits, and loom's `Mutex::try_lock`
//!   can report a false deadlock.)
//! - While a stop is requested, every registered thread other than the
//!   requester is *counted* when the request starts and is uncounted exactly
//!   once, under the registry lock, when it reaches SUSPENDED or unregisters.
//!   Threads registered during the stop start SUSPENDED and are not counted.
//!   So once `countdown == 0` no thread but the requester is ATTACHED, and
//!   none can become ATTACHED until the restart (the attach CAS only succeeds
//!   from DETACHED).
//! - Every move out of SUSPENDED happens under the registry lock and is
//!   followed by `restarted.notify_all()`, so waiting for it under that lock
//!   cannot miss the wake-up. Likewise `countdown` reaching 0.
//! - Dekker handshake between a detaching thread and the requester: the
//!   thread stores DETACHED, `fence(SeqCst)`, loads `stw_requested`; the
//!   requester stores `stw_requested`, `fence(SeqCst)`, loads each status.
//!   The two fences are totally ordered, so at least one side sees the
//!   other's store: either the requester sees DETACHED and suspends the
//!   thread, or the thread sees the request and suspends itself. Without it
//!   a thread could detach just after the requester saw it ATTACHED, and the
//!   requester would wait for a safepoint that never comes. (Fences rather
//!   than SeqCst accesses: loom models SeqCst fences exactly but treats
//!   SeqCst loads and stores as AcqRel, and found this deadlock that way.)
//! - A thread never holds the GIL while SUSPENDED: `attach` takes the GIL and
//!   then tries the CAS; if the thread turns out to be SUSPENDED it releases
//!   the GIL before waiting.
//! - A stop-the-world requester that is attached stays attached; it must not
//!   call `stop_the_world` again before dropping its guard.

use crate::gil;
use crate::registry::{
    current, world, Head, ThreadState, World, ATTACHED, BREAKER_STOP_THE_WORLD, DETACHED, SUSPENDED,
};
use crate::sync::{fence, MutexGuard, Ordering};

impl ThreadState {
    /// Start running Python code on this thread: take the GIL if it is
    /// enabled, then move DETACHED -> ATTACHED. Waits while the world is
    /// stopped. Must be called by the thread that owns this state.
    pub fn attach(&self) {
        debug_assert_ne!(
            self.status.load(Ordering::Relaxed),
            ATTACHED,
            "attach: thread {} is already attached",
            self.tid
        );
        loop {
            if gil::gil_enabled() {
                gil::take(self);
            }
            // Acquire: pairs with the restart's Release store of DETACHED,
            // so what the requester did while the world was stopped is
            // visible to us. The CAS fails if a requester suspended us.
            if self.status.compare_exchange(DETACHED, ATTACHED, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                // Relaxed: `freeze_other_threads` stored it before the
                // restart's Release store of DETACHED that our Acquire CAS
                // read, or while we were suspended (read under the lock).
                let finalizer = world().finalizer.load(Ordering::Relaxed);
                if finalizer != 0 && finalizer != self.tid {
                    self.detach();
                    park_for_good();
                }
                crate::qsbr::on_attach(self);
                return;
            }
            // SUSPENDED: do not sit on the GIL while the world is stopped.
            if self.holds_gil.load(Ordering::Relaxed) {
                gil::release(self, false);
            }
            self.wait_while_suspended();
        }
    }

    /// Stop running Python code on this thread (around blocking calls).
    /// A detached thread counts as stopped for stop-the-world.
    pub fn detach(&self) {
        self.detach_inner(false);
    }

    /// Called from the eval breaker when `BREAKER_STOP_THE_WORLD` is set:
    /// suspends this attached thread until the world restarts. Spurious
    /// calls (no stop in progress) return at once.
    pub fn safepoint(&self) {
        // Clear first: a new request arriving after this is not lost.
        self.clear(BREAKER_STOP_THE_WORLD);
        let world = world();
        let mut head = world.head.lock();
        if !head.stw.requested || head.stw.requester == self.tid {
            return;
        }
        debug_assert_eq!(self.status.load(Ordering::Relaxed), ATTACHED);
        // Relaxed: under the registry lock, whose release publishes this
        // thread's writes to the requester (it reads `countdown` under it).
        self.status.store(SUSPENDED, Ordering::Relaxed);
        uncount(world, &mut head);
        drop(head);
        // Lock order: never take the GIL state lock under the registry lock.
        if self.holds_gil.load(Ordering::Relaxed) {
            gil::release(self, false);
        }
        self.wait_while_suspended();
        self.attach();
    }

    /// Called from the eval breaker when `BREAKER_GIL_DROP_REQUEST` is set:
    /// release the GIL, wait until another thread has taken it, then take it
    /// back (CPython's forced switching). Returns at once if this thread does
    /// not hold the GIL.
    pub fn yield_gil(&self) {
        self.clear(crate::registry::BREAKER_GIL_DROP_REQUEST);
        if !self.holds_gil.load(Ordering::Relaxed) {
            return;
        }
        self.detach_inner(true);
        self.attach();
    }

    fn detach_inner(&self, forced_switch: bool) {
        debug_assert_eq!(self.status.load(Ordering::Relaxed), ATTACHED, "detach: thread {} is not attached", self.tid);
        let world = world();
        crate::qsbr::on_detach(self);
        // Release: a requester that suspends us (its CAS is Acquire) sees
        // everything we did while attached. Then the fence and the load of
        // `stw_requested` are our half of the Dekker handshake with
        // `stop_the_world` / `park_detached` (see the module doc).
        self.status.store(DETACHED, Ordering::Release);
        fence(Ordering::SeqCst);
        if world.stw_requested.load(Ordering::Relaxed) {
            self.suspend_self_if_requested(world);
        }
        if self.holds_gil.load(Ordering::Relaxed) {
            gil::release(self, forced_switch);
        }
    }

    /// A stop is (or was) in progress and may not have seen us detach: do
    /// its DETACHED -> SUSPENDED move ourselves, under the registry lock, so
    /// the requester is not left waiting for our safepoint.
    fn suspend_self_if_requested(&self, world: &World) {
        let mut head = world.head.lock();
        if !head.stw.requested || head.stw.requester == self.tid || !is_registered(&head, self) {
            return;
        }
        // Only we (now) or the requester (under this same lock) can move us
        // out of DETACHED, so the CAS fails only if the requester was first.
        // Relaxed: the registry lock orders this with the requester.
        if self.status.compare_exchange(DETACHED, SUSPENDED, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            uncount(world, &mut head);
        }
    }

    /// Wait, under the registry lock, until the restart moves us out of
    /// SUSPENDED. (Every such move is made under that lock and notified.)
    fn wait_while_suspended(&self) {
        let world = world();
        let mut head = world.head.lock();
        while self.status.load(Ordering::Relaxed) == SUSPENDED {
            world.restarted.wait(&mut head);
        }
    }
}

/// One counted thread reached SUSPENDED (or left); wake the requester if it
/// was the last.
pub(crate) fn uncount(world: &World, head: &mut MutexGuard<'_, Head>) {
    debug_assert!(head.stw.countdown > 0, "stop-the-world countdown underflow");
    head.stw.countdown -= 1;
    if head.stw.countdown == 0 {
        world.all_stopped.notify_all();
    }
}

fn is_registered(head: &Head, ts: &ThreadState) -> bool {
    head.slots.get(ts.tid - 1).and_then(Option::as_ref).is_some_and(|slot| core::ptr::eq(&**slot, ts))
}

/// Proof that the world is stopped: while it lives, no registered thread
/// other than the one that created it is ATTACHED. Dropping it restarts
/// the world.
#[must_use = "dropping the guard restarts the world at once"]
pub struct StopTheWorldGuard {
    requester: usize,
}

impl core::fmt::Debug for StopTheWorldGuard {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("StopTheWorldGuard").field("requester", &self.requester).finish()
    }
}

/// Stop every registered thread except the caller, and return once they are
/// all DETACHED-and-parked or SUSPENDED at a safepoint.
///
/// Attached threads are asked through `BREAKER_STOP_THE_WORLD` and stop at
/// their next [`ThreadState::safepoint`]; detached ones are suspended on the
/// spot. If another thread is stopping the world, the caller waits for it
/// detached (so that thread does not wait for us). Dropping the guard
/// restarts the world.
pub fn stop_the_world() -> StopTheWorldGuard {
    let world = world();
    let me = current();
    let requester = me.as_ref().map_or(0, |ts| ts.tid);
    let mut head = world.head.lock();
    debug_assert!(
        !(head.stw.claimed && requester != 0 && head.stw.requester == requester),
        "stop_the_world called again by the thread that stopped the world"
    );
    if head.stw.claimed {
        // Another requester may be waiting for us to stop: wait as a
        // detached thread (CPython's PyMutex_Lock with _PY_LOCK_DETACH).
        let attached = me.as_ref().filter(|ts| ts.status.load(Ordering::Relaxed) == ATTACHED);
        if let Some(ts) = attached {
            drop(head);
            ts.detach();
            head = world.head.lock();
        }
        // Every release of the claim happens under this lock, in the
        // restart, which notifies `restarted`.
        while head.stw.claimed {
            world.restarted.wait(&mut head);
        }
        head.stw.claimed = true;
        if let Some(ts) = attached {
            // The previous requester restarted the world before releasing
            // the claim, and nobody else can stop it now that we hold it: so
            // this does not block on a stop (it may wait for the GIL).
            drop(head);
            ts.attach();
            head = world.head.lock();
        }
    } else {
        head.stw.claimed = true;
    }
    head.stw.requested = true;
    head.stw.requester = requester;
    // The requester's half of the Dekker handshake with `detach`: the store,
    // then a SeqCst fence before the status loads in `park_detached`.
    world.stw_requested.store(true, Ordering::Relaxed);
    fence(Ordering::SeqCst);
    head.stw.countdown = head.slots.iter().flatten().filter(|ts| ts.tid != requester).count();
    loop {
        park_detached(world, &mut head, requester);
        if head.stw.countdown == 0 {
            break;
        }
        world.all_stopped.wait(&mut head);
    }
    drop(head);
    StopTheWorldGuard { requester }
}

/// CPython's `_PyRuntimeState_SetFinalizing`: the calling thread is about
/// to tear the runtime down (clear module globals, run the last
/// finalizers), so every other thread -- daemon threads still running --
/// must never run Python code again. The world is stopped once to mark
/// the caller as the finalizer; from the restart on, each other thread
/// parks for good at its next attach (a thread stopped at a safepoint
/// attaches on the restart; one blocked in the OS, when it comes back), and
/// stays DETACHED so later stops and the GIL never wait for it. Like
/// CPython's frozen daemon threads, they hold whatever they held.
pub fn freeze_other_threads() {
    let me = current().map_or(0, |ts| ts.tid);
    let stopped = stop_the_world();
    world().finalizer.store(me, Ordering::Relaxed);
    drop(stopped);
}

/// Parks the calling (detached) thread until the process exits.
fn park_for_good() -> ! {
    loop {
        std::thread::park();
    }
}

/// Suspend every DETACHED thread and ask every ATTACHED one to stop.
fn park_detached(world: &World, head: &mut MutexGuard<'_, Head>, requester: usize) {
    let mut parked = 0;
    for ts in head.slots.iter().flatten() {
        if ts.tid == requester {
            continue;
        }
        // Relaxed: ordered after our store of `stw_requested` by the SeqCst
        // fence in `stop_the_world` (the Dekker handshake); a stale DETACHED
        // only makes the CAS below fail and retry.
        let mut status = ts.status.load(Ordering::Relaxed);
        loop {
            match status {
                // Acquire: pairs with the Release store in `detach`, so the
                // thread's writes while attached are visible to us.
                DETACHED => match ts.status.compare_exchange(DETACHED, SUSPENDED, Ordering::Acquire, Ordering::Relaxed)
                {
                    Ok(_) => {
                        parked += 1;
                        break;
                    }
                    // It attached in between; go round and ask it to stop.
                    Err(now) => status = now,
                },
                ATTACHED => {
                    ts.request(BREAKER_STOP_THE_WORLD);
                    break;
                }
                _ => break, // already SUSPENDED (and uncounted)
            }
        }
    }
    for _ in 0..parked {
        uncount(world, head);
    }
}

impl Drop for StopTheWorldGuard {
    fn drop(&mut self) {
        let world = world();
        let mut head = world.head.lock();
        debug_assert_eq!(head.stw.countdown, 0);
        head.stw.requested = false;
        head.stw.requester = 0;
        // Lets the next requester in (it waits on `restarted`).
        head.stw.claimed = false;
        // Relaxed: every reader re-checks `head.stw` under the lock.
        world.stw_requested.store(false, Ordering::Relaxed);
        for ts in head.slots.iter().flatten() {
            if ts.tid == self.requester {
                continue;
            }
            debug_assert_eq!(ts.status.load(Ordering::Relaxed), SUSPENDED);
            // A bit set for this stop but never acted on (the thread
            // detached instead) would only cause a spurious safepoint.
            ts.clear(BREAKER_STOP_THE_WORLD);
            // Release: pairs with the Acquire CAS in `attach`, so everything
            // the requester did during the stop is visible to the thread.
            ts.status.store(DETACHED, Ordering::Release);
        }
        world.restarted.notify_all();
    }
}
