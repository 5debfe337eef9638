//! `skein compare`: the runs it makes (order, modes, thread counts), the
//! shape of its table, its JSON and SVG files, and its exit statuses.
//! Nothing here looks at the times themselves, only at their presence.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "support/json_check.rs"]
mod json_check;
#[path = "support/xml_check.rs"]
mod xml_check;

use json_check::Json;

/// A scratch directory per test, removed on success.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("skein-compare-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).expect("write scratch file");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A script that logs, per run, its mode, SKEIN_THREADS and its arguments.
const LOGGING_SCRIPT: &str = r#"import os, sys
mode = "gil" if sys._is_gil_enabled() else "ft"
with open(os.environ["COMPARE_LOG"], "a") as f:
    f.write(mode + " " + os.environ.get("SKEIN_THREADS", "-") + " " + " ".join(sys.argv[1:]) + "\n")
print("output of the script", mode)
"#;

fn compare(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skein"))
        .arg("compare")
        .args(args)
        .current_dir(dir)
        .env("COMPARE_LOG", dir.join("log.txt"))
        .env_remove("PYTHON_GIL")
        .output()
        .expect("run skein compare")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn log_lines(s: &Scratch) -> Vec<String> {
    std::fs::read_to_string(s.path("log.txt")).unwrap_or_default().lines().map(str::to_string).collect()
}

#[test]
fn modes_alternate_and_the_table_has_both_rows_and_the_ratio() {
    let s = Scratch::new("alternate");
    s.write("t.py", LOGGING_SCRIPT);
    let out = compare(&s.0, &["--runs", "3", "--warmup", "1", "--json", "r.json", "t.py", "a", "-x"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "status {:?}\nstdout:\n{stdout}\nstderr:\n{}", out.status, text(&out.stderr));
    let modes: Vec<String> = log_lines(&s).iter().map(|l| l.clone()).collect();
    let expected: Vec<String> = ["ft", "gil"].iter().cycle().take(8).map(|m| format!("{m} - a -x")).collect();
    assert_eq!(modes, expected, "1 warm-up + 3 runs per mode, alternating, arguments passed on");
    assert!(!stdout.contains("output of the script"), "the script's stdout is captured:\n{stdout}");
    assert!(stdout.starts_with("skein compare: t.py a -x (3 runs per mode, 1 warm-up run)\n"), "{stdout}");
    let rows: Vec<&str> = stdout.lines().collect();
    let header = rows.iter().position(|l| l.contains("wall time (s)")).expect("group header");
    assert!(rows[header].contains("cpu time (s)") && rows[header].contains("throughput (runs/s)"), "{stdout}");
    assert_eq!(rows[header + 1].split_whitespace().collect::<Vec<_>>(), {
        let mut v = vec!["mode"];
        v.extend(["median", "min", "max"].repeat(3));
        v
    });
    let ft: Vec<&str> = rows[header + 2].split_whitespace().collect();
    let gil: Vec<&str> = rows[header + 3].split_whitespace().collect();
    assert_eq!((ft[0], ft.len()), ("free-threaded", 10), "{stdout}");
    assert_eq!((gil[0], gil.len()), ("gil", 10), "{stdout}");
    for v in ft[1..].iter().chain(&gil[1..]) {
        assert!(v.parse::<f64>().is_ok(), "a number: {v}\n{stdout}");
    }
    let ratio: Vec<&str> = rows[header + 4].split_whitespace().collect();
    assert_eq!(&ratio[..2], &["ratio", "ft/gil"], "{stdout}");
    assert_eq!(ratio.len(), 5, "three ratios: {stdout}");
    assert!(ratio[2..].iter().all(|r| r.ends_with('x')), "{stdout}");
    assert!(stdout.contains("median throughput, runs/s"), "terminal chart: {stdout}");
    assert!(stdout.contains('█'), "terminal chart has bars: {stdout}");

    let json = Json::parse(&std::fs::read_to_string(s.path("r.json")).expect("json written")).expect("valid JSON");
    assert_eq!(json.get("script").and_then(Json::as_str), Some("t.py"));
    assert_eq!(json.get("runs").and_then(Json::as_f64), Some(3.0));
    let series = json.get("series").and_then(Json::as_array).expect("series");
    let names: Vec<&str> = series.iter().filter_map(|s| s.get("mode").and_then(Json::as_str)).collect();
    assert_eq!(names, ["free-threaded", "gil"]);
    for s in series {
        for key in ["wall_s", "user_s", "sys_s", "cpu_s", "throughput"] {
            let v = s.get(key).and_then(Json::as_array).unwrap_or_else(|| panic!("{key}"));
            assert_eq!(v.len(), 3, "{key}: one value per measured run");
            assert!(v.iter().all(|x| x.as_f64().is_some_and(|x| x >= 0.0)), "{key}");
        }
        let wall = s.get("wall").expect("wall summary");
        let (lo, med, hi) = (
            wall.get("min").and_then(Json::as_f64).expect("min"),
            wall.get("median").and_then(Json::as_f64).expect("median"),
            wall.get("max").and_then(Json::as_f64).expect("max"),
        );
        assert!(lo <= med && med <= hi);
    }
    let order = json.get("order").and_then(Json::as_array).expect("order");
    let seen: Vec<(&str, bool)> = order
        .iter()
        .map(|r| {
            (r.get("mode").and_then(Json::as_str).unwrap_or("?"), matches!(r.get("warmup"), Some(Json::Bool(true))))
        })
        .collect();
    assert_eq!(seen.len(), 8);
    assert_eq!(seen[0], ("free-threaded", true));
    assert_eq!(seen[1], ("gil", true));
    assert_eq!(seen[2], ("free-threaded", false));
    assert_eq!(seen[7], ("gil", false));
}

#[test]
fn thread_counts_reach_the_script_and_the_svg_plots_speed_up() {
    let s = Scratch::new("threads");
    s.write("t.py", LOGGING_SCRIPT);
    let out = compare(
        &s.0,
        &[
            "--threads",
            "1,2",
            "-n",
            "2",
            "--warmup",
            "0",
            "--work-per-thread",
            "10",
            "--svg",
            "c.svg",
            "--json",
            "r.json",
            "t.py",
            "{T}",
        ],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "stdout:\n{stdout}\nstderr:\n{}", text(&out.stderr));
    assert_eq!(log_lines(&s), ["ft 1 1", "gil 1 1", "ft 1 1", "gil 1 1", "ft 2 2", "gil 2 2", "ft 2 2", "gil 2 2"]);
    let rows: Vec<&str> = stdout.lines().collect();
    let header = rows.iter().position(|l| l.trim_start().starts_with("threads")).expect("threads column");
    let first: Vec<&str> = rows[header + 1].split_whitespace().collect();
    assert_eq!(&first[..2], &["1", "free-threaded"], "{stdout}");
    assert!(rows.iter().any(|l| l.split_whitespace().take(3).eq(["2", "ratio", "ft/gil"])), "{stdout}");
    assert!(stdout.contains("throughput (units/s)"), "{stdout}");

    let svg = std::fs::read_to_string(s.path("c.svg")).expect("svg written");
    xml_check::well_formed(&svg).unwrap_or_else(|e| panic!("SVG not well-formed: {e}\n{svg}"));
    assert!(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(svg.matches("<polyline").count(), 2, "one line per mode");
    assert!(!svg.contains("href"), "self-contained");

    let json = Json::parse(&std::fs::read_to_string(s.path("r.json")).expect("json")).expect("valid JSON");
    let series = json.get("series").and_then(Json::as_array).expect("series");
    let works: Vec<(f64, f64)> = series
        .iter()
        .map(|s| {
            (
                s.get("threads").and_then(Json::as_f64).unwrap_or(-1.0),
                s.get("work").and_then(Json::as_f64).unwrap_or(-1.0),
            )
        })
        .collect();
    assert_eq!(works, [(1.0, 10.0), (1.0, 10.0), (2.0, 20.0), (2.0, 20.0)]);
}

#[test]
fn single_thread_count_svg_has_bars() {
    let s = Scratch::new("bars");
    s.write("t.py", LOGGING_SCRIPT);
    let out =
        compare(&s.0, &["-n", "1", "-w", "0", "--no-chart", "--show-output", "-X", "stats", "--svg", "b.svg", "t.py"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!stdout.contains('█'), "--no-chart: {stdout}");
    assert!(stdout.contains("output of the script ft") && stdout.contains("output of the script gil"), "{stdout}");
    // -X stats reached both children, and --show-output shows their stderr.
    assert!(
        stdout.contains("skein stats (free-threaded)") && stdout.contains("skein stats (with the GIL)"),
        "{stdout}"
    );
    let svg = std::fs::read_to_string(s.path("b.svg")).expect("svg");
    xml_check::well_formed(&svg).unwrap_or_else(|e| panic!("SVG not well-formed: {e}\n{svg}"));
    assert!(svg.matches("<rect").count() >= 4 + 1, "background + 2 bars per panel");
}

#[test]
fn a_failing_script_reports_its_stderr_and_fails() {
    let s = Scratch::new("fail");
    s.write("f.py", "import sys\nprint('to stdout')\nsys.stderr.write('boom from the script\\n')\nsys.exit(3)\n");
    let out = compare(&s.0, &["-n", "2", "f.py"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    assert!(stderr.contains("boom from the script"), "{stderr}");
    assert!(stderr.contains("exit status 3"), "{stderr}");
    assert!(!text(&out.stdout).contains("ratio"), "no table after a failure");

    let s = Scratch::new("raise");
    s.write("r.py", "import sys\nif sys._is_gil_enabled():\n    raise ValueError('only with the GIL')\n");
    let out = compare(&s.0, &["-n", "1", "-w", "0", "r.py"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("ValueError: only with the GIL") && stderr.contains("gil"), "{stderr}");
}

#[test]
fn bad_options_are_usage_errors() {
    let s = Scratch::new("usage");
    s.write("t.py", "pass\n");
    for args in [
        &["--runs", "0", "t.py"][..],
        &["--runs", "many", "t.py"],
        &["--bogus", "t.py"],
        &["--threads", "1,x", "t.py"],
        &["--work", "-3", "t.py"],
        &["--work", "1", "--work-per-thread", "2", "--threads", "1", "t.py"],
        &[],
    ] {
        let out = compare(&s.0, args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    }
    for args in [&["--bogus", "t.py"][..], &[]] {
        let stderr = text(&compare(&s.0, args).stderr);
        assert!(stderr.contains("Usage: skein compare"), "{args:?}: {stderr}");
    }
    let out = compare(&s.0, &["missing.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("can't open file 'missing.py'"));
    let out = compare(&s.0, &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("--threads"));
}
