//! Taking a strong reference through a weak one: `try_incref`.
//!
//! A weak reference stores the referent's address without counting it. To
//! turn it back into a strong reference the reader must add a reference
//! only if the object is not already dying (its count reached zero and some
//! thread is about to destroy it). CPython's `_Py_TryIncrefFast` plus
//! `_Py_TryIncRefShared`:
//!
//! - immortal: nothing to count, always succeeds;
//! - the caller owns the object and its local count is above zero: the
//!   local count is this thread's to change (plain load + store), and an
//!   owner that holds local references cannot be freeing the object;
//! - otherwise a CAS loop on `ob_ref_shared` that adds one reference unless
//!   the word is exactly 0 (DEFAULT, count 0: the owner may free it at any
//!   moment without a CAS) or exactly MERGED (count 0: whoever made it so is
//!   freeing it). MAYBE_WEAKREF and QUEUED with any count, and DEFAULT or
//!   MERGED with a count, succeed.
//!
//! Why this is enough, given that the VM sets MAYBE_WEAKREF on every object
//! it hands out weak references to (`ObjRef::set_maybe_weakref`): the owner
//! frees without a CAS only when the shared word is exactly 0, which it
//! never is again; every other decision to free is a CAS (or `fetch_sub`)
//! that leaves "count 0, MERGED" in the word. Our CAS and that one are
//! read-modify-writes of the same word, so one is ordered first: if ours
//! is, the freeing side sees our reference and the count is not zero; if
//! theirs is, we see MERGED with count 0 and fail.
//!
//! The caller must also guarantee the memory is still allocated while
//! `try_incref` reads it (the VM: the weak reference table's shard lock,
//! which the destroying thread takes to clear the weak references before
//! the object's memory is freed). `try_incref` itself never frees.

use crate::header::{ObjHeader, IMMORTAL_LOCAL, REF_DEFAULT, REF_MERGED, REF_SHARED_ONE};
use crate::thread::owner_tid;
use core::ptr::NonNull;
use skein_threading::sync::Ordering::{Acquire, Relaxed};

/// Add one reference to `h` unless the object is dying; whether it did.
pub fn try_incref(h: &ObjHeader) -> bool {
    let local = h.ob_ref_local.load(Relaxed);
    if local == IMMORTAL_LOCAL {
        return true;
    }
    if local > 0 && h.ob_tid.load(Relaxed) == owner_tid() {
        // Only this thread writes the local count, and it holds `local`
        // references itself, so the object cannot be dying.
        h.ob_ref_local.store(local + 1, Relaxed);
        return true;
    }
    try_incref_shared(h)
}

/// The CAS loop on the shared word (everyone but an owner with local
/// references).
pub(crate) fn try_incref_shared(h: &ObjHeader) -> bool {
    let mut shared = h.ob_ref_shared.load(Relaxed);
    loop {
        if shared == REF_DEFAULT || shared == REF_MERGED {
            return false;
        }
        // Acquire on success: the reference we now hold lets us read the
        // object, whose contents other threads published before their own
        // (Release) decrements on this word. A failed CAS retries with the
        // fresh value.
        match h.ob_ref_shared.compare_exchange_weak(shared, shared + REF_SHARED_ONE, Acquire, Relaxed) {
            Ok(_) => return true,
            Err(current) => shared = current,
        }
    }
}

impl crate::ObjRef {
    /// A new strong reference to the object at `p` unless it is dying
    /// (see the module doc).
    ///
    /// # Safety
    /// The memory at `p` is an object that has not been freed, and stays
    /// allocated for the duration of the call (for weak references: the
    /// caller holds the lock that the destroying thread takes before the
    /// memory can be freed).
    pub unsafe fn try_from_weak(p: NonNull<ObjHeader>) -> Option<crate::ObjRef> {
        // SAFETY: the caller keeps the memory allocated for this call.
        let h = unsafe { p.as_ref() };
        if try_incref(h) {
            // SAFETY: we just added the reference the handle owns.
            Some(unsafe { crate::ObjRef::from_raw(p) })
        } else {
            None
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    //! One test per state of the shared word, on stack headers.
    use super::*;
    use crate::header::{TypeInfo, REF_MAYBE_WEAKREF, REF_QUEUED, REF_SHARED_SHIFT};

    fn header(tid: usize, local: u32, shared: isize) -> ObjHeader {
        ObjHeader::with_counts(tid, local, shared, core::ptr::null::<TypeInfo>())
    }

    fn word(count: isize, state: isize) -> isize {
        (count << REF_SHARED_SHIFT) | state
    }

    /// A tid no thread has (the test thread owns nothing unless attached).
    const OTHER: usize = 7;

    #[test]
    fn immortal_always_succeeds_without_counting() {
        let h = header(0, IMMORTAL_LOCAL, 0);
        assert!(try_incref(&h));
        assert_eq!((h.ref_local(), h.ref_shared_word()), (IMMORTAL_LOCAL, 0));
    }

    #[test]
    fn owner_with_local_references_increments_locally() {
        let _a = crate::attach_thread();
        let me = owner_tid();
        let h = header(me, 2, word(0, REF_MAYBE_WEAKREF));
        assert!(try_incref(&h));
        assert_eq!((h.ref_local(), h.ref_shared_word()), (3, word(0, REF_MAYBE_WEAKREF)));
    }

    #[test]
    fn owner_at_local_zero_goes_through_the_shared_word() {
        let _a = crate::attach_thread();
        let me = owner_tid();
        let h = header(me, 0, REF_DEFAULT);
        assert!(!try_incref(&h), "owner dropping its last reference: the object may be freed without a CAS");
    }

    #[test]
    fn default_with_word_zero_fails() {
        let h = header(OTHER, 1, REF_DEFAULT);
        assert!(!try_incref(&h));
        assert_eq!(h.ref_shared_word(), REF_DEFAULT);
    }

    #[test]
    fn default_with_shared_count_succeeds() {
        let h = header(OTHER, 1, word(2, REF_DEFAULT));
        assert!(try_incref(&h));
        assert_eq!(h.ref_shared_word(), word(3, REF_DEFAULT));
    }

    #[test]
    fn maybe_weakref_succeeds_even_at_count_zero() {
        for count in [0, 1, 5] {
            let h = header(OTHER, 1, word(count, REF_MAYBE_WEAKREF));
            assert!(try_incref(&h));
            assert_eq!(h.ref_shared_word(), word(count + 1, REF_MAYBE_WEAKREF));
        }
    }

    #[test]
    fn queued_succeeds_at_any_count() {
        // The queue entry holds a reference: never dying while QUEUED.
        for count in [-1, 0, 2] {
            let h = header(OTHER, 1, word(count, REF_QUEUED));
            assert!(try_incref(&h));
            assert_eq!(h.ref_shared_word(), word(count + 1, REF_QUEUED));
        }
    }

    #[test]
    fn merged_at_zero_fails_and_with_count_succeeds() {
        let h = header(0, 0, REF_MERGED);
        assert!(!try_incref(&h));
        assert_eq!(h.ref_shared_word(), REF_MERGED);
        let h = header(0, 0, word(1, REF_MERGED));
        assert!(try_incref(&h));
        assert_eq!(h.ref_shared_word(), word(2, REF_MERGED));
    }

    #[test]
    fn a_weak_incref_then_owner_zero_keeps_the_object() {
        // Non-owner took a reference through the weak path; the owner then
        // drops its last local reference: the CAS sees our count.
        let h = header(OTHER, 0, word(0, REF_MAYBE_WEAKREF));
        assert!(try_incref(&h));
        assert_eq!(crate::brc::owner_local_zero(&h), crate::brc::Fate::Live);
        assert_eq!(h.ref_shared_word(), word(1, REF_MERGED));
    }

    #[test]
    fn owner_zero_then_weak_incref_fails() {
        let h = header(OTHER, 0, word(0, REF_MAYBE_WEAKREF));
        assert_eq!(crate::brc::owner_local_zero(&h), crate::brc::Fate::Dead);
        assert!(!try_incref(&h));
    }
}
