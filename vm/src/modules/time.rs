//! The `time` module.
//!
//! Clocks: `time`/`time_ns` read the system clock; `monotonic` and
//! `perf_counter` read a monotonic clock relative to the first use in the
//! process (the reference point is unspecified in Python too);
//! `process_time` sums the process's user and system CPU time from
//! `/proc/self/stat` (clock-tick resolution).
//!
//! Calendar: there is no time-zone database, so local time is UTC
//! (`timezone == 0`, `tzname == ('UTC', 'UTC')`). `struct_time` is a struct
//! sequence with CPython's nine fields.
//!
//! `sleep` detaches the thread for the duration, so other threads (and
//! stop-the-world requests) are not held up by a sleeping one.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use skein_threading::registry::BREAKER_SIGNAL;

use crate::builtins::numeric::index_bigint;
use crate::builtins::structseq::{new_struct_seq, new_struct_seq_type};
use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::PyRef;
use crate::types::float::new_float;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::type_::TypeCell;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static STRUCT_TIME_TYPE: TypeCell = TypeCell::new();

const NS_PER_SEC: i128 = 1_000_000_000;

// ---- clocks --------------------------------------------------------------------------

/// Nanoseconds since the Unix epoch (negative before it).
fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Nanoseconds on the monotonic clock since its first use.
fn monotonic_ns() -> i128 {
    static BASE: OnceLock<Instant> = OnceLock::new();
    let base = *BASE.get_or_init(Instant::now);
    Instant::now().duration_since(base).as_nanos() as i128
}

/// CPU time (user + system) in nanoseconds from a `/proc/.../stat` file.
fn cpu_ns(path: &str) -> i128 {
    const TICKS_PER_SEC: i128 = 100;
    let Ok(text) = std::fs::read_to_string(path) else {
        return 0;
    };
    // Fields after the parenthesised command name start at field 3.
    let Some(rest) = text.rsplit_once(')').map(|(_, r)| r) else {
        return 0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<i128>().ok()).unwrap_or(0);
    (field(14) + field(15)) * (NS_PER_SEC / TICKS_PER_SEC)
}

fn ns_value(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => int_from_i64(i),
        Err(_) => int_from_bigint(BigInt::from(ns)),
    }
}

fn secs_value(ns: i128) -> Value {
    new_float(ns as f64 / 1e9)
}

fn time_time(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "time", 0)?;
    Ok(secs_value(wall_ns()))
}

fn time_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "time_ns", 0)?;
    Ok(ns_value(wall_ns()))
}

fn time_monotonic(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "monotonic", 0)?;
    Ok(secs_value(monotonic_ns()))
}

fn time_monotonic_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "monotonic_ns", 0)?;
    Ok(ns_value(monotonic_ns()))
}

fn time_process_time(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "process_time", 0)?;
    Ok(secs_value(cpu_ns("/proc/self/stat")))
}

fn time_process_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "process_time_ns", 0)?;
    Ok(ns_value(cpu_ns("/proc/self/stat")))
}

fn time_thread_time(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "thread_time", 0)?;
    Ok(secs_value(cpu_ns("/proc/thread-self/stat")))
}

fn time_thread_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "thread_time_ns", 0)?;
    Ok(ns_value(cpu_ns("/proc/thread-self/stat")))
}

/// `sleep(secs)`: the thread is detached while it sleeps.
fn time_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "sleep", 1)?;
    let v = &a[0];
    let ns: i128 = if let Some(f) = v.as_float() {
        if f.is_nan() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        if ns.abs() >= i64::MAX as f64 {
            return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
        }
        ns as i128
    } else {
        let secs = index_bigint(vm, v)?;
        match secs.to_i64().and_then(|s| s.checked_mul(1_000_000_000)) {
            Some(ns) => ns as i128,
            None => return Err(vm.new_overflow_error("timestamp too large to convert to C _PyTime_t")),
        }
    };
    if ns < 0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    let deadline = Instant::now() + Duration::from_nanos(ns as u64);
    loop {
        // Detached in slices of at most signals::SIGNAL_POLL, so that Ctrl-C (the
        // main thread's BREAKER_SIGNAL) ends the sleep at once as in
        // CPython; if the signal raises nothing, the rest of the time is
        // slept (PEP 475).
        vm.thread.detach();
        let interrupted = loop {
            let now = Instant::now();
            if now >= deadline {
                break false;
            }
            std::thread::sleep((deadline - now).min(crate::signals::SIGNAL_POLL));
            if vm.thread.breaker_bits() & BREAKER_SIGNAL != 0 {
                break true;
            }
        };
        vm.thread.attach();
        if !interrupted {
            return Ok(none());
        }
        crate::runtime::check_signals(vm)?;
    }
}

// ---- calendar -------------------------------------------------------------------------

/// (year, month 1-12, day 1-31) of a day count from 1970-01-01
/// (proleptic Gregorian; Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Day count from 1970-01-01 of a (year, month, day); months outside
/// 1-12 and days outside the month carry over, as `mktime` normalises.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = y + (m - 1).div_euclid(12);
    let m = (m - 1).rem_euclid(12) + 1;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + (d - 1)
}

/// The broken-down fields of a struct_time.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    /// Monday is 0.
    wday: i64,
    /// 1-based.
    yday: i64,
    isdst: i64,
}

fn tm_from_secs(t: i64) -> Tm {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
        isdst: 0,
    }
}

fn struct_time_value(tm: &Tm) -> Value {
    let i = int_from_i64;
    new_struct_seq(
        STRUCT_TIME_TYPE.get(),
        vec![i(tm.year), i(tm.mon), i(tm.mday), i(tm.hour), i(tm.min), i(tm.sec), i(tm.wday), i(tm.yday), i(tm.isdst)],
    )
}

/// A `secs` argument of `gmtime`/`localtime`/`ctime`: now when absent or
/// `None`, else seconds rounded towards minus infinity.
fn secs_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(wall_ns().div_euclid(NS_PER_SEC) as i64);
    };
    if let Some(f) = v.as_float() {
        if f.is_nan() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        let s = f.floor();
        if s.abs() >= 9.2e18 {
            return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(s as i64);
    }
    let b = index_bigint(vm, v)?;
    match b.to_i64() {
        Some(s) => Ok(s),
        None => Err(vm.new_overflow_error("timestamp out of range for platform time_t")),
    }
}

/// A time tuple argument (`struct_time` or a 9-tuple), or now.
fn tm_arg(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Tm> {
    let Some(v) = v else {
        return Ok(tm_from_secs(wall_ns().div_euclid(NS_PER_SEC) as i64));
    };
    let Some(items) = v.as_tuple().map(|t| t.to_vec()) else {
        return Err(vm.new_type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.new_type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(&items) {
        let b = index_bigint(vm, item)?;
        *slot = match b.to_i64() {
            Some(x) => x,
            None => return Err(vm.new_overflow_error("Python int too large to convert to C long")),
        };
    }
    Ok(Tm { year: f[0], mon: f[1], mday: f[2], hour: f[3], min: f[4], sec: f[5], wday: f[6], yday: f[7], isdst: f[8] })
}

/// CPython's `checktm` for `strftime`/`asctime` (0 is accepted for the
/// month and day of month, as CPython does for `strftime`).
fn check_tm(vm: &mut Vm, tm: &Tm) -> PyResult<()> {
    let checks: [(bool, &str); 7] = [
        ((0..=12).contains(&tm.mon), "month out of range"),
        ((0..=31).contains(&tm.mday), "day of month out of range"),
        ((0..=23).contains(&tm.hour), "hour out of range"),
        ((0..=59).contains(&tm.min), "minute out of range"),
        ((0..=61).contains(&tm.sec), "seconds out of range"),
        (tm.wday >= -1, "day of week out of range"),
        ((0..=366).contains(&tm.yday), "day of year out of range"),
    ];
    for (ok, msg) in checks {
        if !ok {
            return Err(vm.new_value_error(msg));
        }
    }
    Ok(())
}

const DAY_ABBR: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_NAME: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MON_ABBR: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MON_NAME: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_index(tm: &Tm) -> usize {
    tm.wday.rem_euclid(7) as usize
}

fn mon_index(tm: &Tm) -> usize {
    (tm.mon - 1).clamp(0, 11) as usize
}

/// Number of ISO weeks in `year`.
fn iso_weeks_in_year(year: i64) -> i64 {
    let p = |y: i64| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7);
    if p(year) == 4 || p(year - 1) == 3 {
        53
    } else {
        52
    }
}

/// (ISO year, ISO week) of a date.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday_iso = tm.wday.rem_euclid(7) + 1;
    let week = (tm.yday - wday_iso + 10) / 7;
    if week < 1 {
        (tm.year - 1, iso_weeks_in_year(tm.year - 1))
    } else if week > iso_weeks_in_year(tm.year) {
        (tm.year + 1, 1)
    } else {
        (tm.year, week)
    }
}

fn asctime_string(tm: &Tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAY_ABBR[day_index(tm)],
        MON_ABBR[mon_index(tm)],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

/// C `strftime` in the C locale for the common directives; unknown ones
/// are copied through.
fn strftime_string(fmt: &str, tm: &Tm) -> String {
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut chars = fmt.chars();
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        match d {
            'a' => out.push_str(DAY_ABBR[day_index(tm)]),
            'A' => out.push_str(DAY_NAME[day_index(tm)]),
            'b' | 'h' => out.push_str(MON_ABBR[mon_index(tm)]),
            'B' => out.push_str(MON_NAME[mon_index(tm)]),
            'c' => out.push_str(&asctime_string(tm)),
            'C' => out.push_str(&format!("{:02}", tm.year.div_euclid(100))),
            'd' => out.push_str(&format!("{:02}", tm.mday)),
            'D' => out.push_str(&format!("{:02}/{:02}/{:02}", tm.mon, tm.mday, tm.year.rem_euclid(100))),
            'e' => out.push_str(&format!("{:2}", tm.mday)),
            'F' => out.push_str(&format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday)),
            'G' => out.push_str(&iso_week(tm).0.to_string()),
            'H' => out.push_str(&format!("{:02}", tm.hour)),
            'I' => out.push_str(&format!("{hour12:02}")),
            'j' => out.push_str(&format!("{:03}", tm.yday)),
            'm' => out.push_str(&format!("{:02}", tm.mon)),
            'M' => out.push_str(&format!("{:02}", tm.min)),
            'n' => out.push('\n'),
            'p' => out.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            'r' => out.push_str(&format!(
                "{hour12:02}:{:02}:{:02} {}",
                tm.min,
                tm.sec,
                if tm.hour < 12 { "AM" } else { "PM" }
            )),
            'R' => out.push_str(&format!("{:02}:{:02}", tm.hour, tm.min)),
            's' => {
                let days = days_from_civil(tm.year, tm.mon, tm.mday);
                out.push_str(&(days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec).to_string())
            }
            'S' => out.push_str(&format!("{:02}", tm.sec)),
            't' => out.push('\t'),
            'T' | 'X' => out.push_str(&format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec)),
            'u' => out.push_str(&(tm.wday.rem_euclid(7) + 1).to_string()),
            'U' => {
                let sunday_based = (tm.wday + 1).rem_euclid(7);
                out.push_str(&format!("{:02}", (tm.yday - 1 + 7 - sunday_based) / 7))
            }
            'V' => out.push_str(&format!("{:02}", iso_week(tm).1)),
            'w' => out.push_str(&((tm.wday + 1).rem_euclid(7)).to_string()),
            'W' => out.push_str(&format!("{:02}", (tm.yday - 1 + 7 - tm.wday.rem_euclid(7)) / 7)),
            'x' => out.push_str(&format!("{:02}/{:02}/{:02}", tm.mon, tm.mday, tm.year.rem_euclid(100))),
            'y' => out.push_str(&format!("{:02}", tm.year.rem_euclid(100))),
            'Y' => out.push_str(&tm.year.to_string()),
            'z' => out.push_str("+0000"),
            'Z' => out.push_str("UTC"),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

fn time_gmtime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "gmtime", 0, 1)?;
    let t = secs_arg(vm, a.first())?;
    Ok(struct_time_value(&tm_from_secs(t)))
}

fn time_localtime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "localtime", 0, 1)?;
    let t = secs_arg(vm, a.first())?;
    Ok(struct_time_value(&tm_from_secs(t)))
}

fn time_mktime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "mktime", 1)?;
    let tm = tm_arg(vm, Some(&a[0]), "mktime")?;
    let days = days_from_civil(tm.year, tm.mon, tm.mday);
    let secs = days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    Ok(new_float(secs as f64))
}

fn time_strftime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "strftime", 1, 2)?;
    let Some(fmt) = a[0].downcast_ref::<PyStr>() else {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("strftime() argument 1 must be str, not {t}")));
    };
    let tm = tm_arg(vm, a.get(1), "strftime")?;
    check_tm(vm, &tm)?;
    Ok(new_str(strftime_string(fmt.as_str(), &tm)))
}

fn time_asctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "asctime", 0, 1)?;
    let tm = tm_arg(vm, a.first(), "asctime")?;
    check_tm(vm, &tm)?;
    Ok(new_str(asctime_string(&tm)))
}

fn time_ctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "ctime", 0, 1)?;
    let t = secs_arg(vm, a.first())?;
    Ok(new_str(asctime_string(&tm_from_secs(t))))
}

// ---- strptime -------------------------------------------------------------------------

/// One element of a `strptime` format.
#[derive(Clone, Copy)]
enum FmtItem {
    /// Matches itself, ignoring ASCII case (CPython compiles with IGNORECASE).
    Literal(char),
    /// Whitespace in the format matches one or more whitespace characters.
    Space,
    Directive(char),
}

/// What the matched directives said, before the calendar is worked out.
#[derive(Default)]
struct Parsed {
    fields: Vec<(char, String)>,
}

/// Parses `data` by `format` as CPython's `_strptime` (C locale, UTC).
fn strptime(data: &str, format: &str) -> Result<Tm, String> {
    let expanded = format.replace("%c", "%a %b %d %H:%M:%S %Y").replace("%x", "%m/%d/%y").replace("%X", "%H:%M:%S");
    let mut items = Vec::new();
    let mut chars = expanded.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            match chars.next() {
                None => return Err(format!("stray % in format '{format}'")),
                Some('%') => items.push(FmtItem::Literal('%')),
                Some(d) if "aAbBdfHIjmMpSUwWyYzZuh".contains(d) => items.push(FmtItem::Directive(d)),
                Some(d) => return Err(format!("'{d}' is a bad directive in format '{format}'")),
            }
        } else if c.is_whitespace() {
            while chars.peek().is_some_and(|n| n.is_whitespace()) {
                chars.next();
            }
            items.push(FmtItem::Space);
        } else {
            items.push(FmtItem::Literal(c));
        }
    }
    let text: Vec<char> = data.chars().collect();
    let mut parsed = Parsed::default();
    let Some(end) = match_items(&items, &text, 0, &mut parsed) else {
        return Err(format!("time data {} does not match format {}", py_repr(data), py_repr(format)));
    };
    if end < text.len() {
        let rest: String = text[end..].iter().collect();
        return Err(format!("unconverted data remains: {rest}"));
    }
    build_tm(&parsed)
}

/// `repr()` of a string, as the error messages show it.
fn py_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// Backtracking match of `items` against `text` from `pos` (as the regex
/// CPython builds would): the end position of the first full match.
fn match_items(items: &[FmtItem], text: &[char], pos: usize, out: &mut Parsed) -> Option<usize> {
    let Some((first, rest)) = items.split_first() else {
        return Some(pos);
    };
    match *first {
        FmtItem::Literal(c) => {
            let t = *text.get(pos)?;
            if t == c || t.to_lowercase().eq(c.to_lowercase()) {
                match_items(rest, text, pos + 1, out)
            } else {
                None
            }
        }
        FmtItem::Space => {
            let mut n = 0;
            while text.get(pos + n).is_some_and(|c| c.is_whitespace()) {
                n += 1;
            }
            (1..=n).rev().find_map(|k| match_items(rest, text, pos + k, out))
        }
        FmtItem::Directive(d) => {
            for len in directive_candidates(d, &text[pos..]) {
                let value: String = text[pos..pos + len].iter().collect();
                out.fields.push((d, value));
                if let Some(end) = match_items(rest, text, pos + len, out) {
                    return Some(end);
                }
                out.fields.pop();
            }
            None
        }
    }
}

/// The lengths (longest first) of the prefixes of `t` that directive `d`
/// accepts, mirroring the alternatives of CPython's `_strptime` regexes.
fn directive_candidates(d: char, t: &[char]) -> Vec<usize> {
    let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
    let num = |n: usize| -> Option<u32> {
        if digits >= n {
            t[..n].iter().collect::<String>().parse().ok()
        } else {
            None
        }
    };
    // Numbers of up to two digits in `lo..=hi`; `pad` allows a leading 0
    // on one-digit values, `single` allows one digit alone.
    let two = |lo: u32, hi: u32, single_lo: u32| -> Vec<usize> {
        let mut v = Vec::new();
        if num(2).is_some_and(|x| (lo..=hi).contains(&x)) {
            v.push(2);
        }
        if num(1).is_some_and(|x| x >= single_lo) {
            v.push(1);
        }
        v
    };
    match d {
        'Y' => {
            if digits >= 4 {
                vec![4]
            } else {
                vec![]
            }
        }
        'y' => {
            if digits >= 2 {
                vec![2]
            } else {
                vec![]
            }
        }
        'm' | 'I' => two(1, 12, 1),
        'd' => {
            let mut v = two(1, 31, 1);
            if t.first() == Some(&' ') && t.get(1).is_some_and(|c| ('1'..='9').contains(c)) {
                v.push(2);
            }
            v
        }
        'H' => two(0, 23, 0),
        'M' => two(0, 59, 0),
        'S' => two(0, 61, 0),
        'U' | 'W' => two(0, 53, 0),
        'j' => {
            let mut v = Vec::new();
            if num(3).is_some_and(|x| (1..=366).contains(&x)) {
                v.push(3);
            }
            v.extend(two(1, 99, 1));
            v
        }
        'f' => (1..=digits.min(6)).rev().collect(),
        'w' => {
            if num(1).is_some_and(|x| x <= 6) {
                vec![1]
            } else {
                vec![]
            }
        }
        'u' => {
            if num(1).is_some_and(|x| (1..=7).contains(&x)) {
                vec![1]
            } else {
                vec![]
            }
        }
        'a' => names_candidates(t, &DAY_NAME, &DAY_ABBR),
        'A' => names_candidates(t, &DAY_NAME, &DAY_ABBR),
        'b' | 'B' | 'h' => names_candidates(t, &MON_NAME, &MON_ABBR),
        'p' => names_candidates(t, &["AM", "PM"], &[]),
        'Z' => names_candidates(t, &["UTC", "GMT"], &[]),
        'z' => tz_offset_len(t).into_iter().collect(),
        _ => vec![],
    }
}

/// Names (full or abbreviated, any case) that `t` starts with, longest
/// first (CPython sorts the alternatives by length).
fn names_candidates(t: &[char], full: &[&str], abbr: &[&str]) -> Vec<usize> {
    let mut v: Vec<usize> = full
        .iter()
        .chain(abbr)
        .filter(|n| {
            let n: Vec<char> = n.chars().collect();
            t.len() >= n.len() && t[..n.len()].iter().zip(&n).all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .map(|n| n.chars().count())
        .collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.dedup();
    v
}

/// Length of a `%z` offset at the start of `t`: `Z`, or `+HHMM`,
/// `+HH:MM`, optionally with seconds and microseconds.
fn tz_offset_len(t: &[char]) -> Option<usize> {
    if t.first() == Some(&'Z') {
        return Some(1);
    }
    if !matches!(t.first(), Some('+') | Some('-')) {
        return None;
    }
    let is_d = |i: usize| t.get(i).is_some_and(|c| c.is_ascii_digit());
    if !(is_d(1) && is_d(2)) {
        return None;
    }
    let mut i = 3;
    let colon = t.get(i) == Some(&':');
    if colon {
        i += 1;
    }
    if !(is_d(i) && is_d(i + 1)) {
        return None;
    }
    i += 2;
    let sep_ok = if colon { t.get(i) == Some(&':') } else { true };
    let j = if colon { i + 1 } else { i };
    if sep_ok && is_d(j) && is_d(j + 1) {
        i = j + 2;
        if t.get(i) == Some(&'.') && is_d(i + 1) {
            i += 1;
            while is_d(i) && i < j + 2 + 7 {
                i += 1;
            }
        }
    }
    Some(i)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Works out the date from the matched fields (CPython's `_strptime`).
fn build_tm(p: &Parsed) -> Result<Tm, String> {
    let name_index = |v: &str, full: &[&str], abbr: &[&str]| -> i64 {
        let l = v.to_ascii_lowercase();
        full.iter()
            .position(|n| n.to_ascii_lowercase() == l)
            .or_else(|| abbr.iter().position(|n| n.to_ascii_lowercase() == l))
            .unwrap_or(0) as i64
    };
    let num = |v: &str| v.trim().parse::<i64>().unwrap_or(0);
    let (mut year, mut month, mut day) = (None, 1, 1);
    let (mut hour, mut minute, mut second) = (0, 0, 0);
    let (mut weekday, mut julian, mut isdst) = (None, None, -1);
    let mut week: Option<(i64, bool)> = None;
    let ampm = p.fields.iter().find(|(d, _)| *d == 'p').map(|(_, v)| v.to_ascii_lowercase());
    for (d, v) in &p.fields {
        match d {
            'y' => {
                let y = num(v);
                year = Some(if y <= 68 { y + 2000 } else { y + 1900 });
            }
            'Y' => year = Some(num(v)),
            'm' => month = num(v),
            'b' | 'B' | 'h' => month = name_index(v, &MON_NAME, &MON_ABBR) + 1,
            'd' => day = num(v),
            'H' => hour = num(v),
            'I' => {
                hour = num(v);
                match ampm.as_deref() {
                    Some("pm") if hour != 12 => hour += 12,
                    Some("pm") => {}
                    _ if hour == 12 => hour = 0,
                    _ => {}
                }
            }
            'M' => minute = num(v),
            'S' => second = num(v),
            'a' | 'A' => weekday = Some(name_index(v, &DAY_NAME, &DAY_ABBR)),
            'w' => weekday = Some((num(v) + 6) % 7),
            'u' => weekday = Some(num(v) - 1),
            'j' => julian = Some(num(v)),
            'U' => week = Some((num(v), false)),
            'W' => week = Some((num(v), true)),
            'Z' => isdst = 0,
            _ => {}
        }
    }
    // Feb 29 without a year parses in a leap year, then reports 1900.
    let leap_fix = year.is_none() && month == 2 && day == 29;
    let mut year = year.unwrap_or(if leap_fix { 1904 } else { 1900 });
    if !(1..=9999).contains(&year) {
        return Err(format!("year {year} is out of range"));
    }
    if julian.is_none() {
        if let (Some(wd), Some((w, monday_first))) = (weekday, week) {
            let mut first = days_from_civil(year, 1, 1);
            first = (first + 3).rem_euclid(7);
            let (first, wd) = if monday_first { (first, wd) } else { ((first + 1) % 7, (wd + 1) % 7) };
            let week0 = (7 - first) % 7;
            let mut j = if w == 0 { 1 + wd - first } else { 1 + week0 + 7 * (w - 1) + wd };
            if j <= 0 {
                year -= 1;
                j += if is_leap(year) { 366 } else { 365 };
            }
            julian = Some(j);
        }
    }
    let yday = match julian {
        None => {
            if day < 1 || day > days_in_month(year, month) {
                return Err("day is out of range for month".to_string());
            }
            days_from_civil(year, month, day) - days_from_civil(year, 1, 1) + 1
        }
        Some(j) => {
            let days = days_from_civil(year, 1, 1) + j - 1;
            let (y, m, d) = civil_from_days(days);
            year = y;
            month = m;
            day = d;
            j
        }
    };
    let wday = weekday.unwrap_or_else(|| (days_from_civil(year, month, day) + 3).rem_euclid(7));
    if leap_fix {
        year = 1900;
    }
    Ok(Tm { year, mon: month, mday: day, hour, min: minute, sec: second, wday, yday, isdst })
}

fn time_strptime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "strptime", 1, 2)?;
    for (i, v) in a.iter().enumerate() {
        if v.downcast_ref::<PyStr>().is_none() {
            let t = crate::builtins::type_repr(v.class());
            return Err(vm.new_type_error(format!("strptime() argument {i} must be str, not {t}")));
        }
    }
    let data = a[0].as_str().unwrap_or("");
    let format = a.get(1).and_then(|f| f.as_str()).unwrap_or("%a %b %d %H:%M:%S %Y");
    match strptime(data, format) {
        Ok(tm) => Ok(struct_time_value(&tm)),
        Err(msg) => Err(vm.new_value_error(msg)),
    }
}

/// Creates the `time` module.
pub fn make_time_module() -> PyRef<PyModule> {
    if !STRUCT_TIME_TYPE.is_set() {
        STRUCT_TIME_TYPE.set(new_struct_seq_type(
            "time",
            "struct_time",
            &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
        ));
    }
    // Start the monotonic clock's reference point now.
    let _ = monotonic_ns();
    let m = PyModule::new("time");
    m.set_attr("__doc__", new_str("This module provides various functions to manipulate time values."));
    let funcs: &[(&'static str, NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("perf_counter", time_monotonic),
        ("perf_counter_ns", time_monotonic_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("thread_time", time_thread_time),
        ("thread_time_ns", time_thread_time_ns),
        ("sleep", time_sleep),
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("mktime", time_mktime),
        ("strftime", time_strftime),
        ("asctime", time_asctime),
        ("ctime", time_ctime),
        ("strptime", time_strptime),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "time"));
    }
    m.set_attr("struct_time", STRUCT_TIME_TYPE.get().to_value());
    m.set_attr("timezone", int_from_i64(0));
    m.set_attr("altzone", int_from_i64(0));
    m.set_attr("daylight", int_from_i64(0));
    m.set_attr("tzname", new_tuple(vec![new_str("UTC"), new_str("UTC")]));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for days in [-800_000i64, -1, 0, 1, 59, 365, 10_957, 19_675, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{days}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn strftime_matches_cpython() {
        let tm = tm_from_secs(1_700_000_000);
        assert_eq!(
            strftime_string("%a %A %b %B %d %H %I %j %m %M %p %S %U %w %W %y %Y %%", &tm),
            "Tue Tuesday Nov November 14 22 10 318 11 13 PM 20 46 2 46 23 2023 %"
        );
        assert_eq!(strftime_string("%c", &tm), "Tue Nov 14 22:13:20 2023");
        assert_eq!(
            strftime_string("%e %D %T %F %R %u %V %G %C", &tm),
            "14 11/14/23 22:13:20 2023-11-14 22:13 2 46 2023 20"
        );
        assert_eq!(asctime_string(&tm_from_secs(0)), "Thu Jan  1 00:00:00 1970");
        let tm = tm_from_secs(-1);
        assert_eq!((tm.year, tm.mon, tm.mday, tm.wday, tm.yday), (1969, 12, 31, 2, 365));
    }
}
