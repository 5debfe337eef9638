//! The `finalize` hook and resurrection (`resurrect.rs`) on real threads,
//! one test per way an object can die: the owner at local zero (shared word
//! 0, or given up), a non-owner in MERGED, the owner merging a queued
//! object, the exit protocol, the trashcan. Each checks that the finalizer
//! ran exactly once, that a resurrected object lives on, and that the
//! object is freed exactly once in the end.
#![cfg(not(loom))]

use skein_gc::{alloc_object, attach_thread, process_queued_merges, resurrect, ObjHeader, ObjRef, TypeInfo};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};

/// What the finalizer does with the object it gets back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Drop it at once (no resurrection): destroyed inside the hook.
    Drop,
    /// Store it in the object's `keep` slot's list (resurrection).
    Keep,
}

#[derive(Default)]
struct Counts {
    finalized: AtomicUsize,
    freed: AtomicUsize,
    /// References the finalizer kept (resurrection).
    kept: Mutex<Vec<ObjRef>>,
}

#[repr(C)]
struct Obj {
    header: ObjHeader,
    counts: Arc<Counts>,
    mode: Mode,
    child: Option<ObjRef>,
}

unsafe fn obj_dealloc(p: NonNull<ObjHeader>) {
    let o = p.cast::<Obj>().as_ptr();
    // SAFETY: a dead Obj, dropped exactly once by the gc.
    unsafe {
        (&(*o).counts).freed.fetch_add(1, SeqCst);
        std::ptr::drop_in_place(&raw mut (*o).counts);
        std::ptr::drop_in_place(&raw mut (*o).child);
    }
}

unsafe fn obj_finalize(p: NonNull<ObjHeader>) -> bool {
    // SAFETY: the object is dead and offered to this hook, which returns true.
    let r = unsafe { resurrect(p) };
    // SAFETY: `r` keeps the Obj alive.
    let o = unsafe { &*r.as_ptr().cast::<Obj>().as_ptr() };
    assert!(skein_gc::is_finalized(r.header()));
    assert_eq!(r.header().owner_tid(), 0, "resurrected objects come back merged");
    o.counts.finalized.fetch_add(1, SeqCst);
    if o.mode == Mode::Keep {
        o.counts.kept.lock().unwrap().push(r.clone());
    }
    drop(r);
    true
}

static OBJ_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: None, finalize: Some(obj_finalize) };

fn new_obj(counts: &Arc<Counts>, mode: Mode, child: Option<ObjRef>) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Obj>(), align_of::<Obj>(), &OBJ_TYPE) };
    // SAFETY: fresh block of Obj's layout with the header written.
    unsafe {
        let o = p.cast::<Obj>().as_ptr();
        (&raw mut (*o).counts).write(counts.clone());
        (&raw mut (*o).mode).write(mode);
        (&raw mut (*o).child).write(child);
        ObjRef::from_raw(p)
    }
}

fn counts() -> Arc<Counts> {
    Arc::new(Counts::default())
}

fn state(c: &Counts) -> (usize, usize) {
    (c.finalized.load(SeqCst), c.freed.load(SeqCst))
}

/// Drops what the finalizer kept; returns how many.
fn release_kept(c: &Counts) -> usize {
    let kept = std::mem::take(&mut *c.kept.lock().unwrap());
    let n = kept.len();
    drop(kept);
    n
}

#[test]
fn owner_at_local_zero_with_shared_zero() {
    let c = counts();
    drop(new_obj(&c, Mode::Drop, None));
    assert_eq!(state(&c), (1, 1));
}

#[test]
fn resurrected_object_lives_until_its_new_references_go() {
    let c = counts();
    drop(new_obj(&c, Mode::Keep, None));
    assert_eq!(state(&c), (1, 0), "kept by the finalizer");
    let kept = c.kept.lock().unwrap()[0].clone();
    let more = kept.clone();
    drop(kept);
    assert_eq!(state(&c), (1, 0));
    assert_eq!(release_kept(&c), 1);
    assert_eq!(state(&c), (1, 0), "one reference left");
    drop(more);
    assert_eq!(state(&c), (1, 1), "freed without a second finalizer");
}

#[test]
fn last_reference_queued_by_a_non_owner() {
    let c = counts();
    let a = new_obj(&c, Mode::Drop, None);
    let b = a.clone();
    let t = std::thread::spawn(move || {
        let _att = attach_thread();
        drop(b);
    });
    // The non-owner's drop finds the shared word at 0 and queues; the
    // owner's merge then reaches zero and finalizes here. The merge runs
    // only after the join: before it, the entry may not be queued yet.
    drop(a);
    t.join().unwrap();
    assert_eq!(state(&c), (0, 0), "finalized before the owner merged the queued reference");
    process_queued_merges();
    assert_eq!(state(&c), (1, 1));
}

#[test]
fn owner_gives_up_then_non_owner_drops_last() {
    let c = counts();
    let a = new_obj(&c, Mode::Drop, None);
    let addr = a.as_ptr().as_ptr() as usize;
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
    let t = std::thread::spawn(move || {
        let _att = attach_thread();
        // SAFETY: the owner keeps `a` alive until we signal.
        let mine = unsafe { ObjRef::clone_from_raw(NonNull::new(addr as *mut ObjHeader).unwrap()) };
        tx.send(()).unwrap();
        go_rx.recv().unwrap();
        drop(mine); // MERGED count 1 -> 0: finalized and freed here
    });
    rx.recv().unwrap();
    drop(a); // local 0 with shared count 1: the owner gives up (MERGED)
    assert_eq!(state(&c), (0, 0));
    go_tx.send(()).unwrap();
    t.join().unwrap();
    assert_eq!(state(&c), (1, 1));
}

#[test]
fn non_owner_queues_and_owner_merges_to_zero() {
    let c = counts();
    let a = new_obj(&c, Mode::Keep, None);
    let b = a.clone();
    drop(a); // owner keeps its local count at 1 (b's)
    std::thread::spawn(move || {
        let _att = attach_thread();
        drop(b); // shared word 0: queued to the owner
    })
    .join()
    .unwrap();
    assert_eq!(state(&c), (0, 0), "queued, not yet merged");
    process_queued_merges();
    assert_eq!(state(&c), (1, 0), "merged to zero, finalized, kept");
    // The kept reference now travels to another thread, which drops it.
    let kept = std::mem::take(&mut *c.kept.lock().unwrap());
    std::thread::spawn(move || {
        let _att = attach_thread();
        drop(kept);
    })
    .join()
    .unwrap();
    assert_eq!(state(&c), (1, 1));
}

#[test]
fn dies_in_the_owners_exit_merge() {
    let c = counts();
    let c2 = c.clone();
    let (to_main, from_owner) = std::sync::mpsc::channel();
    let (to_owner, from_main) = std::sync::mpsc::channel::<()>();
    let owner = std::thread::spawn(move || {
        let _att = attach_thread();
        to_main.send(new_obj(&c2, Mode::Keep, None)).unwrap();
        // Exit without servicing the inbox: the exit protocol merges the
        // queued reference, the count reaches zero there.
        from_main.recv().unwrap();
    });
    drop(from_owner.recv().unwrap()); // queued to the owner
    assert_eq!(state(&c), (0, 0));
    to_owner.send(()).unwrap();
    owner.join().unwrap();
    assert_eq!(state(&c), (1, 0), "finalized by the exiting owner, kept");
    assert_eq!(release_kept(&c), 1);
    assert_eq!(state(&c), (1, 1));
}

#[test]
fn dies_after_its_owner_exited() {
    let c = counts();
    let c2 = c.clone();
    std::thread::spawn(move || {
        let _att = attach_thread();
        let a = new_obj(&c2, Mode::Keep, None);
        let b = a.clone();
        drop(a);
        // A second thread takes `b` and drops it after our exit merged it.
        let (tx, rx) = std::sync::mpsc::channel();
        tx.send(b).unwrap();
        rx
    })
    .join()
    .map(|rx| {
        let b = rx.recv().unwrap();
        drop(b);
    })
    .unwrap();
    assert_eq!(state(&c), (1, 0));
    assert_eq!(release_kept(&c), 1);
    assert_eq!(state(&c), (1, 1));
}

#[test]
fn deep_chain_of_finalizable_objects() {
    let c = counts();
    let n = 10_000;
    let c2 = c.clone();
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || {
            let mut head = None;
            for _ in 0..n {
                head = Some(new_obj(&c2, Mode::Drop, head));
            }
            drop(head);
            assert_eq!(skein_gc::trashcan_depth(), 0);
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(state(&c), (n, n));
}

#[test]
fn resurrected_objects_dropped_by_many_threads() {
    let c = counts();
    let n = 64;
    for _ in 0..n {
        drop(new_obj(&c, Mode::Keep, None));
    }
    let kept = std::mem::take(&mut *c.kept.lock().unwrap());
    let handles: Vec<_> = kept
        .into_iter()
        .map(|r| {
            let extra = r.clone();
            (
                std::thread::spawn(move || {
                    let _att = attach_thread();
                    drop(r)
                }),
                extra,
            )
        })
        .collect();
    for (h, extra) in handles {
        drop(extra);
        h.join().unwrap();
    }
    assert_eq!(state(&c), (n, n));
}
