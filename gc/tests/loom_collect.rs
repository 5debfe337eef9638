//! Loom model of the collector's one new interaction with the refcount
//! protocol: merging a parked owner's inbox on its behalf during a
//! stop-the-world (`collect::merge_all_inboxes`), while the owner keeps
//! using the object before its safepoint and after the restart, and a
//! non-owner's queued decrement arrives at any moment.
//!
//! Run: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p skein-gc --test loom_collect`
//!
//! Under loom the heap walk finds nothing (the loom heap has no pages), so
//! a collection is exactly: stop the world, merge every inbox, restart,
//! release what the merge found dead. The checks are those of `loom_brc`:
//! freed exactly once (counter and the loom heap's double-free panic), never
//! used after the free (liveness and a loom cell per object), no write to a
//! freed block.
#![cfg(loom)]

mod loom_common;

use loom::sync::atomic::{AtomicBool, Ordering::SeqCst as LSeqCst};
use loom::sync::Arc;
use loom::thread;
use loom_common::{drop_checked, model, new_obj, service};
use skein_gc::{attach_thread, collect, NoHooks};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// The owner holds one reference, a non-owner drops the one the owner
/// counted for it (queued to the owner), and a collector merges the
/// owner's inbox while the owner is parked; the owner drops its own
/// reference meanwhile. Exactly one free, after every use. (Merging
/// without stopping the world lets the owner's plain load/store of its
/// local count race with the merge: mutant `gc_merge_without_stop`.)
#[test]
fn collector_merges_a_parked_owners_queue() {
    model(|| {
        let attachment = attach_thread();
        let ts = attachment.thread_state().unwrap();
        ts.attach();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let a = new_obj(&freed);
        let b = a.clone();
        let done = Arc::new(AtomicBool::new(false));
        let done2 = done.clone();
        let dropper = thread::spawn(move || drop_checked(b));
        let collector = thread::spawn(move || {
            let _attachment = attach_thread();
            // Registered, detached: the requester of the stop.
            let _ = collect(&mut NoHooks);
            done2.store(true, LSeqCst);
        });
        // The owner drops its own reference while the collector may be
        // stopping the world (before its safepoint or after the restart,
        // never during the merge: that is what stopping buys).
        let mut a = Some(a);
        while !done.load(LSeqCst) {
            if let Some(x) = a.take() {
                drop_checked(x);
            }
            service();
            thread::yield_now();
        }
        if let Some(x) = a.take() {
            drop_checked(x);
        }
        dropper.join().unwrap();
        service();
        collector.join().unwrap();
        // The owner still owns whatever was not merged; its exit merges it.
        ts.detach();
        drop(attachment);
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}

/// The last reference is the queued one: the collector's merge finds the
/// object dead, and it must be released after the restart (exactly once),
/// not by the owner's own merge as well.
#[test]
fn collector_finds_a_queued_object_dead() {
    model(|| {
        let attachment = attach_thread();
        let ts = attachment.thread_state().unwrap();
        ts.attach();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let a = new_obj(&freed);
        let done = Arc::new(AtomicBool::new(false));
        let done2 = done.clone();
        let dropper = thread::spawn(move || drop_checked(a));
        let collector = thread::spawn(move || {
            let _attachment = attach_thread();
            let _ = collect(&mut NoHooks);
            done2.store(true, LSeqCst);
        });
        while !done.load(LSeqCst) {
            service();
            thread::yield_now();
        }
        dropper.join().unwrap();
        collector.join().unwrap();
        service();
        ts.detach();
        drop(attachment);
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}
