//! Loom model: the stop-the-world handshake.
//!
//! A worker writes a plain (non-atomic) loom `UnsafeCell` only while it is
//! attached; the requester reads it while the world is stopped. If the
//! protocol ever let the two overlap (a thread still attached, a detached
//! thread not counted, a thread attaching during the stop) loom reports the
//! unsynchronised access. The requester also checks every other thread's
//! status.
#![cfg(loom)]

use skein_threading::registry::{
    for_each_thread, register_current_thread, unregister_current_thread, ThreadState, BREAKER_STOP_THE_WORLD,
};
use skein_threading::sync::{spawn, yield_now, Arc, AtomicBool, Condvar, Mutex, Ordering, UnsafeCell};
use skein_threading::{stop_the_world, ThreadStatus};

struct Shared(UnsafeCell<usize>);
// SAFETY: written only by attached threads, read only by the requester while
// the world is stopped: the protocol under test orders every access.
unsafe impl Sync for Shared {}
// SAFETY: as above.
unsafe impl Send for Shared {}

/// A blocking call that returns once `open` has been called.
#[derive(Default)]
struct Gate {
    open: Mutex<bool>,
    cv: Condvar,
}

impl Gate {
    fn wait(&self) {
        let mut open = self.open.lock();
        while !*open {
            self.cv.wait(&mut open);
        }
    }

    fn open(&self) {
        *self.open.lock() = true;
        self.cv.notify_all();
    }
}

fn poll(ts: &ThreadState) {
    if ts.breaker_bits() & BREAKER_STOP_THE_WORLD != 0 {
        ts.safepoint();
    }
}

fn exit(ts: &ThreadState) {
    ts.brc_inbox.close();
    unregister_current_thread();
}

/// A read-modify-write split by a yield, so that loom may run the requester
/// in the middle of it (loom switches threads only at its own operations).
fn write(shared: &Shared) {
    // SAFETY: only called while attached (see `Shared`).
    let v = shared.0.with(|v| unsafe { *v });
    yield_now();
    // SAFETY: as above.
    shared.0.with_mut(|p| unsafe { *p = v + 1 });
}

fn stopped_read(shared: &Shared, requester: usize) -> usize {
    let world = stop_the_world();
    for_each_thread(|ts| {
        if ts.tid != requester {
            assert_ne!(ts.status(), ThreadStatus::Attached, "thread {} attached during a stop", ts.tid);
        }
    });
    // SAFETY: the world is stopped (see `Shared`).
    let v = shared.0.with(|v| unsafe { *v });
    drop(world);
    v
}

/// One worker that attaches, writes, polls a safepoint, writes, detaches;
/// the requester is an unregistered thread. Covers: attached thread stopping
/// at its safepoint, detached thread suspended on the spot, registration and
/// attach during the stop.
#[test]
fn worker_and_outside_requester() {
    loom::model(|| {
        let shared = Arc::new(Shared(UnsafeCell::new(0)));
        let worker = {
            let shared = shared.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                write(&shared);
                poll(&ts);
                write(&shared);
                ts.detach();
                exit(&ts);
            })
        };
        let v = stopped_read(&shared, 0);
        // Stopped before the attach, at the safepoint, or after the detach;
        // never in the middle of a write (loom checks that).
        assert!(v <= 2);
        worker.join().unwrap();
    });
}

/// A registered, attached requester and a worker that detaches around a
/// "blocking call" instead of polling, and the call only returns after the
/// requester's stop: the detach itself must let the stop complete (the
/// Dekker handshake in `detach`), or the model deadlocks.
#[test]
fn attached_requester_and_detached_blocked_worker() {
    loom::model(|| {
        let shared = Arc::new(Shared(UnsafeCell::new(0)));
        let gate = Arc::new(Gate::default());
        let worker = {
            let shared = shared.clone();
            let gate = gate.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                write(&shared);
                ts.detach();
                gate.wait(); // blocking call, never polls
                ts.attach();
                write(&shared);
                ts.detach();
                exit(&ts);
            })
        };
        let me = register_current_thread();
        me.attach();
        let v = stopped_read(&shared, me.tid);
        assert!(v <= 1, "the worker cannot pass the gate before the stop");
        assert_eq!(me.status(), ThreadStatus::Attached);
        gate.open();
        me.detach();
        exit(&me);
        worker.join().unwrap();
    });
}

/// Two requesters at once, both attached: the loser waits detached, so the
/// winner is not left waiting for it.
#[test]
fn two_attached_requesters() {
    loom::model(|| {
        let shared = Arc::new(Shared(UnsafeCell::new(0)));
        let other = {
            let shared = shared.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                write(&shared);
                let _ = stopped_read(&shared, ts.tid);
                ts.detach();
                exit(&ts);
            })
        };
        let me = register_current_thread();
        me.attach();
        let _ = stopped_read(&shared, me.tid);
        poll(&me);
        me.detach();
        exit(&me);
        other.join().unwrap();
    });
}

/// Two workers (one polls, one blocks detached until after the stop) and an
/// outside requester: the stop waits for both, then both resume.
#[test]
fn two_workers_outside_requester() {
    loom::model(|| {
        let a = Arc::new(Shared(UnsafeCell::new(0)));
        let b = Arc::new(Shared(UnsafeCell::new(0)));
        let gate = Arc::new(Gate::default());
        let polling = {
            let a = a.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                write(&a);
                poll(&ts);
                ts.detach();
                exit(&ts);
            })
        };
        let blocking = {
            let b = b.clone();
            let gate = gate.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                write(&b);
                ts.detach();
                gate.wait();
                ts.attach();
                write(&b);
                ts.detach();
                exit(&ts);
            })
        };
        let world = stop_the_world();
        // SAFETY: the world is stopped (see `Shared`).
        let (va, vb) = (a.0.with(|v| unsafe { *v }), b.0.with(|v| unsafe { *v }));
        drop(world);
        assert!(va <= 1 && vb <= 1, "the blocked worker passed its gate early");
        gate.open();
        polling.join().unwrap();
        blocking.join().unwrap();
    });
}

/// A thread suspended at a safepoint while holding an object lock, and a
/// second thread waiting for that lock: the waiter detaches while parked,
/// so the stop completes instead of deadlocking.
#[test]
fn lock_waiter_counts_as_stopped() {
    use skein_threading::RawObjMutex;
    loom::model(|| {
        let lock = Arc::new(RawObjMutex::new());
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let lock = lock.clone();
                spawn(move || {
                    let ts = register_current_thread();
                    ts.attach();
                    let guard = lock.guard();
                    poll(&ts); // may suspend while holding the lock
                    drop(guard);
                    ts.detach();
                    exit(&ts);
                })
            })
            .collect();
        drop(stop_the_world());
        for t in threads {
            t.join().unwrap();
        }
        assert!(!lock.is_locked());
    });
}

/// A worker that never detaches: it keeps writing and polling its eval
/// breaker until the requester, after its stop, tells it to finish. The stop
/// completes only if the requester asks it (`BREAKER_STOP_THE_WORLD`) and
/// its safepoint really suspends it; without either the worker runs on
/// during the stop (a race on the cell) or the requester waits for ever.
#[test]
fn busy_worker_is_asked_to_stop() {
    loom::model(|| {
        let shared = Arc::new(Shared(UnsafeCell::new(0)));
        let done = Arc::new(AtomicBool::new(false));
        let worker = {
            let shared = shared.clone();
            let done = done.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                while !done.load(Ordering::Acquire) {
                    write(&shared);
                    poll(&ts);
                }
                ts.detach();
                exit(&ts);
            })
        };
        let _ = stopped_read(&shared, 0);
        done.store(true, Ordering::Release);
        worker.join().unwrap();
    });
}
