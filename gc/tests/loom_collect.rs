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

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicBool, Ordering::SeqCst as LSeqCst};
use loom::sync::Arc;
use loom::thread;
use skein_gc::{
    alloc_object, attach_thread, collect, loom_block_is_live, loom_check_freed_blocks, process_queued_merges, NoHooks,
    ObjHeader, ObjRef, TypeInfo,
};
use skein_threading::registry::{BREAKER_BRC_MERGE, BREAKER_STOP_THE_WORLD};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

struct Counter(std::sync::Arc<AtomicUsize>);

#[repr(C)]
struct Obj {
    header: ObjHeader,
    freed: Counter,
    payload: UnsafeCell<usize>,
}

unsafe fn obj_dealloc(p: NonNull<ObjHeader>) {
    let obj = p.cast::<Obj>().as_ptr();
    // SAFETY: a dead Obj, dropped exactly once by the gc.
    let freed = unsafe { std::ptr::read(&raw const (*obj).freed) };
    // SAFETY: as above; the loom heap keeps the block allocated.
    let payload = unsafe { std::ptr::read(&raw const (*obj).payload) };
    // SAFETY: the object is dead: loom checks no use races with this write.
    payload.with_mut(|p| unsafe { *p = usize::MAX });
    freed.0.fetch_add(1, SeqCst);
}

static OBJ_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: None, finalize: None };

fn new_obj(freed: &std::sync::Arc<AtomicUsize>) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Obj>(), align_of::<Obj>(), &OBJ_TYPE) };
    // SAFETY: fresh block of Obj's layout with the header written.
    unsafe {
        (&raw mut (*p.cast::<Obj>().as_ptr()).freed).write(Counter(freed.clone()));
        (&raw mut (*p.cast::<Obj>().as_ptr()).payload).write(UnsafeCell::new(7));
        ObjRef::from_raw(p)
    }
}

fn drop_checked(r: ObjRef) {
    assert!(loom_block_is_live(r.as_ptr()), "object used after it was freed");
    // SAFETY: `r` holds a reference (loom orders this read against the free).
    let v = unsafe { &*r.as_ptr().cast::<Obj>().as_ptr() }.payload.with(|p| unsafe { *p });
    assert_eq!(v, 7, "object used after it was freed");
    drop(r);
}

/// The owner's eval breaker: merge when asked, stop when asked.
fn service() {
    let ts = skein_threading::registry::current().expect("attached");
    let bits = ts.breaker_bits();
    if bits & BREAKER_BRC_MERGE != 0 {
        process_queued_merges();
    }
    if bits & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
}

/// The collector's claim (`COLLECTING`) is one process-wide flag: models
/// run one at a time, or one test's collection would see another's claim
/// and the exploration would not be deterministic.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn model(f: impl Fn() + Sync + Send + 'static) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(2);
    }
    builder.check(move || {
        loom_check_freed_blocks(false);
        f();
        loom_check_freed_blocks(true);
    });
}

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
