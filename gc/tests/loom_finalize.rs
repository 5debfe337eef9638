//! Loom models of finalization: the `finalize` hook resurrecting a dead
//! object (`resurrect.rs`) while other threads take and drop references.
//!
//! Run: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p skein-gc --test loom_finalize`
//!
//! As in `loom_brc.rs`, the loom heap panics on a second free and keeps
//! freed memory readable, every use of an object reads a loom cell that its
//! free writes, and `ob_tid` writes after a free are caught at the end of
//! each execution. On top of that each object counts its finalizer runs
//! (exactly one, PEP 442) and its frees (exactly one).
#![cfg(loom)]

mod loom_common;
use loom_common::model;

use loom::cell::UnsafeCell;
use loom::sync::{Arc, Mutex};
use loom::thread;
use skein_gc::{
    alloc_object, attach_thread, loom_block_is_live, process_queued_merges, resurrect, ObjHeader, ObjRef, TypeInfo,
};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// Where the finalizer puts the object it resurrects.
type Slot = Mutex<Option<ObjRef>>;

#[repr(C)]
struct Obj {
    header: ObjHeader,
    finalized: std::sync::Arc<AtomicUsize>,
    freed: std::sync::Arc<AtomicUsize>,
    slot: Arc<Slot>,
    /// Read by every use, written by the free.
    payload: UnsafeCell<usize>,
}

unsafe fn obj_dealloc(p: NonNull<ObjHeader>) {
    let obj = p.cast::<Obj>().as_ptr();
    // SAFETY: a dead Obj, dropped exactly once by the gc; the loom heap
    // keeps the block allocated.
    unsafe {
        let payload = std::ptr::read(&raw const (*obj).payload);
        // The object is dead: no use may race with this write (loom checks).
        payload.with_mut(|v| *v = usize::MAX);
        (&(*obj).freed).fetch_add(1, SeqCst);
        std::ptr::drop_in_place(&raw mut (*obj).finalized);
        std::ptr::drop_in_place(&raw mut (*obj).freed);
        std::ptr::drop_in_place(&raw mut (*obj).slot);
    }
}

/// The finalizer: resurrect, store one reference in the slot (so another
/// thread may pick it up and drop it at any time), drop our own.
unsafe fn obj_finalize(p: NonNull<ObjHeader>) -> bool {
    // SAFETY: the gc offers a dead object to this hook, which returns true.
    let r = unsafe { resurrect(p) };
    let o = obj_of(&r);
    let runs = o.finalized.fetch_add(1, SeqCst) + 1;
    assert_eq!(runs, 1, "finalizer ran twice");
    *o.slot.lock().unwrap() = Some(r.clone());
    drop(r);
    true
}

static OBJ_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: None, finalize: Some(obj_finalize) };

struct Counts {
    finalized: std::sync::Arc<AtomicUsize>,
    freed: std::sync::Arc<AtomicUsize>,
}

fn new_obj(counts: &Counts, slot: &Arc<Slot>) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Obj>(), align_of::<Obj>(), &OBJ_TYPE) };
    // SAFETY: fresh block of Obj's layout with the header written.
    unsafe {
        let o = p.cast::<Obj>().as_ptr();
        (&raw mut (*o).finalized).write(counts.finalized.clone());
        (&raw mut (*o).freed).write(counts.freed.clone());
        (&raw mut (*o).slot).write(slot.clone());
        (&raw mut (*o).payload).write(UnsafeCell::new(7));
        ObjRef::from_raw(p)
    }
}

fn obj_of(r: &ObjRef) -> &Obj {
    // SAFETY: `r` holds a reference to an Obj.
    unsafe { &*r.as_ptr().cast::<Obj>().as_ptr() }
}

/// A use of the object: it must not have been freed.
fn use_obj(r: &ObjRef) {
    assert!(loom_block_is_live(r.as_ptr()), "object used after it was freed");
    // SAFETY: `r` keeps the object alive; loom orders this read against the
    // free's write.
    let v = obj_of(r).payload.with(|p| unsafe { *p });
    assert_eq!(v, 7, "object used after it was freed");
}

fn counts() -> Counts {
    Counts { finalized: Default::default(), freed: Default::default() }
}

fn merge_if_asked() {
    let asked = skein_threading::registry::with_current(|ts| {
        ts.is_some_and(|ts| ts.breaker_bits() & skein_threading::registry::BREAKER_BRC_MERGE != 0)
    });
    if asked {
        process_queued_merges();
    }
}

/// The owner drops the last reference; its finalizer resurrects the object
/// into a slot that another thread is polling, and drops its own reference
/// while that thread takes, uses and drops the stored one: the two race to
/// zero in MERGED. Exactly one finalizer run, exactly one free.
#[test]
fn finalizer_resurrects_while_another_thread_takes_and_drops() {
    model(|| {
        let _attachment = attach_thread();
        let c = counts();
        let slot: Arc<Slot> = Arc::new(Mutex::new(None));
        let a = new_obj(&c, &slot);
        let s2 = slot.clone();
        let t = thread::spawn(move || {
            let _attachment = attach_thread();
            let r = loop {
                if let Some(r) = s2.lock().unwrap().take() {
                    break r;
                }
                thread::yield_now();
            };
            use_obj(&r);
            drop(r);
        });
        use_obj(&a);
        drop(a);
        t.join().unwrap();
        assert_eq!(c.finalized.load(SeqCst), 1);
        assert_eq!(c.freed.load(SeqCst), 1);
    });
}

/// A non-owner and the owner drop their references concurrently, so the
/// object dies on either thread (owner at local zero, non-owner in MERGED,
/// or the owner merging the non-owner's queued reference); the finalizer
/// resurrects it wherever that is, and the main thread finally drops the
/// resurrected reference.
#[test]
fn object_dies_on_either_thread_and_is_resurrected_there() {
    model(|| {
        let _attachment = attach_thread();
        let c = counts();
        let slot: Arc<Slot> = Arc::new(Mutex::new(None));
        let a = new_obj(&c, &slot);
        let b = a.clone();
        let t = thread::spawn(move || {
            let _attachment = attach_thread();
            use_obj(&b);
            drop(b);
        });
        use_obj(&a);
        drop(a);
        merge_if_asked();
        t.join().unwrap();
        process_queued_merges();
        assert_eq!(c.finalized.load(SeqCst), 1);
        assert_eq!(c.freed.load(SeqCst), 0, "the finalizer kept it");
        let kept = slot.lock().unwrap().take().expect("resurrected into the slot");
        use_obj(&kept);
        drop(kept);
        assert_eq!(c.finalized.load(SeqCst), 1);
        assert_eq!(c.freed.load(SeqCst), 1);
    });
}
