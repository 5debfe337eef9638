//! The loom stand-in for `raw_heap.rs`: loom cannot see inside mimalloc, so
//! under `cfg(loom)` object memory comes from the std allocator and the
//! models check the reference counting protocol alone.
//!
//! Memory is never returned during a model: a freed block stays readable
//! (as a freed mimalloc block does, which the exit walk relies on) and a
//! second free of the same block panics, which is how the models catch
//! double frees. A freed block's `ob_tid` is set to [`POISON`]; a model that
//! finds it changed at the end (`assert_no_write_after_free`) has caught a
//! write to freed memory, such as clearing `ob_tid` after the merging CAS. The bookkeeping uses std mutexes held only around plain
//! data (no loom operation inside), so loom never switches threads while
//! one is held; they are not part of any modelled protocol.

use crate::header::ObjHeader;
use core::ptr::NonNull;
use skein_threading::sync::Ordering::Relaxed;
use std::collections::HashSet;
use std::sync::Mutex;

/// Addresses of blocks allocated and not yet freed (all heaps).
static LIVE: Mutex<Option<HashSet<usize>>> = Mutex::new(None);

std::thread_local! {
    /// Blocks freed since the last `assert_no_write_after_free`. A std
    /// (not loom) thread-local: a whole loom model runs on its test's OS
    /// thread, so this keeps models of concurrently running tests apart.
    static FREED: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What `free` writes into a freed block's `ob_tid`.
pub const POISON: usize = 0xdead_0000;

fn with_live<R>(f: impl FnOnce(&mut HashSet<usize>) -> R) -> R {
    let mut guard = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(HashSet::new))
}

struct LoomHeap {
    /// Every block this heap handed out (live or not).
    blocks: Mutex<Vec<usize>>,
}

/// A thread's object heap.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawHeap(NonNull<()>);

impl RawHeap {
    fn inner(&self) -> &LoomHeap {
        // SAFETY: created by `Box::into_raw` in `new`, freed only in `delete`.
        unsafe { self.0.cast::<LoomHeap>().as_ref() }
    }

    /// Create the calling thread's object heap.
    pub(crate) fn new() -> RawHeap {
        let heap = Box::new(LoomHeap { blocks: Mutex::new(Vec::new()) });
        RawHeap(NonNull::from(Box::leak(heap)).cast())
    }

    /// Allocate a block.
    ///
    /// # Safety
    /// As for the mimalloc version (owning thread, before `delete`).
    pub(crate) unsafe fn alloc(self, size: usize, align: usize) -> *mut u8 {
        let p = global_alloc(size, align);
        self.inner().blocks.lock().unwrap_or_else(|e| e.into_inner()).push(p as usize);
        p
    }

    /// Call `f` on every live block of this heap.
    ///
    /// # Safety
    /// As for the mimalloc version.
    pub(crate) unsafe fn visit(self, f: &mut dyn FnMut(NonNull<ObjHeader>)) {
        let blocks = self.inner().blocks.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let live: Vec<usize> = with_live(|live| blocks.into_iter().filter(|b| live.contains(b)).collect());
        for b in live {
            if let Some(p) = NonNull::new(b as *mut ObjHeader) {
                f(p);
            }
        }
    }

    /// Delete the heap (its live blocks stay valid).
    ///
    /// # Safety
    /// Called once, by the owner.
    pub(crate) unsafe fn delete(self) {
        // SAFETY: from `Box::leak` in `new`; the handle is not used again.
        drop(unsafe { Box::from_raw(self.0.cast::<LoomHeap>().as_ptr()) });
    }
}

/// Mark a block freed; panics on a double free or a foreign pointer.
///
/// # Safety
/// `p` came from `alloc` or `global_alloc`.
pub(crate) unsafe fn free(p: *mut u8) {
    let was_live = with_live(|live| live.remove(&(p as usize)));
    assert!(was_live, "object memory freed twice (or never allocated): {p:?}");
    // SAFETY: the block stays allocated forever (see the module doc).
    let h = unsafe { &*p.cast::<ObjHeader>() };
    h.ob_tid.store(POISON, Relaxed);
    FREED.with(|f| f.borrow_mut().push(p as usize));
}

/// Check that no block freed in this execution was written to afterwards,
/// then forget them. Call at the end of a model (and, with `check` false,
/// at the start, to drop leftovers of a failed execution unchecked).
pub fn assert_no_write_after_free(check: bool) {
    let freed = FREED.with(|f| std::mem::take(&mut *f.borrow_mut()));
    if !check {
        return;
    }
    for b in freed {
        // SAFETY: freed blocks stay allocated (see the module doc).
        let h = unsafe { &*(b as *const ObjHeader) };
        assert_eq!(h.ob_tid.load(Relaxed), POISON, "ob_tid written after the object was freed");
    }
}

/// Allocate a block outside any heap.
pub(crate) fn global_alloc(size: usize, align: usize) -> *mut u8 {
    let layout = std::alloc::Layout::from_size_align(size, align).expect("valid layout");
    // SAFETY: `size >= size_of::<ObjHeader>() > 0`.
    let p = unsafe { std::alloc::alloc(layout) };
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    with_live(|live| live.insert(p as usize));
    p
}

/// Whether `p` is allocated and not freed (for the models' assertions).
pub fn is_live(p: NonNull<ObjHeader>) -> bool {
    with_live(|live| live.contains(&(p.as_ptr() as usize)))
}

/// Heap walking is not modelled under loom.
///
/// # Safety
/// None needed; provided for API parity.
pub(crate) unsafe fn visit_all(_f: &mut dyn FnMut(NonNull<ObjHeader>)) {}
