//! Running weak reference callbacks: `callback(weakref)` after the
//! referent died, on the thread that destroyed it (as CPython does), with
//! an exception reported as unraisable ("Exception ignored in: ...").
//!
//! A destructor has no `Vm` at hand (it runs inside whatever drop released
//! the last reference), so `run_detached` runs the callbacks on a
//! callback `Vm` of the current thread: its own value stack and frames, the
//! same thread state. One is kept per thread for reuse; a callback that
//! destroys another object with callbacks gets a fresh one. Containers
//! release the values they drop only after unlocking (`object/locked.rs`),
//! so no object lock is held here; the table's shard locks are released
//! before this runs.

use std::cell::RefCell;

use skein_threading::registry::{self, ThreadStatus};

use crate::object::PyRef;
use crate::types::weakref::PyWeakRef;
use crate::value::Value;
use crate::vm::Vm;

thread_local! {
    /// A spare callback `Vm` for this thread (taken while in use).
    static SPARE_VM: RefCell<Option<Vm>> = const { RefCell::new(None) };
}

/// Runs `(weakref, callback)` pairs in order with `vm`.
pub fn run(vm: &mut Vm, calls: Vec<(PyRef<PyWeakRef>, Value)>) {
    for (w, cb) in calls {
        let r = vm.call(&cb, &[w.to_value()]);
        if let Err(e) = r {
            crate::types::weakref_callbacks::report_unraisable(vm, &e, &cb);
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
    run_with_spare_vm(&thread, calls);
    if attach {
        thread.detach();
    }
}

fn run_with_spare_vm(
    thread: &std::sync::Arc<skein_threading::registry::ThreadState>,
    calls: Vec<(PyRef<PyWeakRef>, Value)>,
) {
    let spare = SPARE_VM.try_with(|s| s.borrow_mut().take()).ok().flatten();
    let mut vm = spare.unwrap_or_else(|| Vm::new(thread.clone()));
    run(&mut vm, calls);
    vm.handled = None;
    let _ = SPARE_VM.try_with(|s| {
        let mut slot = s.borrow_mut();
        if slot.is_none() {
            *slot = Some(vm);
        }
    });
}

/// CPython's `PyErr_WriteUnraisable` for a callback: `sys.unraisablehook`
/// when the runtime has one, else its default output on stderr.
pub fn report_unraisable(vm: &mut Vm, err: &crate::vm::PyErr, obj: &Value) {
    crate::modules::sys::flush_std_streams();
    let shown = vm.repr_string(obj).unwrap_or_else(|_| "<object repr() failed>".into());
    eprintln!("Exception ignored in: {shown}");
    crate::interp::traceback::print_exception(vm, err);
}
