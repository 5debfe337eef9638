//! Event counters for tests and diagnostics (cargo feature `stats`).
//!
//! Without the feature, [`count!`] expands to nothing and no counter
//! exists, so the fast paths pay nothing. With it, each event is one
//! relaxed `fetch_add` on a process-wide counter. These counters are not
//! part of any protocol (they only count), hence plain std atomics.

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
