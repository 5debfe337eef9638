//! Loom model: the GIL. Mutual exclusion of attached threads, and a drop
//! request makes a holder that never blocks yield to a waiter.
//!
//! Under loom a timed condition-variable wait returns at once as if timed
//! out (see `sync`), so a waiter sets the drop request whenever the holder
//! has not changed across its wait.
#![cfg(loom)]

use skein_threading::gil::set_gil_enabled;
use skein_threading::registry::{
    register_current_thread, unregister_current_thread, ThreadState, BREAKER_GIL_DROP_REQUEST,
};
use skein_threading::sync::{spawn, yield_now, Arc, AtomicBool, Ordering, UnsafeCell};

struct Shared(UnsafeCell<usize>);
// SAFETY: accessed only by the thread that holds the GIL (attached).
unsafe impl Sync for Shared {}
// SAFETY: as above.
unsafe impl Send for Shared {}

fn exit(ts: &ThreadState) {
    ts.brc_inbox.close();
    unregister_current_thread();
}

/// A read-modify-write split by a yield: loom only switches threads at its
/// own operations, so without the yield the other thread never ran inside
/// the critical section and the model passed with `take` not waiting for
/// the holder at all. Now a second attached thread is reported as a race on
/// the cell (or a lost update).
fn bump(shared: &Shared) {
    // SAFETY: called only while attached, i.e. holding the GIL.
    let v = shared.0.with(|v| unsafe { *v });
    yield_now();
    // SAFETY: as above.
    shared.0.with_mut(|p| unsafe { *p = v + 1 });
}

#[test]
fn mutual_exclusion() {
    loom::model(|| {
        set_gil_enabled(true);
        let shared = Arc::new(Shared(UnsafeCell::new(0)));
        let other = {
            let shared = shared.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                bump(&shared);
                ts.detach();
                exit(&ts);
            })
        };
        let me = register_current_thread();
        me.attach();
        bump(&shared);
        me.detach();
        other.join().unwrap();
        me.attach();
        // SAFETY: attached; the other thread has finished.
        assert_eq!(shared.0.with(|v| unsafe { *v }), 2);
        me.detach();
        exit(&me);
    });
}

/// The holder spins without ever detaching, handling only its eval
/// breaker. The waiter can only get in if the drop request makes the
/// holder yield; once it has, it sets `waiter_ran`, which is the holder's
/// exit condition.
#[test]
fn drop_request_forces_switch() {
    loom::model(|| {
        set_gil_enabled(true);
        let holder_attached = Arc::new(AtomicBool::new(false));
        let waiter_ran = Arc::new(AtomicBool::new(false));
        let holder = {
            let holder_attached = holder_attached.clone();
            let waiter_ran = waiter_ran.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                holder_attached.store(true, Ordering::Release);
                while !waiter_ran.load(Ordering::Acquire) {
                    if ts.breaker_bits() & BREAKER_GIL_DROP_REQUEST != 0 {
                        ts.yield_gil();
                    }
                    yield_now();
                }
                ts.detach();
                exit(&ts);
            })
        };
        // The waiter arrives once the holder has the GIL.
        while !holder_attached.load(Ordering::Acquire) {
            yield_now();
        }
        let me = register_current_thread();
        me.attach();
        waiter_ran.store(true, Ordering::Release);
        me.detach();
        exit(&me);
        holder.join().unwrap();
    });
}

/// The GIL and a stop-the-world together: a holder that only polls its eval
/// breaker, a waiter, and an outside requester. Nobody deadlocks, and a
/// thread suspended at a safepoint does not sit on the GIL.
#[test]
fn gil_with_stop_the_world() {
    use skein_threading::registry::BREAKER_STOP_THE_WORLD;
    loom::model(|| {
        set_gil_enabled(true);
        let waiter_ran = Arc::new(AtomicBool::new(false));
        let holder = {
            let waiter_ran = waiter_ran.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                while !waiter_ran.load(Ordering::Acquire) {
                    let bits = ts.breaker_bits();
                    if bits & BREAKER_STOP_THE_WORLD != 0 {
                        ts.safepoint();
                    }
                    if bits & BREAKER_GIL_DROP_REQUEST != 0 {
                        ts.yield_gil();
                    }
                    yield_now();
                }
                ts.detach();
                exit(&ts);
            })
        };
        let waiter = {
            let waiter_ran = waiter_ran.clone();
            spawn(move || {
                let ts = register_current_thread();
                ts.attach();
                waiter_ran.store(true, Ordering::Release);
                ts.detach();
                exit(&ts);
            })
        };
        drop(skein_threading::stop_the_world());
        holder.join().unwrap();
        waiter.join().unwrap();
    });
}
