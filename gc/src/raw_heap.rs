//! Per-thread mimalloc heaps for objects (bundled mimalloc 2.3).
//!
//! Each attached thread has one heap created with
//! `mi_heap_new_ex(OBJECT_HEAP_TAG, allow_destroy = false, no arena)`:
//! - the tag keeps object pages apart from the thread's ordinary Rust
//!   allocations (tag 0), so walks see only objects, and it survives
//!   abandonment, so `mi_abandoned_visit_blocks(.., OBJECT_HEAP_TAG, ..)`
//!   finds the pages of exited threads;
//! - `allow_destroy = false` lets this heap reclaim abandoned object pages
//!   (mimalloc puts a reclaimed page into the reclaiming thread's heap with
//!   the page's tag).
//!
//! What `mi_heap_delete` does here (heap.c): a heap whose tag differs from
//! the backing heap's is not absorbed into it; instead
//! `_mi_heap_collect_abandon` frees empty pages and abandons the rest
//! (segment `thread_id = 0`, listed in the arena's abandoned bitmap or the
//! sub-process list). `mi_free` from any thread still works on them; a
//! thread needing memory reclaims abandoned segments, and an abandoned
//! segment whose blocks are all freed is released. So an exited thread's
//! memory is neither leaked nor freed twice.
//!
//! Known limit: a thread with no object heap (it never allocated an object)
//! that reclaims an abandoned segment puts the object pages into its
//! default heap (tag 0; mimalloc reports an error only when its error
//! messages are enabled). The objects stay correct, but a heap walk no
//! longer sees them; threads that run Python code always have an object heap.
//!
//! `mi_option_visit_abandoned` is switched on before the first object heap
//! exists, as `mi_abandoned_visit_blocks` requires.
//!
//! All `unsafe` FFI calls of the crate are in this file.

use crate::header::ObjHeader;
use core::ffi::{c_int, c_void};
use core::ptr::NonNull;
use libmimalloc_sys as mi;
use skein_threading::sync::Mutex;
use std::sync::Once;

/// Heap tag of object heaps (0 is mimalloc's default heap).
pub(crate) const OBJECT_HEAP_TAG: c_int = 1;

/// `mi_option_visit_abandoned` in mimalloc 2.3's `mi_option_t` (not
/// exported by libmimalloc-sys).
const MI_OPTION_VISIT_ABANDONED: mi::mi_option_t = 29;

extern "C" {
    // Declared in mimalloc.h (v2) but not bound by libmimalloc-sys.
    fn mi_heap_new_ex(heap_tag: c_int, allow_destroy: bool, arena_id: c_int) -> *mut mi::mi_heap_t;
    fn mi_subproc_main() -> *mut c_void;
    fn mi_abandoned_visit_blocks(
        subproc_id: *mut c_void,
        heap_tag: c_int,
        visit_blocks: bool,
        visitor: mi::mi_block_visit_fun,
        arg: *mut c_void,
    ) -> bool;
}

/// Every live object heap, for [`visit_all`]. Touched only when a thread
/// attaches or exits, never on allocation.
static HEAPS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// Runs once, before the first object heap is created.
static VISIT_ABANDONED: Once = Once::new();

/// A thread's object heap (a copyable handle; the thread-local in
/// `thread.rs` is the owner).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawHeap(NonNull<mi::mi_heap_t>);

impl RawHeap {
    /// Create the calling thread's object heap.
    pub(crate) fn new() -> RawHeap {
        VISIT_ABANDONED.call_once(|| {
            // SAFETY: setting an option is always allowed.
            unsafe { mi::mi_option_set_enabled(MI_OPTION_VISIT_ABANDONED, true) };
        });
        // SAFETY: creates a heap bound to the calling thread; arena 0 = none.
        let raw = unsafe { mi_heap_new_ex(OBJECT_HEAP_TAG, false, 0) };
        let Some(raw) = NonNull::new(raw) else {
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<usize>());
        };
        HEAPS.lock().push(raw.as_ptr() as usize);
        RawHeap(raw)
    }

    /// Allocate a block (null when out of memory).
    ///
    /// # Safety
    /// Called on the thread that created the heap, before `delete`.
    #[inline]
    pub(crate) unsafe fn alloc(self, size: usize, align: usize) -> *mut u8 {
        // SAFETY: forwarded from the caller; mimalloc heaps are
        // single-threaded for allocation.
        unsafe { mi::mi_heap_malloc_aligned(self.0.as_ptr(), size, align).cast() }
    }

    /// Call `f` on every allocated block.
    ///
    /// # Safety
    /// Called on the owning thread, or with the owner stopped; `f` must not
    /// allocate from or free into this heap (mimalloc is iterating its
    /// pages).
    pub(crate) unsafe fn visit(self, f: &mut dyn FnMut(NonNull<ObjHeader>)) {
        let mut f = f;
        let arg: *mut &mut dyn FnMut(NonNull<ObjHeader>) = &mut f;
        // SAFETY: `arg` outlives the call; `trampoline` casts it back.
        unsafe { mi::mi_heap_visit_blocks(self.0.as_ptr(), true, Some(trampoline), arg.cast()) };
    }

    /// Delete the heap, abandoning its pages (see the module doc).
    ///
    /// # Safety
    /// Called once, on the owning thread, after which the handle is unused.
    pub(crate) unsafe fn delete(self) {
        let addr = self.0.as_ptr() as usize;
        HEAPS.lock().retain(|&h| h != addr);
        // SAFETY: forwarded from the caller.
        unsafe { mi::mi_heap_delete(self.0.as_ptr()) };
    }
}

/// mimalloc visitor callback: forwards each block to the Rust closure.
unsafe extern "C" fn trampoline(
    _heap: *const mi::mi_heap_t,
    _area: *const mi::mi_heap_area_t,
    block: *mut c_void,
    _block_size: usize,
    arg: *mut c_void,
) -> bool {
    if let Some(block) = NonNull::new(block.cast::<ObjHeader>()) {
        // SAFETY: `arg` is the `&mut &mut dyn FnMut` passed by `visit` or
        // `visit_all`, alive for the whole walk.
        let f = unsafe { &mut *arg.cast::<&mut dyn FnMut(NonNull<ObjHeader>)>() };
        f(block);
    }
    true
}

/// Free a block from any thread.
///
/// # Safety
/// `p` came from an object heap or [`global_alloc`] and is freed once.
#[inline]
pub(crate) unsafe fn free(p: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe { mi::mi_free(p.cast()) };
}

/// Allocate from the thread's default heap (threads that are exiting).
pub(crate) fn global_alloc(size: usize, align: usize) -> *mut u8 {
    // SAFETY: plain allocation.
    unsafe { mi::mi_malloc_aligned(size, align).cast() }
}

/// Walk every object heap and the abandoned object pages.
///
/// # Safety
/// See `heap::visit_heap_objects`.
pub(crate) unsafe fn visit_all(f: &mut dyn FnMut(NonNull<ObjHeader>)) {
    let heaps = HEAPS.lock().clone();
    for h in heaps {
        if let Some(h) = NonNull::new(h as *mut mi::mi_heap_t) {
            // SAFETY: a listed heap is alive (removed before deletion) and its
            // owner is stopped (caller's contract).
            unsafe { RawHeap(h).visit(f) };
        }
    }
    if !VISIT_ABANDONED.is_completed() {
        return; // no object heap ever existed, so nothing was abandoned
    }
    let mut f = f;
    let arg: *mut &mut dyn FnMut(NonNull<ObjHeader>) = &mut f;
    // SAFETY: the option was enabled before any object heap existed; `arg`
    // outlives the call.
    unsafe {
        mi_abandoned_visit_blocks(
            mi_subproc_main(),
            OBJECT_HEAP_TAG,
            true,
            Some(trampoline),
            arg.cast(),
        )
    };
}
