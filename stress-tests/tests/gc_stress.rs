//! The cycle collector under threads.
//!
//! Rust level: attached worker threads build rings of containers, keep
//! some alive (and check them: nothing reachable is ever freed), hand nodes
//! to each other (so decrements are queued to owners that never merged
//! them), and stop at safepoints, where they also run the automatic
//! collections their allocations trigger (one thread adds explicit ones).
//! At the end every object was freed exactly once.
//!
//! Python level: threads build and drop cycles (rings, self-referencing
//! containers, generators, closures, bound methods) while automatic and
//! explicit collections run, free-threaded and with `--gil`, with exact
//! results (`common::check_both_modes`).
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

use skein_gc::{alloc_object, collect, NoHooks, ObjHeader, ObjRef, TypeInfo, BREAKER_GC_COLLECT};
use skein_threading::registry::{ThreadState, BREAKER_BRC_MERGE, BREAKER_STOP_THE_WORLD};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{mpsc, Mutex};

const ALIVE: u64 = 0xA11C_E0B7_A11C_E0B7;
const DEAD: u64 = 0xDEAD_DEAD_DEAD_DEAD;

/// Collections finished by the collector thread (workers keep going until
/// enough ran while they work).
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static FREED: AtomicUsize = AtomicUsize::new(0);
const CAPACITY: usize = 1_000_000;
static FREED_BITS: Mutex<Vec<bool>> = Mutex::new(Vec::new());

/// A container node: an id, a magic word, and its children.
#[repr(C)]
struct Node {
    header: ObjHeader,
    magic: u64,
    id: usize,
    children: Mutex<Vec<ObjRef>>,
}

unsafe fn node_dealloc(p: NonNull<ObjHeader>) {
    let n = p.cast::<Node>().as_ptr();
    // SAFETY: a dead (or collected) Node, dropped once.
    unsafe {
        assert_eq!((*n).magic, ALIVE, "node freed twice or corrupted");
        (*n).magic = DEAD;
        let mut bits = FREED_BITS.lock().unwrap();
        assert!(!bits[(*n).id], "node {} freed twice", (*n).id);
        bits[(*n).id] = true;
        drop(bits);
        FREED.fetch_add(1, Relaxed);
        std::ptr::drop_in_place(&raw mut (*n).children);
    }
}

unsafe fn node_traverse(p: NonNull<ObjHeader>, visit: &mut dyn FnMut(NonNull<ObjHeader>)) {
    // SAFETY: a live Node.
    let n = unsafe { &*p.cast::<Node>().as_ptr() };
    assert_eq!(n.magic, ALIVE, "traversed a freed node");
    for c in n.children.lock().unwrap().iter() {
        visit(c.as_ptr());
    }
}

static NODE: TypeInfo = TypeInfo { dealloc: node_dealloc, traverse: Some(node_traverse), finalize: None };

fn node() -> ObjRef {
    let id = ALLOCATED.fetch_add(1, Relaxed);
    assert!(id < CAPACITY);
    // SAFETY: a static type record, valid for the whole process.
    let p = unsafe { alloc_object(size_of::<Node>(), align_of::<Node>(), &NODE) };
    // SAFETY: fresh block sized for Node; header written by alloc_object.
    unsafe {
        let n = p.cast::<Node>().as_ptr();
        (&raw mut (*n).magic).write(ALIVE);
        (&raw mut (*n).id).write(id);
        (&raw mut (*n).children).write(Mutex::new(Vec::new()));
        ObjRef::from_raw(p)
    }
}

fn node_ref(r: &ObjRef) -> &Node {
    // SAFETY: every ObjRef in this test is a Node, alive while held.
    let n = unsafe { &*r.as_ptr().cast::<Node>().as_ptr() };
    assert_eq!(n.magic, ALIVE, "a reachable node was freed");
    n
}

fn link(from: &ObjRef, to: &ObjRef) {
    node_ref(from).children.lock().unwrap().push(to.clone());
}

fn ring(n: usize) -> ObjRef {
    let first = node();
    let mut last = first.clone();
    for _ in 1..n {
        let next = node();
        link(&last, &next);
        link(&next, &last); // doubly linked
        last = next;
    }
    link(&last, &first);
    first
}

/// Visits every node reachable from `start`, checking each is alive;
/// returns how many there are.
fn ring_len(start: &ObjRef) -> usize {
    let mut seen = vec![start.as_ptr()];
    let mut stack = vec![start.clone()];
    while let Some(r) = stack.pop() {
        for c in node_ref(&r).children.lock().unwrap().iter() {
            if !seen.contains(&c.as_ptr()) {
                seen.push(c.as_ptr());
                stack.push(c.clone());
            }
        }
    }
    seen.len()
}

/// A safepoint: merge queued decrements, stop for a stop-the-world, and
/// run the automatic collection the allocation counter asked for (as the
/// VM's eval breaker does).
fn service(ts: &ThreadState) {
    let bits = ts.breaker_bits();
    if bits & BREAKER_BRC_MERGE != 0 {
        skein_gc::process_queued_merges();
    }
    if bits & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
    if bits & BREAKER_GC_COLLECT != 0 {
        ts.clear(BREAKER_GC_COLLECT);
        if skein_gc::trigger::should_collect() {
            // None: another thread is collecting.
            if let Some(c) = collect(&mut NoHooks) {
                assert_eq!(c.stats.over_reported, 0);
            }
        }
    }
}

#[test]
fn workers_and_a_collector_free_every_cycle_exactly_once() {
    *FREED_BITS.lock().unwrap() = vec![false; CAPACITY];
    const WORKERS: usize = 8;
    const ROUNDS: usize = 3000;
    let before = skein_gc::collect::collections();
    let mut senders = Vec::new();
    let mut receivers = Vec::new();
    for _ in 0..WORKERS {
        let (tx, rx) = mpsc::channel::<ObjRef>();
        senders.push(tx);
        receivers.push(rx);
    }
    let mut workers = Vec::new();
    for (k, rx) in receivers.into_iter().enumerate() {
        let next = senders[(k + 1) % WORKERS].clone();
        workers.push(std::thread::spawn(move || {
            let attachment = skein_gc::attach_thread();
            let ts = attachment.thread_state().unwrap();
            ts.attach();
            let mut kept: Vec<ObjRef> = Vec::new();
            for r in 0..ROUNDS {
                let head = ring(3 + r % 7);
                assert_eq!(ring_len(&head), 3 + r % 7);
                if r % 5 == 0 {
                    // Hand a ring member to the neighbour, who drops it:
                    // a non-owner decrement, queued to us.
                    let _ = next.send(node_ref(&head).children.lock().unwrap()[0].clone());
                }
                if r % 11 == 0 {
                    kept.push(head.clone());
                }
                if kept.len() > 20 {
                    let old = kept.remove(0);
                    assert!(ring_len(&old) >= 3);
                }
                drop(head);
                while let Ok(x) = rx.try_recv() {
                    assert!(ring_len(&x) >= 3);
                }
                for h in &kept {
                    node_ref(h);
                }
                if k == 0 && r % 300 == 0 {
                    // Explicit collections too, beside the automatic ones
                    // (retried while another thread's collection runs).
                    loop {
                        if let Some(c) = collect(&mut NoHooks) {
                            assert_eq!(c.stats.over_reported, 0);
                            break;
                        }
                        service(&ts);
                        std::thread::yield_now();
                    }
                }
                service(&ts);
            }
            drop(next);
            for h in &kept {
                assert!(ring_len(h) >= 3);
            }
            drop(kept);
            // The exit protocol runs attached (as the VM's threads do), so
            // a collection waits for it.
            drop(attachment);
            drop(rx);
        }));
    }
    drop(senders);
    for w in workers {
        w.join().unwrap();
    }
    let runs = skein_gc::collect::collections() - before;
    assert!(runs >= 10, "only {runs} collections ran");
    // Everything left is cyclic garbage of exited threads (merged).
    collect(&mut NoHooks).unwrap();
    assert_eq!(FREED.load(Relaxed), ALLOCATED.load(Relaxed), "cycles leaked");
}

/// Twelve threads build rings with back references, self-referencing
/// lists and dicts, generators and closures that hold themselves, and
/// bound-method cycles; some call gc.collect(), all allocate enough for
/// automatic collections; results are exact and nothing is left.
#[test]
fn python_threads_drop_cycles_while_collections_run() {
    check_both_modes(
        "gc_threads_drop_cycles",
        r#"
import gc, threading
N, R = 12, 300
class Node:
    def __init__(self, v):
        self.v = v
        self.me = self.hello
    def hello(self):
        return self.v
def ring(n, seed):
    first = Node(seed); last = first
    for i in range(1, n):
        nd = Node((seed * 7 + i) % 13); nd.prev = last; last.next = nd; last = nd
    last.next = first; first.prev = last
    return first
def total(first):
    t = first.v; nd = first.next
    while nd is not first:
        t += nd.me(); nd = nd.next
    return t
def gen(x):
    me = yield x
    yield me
def closure(v):
    def f():
        return f, v
    return f
kept = []
lock = threading.Lock()
results = [None] * N
barrier = threading.Barrier(N)
def work(k):
    barrier.wait()
    acc = 0
    for r in range(R):
        h = ring(10, k * R + r)
        acc += total(h)
        l = [h]; l.append(l)
        d = {"d": None}; d["d"] = d; d["h"] = h
        g = gen(h); next(g); g.send(g)
        f = closure(h)
        acc += f()[1].v
        if r % 60 == 0:
            with lock:
                kept.append(h)
        if k % 4 == 0 and r % 75 == 0:
            gc.collect()
    results[k] = acc
ts = [threading.Thread(target=work, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
exp = []
for k in range(N):
    acc = 0
    for r in range(R):
        h = ring(10, k * R + r)
        acc += total(h) + h.v
    exp.append(acc)
del h
print(results == exp, len(kept), all(total(h) >= 0 for h in kept))
kept.clear()
gc.collect()
print(sum(1 for o in gc.get_objects() if type(o) is Node))
"#,
        "True 60 True\n0\n",
    );
}

/// One thread collects and inspects the heap (get_objects, get_referrers,
/// get_referents) in a loop while eight threads mutate shared containers
/// that hold cycles.
#[test]
fn python_heap_inspection_while_threads_mutate() {
    check_both_modes(
        "gc_inspection_while_mutating",
        r#"
import gc, threading
N, R = 8, 400
class Box:
    pass
shared_list = []
shared_dict = {}
stop = False
def inspector():
    n = 0
    while not stop:
        gc.collect()
        objs = gc.get_objects()
        if shared_list:
            gc.get_referrers(shared_list[-1] if shared_list else None)
        for o in objs[:50]:
            gc.get_referents(o)
        n += 1
    return n
def work(k):
    for r in range(R):
        b = Box(); b.self = b; b.k = k; b.r = r
        shared_list.append(b)
        shared_dict[(k, r)] = b
        if len(shared_list) > 50:
            shared_list.pop(0)
        if r % 3 == 0:
            shared_dict.pop((k, r - 3), None)
t0 = threading.Thread(target=inspector)
t0.start()
ts = [threading.Thread(target=work, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
stop = True
t0.join()
print(len(shared_list) <= 50 + N, all(b.self is b for b in shared_dict.values()))
print(len(shared_dict), sorted(set(k for k, r in shared_dict)) == list(range(N)))
shared_list.clear(); shared_dict.clear()
gc.collect()
print(sum(1 for o in gc.get_objects() if type(o) is Box))
"#,
        "True True\n2136 True\n0\n",
    );
}
