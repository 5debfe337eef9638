//! `freeze_other_threads`: after it returns, no other thread is attached
//! again, whether it was running (stopped at a safepoint), blocked in the
//! OS (detached) or started later, and the caller can still stop the world.
//! Its own binary: the freeze is process-wide and for good.
#![cfg(not(loom))]

use skein_threading::registry::{register_current_thread, ThreadState, BREAKER_STOP_THE_WORLD};
use skein_threading::stop_the_world::freeze_other_threads;
use skein_threading::{stop_the_world, ThreadStatus};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

fn poll(ts: &ThreadState) {
    if ts.breaker_bits() & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
}

#[test]
fn other_threads_never_run_again() {
    let main = register_current_thread();
    main.attach();
    let progress: Arc<Vec<AtomicU64>> = Arc::new((0..4).map(|_| AtomicU64::new(0)).collect());
    let (ready_tx, ready_rx) = mpsc::channel();
    let mut states = Vec::new();
    for i in 0..4 {
        let progress = progress.clone();
        let ready_tx = ready_tx.clone();
        // Never joined: frozen threads park until the process exits.
        thread::spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            ready_tx.send(ts.clone()).unwrap();
            loop {
                progress[i].fetch_add(1, Ordering::Relaxed);
                poll(&ts);
                if i % 2 == 1 {
                    // Half of them block "in the OS" now and then.
                    ts.detach();
                    thread::sleep(Duration::from_millis(1));
                    ts.attach();
                }
            }
        });
    }
    for _ in 0..4 {
        states.push(ready_rx.recv().unwrap());
    }
    freeze_other_threads();
    // Give a thread that was detached time to come back and park.
    thread::sleep(Duration::from_millis(50));
    let before: Vec<u64> = progress.iter().map(|c| c.load(Ordering::Relaxed)).collect();
    thread::sleep(Duration::from_millis(100));
    let after: Vec<u64> = progress.iter().map(|c| c.load(Ordering::Relaxed)).collect();
    assert_eq!(before, after, "a frozen thread made progress");
    for ts in &states {
        assert_eq!(ts.status(), ThreadStatus::Detached, "thread {} is not parked detached", ts.tid);
    }
    // A thread registered after the freeze never gets to run either.
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let ts = register_current_thread();
        tx.send(()).unwrap();
        ts.attach();
        tx.send(()).unwrap();
    });
    rx.recv().unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(200)).is_err(), "a new thread attached after the freeze");
    // The finalizing thread can still stop the world (the collector does).
    drop(stop_the_world());
    assert_eq!(main.status(), ThreadStatus::Attached);
}
