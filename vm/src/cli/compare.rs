//! `skein compare`: run one script free-threaded and with the GIL, the two
//! modes alternating run by run, and report wall time, CPU time and
//! throughput side by side (table, terminal bar chart, optional SVG and
//! JSON). See docs/compare.md.
//!
//! Order of runs, for each thread count in turn: the warm-up runs
//! (free-threaded, GIL, free-threaded, GIL, ...), then the measured runs in
//! the same alternation, so that slow drifts of the machine (frequency,
//! other load) spread over both modes alike.

use std::path::PathBuf;

use clap::Parser;

use super::compare_child::{run_once, Job, Mode, Sample};
use super::{compare_json, compare_report, compare_svg};

/// Command-line options of `skein compare`.
#[derive(Parser, Debug)]
#[command(
    name = "skein compare",
    about = "Run a script free-threaded and with the GIL, alternating the two modes, and compare the times",
    after_help = "The script's stdout is captured. A run that exits non-zero stops the comparison (exit status 1)."
)]
pub struct Options {
    /// Measured runs per mode (and per thread count)
    #[arg(short = 'n', long, value_name = "N", default_value_t = 5, value_parser = at_least_one)]
    pub runs: u32,
    /// Unmeasured runs per mode before the measured ones
    #[arg(short, long, value_name = "N", default_value_t = 1)]
    pub warmup: u32,
    /// Thread counts to try, comma-separated (e.g. 1,2,4,8): each run gets
    /// SKEIN_THREADS=T in its environment, and `{T}` in the script
    /// arguments is replaced by T
    #[arg(short, long, value_name = "LIST", value_delimiter = ',', value_parser = at_least_one)]
    pub threads: Vec<u32>,
    /// Units of work one run does: throughput = N / wall time
    /// (default: runs per second)
    #[arg(long, value_name = "N", value_parser = positive_number, conflicts_with = "work_per_thread")]
    pub work: Option<f64>,
    /// Units of work one run does per thread: throughput = N * T / wall time
    #[arg(long, value_name = "N", value_parser = positive_number, requires = "threads")]
    pub work_per_thread: Option<f64>,
    /// Name of the unit of work in the report (default: "runs", or "units"
    /// with --work / --work-per-thread)
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// Write a self-contained SVG chart to FILE
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Write the raw numbers as JSON to FILE
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Leave out the terminal bar chart
    #[arg(long)]
    pub no_chart: bool,
    /// Print the script's stdout and stderr from the last run of each mode
    #[arg(long)]
    pub show_output: bool,
    /// Pass `-X OPT` to every run (repeatable), e.g. `-X stats` with
    /// --show-output
    #[arg(short = 'X', value_name = "OPT")]
    pub x_options: Vec<String>,
    /// The script to run
    pub script: String,
    /// Arguments for the script (`{T}` is replaced by the thread count)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

fn at_least_one(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        Ok(_) => Err("must be at least 1".to_string()),
        Err(_) => Err(format!("'{s}' is not a whole number")),
    }
}

fn positive_number(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("'{s}' is not a positive number")),
    }
}

/// All measured samples of one mode at one thread count.
#[derive(Debug, Clone)]
pub struct Series {
    pub threads: Option<u32>,
    pub mode: Mode,
    /// Units of work one run does (1 when throughput is runs per second).
    pub work: f64,
    pub samples: Vec<Sample>,
}

impl Series {
    pub fn walls(&self) -> Vec<f64> {
        self.samples.iter().map(|s| s.wall).collect()
    }
    pub fn cpus(&self) -> Vec<f64> {
        self.samples.iter().map(Sample::cpu).collect()
    }
    pub fn throughputs(&self) -> Vec<f64> {
        self.samples.iter().map(|s| self.work / s.wall.max(1e-9)).collect()
    }
}

/// One run in the order it happened.
#[derive(Debug, Clone)]
pub struct RunRecord {
    pub mode: Mode,
    pub threads: Option<u32>,
    pub warmup: bool,
    pub sample: Sample,
}

/// Everything `skein compare` measured.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub script: String,
    pub args: Vec<String>,
    pub runs: u32,
    pub warmup: u32,
    pub unit: String,
    /// Free-threaded then GIL, for each thread count in the order given.
    pub series: Vec<Series>,
    pub order: Vec<RunRecord>,
}

impl Comparison {
    /// The thread counts in order (`[None]` without `--threads`).
    pub fn thread_counts(&self) -> Vec<Option<u32>> {
        let mut out = Vec::new();
        for s in &self.series {
            if !out.contains(&s.threads) {
                out.push(s.threads);
            }
        }
        out
    }

    pub fn series(&self, threads: Option<u32>, mode: Mode) -> Option<&Series> {
        self.series.iter().find(|s| s.threads == threads && s.mode == mode)
    }
}

/// `skein compare ARGS...` (the arguments after `compare`): the exit status.
pub fn main(args: Vec<String>) -> i32 {
    let opts = match Options::try_parse_from(std::iter::once("skein compare".to_string()).chain(args)) {
        Ok(o) => o,
        // Usage errors exit 2, --help and --version 0, as clap does.
        Err(e) => e.exit(),
    };
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("skein compare: cannot find the skein executable: {e}");
            return 1;
        }
    };
    if !std::path::Path::new(&opts.script).is_file() {
        eprintln!("skein compare: can't open file '{}': No such file or directory", opts.script);
        return 2;
    }
    let comparison = match measure(&opts, &exe) {
        Ok(c) => c,
        Err(()) => return 1,
    };
    print!("{}", compare_report::table(&comparison));
    if !opts.no_chart {
        print!("\n{}", compare_report::bar_chart(&comparison));
    }
    let mut status = 0;
    if let Some(path) = &opts.svg {
        if let Err(e) = std::fs::write(path, compare_svg::chart(&comparison)) {
            eprintln!("skein compare: cannot write {}: {e}", path.display());
            status = 1;
        }
    }
    if let Some(path) = &opts.json {
        if let Err(e) = std::fs::write(path, compare_json::to_json(&comparison)) {
            eprintln!("skein compare: cannot write {}: {e}", path.display());
            status = 1;
        }
    }
    status
}

/// Runs everything in the documented order; `Err` after a failed run (its
/// stderr has been reported).
fn measure(opts: &Options, exe: &std::path::Path) -> Result<Comparison, ()> {
    let thread_counts: Vec<Option<u32>> =
        if opts.threads.is_empty() { vec![None] } else { opts.threads.iter().map(|&t| Some(t)).collect() };
    let unit = opts.unit.clone().unwrap_or_else(|| {
        if opts.work.is_some() || opts.work_per_thread.is_some() { "units" } else { "runs" }.to_string()
    });
    let mut series = Vec::new();
    let mut order = Vec::new();
    let modes = [Mode::FreeThreaded, Mode::Gil];
    let total = thread_counts.len() as u32 * (opts.warmup + opts.runs) * 2;
    let mut done = 0;
    for &threads in &thread_counts {
        let args: Vec<String> = opts
            .args
            .iter()
            .map(|a| match threads {
                Some(t) => a.replace("{T}", &t.to_string()),
                None => a.clone(),
            })
            .collect();
        let work = match (opts.work, opts.work_per_thread, threads) {
            (Some(w), _, _) => w,
            (None, Some(w), Some(t)) => w * f64::from(t),
            _ => 1.0,
        };
        let mut per_mode: Vec<Series> =
            modes.iter().map(|&mode| Series { threads, mode, work, samples: Vec::new() }).collect();
        let mut last_output = [(String::new(), String::new()), (String::new(), String::new())];
        let job = Job { script: &opts.script, args: &args, x_options: &opts.x_options };
        for i in 0..opts.warmup + opts.runs {
            let warmup = i < opts.warmup;
            for (m, &mode) in modes.iter().enumerate() {
                done += 1;
                progress(done, total, mode, threads);
                match run_once(exe, mode, &job, threads) {
                    Ok(f) => {
                        order.push(RunRecord { mode, threads, warmup, sample: f.sample });
                        if !warmup {
                            per_mode[m].samples.push(f.sample);
                        }
                        last_output[m] = (f.stdout, f.stderr);
                    }
                    Err(f) => {
                        progress_clear();
                        let t = threads.map(|t| format!(", {t} threads")).unwrap_or_default();
                        let kind = if warmup { "warm-up run" } else { "run" };
                        eprintln!(
                            "skein compare: {} failed ({}, {}, {kind} {} of {}{t})",
                            opts.script,
                            f.how,
                            mode.name(),
                            if warmup { i + 1 } else { i + 1 - opts.warmup },
                            if warmup { opts.warmup } else { opts.runs },
                        );
                        if !f.stderr.is_empty() {
                            eprintln!("--- its stderr:");
                            eprint!("{}", f.stderr);
                            if !f.stderr.ends_with('\n') {
                                eprintln!();
                            }
                        }
                        return Err(());
                    }
                }
            }
        }
        progress_clear();
        if opts.show_output {
            for (m, mode) in modes.iter().enumerate() {
                let t = threads.map(|t| format!(", {t} threads")).unwrap_or_default();
                for (name, text) in [("stdout", &last_output[m].0), ("stderr", &last_output[m].1)] {
                    if name == "stderr" && text.is_empty() {
                        continue;
                    }
                    println!("--- {name} of the last {} run{t}:", mode.name());
                    print!("{text}");
                    if !text.is_empty() && !text.ends_with('\n') {
                        println!();
                    }
                }
            }
            println!();
        }
        series.extend(per_mode);
    }
    Ok(Comparison {
        script: opts.script.clone(),
        args: opts.args.clone(),
        runs: opts.runs,
        warmup: opts.warmup,
        unit,
        series,
        order,
    })
}

/// A one-line progress note on stderr, only when it is a terminal.
fn progress(done: u32, total: u32, mode: Mode, threads: Option<u32>) {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let t = threads.map(|t| format!(" T={t}")).unwrap_or_default();
        let _ = write!(err, "\r\x1b[Krun {done}/{total}: {}{t}", mode.name());
        let _ = err.flush();
    }
}

fn progress_clear() {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\r\x1b[K");
        let _ = err.flush();
    }
}
