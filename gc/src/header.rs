//! The object header every Skein object starts with, and the type record it
//! points to.
//!
//! Layout (64-bit, 32 bytes, the same as CPython's free-threaded build):
//!
//! | offset | field           | size | who writes it                                   |
//! |--------|-----------------|------|-------------------------------------------------|
//! | 0      | `ob_tid`        | 8    | the owner (alloc, merge, give-up); 0 afterwards |
//! | 8      | `ob_flags`      | 2    | the VM, under the object's mutex                |
//! | 10     | `ob_mutex`      | 1    | the per-object lock protocol (threading crate)  |
//! | 11     | `ob_gc_bits`    | 1    | the VM / cycle collector (atomic bit ops)       |
//! | 12     | `ob_ref_local`  | 4    | the owner only: relaxed load + relaxed store    |
//! | 16     | `ob_ref_shared` | 8    | anyone: atomic add / CAS (see `brc.rs`)          |
//! | 24     | `ob_type`       | 8    | allocation; `__class__` assignment (release)    |
//!
//! Invariants:
//! - `ob_ref_local` is written only by the thread whose id is in `ob_tid`
//!   (never a read-modify-write: a plain relaxed load then store, which is
//!   what makes the owner path as cheap as a non-atomic count). Other threads
//!   may *read* it (relaxed) only to test for immortality.
//! - `ob_tid` moves from the allocating thread's id to 0 exactly once (merge
//!   or give-up), and that store happens *before* the CAS that publishes the
//!   merged state, so nobody ever writes to an object after another thread
//!   may have freed it. Immortal objects have `ob_tid == 0`.
//! - `ob_ref_shared` is `count << 2 | state`; the state only moves upward
//!   (0 default, 1 may-have-weakrefs, 2 queued, 3 merged), each move a CAS.
//! - An immortal object has `ob_ref_local == u32::MAX`; no count changes.
//! - `ob_type` is valid for as long as the object is alive; it is read with
//!   `Acquire` so a type object published by `set_type_info` (`Release`) is
//!   seen fully initialised.
//!
//! The whole refcount state machine is documented in docs/gc.md.

use core::ptr::NonNull;
use skein_threading::sync::{AtomicIsize, AtomicPtr, AtomicU16, AtomicU32, AtomicU8, AtomicUsize, Ordering};

pub use skein_threading::obj_mutex::RawObjMutex;

/// Shift of the count inside `ob_ref_shared` (the low bits are the state).
pub const REF_SHARED_SHIFT: u32 = 2;
/// One reference, as added to or subtracted from `ob_ref_shared`.
pub const REF_SHARED_ONE: isize = 1 << REF_SHARED_SHIFT;
/// Mask of the state bits of `ob_ref_shared`.
pub const REF_STATE_MASK: isize = REF_SHARED_ONE - 1;
/// State: owned, counts not merged.
pub const REF_DEFAULT: isize = 0;
/// State: owned, and a weak reference may exist (free only through the CAS).
pub const REF_MAYBE_WEAKREF: isize = 1;
/// State: a non-owner queued the object to its owner (the queue holds one
/// reference that is not subtracted from any count).
pub const REF_QUEUED: isize = 2;
/// State: counts merged into `ob_ref_shared`, no owner (`ob_tid == 0`).
pub const REF_MERGED: isize = 3;
/// `ob_ref_local` of an immortal object.
pub const IMMORTAL_LOCAL: u32 = u32::MAX;

/// `ob_gc_bits`: the object's finalizer (`__del__`, a generator's close) has
/// run once; PEP 442 never runs it again, even after resurrection.
pub const GC_BIT_FINALIZED: u8 = 1 << 0;
/// `ob_gc_bits`: a weak reference to the object was created at some point,
/// so destroying it must first clear the weak references (set once, never
/// cleared: a cheap test on the dealloc path).
pub const GC_BIT_HAS_WEAKREFS: u8 = 1 << 1;
/// `ob_gc_bits`: `gc.freeze()` moved the object to the permanent
/// generation: the collector treats it as a root and never frees it.
/// Written only with the world stopped (freeze / unfreeze).
pub const GC_BIT_FROZEN: u8 = 1 << 2;
/// `ob_gc_bits`: the container was allocated since the last collection and
/// is listed in a young list (`young.rs`): set at allocation, cleared only
/// with the world stopped, when the collector empties the lists. A young
/// object that dies is kept as a readable zombie until then unless its own
/// list drops it at once.
pub const GC_BIT_YOUNG: u8 = 1 << 3;
// Bits 4..=7 are free for the cycle collector. Its per-collection marks
// (candidate, reachable) live in a side table (`collect_graph.rs`), not in
// the header, so that a later concurrent marker can keep them per
// collection without racing the mutators' header writes.

/// Signature of a type's finalize hook: see [`TypeInfo::finalize`].
pub type FinalizeFn = unsafe fn(NonNull<ObjHeader>) -> bool;

/// Signature of a type's traverse hook: call the visitor on every object the
/// given object references.
pub type TraverseFn = unsafe fn(NonNull<ObjHeader>, &mut dyn FnMut(NonNull<ObjHeader>));

/// A type's hooks, as the gc crate sees them. The VM embeds this as the first
/// field of its type objects' payload and stores a pointer to it in every
/// instance's header.
#[repr(C)]
#[derive(Debug)]
pub struct TypeInfo {
    /// Drops the payload in place. The gc frees the memory afterwards and
    /// never reads `ob_type` after calling this.
    pub dealloc: unsafe fn(NonNull<ObjHeader>),
    /// Calls the visitor on every object this one references, once per
    /// counted reference it holds (never a reference it does not count).
    /// `Some` marks a container (what the cycle collector looks at). Only
    /// ever called with the world stopped (`collect.rs`), so a hook may
    /// read its payload without its locks.
    pub traverse: Option<TraverseFn>,
    /// Called on a dead object (count 0) before `dealloc`, only while its
    /// `GC_BIT_FINALIZED` is clear. Returns false to let the gc destroy it
    /// now (the hook must not have touched the object's counts), or true
    /// after taking the object back with [`crate::resurrect`] (which sets
    /// `GC_BIT_FINALIZED`): the gc then forgets it, and it is destroyed --
    /// without this hook -- when that new reference and any made from it are
    /// gone. `None` for types that never need a finalizer.
    pub finalize: Option<FinalizeFn>,
}

/// The header at the start of every object. See the module doc for who may
/// touch which field.
#[repr(C)]
pub struct ObjHeader {
    /// Owner thread id (registry tid, >= 1); 0 = merged or immortal.
    pub(crate) ob_tid: AtomicUsize,
    /// VM-defined flags.
    ob_flags: AtomicU16,
    /// The per-object lock.
    ob_mutex: RawObjMutex,
    /// Bits reserved for the cycle collector and the VM.
    ob_gc_bits: AtomicU8,
    /// Owner-only reference count.
    pub(crate) ob_ref_local: AtomicU32,
    /// Shared reference count `<< 2 | state`.
    pub(crate) ob_ref_shared: AtomicIsize,
    /// The object's type; settable for `__class__` assignment.
    ob_type: AtomicPtr<TypeInfo>,
}

#[cfg(all(not(loom), target_pointer_width = "64"))]
const _: () = {
    assert!(core::mem::size_of::<ObjHeader>() == 32);
    assert!(core::mem::align_of::<ObjHeader>() == 8);
    assert!(core::mem::size_of::<RawObjMutex>() == 1);
};

impl ObjHeader {
    /// A header for a `static` object: immortal, no owner, never freed.
    #[cfg(not(loom))]
    pub const fn new_static_immortal(ty: *const TypeInfo) -> Self {
        ObjHeader {
            ob_tid: AtomicUsize::new(0),
            ob_flags: AtomicU16::new(0),
            ob_mutex: RawObjMutex::new(),
            ob_gc_bits: AtomicU8::new(0),
            ob_ref_local: AtomicU32::new(IMMORTAL_LOCAL),
            ob_ref_shared: AtomicIsize::new(0),
            ob_type: AtomicPtr::new(ty.cast_mut()),
        }
    }

    /// A header with explicit counts (allocation and tests).
    pub(crate) fn with_counts(tid: usize, local: u32, shared: isize, ty: *const TypeInfo) -> Self {
        ObjHeader {
            ob_tid: AtomicUsize::new(tid),
            ob_flags: AtomicU16::new(0),
            ob_mutex: RawObjMutex::new(),
            ob_gc_bits: AtomicU8::new(0),
            ob_ref_local: AtomicU32::new(local),
            ob_ref_shared: AtomicIsize::new(shared),
            ob_type: AtomicPtr::new(ty.cast_mut()),
        }
    }

    /// The object's type record.
    #[inline]
    pub fn type_info(&self) -> *const TypeInfo {
        // Acquire pairs with the Release store in `set_type_info`.
        self.ob_type.load(Ordering::Acquire)
    }

    /// Replace the object's type record (`__class__` assignment). The caller
    /// keeps the new type alive for as long as the object may use it.
    #[inline]
    pub fn set_type_info(&self, ty: *const TypeInfo) {
        // Release: readers that see the new pointer see the type initialised.
        self.ob_type.store(ty.cast_mut(), Ordering::Release);
    }

    /// The per-object lock.
    #[inline]
    pub fn mutex(&self) -> &RawObjMutex {
        &self.ob_mutex
    }

    /// VM-defined flag bits.
    #[inline]
    pub fn flags(&self) -> &AtomicU16 {
        &self.ob_flags
    }

    /// Bits reserved for the cycle collector and the VM.
    #[inline]
    pub fn gc_bits(&self) -> &AtomicU8 {
        &self.ob_gc_bits
    }

    /// Whether the object is immortal (counts never change, never freed).
    #[inline]
    pub fn is_immortal(&self) -> bool {
        self.ob_ref_local.load(Ordering::Relaxed) == IMMORTAL_LOCAL
    }

    /// The owning thread's id, or 0 for merged and immortal objects.
    #[inline]
    pub fn owner_tid(&self) -> usize {
        self.ob_tid.load(Ordering::Relaxed)
    }

    /// An estimate of the reference count (`sys.getrefcount`): local plus
    /// shared count, racy by nature; `usize::MAX` for immortal objects.
    pub fn refcount_estimate(&self) -> usize {
        let local = self.ob_ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL_LOCAL {
            return usize::MAX;
        }
        let shared = self.ob_ref_shared.load(Ordering::Relaxed) >> REF_SHARED_SHIFT;
        (local as isize + shared).max(0) as usize
    }

    /// The true number of references, exact only while the world is
    /// stopped and every inbox is merged (the collector): local plus shared
    /// count. `None` for immortal objects. May be 0 for an object whose
    /// destruction is in progress, or a freed block seen by a heap walk.
    pub fn refcount_stopped(&self) -> Option<isize> {
        let local = self.ob_ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL_LOCAL {
            return None;
        }
        Some(local as isize + (self.ob_ref_shared.load(Ordering::Relaxed) >> REF_SHARED_SHIFT))
    }

    /// The raw shared word `count << 2 | state` (tests, debugging).
    pub fn ref_shared_word(&self) -> isize {
        self.ob_ref_shared.load(Ordering::Relaxed)
    }

    /// The raw local count (tests, debugging; meaningful to the owner only).
    pub fn ref_local(&self) -> u32 {
        self.ob_ref_local.load(Ordering::Relaxed)
    }
}

impl core::fmt::Debug for ObjHeader {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ObjHeader")
            .field("ob_tid", &self.ob_tid.load(Ordering::Relaxed))
            .field("ob_ref_local", &self.ob_ref_local.load(Ordering::Relaxed))
            .field("ob_ref_shared", &self.ob_ref_shared.load(Ordering::Relaxed))
            .field("ob_type", &self.type_info())
            .finish()
    }
}
