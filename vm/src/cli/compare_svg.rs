//! `skein compare --svg FILE`: a self-contained SVG chart (no scripts, no
//! external fonts or style sheets).
//!
//! - One thread count (or none): two bar panels, wall time and CPU time,
//!   each bar the median of its mode with a min-max whisker.
//! - Several thread counts: speed-up against threads, one line per mode.
//!   Both lines share one baseline, the GIL's median throughput at the
//!   first thread count, so the chart shows scaling and the difference
//!   between the modes at once.

use std::fmt::Write;

use super::compare::Comparison;
use super::compare_child::Mode;
use super::compare_report::{num, series_summaries, summarize, title, Summary};

const W: f64 = 760.0;
const H: f64 = 440.0;
const FONT: &str = "font-family=\"sans-serif\" font-size=\"12\"";

fn color(mode: Mode) -> &'static str {
    match mode {
        Mode::FreeThreaded => "#1f77b4",
        Mode::Gil => "#e6550d",
    }
}

/// Text for an XML text node or attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Axis ticks from 0 to at least `max`, 1/2/5 times a power of ten apart.
pub fn ticks(max: f64) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// A tick value without trailing zeros (`0.5`, `1`, `2.5e-5`).
pub fn tick_label(v: f64) -> String {
    if v != 0.0 && (v.abs() >= 1e6 || v.abs() < 1e-3) {
        return format!("{v:.1e}");
    }
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn chart(c: &Comparison) -> String {
    let mut body = String::new();
    let counts = c.thread_counts();
    if counts.len() > 1 {
        speedup_lines(c, &mut body);
    } else {
        bar_panels(c, &mut body);
    }
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" {FONT}>"
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title(c)));
    let _ = writeln!(out, "<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"white\"/>");
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">{}</text>",
        W / 2.0,
        escape(&title(c))
    );
    out.push_str(&body);
    legend(&mut out);
    out.push_str("</svg>\n");
    out
}

fn legend(out: &mut String) {
    let y = H - 18.0;
    let mut x = W / 2.0 - 110.0;
    for mode in [Mode::FreeThreaded, Mode::Gil] {
        let _ =
            writeln!(out, "<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", y - 10.0, color(mode));
        let _ = writeln!(out, "<text x=\"{}\" y=\"{y}\">{}</text>", x + 18.0, mode.name());
        x += 130.0;
    }
}

/// A plot frame: y axis with ticks and grid lines from 0 to `max`;
/// returns the function mapping a value to its y coordinate.
fn y_axis(
    out: &mut String,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    max: f64,
    label: &str,
) -> impl Fn(f64) -> f64 {
    let ticks = ticks(max);
    let top_value = *ticks.last().unwrap_or(&1.0);
    let scale = move |v: f64| bottom - (v / top_value) * (bottom - top);
    for t in &ticks {
        let y = scale(*t);
        let _ = writeln!(out, "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#dddddd\"/>");
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            y + 4.0,
            tick_label(*t)
        );
    }
    let _ = writeln!(out, "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{bottom}\" stroke=\"black\"/>");
    let _ = writeln!(out, "<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"black\"/>");
    let mid = (top + bottom) / 2.0;
    let lx = left - 48.0;
    let _ = writeln!(
        out,
        "<text x=\"{lx}\" y=\"{mid}\" text-anchor=\"middle\" transform=\"rotate(-90 {lx} {mid})\">{}</text>",
        escape(label)
    );
    scale
}

fn bar_panels(c: &Comparison, out: &mut String) {
    let t = c.thread_counts().first().copied().flatten();
    let sums: Vec<(Mode, [Summary; 3])> = [Mode::FreeThreaded, Mode::Gil]
        .into_iter()
        .filter_map(|m| c.series(t, m).map(|s| (m, series_summaries(s))))
        .collect();
    let panels = [("wall time (s)", 0usize), ("cpu time, user + sys (s)", 1)];
    let (top, bottom) = (50.0, H - 70.0);
    let panel_w = (W - 40.0) / 2.0;
    for (p, (label, k)) in panels.iter().enumerate() {
        let left = 20.0 + p as f64 * panel_w + 60.0;
        let right = 20.0 + (p + 1) as f64 * panel_w - 20.0;
        let max = sums.iter().map(|(_, s)| s[*k].max).filter(|v| v.is_finite()).fold(0.0, f64::max);
        let y = y_axis(out, left, right, top, bottom, max, label);
        let slot = (right - left) / sums.len().max(1) as f64;
        for (i, (mode, s)) in sums.iter().enumerate() {
            let s = s[*k];
            let x0 = left + slot * i as f64 + slot * 0.2;
            let bw = slot * 0.6;
            let (ym, y0) = (y(s.median), y(0.0));
            let _ = writeln!(
                out,
                "<rect x=\"{x0:.1}\" y=\"{ym:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}: median {}, min {}, max {}</title></rect>",
                (y0 - ym).max(0.0),
                color(*mode),
                mode.name(),
                num(s.median),
                num(s.min),
                num(s.max)
            );
            let xm = x0 + bw / 2.0;
            let (ylo, yhi) = (y(s.min), y(s.max));
            let _ =
                writeln!(out, "<line x1=\"{xm:.1}\" y1=\"{ylo:.1}\" x2=\"{xm:.1}\" y2=\"{yhi:.1}\" stroke=\"black\"/>");
            for yy in [ylo, yhi] {
                let _ = writeln!(
                    out,
                    "<line x1=\"{:.1}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"black\"/>",
                    xm - 6.0,
                    xm + 6.0
                );
            }
            let _ = writeln!(
                out,
                "<text x=\"{xm:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                bottom + 16.0,
                num(s.median)
            );
        }
    }
}

fn speedup_lines(c: &Comparison, out: &mut String) {
    let counts = c.thread_counts();
    let baseline = c.series(counts[0], Mode::Gil).map(|s| summarize(&s.throughputs()).median).unwrap_or(f64::NAN);
    let points = |mode: Mode| -> Vec<(usize, f64)> {
        counts
            .iter()
            .enumerate()
            .filter_map(|(i, &t)| c.series(t, mode).map(|s| (i, summarize(&s.throughputs()).median / baseline)))
            .filter(|(_, v)| v.is_finite())
            .collect()
    };
    let lines = [(Mode::FreeThreaded, points(Mode::FreeThreaded)), (Mode::Gil, points(Mode::Gil))];
    let max = lines.iter().flat_map(|(_, p)| p.iter().map(|(_, v)| *v)).fold(0.0, f64::max);
    let (left, right, top, bottom) = (80.0, W - 30.0, 50.0, H - 80.0);
    let y = y_axis(out, left, right, top, bottom, max * 1.05, "speed-up (vs GIL, first thread count)");
    let step = if counts.len() > 1 { (right - left - 40.0) / (counts.len() - 1) as f64 } else { 0.0 };
    let x = |i: usize| left + 20.0 + step * i as f64;
    for (i, t) in counts.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x(i),
            bottom + 18.0,
            t.map(|t| t.to_string()).unwrap_or_default()
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">threads</text>",
        (left + right) / 2.0,
        bottom + 36.0
    );
    for (mode, pts) in &lines {
        let path: Vec<String> = pts.iter().map(|&(i, v)| format!("{:.1},{:.1}", x(i), y(v))).collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
            path.join(" "),
            color(*mode)
        );
        for &(i, v) in pts {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{}\"><title>{}, {} thread(s): {}x</title></circle>",
                x(i),
                y(v),
                color(*mode),
                mode.name(),
                counts[i].map(|t| t.to_string()).unwrap_or_default(),
                num(v)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_maximum_in_round_steps() {
        assert_eq!(ticks(1.0), vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]);
        assert_eq!(ticks(7.3), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(0.0), ticks(1.0));
    }

    #[test]
    fn tick_labels_drop_trailing_zeros() {
        let got: Vec<String> = [0.0, 0.5, 1.0, 12.25, 2000.0, 0.0001].into_iter().map(tick_label).collect();
        assert_eq!(got, ["0", "0.5", "1", "12.25", "2000", "1.0e-4"]);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot; ");
    }
}
