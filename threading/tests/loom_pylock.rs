//! Loom models: the Python lock (`pylock::ThreadLock`). Mutual exclusion,
//! no lost wake-up when a sleeper registers while the owner releases, a
//! release by a thread that does not hold the lock, and the GIL-aware
//! path (a waiter takes the GIL before it takes the lock).
//!
//! The waits here are untimed (`until = None`), so a lost wake-up leaves a
//! thread asleep for ever and loom reports the deadlock. (Under loom a
//! timed wait returns at once, see `sync`.)
#![cfg(loom)]

use skein_threading::gil::set_gil_enabled;
use skein_threading::pylock::{Acquired, ThreadLock};
use skein_threading::registry::{register_current_thread, unregister_current_thread, ThreadState};
use skein_threading::sync::{spawn, Arc, UnsafeCell};

const NO_POLL: std::time::Duration = std::time::Duration::from_millis(50);

struct Shared {
    lock: ThreadLock,
    count: UnsafeCell<usize>,
}
// SAFETY: `count` is accessed only while holding `lock`.
unsafe impl Sync for Shared {}
// SAFETY: as above.
unsafe impl Send for Shared {}

fn exit(ts: &ThreadState) {
    ts.detach();
    ts.brc_inbox.close();
    unregister_current_thread();
}

fn locked_bump(shared: &Shared, ts: &ThreadState) {
    assert!(shared.lock.acquire(ts, None, 0, NO_POLL) == Acquired::Yes);
    // SAFETY: we hold the lock.
    shared.count.with_mut(|v| unsafe { *v += 1 });
    assert!(shared.lock.release());
}

fn run(gil: bool) {
    loom::model(move || {
        set_gil_enabled(gil);
        let shared = Arc::new(Shared { lock: ThreadLock::new(), count: UnsafeCell::new(0) });
        let other = {
            let shared = shared.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                locked_bump(&shared, &ts);
                exit(&ts);
            })
        };
        let me = register_current_thread();
        me.attach();
        locked_bump(&shared, &me);
        me.detach();
        other.join().unwrap();
        me.attach();
        assert!(shared.lock.acquire(&me, None, 0, NO_POLL) == Acquired::Yes);
        // SAFETY: we hold the lock and the other thread has finished.
        assert_eq!(shared.count.with(|v| unsafe { *v }), 2);
        exit(&me);
    });
}

/// Two threads increment under the lock, free-threaded: exclusion (loom
/// checks the unsynchronised counter) and every waiter is woken.
#[test]
fn lost_wakeup_free() {
    run(false);
}

/// The same with the GIL on: a waiter sleeps until the lock looks free,
/// takes the GIL, then the lock; nobody deadlocks.
#[test]
fn with_gil() {
    run(true);
}

/// The lock is held by the main thread; a second thread blocks on it and a
/// third releases it (a `Lock` has no owner). The blocked thread must wake.
#[test]
fn release_by_another_thread() {
    loom::model(|| {
        set_gil_enabled(false);
        let lock = Arc::new(ThreadLock::new());
        assert!(lock.try_acquire());
        let waiter = {
            let lock = lock.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                assert!(lock.acquire(&ts, None, 0, NO_POLL) == Acquired::Yes);
                exit(&ts);
            })
        };
        let releaser = {
            let lock = lock.clone();
            spawn(move || {
                assert!(lock.release());
            })
        };
        releaser.join().unwrap();
        waiter.join().unwrap();
        assert!(lock.is_locked());
        assert!(lock.release());
        assert!(!lock.release());
    });
}
