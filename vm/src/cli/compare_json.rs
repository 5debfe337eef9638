//! `skein compare --json FILE`: the raw numbers, every run in the order it
//! happened, and the summaries the table shows. Written by hand (the
//! workspace has no JSON library); the format is documented in
//! docs/compare.md.

use super::compare::Comparison;
use super::compare_child::Mode;
use super::compare_report::{ratio, series_summaries, Summary};

/// A JSON string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON number (`null` for NaN and infinities, which JSON lacks).
pub fn number(v: f64) -> String {
    if v.is_finite() {
        // `Display` never uses an exponent and always round-trips.
        format!("{v}")
    } else {
        "null".to_string()
    }
}

fn numbers(v: &[f64]) -> String {
    format!("[{}]", v.iter().map(|&x| number(x)).collect::<Vec<_>>().join(", "))
}

fn summary(s: Summary) -> String {
    format!("{{\"median\": {}, \"min\": {}, \"max\": {}}}", number(s.median), number(s.min), number(s.max))
}

fn threads(t: Option<u32>) -> String {
    t.map(|t| t.to_string()).unwrap_or_else(|| "null".to_string())
}

pub fn to_json(c: &Comparison) -> String {
    let mut out = String::from("{\n");
    out.push_str(&format!("  \"skein_version\": {},\n", string(skein_vm::VERSION)));
    out.push_str(&format!("  \"script\": {},\n", string(&c.script)));
    let args: Vec<String> = c.args.iter().map(|a| string(a)).collect();
    out.push_str(&format!("  \"args\": [{}],\n", args.join(", ")));
    out.push_str(&format!("  \"runs\": {},\n  \"warmup\": {},\n", c.runs, c.warmup));
    out.push_str(&format!("  \"unit\": {},\n", string(&c.unit)));
    let counts: Vec<String> = c.thread_counts().into_iter().map(threads).collect();
    out.push_str(&format!("  \"threads\": [{}],\n", counts.join(", ")));
    out.push_str("  \"series\": [\n");
    let series: Vec<String> = c
        .series
        .iter()
        .map(|s| {
            let [wall, cpu, thr] = series_summaries(s);
            let user: Vec<f64> = s.samples.iter().map(|x| x.user).collect();
            let sys: Vec<f64> = s.samples.iter().map(|x| x.sys).collect();
            format!(
                "    {{\"mode\": {}, \"threads\": {}, \"work\": {}, \"wall_s\": {}, \"user_s\": {}, \"sys_s\": {}, \"cpu_s\": {}, \"throughput\": {},\n     \"wall\": {}, \"cpu\": {}, \"throughput_summary\": {}}}",
                string(s.mode.name()),
                threads(s.threads),
                number(s.work),
                numbers(&s.walls()),
                numbers(&user),
                numbers(&sys),
                numbers(&s.cpus()),
                numbers(&s.throughputs()),
                summary(wall),
                summary(cpu),
                summary(thr),
            )
        })
        .collect();
    out.push_str(&series.join(",\n"));
    out.push_str("\n  ],\n  \"ratios\": [\n");
    let ratios: Vec<String> = c
        .thread_counts()
        .into_iter()
        .filter_map(|t| {
            let ft = series_summaries(c.series(t, Mode::FreeThreaded)?);
            let gil = series_summaries(c.series(t, Mode::Gil)?);
            Some(format!(
                "    {{\"threads\": {}, \"wall\": {}, \"cpu\": {}, \"throughput\": {}}}",
                threads(t),
                number(ratio(ft[0].median, gil[0].median)),
                number(ratio(ft[1].median, gil[1].median)),
                number(ratio(ft[2].median, gil[2].median)),
            ))
        })
        .collect();
    out.push_str(&ratios.join(",\n"));
    out.push_str("\n  ],\n  \"order\": [\n");
    let order: Vec<String> = c
        .order
        .iter()
        .map(|r| {
            format!(
                "    {{\"mode\": {}, \"threads\": {}, \"warmup\": {}, \"wall_s\": {}, \"user_s\": {}, \"sys_s\": {}}}",
                string(r.mode.name()),
                threads(r.threads),
                r.warmup,
                number(r.sample.wall),
                number(r.sample.user),
                number(r.sample.sys),
            )
        })
        .collect();
    out.push_str(&order.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\u0001é\"");
    }

    #[test]
    fn numbers_never_use_nan() {
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(1e-7), "0.0000001");
        assert_eq!(number(f64::NAN), "null");
    }
}
