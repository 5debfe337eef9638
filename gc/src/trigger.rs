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
/// `gc.set_threshold`'s three values: the first drives collections; a
/// second value of 0 makes every collection full (see `due_generation`);
/// the third is kept for `get_threshold`.
static THRESHOLDS: [AtomicIsize; 3] = [AtomicIsize::new(DEFAULT_THRESHOLD), AtomicIsize::new(10), AtomicIsize::new(0)];
/// Container allocations minus deallocations since the last collection.
static YOUNG_COUNT: AtomicIsize = AtomicIsize::new(0);
/// Containers that survived the last full collection.
static LONG_LIVED_TOTAL: AtomicIsize = AtomicIsize::new(0);
/// Containers promoted by young collections since the last full one.
static LONG_LIVED_PENDING: AtomicIsize = AtomicIsize::new(0);
/// Young collections since the last full one (`gc.get_count()[1]`).
static YOUNG_COLLECTIONS: AtomicIsize = AtomicIsize::new(0);

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

/// Whether an automatic collection is due: the count is above the first
/// threshold. A young collection's work is proportional to the young
/// containers, so it needs no condition on the heap's size (the full
/// collections have theirs, [`due_generation`]).
pub fn should_collect() -> bool {
    let count = YOUNG_COUNT.load(Relaxed);
    let threshold = THRESHOLDS[0].load(Relaxed);
    threshold != 0 && count > threshold && ENABLED.load(Relaxed)
}

/// Which generation an automatic collection should examine: full when at
/// least the second threshold's number of young collections ran since the
/// last full one (10 by default) and they promoted more than a quarter of
/// the containers that survived it (CPython 3.11's two conditions for its
/// oldest generation: the first bounds how often a small heap pays a full
/// walk -- without it a program whose live heap is a few thousand
/// containers went full on almost every other collection -- the second
/// keeps the total work of full collections linear in the number of
/// allocations), else young. A second threshold of 0 makes every
/// collection full (the behaviour before generations).
pub fn due_generation() -> crate::collect::Generation {
    generation_for(
        THRESHOLDS[1].load(Relaxed),
        YOUNG_COLLECTIONS.load(Relaxed),
        LONG_LIVED_PENDING.load(Relaxed),
        LONG_LIVED_TOTAL.load(Relaxed),
    )
}

/// [`due_generation`]'s rule on given values.
fn generation_for(every: isize, young_collections: isize, pending: isize, total: isize) -> crate::collect::Generation {
    use crate::collect::Generation;
    if every == 0 || (young_collections >= every && pending > total / 4) {
        Generation::Full
    } else {
        Generation::Young
    }
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

/// A collection ended with `survivors` of the containers it examined
/// alive.
pub(crate) fn after_collection(generation: crate::collect::Generation, survivors: usize) {
    match generation {
        crate::collect::Generation::Full => {
            LONG_LIVED_TOTAL.store(survivors as isize, Relaxed);
            LONG_LIVED_PENDING.store(0, Relaxed);
            YOUNG_COLLECTIONS.store(0, Relaxed);
        }
        crate::collect::Generation::Young => {
            LONG_LIVED_PENDING.fetch_add(survivors as isize, Relaxed);
            YOUNG_COLLECTIONS.fetch_add(1, Relaxed);
        }
    }
}

/// Young collections since the last full one.
pub fn young_collections() -> isize {
    YOUNG_COLLECTIONS.load(Relaxed)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::generation_for;
    use crate::collect::Generation::{Full, Young};

    #[test]
    fn full_needs_enough_young_collections_and_enough_promoted() {
        // A small live heap that young collections grow fast: still young
        // until the tenth young collection since the last full one.
        assert_eq!(generation_for(10, 1, 900, 2000), Young);
        assert_eq!(generation_for(10, 9, 900, 2000), Young);
        assert_eq!(generation_for(10, 10, 900, 2000), Full);
        // Enough collections, but little promoted relative to the heap.
        assert_eq!(generation_for(10, 50, 500, 2000), Young);
        assert_eq!(generation_for(10, 50, 501, 2000), Full);
        // A second threshold of 0: every collection is full.
        assert_eq!(generation_for(0, 0, 0, 2000), Full);
    }
}
