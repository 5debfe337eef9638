//! Loom models: quiescent-state-based reclamation (`qsbr.rs`).
//!
//! A "container" is an `AtomicPtr` to a node whose payload is a loom
//! `UnsafeCell`. Readers load the pointer without a lock and read the
//! payload; the writer swaps in a new node and defers freeing the old one.
//! The deferred free *writes* the old payload (`with_mut`) before releasing
//! the box, so loom reports any reader access that the protocol failed to
//! order before the free. Each model also checks that the free does run.
#![cfg(loom)]

use skein_threading::qsbr::{defer, process, quiescent_state, BREAKER_QSBR};
use skein_threading::registry::{register_current_thread, unregister_current_thread, ThreadState};
use skein_threading::sync::{spawn, yield_now, Arc, AtomicBool, AtomicPtr, Ordering, UnsafeCell};

struct Node(UnsafeCell<usize>);

struct Retired {
    node: Box<Node>,
    freed: Arc<AtomicBool>,
}

/// # Safety
/// `arg` is a `Box<Retired>` from `retire`, run once.
unsafe fn free_node(arg: *mut ()) {
    // SAFETY: the caller passes the pointer `Box::into_raw` made in `retire`.
    let r = unsafe { Box::from_raw(arg as *mut Retired) };
    // SAFETY: the grace period is over: no reader may still access the node.
    // If one could, loom reports this write as racing with its read.
    r.node.0.with_mut(|p| unsafe { *p = usize::MAX });
    r.freed.store(true, Ordering::Release);
}

fn retire(node: *mut Node, freed: &Arc<AtomicBool>) {
    // SAFETY: `node` came from `Box::into_raw` and was just unpublished.
    let node = unsafe { Box::from_raw(node) };
    let arg = Box::into_raw(Box::new(Retired { node, freed: freed.clone() })) as *mut ();
    // SAFETY: `free_node` may run on any thread, once; `arg` is owned by it.
    unsafe { defer(free_node, arg, 16) };
}

fn read(container: &AtomicPtr<Node>) -> usize {
    let p = container.load(Ordering::Acquire);
    // SAFETY: `p` is a live node or one whose free waits for our quiescent
    // state -- the property under test.
    unsafe { (*p).0.with(|v| *v) }
}

fn new_node(v: usize) -> *mut Node {
    Box::into_raw(Box::new(Node(UnsafeCell::new(v))))
}

fn leave(ts: &ThreadState) {
    if ts.status() == skein_threading::ThreadStatus::Attached {
        ts.detach();
    }
    ts.brc_inbox.close();
    unregister_current_thread();
}

/// The writer processes until its deferred free has run.
fn process_until_freed(ts: &ThreadState, freed: &AtomicBool) {
    while !freed.load(Ordering::Acquire) {
        process(ts);
        yield_now();
    }
}

fn drop_node(container: &AtomicPtr<Node>) {
    let p = container.swap(std::ptr::null_mut(), Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: every other thread is gone; `p` came from `new_node`.
        drop(unsafe { Box::from_raw(p) });
    }
}

/// An attached reader reads once, answers a quiescent-state request at some
/// point, reads again, and detaches; the writer replaces the node and
/// waits for its free.
#[test]
fn online_reader_delays_free() {
    loom::model(|| {
        let container = Arc::new(AtomicPtr::new(new_node(1)));
        let freed = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(AtomicBool::new(false));
        let c = container.clone();
        let r = ready.clone();
        let f = freed.clone();
        let reader = spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            r.store(true, Ordering::Release);
            let a = read(&c);
            assert!(a == 1 || a == 2);
            if ts.breaker_bits() & BREAKER_QSBR != 0 {
                process(&ts);
            }
            let b = read(&c);
            assert!(b >= a && b <= 2);
            // Stay registered while offline until the free has run: a
            // scanner that sees this thread offline may free at once, and
            // only the Release store of OFFLINE in `detach` orders the reads
            // above before that free (unregistering would add the registry
            // lock's ordering and hide a missing Release).
            ts.detach();
            while !f.load(Ordering::Acquire) {
                yield_now();
            }
            leave(&ts);
        });
        let ts = register_current_thread();
        ts.attach();
        while !ready.load(Ordering::Acquire) {
            yield_now();
        }
        let old = container.swap(new_node(2), Ordering::AcqRel);
        retire(old, &freed);
        process_until_freed(&ts, &freed);
        reader.join().unwrap();
        leave(&ts);
        drop_node(&container);
    });
}

/// The reader is detached while the writer retires the node and attaches
/// at any point: if the writer's scan sees it offline and frees at once,
/// the reader's loads after attaching must see the new node (the Dekker
/// handshake between `on_attach` and `scan`).
#[test]
fn late_attach_sees_removal() {
    loom::model(|| {
        let container = Arc::new(AtomicPtr::new(new_node(1)));
        let freed = Arc::new(AtomicBool::new(false));
        let ts_reader = Arc::new(AtomicBool::new(false));
        let c = container.clone();
        let registered = ts_reader.clone();
        let reader = spawn(move || {
            let ts = register_current_thread();
            registered.store(true, Ordering::Release);
            ts.attach();
            let v = read(&c);
            assert!(v == 1 || v == 2);
            leave(&ts);
        });
        let ts = register_current_thread();
        ts.attach();
        // Let the reader register first, so that the writer's scans know of
        // it (threads that register later start offline anyway).
        while !ts_reader.load(Ordering::Acquire) {
            yield_now();
        }
        let old = container.swap(new_node(2), Ordering::AcqRel);
        retire(old, &freed);
        process_until_freed(&ts, &freed);
        reader.join().unwrap();
        leave(&ts);
        drop_node(&container);
    });
}

/// A reader that records a quiescent state (without detaching) between two
/// reads: after it, the old node may be freed while the reader is still
/// online, and the second read must not see it.
#[test]
fn quiescent_state_orders_later_reads() {
    loom::model(|| {
        let container = Arc::new(AtomicPtr::new(new_node(1)));
        let freed = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(AtomicBool::new(false));
        let c = container.clone();
        let r = ready.clone();
        let reader = spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            r.store(true, Ordering::Release);
            let a = read(&c);
            quiescent_state(&ts);
            let b = read(&c);
            assert!(b >= a);
            leave(&ts);
        });
        let ts = register_current_thread();
        ts.attach();
        while !ready.load(Ordering::Acquire) {
            yield_now();
        }
        let old = container.swap(new_node(2), Ordering::AcqRel);
        retire(old, &freed);
        process_until_freed(&ts, &freed);
        reader.join().unwrap();
        leave(&ts);
        drop_node(&container);
    });
}

/// The writer exits with its free still pending while a reader may be
/// online; the orphaned batch is run by a third thread's `process` only
/// once the reader has passed its goal or detached.
#[test]
fn exiting_writer_orphans_its_work() {
    loom::model(|| {
        let container = Arc::new(AtomicPtr::new(new_node(1)));
        let freed = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(AtomicBool::new(false));
        let c = container.clone();
        let r = ready.clone();
        let reader = spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            r.store(true, Ordering::Release);
            let v = read(&c);
            assert!(v == 1 || v == 2);
            leave(&ts);
        });
        let c = container.clone();
        let f = freed.clone();
        let writer = spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            while !ready.load(Ordering::Acquire) {
                yield_now();
            }
            let old = c.swap(new_node(2), Ordering::AcqRel);
            retire(old, &f);
            leave(&ts);
            // The thread-local queue is orphaned when this thread exits.
        });
        writer.join().unwrap();
        let ts = register_current_thread();
        ts.attach();
        process_until_freed(&ts, &freed);
        reader.join().unwrap();
        leave(&ts);
        drop_node(&container);
    });
}
