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

mod loom_common;

use loom::sync::atomic::{AtomicBool, Ordering::SeqCst as LSeqCst};
use loom::sync::Arc;
use loom::thread;
use loom_common::{live, model, new_container, service};
use skein_gc::{
    attach_thread, collect_generation, loom_block_is_live, process_queued_merges, Generation, NoHooks, ObjHeader,
    ObjRef,
};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

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
        let x = new_container(&freed);
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
            live(&mine);
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
                    live(&x);
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
        let x = new_container(&freed);
        let addr = Addr(x.as_ptr().as_ptr() as usize);
        let cloned = Arc::new(AtomicBool::new(false));
        let cloned2 = cloned.clone();
        let other = thread::spawn(move || {
            // SAFETY: the owner keeps its reference until `cloned` is set.
            let mine = unsafe { ObjRef::clone_from_raw(NonNull::new_unchecked(addr.0 as *mut ObjHeader)) };
            cloned2.store(true, LSeqCst);
            live(&mine);
            drop(mine);
        });
        while !cloned.load(LSeqCst) {
            thread::yield_now();
        }
        drop(x);
        // The second allocation compacts the list (zombie or not yet).
        let y = new_container(&freed);
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
