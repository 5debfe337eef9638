//! Proves, with the gc's event counters (feature `stats`), that each path of
//! the biased reference counting state machine is taken under real threads
//! the number of times a scenario dictates -- not just that nothing
//! crashed. One `#[test]` runs the scenarios in sequence so that the
//! process-wide counters belong to one scenario at a time.
#![cfg(not(loom))]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use skein_gc::{gc_stats, live_objects, process_queued_merges, GcStats, ObjRef};
use skein_stress_tests::{check_alive, Tracker};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

const THREADS: usize = 8;
const ROUNDS: usize = 300;
const BATCH: usize = 64;

fn delta(before: GcStats, after: GcStats) -> GcStats {
    GcStats {
        allocated: after.allocated - before.allocated,
        freed: after.freed - before.freed,
        give_ups: after.give_ups - before.give_ups,
        queued: after.queued - before.queued,
        pushed: after.pushed - before.pushed,
        released_without_owner: after.released_without_owner - before.released_without_owner,
        merged_by_owner: after.merged_by_owner - before.merged_by_owner,
        released_by_owner: after.released_by_owner - before.released_by_owner,
        exit_merged: after.exit_merged - before.exit_merged,
        thread_exits: after.thread_exits - before.thread_exits,
        trashcan_parked: after.trashcan_parked - before.trashcan_parked,
    }
}

/// Rounds in lock-step. In each round every thread allocates a batch and
/// hands it to its neighbour, which
/// - for even objects: takes a shared reference and gives the original
///   back; the owner then drops the original (local count 0 while the
///   neighbour holds a shared reference: give-up), and the neighbour's
///   later drop frees the merged object;
/// - for odd objects: keeps the original (counted in the owner's local
///   count) and drops it: queued to the owner, merged at its next safepoint
///   (or in its exit protocol, for the last round).
fn give_up_and_queue_rounds(tracker: &'static Tracker) {
    let slots: Arc<Vec<Mutex<Vec<ObjRef>>>> = Arc::new((0..THREADS).map(|_| Mutex::new(Vec::new())).collect());
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let slots = slots.clone();
            let barrier = barrier.clone();
            thread::spawn(move || {
                let next = (t + 1) % THREADS;
                for _ in 0..ROUNDS {
                    process_queued_merges();
                    *slots[t].lock().unwrap() = (0..BATCH).map(|_| tracker.node(None)).collect();
                    barrier.wait();
                    let theirs = std::mem::take(&mut *slots[next].lock().unwrap());
                    let (mut shared, mut back, mut kept) = (Vec::new(), Vec::new(), Vec::new());
                    for (i, obj) in theirs.into_iter().enumerate() {
                        if i % 2 == 0 {
                            shared.push(obj.clone());
                            back.push(obj);
                        } else {
                            kept.push(obj);
                        }
                    }
                    *slots[next].lock().unwrap() = back;
                    barrier.wait();
                    drop(std::mem::take(&mut *slots[t].lock().unwrap()));
                    barrier.wait();
                    for r in &shared {
                        check_alive(r);
                    }
                    drop(shared);
                    drop(kept);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn every_refcount_path_is_exercised() {
    let tracker = Tracker::new(THREADS * ROUNDS * BATCH + 200_000);

    // 1. Give-up and queue paths, in exact numbers.
    let before = gc_stats();
    give_up_and_queue_rounds(tracker);
    let d = delta(before, gc_stats());
    let half = THREADS * ROUNDS * BATCH / 2;
    assert_eq!(d.give_ups, half, "{d:?}");
    // An odd object of the last round is queued, unless its owner already
    // exited (the exit protocol merged it) when the neighbour drops it. When
    // the neighbour queues it while the owner is between closing its inbox
    // and collecting what it still owns, it is both queued (and released
    // without an owner, as the push fails) and merged by the exit protocol.
    assert_eq!(d.queued - d.released_without_owner + d.exit_merged, half, "{d:?}");
    assert!(d.released_without_owner <= d.exit_merged, "{d:?}");
    assert!(d.queued >= half - THREADS * BATCH / 2, "{d:?}");
    assert_eq!(d.pushed + d.released_without_owner, d.queued, "{d:?}");
    assert_eq!(d.merged_by_owner + d.released_by_owner, d.pushed, "{d:?}");
    assert!(d.merged_by_owner > 0, "{d:?}");
    assert_eq!(d.thread_exits, THREADS);
    tracker.assert_all_freed();
    assert_eq!(d.freed, d.allocated);

    // 2. Objects outliving their owner are merged by its exit protocol.
    let before = gc_stats();
    let survivors: Vec<ObjRef> = thread::spawn(move || {
        let keep: Vec<ObjRef> = (0..1000).map(|_| tracker.node(None)).collect();
        let _garbage: Vec<ObjRef> = (0..1000).map(|_| tracker.node(None)).collect();
        keep
    })
    .join()
    .unwrap();
    let d = delta(before, gc_stats());
    assert_eq!(d.thread_exits, 1);
    assert_eq!(d.exit_merged, 1000, "{d:?}");
    assert!(survivors.iter().all(|r| r.header().owner_tid() == 0));
    drop(survivors);
    tracker.assert_all_freed();

    // 3. The trashcan defers deep destructions.
    let before = gc_stats();
    let mut head = tracker.node(None);
    for _ in 0..100_000 {
        head = tracker.node(Some(head));
    }
    drop(head);
    let d = delta(before, gc_stats());
    // One object in every `TRASHCAN_LIMIT` nested destructions is parked
    // and destroyed later from the outermost level.
    assert!(d.trashcan_parked >= 100_000 / skein_gc::TRASHCAN_LIMIT - 10, "{d:?}");
    tracker.assert_all_freed();

    assert_eq!(live_objects(), 0, "no object of any test is alive");
}
