//! The cycle collector on synthetic containers: cycles are freed exactly
//! once, reachable objects are kept, references held (and queued) by other
//! threads count, frozen objects are roots.
//!
//! Tests take `SERIAL`: a collection stops the world and walks every heap,
//! and test threads that touch objects are not attached (they never reach a
//! safepoint), so two tests must not run at once.
#![cfg(not(loom))]

use skein_gc::{alloc_object, collect, GcHooks, NoHooks, ObjHeader, ObjRef, TypeInfo};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex, MutexGuard};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A container: any number of children, and a counter bumped when freed.
#[repr(C)]
struct GNode {
    header: ObjHeader,
    children: Mutex<Vec<ObjRef>>,
    freed: &'static AtomicUsize,
}

unsafe fn gnode_dealloc(p: NonNull<ObjHeader>) {
    let n = p.cast::<GNode>().as_ptr();
    // SAFETY: a dead (or collected) GNode, dropped once.
    unsafe {
        (*n).freed.fetch_add(1, Ordering::Relaxed);
        std::ptr::drop_in_place(&raw mut (*n).children);
    }
}

unsafe fn gnode_traverse(p: NonNull<ObjHeader>, visit: &mut dyn FnMut(NonNull<ObjHeader>)) {
    // SAFETY: a live GNode.
    let n = unsafe { &*p.cast::<GNode>().as_ptr() };
    for c in n.children.lock().unwrap().iter() {
        visit(c.as_ptr());
    }
}

static GNODE: TypeInfo = TypeInfo { dealloc: gnode_dealloc, traverse: Some(gnode_traverse), finalize: None };
/// Same layout, but not a container (the collector never looks inside).
static OPAQUE: TypeInfo = TypeInfo { dealloc: gnode_dealloc, traverse: None, finalize: None };

fn node_of(ty: &'static TypeInfo, freed: &'static AtomicUsize) -> ObjRef {
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<GNode>(), align_of::<GNode>(), ty) };
    // SAFETY: fresh block sized for GNode; header written by alloc_object.
    unsafe {
        let n = p.cast::<GNode>().as_ptr();
        (&raw mut (*n).children).write(Mutex::new(Vec::new()));
        (&raw mut (*n).freed).write(freed);
        ObjRef::from_raw(p)
    }
}

fn node(freed: &'static AtomicUsize) -> ObjRef {
    node_of(&GNODE, freed)
}

fn link(from: &ObjRef, to: &ObjRef) {
    // SAFETY: `from` is a live GNode.
    let n = unsafe { &*from.as_ptr().cast::<GNode>().as_ptr() };
    n.children.lock().unwrap().push(to.clone());
}

fn ring(n: usize, freed: &'static AtomicUsize) -> Vec<ObjRef> {
    let nodes: Vec<ObjRef> = (0..n).map(|_| node(freed)).collect();
    for i in 0..n {
        link(&nodes[i], &nodes[(i + 1) % n]);
    }
    nodes
}

fn run() -> skein_gc::CollectStats {
    collect(&mut NoHooks).expect("no other collection runs").stats
}

#[test]
fn a_dropped_cycle_is_freed_once() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    drop(ring(2, &FREED));
    let self_loop = node(&FREED);
    link(&self_loop, &self_loop);
    drop(self_loop);
    assert_eq!(FREED.load(Ordering::Relaxed), 0, "cycles leak without the collector");
    let stats = run();
    assert_eq!(FREED.load(Ordering::Relaxed), 3);
    assert!(stats.unreachable >= 3);
    assert_eq!(stats.over_reported, 0);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 3, "freed exactly once");
}

#[test]
fn a_cycle_referenced_from_outside_is_kept() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let nodes = ring(5, &FREED);
    let held = nodes[3].clone();
    drop(nodes);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    // Held through a non-container: that reference is external too.
    static OPAQUE_FREED: AtomicUsize = AtomicUsize::new(0);
    let holder = node_of(&OPAQUE, &OPAQUE_FREED);
    link(&holder, &held);
    drop(held);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    drop(holder);
    assert_eq!(OPAQUE_FREED.load(Ordering::Relaxed), 1);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 5);
}

#[test]
fn garbage_hanging_off_a_cycle_and_leaves_are_freed() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    static LEAF_FREED: AtomicUsize = AtomicUsize::new(0);
    let nodes = ring(3, &FREED);
    // A tree below the cycle (containers without cycles of their own) and
    // a non-container leaf: freed by the cycle's payload drops.
    let tree = node(&FREED);
    link(&tree, &node(&FREED));
    link(&tree, &node_of(&OPAQUE, &LEAF_FREED));
    link(&nodes[0], &tree);
    drop(tree);
    drop(nodes);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 5);
    assert_eq!(LEAF_FREED.load(Ordering::Relaxed), 1);
}

#[test]
fn a_long_cycle_is_freed_without_deep_recursion() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    const N: usize = 200_000;
    // Built as a chain then closed, so the marking and the frees would
    // recurse N deep if they recursed at all.
    drop(ring(N, &FREED));
    let stats = std::thread::Builder::new().stack_size(256 << 10).spawn(run).unwrap().join().unwrap();
    assert_eq!(FREED.load(Ordering::Relaxed), N);
    assert!(stats.unreachable >= N);
}

#[test]
fn references_held_by_another_thread_keep_objects_alive() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let (to_main, from_other) = mpsc::channel::<()>();
    let (to_other, from_main) = mpsc::channel::<()>();
    // The other thread owns the cycle (its counts are in the owner-only
    // local words) and keeps one reference while main collects.
    let other = std::thread::spawn(move || {
        let nodes = ring(4, &FREED);
        let keep = nodes[2].clone();
        drop(nodes);
        to_main.send(()).unwrap();
        from_main.recv().unwrap();
        drop(keep);
        to_main.send(()).unwrap();
        from_main.recv().unwrap();
    });
    from_other.recv().unwrap();
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 0, "held by the other thread");
    to_other.send(()).unwrap();
    from_other.recv().unwrap();
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 4, "the other thread's objects are collected too");
    to_other.send(()).unwrap();
    other.join().unwrap();
}

#[test]
fn queued_decrements_are_merged_before_counting() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let (to_main, from_other) = mpsc::channel::<ObjRef>();
    let (to_other, from_main) = mpsc::channel::<()>();
    let other = std::thread::spawn(move || {
        let nodes = ring(2, &FREED);
        let r = nodes[0].clone();
        drop(nodes);
        to_main.send(r).unwrap();
        // Never reaches a safepoint: whatever is queued to it stays queued.
        from_main.recv().unwrap();
    });
    let r = from_other.recv().unwrap();
    // A non-owner drops the reference the owner counted locally: the
    // object is QUEUED to the other thread, and its local count still
    // includes this reference. Unmerged, the cycle would look referenced
    // from outside.
    drop(r);
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 2);
    to_other.send(()).unwrap();
    other.join().unwrap();
}

#[test]
fn garbage_another_thread_owns_is_freed_without_queueing_to_it() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let (to_main, from_other) = mpsc::channel::<usize>();
    let (to_other, from_main) = mpsc::channel::<()>();
    let other = std::thread::spawn(move || {
        drop(ring(4, &FREED));
        to_main.send(skein_threading::registry::current_tid()).unwrap();
        // Never reaches a safepoint while main collects.
        from_main.recv().unwrap();
    });
    let tid = from_other.recv().unwrap();
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 4);
    // The collector gave the garbage up for its owner in the pause, so
    // tearing it down here never queued a reference to the other thread
    // (which, parked in recv, would have kept those objects allocated).
    let owner = skein_threading::registry::lookup(tid).expect("the other thread is registered");
    assert!(owner.brc_inbox.is_empty(), "garbage teardown queued references to its owner");
    to_other.send(()).unwrap();
    other.join().unwrap();
}

#[test]
fn frozen_objects_are_roots() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let nodes = ring(3, &FREED);
    // Freeze the middle one: the cycle stays.
    nodes[1].header().gc_bits().fetch_or(skein_gc::GC_BIT_FROZEN, Ordering::Relaxed);
    drop(nodes);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    // Unfreezing every object (what `gc.unfreeze` does) makes it collectable.
    skein_gc::collect::unfreeze_all();
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 3);
}

struct Saver;
impl GcHooks for Saver {
    fn keep_garbage(&self) -> bool {
        true
    }
}

/// A finalizer that resurrects the first garbage object it sees by storing
/// it in `RESURRECT`.
struct Resurrector;
static RESURRECT: Mutex<Option<ObjRef>> = Mutex::new(None);
impl GcHooks for Resurrector {
    fn finalize(&mut self, garbage: &[ObjRef]) -> bool {
        *RESURRECT.lock().unwrap() = Some(garbage[0].clone());
        true
    }
}

#[test]
fn kept_garbage_is_returned_alive() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    drop(ring(3, &FREED));
    let kept = collect(&mut Saver).unwrap().kept;
    assert!(kept.len() >= 3);
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    drop(kept);
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 3);
}

#[test]
fn resurrected_objects_and_what_they_reach_survive() {
    let _s = serial();
    // Nothing else may be garbage here: the hook resurrects garbage[0].
    run();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    drop(ring(4, &FREED));
    let c = collect(&mut Resurrector).unwrap();
    assert_eq!(c.stats.resurrected, 4, "the whole ring is reachable from the resurrected node");
    assert_eq!(c.stats.unreachable, 0);
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    RESURRECT.lock().unwrap().take();
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 4);
}

#[test]
fn automatic_trigger_asks_the_allocating_thread() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let attachment = skein_gc::attach_thread();
    let ts = attachment.thread_state().unwrap();
    ts.clear(skein_gc::BREAKER_GC_COLLECT);
    run(); // count back to 0
    let keep: Vec<ObjRef> = (0..3000).map(|_| node(&FREED)).collect();
    assert!(skein_gc::trigger::young_count() >= 2000);
    assert!(ts.breaker_bits() & skein_gc::BREAKER_GC_COLLECT != 0);
    ts.clear(skein_gc::BREAKER_GC_COLLECT);
    skein_gc::trigger::set_enabled(false);
    let more: Vec<ObjRef> = (0..3000).map(|_| node(&FREED)).collect();
    assert!(ts.breaker_bits() & skein_gc::BREAKER_GC_COLLECT == 0, "disabled");
    skein_gc::trigger::set_enabled(true);
    drop((keep, more));
    drop(attachment);
}

fn run_young() -> skein_gc::CollectStats {
    skein_gc::collect_generation(&mut NoHooks, skein_gc::Generation::Young).expect("no other collection runs").stats
}

#[test]
fn a_young_collection_frees_young_cycles_and_nothing_old() {
    let _s = serial();
    static OLD_FREED: AtomicUsize = AtomicUsize::new(0);
    static YOUNG_FREED: AtomicUsize = AtomicUsize::new(0);
    // Promote a cycle (alive during this collection), then drop it: only a
    // full collection may find it now.
    let old = ring(3, &OLD_FREED);
    let stats = run_young();
    assert_eq!(stats.generation, skein_gc::Generation::Young);
    drop(old);
    drop(ring(4, &YOUNG_FREED));
    let stats = run_young();
    assert_eq!(YOUNG_FREED.load(Ordering::Relaxed), 4, "young cycle freed");
    assert_eq!(OLD_FREED.load(Ordering::Relaxed), 0, "old cycle not examined");
    assert!(stats.candidates < 100, "young collection examined {} objects", stats.candidates);
    assert_eq!(stats.over_reported, 0);
    run();
    assert_eq!(OLD_FREED.load(Ordering::Relaxed), 3, "full collection frees the old cycle");
    assert_eq!(YOUNG_FREED.load(Ordering::Relaxed), 4, "freed exactly once");
}

#[test]
fn young_objects_referenced_from_old_ones_survive() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    let old = node(&FREED);
    run_young();
    // Young ring reachable only through the old node (a reference the young
    // collection does not see, so it counts as external).
    let young = ring(3, &FREED);
    link(&old, &young[0]);
    drop(young);
    run_young();
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    drop(old);
    assert_eq!(FREED.load(Ordering::Relaxed), 1, "the old node dies by counting");
    run_young();
    assert_eq!(FREED.load(Ordering::Relaxed), 1, "the ring is old now");
    run();
    assert_eq!(FREED.load(Ordering::Relaxed), 4);
}

#[test]
fn young_objects_dying_on_other_threads_become_zombies_then_go() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    // Allocated here (young, in this thread's list); another thread takes
    // shared references, this thread drops its own (giving up ownership),
    // and the other thread's drops are the last: the blocks stay zombies
    // until a collection frees them.
    let nodes: Vec<ObjRef> = (0..1000).map(|_| node(&FREED)).collect();
    let shared: Vec<ObjRef> =
        std::thread::scope(|s| s.spawn(|| nodes.iter().map(ObjRef::clone).collect()).join().unwrap());
    let young = skein_gc::collect::tracked_objects_of(Some(skein_gc::Generation::Young));
    let before = young.len();
    assert!(before >= 1000, "young objects listed: {before}");
    drop(young);
    drop(nodes);
    assert_eq!(FREED.load(Ordering::Relaxed), 0);
    let t = std::thread::spawn(move || drop(shared));
    t.join().unwrap();
    assert_eq!(FREED.load(Ordering::Relaxed), 1000, "payloads dropped at once");
    let young = skein_gc::collect::tracked_objects_of(Some(skein_gc::Generation::Young));
    assert!(young.len() + 1000 <= before, "zombies are not objects: {} of {before}", young.len());
    drop(young);
    run_young();
    run_young();
    assert_eq!(FREED.load(Ordering::Relaxed), 1000, "each payload once");
}

#[test]
fn the_owner_compacts_its_list_of_zombies() {
    let _s = serial();
    static FREED: AtomicUsize = AtomicUsize::new(0);
    // More young allocations than a list holds before compacting, every
    // one of which dies on another thread: the list must not grow with
    // them (their blocks are freed by compaction, without a collection).
    for _ in 0..4 {
        let batch: Vec<ObjRef> = (0..10_000).map(|_| node(&FREED)).collect();
        let t = std::thread::spawn(move || drop(batch));
        t.join().unwrap();
        process_merges_here();
    }
    let young = skein_gc::collect::tracked_objects_of(Some(skein_gc::Generation::Young));
    assert_eq!(young.len(), 0, "no live young object left");
    assert_eq!(FREED.load(Ordering::Relaxed), 40_000);
}

fn process_merges_here() {
    skein_gc::process_queued_merges();
}
