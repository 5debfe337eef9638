//! The VM side of the cycle collector: when and how a collection runs, the
//! `gc.callbacks`, debug output and statistics, and the hooks through which
//! weak references and finalizers take part. The algorithm itself (stop
//! the world, trial deletion, freeing) is `skein_gc::collect`.
//!
//! Where collections run:
//! - explicitly: `gc.collect()` (`collect_explicit`);
//! - automatically: the allocation counter (`skein_gc::trigger`) sets
//!   `BREAKER_GC_COLLECT` on the allocating thread; its eval loop calls
//!   `collect_auto` at the next safepoint (`runtime::handle_eval_breaker`),
//!   never inside an allocation.
//!
//! Only one collection runs at a time: `ACTIVE` covers the callbacks and
//! the collection, so `gc.collect()` from a callback or a finalizer, or a
//! second thread asking at the same moment, returns 0 at once (CPython's
//! `gcstate->collecting`).
//!
//! Hooks for the other memory-management pieces (see `VmHooks`):
//! - `unreachable_stopped`: the world is stopped and the garbage is held;
//!   every weak reference to a garbage object is cleared
//!   (`weakref::clear_for_collection`: no Python code, no blocking, other
//!   threads are parked) and its callback kept for later;
//! - `finalize`: the world runs again; the kept weakref callbacks run, then
//!   `before_free` runs the garbage's finalizers (`__del__`, generator
//!   close; `finalize.rs`), and the hook reports whether any code ran (the
//!   collector then re-checks for resurrection).
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use std::ptr::NonNull;

use skein_gc::{GcHooks, Generation, ObjHeader, ObjRef};

use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::list::PyList;
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::Vm;

/// `gc.DEBUG_*` flags.
pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

static DEBUG: AtomicU32 = AtomicU32::new(0);
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// `gc.get_stats()`: collections and collected objects, young then full.
static STAT_COLLECTIONS: [AtomicI64; 2] = [AtomicI64::new(0), AtomicI64::new(0)];
static STAT_COLLECTED: [AtomicI64; 2] = [AtomicI64::new(0), AtomicI64::new(0)];

/// `gc.garbage` and `gc.callbacks`: one list each per process, shared by
/// the module and the driver.
static GARBAGE: OnceLock<Value> = OnceLock::new();
static CALLBACKS: OnceLock<Value> = OnceLock::new();

fn shared_list(cell: &OnceLock<Value>) -> &Value {
    cell.get_or_init(|| {
        let l = crate::types::list::new_list(Vec::new());
        // Read and written by every thread, for the life of the process.
        l.make_immortal();
        l
    })
}

pub fn garbage_list() -> &'static Value {
    shared_list(&GARBAGE)
}

pub fn callbacks_list() -> &'static Value {
    shared_list(&CALLBACKS)
}

pub fn debug_flags() -> u32 {
    DEBUG.load(Ordering::Relaxed)
}

pub fn set_debug_flags(flags: u32) {
    DEBUG.store(flags, Ordering::Relaxed);
}

/// `(collections, collected, uncollectable)` so far, for the young
/// generation and for full collections.
pub fn stats() -> ((i64, i64, i64), (i64, i64, i64)) {
    let gen = |i: usize| (STAT_COLLECTIONS[i].load(Ordering::Relaxed), STAT_COLLECTED[i].load(Ordering::Relaxed), 0);
    (gen(0), gen(1))
}

/// `gc.collect(generation)`: the number of unreachable objects found (0 if
/// another collection is running).
pub fn collect_explicit(vm: &mut Vm, generation: Generation) -> usize {
    // This thread's attribute cache owns what it caches; a cached method
    // can lead back to its class and keep it alive from outside the heap.
    crate::types::type_cache::clear_thread();
    run(vm, generation)
}

/// The eval breaker's `BREAKER_GC_COLLECT`: collect if still due (another
/// thread may have collected since the bit was set).
pub fn collect_auto(vm: &mut Vm) {
    vm.thread.clear(skein_gc::BREAKER_GC_COLLECT);
    if skein_gc::trigger::should_collect() {
        run(vm, skein_gc::trigger::due_generation());
    }
}

/// `SKEIN_GC_TRACE=1` in the environment: one line per collection on
/// stderr (generation, containers examined, garbage, pause) -- how the
/// pause table in docs/performance.md was measured.
fn trace_enabled() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("SKEIN_GC_TRACE").is_some_and(|v| v == "1"))
}

fn run(vm: &mut Vm, generation: Generation) -> usize {
    if ACTIVE.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        return 0;
    }
    let debug = debug_flags();
    let gen_number = if generation == Generation::Young { 0 } else { 2 };
    invoke_callbacks(vm, "start", 0, gen_number);
    if debug & DEBUG_STATS != 0 {
        crate::modules::sys::flush_std_streams();
        eprintln!("gc: collecting generation {gen_number}...");
    }
    // References dropped from shared containers wait in QSBR batches and
    // would make their targets look referenced from outside. A native call
    // is a quiescent point: run what is reclaimable now (everything of this
    // thread's when no other thread is online, as after joining workers).
    skein_threading::qsbr::process(&vm.thread);
    let t0 = Instant::now();
    let mut hooks = VmHooks { vm, save_all: debug & DEBUG_SAVEALL != 0, weak_callbacks: None };
    let collection = skein_gc::collect_generation(&mut hooks, generation);
    // Callbacks not run (no finalize phase) are dropped here, with the
    // world running: dropping may destroy weak reference objects.
    drop(hooks.weak_callbacks.take());
    let vm = hooks.vm;
    let n = match collection {
        Some(c) => {
            let n = c.stats.unreachable;
            if trace_enabled() {
                eprintln!(
                    "gc-trace {} examined={} unreachable={} pause_us={:.1}",
                    if generation == Generation::Young { "young" } else { "full" },
                    c.stats.candidates,
                    n,
                    c.stats.pause_ns as f64 / 1000.0
                );
            }
            if debug & DEBUG_STATS != 0 {
                eprintln!("gc: objects in each generation: 0 0 {}", c.stats.candidates - n);
                eprintln!("gc: done, {n} unreachable, 0 uncollectable, {:.4}s elapsed", t0.elapsed().as_secs_f64());
            }
            if !c.kept.is_empty() {
                let garbage = garbage_list();
                if let Some(l) = garbage.downcast_ref::<PyList>() {
                    for r in c.kept {
                        l.append(Value::from_ref(r));
                    }
                }
            }
            let i = usize::from(generation == Generation::Full);
            STAT_COLLECTIONS[i].fetch_add(1, Ordering::Relaxed);
            STAT_COLLECTED[i].fetch_add(n as i64, Ordering::Relaxed);
            n
        }
        None => 0,
    };
    invoke_callbacks(vm, "stop", n, gen_number);
    ACTIVE.store(false, Ordering::Release);
    n
}

/// Calls every `gc.callbacks` entry with `(phase, info)`; errors are
/// reported as unraisable, as CPython does.
fn invoke_callbacks(vm: &mut Vm, phase: &str, collected: usize, generation: i64) {
    let Some(list) = CALLBACKS.get().and_then(|l| l.downcast_ref::<PyList>()) else {
        return;
    };
    if list.is_empty() {
        return;
    }
    let info = PyDict::new_ref();
    info.set_str_key(crate::intern::intern("generation"), int_from_i64(generation));
    info.set_str_key(crate::intern::intern("collected"), int_from_i64(collected as i64));
    info.set_str_key(crate::intern::intern("uncollectable"), int_from_i64(0));
    let info = info.into_value();
    for cb in list.snapshot() {
        if let Err(e) = vm.call(&cb, &[new_str(phase), info.clone()]) {
            crate::finalize::write_unraisable(vm, e, None, Some(cb));
        }
    }
}

/// The VM's hooks into one collection.
struct VmHooks<'a> {
    vm: &'a mut Vm,
    save_all: bool,
    /// Callbacks of the weak references cleared with the world stopped.
    weak_callbacks: Option<crate::types::weakref::PendingCallbacks>,
}

impl GcHooks for VmHooks<'_> {
    fn unreachable_stopped(&mut self, garbage: &[ObjRef]) {
        if debug_flags() & DEBUG_COLLECTABLE != 0 {
            for r in garbage {
                let v = Value::from_ref(r.clone());
                eprintln!("gc: collectable <{} {:#x}>", v.class().name(), r.as_ptr().as_ptr() as usize);
            }
        }
        let ptrs: Vec<NonNull<ObjHeader>> = garbage.iter().map(ObjRef::as_ptr).collect();
        // SAFETY: every garbage object is held by the collector for the
        // whole call (and until after `finalize`), so each pointer is an
        // allocated object.
        self.weak_callbacks = Some(unsafe { crate::types::weakref::clear_for_collection(&ptrs) });
    }

    fn finalize(&mut self, garbage: &[ObjRef]) -> bool {
        let mut ran = false;
        if let Some(callbacks) = self.weak_callbacks.take() {
            ran = !callbacks.is_empty();
            callbacks.run(self.vm);
        }
        before_free(self.vm, garbage) || ran
    }

    fn keep_garbage(&self) -> bool {
        self.save_all
    }
}

/// Finalizers: called with the world running, after the weak references
/// were cleared, with every garbage object still held (so none can be freed
/// meanwhile). Runs each garbage object's finalizer once (PEP 442:
/// `finalize::run_finalizer` claims `GC_BIT_FINALIZED` first) and returns
/// whether any ran: a finalizer may store a reference to a garbage object
/// somewhere, and the collector then keeps whatever became reachable again.
/// The values made here are dropped before returning (they would count as
/// resurrections).
fn before_free(vm: &mut Vm, garbage: &[ObjRef]) -> bool {
    let mut ran = false;
    for r in garbage {
        let v = Value::from_ref(r.clone());
        ran |= crate::finalize::run_finalizer(vm, &v);
    }
    ran
}
