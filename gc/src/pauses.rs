//! How long collections stopped the world: per generation, the number of
//! pauses, their total and maximum, and the most recent ones (for medians).
//! Read through [`pause_stats`] (`-X stats`, benchmarks); written once per
//! pause by the collector, which runs one collection at a time.

use crate::collect::Generation;
use std::sync::Mutex;

/// Pauses remembered per generation for [`PauseStats::recent`].
const RECENT: usize = 1024;

/// Pauses of one generation.
#[derive(Debug, Default, Clone)]
pub struct GenPauses {
    /// Number of pauses (a collection whose finalizers ran has two).
    pub count: u64,
    pub total_ns: u64,
    pub max_ns: u64,
    /// The last `RECENT` pauses, oldest first.
    pub recent: Vec<u64>,
}

impl GenPauses {
    /// Median of the recent pauses (0 if none).
    pub fn median_ns(&self) -> u64 {
        let mut v = self.recent.clone();
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or(0)
    }
}

/// Pauses so far, young and full.
#[derive(Debug, Default, Clone)]
pub struct PauseStats {
    pub young: GenPauses,
    pub full: GenPauses,
}

static PAUSES: Mutex<Option<PauseStats>> = Mutex::new(None);

/// Records one stop-the-world pause.
pub(crate) fn record(generation: Generation, ns: u64) {
    let mut g = PAUSES.lock().unwrap_or_else(|e| e.into_inner());
    let stats = g.get_or_insert_with(PauseStats::default);
    let gp = match generation {
        Generation::Young => &mut stats.young,
        Generation::Full => &mut stats.full,
    };
    gp.count += 1;
    gp.total_ns += ns;
    gp.max_ns = gp.max_ns.max(ns);
    if gp.recent.len() == RECENT {
        gp.recent.remove(0);
    }
    gp.recent.push(ns);
}

/// The collector's pause statistics so far.
pub fn pause_stats() -> PauseStats {
    PAUSES.lock().unwrap_or_else(|e| e.into_inner()).clone().unwrap_or_default()
}
