//! The text report of `skein compare`: the summary table and the terminal
//! bar chart. Both are plain functions of the measured `Comparison`.

use super::compare::{Comparison, Series};
use super::compare_child::Mode;

/// Median, minimum and maximum of a non-empty sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

pub fn summarize(values: &[f64]) -> Summary {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return Summary { median: f64::NAN, min: f64::NAN, max: f64::NAN };
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
    Summary { median, min: v[0], max: v[n - 1] }
}

/// Free-threaded / GIL, or NaN when the GIL value is 0.
pub fn ratio(ft: f64, gil: f64) -> f64 {
    if gil == 0.0 {
        f64::NAN
    } else {
        ft / gil
    }
}

/// A number with about four significant digits.
pub fn num(v: f64) -> String {
    let a = v.abs();
    if !v.is_finite() {
        "-".to_string()
    } else if a == 0.0 {
        "0".to_string()
    } else if a >= 1e7 || a < 1e-3 {
        format!("{v:.3e}")
    } else if a >= 1000.0 {
        format!("{v:.0}")
    } else if a >= 100.0 {
        format!("{v:.1}")
    } else if a >= 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

fn times(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.2}x")
    } else {
        "-".to_string()
    }
}

/// The header line: script, arguments, runs.
pub fn title(c: &Comparison) -> String {
    let mut cmd = c.script.clone();
    for a in &c.args {
        cmd.push(' ');
        cmd.push_str(a);
    }
    let warm = match c.warmup {
        0 => String::new(),
        1 => ", 1 warm-up run".to_string(),
        n => format!(", {n} warm-up runs"),
    };
    format!("skein compare: {cmd} ({} run{} per mode{warm})", c.runs, if c.runs == 1 { "" } else { "s" })
}

/// The summary table: one row per mode and thread count, then the
/// free-threaded/GIL ratio of the medians.
pub fn table(c: &Comparison) -> String {
    let with_threads = c.thread_counts().iter().any(Option::is_some);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let groups = ["wall time (s)", "cpu time (s)"];
    let thr_group = format!("throughput ({}/s)", c.unit);
    let mut head = Vec::new();
    if with_threads {
        head.push("threads".to_string());
    }
    head.push("mode".to_string());
    for _ in 0..3 {
        head.extend(["median", "min", "max"].map(String::from));
    }
    rows.push(head);
    for threads in c.thread_counts() {
        let ft = c.series(threads, Mode::FreeThreaded);
        let gil = c.series(threads, Mode::Gil);
        let mut medians = Vec::new();
        for s in [ft, gil].into_iter().flatten() {
            let mut row = Vec::new();
            if with_threads {
                row.push(threads.map(|t| t.to_string()).unwrap_or_default());
            }
            row.push(s.mode.name().to_string());
            let sums = series_summaries(s);
            for sm in sums {
                row.extend([num(sm.median), num(sm.min), num(sm.max)]);
            }
            medians.push(sums.map(|sm| sm.median));
            rows.push(row);
        }
        if let [f, g] = medians[..] {
            let mut row = Vec::new();
            if with_threads {
                row.push(threads.map(|t| t.to_string()).unwrap_or_default());
            }
            row.push("ratio ft/gil".to_string());
            for k in 0..3 {
                row.extend([times(ratio(f[k], g[k])), String::new(), String::new()]);
            }
            rows.push(row);
        }
    }
    let ncols = rows[0].len();
    let mut width = vec![0; ncols];
    for r in &rows {
        for (i, cell) in r.iter().enumerate() {
            width[i] = width[i].max(cell.chars().count());
        }
    }
    let lead = if with_threads { 2 } else { 1 };
    // Each group label spans its three columns.
    let labels = [groups[0], groups[1], thr_group.as_str()];
    for (g, label) in labels.iter().enumerate() {
        let cols = lead + 3 * g..lead + 3 * g + 3;
        let span: usize = width[cols.clone()].iter().sum::<usize>() + 2 * 2;
        let need = label.chars().count();
        if need > span {
            width[cols.start] += need - span;
        }
    }
    let mut out = title(c);
    out.push_str("\n\n");
    let mut group_line = String::new();
    for w in &width[..lead] {
        group_line.push_str(&" ".repeat(w + 2));
    }
    for (g, label) in labels.iter().enumerate() {
        let cols = lead + 3 * g..lead + 3 * g + 3;
        let span: usize = width[cols].iter().sum::<usize>() + 2 * 2;
        group_line.push_str(&format!("{label:<span$}  "));
    }
    out.push_str(group_line.trim_end());
    out.push('\n');
    for r in &rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let w = width[i];
            // The mode column reads left-aligned; numbers right-aligned.
            if i == lead - 1 {
                line.push_str(&format!("{cell:<w$}  "));
            } else {
                line.push_str(&format!("{cell:>w$}  "));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Wall, CPU and throughput summaries of one series.
pub fn series_summaries(s: &Series) -> [Summary; 3] {
    [summarize(&s.walls()), summarize(&s.cpus()), summarize(&s.throughputs())]
}

/// Horizontal bars of the median throughput, longer is better.
pub fn bar_chart(c: &Comparison) -> String {
    const WIDTH: usize = 40;
    // Eighths of a cell, for bars that do not end on a cell boundary.
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let with_threads = c.thread_counts().iter().any(Option::is_some);
    let bars: Vec<(String, &'static str, f64)> = c
        .series
        .iter()
        .map(|s| {
            let t = match s.threads {
                Some(t) if with_threads => format!("T={t}"),
                _ => String::new(),
            };
            (t, s.mode.name(), summarize(&s.throughputs()).median)
        })
        .collect();
    let max = bars.iter().map(|b| b.2).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let tw = bars.iter().map(|b| b.0.chars().count()).max().unwrap_or(0);
    let mw = bars.iter().map(|b| b.1.len()).max().unwrap_or(0);
    let mut out = format!("median throughput, {}/s (longer is better)\n", c.unit);
    let mut last_t = None;
    for (t, mode, v) in &bars {
        let eighths = if max > 0.0 && v.is_finite() { (v / max * (WIDTH * 8) as f64).round() as usize } else { 0 };
        let mut bar = "█".repeat(eighths / 8);
        if eighths % 8 != 0 {
            bar.push(PARTS[eighths % 8]);
        }
        let shown_t = if last_t.as_ref() == Some(t) { "" } else { t.as_str() };
        last_t = Some(t.clone());
        let lead = if tw > 0 { format!("{shown_t:<tw$}  ") } else { String::new() };
        out.push_str(&format!("{lead}{mode:<mw$}  {bar:<WIDTH$} {}\n", num(*v)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_of_odd_and_even_samples() {
        assert_eq!(summarize(&[3.0, 1.0, 2.0]), Summary { median: 2.0, min: 1.0, max: 3.0 });
        assert_eq!(summarize(&[4.0, 1.0, 2.0, 3.0]), Summary { median: 2.5, min: 1.0, max: 4.0 });
        assert!(summarize(&[]).median.is_nan());
    }

    #[test]
    fn numbers_keep_about_four_digits() {
        for (v, s) in [(0.0, "0"), (1.23456, "1.235"), (12.3456, "12.35"), (123.456, "123.5"), (12345.6, "12346")] {
            assert_eq!(num(v), s);
        }
        assert_eq!(num(f64::NAN), "-");
    }
}
