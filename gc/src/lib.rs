//! Object header, biased reference counting, per-thread object heaps.
//!
//! | module      | job                                                         |
//! |-------------|-------------------------------------------------------------|
//! | [`header`]  | `ObjHeader` (32 bytes, CPython's free-threaded layout), `TypeInfo` |
//! | [`handle`]  | `ObjRef`, `incref`, `decref`: the inline fast paths          |
//! | `brc`       | the biased refcount state machine (slow paths, merging)      |
//! | `dealloc`   | destroying dead objects; the trashcan bounds stack depth     |
//! | `resurrect` | taking a dead object back for its finalizer (PEP 442)        |
//! | [`heap`]    | per-thread mimalloc heaps, `alloc_object`, heap walking      |
//! | [`thread`]  | attaching threads, `process_queued_merges`, the exit protocol |
//! | [`weak`]    | `try_incref`: a strong reference from a weak one, unless dying |
//! | [`collect`] | the cycle collector's driver (stop the world, find, free)     |
//! | `collect_graph` | trial deletion over a side table of candidates          |
//! | `young`     | the young generation: per-thread lists, zombies          |
//! | [`trigger`] | when to collect: container allocation counts, thresholds     |
//! | [`stats`]   | event counters: test counters, `-X stats` events, collector totals |
//!
//! `unsafe` code lives in `header`, `handle`, `dealloc`, `resurrect`, `heap` and the raw
//! heap backends; `brc` and `thread` are safe code on top of them.
//! The protocol, field by field, is documented in docs/gc.md.

/// Declares thread-locals with constant initialisers: std's cheapest form
/// (`const { .. }`: no lazy-init check, no destructor) normally, loom's
/// (an edition-2018 macro that takes no `const` block) under `cfg(loom)`.
macro_rules! const_thread_local {
    ($($(#[$attr:meta])* static $name:ident: $t:ty = $init:expr;)*) => {
        // `std::thread_local!` is what `sync::thread_local!` re-exports
        // outside loom; naming it directly keeps rustdoc (which does not see
        // `--cfg loom`) able to expand this against a loom build of the deps.
        #[cfg(not(loom))]
        std::thread_local! {
            $($(#[$attr])* static $name: $t = const { $init };)*
        }
        #[cfg(loom)]
        skein_threading::sync::thread_local! {
            $($(#[$attr])* static $name: $t = $init;)*
        }
    };
}

#[macro_use]
pub mod stats;

pub mod collect;
pub mod handle;
pub mod header;
pub mod heap;
pub mod thread;
pub mod trigger;
pub mod weak;

mod brc;
mod collect_graph;
mod dealloc;
mod resurrect;
mod young;

pub use collect::{CollectStats, Collection, GcHooks, Generation, NoHooks};
pub use dealloc::{trashcan_depth, TRASHCAN_LIMIT};
pub use handle::{decref, incref, ObjRef};
pub use header::{
    FinalizeFn, ObjHeader, RawObjMutex, TraverseFn, TypeInfo, GC_BIT_FINALIZED, GC_BIT_FROZEN, GC_BIT_HAS_WEAKREFS,
    GC_BIT_YOUNG,
};
#[cfg(not(loom))]
pub use heap::GlobalMimalloc;
pub use heap::{alloc_object, visit_heap_objects};
pub use resurrect::{is_finalized, resurrect};
/// One collection; its statistics go into [`stats::collector_totals`].
pub use stats::collect_counted as collect;
/// One collection of a generation; counted like [`collect`].
pub use stats::collect_generation_counted as collect_generation;
pub use thread::{attach_thread, is_attached, process_queued_merges, ThreadAttachment};
pub use trigger::BREAKER_GC_COLLECT;
pub use weak::try_incref;

#[cfg(feature = "stats")]
pub use stats::{gc_stats, live_objects, GcStats};

/// Whether the block at `p` is allocated and not freed (loom models only:
/// the loom heap keeps freed memory readable and tracks liveness).
#[cfg(loom)]
pub fn loom_block_is_live(p: core::ptr::NonNull<ObjHeader>) -> bool {
    heap::loom_is_live(p)
}

/// Loom models only: with `check`, assert that no object freed since the
/// last call was written to after its free (the loom heap poisons `ob_tid`
/// on free); then forget those objects. Call with `false` at the start of a
/// model and with `true` at its end.
#[cfg(loom)]
pub fn loom_check_freed_blocks(check: bool) {
    heap::loom_check_freed(check)
}
