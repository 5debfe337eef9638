//! The Python lock with the GIL on (the whole test binary runs with it):
//! threads that take the lock inside a GIL-holding loop, are forced to
//! switch while holding it, and must all finish with exact totals. A
//! waiter takes the GIL before the lock, so neither convoys nor deadlocks
//! appear.
#![cfg(not(loom))]

use skein_threading::gil::{set_gil_enabled, set_switch_interval};
use skein_threading::pylock::{Acquired, ThreadLock};
use skein_threading::registry::{register_current_thread, unregister_current_thread, BREAKER_GIL_DROP_REQUEST};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

const NO_POLL: std::time::Duration = std::time::Duration::from_millis(50);

#[test]
fn contended_lock_under_the_gil() {
    set_gil_enabled(true);
    set_switch_interval(Duration::from_micros(200));
    const THREADS: usize = 4;
    const ROUNDS: usize = 200_000;
    let lock = Arc::new(ThreadLock::new());
    let inside = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let (lock, inside, count, start) = (lock.clone(), inside.clone(), count.clone(), start.clone());
            std::thread::spawn(move || {
                let ts = register_current_thread();
                start.wait();
                ts.attach();
                for i in 0..ROUNDS {
                    assert!(lock.acquire(&ts, None, 0, NO_POLL) == Acquired::Yes);
                    assert!(!inside.swap(true, Ordering::Relaxed), "two threads inside the lock");
                    let c = count.load(Ordering::Relaxed);
                    for _ in 0..20 {
                        std::hint::spin_loop();
                    }
                    // The eval breaker inside the critical section: a forced
                    // switch while holding the lock.
                    if i % 3 == 0 && ts.breaker_bits() & BREAKER_GIL_DROP_REQUEST != 0 {
                        ts.yield_gil();
                    }
                    count.store(c + 1, Ordering::Relaxed);
                    inside.store(false, Ordering::Relaxed);
                    assert!(lock.release());
                    if ts.breaker_bits() & BREAKER_GIL_DROP_REQUEST != 0 {
                        ts.yield_gil();
                    }
                }
                ts.detach();
                ts.brc_inbox.close();
                unregister_current_thread();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(count.load(Ordering::Relaxed), THREADS * ROUNDS);
}
