//! Biased reference counting: the state machine behind `incref`/`decref`.
//!
//! The inline fast paths live in `handle.rs`; this module holds every other
//! transition, as safe functions on `&ObjHeader` that report whether the
//! caller must now destroy the object ([`Fate::Dead`]). Nothing here frees
//! memory, so the logic can be unit-tested on stack headers.
//!
//! Counting rule: the true number of references is
//! `ob_ref_local + (ob_ref_shared >> 2) - (1 if a queue entry is pending)`.
//! A non-owner that drops a reference while the shared word is 0 does not
//! subtract: it moves the state to QUEUED and hands its reference to the
//! owner's queue, whose processing subtracts it later. That is how the shared
//! count avoids going negative in the common case, and how the owner learns
//! that it must merge.
//!
//! State moves (each a CAS on `ob_ref_shared`, only upward):
//! - DEFAULT/MAYBE_WEAKREF --non-owner decref at count 0--> QUEUED
//! - DEFAULT/MAYBE_WEAKREF/QUEUED --owner merge or give-up--> MERGED
//!
//! An object is destroyed only by whoever makes it reach "count 0" in DEFAULT
//! (owner, shared word exactly 0) or in MERGED (anyone). QUEUED is never a
//! freeing state: its queue entry still holds a reference.
//!
//! Write order when the owner gives an object away (merge, give-up, thread
//! exit): `ob_tid = 0` (and `ob_ref_local = 0`) are stored *before* the CAS
//! that publishes MERGED. After that CAS another thread may drop the last
//! reference and free the memory, so the owner must not write anything later
//! (CPython gh-119999, where `ob_tid` was cleared after the CAS). Readers of
//! `ob_tid` that see 0 before the CAS lands only ever subtract from the
//! shared word, which the owner's CAS then folds in.

use crate::header::{
    ObjHeader, IMMORTAL_LOCAL, REF_DEFAULT, REF_MAYBE_WEAKREF, REF_MERGED, REF_QUEUED, REF_SHARED_ONE,
    REF_SHARED_SHIFT, REF_STATE_MASK,
};
use core::ptr::NonNull;
use skein_threading::registry::{self, BREAKER_BRC_MERGE};
use skein_threading::sync::Ordering::{AcqRel, Acquire, Relaxed};

/// What the caller must do after a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub(crate) enum Fate {
    /// Someone still holds a reference (or a queue entry does).
    Live,
    /// The count reached zero in a freeing state: destroy the object now.
    Dead,
}

/// Result of a non-owner decrement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub(crate) enum SharedDecref {
    /// Subtracted; the object lives on.
    Done,
    /// Subtracted to "count 0, MERGED": destroy it.
    Dead,
    /// Moved to QUEUED without subtracting: the caller must call
    /// [`queue_to_owner`] (its reference now belongs to the queue).
    Queued,
}

/// The owner's local count just reached zero (owner only).
///
/// If the shared word is exactly 0 nobody else holds a reference and nothing
/// is queued: free at once (the common case). Otherwise give up ownership:
/// clear `ob_tid`, then CAS the state to MERGED keeping the shared count;
/// free if that count is 0.
pub(crate) fn owner_local_zero(h: &ObjHeader) -> Fate {
    // Acquire: when the word is 0 we free right away, so every other thread's
    // earlier decrement (AcqRel CAS in `decref_shared`) must happen-before.
    let mut shared = h.ob_ref_shared.load(Acquire);
    if shared == REF_DEFAULT {
        return Fate::Dead;
    }
    count!(GIVE_UPS);
    event!(GiveUp);
    // Before the CAS: once MERGED is visible others may free the object.
    h.ob_tid.store(0, Relaxed);
    loop {
        let new = (shared & !REF_STATE_MASK) | REF_MERGED;
        // AcqRel: Release publishes `ob_tid = 0` to whoever frees later;
        // Acquire orders other threads' decrements before our free.
        match h.ob_ref_shared.compare_exchange_weak(shared, new, AcqRel, Relaxed) {
            Ok(_) => return if new == REF_MERGED { Fate::Dead } else { Fate::Live },
            Err(current) => shared = current,
        }
    }
}

/// A non-owner drops one reference.
pub(crate) fn decref_shared(h: &ObjHeader) -> SharedDecref {
    let mut shared = h.ob_ref_shared.load(Relaxed);
    if shared & REF_STATE_MASK >= REF_QUEUED {
        // QUEUED and MERGED never queue again (states only move up, and a
        // stale load can only show a lower state), so an unconditional
        // subtraction is exact -- and, unlike a CAS loop, it does not retry
        // when many threads drop references to one shared (merged) object.
        // AcqRel as below. The result is judged on the value it replaced.
        let old = h.ob_ref_shared.fetch_sub(REF_SHARED_ONE, AcqRel);
        return if old - REF_SHARED_ONE == REF_MERGED { SharedDecref::Dead } else { SharedDecref::Done };
    }
    loop {
        // Count 0 and still owned: the reference we drop is counted in the
        // owner's local count, so we cannot subtract it here. Queue instead.
        let queue = shared == REF_DEFAULT || shared == REF_MAYBE_WEAKREF;
        let new = if queue {
            REF_QUEUED
        } else {
            // Stays >= 0 in DEFAULT (the count was >= 1); may go negative in
            // QUEUED, where the merge adds the local count back.
            shared - REF_SHARED_ONE
        };
        // AcqRel: Release orders our uses of the object before whoever frees
        // it; Acquire makes the others' uses visible if we free it.
        match h.ob_ref_shared.compare_exchange_weak(shared, new, AcqRel, Relaxed) {
            Ok(_) if queue => return SharedDecref::Queued,
            Ok(_) if new == REF_MERGED => return SharedDecref::Dead,
            Ok(_) => return SharedDecref::Done,
            Err(current) => shared = current,
        }
    }
}

/// After [`decref_shared`] returned `Queued`: push the object to its owner's
/// inbox and ring the owner's eval breaker. If the owner already gave the
/// object up (`ob_tid == 0`), or exited, or closed its inbox, release the
/// queue's reference here instead.
///
/// After a successful push this function does not touch the object again:
/// the owner may merge and free it at any moment.
pub(crate) fn queue_to_owner(obj: NonNull<ObjHeader>, h: &ObjHeader) -> Fate {
    let tid = h.ob_tid.load(Acquire);
    if tid != 0 {
        // A tid read here may already belong to a new thread (reuse). That is
        // harmless: the old owner cleared `ob_tid` on every object it owned
        // before releasing the tid, so the new thread's `merge_queued` sees 0
        // and just releases the queue's reference.
        if let Some(owner) = registry::lookup(tid) {
            if owner.brc_inbox.push(obj.as_ptr() as usize).is_ok() {
                count!(PUSHED);
                event!(QueuedToOwner);
                owner.request(BREAKER_BRC_MERGE);
                return Fate::Live;
            }
        }
    }
    count!(RELEASED_WITHOUT_OWNER);
    event!(ReleasedWithoutOwner);
    release_queued_reference(h)
}

/// Drop the reference a queue entry holds, without owner rights.
///
/// The state is QUEUED (nobody merged yet: the count may go negative, and
/// the owner's merge or give-up folds it in) or MERGED (free at count 0).
pub(crate) fn release_queued_reference(h: &ObjHeader) -> Fate {
    // Subtracting 4 leaves the state bits alone, so no CAS loop is needed.
    // AcqRel for the same reasons as in `decref_shared`.
    let old = h.ob_ref_shared.fetch_sub(REF_SHARED_ONE, AcqRel);
    debug_assert!(old & REF_STATE_MASK >= REF_QUEUED, "a queued object is QUEUED or MERGED");
    if old - REF_SHARED_ONE == REF_MERGED {
        Fate::Dead
    } else {
        Fate::Live
    }
}

/// The owner processes one entry of its inbox (`my_tid` is its tid).
pub(crate) fn merge_queued(h: &ObjHeader, my_tid: usize) -> Fate {
    // Relaxed: a value equal to `my_tid` was written by this thread; any
    // other value is 0 (the object was merged before it reached us).
    if h.ob_tid.load(Relaxed) == my_tid {
        // Subtract one: the queue held a reference that no count reflects.
        count!(MERGED_BY_OWNER);
        event!(MergedByOwner);
        merge(h, -1)
    } else {
        count!(RELEASED_BY_OWNER);
        event!(ReleasedByOwner);
        release_queued_reference(h)
    }
}

/// Merge the local count into the shared word and give up ownership (owner
/// only). `extra` is added to the total (-1 to drop a queue's reference).
pub(crate) fn merge(h: &ObjHeader, extra: isize) -> Fate {
    let local = h.ob_ref_local.load(Relaxed);
    if local == IMMORTAL_LOCAL {
        return Fate::Live;
    }
    // Before the CAS, as in `owner_local_zero`.
    h.ob_ref_local.store(0, Relaxed);
    h.ob_tid.store(0, Relaxed);
    let mut shared = h.ob_ref_shared.load(Relaxed);
    loop {
        let count = (shared >> REF_SHARED_SHIFT) + local as isize + extra;
        debug_assert!(count >= 0, "merged count below zero: {count}");
        let new = (count << REF_SHARED_SHIFT) | REF_MERGED;
        // AcqRel as in `owner_local_zero`.
        match h.ob_ref_shared.compare_exchange_weak(shared, new, AcqRel, Relaxed) {
            Ok(_) => return if count == 0 { Fate::Dead } else { Fate::Live },
            Err(current) => shared = current,
        }
    }
}

/// Give a MERGED object whose count just reached zero one reference again
/// (the collector, world stopped: it releases that reference after the
/// restart, so the object's dealloc never runs inside a pause).
pub(crate) fn revive_merged_dead(h: &ObjHeader) {
    let old = h.ob_ref_shared.fetch_add(REF_SHARED_ONE, Relaxed);
    debug_assert_eq!(old, REF_MERGED, "revive: not a dead merged object");
}

/// Move DEFAULT to MAYBE_WEAKREF (a weak reference is about to exist), so
/// the owner never frees the object without a CAS on the shared word.
pub(crate) fn set_maybe_weakref(h: &ObjHeader) {
    if h.ob_ref_local.load(Relaxed) == IMMORTAL_LOCAL {
        return;
    }
    let mut shared = h.ob_ref_shared.load(Relaxed);
    while shared & REF_STATE_MASK == REF_DEFAULT {
        match h.ob_ref_shared.compare_exchange_weak(shared, shared | REF_MAYBE_WEAKREF, Relaxed, Relaxed) {
            Ok(_) => return,
            Err(current) => shared = current,
        }
    }
}

/// Make the object immortal: counts frozen, never freed.
///
/// Meant for objects the calling thread owns and has not shared yet
/// (interned strings at creation): the local count is owner-only.
pub(crate) fn make_immortal(h: &ObjHeader) {
    // Local first: from here on every incref/decref is a no-op.
    h.ob_ref_local.store(IMMORTAL_LOCAL, Relaxed);
    h.ob_tid.store(0, Relaxed);
    h.ob_ref_shared.store(0, Relaxed);
}

#[cfg(all(test, not(loom)))]
mod tests {
    //! One test per transition, on headers that live on the stack.
    use super::*;
    use crate::header::TypeInfo;

    const T: usize = 7;

    fn header(tid: usize, local: u32, shared: isize) -> ObjHeader {
        ObjHeader::with_counts(tid, local, shared, core::ptr::null::<TypeInfo>())
    }

    fn word(count: isize, state: isize) -> isize {
        (count << REF_SHARED_SHIFT) | state
    }

    fn parts(h: &ObjHeader) -> (usize, u32, isize) {
        (h.owner_tid(), h.ref_local(), h.ref_shared_word())
    }

    #[test]
    fn owner_zero_with_shared_zero_frees_at_once() {
        let h = header(T, 0, 0);
        assert_eq!(owner_local_zero(&h), Fate::Dead);
        assert_eq!(h.owner_tid(), T, "fast free touches nothing");
    }

    #[test]
    fn owner_zero_with_shared_refs_gives_up_ownership() {
        let h = header(T, 0, word(2, REF_DEFAULT));
        assert_eq!(owner_local_zero(&h), Fate::Live);
        assert_eq!(parts(&h), (0, 0, word(2, REF_MERGED)));
    }

    #[test]
    fn owner_zero_with_weakref_flag_frees_through_the_cas() {
        // Count 0 but the weakref flag is set: free through the CAS.
        let h = header(T, 0, word(0, REF_MAYBE_WEAKREF));
        assert_eq!(owner_local_zero(&h), Fate::Dead);
        assert_eq!(parts(&h), (0, 0, REF_MERGED));
    }

    #[test]
    fn owner_zero_while_queued_keeps_the_queue_reference() {
        // Queue entry pending with one shared reference still counted.
        let h = header(T, 0, word(1, REF_QUEUED));
        assert_eq!(owner_local_zero(&h), Fate::Live);
        assert_eq!(parts(&h), (0, 0, word(1, REF_MERGED)));
        // The queue's reference is the last one.
        assert_eq!(merge_queued(&h, T), Fate::Dead);
    }

    #[test]
    fn non_owner_decref_subtracts() {
        let h = header(T, 1, word(2, REF_DEFAULT));
        assert_eq!(decref_shared(&h), SharedDecref::Done);
        assert_eq!(parts(&h), (T, 1, word(1, REF_DEFAULT)));
    }

    #[test]
    fn non_owner_decref_at_zero_queues_without_subtracting() {
        for start in [REF_DEFAULT, REF_MAYBE_WEAKREF] {
            let h = header(T, 1, start);
            assert_eq!(decref_shared(&h), SharedDecref::Queued);
            assert_eq!(parts(&h), (T, 1, REF_QUEUED));
        }
    }

    #[test]
    fn non_owner_decref_in_queued_goes_negative() {
        let h = header(T, 2, REF_QUEUED);
        assert_eq!(decref_shared(&h), SharedDecref::Done);
        assert_eq!(h.ref_shared_word(), word(-1, REF_QUEUED));
        // Owner merges the queue entry: 2 local - 1 shared - 1 queue = 0.
        assert_eq!(merge_queued(&h, T), Fate::Dead);
        assert_eq!(parts(&h), (0, 0, REF_MERGED));
    }

    #[test]
    fn non_owner_decref_of_merged_frees_at_zero() {
        let h = header(0, 0, word(2, REF_MERGED));
        assert_eq!(decref_shared(&h), SharedDecref::Done);
        assert_eq!(decref_shared(&h), SharedDecref::Dead);
        assert_eq!(h.ref_shared_word(), REF_MERGED);
    }

    #[test]
    fn merge_queued_by_owner_adds_local_and_drops_queue_ref() {
        let h = header(T, 3, REF_QUEUED);
        assert_eq!(merge_queued(&h, T), Fate::Live);
        assert_eq!(parts(&h), (0, 0, word(2, REF_MERGED)));
    }

    #[test]
    fn merge_queued_of_already_merged_object_only_releases() {
        // The owner exited (or gave up) and merged before processing.
        let h = header(0, 0, word(1, REF_MERGED));
        assert_eq!(merge_queued(&h, T), Fate::Dead);
        let h = header(0, 0, word(2, REF_MERGED));
        assert_eq!(merge_queued(&h, T), Fate::Live);
        assert_eq!(h.ref_shared_word(), word(1, REF_MERGED));
    }

    #[test]
    fn merge_queued_by_reused_tid_only_releases() {
        // A new thread with another identity (or the same number after the
        // old owner cleared ob_tid) must not merge someone else's object.
        let h = header(0, 0, word(3, REF_MERGED));
        assert_eq!(merge_queued(&h, 1), Fate::Live);
        assert_eq!(parts(&h), (0, 0, word(2, REF_MERGED)));
    }

    #[test]
    fn release_queued_reference_while_still_queued_is_folded_by_merge() {
        // Push failed (owner closing): the pusher releases before the owner's
        // exit walk merges.
        let h = header(T, 1, REF_QUEUED);
        assert_eq!(release_queued_reference(&h), Fate::Live);
        assert_eq!(h.ref_shared_word(), word(-1, REF_QUEUED));
        assert_eq!(merge(&h, 0), Fate::Dead);
    }

    #[test]
    fn merge_with_extra_zero_counts_everything() {
        let h = header(T, 2, word(3, REF_DEFAULT));
        assert_eq!(merge(&h, 0), Fate::Live);
        assert_eq!(parts(&h), (0, 0, word(5, REF_MERGED)));
    }

    #[test]
    fn immortal_objects_are_never_merged() {
        let h = header(0, IMMORTAL_LOCAL, 0);
        assert_eq!(merge(&h, -1), Fate::Live);
        assert_eq!(parts(&h), (0, IMMORTAL_LOCAL, 0));
        set_maybe_weakref(&h);
        assert_eq!(h.ref_shared_word(), 0);
    }

    #[test]
    fn maybe_weakref_only_from_default() {
        let h = header(T, 1, word(4, REF_DEFAULT));
        set_maybe_weakref(&h);
        assert_eq!(h.ref_shared_word(), word(4, REF_MAYBE_WEAKREF));
        let h = header(T, 1, word(4, REF_QUEUED));
        set_maybe_weakref(&h);
        assert_eq!(h.ref_shared_word(), word(4, REF_QUEUED));
    }

    #[test]
    fn make_immortal_freezes_counts() {
        let h = header(T, 5, word(2, REF_DEFAULT));
        make_immortal(&h);
        assert!(h.is_immortal());
        assert_eq!(parts(&h), (0, IMMORTAL_LOCAL, 0));
    }

    #[test]
    fn states_only_move_upward() {
        // Every transition function, from every state, never lowers it.
        let ops: [fn(&ObjHeader); 5] = [
            |h| {
                let _ = decref_shared(h);
            },
            |h| {
                let _ = merge(h, 0);
            },
            |h| {
                let _ = owner_local_zero(h);
            },
            |h| set_maybe_weakref(h),
            |h| {
                if h.ref_shared_word() & REF_STATE_MASK >= REF_QUEUED {
                    let _ = release_queued_reference(h);
                }
            },
        ];
        for state in 0..=REF_MERGED {
            for op in ops {
                let h = header(T, 1, word(5, state));
                op(&h);
                assert!(h.ref_shared_word() & REF_STATE_MASK >= state);
            }
        }
    }
}
