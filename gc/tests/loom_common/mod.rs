//! What the loom models of the gc crate share: an object whose every use
//! and whose free go through a loom cell (so loom reports a use that races
//! with the free), a free counter, a thread's eval-breaker service, and
//! the model runner that checks the loom heap for writes after free.
#![allow(dead_code)]

use loom::cell::UnsafeCell;
use skein_gc::{
    alloc_object, loom_block_is_live, loom_check_freed_blocks, process_queued_merges, ObjHeader, ObjRef, TypeInfo,
};
use skein_threading::registry::{BREAKER_BRC_MERGE, BREAKER_STOP_THE_WORLD};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// Counts frees; plain std atomics, invisible to loom (only checked).
pub struct Counter(std::sync::Arc<AtomicUsize>);

#[repr(C)]
pub struct Obj {
    header: ObjHeader,
    freed: Counter,
    /// Read by every use, written by the free.
    payload: UnsafeCell<usize>,
}

unsafe fn obj_dealloc(p: NonNull<ObjHeader>) {
    let obj = p.cast::<Obj>().as_ptr();
    // SAFETY: a dead Obj, dropped exactly once by the gc.
    let freed = unsafe { std::ptr::read(&raw const (*obj).freed) };
    // SAFETY: as above; the block stays allocated (the loom heap keeps it).
    let payload = unsafe { std::ptr::read(&raw const (*obj).payload) };
    // SAFETY: the object is dead: no use may race with this write, which is
    // what loom checks.
    payload.with_mut(|p| unsafe { *p = usize::MAX });
    freed.0.fetch_add(1, SeqCst);
}

/// A container that references nothing: young when an attached thread
/// allocates it, examined by collections.
unsafe fn obj_traverse(_p: NonNull<ObjHeader>, _visit: &mut dyn FnMut(NonNull<ObjHeader>)) {}

static OBJ_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: None, finalize: None };
static CONTAINER_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: Some(obj_traverse), finalize: None };

fn alloc(ty: &'static TypeInfo, freed: &std::sync::Arc<AtomicUsize>) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Obj>(), align_of::<Obj>(), ty) };
    // SAFETY: fresh block of Obj's layout with the header written.
    unsafe {
        (&raw mut (*p.cast::<Obj>().as_ptr()).freed).write(Counter(freed.clone()));
        (&raw mut (*p.cast::<Obj>().as_ptr()).payload).write(UnsafeCell::new(7));
        ObjRef::from_raw(p)
    }
}

/// A plain object (not a container) owned by the calling thread.
pub fn new_obj(freed: &std::sync::Arc<AtomicUsize>) -> ObjRef {
    alloc(&OBJ_TYPE, freed)
}

/// A container with no references, owned by the calling thread.
pub fn new_container(freed: &std::sync::Arc<AtomicUsize>) -> ObjRef {
    alloc(&CONTAINER_TYPE, freed)
}

/// Assert the object behind `r` has not been freed (a use, for loom).
pub fn live(r: &ObjRef) -> &ObjRef {
    assert!(loom_block_is_live(r.as_ptr()), "object used after it was freed");
    // SAFETY: `r` holds a reference, so the object is live (checked above
    // for the loom heap; loom checks the order against the free).
    let v = unsafe { &*r.as_ptr().cast::<Obj>().as_ptr() }.payload.with(|p| unsafe { *p });
    assert_eq!(v, 7, "object used after it was freed");
    r
}

/// Use the object, then drop the reference.
pub fn drop_checked(r: ObjRef) {
    live(&r);
    drop(r);
}

/// An attached thread's eval breaker: merge when asked, stop when asked.
pub fn service() {
    let ts = skein_threading::registry::current().expect("attached");
    let bits = ts.breaker_bits();
    if bits & BREAKER_BRC_MERGE != 0 {
        process_queued_merges();
    }
    if bits & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
}

/// Collections claim one process-wide flag (`COLLECTING`): models run one
/// at a time, or one test's collection would see another's claim and the
/// exploration would not be deterministic.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Run `f` under loom (preemptions bounded at 2 unless
/// `LOOM_MAX_PREEMPTIONS` says otherwise), checking at the end of every
/// execution that no freed object was written to afterwards.
pub fn model(f: impl Fn() + Sync + Send + 'static) {
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
