//! Object memory: per-thread heaps, allocation, freeing, heap walking.
//!
//! Every object comes from its allocating thread's own mimalloc heap
//! (`raw_heap.rs`; under `cfg(loom)` a std-allocator stand-in,
//! `raw_heap_loom.rs`, so loom checks the refcount protocol and not
//! mimalloc). Objects may be freed from any thread (`mi_free` handles
//! cross-thread frees with its own atomics).
//!
//! Invariants:
//! - Object heaps hold nothing but objects (their blocks always start with
//!   an initialised `ObjHeader`, written right after allocation with no
//!   safepoint in between), so a heap walk can interpret every block.
//! - An object's owner is the thread whose heap it came from, until merged.
//!   The exit protocol relies on this: walking its own heap finds every
//!   object it owns.
//!
//! How the cycle collector will find every container without a global
//! allocation lock (see [`visit_heap_objects`]): objects carry no list
//! links; instead, with the world stopped, it walks every live thread's
//! object heap (`mi_heap_visit_blocks`) and the pages abandoned by exited
//! threads (`mi_abandoned_visit_blocks` filtered by the object heap tag) and
//! keeps the blocks whose type has `traverse`. Allocation never takes a
//! lock; only attaching and detaching a thread touch the global heap list.

use crate::header::{ObjHeader, TypeInfo, REF_MERGED, REF_SHARED_ONE};
use crate::thread::{self, AllocTarget};
use core::ptr::NonNull;

#[cfg(not(loom))]
#[path = "raw_heap.rs"]
mod raw;

#[cfg(loom)]
#[path = "raw_heap_loom.rs"]
mod raw;

pub(crate) use raw::RawHeap;

#[cfg(not(loom))]
pub use raw::GlobalMimalloc;

/// Allocate an object of `size` bytes aligned to `align` from the calling
/// thread's heap (attaching the thread if needed). The header is
/// initialised -- owner = this thread, local count 1 (the reference
/// returned), shared word 0, type `ty` -- and the payload after it is
/// uninitialised.
///
/// # Panics
/// If `size < size_of::<ObjHeader>()` or `align` is not a power of two at
/// least `align_of::<ObjHeader>()` (a bug in the VM's type layout). Aborts
/// the process when memory is exhausted, like `Box::new`.
///
/// # Safety
/// `ty` is null (only for an object whose type is set before anything
/// reads it or frees the object) or points at a `TypeInfo` that stays valid
/// for as long as the object lives: it is read here (is it a container?)
/// and by every later destroy and collection.
pub unsafe fn alloc_object(size: usize, align: usize, ty: *const TypeInfo) -> NonNull<ObjHeader> {
    assert!(
        size >= core::mem::size_of::<ObjHeader>()
            && align.is_power_of_two()
            && align >= core::mem::align_of::<ObjHeader>(),
        "alloc_object: bad layout (size {size}, align {align})"
    );
    let (mem, header) = match thread::alloc_target() {
        AllocTarget::Owned(heap, tid) => (
            // SAFETY: `heap` is the calling thread's own heap.
            unsafe { heap.alloc(size, align) },
            ObjHeader::with_counts(tid, 1, 0, ty),
        ),
        // No owner (the thread is exiting): born merged with one reference.
        AllocTarget::Unowned(heap) => (
            match heap {
                // SAFETY: as above; the heap exists until step 6 of exit.
                Some(heap) => unsafe { heap.alloc(size, align) },
                None => raw::global_alloc(size, align),
            },
            ObjHeader::with_counts(0, 0, REF_SHARED_ONE | REF_MERGED, ty),
        ),
    };
    let Some(p) = NonNull::new(mem.cast::<ObjHeader>()) else {
        let layout = std::alloc::Layout::from_size_align(size, align).unwrap_or(std::alloc::Layout::new::<ObjHeader>());
        std::alloc::handle_alloc_error(layout);
    };
    // SAFETY: fresh block of at least `size >= size_of::<ObjHeader>()` bytes
    // aligned to `align >= align_of::<ObjHeader>()`; nobody else sees it yet.
    unsafe { p.as_ptr().write(header) };
    count!(ALLOCATED);
    // SAFETY: `ty` is null or valid (this function's contract).
    if !ty.is_null() && unsafe { (*ty).traverse.is_some() } {
        crate::young::on_alloc(p);
        crate::trigger::on_container_alloc();
    }
    p
}

/// Return a dead object's memory (its payload was already dropped).
///
/// # Safety
/// `p` came from [`alloc_object`] and is freed exactly once.
pub(crate) unsafe fn free_object_memory(p: NonNull<ObjHeader>) {
    count!(FREED);
    // SAFETY: forwarded from the caller.
    unsafe { raw::free(p.as_ptr().cast()) };
}

/// The objects in `heap` whose `ob_tid` is `tid` (the exit walk).
///
/// Other threads may free (merged) objects of this heap while we walk; a
/// freed block's first word then holds mimalloc's free-list link (an
/// address or 0) or a trashcan link, never a small tid, so such a block is
/// never mistaken for one of ours. Objects that carry our tid cannot be freed
/// by anyone but us.
///
/// # Safety
/// `heap` belongs to the calling thread, which does not allocate or free
/// objects from it during the call.
pub(crate) unsafe fn objects_owned_by(heap: RawHeap, tid: usize) -> Vec<NonNull<ObjHeader>> {
    let mut owned = Vec::new();
    // SAFETY: forwarded from the caller; the visitor only reads headers.
    unsafe {
        heap.visit(&mut |p| {
            // SAFETY: every block of an object heap starts with a header
            // (see the module doc); a racing free leaves it readable.
            if p.as_ref().owner_tid() == tid {
                owned.push(p);
            }
        })
    };
    owned
}

/// Call `visitor` on every allocated block of every object heap: the heaps
/// of all attached threads, then the pages abandoned by exited threads
/// (which hold merged survivors). This is how the cycle collector finds
/// containers (`(*type_info()).traverse.is_some()`) without per-object
/// links or an allocation lock.
///
/// Blocks whose total count is 0 belong to a deallocation in progress on
/// some thread (possibly parked in its trashcan); the collector must skip
/// them.
///
/// # Safety
/// The world is stopped: no attached thread runs, so no object heap is
/// allocating or being deleted; threads that are not attached do not touch
/// objects. The visitor must not allocate or free objects.
pub unsafe fn visit_heap_objects(visitor: &mut dyn FnMut(NonNull<ObjHeader>)) {
    // SAFETY: forwarded from the caller.
    unsafe { raw::visit_all(visitor) };
}

/// See `skein_gc::loom_block_is_live`.
#[cfg(loom)]
pub(crate) fn loom_is_live(p: NonNull<ObjHeader>) -> bool {
    raw::is_live(p)
}

/// See `skein_gc::loom_check_freed_blocks`.
#[cfg(loom)]
pub(crate) fn loom_check_freed(check: bool) {
    raw::assert_no_write_after_free(check)
}
