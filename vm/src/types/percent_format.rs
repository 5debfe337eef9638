//! printf-style formatting: `str % args`.
//!
//! Follows CPython 3.11's `PyUnicode_Format`: `%[(key)][flags][width]
//! [.precision][length]type` with flags `-+ #0`, `*` widths and
//! precisions taken from the arguments, length modifiers `h l L`
//! ignored, and the conversions `d i u o x X e E f F g G c r s a %`.
//!
//! Argument bookkeeping mirrors CPython's exactly (`arglen` is -1 for a
//! single non-tuple argument, which may be consumed once), so the
//! "not enough arguments" / "not all arguments converted" errors appear
//! in the same cases. The format string is scanned byte-wise: every
//! syntax character is ASCII, so slicing at them keeps UTF-8 boundaries.

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive, Zero};

use crate::types::exceptions::exc;
use crate::types::str::{new_str, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::format_spec::{double_to_string, int_to_f64, DtoaFlags};

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// The arguments being consumed (CPython's `unicode_formatter_t` fields).
struct ArgCursor<'a> {
    /// The current single argument (the whole right operand, or the value
    /// of the last `%(key)`).
    single: Value,
    tuple: Option<&'a [Value]>,
    arglen: isize,
    argidx: isize,
}

impl ArgCursor<'_> {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.single.clone());
            }
            if let Some(t) = self.tuple {
                if let Some(v) = t.get(i as usize) {
                    return Ok(v.clone());
                }
            }
        }
        Err(vm.new_type_error("not enough arguments for format string"))
    }
}

/// One parsed conversion.
struct Conv {
    flags: u8,
    width: isize,
    prec: isize,
    ch: char,
    /// A numeric conversion: its sign and `0` flag take part in padding.
    sign: bool,
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let tuple = args.as_tuple();
    let is_str = args.downcast_ref::<PyStr>().is_some();
    let dict = if tuple.is_none() && !is_str && args.class().lookup("__getitem__").is_some() {
        Some(args.clone())
    } else {
        None
    };
    let (arglen, argidx) = match &tuple {
        Some(t) => (t.len() as isize, 0),
        None => (-1, -2),
    };
    let mut cur = ArgCursor { single: args.clone(), tuple, arglen, argidx };
    let bytes = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < bytes.len() {
        let Some(off) = fmt[pos..].find('%') else {
            out.push_str(&fmt[pos..]);
            break;
        };
        out.push_str(&fmt[pos..pos + off]);
        pos += off + 1;
        if bytes.get(pos) == Some(&b'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        let conv = parse_conversion(vm, fmt, &mut pos, &mut cur, dict.as_ref())?;
        format_one(vm, fmt, pos, conv, &mut cur, &mut out)?;
    }
    if cur.argidx < cur.arglen && dict.is_none() {
        return Err(vm.new_type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// `* wants int` arguments.
fn star_arg(vm: &mut Vm, cur: &mut ArgCursor<'_>) -> PyResult<i64> {
    let v = cur.next(vm)?;
    let Some(i) = v.as_int() else {
        return Err(vm.new_type_error("* wants int"));
    };
    match i.to_i64() {
        Some(x) => Ok(x),
        None => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Parses what follows a `%` (CPython's `unicode_format_arg_parse`);
/// leaves `pos` after the conversion character.
fn parse_conversion(
    vm: &mut Vm,
    fmt: &str,
    pos: &mut usize,
    cur: &mut ArgCursor<'_>,
    dict: Option<&Value>,
) -> PyResult<Conv> {
    let b = fmt.as_bytes();
    let incomplete = |vm: &mut Vm| vm.new_value_error("incomplete format");
    let mut conv = Conv { flags: 0, width: -1, prec: -1, ch: '\0', sign: false };
    if b.get(*pos) == Some(&b'(') {
        let Some(d) = dict else {
            return Err(vm.new_type_error("format requires a mapping"));
        };
        let start = *pos + 1;
        let mut depth = 1;
        let mut i = start;
        while i < b.len() {
            match b[i] {
                b')' => depth -= 1,
                b'(' => depth += 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            i += 1;
        }
        if depth > 0 {
            return Err(vm.new_value_error("incomplete format key"));
        }
        let key = new_str(&fmt[start..i]);
        let v = vm.get_item(d, &key)?;
        cur.single = v;
        cur.tuple = None;
        cur.arglen = -1;
        cur.argidx = -2;
        *pos = i + 1;
    }
    while let Some(&c) = b.get(*pos) {
        conv.flags |= match c {
            b'-' => F_LJUST,
            b'+' => F_SIGN,
            b' ' => F_BLANK,
            b'#' => F_ALT,
            b'0' => F_ZERO,
            _ => break,
        };
        *pos += 1;
    }
    match b.get(*pos) {
        Some(b'*') => {
            let w = star_arg(vm, cur)?;
            if w < 0 {
                conv.flags |= F_LJUST;
            }
            conv.width = w.unsigned_abs().min(isize::MAX as u64) as isize;
            *pos += 1;
        }
        Some(c) if c.is_ascii_digit() => {
            let mut w: isize = 0;
            while let Some(d) = b.get(*pos).filter(|c| c.is_ascii_digit()) {
                let d = (d - b'0') as isize;
                if w > (isize::MAX - d) / 10 {
                    return Err(vm.new_value_error("width too big"));
                }
                w = w * 10 + d;
                *pos += 1;
            }
            conv.width = w;
        }
        _ => {}
    }
    if b.get(*pos) == Some(&b'.') {
        *pos += 1;
        conv.prec = 0;
        match b.get(*pos) {
            Some(b'*') => {
                let p = star_arg(vm, cur)?;
                if p > i32::MAX as i64 {
                    return Err(vm.new_overflow_error("Python int too large to convert to C int"));
                }
                conv.prec = p.max(0) as isize;
                *pos += 1;
            }
            Some(c) if c.is_ascii_digit() => {
                let mut p: isize = 0;
                while let Some(d) = b.get(*pos).filter(|c| c.is_ascii_digit()) {
                    let d = (d - b'0') as isize;
                    if p > (i32::MAX as isize - d) / 10 {
                        return Err(vm.new_value_error("precision too big"));
                    }
                    p = p * 10 + d;
                    *pos += 1;
                }
                conv.prec = p;
            }
            _ => {}
        }
    }
    if conv.width > 0 {
        super::format_spec::check_width(vm, conv.width as usize, ' ')?;
    }
    if matches!(b.get(*pos), Some(b'h' | b'l' | b'L')) {
        *pos += 1;
    }
    match fmt.get(*pos..).and_then(|r| r.chars().next()) {
        Some(c) => {
            conv.ch = c;
            *pos += c.len_utf8();
            Ok(conv)
        }
        None => Err(incomplete(vm)),
    }
}

/// Formats one conversion and appends it (CPython's
/// `unicode_format_arg_format` + `unicode_format_arg_output`).
fn format_one(
    vm: &mut Vm,
    fmt: &str,
    pos: usize,
    mut conv: Conv,
    cur: &mut ArgCursor<'_>,
    out: &mut String,
) -> PyResult<()> {
    let v = cur.next(vm)?;
    let text: String = match conv.ch {
        's' if v.is_exact(crate::types::str::STR_TYPE.get()) => {
            emit(out, v.as_str().unwrap_or(""), &conv);
            return Ok(());
        }
        's' => vm.str_string(&v)?,
        'r' => vm.repr_string(&v)?,
        'a' => {
            let r = crate::builtins::ascii_of(vm, &v)?;
            r.as_str().unwrap_or("").to_string()
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            conv.sign = true;
            if let Some(i) = v.as_small_int() {
                if conv.flags & F_ALT == 0 && conv.prec < 0 && conv.ch != 'X' {
                    let s = match conv.ch {
                        'o' => format!("{}{:o}", if i < 0 { "-" } else { "" }, i.unsigned_abs()),
                        'x' => format!("{}{:x}", if i < 0 { "-" } else { "" }, i.unsigned_abs()),
                        _ => i.to_string(),
                    };
                    emit(out, &s, &conv);
                    return Ok(());
                }
            }
            let i = int_for(vm, &v, conv.ch)?;
            format_long(&i, conv.flags & F_ALT != 0, conv.prec, conv.ch)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            conv.sign = true;
            let x = float_for(vm, &v)?;
            let prec = if conv.prec < 0 { 6 } else { conv.prec as usize };
            double_to_string(x, conv.ch, prec, DtoaFlags { alt: conv.flags & F_ALT != 0, ..Default::default() })
        }
        'c' => char_for(vm, &v)?.to_string(),
        c => {
            let shown = if (' '..='~').contains(&c) { c } else { '?' };
            let index = fmt[..pos].chars().count() - 1;
            return Err(vm.new_value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                c as u32
            )));
        }
    };
    emit(out, &text, &conv);
    Ok(())
}

/// The integer for `%d`-style conversions (CPython's `mainformatlong`).
fn int_for(vm: &mut Vm, v: &Value, ch: char) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        return Ok(i.to_bigint());
    }
    let wrong = |vm: &mut Vm| {
        let t = v.class().name();
        if matches!(ch, 'o' | 'x' | 'X') {
            vm.new_type_error(format!("%{ch} format: an integer is required, not {t}"))
        } else {
            vm.new_type_error(format!("%{ch} format: a real number is required, not {t}"))
        }
    };
    let ty = v.class();
    let is_number = v.as_float().is_some()
        || ty.lookup("__index__").is_some()
        || ty.lookup("__int__").is_some()
        || ty.lookup("__float__").is_some();
    if !is_number {
        return Err(wrong(vm));
    }
    if matches!(ch, 'o' | 'x' | 'X') {
        return match vm.index(v) {
            Ok(i) => Ok(i.as_int().map(|i| i.to_bigint()).unwrap_or_default()),
            Err(e) if vm.err_matches(&e, &exc().type_error) => Err(wrong(vm)),
            Err(e) => Err(e),
        };
    }
    if let Some(x) = v.as_float() {
        return float_to_int(vm, x);
    }
    let r = if ty.lookup("__int__").is_some() {
        vm.call_special(v, "__int__", &[])?
    } else if ty.lookup("__index__").is_some() {
        Some(vm.index(v)?)
    } else {
        None
    };
    match r.as_ref().and_then(|r| r.as_int()) {
        Some(i) => Ok(i.to_bigint()),
        None => Err(wrong(vm)),
    }
}

/// `int(x)` for a float: truncation, with CPython's errors.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    Ok(num_bigint::BigInt::from_f64(x.trunc()).unwrap_or_default())
}

/// The float for `%e`-style conversions (`PyFloat_AsDouble`).
fn float_for(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(x) = v.as_float() {
        return Ok(x);
    }
    if let Some(i) = v.as_int() {
        return int_to_f64(vm, &i.to_bigint());
    }
    let ty = v.class();
    if ty.lookup("__float__").is_some() {
        let r = vm.call_special(v, "__float__", &[])?.unwrap_or_else(crate::types::singletons::none);
        return match r.as_float() {
            Some(x) => Ok(x),
            None => {
                let (a, b) = (ty.name(), r.class().name());
                Err(vm.new_type_error(format!("{a}.__float__ returned non-float (type {b})")))
            }
        };
    }
    if ty.lookup("__index__").is_some() {
        let i = vm.index(v)?;
        let b = i.as_int().map(|i| i.to_bigint()).unwrap_or_default();
        return int_to_f64(vm, &b);
    }
    let t = ty.name();
    Err(vm.new_type_error(format!("must be real number, not {t}")))
}

/// The character for `%c` (CPython's `formatchar`).
fn char_for(vm: &mut Vm, v: &Value) -> PyResult<char> {
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(vm.new_type_error("%c requires int or char")),
        };
    }
    let i = if let Some(i) = v.as_int() {
        i.to_bigint()
    } else if v.class().lookup("__index__").is_some() {
        let r = vm.index(v)?;
        r.as_int().map(|i| i.to_bigint()).unwrap_or_default()
    } else {
        return Err(vm.new_type_error("%c requires int or char"));
    };
    match i.to_u32().filter(|x| *x < 0x110000) {
        Some(cp) => match char::from_u32(cp) {
            Some(c) => Ok(c),
            None => {
                Err(vm.new_value_error(format!("%c arg {cp:#x} is a lone surrogate, which Skein strings cannot hold")))
            }
        },
        None => Err(vm.new_overflow_error("%c arg not in range(0x110000)")),
    }
}

/// CPython's `_PyUnicode_FormatLong`: `[-][0x]digits`, zero-extended to
/// `prec` digits.
fn format_long(i: &BigInt, alt: bool, prec: isize, ch: char) -> String {
    let radix = match ch {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let digits = if i.is_zero() { "0".to_string() } else { i.magnitude().to_str_radix(radix) };
    let mut out = String::with_capacity(digits.len() + 4);
    if i.sign() == Sign::Minus {
        out.push('-');
    }
    if alt && radix != 10 {
        out.push('0');
        out.push(if ch == 'o' { 'o' } else { 'x' });
    }
    if prec > digits.len() as isize {
        out.extend(std::iter::repeat_n('0', prec as usize - digits.len()));
    }
    out.push_str(&digits);
    if ch == 'X' {
        out.make_ascii_uppercase();
    }
    out
}

/// Pads one converted value (CPython's `unicode_format_arg_output`).
fn emit(out: &mut String, text: &str, conv: &Conv) {
    let fill = if conv.sign && conv.flags & F_ZERO != 0 { '0' } else { ' ' };
    let mut len = text.chars().count() as isize;
    if (conv.width == -1 || conv.width <= len)
        && (conv.prec == -1 || conv.prec >= len)
        && conv.flags & (F_SIGN | F_BLANK) == 0
    {
        out.push_str(text);
        return;
    }
    let mut body = text;
    if matches!(conv.ch, 's' | 'r' | 'a') && conv.prec >= 0 && len > conv.prec {
        let cut = text.char_indices().nth(conv.prec as usize).map(|(b, _)| b).unwrap_or(text.len());
        body = &text[..cut];
        len = conv.prec;
    }
    let mut signchar = None;
    if conv.sign {
        match body.as_bytes().first() {
            Some(&c @ (b'-' | b'+')) => {
                signchar = Some(c as char);
                body = &body[1..];
                len -= 1;
            }
            _ if conv.flags & F_SIGN != 0 => signchar = Some('+'),
            _ if conv.flags & F_BLANK != 0 => signchar = Some(' '),
            _ => {}
        }
    }
    let mut width = conv.width.max(len);
    if let Some(s) = signchar {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = conv.flags & F_ALT != 0 && matches!(conv.ch, 'x' | 'X' | 'o');
    let mut prefix = "";
    if alt_prefix && body.len() >= 2 {
        prefix = &body[..2];
        body = &body[2..];
        if fill != ' ' {
            out.push_str(prefix);
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && conv.flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = signchar {
            out.push(s);
        }
        out.push_str(prefix);
    }
    out.push_str(body);
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(flags: u8, width: isize, prec: isize, ch: char, sign: bool) -> Conv {
        Conv { flags, width, prec, ch, sign }
    }

    #[test]
    fn padding_matches_cpython() {
        let mut s = String::new();
        emit(&mut s, "-3", &conv(F_ZERO, 5, -1, 'd', true));
        assert_eq!(s, "-0003");
        s.clear();
        emit(&mut s, "-0xff", &conv(F_ALT, 5, -1, 'x', true));
        assert_eq!(s, "-0xff");
        s.clear();
        emit(&mut s, "3", &conv(F_ZERO | F_LJUST, 5, -1, 'd', true));
        assert_eq!(s, "3    ");
        s.clear();
        emit(&mut s, "abc", &conv(0, 5, 2, 's', false));
        assert_eq!(s, "   ab");
        assert_eq!(format_long(&BigInt::from(5), false, 3, 'd'), "005");
        assert_eq!(format_long(&BigInt::from(255), true, -1, 'X'), "0XFF");
    }
}
