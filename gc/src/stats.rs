//! Event counters for tests and diagnostics.
//!
//! Two kinds:
//! - [`count!`]: process-wide counters for tests (cargo feature `stats`).
//!   Without the feature it expands to nothing and no counter exists, so
//!   the fast paths pay nothing. With it, each event is one relaxed
//!   `fetch_add` on a process-wide counter.
//! - [`event!`] / [`hot_event!`]: the `-X stats` counters
//!   (`skein_threading::stats`), chosen at run time. `event!` sits on slow
//!   paths only (a non-owner count change, a merge, a give-up) and costs a
//!   relaxed load and a branch when counting is off; `hot_event!` (owner
//!   and immortal count changes) exists only with the feature.
//! - Collector totals ([`collector_totals`]), summed from each
//!   collection's `CollectStats` by [`collect_counted`], the crate's
//!   `collect` entry point.
//!
//! These counters are not part of any protocol (they only count), hence
//! plain std atomics.

/// Count a `-X stats` event on a slow path: `event!(GiveUp)`,
/// `event!(ExitMerged, n)`.
macro_rules! event {
    ($name:ident) => {
        skein_threading::stats::count(skein_threading::stats::Counter::$name)
    };
    ($name:ident, $n:expr) => {
        skein_threading::stats::count_n(skein_threading::stats::Counter::$name, $n as u64)
    };
}

/// Count a `-X stats` event on a hot path: only in a build with the
/// feature `stats`, nothing at all otherwise.
macro_rules! hot_event {
    ($name:ident) => {{
        #[cfg(feature = "stats")]
        skein_threading::stats::count(skein_threading::stats::Counter::$name);
    }};
}

/// Count one event: `count!(GIVE_UPS)`, or `count!(EXIT_MERGED, n)`.
macro_rules! count {
    ($name:ident) => {
        count!($name, 1)
    };
    ($name:ident, $n:expr) => {{
        #[cfg(feature = "stats")]
        $crate::stats::counters::$name.fetch_add($n as usize, std::sync::atomic::Ordering::Relaxed);
    }};
}

#[cfg(feature = "stats")]
pub(crate) mod counters {
    use std::sync::atomic::AtomicUsize;
    macro_rules! counters {
        ($($name:ident),*) => { $(pub(crate) static $name: AtomicUsize = AtomicUsize::new(0);)* };
    }
    counters!(
        ALLOCATED,
        FREED,
        GIVE_UPS,
        QUEUED,
        PUSHED,
        RELEASED_WITHOUT_OWNER,
        MERGED_BY_OWNER,
        RELEASED_BY_OWNER,
        EXIT_MERGED,
        THREAD_EXITS,
        TRASHCAN_PARKED
    );
}

/// A snapshot of the event counters (feature `stats`).
#[cfg(feature = "stats")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GcStats {
    /// Objects allocated.
    pub allocated: usize,
    /// Objects freed.
    pub freed: usize,
    /// Owner's local count hit 0 while others held references: ownership
    /// given up (merged).
    pub give_ups: usize,
    /// Non-owner decrements at count 0 that queued the object.
    pub queued: usize,
    /// Queue entries delivered to an owner's inbox.
    pub pushed: usize,
    /// Queue references released by the non-owner itself (owner gone,
    /// closing, or already merged).
    pub released_without_owner: usize,
    /// Queue entries merged by their owner.
    pub merged_by_owner: usize,
    /// Queue entries whose object was already merged when the inbox's
    /// thread processed them (the owner exited or gave up first, or the tid
    /// was reused).
    pub released_by_owner: usize,
    /// Objects merged by their owner's exit protocol.
    pub exit_merged: usize,
    /// Exit protocols run.
    pub thread_exits: usize,
    /// Destructions deferred by the trashcan.
    pub trashcan_parked: usize,
}

/// Read the counters (feature `stats`).
#[cfg(feature = "stats")]
pub fn gc_stats() -> GcStats {
    use counters::*;
    use std::sync::atomic::Ordering::Relaxed;
    GcStats {
        allocated: ALLOCATED.load(Relaxed),
        freed: FREED.load(Relaxed),
        give_ups: GIVE_UPS.load(Relaxed),
        queued: QUEUED.load(Relaxed),
        pushed: PUSHED.load(Relaxed),
        released_without_owner: RELEASED_WITHOUT_OWNER.load(Relaxed),
        merged_by_owner: MERGED_BY_OWNER.load(Relaxed),
        released_by_owner: RELEASED_BY_OWNER.load(Relaxed),
        exit_merged: EXIT_MERGED.load(Relaxed),
        thread_exits: THREAD_EXITS.load(Relaxed),
        trashcan_parked: TRASHCAN_PARKED.load(Relaxed),
    }
}

/// Objects allocated minus objects freed, process-wide (feature `stats`).
#[cfg(feature = "stats")]
pub fn live_objects() -> usize {
    let s = gc_stats();
    s.allocated.saturating_sub(s.freed)
}

/// Totals over every collection run so far (`-X stats`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CollectorTotals {
    /// Collections run.
    pub collections: u64,
    /// Containers examined, summed over collections.
    pub examined: u64,
    /// Unreachable objects found (freed unless `gc.DEBUG_SAVEALL` kept them).
    pub collected: u64,
    /// Objects a finalizer made reachable again.
    pub resurrected: u64,
    /// Nanoseconds the world was stopped, summed.
    pub pause_total_ns: u64,
    /// The longest single collection's stopped time, in nanoseconds.
    pub pause_max_ns: u64,
}

mod collector {
    use std::sync::atomic::AtomicU64;
    pub(super) static COLLECTIONS: AtomicU64 = AtomicU64::new(0);
    pub(super) static EXAMINED: AtomicU64 = AtomicU64::new(0);
    pub(super) static COLLECTED: AtomicU64 = AtomicU64::new(0);
    pub(super) static RESURRECTED: AtomicU64 = AtomicU64::new(0);
    pub(super) static PAUSE_TOTAL_NS: AtomicU64 = AtomicU64::new(0);
    pub(super) static PAUSE_MAX_NS: AtomicU64 = AtomicU64::new(0);
}

/// Run one collection ([`crate::collect::collect`]) and add its
/// statistics to the totals. This is what the crate exports as
/// `skein_gc::collect`, so the totals see every collection without the
/// collector knowing about them. A collection is rare and long next to
/// these few relaxed additions, so they are made whether or not `-X stats`
/// is on.
pub fn collect_counted(hooks: &mut dyn crate::collect::GcHooks) -> Option<crate::collect::Collection> {
    collect_generation_counted(hooks, crate::collect::Generation::Full)
}

/// [`collect_counted`] for one generation (`skein_gc::collect_generation`).
pub fn collect_generation_counted(
    hooks: &mut dyn crate::collect::GcHooks,
    generation: crate::collect::Generation,
) -> Option<crate::collect::Collection> {
    use collector::*;
    use std::sync::atomic::Ordering::Relaxed;
    let c = crate::collect::collect_generation(hooks, generation)?;
    let s = &c.stats;
    COLLECTIONS.fetch_add(1, Relaxed);
    EXAMINED.fetch_add(s.candidates as u64, Relaxed);
    COLLECTED.fetch_add(s.unreachable as u64, Relaxed);
    RESURRECTED.fetch_add(s.resurrected as u64, Relaxed);
    PAUSE_TOTAL_NS.fetch_add(s.pause_ns, Relaxed);
    PAUSE_MAX_NS.fetch_max(s.pause_ns, Relaxed);
    Some(c)
}

/// The collector totals so far.
pub fn collector_totals() -> CollectorTotals {
    use collector::*;
    use std::sync::atomic::Ordering::Relaxed;
    CollectorTotals {
        collections: COLLECTIONS.load(Relaxed),
        examined: EXAMINED.load(Relaxed),
        collected: COLLECTED.load(Relaxed),
        resurrected: RESURRECTED.load(Relaxed),
        pause_total_ns: PAUSE_TOTAL_NS.load(Relaxed),
        pause_max_ns: PAUSE_MAX_NS.load(Relaxed),
    }
}
