//! Searching and splitting: `find` `rfind` `index` `rindex` `count`
//! `startswith` `endswith` `partition` `rpartition` `replace` `split`
//! `rsplit` `splitlines` `removeprefix` `removesuffix`.
//!
//! Substring search uses Rust's `str` searchers (Two-Way, linear time) on
//! the byte window that the code point range `[start, end)` covers;
//! UTF-8 keeps code point order and never matches inside a character, so
//! byte results convert back to code point indices by counting the
//! characters before them (free for ASCII strings).

use std::borrow::Cow;

use smallvec::SmallVec;

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::int::int_from_i64;
use crate::types::list::{new_list, new_list_exact};
use crate::types::singletons::bool_value;
use crate::types::str::{new_str, new_str_ascii, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{char_count, exact_copy, is_space, memory_error, method_args, same_or_new, ssize_arg, str_arg, this};

/// A start/end argument of the find family: `None`, an int, or anything
/// with `__index__` (huge values clamp, as `_PyEval_SliceIndex` does).
fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i as isize));
    }
    if v.as_int().is_none() && v.class().lookup("__index__").is_none() {
        return Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = vm.index(v)?;
    Ok(Some(match i.as_i64() {
        Some(x) => x as isize,
        None => {
            let neg = i.as_int().map(|b| b.to_bigint().sign() == num_bigint::Sign::Minus).unwrap_or(false);
            if neg {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    }))
}

/// CPython's `ADJUST_INDICES`: end is clamped to `[0, len]`, a negative
/// start counts from the end (but may stay above `len`).
fn adjust(start: Option<isize>, end: Option<isize>, len: usize) -> (isize, isize) {
    let len = len as isize;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// The text of code points `[start, end)`; requires `start <= end <= len`.
fn window(s: &PyStr, start: usize, end: usize) -> &str {
    super::char_slice(s, start, end)
}

/// Code point index of byte offset `b` inside `hay`, which holds the code
/// points `[start, end)`; counts on the shorter side of `b`.
fn to_index(s: &PyStr, hay: &str, (start, end): (isize, isize), b: usize) -> isize {
    if s.is_ascii() {
        start + b as isize
    } else if b <= hay.len() / 2 {
        start + hay[..b].chars().count() as isize
    } else {
        end - hay[b..].chars().count() as isize
    }
}

/// Parses `(sub[, start[, end]])` as CPython's `parse_args_finds`.
fn find_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyStr, &'a Value, Option<isize>, Option<isize>)> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n < 1 {
        return Err(vm.new_type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(vm.new_type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let s = this(vm, args)?;
    let start = opt_index(vm, args.pos.get(2))?;
    let end = opt_index(vm, args.pos.get(3))?;
    Ok((s, &args.pos[1], start, end))
}

fn find_in(s: &PyStr, sub: &str, start: Option<isize>, end: Option<isize>, reverse: bool) -> isize {
    let (start, end) = adjust(start, end, s.char_len());
    if end - start < char_count(sub) as isize {
        return -1;
    }
    let hay = window(s, start as usize, end as usize);
    let r = if reverse { hay.rfind(sub) } else { hay.find(sub) };
    match r {
        Some(b) => to_index(s, hay, (start, end), b),
        None => -1,
    }
}

fn find_common(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool, raise: bool) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &args, name)?;
    let sub = str_arg(vm, sub, |t| format!("must be str, not {t}"))?;
    let r = find_in(s, sub, start, end, reverse);
    if r < 0 && raise {
        return Err(vm.new_value_error("substring not found"));
    }
    Ok(int_from_i64(r as i64))
}

pub(super) fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "find", false, false)
}
pub(super) fn str_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "rfind", true, false)
}
pub(super) fn str_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "index", false, true)
}
pub(super) fn str_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "rindex", true, true)
}

pub(super) fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &args, "count")?;
    let sub = str_arg(vm, sub, |t| format!("must be str, not {t}"))?;
    let (start, end) = adjust(start, end, s.char_len());
    let sublen = char_count(sub) as isize;
    if end - start < sublen {
        return Ok(int_from_i64(0));
    }
    if sub.is_empty() {
        return Ok(int_from_i64((end - start + 1) as i64));
    }
    let hay = window(s, start as usize, end as usize);
    let n = if sub.len() == 1 {
        let b = sub.as_bytes()[0];
        hay.bytes().filter(|x| *x == b).count()
    } else {
        hay.matches(sub).count()
    };
    Ok(int_from_i64(n as i64))
}

/// CPython's `tailmatch`: does `s[start:end]` start (or end) with `sub`?
fn tailmatch(s: &PyStr, sub: &str, start: Option<isize>, end: Option<isize>, at_end: bool) -> bool {
    let (start, end) = adjust(start, end, s.char_len());
    if end - (char_count(sub) as isize) < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let hay = window(s, start as usize, end as usize);
    if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

fn starts_ends(vm: &mut Vm, args: Args<'_>, name: &str, at_end: bool) -> PyResult<Value> {
    // `s.startswith(p)` with one `str` argument: a byte prefix of UTF-8
    // is a code point prefix, so no index conversion is needed.
    if let ([recv, p], true) = (args.pos, args.kwnames.is_empty()) {
        if let (Some(s), Some(p)) = (recv.downcast_ref::<PyStr>(), p.downcast_ref::<PyStr>()) {
            let (s, p) = (s.as_str(), p.as_str());
            return Ok(bool_value(if at_end { s.ends_with(p) } else { s.starts_with(p) }));
        }
    }
    let (s, prefix, start, end) = find_args(vm, &args, name)?;
    if let Some(t) = prefix.as_tuple() {
        for p in t {
            let Some(p) = p.as_str() else {
                let tn = p.class().name();
                return Err(vm.new_type_error(format!("tuple for {name} must only contain str, not {tn}")));
            };
            if tailmatch(s, p, start, end, at_end) {
                return Ok(bool_value(true));
            }
        }
        return Ok(bool_value(false));
    }
    let Some(p) = prefix.as_str() else {
        let tn = prefix.class().name();
        return Err(vm.new_type_error(format!("{name} first arg must be str or a tuple of str, not {tn}")));
    };
    Ok(bool_value(tailmatch(s, p, start, end, at_end)))
}

pub(super) fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}
pub(super) fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

fn partition_common(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let a = method_args(vm, &args, name, 1)?;
    let s = this(vm, &args)?;
    let sep = str_arg(vm, &a[1], |t| format!("must be str, not {t}"))?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if reverse { text.rfind(sep) } else { text.find(sep) };
    let empty = || new_str("");
    Ok(match found {
        Some(b) => new_tuple(vec![new_str(&text[..b]), a[1].clone(), new_str(&text[b + sep.len()..])]),
        None if reverse => new_tuple(vec![empty(), empty(), exact_copy(&a[0], s)]),
        None => new_tuple(vec![exact_copy(&a[0], s), empty(), empty()]),
    })
}

pub(super) fn str_partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "str.partition", false)
}
pub(super) fn str_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "str.rpartition", true)
}

pub(super) fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "str.replace")?;
    let a = args.skip_self().range(vm, "replace", 2, 3)?;
    let s = this(vm, &args)?;
    let old = str_arg(vm, &a[0], |t| format!("replace() argument 1 must be str, not {t}"))?;
    let new = str_arg(vm, &a[1], |t| format!("replace() argument 2 must be str, not {t}"))?;
    let count = match a.get(2) {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let text = s.as_str();
    if limit == 0 || (old.is_empty() && new.is_empty()) {
        return Ok(exact_copy(&args.pos[0], s));
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end.
        let slots = (s.char_len() + 1).min(limit);
        let total = new.len().checked_mul(slots).and_then(|x| x.checked_add(text.len()));
        let mut out = String::new();
        if total.map(|t| out.try_reserve_exact(t).is_err()).unwrap_or(true) {
            return Err(memory_error(vm));
        }
        let mut done = 0;
        for (i, c) in text.char_indices() {
            if done == slots {
                out.push_str(&text[i..]);
                return Ok(new_str(out));
            }
            out.push_str(new);
            out.push(c);
            done += 1;
        }
        if done < slots {
            out.push_str(new);
        }
        return Ok(new_str(out));
    }
    let mut out = String::new();
    if new.len() > old.len() {
        let hits = text.matches(old).take(limit).count();
        let total = (new.len() - old.len()).checked_mul(hits).and_then(|x| x.checked_add(text.len()));
        if total.map(|t| out.try_reserve_exact(t).is_err()).unwrap_or(true) {
            return Err(memory_error(vm));
        }
    } else {
        out.reserve(text.len());
    }
    let mut last = 0;
    for (b, _) in text.match_indices(old).take(limit) {
        out.push_str(&text[last..b]);
        out.push_str(new);
        last = b + old.len();
    }
    if last == 0 && out.is_empty() {
        return Ok(exact_copy(&args.pos[0], s));
    }
    out.push_str(&text[last..]);
    Ok(same_or_new(&args.pos[0], s, &out))
}

/// `sep`/`maxsplit` of `split` and `rsplit`.
fn split_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyStr, Option<Cow<'a, str>>, usize)> {
    let s = this(vm, args)?;
    if !args.has_kwargs() && args.pos.len() <= 3 {
        // Positional arguments only (the usual call): borrowed, no rows.
        let sep = match args.pos.get(1) {
            Some(v) if !v.is_none() => Some(Cow::Borrowed(split_sep(vm, v)?)),
            _ => None,
        };
        let max = match args.pos.get(2) {
            Some(v) => ssize_arg(vm, v)?,
            None => -1,
        };
        return Ok((s, sep, if max < 0 { usize::MAX } else { max as usize }));
    }
    let a = args.skip_self().bind(vm, name, &["sep", "maxsplit"], 0)?;
    let sep = match &a[0] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(Cow::Owned(split_sep(vm, v)?.to_string())),
    };
    let max = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    Ok((s, sep, if max < 0 { usize::MAX } else { max as usize }))
}

/// A separator argument of `split`/`rsplit`: a non-empty `str`.
fn split_sep<'v>(vm: &mut Vm, v: &'v Value) -> PyResult<&'v str> {
    let t = str_arg(vm, v, |t| format!("must be str or None, not {t}"))?;
    if t.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    Ok(t)
}

/// Splits on runs of whitespace from the left (CPython's
/// `split_whitespace`), at most `max` times.
fn split_whitespace(text: &str, max: usize) -> Vec<&str> {
    if text.is_ascii() {
        return split_whitespace_ascii(text, max);
    }
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut splits = 0;
    loop {
        while let Some(&(_, c)) = it.peek() {
            if is_space(c) {
                it.next();
            } else {
                break;
            }
        }
        let Some(&(start, _)) = it.peek() else { break };
        if splits == max {
            // Only reached when maxsplit ran out: the rest, as is.
            out.push(&text[start..]);
            return out;
        }
        let mut end = text.len();
        while let Some(&(i, c)) = it.peek() {
            if is_space(c) {
                end = i;
                break;
            }
            it.next();
        }
        out.push(&text[start..end]);
        splits += 1;
    }
    out
}

/// ASCII whitespace as `str.isspace` sees it.
#[inline]
fn ascii_space(c: u8) -> bool {
    // Every space is at most b' ': one compare settles the usual byte.
    c <= b' ' && matches!(c, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
}

/// `split_whitespace` for ASCII text, byte by byte.
fn split_whitespace_ascii(text: &str, max: usize) -> Vec<&str> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut splits = 0;
    loop {
        while i < n && ascii_space(b[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        if splits == max {
            out.push(&text[i..]);
            break;
        }
        let j = i;
        while i < n && !ascii_space(b[i]) {
            i += 1;
        }
        out.push(&text[j..i]);
        splits += 1;
    }
    out
}

/// `split()` of ASCII text as a list filled straight from the pieces. A
/// long text is counted first, so the list's storage is allocated once at
/// its final size and no intermediate vector of values exists (splitting a
/// large text is where a program's memory peaks).
fn split_whitespace_ascii_list(text: &str, max: usize) -> Value {
    let b = text.as_bytes();
    if b.len() <= 256 {
        let parts: SmallVec<[&str; 16]> = split_whitespace_ascii_iter(text, max).collect();
        return new_list_exact(parts.iter().map(|p| new_str_ascii(*p)));
    }
    let mut words = 0usize;
    let mut prev_space = true;
    for &c in b {
        let sp = ascii_space(c);
        words += usize::from(prev_space && !sp);
        prev_space = sp;
    }
    let n = words.min(max.saturating_add(1));
    new_list_exact(Counted { it: split_whitespace_ascii_iter(text, max).map(new_str_ascii), n })
}

/// An iterator known to yield `n` items (at most: the list storage it
/// fills keeps only what it yields).
struct Counted<I> {
    it: I,
    n: usize,
}

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;
    #[inline]
    fn next(&mut self) -> Option<I::Item> {
        self.it.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.n, Some(self.n))
    }
}

impl<I: Iterator> ExactSizeIterator for Counted<I> {}

/// A list of the pieces, gathered on the Rust stack first when few.
fn list_of<'t>(parts: impl Iterator<Item = &'t str>) -> Value {
    let parts: SmallVec<[&str; 16]> = parts.collect();
    new_list_exact(parts.iter().map(|p| new_str(*p)))
}

/// The pieces of `split_whitespace_ascii`, one at a time.
fn split_whitespace_ascii_iter(text: &str, max: usize) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut splits = 0;
    std::iter::from_fn(move || {
        while i < n && ascii_space(b[i]) {
            i += 1;
        }
        if i == n {
            return None;
        }
        if splits == max {
            let rest = &text[i..];
            i = n;
            return Some(rest);
        }
        let j = i;
        while i < n && !ascii_space(b[i]) {
            i += 1;
        }
        splits += 1;
        Some(&text[j..i])
    })
}

/// `rsplit_whitespace` for ASCII text.
fn rsplit_whitespace_ascii(text: &str, max: usize) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = b.len();
    let mut splits = 0;
    loop {
        while i > 0 && ascii_space(b[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if splits == max {
            out.push(&text[..i]);
            break;
        }
        let j = i;
        while i > 0 && !ascii_space(b[i - 1]) {
            i -= 1;
        }
        out.push(&text[i..j]);
        splits += 1;
    }
    out.reverse();
    out
}

/// `rsplit()` on whitespace: the mirror image of `split_whitespace`.
fn rsplit_whitespace(text: &str, max: usize) -> Vec<&str> {
    if text.is_ascii() {
        return rsplit_whitespace_ascii(text, max);
    }
    let mut out = Vec::new();
    let mut it = text.char_indices().rev().peekable();
    let mut splits = 0;
    loop {
        while let Some(&(_, c)) = it.peek() {
            if is_space(c) {
                it.next();
            } else {
                break;
            }
        }
        let Some(&(i, c)) = it.peek() else { break };
        let end = i + c.len_utf8();
        if splits == max {
            out.push(&text[..end]);
            break;
        }
        let mut start = 0;
        while let Some(&(j, c)) = it.peek() {
            if is_space(c) {
                start = j + c.len_utf8();
                break;
            }
            it.next();
        }
        out.push(&text[start..end]);
        splits += 1;
    }
    out.reverse();
    out
}

fn to_list(parts: Vec<&str>) -> Value {
    new_list_exact(parts.iter().map(|p| new_str(*p)))
}

pub(super) fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &args, "split")?;
    let text = s.as_str();
    Ok(match sep {
        None if text.is_ascii() => split_whitespace_ascii_list(text, max),
        None => to_list(split_whitespace(text, max)),
        // A one-byte separator searches with memchr, not Two-Way.
        Some(sep) if max == usize::MAX && sep.len() == 1 => list_of(text.split(char::from(sep.as_bytes()[0]))),
        Some(sep) if max == usize::MAX => list_of(text.split(&*sep)),
        Some(sep) => list_of(text.splitn(max.saturating_add(1), &*sep)),
    })
}

pub(super) fn str_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &args, "rsplit")?;
    let text = s.as_str();
    Ok(match sep {
        None => to_list(rsplit_whitespace(text, max)),
        Some(sep) => {
            let mut parts: Vec<&str> = if max == usize::MAX {
                text.rsplit(&*sep).collect()
            } else {
                text.rsplitn(max.saturating_add(1), &*sep).collect()
            };
            parts.reverse();
            to_list(parts)
        }
    })
}

/// Line boundaries of `str.splitlines` (besides `\r\n`).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

pub(super) fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = args.skip_self().bind(vm, "splitlines", &["keepends"], 0)?;
    let keep = match &a[0] {
        None => false,
        Some(v) => match v.as_int() {
            Some(i) => i.to_i64() != Some(0),
            None => {
                let i = vm.index(v)?;
                i.as_i64() != Some(0)
            }
        },
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                eol += 1;
            }
        }
        out.push(new_str(if keep { &text[start..eol] } else { &text[start..i] }));
        start = eol;
    }
    if start < text.len() {
        out.push(new_str(&text[start..]));
    }
    Ok(new_list(out))
}

fn remove_affix(vm: &mut Vm, args: Args<'_>, qual: &str, suffix: bool) -> PyResult<Value> {
    let a = method_args(vm, &args, qual, 1)?;
    let name = qual.strip_prefix("str.").unwrap_or(qual);
    let s = this(vm, &args)?;
    let affix = str_arg(vm, &a[1], |t| format!("{name}() argument must be str, not {t}"))?;
    let text = s.as_str();
    let rest = if suffix { text.strip_suffix(affix) } else { text.strip_prefix(affix) };
    match rest {
        Some(r) if !affix.is_empty() => Ok(new_str(r)),
        _ => Ok(exact_copy(&a[0], s)),
    }
}

pub(super) fn str_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    remove_affix(vm, args, "str.removeprefix", false)
}
pub(super) fn str_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    remove_affix(vm, args, "str.removesuffix", true)
}

pub(super) fn install(t: &PyRef<PyType>) {
    add_methods(
        t,
        &[
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("replace", str_replace),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split_matches_cpython() {
        assert_eq!(split_whitespace("  a b  c ", usize::MAX), vec!["a", "b", "c"]);
        assert_eq!(split_whitespace("  a b  c ", 1), vec!["a", "b  c "]);
        assert_eq!(split_whitespace("   ", usize::MAX), Vec::<&str>::new());
        assert_eq!(split_whitespace("a", 0), vec!["a"]);
        assert_eq!(rsplit_whitespace("  a b  c ", 1), vec!["  a b", "c"]);
        assert_eq!(rsplit_whitespace(" é\u{a0}b ", usize::MAX), vec!["é", "b"]);
        for text in ["", " ", "a", " a b  c ", "\x1ca\x1fb\x0b", "ab  cd\tef"] {
            for max in [0, 1, 2, usize::MAX] {
                let slow: Vec<&str> = {
                    let mut v = Vec::new();
                    let mut rest = text.trim_start_matches(|c: char| ascii_space(c as u8));
                    let mut k = 0;
                    while !rest.is_empty() {
                        if k == max {
                            v.push(rest);
                            break;
                        }
                        let end = rest.find(|c: char| ascii_space(c as u8)).unwrap_or(rest.len());
                        v.push(&rest[..end]);
                        rest = rest[end..].trim_start_matches(|c: char| ascii_space(c as u8));
                        k += 1;
                    }
                    v
                };
                assert_eq!(split_whitespace_ascii(text, max), slow, "{text:?} {max}");
                assert_eq!(split_whitespace_ascii_iter(text, max).collect::<Vec<_>>(), slow, "{text:?} {max}");
            }
        }
    }

    #[test]
    fn adjust_indices() {
        assert_eq!(adjust(None, None, 3), (0, 3));
        assert_eq!(adjust(Some(-1), Some(-10), 3), (2, 0));
        assert_eq!(adjust(Some(5), Some(10), 3), (5, 3));
    }
}
