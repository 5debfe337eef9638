//! When to collect: container allocations minus deallocations since the
//! last collection, as CPython's free-threaded build counts them
//! (`Python/gc_free_threading.c`: `record_allocation`, `gc_should_collect`).
//!
//! Each thread counts in a thread-local (no shared cache line on the
//! allocation path) and folds its count into the global `YOUNG_COUNT` every
//! `LOCAL_FLUSH` events. After a flush that adds allocations, the thread
//! checks [`should_collect`] and, if it holds, sets `BREAKER_GC_COLLECT` on
//! its own eval breaker: the collection then runs at that thread's next
//! safepoint, never inside an allocation.
//!
//! Every value here is a heuristic read and written with Relaxed atomics: a
//! lost or late update delays or advances a collection, it never makes one
//! wrong (the collector's correctness does not depend on when it runs), so
//! there is no protocol to model.

use core::cell::Cell;
use skein_threading::registry::{self, BREAKER_FIRST_FREE_BIT};
// Plain std atomics, not the loom facade: these statics are heuristics
// that no model needs to see (see the module doc), and loom's atomics
// cannot live in statics.
use core::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

/// Eval-breaker bit: an automatic collection is due on this thread.
pub const BREAKER_GC_COLLECT: u32 = BREAKER_FIRST_FREE_BIT;

/// Thread-local events folded into the global count at once.
const LOCAL_FLUSH: isize = 512;

/// CPython's free-threaded default for the first threshold.
pub const DEFAULT_THRESHOLD: isize = 2000;

static ENABLED: AtomicBool = AtomicBool::new(true);
/// `gc.set_threshold`'s three values; only the first drives collections
/// (the free-threaded collector has no generations). A second value of 0
/// disables the heap-growth condition, as in CPython.
static THRESHOLDS: [AtomicIsize; 3] = [AtomicIsize::new(DEFAULT_THRESHOLD), AtomicIsize::new(10), AtomicIsize::new(0)];
/// Container allocations minus deallocations since the last collection.
static YOUNG_COUNT: AtomicIsize = AtomicIsize::new(0);
/// Containers that survived the last collection.
static LONG_LIVED_TOTAL: AtomicIsize = AtomicIsize::new(0);

const_thread_local! {
    static LOCAL_COUNT: Cell<isize> = Cell::new(0);
}

/// A container was allocated by this thread.
#[inline]
pub(crate) fn on_container_alloc() {
    let n = LOCAL_COUNT.with(Cell::get) + 1;
    if n < LOCAL_FLUSH {
        LOCAL_COUNT.with(|c| c.set(n));
    } else {
        flush(n);
    }
}

/// A container was destroyed by this thread.
#[inline]
pub(crate) fn on_container_free() {
    let n = LOCAL_COUNT.with(Cell::get) - 1;
    if n > -LOCAL_FLUSH {
        LOCAL_COUNT.with(|c| c.set(n));
    } else {
        flush(n);
    }
}

#[cold]
#[inline(never)]
fn flush(n: isize) {
    LOCAL_COUNT.with(|c| c.set(0));
    YOUNG_COUNT.fetch_add(n, Relaxed);
    if n > 0 && should_collect() {
        registry::with_current(|ts| {
            if let Some(ts) = ts {
                ts.request(BREAKER_GC_COLLECT);
            }
        });
    }
}

/// Whether an automatic collection is due: the count is above the
/// threshold and, to keep the total work linear in the number of
/// allocations, above a quarter of the containers that survived the last
/// collection (CPython's `gc_should_collect`).
pub fn should_collect() -> bool {
    let count = YOUNG_COUNT.load(Relaxed);
    let threshold = THRESHOLDS[0].load(Relaxed);
    if threshold == 0 || count <= threshold || !ENABLED.load(Relaxed) {
        return false;
    }
    count > LONG_LIVED_TOTAL.load(Relaxed) / 4 || THRESHOLDS[1].load(Relaxed) == 0
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Relaxed);
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    ENABLED.load(Relaxed)
}

/// `gc.get_threshold()`.
pub fn thresholds() -> [isize; 3] {
    [THRESHOLDS[0].load(Relaxed), THRESHOLDS[1].load(Relaxed), THRESHOLDS[2].load(Relaxed)]
}

/// `gc.set_threshold(...)`: `None` leaves a value unchanged.
pub fn set_thresholds(values: [Option<isize>; 3]) {
    for (slot, v) in THRESHOLDS.iter().zip(values) {
        if let Some(v) = v {
            slot.store(v, Relaxed);
        }
    }
}

/// `gc.get_count()`'s first value: the global count (each thread may hold
/// up to `LOCAL_FLUSH` more events not folded in yet).
pub fn young_count() -> isize {
    YOUNG_COUNT.load(Relaxed).max(0)
}

/// A collection ended: the count starts again from 0. The collector's own
/// frees (its thread-local count) are forgotten too, or the next
/// collection would wait for as many new allocations as this one freed.
pub(crate) fn reset_count() {
    LOCAL_COUNT.with(|c| c.set(0));
    YOUNG_COUNT.store(0, Relaxed);
}

/// A collection ended with `survivors` containers alive.
pub(crate) fn set_long_lived(survivors: usize) {
    LONG_LIVED_TOTAL.store(survivors as isize, Relaxed);
}
