//! Loom models of the biased reference counting protocol.
//!
//! Run: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p skein-gc --test loom_brc`
//!
//! Under loom the object heap is a std-allocator stand-in that never returns
//! memory during a model and panics on a second free of the same block, so
//! "freed exactly once" is checked by the heap itself plus the free counter
//! below, and "never freed while reachable" by checking that the block is
//! still live before every operation on a handle. Each object also carries
//! a loom cell that every use reads and the free writes, so loom reports a
//! use that the counting protocol failed to order before the free (a
//! Relaxed decrement, a Relaxed load before freeing).
#![cfg(loom)]

mod loom_common;

use loom::sync::{Arc, Mutex};
use loom::thread;
use loom_common::{drop_checked, live, model, new_obj};
use skein_gc::{attach_thread, process_queued_merges, ObjRef};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// The owner's eval breaker: merge queued objects only when asked (a
/// non-owner that queues an object must set `BREAKER_BRC_MERGE`).
fn merge_if_asked() {
    let asked = skein_threading::registry::with_current(|ts| {
        ts.is_some_and(|ts| ts.breaker_bits() & skein_threading::registry::BREAKER_BRC_MERGE != 0)
    });
    if asked {
        process_queued_merges();
    }
}

/// Wait (yielding to loom) until another thread fills the slot.
fn take_slot(slot: &Mutex<Option<ObjRef>>) -> ObjRef {
    loop {
        if let Some(r) = slot.lock().unwrap().take() {
            return r;
        }
        thread::yield_now();
    }
}

/// The owner drops its last local reference while a non-owner drops the
/// last shared one: exactly one of them frees (owner at once if it sees the
/// shared word at 0, else whoever makes "count 0, MERGED").
#[test]
fn owner_and_non_owner_race_to_zero() {
    model(|| {
        let _attachment = attach_thread();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let a = new_obj(&freed);
        let b = a.clone();
        let slot = Arc::new(Mutex::new(None));
        let slot2 = slot.clone();
        let t = thread::spawn(move || {
            // Non-owner: a shared increment, then hand `b` back to the owner.
            let c = live(&b).clone();
            *slot2.lock().unwrap() = Some(b);
            drop_checked(c);
        });
        let b = take_slot(&slot);
        drop_checked(b);
        drop_checked(a); // local count 0: races with the non-owner's drop
        t.join().unwrap();
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}

/// A non-owner drops a reference counted in the owner's local count: it is
/// queued to the owner, which merges it at its safepoint.
#[test]
fn queue_to_owner_and_merge() {
    model(|| {
        let _attachment = attach_thread();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let a = new_obj(&freed);
        let b = a.clone();
        let t = thread::spawn(move || drop_checked(b));
        merge_if_asked();
        assert_eq!(freed.load(SeqCst), 0, "still referenced by `a`");
        drop_checked(a);
        t.join().unwrap();
        merge_if_asked();
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}

/// The owner exits (close inbox, merge queued, merge owned, release tid)
/// while another thread drops its reference at any point of that protocol.
#[test]
fn owner_exits_while_others_hold_references() {
    model(|| {
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let slot = Arc::new(Mutex::new(None));
        let slot2 = slot.clone();
        let freed2 = freed.clone();
        let owner = thread::spawn(move || {
            let attachment = attach_thread();
            let a = new_obj(&freed2);
            *slot2.lock().unwrap() = Some(a.clone());
            drop_checked(a);
            drop(attachment); // exit protocol, racing with the drop below
        });
        let a = take_slot(&slot);
        drop_checked(a);
        owner.join().unwrap();
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}

/// As above, plus a third thread that attaches (possibly taking the exited
/// owner's tid) and merges its queue: a queue entry for the old owner's
/// object that reaches the new thread must only release the queue's
/// reference, never merge the object as its own.
#[test]
fn queued_object_meets_reused_tid() {
    model(|| {
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let slot = Arc::new(Mutex::new(None));
        let slot2 = slot.clone();
        let freed2 = freed.clone();
        let owner = thread::spawn(move || {
            let attachment = attach_thread();
            let a = new_obj(&freed2);
            *slot2.lock().unwrap() = Some(a.clone());
            drop_checked(a);
            drop(attachment);
        });
        let newcomer = thread::spawn(|| {
            let _attachment = attach_thread();
            process_queued_merges();
        });
        let a = take_slot(&slot);
        drop_checked(a);
        owner.join().unwrap();
        newcomer.join().unwrap();
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}
