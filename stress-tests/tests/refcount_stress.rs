//! Stress tests of biased reference counting on real threads: many threads
//! cloning and dropping shared handles, owners exiting while others hold
//! references, objects handed between threads (the queue path), deep chains
//! freed by non-owners. Every test ends by proving that each object was
//! freed exactly once (see `skein_stress_tests::Tracker`).
//!
//! Sized to run in a few seconds each in the dev profile on two cores.
#![cfg(not(loom))]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use skein_gc::{process_queued_merges, ObjRef};
use skein_stress_tests::{check_alive, child, Rng, Tracker};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

/// Each thread allocates objects onto a shared board, then every thread
/// clones and drops random board entries (its own: the owner's local path;
/// others': atomic shared path) and exits after a different number of
/// operations, so owners exit while others still hold their objects.
fn hammer_shared_board(threads: usize, per_thread: usize, ops: usize) -> &'static Tracker {
    let tracker = Tracker::new(threads * per_thread);
    let board = Arc::new(Mutex::new(Vec::new()));
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let board = board.clone();
            let barrier = barrier.clone();
            thread::spawn(move || {
                let mine: Vec<ObjRef> = (0..per_thread).map(|_| tracker.node(None)).collect();
                board.lock().unwrap().extend(mine.iter().cloned());
                barrier.wait();
                let snapshot: Vec<ObjRef> = board.lock().unwrap().clone();
                drop(mine);
                let mut rng = Rng::new(t as u64 + 1);
                let mut ring: Vec<ObjRef> = Vec::with_capacity(8);
                // Staggered: thread t runs (t + 1) / threads of the ops.
                let my_ops = ops * (t + 1) / threads;
                for i in 0..my_ops {
                    let r = snapshot[rng.below(snapshot.len())].clone();
                    if i % 64 == 0 {
                        check_alive(&r);
                    }
                    if ring.len() == 8 {
                        ring.swap_remove(rng.below(8));
                    }
                    ring.push(r);
                    if i % 4096 == 0 {
                        process_queued_merges();
                    }
                }
                // Leave some references behind for the survivors.
                board.lock().unwrap().extend(ring);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(tracker.freed(), 0, "the board still holds every object");
    board.lock().unwrap().clear();
    tracker
}

#[test]
fn sixteen_threads_clone_and_drop_shared_handles() {
    // 16 threads x ~210k clone+drop pairs on average = ~3.4M pairs.
    hammer_shared_board(16, 32, 400_000).assert_all_freed();
}

#[test]
fn sixty_four_threads_with_staggered_exits() {
    // 64 threads x ~50k pairs on average = ~3.2M pairs.
    hammer_shared_board(64, 8, 100_000).assert_all_freed();
}

/// Generations of short-lived owner threads create objects (some with
/// children), hand clones to long-lived workers, and exit at once; workers
/// clone, drop and pass objects among themselves. Exercises the exit
/// protocol (merging owned objects, pushes that fail on a closed inbox) and
/// tid reuse across generations.
enum Msg {
    Obj(ObjRef),
    Stop,
}

#[test]
fn owners_exit_mid_run_while_workers_hold_references() {
    const WORKERS: usize = 8;
    const GENERATIONS: usize = 25;
    const OWNERS: usize = 8;
    const OBJECTS: usize = 64;
    let tracker = Tracker::new(GENERATIONS * OWNERS * OBJECTS);
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..WORKERS).map(|_| mpsc::channel::<Msg>()).unzip();
    let workers: Vec<_> = receivers
        .into_iter()
        .enumerate()
        .map(|(w, rx)| {
            let peers = senders.clone();
            thread::spawn(move || {
                let mut rng = Rng::new(1000 + w as u64);
                let mut pool: Vec<ObjRef> = Vec::new();
                let mut ops = 0usize;
                while let Ok(Msg::Obj(r)) = rx.recv() {
                    check_alive(&r);
                    pool.push(r);
                    for _ in 0..16 {
                        ops += 1;
                        let i = rng.below(pool.len());
                        match rng.below(4) {
                            0 | 1 => {
                                let c = pool[i].clone();
                                pool.push(c);
                            }
                            2 => {
                                pool.swap_remove(i);
                                if pool.is_empty() {
                                    break;
                                }
                            }
                            _ => {
                                // Pass a reference to a peer (it may be
                                // closed already at the very end).
                                let r = pool.swap_remove(i);
                                let _ = peers[rng.below(WORKERS)].send(Msg::Obj(r));
                                if pool.is_empty() {
                                    break;
                                }
                            }
                        }
                    }
                    if pool.len() > 256 {
                        pool.truncate(128);
                    }
                    if ops % 1024 < 16 {
                        process_queued_merges();
                    }
                }
            })
        })
        .collect();
    for generation in 0..GENERATIONS {
        let owners: Vec<_> = (0..OWNERS)
            .map(|o| {
                let senders = senders.clone();
                thread::spawn(move || {
                    let mut rng = Rng::new((generation * OWNERS + o) as u64);
                    let mut prev: Option<ObjRef> = None;
                    for _ in 0..OBJECTS {
                        // Half the objects hold the previous one.
                        let child = if rng.below(2) == 0 { prev.take() } else { None };
                        let r = tracker.node(child);
                        for _ in 0..rng.below(3) {
                            let _ = senders[rng.below(WORKERS)].send(Msg::Obj(r.clone()));
                        }
                        prev = Some(r);
                    }
                    if let Some(p) = &prev {
                        if let Some(c) = child(p) {
                            check_alive(c);
                        }
                    }
                    // Exit now, owning objects others still use.
                })
            })
            .collect();
        for o in owners {
            o.join().unwrap();
        }
    }
    // Workers forward to each other, so no channel closes by itself. A
    // worker stops at `Stop`; what is still queued for it is dropped with
    // its receiver, and later forwards to it fail and drop the object.
    for s in &senders {
        s.send(Msg::Stop).unwrap();
    }
    for w in workers {
        w.join().unwrap();
    }
    tracker.assert_all_freed();
}

/// Producers allocate objects and move them to consumers, which drop them:
/// each such drop is a non-owner decrement at count 0, so the object is
/// queued to its producer, which merges and frees it at its next
/// `process_queued_merges` -- or, for the last ones, in its exit protocol.
#[test]
fn moved_objects_are_queued_to_their_owners() {
    const PRODUCERS: usize = 4;
    const CONSUMERS: usize = 4;
    const PER_PRODUCER: usize = 60_000;
    let tracker = Tracker::new(PRODUCERS * PER_PRODUCER);
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..CONSUMERS).map(|_| mpsc::sync_channel::<ObjRef>(1024)).unzip();
    let consumers: Vec<_> = receivers
        .into_iter()
        .map(|rx| {
            thread::spawn(move || {
                let mut held: Vec<ObjRef> = Vec::new();
                while let Ok(r) = rx.recv() {
                    check_alive(&r);
                    held.push(r);
                    if held.len() >= 32 {
                        held.clear();
                    }
                }
            })
        })
        .collect();
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let senders = senders.clone();
            thread::spawn(move || {
                let mut rng = Rng::new(77 + p as u64);
                for i in 0..PER_PRODUCER {
                    senders[rng.below(CONSUMERS)].send(tracker.node(None)).unwrap();
                    if i % 256 == 0 {
                        process_queued_merges();
                    }
                }
                process_queued_merges();
            })
        })
        .collect();
    drop(senders);
    for p in producers {
        p.join().unwrap();
    }
    for c in consumers {
        c.join().unwrap();
    }
    tracker.assert_all_freed();
}

fn build_chain(tracker: &'static Tracker, len: usize) -> ObjRef {
    let mut head = tracker.node(None);
    for _ in 1..len {
        head = tracker.node(Some(head));
    }
    head
}

/// A million-long chain built by one thread and dropped by another on a
/// small stack: the drop is queued to the owner, which merges it and frees
/// the chain without recursing a million deep.
#[test]
fn deep_chain_dropped_by_non_owner_then_merged_by_owner() {
    const LEN: usize = 1_000_000;
    let tracker = Tracker::new(LEN);
    let (tx_chain, rx_chain) = mpsc::channel();
    let (tx_done, rx_done) = mpsc::channel();
    let owner = thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            tx_chain.send(build_chain(tracker, LEN)).unwrap();
            rx_done.recv().unwrap();
            assert_eq!(tracker.freed(), 0, "queued, not freed yet");
            process_queued_merges();
            assert_eq!(tracker.freed(), LEN);
        })
        .unwrap();
    let head = rx_chain.recv().unwrap();
    thread::Builder::new().stack_size(256 * 1024).spawn(move || drop(head)).unwrap().join().unwrap();
    tx_done.send(()).unwrap();
    owner.join().unwrap();
    tracker.assert_all_freed();
}

/// The owner exits first (merging the whole chain); a non-owner then drops
/// the head and frees a million merged objects through the shared path.
#[test]
fn deep_chain_outlives_owner_and_is_freed_by_another_thread() {
    const LEN: usize = 1_000_000;
    let tracker = Tracker::new(LEN);
    let head = thread::spawn(move || build_chain(tracker, LEN)).join().unwrap();
    assert_eq!(head.header().owner_tid(), 0, "merged at owner exit");
    assert!(child(&head).is_some());
    thread::Builder::new().stack_size(256 * 1024).spawn(move || drop(head)).unwrap().join().unwrap();
    tracker.assert_all_freed();
}
