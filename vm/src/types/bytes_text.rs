//! The str-like methods of `bytes` and `bytearray` (ASCII semantics:
//! case mapping and character classes only touch ASCII bytes), and
//! printf-style `%` formatting. Every method works on a copy of the
//! receiver's bytes and returns a value of the receiver's kind.

use std::borrow::Cow;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::object::PyRef;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::small::bytes_new;
use crate::types::str::PyStr;
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{noargs, one_arg, pos_range, slot_args};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{buf_of, byte_of, like, need_buf, recv};

const WHITESPACE: &[u8] = b" \t\n\r\x0b\x0c";

fn is_space(b: u8) -> bool {
    WHITESPACE.contains(&b)
}

// ---- searching --------------------------------------------------------------------

/// First occurrence of `sub` in `hay[start..end]`.
pub(crate) fn find_sub(hay: &[u8], sub: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > hay.len() || end < start || end - start < sub.len() {
        return None;
    }
    if sub.is_empty() {
        return Some(start);
    }
    hay[start..end].windows(sub.len()).position(|w| w == sub).map(|p| p + start)
}

fn rfind_sub(hay: &[u8], sub: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > hay.len() || end < start || end - start < sub.len() {
        return None;
    }
    if sub.is_empty() {
        return Some(end);
    }
    hay[start..end].windows(sub.len()).rposition(|w| w == sub).map(|p| p + start)
}

/// A `start`/`end` argument (`None` allowed), as `ADJUST_INDICES`.
fn bound(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(default);
    };
    let i = if let Some(i) = v.as_small_int() {
        i
    } else if v.as_int().is_some() || v.class().lookup("__index__").is_some() {
        let i = vm.index(v)?;
        i.as_i64().unwrap_or(if i.as_int().is_some_and(|b| b.to_bigint().is_negative()) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })
    } else {
        return Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method"));
    };
    let n = len as i64;
    Ok(if i < 0 { (i + n).max(0) } else { i } as usize)
}

/// The `sub` of `find`/`count`/`index`: bytes-like or one byte as an int.
fn sub_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if let Some(b) = buf_of(v) {
        return Ok(b);
    }
    if v.as_int().is_some() || v.class().lookup("__index__").is_some() {
        return Ok(Cow::Owned(vec![byte_of(vm, v)?]));
    }
    Err(vm.new_type_error(format!("argument should be integer or bytes-like object, not '{}'", v.class().name())))
}

/// Parses `(sub[, start[, end]])` and runs `f(data, sub, start, end)`.
fn with_range<R>(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    f: impl FnOnce(&[u8], &[u8], usize, usize) -> R,
) -> PyResult<R> {
    let (s, rest) = pos_range(vm, args, name, 1, 3)?;
    let data = recv(vm, s)?;
    let sub = sub_arg(vm, &rest[0])?;
    let n = data.len();
    let start = bound(vm, rest.get(1), n, 0)?;
    let end = bound(vm, rest.get(2), n, n)?.min(n);
    Ok(f(&data, &sub, start, end))
}

fn found(r: Option<usize>) -> Value {
    int_from_i64(r.map(|i| i as i64).unwrap_or(-1))
}

fn b_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    with_range(vm, &args, "find", |d, s, a, b| found(find_sub(d, s, a, b)))
}

fn b_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    with_range(vm, &args, "rfind", |d, s, a, b| found(rfind_sub(d, s, a, b)))
}

fn b_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match with_range(vm, &args, "index", find_sub)? {
        Some(i) => Ok(int_from_i64(i as i64)),
        None => Err(vm.new_value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match with_range(vm, &args, "rindex", rfind_sub)? {
        Some(i) => Ok(int_from_i64(i as i64)),
        None => Err(vm.new_value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = with_range(vm, &args, "count", |d, s, a, b| {
        if a > d.len() || b < a {
            return 0;
        }
        if s.is_empty() {
            return b - a + 1;
        }
        let mut n = 0;
        let mut i = a;
        while let Some(p) = find_sub(d, s, i, b) {
            n += 1;
            i = p + s.len();
        }
        n
    })?;
    Ok(int_from_i64(n as i64))
}

fn starts_ends(vm: &mut Vm, args: &Args<'_>, name: &str, at_end: bool) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, args, name, 1, 3)?;
    let data = recv(vm, s)?;
    let n = data.len();
    let start = bound(vm, rest.get(1), n, 0)?;
    let end = bound(vm, rest.get(2), n, n)?.min(n);
    let candidates: Vec<Value> = match rest[0].as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![rest[0].clone()],
    };
    for c in &candidates {
        let Some(p) = buf_of(c) else {
            return Err(vm.new_type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                c.class().name()
            )));
        };
        if start > n || end < start || end - start < p.len() {
            continue;
        }
        let hit = if at_end { data[end - p.len()..end] == *p } else { data[start..start + p.len()] == *p };
        if hit {
            return Ok(bool_value(true));
        }
    }
    Ok(bool_value(false))
}

fn b_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, &args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, &args, "endswith", true)
}

// ---- splitting and joining ------------------------------------------------------------

fn b_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, it) = one_arg(vm, &args, "join")?;
    let sep = recv(vm, s)?.into_owned();
    let items = vm.collect(it)?;
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let Some(b) = buf_of(v) else {
            return Err(vm.new_type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                v.class().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(like(s, out))
}

/// `(sep=None, maxsplit=-1)` of `split`/`rsplit`.
fn split_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let slots = args.skip_self().bind(vm, name, &["sep", "maxsplit"], 0)?;
    let sep = match &slots[0] {
        Some(v) if !v.is_none() => {
            let b = need_buf(vm, v)?.into_owned();
            if b.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            Some(b)
        }
        _ => None,
    };
    let max = match &slots[1] {
        Some(v) => vm.index_isize(v)? as i64,
        None => -1,
    };
    Ok((sep, if max < 0 { i64::MAX } else { max }))
}

fn split_whitespace(d: &[u8], max: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if !reverse {
        let mut i = 0;
        let n = d.len();
        while i < n {
            while i < n && is_space(d[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if out.len() as i64 == max {
                // The rest, trailing whitespace included, as CPython.
                out.push(d[i..].to_vec());
                break;
            }
            let s = i;
            while i < n && !is_space(d[i]) {
                i += 1;
            }
            out.push(d[s..i].to_vec());
        }
    } else {
        let mut i = d.len();
        while i > 0 {
            while i > 0 && is_space(d[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if out.len() as i64 == max {
                out.push(d[..i].to_vec());
                break;
            }
            let e = i;
            while i > 0 && !is_space(d[i - 1]) {
                i -= 1;
            }
            out.push(d[i..e].to_vec());
        }
        out.reverse();
    }
    out
}

fn split_sep(d: &[u8], sep: &[u8], max: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if !reverse {
        let mut i = 0;
        while (out.len() as i64) < max {
            match find_sub(d, sep, i, d.len()) {
                Some(p) => {
                    out.push(d[i..p].to_vec());
                    i = p + sep.len();
                }
                None => break,
            }
        }
        out.push(d[i..].to_vec());
    } else {
        let mut e = d.len();
        while (out.len() as i64) < max {
            match rfind_sub(d, sep, 0, e) {
                Some(p) => {
                    out.push(d[p + sep.len()..e].to_vec());
                    e = p;
                }
                None => break,
            }
        }
        out.push(d[..e].to_vec());
        out.reverse();
    }
    out
}

fn do_split(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error(format!("descriptor '{name}' needs an argument")));
    };
    let (sep, max) = split_args(vm, args, name)?;
    let data = recv(vm, s)?;
    let parts = match sep {
        None => split_whitespace(&data, max, reverse),
        Some(sep) => split_sep(&data, &sep, max, reverse),
    };
    Ok(new_list(parts.into_iter().map(|p| like(s, p)).collect()))
}

fn b_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    do_split(vm, &args, "split", false)
}

fn b_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    do_split(vm, &args, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'splitlines' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "splitlines", &["keepends"], 0)?;
    let keep = match &slots[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let d = recv(vm, s)?;
    let mut out = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let start = i;
        while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
            i += 1;
        }
        let eol = i;
        if i < d.len() {
            i += if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        }
        out.push(like(s, d[start..if keep { i } else { eol }].to_vec()));
    }
    Ok(new_list(out))
}

fn partition(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let (s, sep) = one_arg(vm, args, name)?;
    let d = recv(vm, s)?;
    let sep = need_buf(vm, sep)?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let hit = if reverse { rfind_sub(&d, &sep, 0, d.len()) } else { find_sub(&d, &sep, 0, d.len()) };
    let parts = match hit {
        Some(p) => [d[..p].to_vec(), sep.to_vec(), d[p + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), d.to_vec()],
        None => [d.to_vec(), Vec::new(), Vec::new()],
    };
    Ok(new_tuple(parts.into_iter().map(|p| like(s, p)).collect()))
}

fn b_partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition(vm, &args, "partition", false)
}

fn b_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition(vm, &args, "rpartition", true)
}

// ---- stripping, replacing, padding --------------------------------------------------

fn strip(vm: &mut Vm, args: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, args, name, 0, 1)?;
    let d = recv(vm, s)?;
    let chars: Vec<u8> = match rest.first().filter(|v| !v.is_none()) {
        Some(v) => need_buf(vm, v)?.into_owned(),
        None => WHITESPACE.to_vec(),
    };
    let mut a = 0;
    let mut b = d.len();
    if left {
        while a < b && chars.contains(&d[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && chars.contains(&d[b - 1]) {
            b -= 1;
        }
    }
    Ok(like(s, d[a..b].to_vec()))
}

fn b_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip(vm, &args, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip(vm, &args, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip(vm, &args, "rstrip", false, true)
}

fn b_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "replace", 2, 3)?;
    let d = recv(vm, s)?;
    let old = need_buf(vm, &rest[0])?;
    let new = need_buf(vm, &rest[1])?;
    let mut count = match rest.get(2) {
        Some(v) => vm.index_isize(v)? as i64,
        None => -1,
    };
    if count < 0 {
        count = i64::MAX;
    }
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &b) in d.iter().enumerate() {
            if n < count {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(b);
            if i + 1 == d.len() && n < count {
                out.extend_from_slice(&new);
            }
        }
        if d.is_empty() && count > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(like(s, out));
    }
    let mut i = 0;
    let mut n = 0;
    while n < count {
        let Some(p) = find_sub(&d, &old, i, d.len()) else {
            break;
        };
        out.extend_from_slice(&d[i..p]);
        out.extend_from_slice(&new);
        i = p + old.len();
        n += 1;
    }
    out.extend_from_slice(&d[i..]);
    Ok(like(s, out))
}

fn fill_arg(vm: &mut Vm, v: Option<&Value>, name: &str) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match buf_of(v) {
        Some(b) if b.len() == 1 => Ok(b[0]),
        _ => Err(vm.new_type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            v.class().name()
        ))),
    }
}

fn pad(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, args, name, 1, 2)?;
    let d = recv(vm, s)?;
    let width = vm.index_isize(&rest[0])?.max(0) as usize;
    let fill = fill_arg(vm, rest.get(1), name)?;
    if width <= d.len() {
        return Ok(like(s, d.to_vec()));
    }
    let marg = width - d.len();
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&d);
    out.resize(width, fill);
    Ok(like(s, out))
}

fn b_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, &args, "center")
}
fn b_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, &args, "ljust")
}
fn b_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, &args, "rjust")
}

fn b_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, w) = one_arg(vm, &args, "zfill")?;
    let d = recv(vm, s)?;
    let width = vm.index_isize(w)?.max(0) as usize;
    if width <= d.len() {
        return Ok(like(s, d.to_vec()));
    }
    let fill = width - d.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&d);
    if matches!(d.first(), Some(b'+') | Some(b'-')) {
        out[0] = d[0];
        out[fill] = b'0';
    }
    Ok(like(s, out))
}

fn b_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'expandtabs' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "expandtabs", &["tabsize"], 0)?;
    let tab = match &slots[0] {
        Some(v) => vm.index_isize(v)? as i64,
        None => 8,
    };
    let d = recv(vm, s)?;
    let mut out = Vec::new();
    let mut col = 0i64;
    for &b in d.iter() {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(like(s, out))
}

fn b_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, p) = one_arg(vm, &args, "removeprefix")?;
    let d = recv(vm, s)?;
    let p = need_buf(vm, p)?;
    let out = d.strip_prefix(&p[..]).unwrap_or(&d).to_vec();
    Ok(like(s, out))
}

fn b_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, p) = one_arg(vm, &args, "removesuffix")?;
    let d = recv(vm, s)?;
    let p = need_buf(vm, p)?;
    let out = d.strip_suffix(&p[..]).unwrap_or(&d).to_vec();
    Ok(like(s, out))
}

fn b_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'translate' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "translate", &["table", "delete"], 1)?;
    let d = recv(vm, s)?;
    let table = match &slots[0] {
        Some(t) if !t.is_none() => {
            let t = need_buf(vm, t)?.into_owned();
            if t.len() != 256 {
                return Err(vm.new_value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match &slots[1] {
        Some(v) => need_buf(vm, v)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> =
        d.iter().filter(|b| !delete.contains(b)).map(|&b| table.as_ref().map(|t| t[b as usize]).unwrap_or(b)).collect();
    Ok(like(s, out))
}

fn b_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "maketrans")?;
    if args.pos.len() != 2 {
        return Err(vm.new_type_error(format!("maketrans expected 2 arguments, got {}", args.pos.len())));
    }
    let from = need_buf(vm, &args.pos[0])?;
    let to = need_buf(vm, &args.pos[1])?;
    if from.len() != to.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(to.iter()) {
        t[*a as usize] = *b;
    }
    Ok(bytes_new(t))
}

// ---- case and classes -------------------------------------------------------------------

fn map_bytes(vm: &mut Vm, args: &Args<'_>, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let s = noargs(vm, args, name)?;
    let d = recv(vm, s)?;
    Ok(like(s, f(&d)))
}

fn title_case(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let out = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            prev_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn b_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, &args, "upper", |d| d.to_ascii_uppercase())
}
fn b_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, &args, "lower", |d| d.to_ascii_lowercase())
}
fn b_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, &args, "swapcase", |d| {
        d.iter()
            .map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() })
            .collect()
    })
}
fn b_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, &args, "title", title_case)
}
fn b_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, &args, "capitalize", |d| {
        let mut v = d.to_ascii_lowercase();
        if let Some(b) = v.first_mut() {
            *b = b.to_ascii_uppercase();
        }
        v
    })
}

fn predicate(vm: &mut Vm, args: &Args<'_>, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let s = noargs(vm, args, name)?;
    let d = recv(vm, s)?;
    Ok(bool_value(f(&d)))
}

fn all_nonempty(d: &[u8], f: impl Fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}

fn b_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isalnum", |d| all_nonempty(d, u8::is_ascii_alphanumeric))
}
fn b_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isalpha", |d| all_nonempty(d, u8::is_ascii_alphabetic))
}
fn b_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isdigit", |d| all_nonempty(d, u8::is_ascii_digit))
}
fn b_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isspace", |d| all_nonempty(d, |b| is_space(*b)))
}
fn b_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isascii", |d| d.is_ascii())
}
fn b_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
fn b_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
fn b_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

// ---- % formatting ------------------------------------------------------------------

/// C-style `%e`/`%f`/`%g` of a float.
fn format_float(x: f64, conv: u8, prec: usize, alt: bool) -> String {
    let upper = conv.is_ascii_uppercase();
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if upper { s.to_uppercase() } else { s.to_string() };
    }
    let exp_form = |p: usize| -> String {
        let s = format!("{:.*e}", p, x);
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        let m = if alt && p == 0 { format!("{m}.") } else { m.to_string() };
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    };
    let s = match conv.to_ascii_lowercase() {
        b'f' => {
            let s = format!("{:.*}", prec, x);
            if alt && prec == 0 {
                format!("{s}.")
            } else {
                s
            }
        }
        b'e' => exp_form(prec),
        _ => {
            let p = prec.max(1);
            let e = if x == 0.0 {
                0
            } else {
                let s = format!("{:.*e}", p - 1, x);
                s.split_once('e').and_then(|(_, e)| e.parse::<i32>().ok()).unwrap_or(0)
            };
            let mut s = if e >= -4 && e < p as i32 {
                format!("{:.*}", (p as i32 - 1 - e).max(0) as usize, x)
            } else {
                exp_form(p - 1)
            };
            if !alt {
                let (m, tail) = match s.find('e') {
                    Some(i) => (s[..i].to_string(), s[i..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.').to_string() } else { m };
                s = m + &tail;
            }
            s
        }
    };
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

/// Pads a formatted number or text to the spec's width.
fn apply_width(spec: &Spec, sign: &str, body: Vec<u8>, numeric: bool) -> Vec<u8> {
    let len = sign.len() + body.len();
    let mut out = Vec::new();
    if len >= spec.width {
        out.extend_from_slice(sign.as_bytes());
        out.extend(body);
    } else if spec.left {
        out.extend_from_slice(sign.as_bytes());
        out.extend(body);
        out.resize(spec.width, b' ');
    } else if spec.zero && numeric {
        out.extend_from_slice(sign.as_bytes());
        out.extend(std::iter::repeat_n(b'0', spec.width - len));
        out.extend(body);
    } else {
        out.extend(std::iter::repeat_n(b' ', spec.width - len));
        out.extend_from_slice(sign.as_bytes());
        out.extend(body);
    }
    out
}

fn sign_of(spec: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// The integer value of a `%d`-style argument (`int(x)` for floats).
fn int_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        return Ok(i.to_bigint());
    }
    if conv == 'd' || conv == 'i' || conv == 'u' {
        if let Some(f) = v.as_float() {
            if !f.is_finite() {
                let what = if f.is_nan() {
                    "cannot convert float NaN to integer"
                } else {
                    "cannot convert float infinity to integer"
                };
                return Err(if f.is_nan() { vm.new_value_error(what) } else { vm.new_overflow_error(what) });
            }
            return Ok(float_to_bigint(f.trunc()));
        }
        if let Some(f) = v.class().lookup("__int__") {
            let r = vm.call_unbound(&f, v, std::slice::from_ref(v))?;
            if let Some(i) = r.as_int() {
                return Ok(i.to_bigint());
            }
        }
        if v.class().lookup("__index__").is_some() {
            let r = vm.index(v)?;
            return Ok(r.as_int().map(|i| i.to_bigint()).unwrap_or_default());
        }
        return Err(vm.new_type_error(format!("%{conv} format: a real number is required, not {}", v.class().name())));
    }
    if v.class().lookup("__index__").is_some() {
        let r = vm.index(v)?;
        return Ok(r.as_int().map(|i| i.to_bigint()).unwrap_or_default());
    }
    Err(vm.new_type_error(format!("%{conv} format: an integer is required, not {}", v.class().name())))
}

fn float_to_bigint(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

fn float_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = v.as_int() {
        return Ok(i.to_bigint().to_f64().unwrap_or(f64::INFINITY));
    }
    if let Some(f) = v.class().lookup("__float__") {
        let r = vm.call_unbound(&f, v, std::slice::from_ref(v))?;
        if let Some(x) = r.as_float() {
            return Ok(x);
        }
    }
    Err(vm.new_type_error(format!("%{conv} format: a real number is required, not {}", v.class().name())))
}

/// The bytes of a `%s`/`%b` argument.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buf_of(v) {
        return Ok(b.into_owned());
    }
    if let Some(f) = v.class().lookup("__bytes__") {
        let r = vm.call_unbound(&f, v, std::slice::from_ref(v))?;
        if let Some(b) = buf_of(&r) {
            return Ok(b.into_owned());
        }
        return Err(vm.new_type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name())));
    }
    Err(vm.new_type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.class().name()
    )))
}

/// `fmt % args` for bytes.
fn format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let is_mapping = args.as_tuple().is_none()
        && buf_of(args).is_none()
        && args.downcast_ref::<PyStr>().is_none()
        && args.class().lookup("__getitem__").is_some();
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let tuple_args = args.as_tuple().is_some();
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut out = Vec::with_capacity(fmt.len());
    let mut i = 0;
    let mut take = |vm: &mut Vm| -> PyResult<Value> {
        match items.get(next) {
            Some(v) => {
                next += 1;
                Ok(v.clone())
            }
            None => Err(vm.new_type_error("not enough arguments for format string")),
        }
    };
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut mapped: Option<Value> = None;
        if fmt.get(i) == Some(&b'(') {
            let mut depth = 1;
            let k0 = i + 1;
            let mut j = k0;
            while j < fmt.len() && depth > 0 {
                match fmt[j] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.new_value_error("incomplete format key"));
            }
            if !is_mapping {
                return Err(vm.new_type_error("format requires a mapping"));
            }
            let key = bytes_new(fmt[k0..j - 1].to_vec());
            mapped = Some(vm.get_item(args, &key)?);
            used_mapping = true;
            i = j;
        }
        let mut spec = Spec { left: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: None };
        while let Some(&f) = fmt.get(i) {
            match f {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if fmt.get(i) == Some(&b'*') {
            let w = take(vm)?;
            let Some(w) = w.as_i64() else {
                return Err(vm.new_type_error("* wants int"));
            };
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
                spec.width = spec.width * 10 + (d - b'0') as usize;
                i += 1;
            }
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            let mut p = 0usize;
            if fmt.get(i) == Some(&b'*') {
                let w = take(vm)?;
                let Some(w) = w.as_i64() else {
                    return Err(vm.new_type_error("* wants int"));
                };
                p = w.max(0) as usize;
                i += 1;
            } else {
                while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
                    p = p * 10 + (d - b'0') as usize;
                    i += 1;
                }
            }
            spec.prec = Some(p);
        }
        while matches!(fmt.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else {
            return Err(vm.new_value_error("incomplete format"));
        };
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        let arg = match mapped.take() {
            Some(v) => v,
            None => take(vm)?,
        };
        let piece = match conv {
            b's' | b'b' => {
                let mut b = bytes_arg(vm, &arg)?;
                if let Some(p) = spec.prec {
                    b.truncate(p);
                }
                apply_width(&spec, "", b, false)
            }
            b'r' | b'a' => {
                let r = crate::builtins::ascii_of(vm, &arg)?;
                let mut b = r.as_str().unwrap_or("").as_bytes().to_vec();
                if let Some(p) = spec.prec {
                    b.truncate(p);
                }
                apply_width(&spec, "", b, false)
            }
            b'c' => {
                let b = if let Some(b) = buf_of(&arg).filter(|b| b.len() == 1) {
                    b[0]
                } else if let Some(i) = arg.as_i64() {
                    match u8::try_from(i) {
                        Ok(b) => b,
                        Err(_) => return Err(vm.new_overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(vm.new_type_error("%c requires an integer in range(256) or a single byte"));
                };
                apply_width(&spec, "", vec![b], false)
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                let n = int_arg(vm, &arg, conv as char)?;
                let mag = n.abs();
                let mut digits = match conv {
                    b'x' => mag.to_str_radix(16),
                    b'X' => mag.to_str_radix(16).to_uppercase(),
                    b'o' => mag.to_str_radix(8),
                    _ => mag.to_string(),
                };
                if let Some(p) = spec.prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let mut sign = sign_of(&spec, n.is_negative() && !n.is_zero()).to_string();
                if spec.alt {
                    match conv {
                        b'x' => sign.push_str("0x"),
                        b'X' => sign.push_str("0X"),
                        b'o' => sign.push_str("0o"),
                        _ => {}
                    }
                }
                apply_width(&spec, &sign, digits.into_bytes(), true)
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let x = float_arg(vm, &arg, conv as char)?;
                let s = format_float(x.abs(), conv, spec.prec.unwrap_or(6), spec.alt);
                let neg = x.is_sign_negative() && !x.is_nan();
                let sign = sign_of(&spec, neg);
                apply_width(&spec, sign, s.into_bytes(), x.is_finite())
            }
            other => {
                let at = i - 1;
                let ch = other as char;
                return Err(vm.new_value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {at}",
                    if other.is_ascii() { ch } else { '?' },
                    other
                )));
            }
        };
        out.extend(piece);
    }
    if !used_mapping && !is_mapping && next < items.len() && (tuple_args || next == 0) {
        return Err(vm.new_type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

fn b_mod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let fmt = recv(vm, &a[0])?.into_owned();
    let out = format_bytes(vm, &fmt, &a[1])?;
    Ok(like(&a[0], out))
}

fn b_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    slot_args(vm, &args, 1)?;
    Ok(not_implemented())
}

/// Adds the text methods to `bytes` or `bytearray`.
pub(super) fn install(t: &PyRef<PyType>) {
    let methods: [(&'static str, NativeFn); 41] = [
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("join", b_join),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("replace", b_replace),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("translate", b_translate),
        ("upper", b_upper),
        ("lower", b_lower),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("capitalize", b_capitalize),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isdigit", b_isdigit),
        ("isspace", b_isspace),
        ("isascii", b_isascii),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("istitle", b_istitle),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
        ("__str__", b_str),
    ];
    add_methods(t, &methods);
    add_method_kind(t, "maketrans", b_maketrans, MethodKind::Static);
}

/// `str(b)`: the repr (CPython warns under `-b`; Skein does not).
fn b_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    vm.repr(&a[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_matches_cpython() {
        assert_eq!(find_sub(b"hello", b"l", 0, 5), Some(2));
        assert_eq!(rfind_sub(b"hello", b"l", 0, 5), Some(3));
        assert_eq!(find_sub(b"abc", b"", 3, 3), Some(3));
        assert_eq!(find_sub(b"abc", b"", 5, 3), None);
        assert_eq!(rfind_sub(b"abc", b"", 0, 3), Some(3));
        assert_eq!(find_sub(b"abc", b"bc", 0, 2), None);
    }

    #[test]
    fn split_keeps_the_unsplit_rest() {
        assert_eq!(split_whitespace(b"  a b  ", 1, false), vec![b"a".to_vec(), b"b  ".to_vec()]);
        assert_eq!(split_whitespace(b"  a b  ", 1, true), vec![b"  a".to_vec(), b"b".to_vec()]);
        assert_eq!(split_sep(b"a,b,,c", b",", 2, true), vec![b"a,b".to_vec(), b"".to_vec(), b"c".to_vec()]);
        assert!(split_whitespace(b"   ", i64::MAX, false).is_empty());
    }

    #[test]
    fn float_conversions_match_printf() {
        assert_eq!(format_float(1234.5, b'e', 6, false), "1.234500e+03");
        assert_eq!(format_float(0.0001, b'g', 6, false), "0.0001");
        assert_eq!(format_float(1e20, b'G', 6, false), "1E+20");
        assert_eq!(format_float(100000.0, b'g', 6, false), "100000");
        assert_eq!(format_float(1000000.0, b'g', 6, false), "1e+06");
        assert_eq!(format_float(2.5, b'f', 0, false), "2");
        assert_eq!(format_float(3.5, b'f', 0, true), "4.");
        assert_eq!(format_float(0.0, b'g', 6, false), "0");
    }
}
