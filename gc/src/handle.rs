//! `ObjRef`, the owned strong reference, and the `incref`/`decref` it is
//! built on. This is the only place outside `brc.rs` that changes counts.
//!
//! Fast paths (inlined into every caller, so they stay tiny):
//! - immortal (`ob_ref_local == u32::MAX`): nothing;
//! - owner (`ob_tid` == this thread's tid): relaxed load + relaxed store of
//!   `ob_ref_local` -- no read-modify-write, no fence, as cheap as a plain
//!   counter; only the owner ever writes that field;
//! - anyone else: `fetch_add(4)` on `ob_ref_shared` (Relaxed: like `Arc`'s
//!   clone, the caller already holds a reference, so the object cannot be
//!   freed concurrently) or the CAS loop in `brc::decref_shared`.
//!
//! The uncommon transitions (owner count hitting zero, non-owner decrement)
//! are out of line (`#[cold] #[inline(never)]`) and end in
//! `dealloc::destroy_dead` when the object must go.

use crate::brc::{self, Fate, SharedDecref};
use crate::dealloc;
use crate::header::{ObjHeader, IMMORTAL_LOCAL, REF_SHARED_ONE};
use crate::thread::owner_tid;
use core::mem::ManuallyDrop;
use core::ptr::NonNull;
use skein_threading::sync::Ordering::Relaxed;

/// Add one reference to the object at `p`.
///
/// # Safety
/// `p` points to a live object on which the caller holds a reference (or
/// which is otherwise kept alive for the duration of the call).
#[inline]
pub unsafe fn incref(p: NonNull<ObjHeader>) {
    // SAFETY: the caller guarantees `p` is a live object.
    let h = unsafe { p.as_ref() };
    let local = h.ob_ref_local.load(Relaxed);
    let new_local = local.wrapping_add(1);
    if new_local == 0 {
        hot_event!(ImmortalHit);
        return; // immortal (u32::MAX)
    }
    if h.ob_tid.load(Relaxed) == owner_tid() {
        // Owner: only this thread writes the field, so load+store is exact.
        // (A count that reaches u32::MAX this way becomes immortal, as in
        // CPython: the object leaks instead of being freed too early.)
        h.ob_ref_local.store(new_local, Relaxed);
        hot_event!(OwnerIncref);
    } else {
        h.ob_ref_shared.fetch_add(REF_SHARED_ONE, Relaxed);
        // Next to an atomic read-modify-write, and never on the owner's
        // path: the check costs nothing measurable.
        event!(SharedIncref);
    }
}

/// Drop one reference to the object at `p`, destroying it if that was the
/// last one.
///
/// # Safety
/// `p` points to a live object and the caller owns one reference to it,
/// which this call consumes.
#[inline]
pub unsafe fn decref(p: NonNull<ObjHeader>) {
    // SAFETY: the caller owns a reference, so the object is alive.
    let h = unsafe { p.as_ref() };
    let local = h.ob_ref_local.load(Relaxed);
    if local == IMMORTAL_LOCAL {
        hot_event!(ImmortalHit);
        return;
    }
    if h.ob_tid.load(Relaxed) == owner_tid() {
        hot_event!(OwnerDecref);
        debug_assert!(local > 0, "owner decref below zero");
        let new_local = local.wrapping_sub(1);
        h.ob_ref_local.store(new_local, Relaxed);
        if new_local == 0 {
            // SAFETY: the caller's reference was the last local one; we
            // are the owner, as `owner_zero` requires.
            unsafe { owner_zero(p) };
        }
    } else {
        // SAFETY: the caller's reference is handed over.
        unsafe { decref_not_owner(p) };
    }
}

/// The owner's local count reached zero.
///
/// # Safety
/// Called by the owner of `p` right after storing `ob_ref_local = 0`.
#[cold]
#[inline(never)]
unsafe fn owner_zero(p: NonNull<ObjHeader>) {
    // SAFETY: the object is alive until `destroy_dead` (the shared word
    // still counts any other holders).
    let h = unsafe { p.as_ref() };
    if brc::owner_local_zero(h) == Fate::Dead {
        // SAFETY: "count 0" in a freeing state: no references remain.
        unsafe { dealloc::destroy_dead(p) };
    }
}

/// A non-owner drops a reference.
///
/// # Safety
/// The caller owns one reference to `p` and hands it over.
#[cold]
#[inline(never)]
unsafe fn decref_not_owner(p: NonNull<ObjHeader>) {
    // SAFETY: our reference keeps the object alive until the CAS below; after
    // it we only touch the object again when we are the one to free it or
    // when the queue now holds our reference.
    let h = unsafe { p.as_ref() };
    event!(SharedDecref);
    let fate = match brc::decref_shared(h) {
        SharedDecref::Done => Fate::Live,
        SharedDecref::Dead => Fate::Dead,
        SharedDecref::Queued => {
            count!(QUEUED);
            event!(Queued);
            brc::queue_to_owner(p, h)
        }
    };
    if fate == Fate::Dead {
        event!(FreedByNonOwner);
        // SAFETY: count 0 and MERGED: no references remain.
        unsafe { dealloc::destroy_dead(p) };
    }
}

/// One owned strong reference to an object. `Clone` adds a reference,
/// `Drop` removes one.
#[repr(transparent)]
pub struct ObjRef(NonNull<ObjHeader>);

// SAFETY: the biased reference counting protocol makes every count change
// safe from any thread (owner checks `ob_tid`, others use atomics), and the
// object is freed only once, by whoever drops the last reference.
unsafe impl Send for ObjRef {}
// SAFETY: `&ObjRef` only gives out `&ObjHeader`, whose fields are atomics.
unsafe impl Sync for ObjRef {}

impl ObjRef {
    /// Take ownership of one reference (e.g. the one `alloc_object`
    /// returns, or one given up by `into_raw`).
    ///
    /// # Safety
    /// `p` is a live object and the caller owns a reference it hands over.
    #[inline]
    pub unsafe fn from_raw(p: NonNull<ObjHeader>) -> Self {
        ObjRef(p)
    }

    /// Give up the reference without dropping it.
    #[inline]
    pub fn into_raw(self) -> NonNull<ObjHeader> {
        ManuallyDrop::new(self).0
    }

    /// Make a new reference from a borrowed pointer.
    ///
    /// # Safety
    /// `p` is a live object, kept alive by someone for the call's duration.
    #[inline]
    pub unsafe fn clone_from_raw(p: NonNull<ObjHeader>) -> Self {
        // SAFETY: forwarded from the caller.
        unsafe { incref(p) };
        ObjRef(p)
    }

    /// The object's address (the reference is kept).
    #[inline]
    pub fn as_ptr(&self) -> NonNull<ObjHeader> {
        self.0
    }

    /// The object's header.
    #[inline]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: we own a reference, so the object outlives `&self`.
        unsafe { self.0.as_ref() }
    }

    /// A reference to a `static` immortal object.
    ///
    /// # Panics
    /// If the object is not immortal (dropping the handle could then try to
    /// free a static): a bug in the caller's bootstrap code.
    pub fn from_static(h: &'static ObjHeader) -> Self {
        assert!(h.is_immortal(), "ObjRef::from_static on a mortal object");
        ObjRef(NonNull::from(h))
    }

    /// Whether both handles refer to the same object.
    #[inline]
    pub fn ptr_eq(a: &ObjRef, b: &ObjRef) -> bool {
        a.0 == b.0
    }

    /// Whether this handle is the only reference anywhere: owned by this
    /// thread, local count 1, shared word 0 (nothing shared, nothing queued).
    /// Lets a type mutate an object in place when nobody else can see it.
    #[inline]
    pub fn is_uniquely_referenced(&self) -> bool {
        let h = self.header();
        h.ob_tid.load(Relaxed) == owner_tid() && h.ob_ref_local.load(Relaxed) == 1 && h.ob_ref_shared.load(Relaxed) == 0
    }

    /// Make the object immortal (interned strings, type objects). Call it on
    /// an object this thread created and has not shared yet.
    pub fn make_immortal(&self) {
        brc::make_immortal(self.header());
    }

    /// Record that a weak reference to the object may exist, so it is only
    /// ever freed through a compare-and-swap of its shared word.
    pub fn set_maybe_weakref(&self) {
        brc::set_maybe_weakref(self.header());
    }
}

impl Clone for ObjRef {
    #[inline]
    fn clone(&self) -> Self {
        // SAFETY: `self` holds a reference, so the object is alive.
        unsafe { incref(self.0) };
        ObjRef(self.0)
    }
}

impl Drop for ObjRef {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: we own exactly one reference and give it up here.
        unsafe { decref(self.0) };
    }
}

impl PartialEq for ObjRef {
    /// Identity (`is`), not Python equality.
    fn eq(&self, other: &Self) -> bool {
        ObjRef::ptr_eq(self, other)
    }
}

impl Eq for ObjRef {}

impl core::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("ObjRef").field(&self.0).finish()
    }
}
