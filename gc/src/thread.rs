//! Attaching threads to the object world, merging queued objects, and the
//! thread exit protocol.
//!
//! A thread is attached explicitly ([`attach_thread`]) or lazily, the first
//! time it allocates an object. Attaching registers it with
//! `skein_threading::registry` (which hands out its tid and inbox) and
//! creates its object heap. Detaching -- dropping the [`ThreadAttachment`],
//! or the thread-local destructor of a lazily attached thread -- runs the
//! exit protocol:
//!
//! 1. close the inbox (later pushes fail, and the pusher releases the queue's
//!    reference itself) and merge what it returned, still as the owner;
//! 2. stop being an owner: this thread's refcount operations now take the
//!    shared path and its new objects are born merged;
//! 3. walk the heap and collect every object whose `ob_tid` is ours;
//! 4. merge each of them (`ob_tid = 0`, MERGED, local count folded in);
//!    the ones whose total is 0 are collected, not freed yet, because
//!    freeing runs `dealloc` code that could drop references to objects
//!    not merged yet, and must not run while mimalloc walks the heap;
//! 5. destroy the dead ones;
//! 6. delete the heap: mimalloc abandons its pages, which still hold the
//!    merged survivors; any thread may free those later, and other threads
//!    reclaim the pages;
//! 7. release the tid (`unregister_current_thread`). Because every object
//!    that carried the tid was merged first, a new thread that gets the same
//!    tid cannot mistake an old object for its own, and a queue entry that a
//!    slow pusher delivers to the new thread finds `ob_tid == 0` and only
//!    releases the queue's reference.
//!
//! Thread-locals: `OWNER_TID`, `HEAP` and `PHASE` are `const` without
//! destructors (one TLS read on the fast paths, usable during thread
//! teardown). `EXIT_GUARD` holds the registry's `ThreadState` and runs the
//! exit protocol from its destructor; it is first touched only after
//! `register_current_thread`, so it is destroyed before the registry's own
//! thread-local (destructors run in reverse order of registration).

use crate::brc::{self, Fate};
use crate::dealloc;
use crate::header::ObjHeader;
use crate::heap::{self, RawHeap};
use core::cell::{Cell, RefCell};
use core::marker::PhantomData;
use core::ptr::NonNull;
use skein_threading::registry::{self, ThreadState, BREAKER_BRC_MERGE};
use skein_threading::sync::Arc;

/// `OWNER_TID` when the thread owns nothing: never equal to an `ob_tid`
/// (those are registry tids, small numbers, or 0).
pub(crate) const NO_TID: usize = usize::MAX;

/// Where the thread is in its life with the object world.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Never attached, or detached through a `ThreadAttachment`.
    Detached,
    /// Owns objects and a heap.
    Attached,
    /// Running the exit protocol: the heap exists but new objects are born
    /// merged and nothing is owned.
    Exiting,
    /// Exit protocol ran from a thread-local destructor; the thread is about
    /// to end. New objects come from the global allocator, born merged.
    Exited,
}

const_thread_local! {
    /// This thread's tid while attached, else `NO_TID`.
    static OWNER_TID: Cell<usize> = Cell::new(NO_TID);
    /// This thread's object heap while attached or exiting.
    static HEAP: Cell<Option<RawHeap>> = Cell::new(None);
    /// See [`Phase`].
    static PHASE: Cell<Phase> = Cell::new(Phase::Detached);
    /// Runs the exit protocol when the thread ends while still attached.
    static EXIT_GUARD: ExitGuard = ExitGuard(RefCell::new(None));
}

struct ExitGuard(RefCell<Option<Arc<ThreadState>>>);

impl Drop for ExitGuard {
    fn drop(&mut self) {
        if let Some(ts) = self.0.borrow_mut().take() {
            run_exit_protocol(&ts, Phase::Exited);
        }
    }
}

/// The calling thread's tid while it owns objects, else `NO_TID`.
#[inline]
pub(crate) fn owner_tid() -> usize {
    OWNER_TID.with(Cell::get)
}

/// Where a new object's memory comes from and who owns it.
pub(crate) enum AllocTarget {
    /// This thread's heap; the object is owned by `tid`.
    Owned(RawHeap, usize),
    /// No owner: the object is born merged (exiting threads).
    Unowned(Option<RawHeap>),
}

/// The heap and owner for an allocation by the calling thread, attaching
/// it first if needed.
#[inline]
pub(crate) fn alloc_target() -> AllocTarget {
    let tid = owner_tid();
    match HEAP.with(Cell::get) {
        Some(heap) if tid != NO_TID => AllocTarget::Owned(heap, tid),
        _ => alloc_target_slow(),
    }
}

#[cold]
#[inline(never)]
fn alloc_target_slow() -> AllocTarget {
    match PHASE.with(Cell::get) {
        Phase::Detached => {
            attach_current();
            match (HEAP.with(Cell::get), owner_tid()) {
                (Some(heap), tid) if tid != NO_TID => AllocTarget::Owned(heap, tid),
                (heap, _) => AllocTarget::Unowned(heap),
            }
        }
        Phase::Attached | Phase::Exiting => AllocTarget::Unowned(HEAP.with(Cell::get)),
        Phase::Exited => AllocTarget::Unowned(None),
    }
}

/// Proof that the calling thread is attached. Dropping an owning attachment
/// runs the exit protocol (see the module doc); it must be dropped on the
/// thread that created it, hence `!Send`.
#[derive(Debug)]
#[must_use = "dropping the attachment detaches the thread at once"]
pub struct ThreadAttachment {
    /// Whether this attachment attached the thread (else it was already
    /// attached and this one does nothing on drop).
    owning: bool,
    _not_send: PhantomData<*const ()>,
}

impl ThreadAttachment {
    /// The thread's registry state (`None` only while the thread exits).
    pub fn thread_state(&self) -> Option<Arc<ThreadState>> {
        registry::current()
    }

    /// This thread's tid while it owns objects (`None` while it exits).
    pub fn tid(&self) -> Option<usize> {
        Some(owner_tid()).filter(|&t| t != NO_TID)
    }
}

impl Drop for ThreadAttachment {
    fn drop(&mut self) {
        if self.owning {
            detach_current(Phase::Detached);
        }
    }
}

/// Attach the calling thread: register it with the thread registry and
/// create its object heap. If the thread is already attached (explicitly or
/// lazily by an allocation), the returned attachment does nothing on drop.
///
/// This does not change the registry's ATTACHED/DETACHED status; the VM
/// calls `ThreadState::attach` itself. Do not call
/// `registry::unregister_current_thread` on an attached thread: detach by
/// dropping the attachment, which must merge objects before the tid is
/// released.
pub fn attach_thread() -> ThreadAttachment {
    let owning = match PHASE.with(Cell::get) {
        Phase::Detached => {
            attach_current();
            PHASE.with(Cell::get) == Phase::Attached
        }
        _ => false,
    };
    ThreadAttachment { owning, _not_send: PhantomData }
}

fn attach_current() {
    // Register first: the registry's thread-local must be destroyed after
    // `EXIT_GUARD`, which needs it to release the tid.
    let ts = registry::register_current_thread();
    let stored = EXIT_GUARD.try_with(|g| *g.0.borrow_mut() = Some(ts.clone()));
    if stored.is_err() {
        // The thread is already tearing down its thread-locals: stay
        // unattached; allocations are born merged from the global heap.
        registry::unregister_current_thread();
        PHASE.with(|p| p.set(Phase::Exited));
        return;
    }
    HEAP.with(|h| h.set(Some(RawHeap::new())));
    crate::young::attach();
    OWNER_TID.with(|t| t.set(ts.tid));
    PHASE.with(|p| p.set(Phase::Attached));
}

fn detach_current(end: Phase) {
    let ts = EXIT_GUARD.try_with(|g| g.0.borrow_mut().take()).ok().flatten();
    if let Some(ts) = ts {
        run_exit_protocol(&ts, end);
    }
}

/// The exit protocol, steps 1 to 7 of the module doc.
fn run_exit_protocol(ts: &ThreadState, end: Phase) {
    let tid = ts.tid;
    debug_assert_eq!(owner_tid(), tid);
    // 1. Close the inbox and merge what was queued, still as the owner.
    for addr in ts.brc_inbox.close() {
        merge_one_queued(addr, tid);
    }
    // 2. Stop owning.
    OWNER_TID.with(|t| t.set(NO_TID));
    PHASE.with(|p| p.set(Phase::Exiting));
    let heap = HEAP.with(Cell::get);
    // 3. Collect the objects still carrying our tid.
    let owned = match heap {
        // SAFETY: our own heap, walked on our thread; the walk itself
        // neither allocates objects nor frees them.
        Some(heap) => unsafe { heap::objects_owned_by(heap, tid) },
        None => Vec::new(),
    };
    count!(THREAD_EXITS);
    count!(EXIT_MERGED, owned.len());
    event!(ExitMerged, owned.len());
    // 4. Merge them all before running any dealloc code.
    let mut dead = Vec::new();
    for p in owned {
        // SAFETY: the object carries our tid, so it is alive (only we could
        // have freed it, and we have not) and we are its owner.
        let h = unsafe { p.as_ref() };
        if brc::merge(h, 0) == Fate::Dead {
            dead.push(p);
        }
    }
    // 5. Destroy the ones nobody references.
    for p in dead {
        // SAFETY: merged with a total of 0: no references remain, and each
        // object appears once in `dead`.
        unsafe { dealloc::destroy_dead(p) };
    }
    // 6. Give the heap's pages back (survivors stay valid, now unowned).
    HEAP.with(|h| h.set(None));
    if let Some(heap) = heap {
        // SAFETY: created on this thread by `attach_current`; no longer
        // reachable through `HEAP`.
        unsafe { heap.delete() };
    }
    // The young list goes to the orphans (its zombies may sit in the pages
    // just abandoned; the collector frees them there).
    crate::young::detach();
    // 7. Release the tid.
    registry::unregister_current_thread();
    PHASE.with(|p| p.set(end));
}

/// Merge one queue entry (owner).
fn merge_one_queued(addr: usize, my_tid: usize) {
    let Some(p) = NonNull::new(addr as *mut ObjHeader) else {
        return;
    };
    // SAFETY: a queue entry holds a reference, so the object is alive.
    let h = unsafe { p.as_ref() };
    if brc::merge_queued(h, my_tid) == Fate::Dead {
        // SAFETY: the queue's reference was the last one.
        unsafe { dealloc::destroy_dead(p) };
    }
}

/// The owner's safepoint work: merge every object other threads queued to
/// this thread, and destroy those whose count is now zero. Clears the
/// `BREAKER_BRC_MERGE` eval-breaker bit first, so a request arriving during
/// the merge is not lost. Does nothing on an unattached thread.
///
/// The eval loop calls this when it sees `BREAKER_BRC_MERGE`; threads
/// without an eval loop that own many shared objects may call it now and
/// then (otherwise queued objects wait until the thread exits).
pub fn process_queued_merges() {
    let tid = owner_tid();
    if tid == NO_TID {
        return;
    }
    let queued = registry::with_current(|ts| match ts {
        Some(ts) => {
            ts.clear(BREAKER_BRC_MERGE);
            ts.brc_inbox.take_all()
        }
        None => Vec::new(),
    });
    for addr in queued {
        merge_one_queued(addr, tid);
    }
}

/// Whether the calling thread is attached (owns a heap and a tid).
pub fn is_attached() -> bool {
    PHASE.with(Cell::get) == Phase::Attached
}
