//! The Python lock (`pylock::ThreadLock`) with real threads, free-threaded:
//! mutual exclusion under contention, time-outs, and a release by a thread
//! that never acquired it. (`pylock_gil.rs` runs the GIL-aware path.)
#![cfg(not(loom))]

use skein_threading::pylock::{Acquired, ThreadLock};
use skein_threading::registry::{register_current_thread, unregister_current_thread, ThreadState};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const NO_POLL: std::time::Duration = std::time::Duration::from_millis(50);

fn exit(ts: &ThreadState) {
    ts.detach();
    ts.brc_inbox.close();
    unregister_current_thread();
}

/// 8 threads x 20 000 acquisitions: the section is never entered twice and
/// no increment is lost (the counter is read and written non-atomically).
#[test]
fn mutual_exclusion_under_contention() {
    const THREADS: usize = 8;
    const ROUNDS: usize = 20_000;
    let lock = Arc::new(ThreadLock::new());
    let inside = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let (lock, inside, count) = (lock.clone(), inside.clone(), count.clone());
            std::thread::spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                for _ in 0..ROUNDS {
                    assert!(lock.acquire(&ts, None, 0, NO_POLL) == Acquired::Yes);
                    assert!(!inside.swap(true, Ordering::Relaxed), "two threads inside the lock");
                    let c = count.load(Ordering::Relaxed);
                    count.store(c + 1, Ordering::Relaxed);
                    inside.store(false, Ordering::Relaxed);
                    assert!(lock.release());
                }
                exit(&ts);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(count.load(Ordering::Relaxed), THREADS * ROUNDS);
    assert!(!lock.is_locked());
}

/// A held lock times out, and no sooner than asked.
#[test]
fn timeout() {
    let ts = register_current_thread();
    ts.attach();
    let lock = ThreadLock::new();
    assert!(lock.try_acquire());
    let start = Instant::now();
    assert_eq!(lock.acquire(&ts, Some(start + Duration::from_millis(30)), 0, NO_POLL), Acquired::TimedOut);
    assert!(start.elapsed() >= Duration::from_millis(30));
    assert!(lock.release());
    assert!(!lock.release(), "releasing an unlocked lock reports it");
    exit(&ts);
}

/// An interrupt bit set on a sleeping waiter's eval breaker ends its wait
/// (Ctrl-C), and a waiter without interrupt bits ignores it.
#[test]
fn interrupt_bit_ends_the_wait() {
    use skein_threading::registry::BREAKER_SIGNAL;
    let lock = Arc::new(ThreadLock::new());
    assert!(lock.try_acquire());
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = {
        let lock = lock.clone();
        std::thread::spawn(move || {
            let ts = register_current_thread();
            tx.send(ts.clone()).unwrap();
            ts.attach();
            let r = lock.acquire(&ts, None, BREAKER_SIGNAL, Duration::from_millis(5));
            exit(&ts);
            r
        })
    };
    let ts = rx.recv().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    ts.request(BREAKER_SIGNAL);
    assert_eq!(waiter.join().unwrap(), Acquired::Interrupted);
    assert!(lock.release());
}

/// A thread blocked on a held lock wakes when another thread (not the one
/// that acquired it) releases it, as `threading.Lock` allows.
#[test]
fn release_from_another_thread_wakes_the_sleeper() {
    let lock = Arc::new(ThreadLock::new());
    assert!(lock.try_acquire());
    let got = Arc::new(AtomicBool::new(false));
    let waiter = {
        let (lock, got) = (lock.clone(), got.clone());
        std::thread::spawn(move || {
            let ts = register_current_thread();
            ts.attach();
            assert!(lock.acquire(&ts, None, 0, NO_POLL) == Acquired::Yes);
            got.store(true, Ordering::Release);
            exit(&ts);
        })
    };
    std::thread::sleep(Duration::from_millis(20));
    assert!(!got.load(Ordering::Acquire));
    assert!(lock.release());
    waiter.join().unwrap();
    assert!(got.load(Ordering::Acquire));
    assert!(lock.is_locked());
}
