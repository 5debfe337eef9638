//! Finalizers: `__del__`, closing dropped generators, and where they run.
//!
//! A type whose instances may need a finalizer has a `finalize` hook in its
//! `TypeInfo` (heap types: `object::alloc::finalize_instance`; generators,
//! coroutines and async generators: `finalize_generator`). The gc offers
//! it every dead instance once (docs/gc.md, "Finalizers"). The hook decides
//! cheaply whether a finalizer is needed (a type flag; a generator's state)
//! and if so takes the object back with `skein_gc::resurrect` -- one
//! reference, `GC_BIT_FINALIZED` set -- and *defers* it here.
//!
//! Why always defer: the hook runs inside a decref, which may be anywhere:
//! under an object lock (`Locked` guards, lock-free container updates),
//! inside a `Vec` truncation of the value stack, or in Rust code that holds
//! `&mut Vm`. Running Python code there could deadlock on the lock or
//! corrupt the state the caller is changing, and there is no `&mut Vm` to
//! run it with. So the reference goes on this thread's pending queue, the
//! thread's eval breaker gets [`BREAKER_FINALIZERS`], and the dispatch loop
//! runs the queue at its next check: at calls and backward jumps, as every
//! breaker request, and right after the instructions that drop what a
//! statement names (`del x`, `x = ...` at module level, `return`), so that
//! `del x; print(...)` prints `__del__`'s output first, as CPython does. No
//! lock is held at those points (a lock is never held while Python code
//! runs), so the two rules "never run Python under a lock" and "finalizers
//! run promptly" both hold.
//!
//! Threads without a `Vm` (plain Rust threads, a Python thread after its
//! `Vm` is gone, e.g. its exit protocol merging objects that die) cannot
//! run Python code: their finalizers go to a process-wide orphan queue and
//! the main thread's breaker is rung; the main thread (or any thread
//! running [`run_pending`]) runs them, and whatever is left runs at
//! interpreter exit.
//!
//! Running a deferred finalizer: call it (errors go to
//! `sys.unraisablehook`), then drop the reference. If the finalizer stored
//! the object somewhere, it lives on (resurrected) and is destroyed later
//! without a second finalizer; otherwise this drop destroys it.
//!
//! For the cycle collector (PEP 442): [`has_finalizer`] says whether an
//! unreachable object needs its finalizer; [`run_finalizer`] claims
//! (`GC_BIT_FINALIZED`) and runs it on a live object the collector holds.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, OnceLock};

use skein_gc::ObjRef;
use skein_threading::registry::{ThreadState, BREAKER_FIRST_FREE_BIT};

use crate::types::exceptions::exc;
use crate::types::generator::PyGenerator;
use crate::types::str::new_str;
use crate::types::type_::flags;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// Eval-breaker bit: this thread has finalizers to run.
pub const BREAKER_FINALIZERS: u32 = BREAKER_FIRST_FREE_BIT << 1;

thread_local! {
    /// `Vm`s alive on this thread (finalizers can run here when > 0).
    static VMS: Cell<usize> = const { Cell::new(0) };
    /// Whether this thread is inside `run_pending`.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// Resurrected objects waiting for their finalizer, oldest first.
    static PENDING: RefCell<VecDeque<ObjRef>> = const { RefCell::new(VecDeque::new()) };
}

/// Finalizers of objects that died on threads without a `Vm`.
static ORPHANS: Mutex<Vec<ObjRef>> = Mutex::new(Vec::new());
/// The main thread, which runs orphaned finalizers.
static MAIN_THREAD: OnceLock<Arc<ThreadState>> = OnceLock::new();

/// A `Vm` starts on this thread; the first one (the interpreter's) also
/// makes this the thread that runs orphaned finalizers.
pub(crate) fn vm_created(thread: &Arc<ThreadState>) {
    VMS.with(|c| c.set(c.get() + 1));
    let _ = MAIN_THREAD.set(thread.clone());
}

/// A `Vm` ends. Nothing runs here: short-lived `Vm`s made inside a
/// destructor (weak reference callbacks) end here too, and finalizers must
/// not run there. A thread runs its pending finalizers before dropping its
/// `Vm` (`modules/thread.rs`, `finalize::shutdown`).
pub(crate) fn vm_dropped(_vm: &mut Vm) {
    VMS.with(|c| c.set(c.get().saturating_sub(1)));
    if VMS.with(Cell::get) == 0 {
        // Anything queued from now on goes to the orphans; move what a
        // finalizer queued while we were leaving too.
        while let Some(r) = pop_local() {
            push_orphan(r);
        }
    }
}

/// Queue a resurrected object's finalizer (called by the gc hooks).
pub(crate) fn defer(obj: ObjRef) {
    let has_vm = VMS.try_with(Cell::get).unwrap_or(0) > 0;
    let obj = if has_vm {
        match PENDING.try_with(|p| p.try_borrow_mut().map(|mut q| q.push_back(obj.clone())).is_ok()) {
            Ok(true) => {
                skein_threading::registry::with_current(|ts| {
                    if let Some(ts) = ts {
                        ts.request(BREAKER_FINALIZERS)
                    }
                });
                return;
            }
            _ => obj,
        }
    } else {
        obj
    };
    push_orphan(obj);
}

fn push_orphan(obj: ObjRef) {
    match ORPHANS.lock() {
        Ok(mut q) => q.push(obj),
        Err(p) => p.into_inner().push(obj),
    }
    if let Some(main) = MAIN_THREAD.get() {
        main.request(BREAKER_FINALIZERS);
    }
}

fn pop_local() -> Option<ObjRef> {
    PENDING.try_with(|p| p.try_borrow_mut().ok().and_then(|mut q| q.pop_front())).ok().flatten()
}

fn pop_orphan() -> Option<ObjRef> {
    let mut q = match ORPHANS.lock() {
        Ok(q) => q,
        Err(p) => p.into_inner(),
    };
    if q.is_empty() {
        None
    } else {
        Some(q.remove(0))
    }
}

/// Runs every pending finalizer of this thread (and orphaned ones), including
/// those that running them makes pending. Called at the eval breaker, at
/// the statement-level points of the dispatch loop, when a Python thread
/// ends and at exit.
pub fn run_pending(vm: &mut Vm) {
    // Not re-entrant: a finalizer's own calls reach breaker checks, and
    // running another finalizer there could deadlock on a lock the first
    // one holds (`with lock:` in `__del__`). The outer loop runs what the
    // inner checks would have.
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    vm.thread.clear(BREAKER_FINALIZERS);
    while let Some(r) = pop_local().or_else(pop_orphan) {
        let v = Value::from_ref(r);
        call_finalizer(vm, &v);
        // Dropping our reference destroys the object unless the finalizer
        // stored it somewhere.
        drop(v);
    }
    RUNNING.with(|r| r.set(false));
}

/// Whether the object still needs its finalizer (PEP 442: it runs once):
/// a heap type with `__del__`, or a generator/coroutine that would run code
/// when closed. For the cycle collector, on objects it holds.
pub fn has_finalizer(v: &Value) -> bool {
    let Some(h) = v.header() else { return false };
    if skein_gc::is_finalized(h) {
        return false;
    }
    if let Some(g) = v.downcast_ref::<PyGenerator>() {
        return g.needs_finalizer(is_coroutine(v));
    }
    v.class().has_flag(flags::HAS_DEL)
}

/// Claims and runs the finalizer of a live object (the cycle collector's
/// entry, PEP 442): sets `GC_BIT_FINALIZED` so it never runs again, calls
/// it, reports its errors through `sys.unraisablehook`. Returns false when
/// there was nothing to run (no finalizer, or already finalized). The
/// caller then checks whether the object was resurrected.
pub fn run_finalizer(vm: &mut Vm, v: &Value) -> bool {
    if !has_finalizer(v) {
        return false;
    }
    let Some(h) = v.header() else { return false };
    let was = h.gc_bits().fetch_or(skein_gc::GC_BIT_FINALIZED, std::sync::atomic::Ordering::Relaxed);
    if was & skein_gc::GC_BIT_FINALIZED != 0 {
        return false;
    }
    call_finalizer(vm, v);
    true
}

fn is_coroutine(v: &Value) -> bool {
    v.class().is(crate::types::generator::COROUTINE_TYPE.get())
}

/// Calls the finalizer of `v` (already claimed): `__del__`, or closing a
/// generator. Errors are reported, never raised.
fn call_finalizer(vm: &mut Vm, v: &Value) {
    skein_threading::stats::count(skein_threading::stats::Counter::FinalizerRun);
    if let Some(g) = v.downcast_ref::<PyGenerator>() {
        if crate::types::async_generator::call_finalizer_hook(vm, v, g) {
            return;
        }
        if is_coroutine(v) && !g.was_started() {
            g.mark_finished();
            warn_unawaited(vm, v);
            return;
        }
        if let Err(e) = g.close(vm, v) {
            write_unraisable(vm, e, None, Some(v.clone()));
        }
        return;
    }
    let Some(del) = v.class().lookup("__del__") else { return };
    if let Err(e) = vm.call_unbound(&del, v, &[v.clone()]) {
        write_unraisable(vm, e, None, Some(del));
    }
}

/// CPython's `_PyErr_WarnUnawaitedCoroutine`: a `RuntimeWarning` through
/// the warnings module, attributed to the running frame.
fn warn_unawaited(vm: &mut Vm, coro: &Value) {
    let name = coro.downcast_ref::<PyGenerator>().map(|g| g.qualname.lock().clone());
    let name = match name {
        Some(n) => vm.str_string(&n).unwrap_or_default(),
        None => String::new(),
    };
    let msg = new_str(format!("coroutine '{name}' was never awaited"));
    let cat = exc().runtime_warning.to_value();
    let r = crate::modules::sys_unraisable::import_warnings(vm).and_then(|w| {
        let Some(warn) = vm.get_attr_opt(&w, "warn")? else { return Ok(crate::types::singletons::none()) };
        vm.call(&warn, &[msg, cat, Value::from_small_int(1), coro.clone()])
    });
    if let Err(e) = r {
        write_unraisable(vm, e, None, Some(coro.clone()));
    }
}

/// `PyErr_WriteUnraisable`: report an exception that cannot be raised
/// (finalizers, callbacks) through `sys.unraisablehook`.
pub fn write_unraisable(vm: &mut Vm, err: PyErr, err_msg: Option<&str>, obj: Option<Value>) {
    crate::modules::sys_unraisable::write_unraisable(vm, err, err_msg, obj)
}

/// Interpreter exit, after `atexit`: run what is pending, then clear the
/// `__main__` globals as CPython's module teardown does (names starting
/// with one underscore first, then the rest, in insertion order), so that
/// objects only they keep alive are finalized, and run those finalizers.
/// Weak references in the globals are dropped first (no callbacks).
pub fn shutdown(vm: &mut Vm) {
    run_pending(vm);
    let Some(main) = crate::vm::interp().modules.get_str("__main__") else { return };
    let Some(m) = main.downcast_ref::<crate::types::module::PyModule>() else { return };
    let dict = m.dict.clone();
    // CPython finds `__main__`'s objects in cycles with its dict (through
    // their functions' globals) and finalizes them all (PEP 442) while the
    // globals are still intact; then the dict is cleared. Do the same for
    // everything reachable from the globals, not through other modules.
    for v in reachable_finalizable(&dict.to_value()) {
        run_finalizer(vm, &v);
        run_pending(vm);
    }
    let keys = dict.keys();
    // Weak references go first: in CPython they are garbage with the rest,
    // and the collector never calls the callback of a garbage weak
    // reference, so dropping a referent at exit does not call it.
    let is_weakref = |k: &Value| {
        dict.get_str_value(k).is_some_and(|v| v.downcast_ref::<crate::types::weakref::PyWeakRef>().is_some())
    };
    for k in &keys {
        if is_weakref(k) {
            dict.set_str_key(k.clone(), crate::types::singletons::none());
        }
    }
    let single_underscore = |k: &str| k.starts_with('_') && !k.starts_with("__");
    for pass in [true, false] {
        for k in &keys {
            let Some(s) = k.as_str() else { continue };
            if s == "__builtins__" || single_underscore(s) != pass {
                continue;
            }
            dict.set_str_key(k.clone(), crate::types::singletons::none());
            run_pending(vm);
        }
    }
    run_pending(vm);
}

impl Vm {
    /// After an instruction that drops what a statement names (`del x`,
    /// module-level `x = ...`): run finalizers it made pending now, so
    /// their effects show before the next statement, as in CPython.
    #[inline]
    pub(crate) fn finalizer_point(&mut self, fidx: usize, lasti: usize) {
        if self.thread.breaker_bits() & BREAKER_FINALIZERS != 0 {
            self.frames.frames[fidx].lasti = lasti;
            // The plain dispatch loop does not keep `lasti_now` current;
            // the finalizers' nested loops read it as this frame's line.
            self.frames.lasti_now = lasti;
            run_pending(self);
        }
    }
}

/// Objects reachable from `root` that need a finalizer, in depth-first
/// order of discovery; other modules are not entered.
fn reachable_finalizable(root: &Value) -> Vec<Value> {
    use crate::types::module::PyModule;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    seen.insert(root.raw_word());
    while let Some(v) = stack.pop() {
        if has_finalizer(&v) {
            out.push(v.clone());
        }
        if v.downcast_ref::<PyModule>().is_some() {
            continue;
        }
        let mut children = Vec::new();
        crate::object::alloc::traverse_value(&v, &mut |c| {
            if seen.insert(c.raw_word()) {
                children.push(c)
            }
        });
        // Visit in the container's order.
        stack.extend(children.into_iter().rev());
    }
    out
}
