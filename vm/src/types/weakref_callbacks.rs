//! Running weak reference callbacks: `callback(weakref)` after the
//! referent died, on the thread that destroyed it (as CPython does), with
//! an exception reported as unraisable ("Exception ignored in: ...").
//!
//! A destructor has no `Vm` at hand (it runs inside whatever drop released
//! the last reference), so `run_detached` runs the callbacks on a
//! callback `Vm` of the current thread: its own value stack and frames, the
//! same thread state), made for the batch and dropped after it. Containers
//! release the values they drop only after unlocking (`object/locked.rs`),
//! so no object lock is held here; the table's shard locks are released
//! before this runs.

use skein_threading::registry::{self, ThreadState, ThreadStatus};

use crate::object::PyRef;
use crate::types::weakref::PyWeakRef;
use crate::value::Value;
use crate::vm::Vm;

/// Runs `(weakref, callback)` pairs in order with `vm`.
pub fn run(vm: &mut Vm, calls: Vec<(PyRef<PyWeakRef>, Value)>) {
    for (w, cb) in calls {
        let r = vm.call(&cb, &[w.to_value()]);
        if let Err(e) = r {
            // CPython's `PyErr_WriteUnraisable(callback)`.
            crate::finalize::write_unraisable(vm, e, None, Some(cb.clone()));
        }
        drop(w);
        drop(cb);
    }
}

/// Runs the callbacks from a destructor. A detached thread (one that is
/// exiting: the gc's exit protocol destroys the objects other threads
/// queued to it after the thread detached) attaches for the duration, as
/// CPython runs such callbacks too; a thread unknown to the registry drops
/// them without calling.
pub fn run_detached(calls: Vec<(PyRef<PyWeakRef>, Value)>) {
    if !crate::vm::interp_ready() {
        return;
    }
    let Some(thread) = registry::current() else { return };
    let attach = thread.status() == ThreadStatus::Detached;
    if attach {
        thread.attach();
    } else if thread.status() != ThreadStatus::Attached {
        return;
    }
    run_with_callback_vm(&thread, calls);
    if attach {
        thread.detach();
    }
}

fn run_with_callback_vm(thread: &std::sync::Arc<ThreadState>, calls: Vec<(PyRef<PyWeakRef>, Value)>) {
    // A fresh `Vm` per batch, dropped at once: callbacks are rare, and a
    // `Vm` kept alive on the thread would look like a running interpreter
    // to code that asks whether this thread can still run Python (its
    // exit path).
    let mut vm = Vm::new(thread.clone());
    run(&mut vm, calls);
}
