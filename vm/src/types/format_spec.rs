//! The format-specification mini-language (`format(value, spec)`) shared by
//! `str`, `int` and `float`, and CPython's float-to-text conversions.
//!
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`
//!
//! Parsing follows CPython 3.11's `parse_internal_render_format_spec`, and
//! rendering follows its `calc_number_widths`/`fill_number`: a number is
//! laid out as `<lpad><sign><prefix><spad><grouped digits><remainder><rpad>`,
//! where the remainder is everything after the integer digits (decimal
//! point, fraction, exponent, `%`). With `0` fill and `=` alignment the
//! integer digits are zero-extended *inside* the grouping, so
//! `format(1234, '08,')` is `'0,001,234'` exactly as in CPython.
//!
//! Float digits come from Rust's formatter, which rounds correctly (round
//! half to even on the exact binary value, like David Gay's `dtoa` that
//! CPython uses), so the results are bit-for-bit CPython's. Widths count
//! code points, not bytes. Nothing here panics on any input.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::vm::{PyResult, Vm};

/// Thousands grouping requested by the spec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal) ...
    Underscore,
    /// ... or every four (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format specification.
#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`.
    pub align: char,
    /// `+`, `-`, ` ` or `None` (the default, same as `-`).
    pub sign: Option<char>,
    /// `z`: negative zero (after rounding) prints as positive zero.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type, or `None` when omitted (and no default).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// CPython renders a presentation type in messages as `'c'` when it is
/// printable ASCII and as `'\x..'` otherwise.
fn type_repr(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{u:x}")
    }
}

/// Reads decimal digits at `*pos`; `Ok(None)` if there are none.
fn get_integer(vm: &mut Vm, spec: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = spec.get(*pos).and_then(|c| crate::types::str_methods::decimal_value(*c)) {
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(vm.new_value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

/// Parses `spec` for an object of type `type_name`. `default_type` is the
/// type assumed when none is given (`s` for str, `d` for int, none for
/// float); `default_align` is `<` for text and `>` for numbers.
pub fn parse_spec(
    vm: &mut Vm,
    spec: &str,
    default_type: Option<char>,
    default_align: char,
    type_name: &str,
) -> PyResult<FormatSpec> {
    // Specs are short: decode into a stack buffer when they fit.
    let mut buf = ['\0'; 32];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= buf.len() {
        let mut n = 0;
        for c in spec.chars() {
            buf[n] = c;
            n += 1;
        }
        &buf[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let end = chars.len();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_type,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = chars[1];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = chars[0];
        align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    // `0` before the width: sign-aware zero padding unless a fill was given.
    if !fill_specified && pos < end && chars[pos] == '0' {
        out.fill = '0';
        if !align_specified && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    out.width = get_integer(vm, chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        out.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping != Grouping::None {
            return Err(vm.new_value_error("Cannot specify both ',' and '_'."));
        }
        out.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Grouping::Underscore {
        return Err(vm.new_value_error("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        match get_integer(vm, chars, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => return Err(vm.new_value_error("Format specifier missing precision")),
        }
    }
    if end - pos > 1 {
        return Err(vm.new_value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    check_width(vm, out.width.unwrap_or(0), out.fill)?;
    if out.grouping != Grouping::None {
        let sep = if out.grouping == Grouping::Comma { ',' } else { '_' };
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if out.grouping == Grouping::Underscore => {
                out.grouping = Grouping::UnderscoreFour;
            }
            Some(t) => {
                return Err(vm.new_value_error(format!("Cannot specify '{sep}' with '{}'.", type_repr(t))));
            }
        }
    }
    Ok(out)
}

/// `MemoryError` up front for widths whose padding cannot be allocated
/// (the padding loops below would otherwise abort the process).
pub(crate) fn check_width(vm: &mut Vm, width: usize, fill: char) -> PyResult<()> {
    if width > 1 << 20 {
        let mut probe = String::new();
        if probe.try_reserve_exact(width.saturating_mul(fill.len_utf8())).is_err() {
            return Err(vm.new_exception_empty(&crate::types::exceptions::exc().memory_error));
        }
    }
    Ok(())
}

fn unknown_code(vm: &mut Vm, t: char, type_name: &str) -> crate::vm::PyErr {
    vm.new_value_error(format!("Unknown format code '{}' for object of type '{type_name}'", type_repr(t)))
}

/// Appends `n` copies of `c`.
fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pads `body` (of `len` code points) to the spec's width with its fill
/// and alignment (`=` is treated as `>`; callers reject it for text).
fn pad(out: &mut String, body: &str, len: usize, spec: &FormatSpec) {
    let width = spec.width.unwrap_or(0);
    let total = width.saturating_sub(len);
    let (left, right) = match spec.align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    out.reserve(body.len() + total * spec.fill.len_utf8());
    push_n(out, spec.fill, left);
    out.push_str(body);
    push_n(out, spec.fill, right);
}

// ---------------------------------------------------------------- str

/// `format(s, spec)` for a `str`.
pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    format_str_named(vm, s, spec, "str")
}

/// `format_str` for an instance of the type named `type_name` (used in
/// error messages).
pub fn format_str_named(vm: &mut Vm, s: &str, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(vm, spec, Some('s'), '<', type_name)?;
    match f.ty {
        Some('s') => {}
        Some(t) => return Err(unknown_code(vm, t, type_name)),
        None => {}
    }
    match f.sign {
        Some(' ') => return Err(vm.new_value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(vm.new_value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_0 {
        return Err(vm.new_value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(vm.new_value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == '=' {
        return Err(vm.new_value_error("'=' alignment not allowed in string format specifier"));
    }
    let (body, len) = match f.precision {
        Some(p) => {
            let cut = s.char_indices().nth(p).map(|(b, _)| b).unwrap_or(s.len());
            let body = &s[..cut];
            (body, if body.is_ascii() { body.len() } else { body.chars().count() })
        }
        None => (s, if s.is_ascii() { s.len() } else { s.chars().count() }),
    };
    let mut out = String::new();
    pad(&mut out, body, len, &f);
    Ok(out)
}

// ------------------------------------------------------------ numbers

/// The pieces of a formatted number before padding and grouping.
struct Number<'a> {
    negative: bool,
    /// `0x`, `0o`, `0b` (or upper-cased) in alternate form.
    prefix: &'a str,
    /// The integer digits (ASCII); empty only for `c`.
    digits: &'a str,
    /// Everything after the integer digits.
    remainder: &'a str,
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: the digits with
/// separators every `group` digits (no separators when `group` is None),
/// zero-extended to at least `min_width` characters when that is
/// positive. Groups are filled from the right.
fn group_digits(digits: &str, mut min_width: isize, group: Option<(usize, char)>) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut pos = d.len();
    // Built backwards, then reversed.
    let mut rev: Vec<u8> = Vec::with_capacity(d.len() + d.len() / 3 + 4);
    let mut take = |rev: &mut Vec<u8>, l: isize, remaining: &mut isize| {
        let n_chars = (*remaining).min(l).max(0);
        let n_zeros = (l - *remaining).max(0);
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(d[pos]);
        }
        for _ in 0..n_zeros {
            rev.push(b'0');
        }
        *remaining -= n_chars;
    };
    match group {
        Some((g, sep)) => {
            let g = g as isize;
            let mut first = true;
            loop {
                let l = g.min(remaining.max(min_width).max(1));
                if !first {
                    // Separators are ASCII (',' or '_').
                    rev.push(sep as u8);
                }
                first = false;
                take(&mut rev, l, &mut remaining);
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let l = remaining.max(min_width).max(1);
            take(&mut rev, l, &mut remaining);
        }
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}

/// Lays out a number per the spec (`calc_number_widths` + `fill_number`).
fn fill_number(spec: &FormatSpec, n: &Number<'_>, upper: bool) -> String {
    let sign = match (spec.sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let n_sign = sign.is_some() as usize;
    let rem_len = n.remainder.chars().count();
    let non_digit = n_sign + n.prefix.len() + rem_len;
    let width = spec.width.map(|w| w as isize).unwrap_or(-1);
    let min_width = if spec.fill == '0' && spec.align == '=' { width - non_digit as isize } else { 0 };
    let group = match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some((3, ',')),
        Grouping::Underscore => Some((3, '_')),
        Grouping::UnderscoreFour => Some((4, '_')),
    };
    let mut grouped = if n.digits.is_empty() { String::new() } else { group_digits(n.digits, min_width, group) };
    if upper {
        grouped.make_ascii_uppercase();
    }
    let padding = width - (non_digit + grouped.len()) as isize;
    let (mut lpad, mut spad, mut rpad) = (0usize, 0usize, 0usize);
    if padding > 0 {
        let p = padding as usize;
        match spec.align {
            '<' => rpad = p,
            '^' => {
                lpad = p / 2;
                rpad = p - lpad;
            }
            '=' => spad = p,
            _ => lpad = p,
        }
    }
    let mut out = String::with_capacity(grouped.len() + n.remainder.len() + lpad + spad + rpad + 4);
    push_n(&mut out, spec.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&n.prefix.to_ascii_uppercase());
    } else {
        out.push_str(n.prefix);
    }
    push_n(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    out.push_str(n.remainder);
    push_n(&mut out, spec.fill, rpad);
    out
}

/// An integer to format: a machine integer or a `BigInt`.
#[derive(Clone, Copy)]
pub enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn negative(&self) -> bool {
        match self {
            IntArg::Small(i) => *i < 0,
            IntArg::Big(b) => b.sign() == Sign::Minus,
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntArg::Small(i) => Some(i),
            IntArg::Big(b) => b.to_i64(),
        }
    }

    /// The digits of the magnitude in `radix` (2, 8, 10 or 16).
    fn magnitude_digits(&self, radix: u32) -> String {
        match self {
            IntArg::Small(i) => {
                let m = i.unsigned_abs();
                match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                }
            }
            IntArg::Big(b) => {
                if radix == 10 {
                    b.magnitude().to_string()
                } else {
                    b.magnitude().to_str_radix(radix)
                }
            }
        }
    }

    fn to_f64(self, vm: &mut Vm) -> PyResult<f64> {
        match self {
            IntArg::Small(i) => Ok(i as f64),
            IntArg::Big(b) => int_to_f64(vm, b),
        }
    }
}

impl<'a> From<&crate::types::int::IntRef<'a>> for IntArg<'a> {
    fn from(i: &crate::types::int::IntRef<'a>) -> IntArg<'a> {
        match i {
            crate::types::int::IntRef::Small(x) => IntArg::Small(*x),
            crate::types::int::IntRef::Big(b) => IntArg::Big(b),
        }
    }
}

/// `format(i, spec)` for an `int`.
pub fn format_int(vm: &mut Vm, i: &BigInt, spec: &str) -> PyResult<String> {
    format_int_arg(vm, IntArg::Big(i), spec, "int")
}

/// `format_int` for an instance of the type named `type_name`.
pub fn format_int_named(vm: &mut Vm, i: &BigInt, spec: &str, type_name: &str) -> PyResult<String> {
    format_int_arg(vm, IntArg::Big(i), spec, type_name)
}

/// `format(i, spec)` for a machine-sized `int` (no `BigInt` needed).
pub fn format_i64(vm: &mut Vm, i: i64, spec: &str) -> PyResult<String> {
    format_int_arg(vm, IntArg::Small(i), spec, "int")
}

/// `format(i, spec)` for an `int` of any size, its type named
/// `type_name` in error messages.
pub fn format_int_arg(vm: &mut Vm, i: IntArg<'_>, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(match i {
            IntArg::Small(x) => x.to_string(),
            IntArg::Big(b) => b.to_string(),
        });
    }
    let f = parse_spec(vm, spec, Some('d'), '>', type_name)?;
    let t = f.ty.unwrap_or('d');
    match t {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = i.to_f64(vm)?;
            return render_float(vm, x, &f);
        }
        other => return Err(unknown_code(vm, other, type_name)),
    }
    if f.precision.is_some() {
        return Err(vm.new_value_error("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(vm.new_value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if t == 'c' {
        if f.sign.is_some() {
            return Err(vm.new_value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(vm.new_value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let Some(x) = i.to_i64() else {
            return Err(vm.new_overflow_error("Python int too large to convert to C long"));
        };
        if !(0..=0x10ffff).contains(&x) {
            return Err(vm.new_overflow_error("%c arg not in range(0x110000)"));
        }
        let Some(c) = char::from_u32(x as u32) else {
            return Err(
                vm.new_value_error(format!("%c arg {x:#x} is a lone surrogate, which Skein strings cannot hold"))
            );
        };
        let s = c.to_string();
        // CPython treats the character as "remainder", so '=' and '0'
        // padding still apply around it.
        let n = Number { negative: false, prefix: "", digits: "", remainder: &s };
        return Ok(fill_number(&f, &n, false));
    }
    let (radix, prefix) = match t {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = i.magnitude_digits(radix);
    let n = Number {
        negative: i.negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        remainder: "",
    };
    let mut g = f.clone();
    if t == 'n' {
        // The C locale has no grouping ('n' rejects explicit grouping).
        g.grouping = Grouping::None;
    }
    Ok(fill_number(&g, &n, t == 'X'))
}

/// `int` to `float` as `float(i)` does, with CPython's overflow error.
pub fn int_to_f64(vm: &mut Vm, i: &BigInt) -> PyResult<f64> {
    match i.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ if i.is_zero() => Ok(0.0),
        _ => Err(vm.new_overflow_error("int too large to convert to float")),
    }
}

/// `format(x, spec)` for a `float`.
pub fn format_float(vm: &mut Vm, x: f64, spec: &str) -> PyResult<String> {
    format_float_named(vm, x, spec, "float")
}

/// `format_float` for an instance of the type named `type_name`.
pub fn format_float_named(vm: &mut Vm, x: f64, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = parse_spec(vm, spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(vm, t, type_name)),
    }
    render_float(vm, x, &f)
}

/// CPython's `format_float_internal` after the type check.
fn render_float(vm: &mut Vm, x: f64, f: &FormatSpec) -> PyResult<String> {
    let precision = match f.precision {
        Some(p) if p > i32::MAX as usize => return Err(vm.new_value_error("precision too big")),
        p => p,
    };
    let mut ty = f.ty.unwrap_or('r');
    let add_dot_0 = f.ty.is_none();
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let prec = match precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None if ty == 'r' => 0,
        None => 6,
    };
    let flags = DtoaFlags { alt: f.alternate, add_dot_0, no_neg_0: f.no_neg_0 };
    let mut s = double_to_string(val, ty, prec, flags);
    if add_pct {
        s.push('%');
    }
    let mut g = f.clone();
    if f.ty == Some('n') {
        g.grouping = Grouping::None;
    }
    // Infinities and NaNs have no digits: they are all "remainder", and
    // CPython still pads them with the fill, zeros included.
    Ok(fill_number(&g, &number_of(&s), false))
}

/// Splits a formatted float into a `Number` (sign, integer digits, rest).
fn number_of(s: &str) -> Number<'_> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let split = body.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(body.len());
    let (digits, remainder) = body.split_at(split);
    Number { negative, prefix: "", digits, remainder }
}

/// `format(z, spec)` for a `complex` with parts `re` and `im`.
pub fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str) -> PyResult<String> {
    format_complex_named(vm, re, im, spec, "complex")
}

/// CPython's `format_complex_internal`; an empty spec must be handled by
/// the caller (`str(z)`).
pub fn format_complex_named(vm: &mut Vm, re: f64, im: f64, spec: &str, type_name: &str) -> PyResult<String> {
    let f = parse_spec(vm, spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(vm, t, type_name)),
    }
    if f.fill == '0' {
        return Err(vm.new_value_error("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == '=' {
        return Err(vm.new_value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let precision = match f.precision {
        Some(p) if p > i32::MAX as usize => return Err(vm.new_value_error("precision too big")),
        p => p,
    };
    let mut ty = f.ty.unwrap_or('r');
    let (mut skip_re, mut parens) = (false, false);
    if f.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let prec = match precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None if ty == 'r' => 0,
        None => 6,
    };
    let flags = DtoaFlags { alt: f.alternate, add_dot_0: false, no_neg_0: f.no_neg_0 };
    let re_s = double_to_string(re, ty, prec, flags);
    let im_s = double_to_string(im, ty, prec, flags);
    // Each part is laid out without padding; the whole is padded below.
    let mut part = f.clone();
    part.fill = ' ';
    part.align = '<';
    part.width = None;
    if f.ty == Some('n') {
        part.grouping = Grouping::None;
    }
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&fill_number(&part, &number_of(&re_s), false));
        part.sign = Some('+');
    }
    body.push_str(&fill_number(&part, &number_of(&im_s), false));
    body.push('j');
    if parens {
        body.push(')');
    }
    let mut out = String::new();
    let len = body.chars().count();
    pad(&mut out, &body, len, &f);
    Ok(out)
}

// --------------------------------------------------- float to text

/// Flags of CPython's `PyOS_double_to_string`.
#[derive(Clone, Copy, Default, Debug)]
pub struct DtoaFlags {
    /// `Py_DTSF_ALT`: keep trailing zeros for `g`, always a decimal point.
    pub alt: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral results without exponent get `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_NO_NEG_0`: a result that rounds to zero loses its sign.
    pub no_neg_0: bool,
}

/// `repr(x)` for a float: the shortest string that reads back as `x`,
/// in fixed notation when the decimal exponent is in [-4, 16).
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DtoaFlags { add_dot_0: true, ..Default::default() })
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)` for the
/// codes `e E f F g G r` (`r` ignores `precision`). Precision 0 with `g`
/// means 1.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let lower = code.to_ascii_lowercase();
    if !x.is_finite() {
        let mut s = String::new();
        if x.is_nan() {
            // The sign of a NaN is never shown.
            s.push_str(if upper { "NAN" } else { "nan" });
        } else {
            if x < 0.0 {
                s.push('-');
            }
            s.push_str(if upper { "INF" } else { "inf" });
        }
        return s;
    }
    let negative = x.is_sign_negative();
    let a = x.abs();
    let mut body = match lower {
        'f' => {
            let mut s = fixed_exact(a, precision).unwrap_or_else(|| format!("{a:.precision$}"));
            if flags.alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let s = format!("{a:.precision$e}");
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let mut m = mant.to_string();
            if flags.alt && precision == 0 {
                m.push('.');
            }
            push_exponent(&mut m, exp.parse().unwrap_or(0), upper);
            m
        }
        'g' => {
            let p = precision.max(1);
            let s = format!("{a:.prec$e}", prec = p - 1);
            let (digits, decpt) = digits_and_point(&s);
            layout_digits(&digits, decpt, Mode::General(p), flags, upper)
        }
        _ => {
            let s = format!("{a:e}");
            let (digits, decpt) = digits_and_point(&s);
            layout_digits(&digits, decpt, Mode::Repr, flags, upper)
        }
    };
    if upper && lower != 'e' {
        body.make_ascii_uppercase();
    }
    let zero = !body.bytes().take_while(|b| *b != b'e' && *b != b'E').any(|b| (b'1'..=b'9').contains(&b));
    if negative && !(flags.no_neg_0 && zero) {
        body.insert(0, '-');
    }
    body
}

/// `{:.p$}` for values whose scaled value `a * 10**p` is a float integer
/// below 2**52 (most short decimals): the product is then within 0.25 of
/// that integer, so it is also the correctly rounded result, and integer
/// arithmetic gives the digits without the general algorithm.
fn fixed_exact(a: f64, p: usize) -> Option<String> {
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let scale = *POW10.get(p)?;
    let y = a * scale;
    if y.is_nan() || y >= 4503599627370496.0 || y.fract() != 0.0 {
        return None;
    }
    let n = y as u64;
    if p == 0 {
        return Some(n.to_string());
    }
    let div = 10u64.pow(p as u32);
    Some(format!("{}.{:0p$}", n / div, n % div))
}

/// `e+05`-style exponent: sign always, at least two digits.
fn push_exponent(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Splits Rust's `d.ddde±x` into the significant digits (trailing zeros
/// removed, `"0"` for zero) and the decimal point position (`dtoa`'s
/// `decpt`: the value is `0.digits * 10**decpt`).
fn digits_and_point(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    if digits == "0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

enum Mode {
    /// `g` with this many significant digits.
    General(usize),
    /// `r`: shortest round-trip digits.
    Repr,
}

/// The digit layout of CPython's `format_float_short` for `g` and `r`.
fn layout_digits(digits: &str, decpt: i32, mode: Mode, flags: DtoaFlags, upper: bool) -> String {
    let nd = digits.len() as i64;
    let mut decpt = decpt as i64;
    let mut vend = nd;
    let use_exp = match mode {
        Mode::General(p) => {
            let p = p as i64;
            if flags.alt {
                vend = p;
            }
            decpt <= -4 || decpt > if flags.add_dot_0 { p - 1 } else { p }
        }
        Mode::Repr => decpt <= -4 || decpt > 16,
    };
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };
    let mut out = String::with_capacity((vend - vstart + 8).max(8) as usize);
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= nd {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(digits);
    }
    if nd < decpt {
        zeros(&mut out, decpt - nd);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - nd);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        push_exponent(&mut out, exp as i32, upper);
    }
    out
}

/// Whether a `BigInt` is negative (for callers formatting ints by hand).
pub fn is_negative(i: &BigInt) -> bool {
    i.is_negative()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (123.456, "123.456"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e100, "1e+100"),
            (2.5e-300, "2.5e-300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (123456789012345678.0, "1.2345678901234568e+17"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "repr of {x}");
        }
    }

    #[test]
    fn fixed_exp_general() {
        let f = DtoaFlags::default();
        assert_eq!(double_to_string(2.5, 'f', 0, f), "2");
        assert_eq!(double_to_string(1.0, 'e', 2, f), "1.00e+00");
        assert_eq!(double_to_string(1e-5, 'g', 6, f), "1e-05");
        assert_eq!(double_to_string(123456789.0, 'g', 6, f), "1.23457e+08");
        assert_eq!(double_to_string(100.0, 'g', 3, DtoaFlags { alt: true, ..f }), "100.");
        assert_eq!(double_to_string(1.0, 'g', 6, DtoaFlags { alt: true, ..f }), "1.00000");
        assert_eq!(double_to_string(123.0, 'g', 3, DtoaFlags { add_dot_0: true, ..f }), "1.23e+02");
        assert_eq!(double_to_string(123.0, 'g', 4, DtoaFlags { add_dot_0: true, ..f }), "123.0");
        assert_eq!(double_to_string(-0.0001, 'f', 2, DtoaFlags { no_neg_0: true, ..f }), "0.00");
        assert_eq!(double_to_string(1e20, 'G', 6, f), "1E+20");
    }

    #[test]
    fn fixed_fast_path_agrees() {
        let mut x: f64 = 0.0;
        for i in 0..20000u32 {
            x = x * 1.37 + 0.013 * (i % 97) as f64;
            if x > 1e13 {
                x /= 1e12;
            }
            for v in [x, x / 1000.0, (x * 8.0).round() / 8.0, i as f64 / 4.0] {
                for p in 0..12 {
                    if let Some(s) = fixed_exact(v, p) {
                        assert_eq!(s, format!("{v:.p$}"), "{v} {p}");
                    }
                }
            }
        }
    }

    #[test]
    fn grouping_with_min_width() {
        assert_eq!(group_digits("1234", 8, Some((3, ','))), "0,001,234");
        assert_eq!(group_digits("1234", 7, Some((3, ','))), "001,234");
        assert_eq!(group_digits("1234", 10, Some((3, ','))), "00,001,234");
        assert_eq!(group_digits("1234567", 0, Some((3, ','))), "1,234,567");
        assert_eq!(group_digits("12", 5, None), "00012");
    }
}
