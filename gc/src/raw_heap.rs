//! Per-thread mimalloc heaps for objects (bundled mimalloc 2.3).
//!
//! Each attached thread has one heap created with
//! `mi_heap_new_ex(OBJECT_HEAP_TAG, allow_destroy = false, OBJECT_ARENA)`:
//! - `OBJECT_ARENA` is one large *exclusive* mimalloc arena (address space
//!   reserved up front, committed on demand) that only object heaps
//!   allocate from. mimalloc never gives a page of an exclusive arena to a
//!   heap bound to another arena, and only reclaims an abandoned segment of
//!   it into a heap bound to it. So every block in that arena is an object,
//!   and object pages never end up in a thread's default heap. (With tags
//!   alone they would: a new thread's first allocation, made before it has
//!   an object heap, may reclaim an exited thread's segment, and mimalloc
//!   then files the object pages under the default heap, where no walk
//!   would find them.)
//! - The tag is kept on pages even while abandoned, so
//!   `mi_abandoned_visit_blocks(.., OBJECT_HEAP_TAG, ..)` finds the pages of
//!   exited threads.
//! - `allow_destroy = false` lets the heap reclaim abandoned object pages
//!   (into the reclaiming thread's heap with the same tag).
//!
//! What `mi_heap_delete` does here (heap.c): a heap whose tag differs from
//! the backing heap's is not absorbed into it; `_mi_heap_collect_abandon`
//! frees its empty pages and abandons the rest (segment `thread_id = 0`,
//! marked in the arena's abandoned bitmap). `mi_free` from any thread still
//! works on those blocks; an object heap that needs memory reclaims such
//! segments, and one whose blocks were all freed is released. So an exited
//! thread's memory is neither leaked nor freed twice.
//!
//! The arena is reserved the first time an object heap is created: 1 TiB of
//! address space, halved until the OS accepts (down to 1 GiB). Running out
//! of it aborts like any out-of-memory. If no arena can be reserved at all,
//! heaps fall back to tags alone (correct, but walks may miss objects as
//! described above). `mi_option_visit_abandoned` is switched on at the same
//! time, before any object heap exists, as `mi_abandoned_visit_blocks`
//! requires.
//!
//! All FFI calls of the crate are in this file.

use crate::header::ObjHeader;
use core::ffi::{c_int, c_void};
use core::ptr::NonNull;
use libmimalloc_sys as mi;
use skein_threading::sync::Mutex;
use std::sync::OnceLock;

/// Heap tag of object heaps (0 is mimalloc's default heap).
pub(crate) const OBJECT_HEAP_TAG: c_int = 1;

/// `mi_option_visit_abandoned` in mimalloc 2.3's `mi_option_t` (not
/// exported by libmimalloc-sys).
const MI_OPTION_VISIT_ABANDONED: mi::mi_option_t = 29;
/// `mi_option_arena_eager_commit` in the same enum.
const MI_OPTION_ARENA_EAGER_COMMIT: mi::mi_option_t = 4;

/// Allocator options that must be set before the first allocation, which
/// reserves mimalloc's first arena: a function in `.init_array` runs before
/// `main` and before the Rust runtime allocates.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SET_ALLOCATOR_OPTIONS: extern "C" fn() = set_allocator_options;

/// Arenas commit memory as it is used. With eager commit (mimalloc's
/// default on overcommitting systems) freed pages stayed resident: 12 MB
/// at start-up instead of 6 MB, and 71 MB instead of 65 MB at the peak of
/// `bench/dict_str.py` (CPython 3.11: 66 MB).
#[cfg(target_os = "linux")]
extern "C" fn set_allocator_options() {
    // SAFETY: setting an option is allowed at any time, also before
    // mimalloc's own initialisation (which keeps options already set).
    unsafe { mi::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
}

extern "C" {
    // Declared in mimalloc.h (v2) but not bound by libmimalloc-sys (without
    // its `arena` feature). `mi_arena_id_t` is an `int` in v2.
    fn mi_reserve_os_memory_ex(
        size: usize,
        commit: bool,
        allow_large: bool,
        exclusive: bool,
        arena_id: *mut c_int,
    ) -> c_int;
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

/// The exclusive object arena's id (0 = none), set up before the first
/// object heap is created.
static OBJECT_ARENA: OnceLock<c_int> = OnceLock::new();

/// Reserve the object arena and enable abandoned-block visiting (once).
fn object_arena() -> c_int {
    *OBJECT_ARENA.get_or_init(|| {
        // SAFETY: setting an option is always allowed.
        unsafe { mi::mi_option_set_enabled(MI_OPTION_VISIT_ABANDONED, true) };
        let mut size: usize = 1 << 40;
        while size >= 1 << 30 {
            let mut id: c_int = 0;
            // SAFETY: reserves address space only (commit = false); `id` is
            // a valid out-pointer.
            if unsafe { mi_reserve_os_memory_ex(size, false, false, true, &mut id) } == 0 {
                return id;
            }
            size /= 2;
        }
        0
    })
}

/// A thread's object heap (a copyable handle; the thread-local in
/// `thread.rs` is the owner).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawHeap(NonNull<mi::mi_heap_t>);

impl RawHeap {
    /// Create the calling thread's object heap.
    pub(crate) fn new() -> RawHeap {
        let arena = object_arena();
        // SAFETY: creates a heap bound to the calling thread and the arena
        // (0 = no arena).
        let raw = unsafe { mi_heap_new_ex(OBJECT_HEAP_TAG, false, arena) };
        let Some(raw) = NonNull::new(raw) else {
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<usize>());
        };
        HEAPS.lock().push(raw.as_ptr() as usize);
        RawHeap(raw)
    }

    /// Allocate a block (null when out of memory).
    ///
    /// Every mimalloc block is at least word-aligned, so word-aligned
    /// requests (all VM objects) skip the aligned-allocation wrapper, and
    /// small ones take mimalloc's small-size path straight to the page's
    /// free list.
    ///
    /// # Safety
    /// Called on the thread that created the heap, before `delete`.
    #[inline]
    pub(crate) unsafe fn alloc(self, size: usize, align: usize) -> *mut u8 {
        let heap = self.0.as_ptr();
        // Each call below: the caller guarantees this is the heap's own
        // thread and the heap is live; mimalloc heaps are single-threaded
        // for allocation.
        let p: *mut u8 = if align > core::mem::size_of::<usize>() {
            // SAFETY: see above.
            unsafe { mi::mi_heap_malloc_aligned(heap, size, align).cast() }
        } else if size <= mi::MI_SMALL_SIZE_MAX {
            // SAFETY: see above; `size` is within the small-size limit.
            unsafe { mi::mi_heap_malloc_small(heap, size).cast() }
        } else {
            // SAFETY: see above.
            unsafe { mi::mi_heap_malloc(heap, size).cast() }
        };
        debug_assert!((p as usize).is_multiple_of(align), "mimalloc block not {align}-aligned");
        p
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

/// The process's global allocator (`#[global_allocator]` in the `skein`
/// binary): mimalloc's default heap, like the `mimalloc` crate's
/// `MiMalloc`, but requests whose alignment every block already has (at
/// most 16 bytes and at most the size, as std's `System` decides) use the
/// plain entry points instead of the aligned ones, which cost a wrapper and
/// an alignment check on every `Vec` and `Box`.
#[derive(Debug, Clone, Copy, Default)]
pub struct GlobalMimalloc;

/// Alignment every mimalloc block of at least that size has
/// (`MI_MAX_ALIGN_SIZE` on 64-bit targets).
const MI_MAX_ALIGN: usize = 16;

#[inline]
fn plain_alignment(align: usize, size: usize) -> bool {
    align <= MI_MAX_ALIGN && align <= size
}

// SAFETY: every method forwards to the mimalloc function for the same job;
// mimalloc returns null on failure, blocks aligned to `layout.align()` (the
// plain functions only when `plain_alignment` holds, see above), and frees
// or reallocates any block from any thread.
unsafe impl core::alloc::GlobalAlloc for GlobalMimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: core::alloc::Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: plain allocation calls.
        unsafe {
            if plain_alignment(align, size) {
                mi::mi_malloc(size).cast()
            } else {
                mi::mi_malloc_aligned(size, align).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: core::alloc::Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: plain allocation calls.
        unsafe {
            if plain_alignment(align, size) {
                mi::mi_zalloc(size).cast()
            } else {
                mi::mi_zalloc_aligned(size, align).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: core::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator (GlobalAlloc contract).
        unsafe { mi::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: core::alloc::Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: `ptr` came from this allocator with `layout` (GlobalAlloc
        // contract); the new block keeps the alignment.
        unsafe {
            if plain_alignment(align, new_size) {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, align).cast()
            }
        }
    }
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
    if OBJECT_ARENA.get().is_none() {
        return; // no object heap ever existed, so nothing was abandoned
    }
    let mut f = f;
    let arg: *mut &mut dyn FnMut(NonNull<ObjHeader>) = &mut f;
    // SAFETY: the option was enabled before any object heap existed; `arg`
    // outlives the call.
    unsafe { mi_abandoned_visit_blocks(mi_subproc_main(), OBJECT_HEAP_TAG, true, Some(trampoline), arg.cast()) };
}
