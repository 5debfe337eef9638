//! Destroying dead objects, with a "trashcan" so that deep structures do not
//! overflow the Rust stack.
//!
//! Dropping the head of a million-long chain runs `dealloc`, which drops the
//! next link, whose count hits zero, which runs `dealloc`... one level of
//! native recursion per link. The trashcan (CPython's `Py_TRASHCAN_BEGIN`)
//! counts nested destructions per thread; beyond `TRASHCAN_LIMIT` the object
//! is parked on a thread-local list instead, and the outermost destruction
//! drains that list iteratively. Stack use is bounded by
//! `TRASHCAN_LIMIT` frames of (gc + the type's dealloc).
//!
//! Finalizers: before `dealloc`, a type's `finalize` hook (if any) is
//! offered the dead object once (`resurrect.rs`); if it takes the object
//! back, nothing here happens, and the object comes back to `destroy_dead`
//! when its new count reaches zero, this time without the hook.
//!
//! Invariants:
//! - A parked object is dead (count 0, unreachable), so its header's
//!   `ob_tid` word is free to hold the list link (as CPython does). A link is
//!   an address or 0, never a small thread id, so another thread's exit walk
//!   reading that word never mistakes it for one of its own objects.
//! - Both thread-locals are `const`-initialised without destructors, so they
//!   stay usable while other thread-locals are being destroyed at exit.

use crate::header::ObjHeader;
use crate::heap;
use crate::resurrect;
use core::cell::Cell;
use core::ptr::{self, NonNull};
use skein_threading::sync::Ordering::Relaxed;

/// Nested destructions allowed before deferring (CPython uses 50 too).
pub const TRASHCAN_LIMIT: usize = 50;

const_thread_local! {
    /// Destructions currently running on this thread's stack.
    static DEPTH: Cell<usize> = Cell::new(0);
    /// Head of the list of parked dead objects, linked through `ob_tid`.
    static PARKED: Cell<*mut ObjHeader> = Cell::new(ptr::null_mut());
}

/// Destroy an object whose count reached zero: run its type's `dealloc`,
/// then free its memory (possibly later, from the outermost destruction).
///
/// # Safety
/// No references to `p` remain anywhere (its count reached zero in a
/// freeing state, or it was never shared), and it is destroyed only once.
pub(crate) unsafe fn destroy_dead(p: NonNull<ObjHeader>) {
    let depth = DEPTH.with(Cell::get);
    if depth >= TRASHCAN_LIMIT {
        count!(TRASHCAN_PARKED);
        park(p);
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: forwarded from the caller.
    unsafe { destroy_now(p) };
    if depth == 0 {
        // Outermost: drain what deeper levels parked. Each destruction runs
        // at depth 1 and may park more; the loop ends when none are left.
        while let Some(q) = unpark() {
            // SAFETY: parked objects were dead when parked and are on the
            // list exactly once.
            unsafe { destroy_now(q) };
        }
    }
    DEPTH.with(|d| d.set(depth));
}

/// Run `dealloc` and free the memory.
///
/// # Safety
/// As for [`destroy_dead`].
unsafe fn destroy_now(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead but its memory is still allocated.
    let h = unsafe { p.as_ref() };
    let ty = h.type_info();
    // SAFETY: as below, `ty` is valid while the object is.
    if let Some(finalize) = unsafe { (*ty).finalize } {
        // SAFETY: the object is dead and not finalized: what the hook
        // expects. When it returns true it has resurrected the object and
        // holds its only reference, so we must not touch it again.
        if !resurrect::is_finalized(h) && unsafe { finalize(p) } {
            return;
        }
    }
    // Read before `dealloc`, which may release the last reference to the
    // type object (an instance of a heap type holds one).
    // SAFETY: a live object's `ob_type` points to a valid `TypeInfo` (the
    // VM keeps types alive while instances exist).
    let container = unsafe { (*ty).traverse.is_some() };
    // SAFETY: as above; `dealloc` drops the payload in place and does not
    // free the memory.
    unsafe { ((*ty).dealloc)(p) };
    if container {
        crate::trigger::on_container_free();
    }
    // SAFETY: the payload is gone and the memory still allocated; a young
    // object's list entry may have to keep the block (`young.rs`).
    if unsafe { crate::young::keep_as_zombie(p) } {
        return;
    }
    // SAFETY: allocated by `heap::alloc_object`, freed exactly once, here.
    unsafe { heap::free_object_memory(p) };
}

fn park(p: NonNull<ObjHeader>) {
    let head = PARKED.with(Cell::get);
    // SAFETY: the object is dead and still allocated; only this thread
    // references it now.
    let h = unsafe { p.as_ref() };
    h.ob_tid.store(head as usize, Relaxed);
    PARKED.with(|c| c.set(p.as_ptr()));
}

fn unpark() -> Option<NonNull<ObjHeader>> {
    let head = NonNull::new(PARKED.with(Cell::get))?;
    // SAFETY: parked objects stay allocated until unparked and destroyed.
    let next = unsafe { head.as_ref() }.ob_tid.load(Relaxed) as *mut ObjHeader;
    PARKED.with(|c| c.set(next));
    Some(head)
}

/// Current nesting depth of destructions on this thread (tests).
pub fn trashcan_depth() -> usize {
    DEPTH.with(Cell::get)
}
