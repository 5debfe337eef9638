//! Loom models of dereferencing a weak reference while another thread drops
//! the referent's last strong reference.
//!
//! Run: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p skein-gc --test loom_weak`
//!
//! The VM's protocol in miniature: a weak reference is the referent's
//! address in a table slot behind a mutex (one shard of the VM's table).
//! Dereferencing locks the slot, and if the address is still there calls
//! `try_from_weak`, then unlocks. The referent's `dealloc` (which runs
//! before its memory is freed) locks the slot and clears it. So the memory
//! `try_from_weak` reads is always allocated, and the models check that a
//! successful dereference never yields an object that is freed while the
//! reference is held (the object's loom cell is read by every use and
//! written by the free; the loom heap panics on a second free).
#![cfg(loom)]

mod loom_common;
use loom_common::model;

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicBool, Ordering::Acquire, Ordering::Release};
use loom::sync::{Arc, Mutex};
use loom::thread;
use skein_gc::{alloc_object, attach_thread, loom_block_is_live, ObjHeader, ObjRef, TypeInfo};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// The weak reference: the referent's address, or `None` once cleared.
type Slot = Arc<Mutex<Option<usize>>>;

#[repr(C)]
struct Obj {
    header: ObjHeader,
    freed: std::sync::Arc<AtomicUsize>,
    /// The table slot holding weak references to this object.
    slot: Slot,
    /// Read by every use, written by the free.
    payload: UnsafeCell<usize>,
}

unsafe fn obj_dealloc(p: NonNull<ObjHeader>) {
    let obj = p.cast::<Obj>().as_ptr();
    // SAFETY: a dead Obj, dropped exactly once by the gc.
    let (freed, slot, payload) = unsafe {
        (
            std::ptr::read(&raw const (*obj).freed),
            std::ptr::read(&raw const (*obj).slot),
            std::ptr::read(&raw const (*obj).payload),
        )
    };
    // Clear the weak references before the memory can go (the VM's
    // destroy path does this when GC_BIT_HAS_WEAKREFS is set).
    *slot.lock().unwrap() = None;
    // SAFETY: the object is dead: no use may race with this write.
    payload.with_mut(|p| unsafe { *p = usize::MAX });
    freed.fetch_add(1, SeqCst);
}

static OBJ_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: None, finalize: None };

/// A new object with one weak reference to it (its slot).
fn new_obj(freed: &std::sync::Arc<AtomicUsize>) -> (ObjRef, Slot) {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Obj>(), align_of::<Obj>(), &OBJ_TYPE) };
    let slot: Slot = Arc::new(Mutex::new(Some(p.as_ptr() as usize)));
    // SAFETY: fresh block of Obj's layout with the header written.
    let r = unsafe {
        let o = p.cast::<Obj>().as_ptr();
        (&raw mut (*o).freed).write(freed.clone());
        (&raw mut (*o).slot).write(slot.clone());
        (&raw mut (*o).payload).write(UnsafeCell::new(7));
        ObjRef::from_raw(p)
    };
    r.set_maybe_weakref();
    (r, slot)
}

fn use_obj(r: &ObjRef) {
    assert!(loom_block_is_live(r.as_ptr()), "object used after it was freed");
    // SAFETY: `r` holds a reference (checked above for the loom heap; loom
    // checks the order of this read against the free's write).
    let v = unsafe { &*r.as_ptr().cast::<Obj>().as_ptr() }.payload.with(|p| unsafe { *p });
    assert_eq!(v, 7, "object used after it was freed");
}

/// Dereference the weak reference: a live object or `None`.
fn deref(slot: &Slot) -> Option<ObjRef> {
    let guard = slot.lock().unwrap();
    let p = NonNull::new((*guard)? as *mut ObjHeader)?;
    // SAFETY: the address is still in the slot and we hold its lock, so the
    // referent's dealloc (which clears the slot first) has not finished and
    // its memory is allocated.
    let r = unsafe { ObjRef::try_from_weak(p) };
    drop(guard);
    r
}

/// The owner drops its only strong reference while another thread
/// dereferences: the owner frees through the CAS (MAYBE_WEAKREF), or the
/// reader's reference wins and the reader frees later (a non-owner free of
/// a merged object).
#[test]
fn owner_drops_last_reference_while_other_derefs() {
    model(|| {
        let _attachment = attach_thread();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let (a, slot) = new_obj(&freed);
        let slot2 = slot.clone();
        let t = thread::spawn(move || {
            if let Some(r) = deref(&slot2) {
                use_obj(&r);
                drop(r);
            }
        });
        use_obj(&a);
        drop(a);
        t.join().unwrap();
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
        assert!(slot.lock().unwrap().is_none(), "weak reference cleared");
    });
}

/// A non-owner holds the last strong reference (the owner gave up
/// ownership, the object is MERGED) and drops it while a third thread
/// dereferences.
#[test]
fn non_owner_drops_last_reference_while_other_derefs() {
    model(|| {
        let _attachment = attach_thread();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let (a, slot) = new_obj(&freed);
        let addr = a.as_ptr().as_ptr() as usize;
        let cloned = Arc::new(AtomicBool::new(false));
        let cloned2 = cloned.clone();
        let holder = thread::spawn(move || {
            let _attachment = attach_thread();
            // SAFETY: the owner keeps `a` until `cloned` is set.
            let b = unsafe { ObjRef::clone_from_raw(NonNull::new(addr as *mut ObjHeader).unwrap()) };
            cloned2.store(true, Release);
            use_obj(&b);
            drop(b);
        });
        let slot2 = slot.clone();
        let reader = thread::spawn(move || {
            let _attachment = attach_thread();
            if let Some(r) = deref(&slot2) {
                use_obj(&r);
                drop(r);
            }
        });
        while !cloned.load(Acquire) {
            thread::yield_now();
        }
        drop(a); // local 0, shared count >= 1: give up ownership (MERGED)
        holder.join().unwrap();
        reader.join().unwrap();
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}

/// A live object dereferenced by its owner and by another thread: both get
/// it (the weak path never fails while a strong reference exists and the
/// flag is set), and the last drop frees it.
#[test]
fn deref_of_live_object_succeeds() {
    model(|| {
        let _attachment = attach_thread();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let (a, slot) = new_obj(&freed);
        let slot2 = slot.clone();
        let t = thread::spawn(move || {
            let r = deref(&slot2);
            r.is_some()
        });
        let mine = deref(&slot).expect("the owner holds a reference");
        use_obj(&mine);
        drop(mine);
        let theirs = t.join().unwrap();
        assert!(theirs, "a referenced object is always reachable through its weak reference");
        drop(a);
        assert_eq!(freed.load(SeqCst), 1, "freed exactly once");
    });
}
