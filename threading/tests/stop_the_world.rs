//! Stop-the-world with real threads. Every attached thread in this binary
//! polls its eval breaker, since the tests run concurrently and each stop
//! stops every registered thread.
#![cfg(not(loom))]

use skein_threading::registry::{
    for_each_thread, register_current_thread, unregister_current_thread, ThreadState, BREAKER_STOP_THE_WORLD,
};
use skein_threading::{stop_the_world, ThreadStatus};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

/// What the eval loop would do at each check.
fn poll(ts: &ThreadState) {
    if ts.breaker_bits() & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
}

fn exit(ts: &ThreadState) {
    if ts.status() == ThreadStatus::Attached {
        ts.detach();
    }
    ts.brc_inbox.close();
    unregister_current_thread();
}

/// 8 threads spin on safepoints; while the world is stopped none of them is
/// attached and none makes progress.
#[test]
fn eight_spinning_threads_stop() {
    const THREADS: usize = 8;
    let done = Arc::new(AtomicBool::new(false));
    let counters: Arc<Vec<AtomicU64>> = Arc::new((0..THREADS).map(|_| AtomicU64::new(0)).collect());
    let (ready_tx, ready_rx) = mpsc::channel();
    let handles: Vec<_> = (0..THREADS)
        .map(|i| {
            let done = done.clone();
            let counters = counters.clone();
            let ready_tx = ready_tx.clone();
            thread::spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                ready_tx.send(ts.tid).unwrap();
                while !done.load(Ordering::Relaxed) {
                    counters[i].fetch_add(1, Ordering::Relaxed);
                    poll(&ts);
                }
                exit(&ts);
            })
        })
        .collect();
    let tids: Vec<usize> = (0..THREADS).map(|_| ready_rx.recv().unwrap()).collect();
    for round in 0..40 {
        let world = stop_the_world();
        let mut attached_ours = 0;
        for_each_thread(|ts| {
            if tids.contains(&ts.tid) && ts.status() == ThreadStatus::Attached {
                attached_ours += 1;
            }
        });
        assert_eq!(attached_ours, 0, "round {round}: a thread is attached during a stop");
        let before: Vec<u64> = counters.iter().map(|c| c.load(Ordering::Relaxed)).collect();
        if round % 10 == 0 {
            thread::sleep(Duration::from_millis(2));
        }
        let after: Vec<u64> = counters.iter().map(|c| c.load(Ordering::Relaxed)).collect();
        assert_eq!(before, after, "round {round}: a thread ran during a stop");
        drop(world);
    }
    // After the last restart every thread runs again.
    let snapshot: Vec<u64> = counters.iter().map(|c| c.load(Ordering::Relaxed)).collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    while counters.iter().zip(&snapshot).any(|(c, &s)| c.load(Ordering::Relaxed) == s) {
        assert!(Instant::now() < deadline, "a thread did not resume");
        thread::yield_now();
    }
    done.store(true, Ordering::Relaxed);
    for h in handles {
        h.join().unwrap();
    }
}

/// A detached thread counts as stopped; when it attaches during the stop it
/// waits for the restart.
#[test]
fn detached_thread_is_stopped_and_attach_waits() {
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let (tid_tx, tid_rx) = mpsc::channel();
    let attached = Arc::new(AtomicBool::new(false));
    let attached2 = attached.clone();
    let h = thread::spawn(move || {
        let ts = register_current_thread();
        ts.attach();
        ts.detach(); // "blocking call"
        tid_tx.send(ts.tid).unwrap();
        go_rx.recv().unwrap();
        ts.attach();
        attached2.store(true, Ordering::SeqCst);
        exit(&ts);
    });
    let tid = tid_rx.recv().unwrap();
    let world = stop_the_world();
    let status = skein_threading::registry::lookup(tid).unwrap().status();
    assert_eq!(status, ThreadStatus::Suspended);
    go_tx.send(()).unwrap();
    thread::sleep(Duration::from_millis(30));
    assert!(!attached.load(Ordering::SeqCst), "attached while the world was stopped");
    drop(world);
    h.join().unwrap();
    assert!(attached.load(Ordering::SeqCst));
}

/// A thread registered during a stop starts suspended and cannot attach
/// until the restart.
#[test]
fn thread_born_during_stop_waits() {
    let world = stop_the_world();
    let attached = Arc::new(AtomicBool::new(false));
    let attached2 = attached.clone();
    let (st_tx, st_rx) = mpsc::channel();
    let h = thread::spawn(move || {
        let ts = register_current_thread();
        st_tx.send(ts.status()).unwrap();
        ts.attach();
        attached2.store(true, Ordering::SeqCst);
        exit(&ts);
    });
    assert_eq!(st_rx.recv().unwrap(), ThreadStatus::Suspended);
    thread::sleep(Duration::from_millis(20));
    assert!(!attached.load(Ordering::SeqCst));
    drop(world);
    h.join().unwrap();
    assert!(attached.load(Ordering::SeqCst));
}

/// Several attached threads request stops concurrently: one at a time wins,
/// the others wait detached, nobody deadlocks.
#[test]
fn concurrent_requesters() {
    let in_stop = Arc::new(AtomicU64::new(0));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let in_stop = in_stop.clone();
            thread::spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                for i in 0..200 {
                    poll(&ts);
                    if i % 4 == 0 {
                        let world = stop_the_world();
                        assert_eq!(in_stop.fetch_add(1, Ordering::SeqCst), 0);
                        assert_eq!(ts.status(), ThreadStatus::Attached);
                        in_stop.fetch_sub(1, Ordering::SeqCst);
                        drop(world);
                    }
                }
                exit(&ts);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

/// Threads that exit while a stop is pending do not leave the requester
/// waiting for them.
#[test]
fn exiting_threads_do_not_block_a_stop() {
    for _ in 0..50 {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                thread::spawn(|| {
                    let ts = register_current_thread();
                    ts.attach();
                    poll(&ts);
                    exit(&ts);
                })
            })
            .collect();
        drop(stop_the_world());
        for h in handles {
            h.join().unwrap();
        }
    }
}
