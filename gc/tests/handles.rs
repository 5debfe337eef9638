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
