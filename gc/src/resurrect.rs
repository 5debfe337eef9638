//! Taking a dead object back for its finalizer (PEP 442 resurrection).
//!
//! A type with a `finalize` hook (`__del__`, a suspended generator's close)
//! is offered each dead object once, before `dealloc`. The hook that wants
//! to run a finalizer calls [`resurrect`], which turns the dead object back
//! into a live one holding exactly one reference, and keeps that reference
//! for as long as it likes (the VM queues it and calls the finalizer at its
//! next safe point). There is no separate "un-resurrect": the reference is
//! an ordinary [`ObjRef`], and dropping it is an ordinary decref. If the
//! finalizer stored the object somewhere, the count stays above zero and
//! the object lives on; when the count next reaches zero, `dealloc` runs
//! without the hook (`GC_BIT_FINALIZED` is set, PEP 442 finalizes once).
//!
//! Why the object comes back *merged* (`ob_tid` 0, state MERGED, shared
//! count 1, local count 0) rather than owned by the calling thread, as
//! CPython's `_PyObject_ResurrectStart` does:
//! - The thread that drops the last reference need not be the thread whose
//!   heap holds the object. An owner must find all its objects in its own
//!   heap at exit (docs/gc.md, exit protocol step 3); an object owned by a
//!   thread that never walks its memory would keep a stale tid past that
//!   thread's exit, and tid reuse would then let another thread write its
//!   owner-only local count.
//! - MERGED is terminal, so resurrection adds no state to the machine: every
//!   later transition is one of `brc.rs`'s (a non-owner `fetch_sub`, freed at
//!   "count 0, MERGED"), whichever threads the finalizer hands it to.
//! - The price: references taken while the finalizer runs are atomic. Only
//!   objects that have a finalizer and reached zero pay it.
//!
//! Weak references: the VM clears them in `dealloc`, after this hook, as
//! CPython clears them after `__del__`. A weak dereference racing with
//! resurrection sees either the dying word (count 0: it fails) or the new
//! one (count 1, MERGED: its CAS adds a reference and it gets the object,
//! alive again) -- `weak.rs`'s argument, with this store as one more
//! writer of the word.
//!
//! Why plain stores are enough: the object is dead, so no other
//! thread holds a reference (the decrement that made it dead was AcqRel, or
//! the owner's Acquire load of a zero shared word, so everyone's earlier uses
//! happen-before this point). The words are published to other threads only
//! through whatever synchronises the hand-off of the new reference (a lock,
//! a queue), exactly as for a freshly allocated object.

use crate::handle::ObjRef;
use crate::header::{ObjHeader, GC_BIT_FINALIZED, REF_MERGED, REF_SHARED_ONE};
use core::ptr::NonNull;
use skein_threading::sync::Ordering::{Relaxed, Release};

/// Bring a dead object back to life with one reference, returned, and mark
/// it finalized so that its type's `finalize` hook is never offered it again.
///
/// # Safety
/// `p` is an object whose count reached zero and that the gc handed to its
/// type's `finalize` hook (no reference to it exists anywhere, its memory is
/// still allocated, `dealloc` has not run). The hook that calls this must
/// return true.
pub unsafe fn resurrect(p: NonNull<ObjHeader>) -> ObjRef {
    // SAFETY: the object is dead but allocated, and only this thread can
    // reach it (see the module doc).
    let h = unsafe { p.as_ref() };
    h.gc_bits().fetch_or(GC_BIT_FINALIZED, Relaxed);
    h.ob_ref_local.store(0, Relaxed);
    // The trashcan may have used `ob_tid` as a list link: overwrite it too.
    h.ob_tid.store(0, Relaxed);
    // Release: a weak reference's `try_incref` (Acquire CAS) may be the
    // first to see the object alive again; it must see the header above.
    h.ob_ref_shared.store(REF_SHARED_ONE | REF_MERGED, Release);
    // SAFETY: the header now counts exactly one reference, which we return.
    unsafe { ObjRef::from_raw(p) }
}

/// Whether the object's finalizer has run (or been claimed) already.
#[inline]
pub fn is_finalized(h: &ObjHeader) -> bool {
    h.gc_bits().load(Relaxed) & GC_BIT_FINALIZED != 0
}
