//! `-X stats` (or `PYTHONSKEINSTATS=1`): counters of reference counting,
//! locking, the collector and threads, printed to stderr at exit.
//! docs/stats.md explains each line.
//!
//! The counters live in `skein_threading::stats` (events, counted per
//! thread on slow paths only) and `skein_gc::stats` (collector totals);
//! this module switches them on and formats the report. Counters on the
//! hottest paths (owner and immortal reference count changes, uncontended
//! object mutex acquisitions) exist only in a build with the cargo feature
//! `stats`; the report says so instead of printing a misleading 0.

use skein_threading::stats::{self as events, Counter, Snapshot};

/// Whether the command line or the environment asks for the report:
/// `-X stats` / `-X stats=1` (`-X stats=0` turns it off again), or
/// `PYTHONSKEINSTATS` set to anything but empty or `0`.
pub fn requested(x_options: &[String]) -> bool {
    requested_by(std::env::var("PYTHONSKEINSTATS").ok().as_deref(), x_options)
}

fn requested_by(env: Option<&str>, x_options: &[String]) -> bool {
    let mut on = env.is_some_and(|v| !v.is_empty() && v != "0");
    for opt in x_options {
        match opt.as_str() {
            "stats" | "stats=1" => on = true,
            "stats=0" => on = false,
            _ => {}
        }
    }
    on
}

/// Start counting. Call before any other thread starts.
pub fn enable() {
    events::enable();
}

/// Whether counting is on.
pub fn enabled() -> bool {
    events::enabled()
}

/// The report, one `label  value` line per counter under a heading per
/// group. `gil` says which mode the process ran in.
pub fn report(gil: bool) -> String {
    format_report(&events::snapshot(), &skein_gc::stats::collector_totals(), gil, events::HOT_COUNTERS)
}

fn format_report(s: &Snapshot, gc: &skein_gc::stats::CollectorTotals, gil: bool, hot: bool) -> String {
    let get = |c: Counter| -> String {
        if c.needs_feature() && !hot {
            "n/a".to_string()
        } else {
            s[c as usize].to_string()
        }
    };
    let mode = if gil { "with the GIL" } else { "free-threaded" };
    let mut out = format!("skein stats ({mode})\n");
    let mut section = |title: &str, rows: Vec<(&str, String)>| {
        out.push_str(title);
        out.push('\n');
        for (label, value) in rows {
            out.push_str(&format!("  {label:<40} {value:>14}\n"));
        }
    };
    section(
        "reference counting",
        vec![
            ("owner increments", get(Counter::OwnerIncref)),
            ("owner decrements", get(Counter::OwnerDecref)),
            ("immortal hits", get(Counter::ImmortalHit)),
            ("shared increments", get(Counter::SharedIncref)),
            ("shared decrements", get(Counter::SharedDecref)),
            ("give-ups", get(Counter::GiveUp)),
            ("queued", get(Counter::Queued)),
            ("queued to owner", get(Counter::QueuedToOwner)),
            ("released without owner", get(Counter::ReleasedWithoutOwner)),
            ("merged by owner", get(Counter::MergedByOwner)),
            ("released by owner (already merged)", get(Counter::ReleasedByOwner)),
            ("merged at thread exit", get(Counter::ExitMerged)),
            ("freed by non-owner", get(Counter::FreedByNonOwner)),
        ],
    );
    let gil_rows = |c: Counter| if gil { get(c) } else { "-".to_string() };
    section(
        "locks",
        vec![
            ("object mutex acquisitions", get(Counter::MutexAcquire)),
            ("object mutex contended", get(Counter::MutexContended)),
            ("object mutex parks", get(Counter::MutexPark)),
            ("lock waits", get(Counter::LockContended)),
            ("lock sleeps", get(Counter::LockSleep)),
            ("gil acquisitions", gil_rows(Counter::GilAcquire)),
            ("gil waits", gil_rows(Counter::GilWait)),
            ("gil switch requests", gil_rows(Counter::GilDropRequest)),
            ("gil forced switches", gil_rows(Counter::GilForcedSwitch)),
        ],
    );
    let ms = |ns: u64| format!("{:.3} ms", ns as f64 / 1e6);
    section(
        "collector",
        vec![
            ("collections", gc.collections.to_string()),
            ("pause total", ms(gc.pause_total_ns)),
            ("pause max", ms(gc.pause_max_ns)),
            ("objects examined", gc.examined.to_string()),
            ("objects collected", gc.collected.to_string()),
            ("objects resurrected", gc.resurrected.to_string()),
            ("finalizers run", get(Counter::FinalizerRun)),
        ],
    );
    section("threads", vec![("threads started", get(Counter::ThreadStarted))]);
    if !hot {
        out.push_str("(n/a: counted only in a build with `--features stats`, see docs/stats.md)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hot_counters_are_marked_when_not_built_in() {
        let mut s = [0u64; skein_threading::stats::COUNTERS];
        s[Counter::SharedIncref as usize] = 7;
        let gc = skein_gc::stats::CollectorTotals { collections: 2, pause_max_ns: 1_500_000, ..Default::default() };
        let r = format_report(&s, &gc, false, false);
        let line = |label: &str| r.lines().find(|l| l.trim_start().starts_with(label)).map(str::to_string);
        assert!(line("owner increments").is_some_and(|l| l.ends_with("n/a")), "{r}");
        assert!(line("shared increments").is_some_and(|l| l.ends_with(" 7")), "{r}");
        assert!(line("gil waits").is_some_and(|l| l.ends_with(" -")), "{r}");
        assert!(line("pause max").is_some_and(|l| l.ends_with("1.500 ms")), "{r}");
        assert!(r.contains("--features stats"));
        let r = format_report(&s, &gc, true, true);
        assert!(!r.contains("n/a") && r.starts_with("skein stats (with the GIL)"), "{r}");
    }

    #[test]
    fn x_option_and_environment() {
        let x = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(requested_by(None, &x(&["stats"])));
        assert!(requested_by(None, &x(&["gil=1", "stats=1"])));
        assert!(!requested_by(None, &x(&["stats", "stats=0"])));
        assert!(!requested_by(None, &x(&["gil=1"])));
        assert!(requested_by(Some("1"), &[]));
        assert!(!requested_by(Some("0"), &[]) && !requested_by(Some(""), &[]));
        assert!(!requested_by(Some("1"), &x(&["stats=0"])));
    }
}
