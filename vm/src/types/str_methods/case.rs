//! Case mappings (`lower` `upper` `casefold` `swapcase` `title`
//! `capitalize`) and the character-class predicates (`isalpha` ...
//! `isidentifier`).
//!
//! Lower/upper mappings come from Rust's `char` methods (full mappings,
//! e.g. `ß`.upper() is `SS`); title-case and case-folding exceptions, and
//! the character classes, come from `unicode_db`, generated from CPython
//! 3.11's database so the predicates agree with it exactly. `lower` (and
//! the methods built on it) apply the Final_Sigma rule as CPython does.

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::singletons::bool_value;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::unicode_db as db;
use super::{method_args, same_or_new, this};

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn in_map(map: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    map.binary_search_by_key(&(c as u32), |&(k, _)| k).ok().map(|i| map[i].1)
}

/// `c.isspace()`.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f')
    } else {
        in_table(db::SPACE, c)
    }
}

/// `c.isprintable()` (what `repr` leaves unescaped).
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(db::PRINTABLE, c)
    }
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(db::ALPHA, c)
    }
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(db::DECIMAL, c)
    }
}

/// The value of a decimal digit (category Nd) of any script, as
/// `unicodedata.decimal` (CPython's `Py_UNICODE_TODECIMAL`). Every Nd
/// range in the table is a run of whole 0..9 sets, so the value is the
/// offset from the range start modulo 10.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = db::DECIMAL.partition_point(|&(_, hi)| hi < cp);
    match db::DECIMAL.get(i) {
        Some(&(lo, _)) if lo <= cp => Some((cp - lo) % 10),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(db::DIGIT, c)
    }
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(db::NUMERIC, c)
    }
}

fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_table(db::TITLECASE, c)
}

fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

fn is_case_ignorable(c: char) -> bool {
    in_table(db::CASE_IGNORABLE, c)
}

/// Whether `s` is a valid identifier (`str.isidentifier`).
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    let Some(first) = it.next() else { return false };
    let start_ok =
        if first.is_ascii() { first == '_' || first.is_ascii_alphabetic() } else { in_table(db::XID_START, first) };
    start_ok
        && it.all(|c| if c.is_ascii() { c == '_' || c.is_ascii_alphanumeric() } else { in_table(db::XID_CONTINUE, c) })
}

// ------------------------------------------------------------ mappings

/// The lower-case mapping of `chars[i]`, with Final_Sigma for U+03A3.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{3a3}' {
        out.push(capital_sigma(chars, i));
    } else {
        out.extend(c.to_lowercase());
    }
}

/// CPython's `handle_capital_sigma`: final (ς) when preceded by a cased
/// letter and not followed by one, skipping case-ignorable characters.
fn capital_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
    let mut final_sigma = before.is_some_and(|c| is_cased(*c));
    if final_sigma {
        let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
        final_sigma = after.is_none_or(|c| !is_cased(*c));
    }
    if final_sigma {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.extend(c.to_uppercase());
    }
}

fn push_title(out: &mut String, c: char) {
    match in_map(db::TITLE, c) {
        Some(t) => out.push_str(t),
        None => out.extend(c.to_uppercase()),
    }
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower(&mut out, &chars, i);
    }
    out
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match in_map(db::CASEFOLD, c) {
            Some(f) => out.push_str(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() } as char)
            .collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, &chars, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    if s.is_ascii() {
        for b in s.bytes() {
            let c = b as char;
            out.push(if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() });
            prev_cased = c.is_ascii_alphabetic();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// A case mapping; `ascii`, when given, maps ASCII text in place (no
/// temporary `String`: short results are built inside the new object).
fn mapping(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    f: fn(&str) -> String,
    ascii: Option<fn(&mut str)>,
) -> PyResult<Value> {
    method_args(vm, &args, name, 0)?;
    let s = this(vm, &args)?;
    if let (Some(g), true) = (ascii, s.is_ascii()) {
        let mut buf = compact_str::CompactString::new(s.as_str());
        g(&mut buf);
        if buf.as_bytes() == s.as_str().as_bytes() && args.pos[0].is_exact(crate::types::str::STR_TYPE.get()) {
            return Ok(args.pos[0].clone());
        }
        return Ok(crate::types::str::new_str_ascii(buf));
    }
    let out = f(s.as_str());
    Ok(same_or_new(&args.pos[0], s, &out))
}

fn ascii_capitalize(t: &mut str) {
    t.make_ascii_lowercase();
    if let Some(first) = t.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
}

pub(super) fn str_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    mapping(vm, args, "str.lower", lower, Some(str::make_ascii_lowercase))
}
pub(super) fn str_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    mapping(vm, args, "str.upper", upper, Some(str::make_ascii_uppercase))
}
pub(super) fn str_casefold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    mapping(vm, args, "str.casefold", casefold, Some(str::make_ascii_lowercase))
}
pub(super) fn str_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    mapping(vm, args, "str.swapcase", swapcase, None)
}
pub(super) fn str_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    mapping(vm, args, "str.title", title, None)
}
pub(super) fn str_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    mapping(vm, args, "str.capitalize", capitalize, Some(ascii_capitalize))
}

// ---------------------------------------------------------- predicates

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    method_args(vm, &args, name, 0)?;
    let s = this(vm, &args)?;
    Ok(bool_value(f(s.as_str())))
}

/// Non-empty and every character satisfies `p`.
fn all_chars(s: &str, p: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(p)
}

fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
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
}

pub(super) fn str_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isalpha", |s| all_chars(s, is_alpha))
}
pub(super) fn str_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isalnum", |s| all_chars(s, is_alnum))
}
pub(super) fn str_isdecimal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isdecimal", |s| all_chars(s, is_decimal))
}
pub(super) fn str_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isdigit", |s| all_chars(s, is_digit))
}
pub(super) fn str_isnumeric(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isnumeric", |s| all_chars(s, is_numeric))
}
pub(super) fn str_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isspace", |s| all_chars(s, is_space))
}
pub(super) fn str_isprintable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isprintable", |s| s.chars().all(is_printable))
}
pub(super) fn str_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isascii", |s| s.is_ascii())
}
pub(super) fn str_isidentifier(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isidentifier", is_identifier)
}
pub(super) fn str_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.islower", islower)
}
pub(super) fn str_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.isupper", isupper)
}
pub(super) fn str_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "str.istitle", istitle)
}

pub(super) fn install(t: &PyRef<PyType>) {
    add_methods(
        t,
        &[
            ("lower", str_lower),
            ("upper", str_upper),
            ("casefold", str_casefold),
            ("swapcase", str_swapcase),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isdecimal", str_isdecimal),
            ("isdigit", str_isdigit),
            ("isnumeric", str_isnumeric),
            ("isspace", str_isspace),
            ("isprintable", str_isprintable),
            ("isascii", str_isascii),
            ("isidentifier", str_isidentifier),
            ("islower", str_islower),
            ("isupper", str_isupper),
            ("istitle", str_istitle),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_sigma() {
        assert_eq!(lower("ΟΔΟΣ"), "οδος");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ΑΣ Α"), "ας α");
    }

    #[test]
    fn title_and_fold() {
        assert_eq!(title("hello wORLD 3rd"), "Hello World 3Rd");
        assert_eq!(title("ßa"), "Ssa");
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(capitalize("ǆemal"), "ǅemal");
    }

    #[test]
    fn classes() {
        assert!(is_identifier("_a1") && !is_identifier("1a") && is_identifier("été"));
        assert!(is_space('\u{a0}') && is_space('\x1f') && !is_space('\u{200b}'));
        assert!(!is_printable('\u{a0}') && is_printable('é'));
        assert!(is_numeric('一') && !is_digit('一') && is_decimal('٣'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('x'), None);
    }
}
