//! Loom models of the young generation (`young.rs`): a young container
//! dies on its owner (which drops its list entry and frees at once) or on
//! another thread (which leaves a zombie for the collector), while a young
//! collection empties the lists with the world stopped, and the owner's
//! own compaction frees zombies with the world running.
//!
//! Run: `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p skein-gc --test loom_young`
//!
//! Checks: the payload is dropped exactly once and never used after that
//! (a loom cell per object), the block is freed exactly once (the loom
//! heap panics on a second free) and freed at all by the end (no zombie
//! and no young block left behind: a last collection runs after every
//! thread is done, then the block must be gone).
//!
//! Mutations caught (`.ci/loom_mutants.py`, prefix `gc_young_`): the
//! collector dropping zombie entries without freeing them, and promotion
//! that leaves `GC_BIT_YOUNG` set (a later death zombifies the object into
//! no list). Both leak the block.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicBool, Ordering::SeqCst as LSeqCst};
use loom::sync::Arc;
use loom::thread;
use skein_gc::{
    alloc_object, attach_thread, collect_generation, loom_block_is_live, loom_check_freed_blocks,
    process_queued_merges, Generation, NoHooks, ObjHeader, ObjRef, TypeInfo,
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
    // SAFETY: as above; the block stays allocated during dealloc.
    let payload = unsafe { std::ptr::read(&raw const (*obj).payload) };
    // SAFETY: the object is dead: loom checks no use races with this write.
    payload.with_mut(|p| unsafe { *p = usize::MAX });
    freed.0.fetch_add(1, SeqCst);
}

/// A container that references nothing: young when allocated by an
/// attached thread, examined by young collections.
unsafe fn obj_traverse(_p: NonNull<ObjHeader>, _visit: &mut dyn FnMut(NonNull<ObjHeader>)) {}

static OBJ_TYPE: TypeInfo = TypeInfo { dealloc: obj_dealloc, traverse: Some(obj_traverse), finalize: None };

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

fn use_checked(r: &ObjRef) {
    assert!(loom_block_is_live(r.as_ptr()), "object used after it was freed");
    // SAFETY: `r` holds a reference (loom orders this read against the free).
    let v = unsafe { &*r.as_ptr().cast::<Obj>().as_ptr() }.payload.with(|p| unsafe { *p });
    assert_eq!(v, 7, "object used after it was freed");
}

/// An attached thread's eval breaker: merge when asked, stop when asked.
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

/// Collections claim one process-wide flag: models run one at a time.
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

#[derive(Clone, Copy)]
struct Addr(usize);
// SAFETY: only an address; its users follow the refcount protocol.
unsafe impl Send for Addr {}

/// The owner allocates a young container; a second attached thread takes
/// its own (shared) reference, then the owner drops its reference and the
/// other thread drops its one, in either order, while a collector runs a
/// young collection. Whoever drops last destroys it: the owner frees it at
/// once (its own recent entry), the other thread leaves a zombie. Either
/// way the payload goes once and the block is freed once -- by the end,
/// after one more collection.
#[test]
fn young_object_dies_anywhere_during_a_young_collection() {
    model(|| {
        let attachment = attach_thread();
        let ts = attachment.thread_state().unwrap();
        ts.attach();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let x = new_obj(&freed);
        let addr = Addr(x.as_ptr().as_ptr() as usize);
        let cloned = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicBool::new(false));
        let (cloned2, done_c) = (cloned.clone(), done.clone());
        let other = thread::spawn(move || {
            let attachment = attach_thread();
            let ts = attachment.thread_state().unwrap();
            ts.attach();
            // SAFETY: the owner keeps its reference until `cloned` is set.
            let mine = unsafe { ObjRef::clone_from_raw(NonNull::new_unchecked(addr.0 as *mut ObjHeader)) };
            cloned2.store(true, LSeqCst);
            use_checked(&mine);
            drop(mine);
            // Between safepoints until here: the drop (and a destruction it
            // causes) cannot overlap the collector's pass. Detached from
            // now on, the stop does not wait for this thread.
            ts.detach();
            drop(attachment);
        });
        let collector = thread::spawn(move || {
            let _attachment = attach_thread();
            let _ = collect_generation(&mut NoHooks, Generation::Young);
            done_c.store(true, LSeqCst);
        });
        let mut x = Some(x);
        while !done.load(LSeqCst) || x.is_some() {
            if cloned.load(LSeqCst) {
                if let Some(x) = x.take() {
                    use_checked(&x);
                    drop(x);
                }
            }
            service();
            thread::yield_now();
        }
        other.join().unwrap();
        collector.join().unwrap();
        service();
        // Whatever the first collection left young or zombie goes now.
        let _ = collect_generation(&mut NoHooks, Generation::Young);
        assert_eq!(freed.load(SeqCst), 1, "payload dropped exactly once");
        // SAFETY-free check: the loom heap knows whether the block is live.
        assert!(
            !loom_block_is_live(NonNull::new(addr.0 as *mut ObjHeader).unwrap()),
            "young block never freed (leaked zombie)"
        );
        ts.detach();
        drop(attachment);
    });
}

/// Compaction with the world running: the owner allocates a container that
/// another thread kills as a zombie, then allocates again (the loom build
/// compacts at two entries), freeing zombies while the other thread may be
/// in the middle of making one.
#[test]
fn owner_compacts_while_another_thread_makes_a_zombie() {
    model(|| {
        let attachment = attach_thread();
        let ts = attachment.thread_state().unwrap();
        ts.attach();
        let freed = std::sync::Arc::new(AtomicUsize::new(0));
        let x = new_obj(&freed);
        let addr = Addr(x.as_ptr().as_ptr() as usize);
        let cloned = Arc::new(AtomicBool::new(false));
        let cloned2 = cloned.clone();
        let other = thread::spawn(move || {
            // SAFETY: the owner keeps its reference until `cloned` is set.
            let mine = unsafe { ObjRef::clone_from_raw(NonNull::new_unchecked(addr.0 as *mut ObjHeader)) };
            cloned2.store(true, LSeqCst);
            use_checked(&mine);
            drop(mine);
        });
        while !cloned.load(LSeqCst) {
            thread::yield_now();
        }
        drop(x);
        // The second allocation compacts the list (zombie or not yet).
        let y = new_obj(&freed);
        drop(y);
        other.join().unwrap();
        process_queued_merges();
        let _ = collect_generation(&mut NoHooks, Generation::Young);
        assert_eq!(freed.load(SeqCst), 2, "each payload dropped exactly once");
        assert!(!loom_block_is_live(NonNull::new(addr.0 as *mut ObjHeader).unwrap()), "zombie never freed");
        ts.detach();
        drop(attachment);
    });
}
