//! Integration tests of handles, heaps and thread exit on real threads.
#![cfg(not(loom))]

mod common;

use common::{child_of, new_node};
use skein_gc::{attach_thread, process_queued_merges, ObjRef};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

#[test]
fn owner_clone_drop_frees_once() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let a = new_node(None, &FREED);
    assert!(a.is_uniquely_referenced());
    let b = a.clone();
    assert!(!a.is_uniquely_referenced());
    assert_eq!(a.header().ref_local(), 2);
    assert_eq!(a.header().ref_shared_word(), 0);
    drop(b);
    assert!(a.is_uniquely_referenced());
    drop(a);
    assert_eq!(FREED.load(Relaxed), 1);
}

#[test]
fn deep_chain_does_not_overflow() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let n = 1_000_000;
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut head = None;
            for _ in 0..n {
                head = Some(new_node(head, &FREED));
            }
            assert!(child_of(head.as_ref().unwrap()).is_some());
            drop(head);
            assert_eq!(FREED.load(Relaxed), n);
            assert_eq!(skein_gc::trashcan_depth(), 0);
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn non_owner_drop_queues_and_owner_merges() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let _att = attach_thread();
    let a = new_node(None, &FREED);
    let a2 = a.clone();
    // Move one reference to another thread and drop it there: queued.
    std::thread::spawn(move || drop(a2)).join().unwrap();
    assert_eq!(a.header().ref_shared_word() & 3, 2, "QUEUED");
    process_queued_merges();
    assert_eq!(a.header().owner_tid(), 0, "merged");
    assert_eq!(a.header().ref_shared_word(), (1 << 2) | 3);
    assert_eq!(FREED.load(Relaxed), 0);
    drop(a);
    assert_eq!(FREED.load(Relaxed), 1);
}

#[test]
fn objects_outlive_their_exited_owner() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let (a, b) = std::thread::spawn(|| {
        let a = new_node(None, &FREED);
        let b = new_node(Some(a.clone()), &FREED);
        let _dead = new_node(None, &FREED); // freed at once
        (a, b)
    })
    .join()
    .unwrap();
    assert_eq!(FREED.load(Relaxed), 1);
    assert_eq!(a.header().owner_tid(), 0);
    assert_eq!(a.header().ref_shared_word(), (2 << 2) | 3);
    let a2: ObjRef = a.clone();
    drop(a);
    drop(b);
    assert_eq!(FREED.load(Relaxed), 2);
    drop(a2);
    assert_eq!(FREED.load(Relaxed), 3);
}

#[test]
fn attach_detach_and_reattach() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    std::thread::spawn(|| {
        assert!(!skein_gc::is_attached());
        process_queued_merges(); // no-op when unattached
        let outer = attach_thread();
        assert!(skein_gc::is_attached());
        let tid = outer.tid().expect("attached");
        assert_eq!(outer.thread_state().unwrap().tid, tid);
        // A nested attachment does not detach on drop.
        drop(attach_thread());
        assert!(skein_gc::is_attached());
        let kept = new_node(None, &FREED);
        assert_eq!(kept.header().owner_tid(), tid);
        drop(outer); // exit protocol: `kept` is merged, not freed
        assert!(!skein_gc::is_attached());
        assert_eq!(kept.header().owner_tid(), 0);
        assert_eq!(FREED.load(Relaxed), 0);
        // Allocating again attaches lazily, with a fresh registration.
        let again = new_node(None, &FREED);
        assert!(skein_gc::is_attached());
        assert_ne!(again.header().owner_tid(), 0);
        assert!(again.is_uniquely_referenced());
        drop(kept); // merged: freed through the shared path
        drop(again);
        assert_eq!(FREED.load(Relaxed), 2);
    })
    .join()
    .unwrap();
}

#[test]
fn immortal_objects_are_never_freed() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let a = new_node(None, &FREED);
    a.make_immortal();
    assert!(a.header().is_immortal());
    let clones: Vec<ObjRef> = (0..10).map(|_| a.clone()).collect();
    let other = std::thread::spawn(move || {
        let b = clones[0].clone();
        drop(clones);
        b
    })
    .join()
    .unwrap();
    drop(other);
    assert!(!a.is_uniquely_referenced());
    let p = a.as_ptr();
    drop(a);
    assert_eq!(FREED.load(Relaxed), 0);
    // SAFETY: immortal objects are never freed.
    let again = unsafe { ObjRef::clone_from_raw(p) };
    assert!(again.header().is_immortal());
    assert_eq!(again.header().ref_local(), u32::MAX);
}

#[test]
fn static_immortal_objects() {
    static STATIC_OBJ: skein_gc::ObjHeader = skein_gc::ObjHeader::new_static_immortal(&common::NODE_TYPE);
    let r = ObjRef::from_static(&STATIC_OBJ);
    let r2 = r.clone();
    assert!(ObjRef::ptr_eq(&r, &r2));
    assert!(std::ptr::eq(r.header().type_info(), &common::NODE_TYPE));
    drop((r, r2));
    assert!(STATIC_OBJ.is_immortal());
}

#[test]
fn uniquely_referenced_only_for_the_owner() {
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let a = new_node(None, &FREED);
    assert!(a.is_uniquely_referenced());
    let a = std::thread::spawn(move || {
        assert!(!a.is_uniquely_referenced(), "not the owner");
        a
    })
    .join()
    .unwrap();
    assert!(a.is_uniquely_referenced());
    a.set_maybe_weakref();
    assert!(!a.is_uniquely_referenced(), "weakref flag set");
    drop(a);
    assert_eq!(FREED.load(Relaxed), 1);
}
