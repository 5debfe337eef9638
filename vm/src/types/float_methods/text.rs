//! Floats from and to text: `float(str)`, `float.hex` and
//! `float.fromhex`.
//!
//! `parse_float` accepts exactly CPython's grammar (after the ASCII
//! rewrite of `int_methods::digits::to_ascii_number`): surrounding
//! whitespace, one optional sign, then `inf`/`infinity`/`nan` in any case
//! or a decimal literal with at least one digit and an optional exponent;
//! single underscores only between two digits. The validated literal is
//! then converted by Rust's correctly rounded parser.

use num_bigint::BigUint;

use crate::types::float_methods::convert::scaled_to_f64;
use crate::types::int_methods::digits::trim_ascii_space;

/// Removes underscores that sit between two digits; `None` if any other
/// underscore is present (CPython's `_Py_string_to_number_with_underscores`).
pub fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    if !s.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// `inf`, `infinity` or `nan` (any case) after an optional sign.
fn special_value(s: &[u8]) -> Option<f64> {
    let (neg, body) = split_sign(s);
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(if neg { -v } else { v })
}

fn split_sign(s: &[u8]) -> (bool, &[u8]) {
    match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

/// Whether `s` is `digits [. digits] [e [sign] digits]` with at least one
/// mantissa digit (after an optional sign).
fn is_decimal_literal(s: &[u8]) -> bool {
    let (_, s) = split_sign(s);
    let mut i = 0;
    let mut mantissa_digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        mantissa_digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return false;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == s.len()
}

/// A float literal (ASCII, possibly with surrounding whitespace), or
/// `None` if CPython's `float()` would reject it.
pub fn parse_float(s: &[u8]) -> Option<f64> {
    let s = trim_ascii_space(s);
    let s = strip_underscores(s)?;
    if let Some(v) = special_value(&s) {
        return Some(v);
    }
    if !is_decimal_literal(&s) {
        return None;
    }
    std::str::from_utf8(&s).ok()?.parse::<f64>().ok()
}

/// `float.hex()`: `'0x1.8000000000000p+1'`, `'-0x0.0p+0'`, `'inf'`.
pub fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".to_string() } else { "-inf".to_string() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // Subnormals keep the leading digit 0 and the minimum exponent.
    let (lead, e) = if exp_bits == 0 { (0, -1022) } else { (1, exp_bits - 1023) };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", e.unsigned_abs())
}

/// Why `float.fromhex` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FromHexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(s)`, correctly rounded.
pub fn float_fromhex(s: &[u8]) -> Result<f64, FromHexError> {
    let s = trim_ascii_space(s);
    if let Some(v) = special_value(s) {
        return Ok(v);
    }
    let (neg, mut s) = split_sign(s);
    if s.len() >= 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X') {
        s = &s[2..];
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut i = 0;
    while i < s.len() && s[i].is_ascii_hexdigit() {
        digits.push(hex_value(s[i]));
        i += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_hexdigit() {
            digits.push(hex_value(s[i]));
            frac_digits += 1;
            i += 1;
        }
    }
    if digits.is_empty() {
        return Err(FromHexError::Invalid);
    }
    let mut exp: i64 = 0;
    if i < s.len() && (s[i] == b'p' || s[i] == b'P') {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            // Saturate: anything this large is overflow or zero anyway.
            exp = (exp * 10 + (s[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(FromHexError::Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != s.len() {
        return Err(FromHexError::Invalid);
    }
    let first = digits.iter().position(|d| *d != 0);
    let r = match first {
        None => 0.0,
        Some(k) => {
            let m = BigUint::from_radix_be(&digits[k..], 16).unwrap_or_default();
            let e = exp - 4 * frac_digits;
            scaled_to_f64(&m, e, false).ok_or(FromHexError::Overflow)?
        }
    };
    Ok(if neg { -r } else { r })
}

fn hex_value(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpython_grammar() {
        assert_eq!(parse_float(b" 1.5\n"), Some(1.5));
        assert_eq!(parse_float(b"1_000.5"), Some(1000.5));
        assert_eq!(parse_float(b"1e1_0"), Some(1e10));
        assert_eq!(parse_float(b".5"), Some(0.5));
        assert_eq!(parse_float(b"5."), Some(5.0));
        assert_eq!(parse_float(b"-iNfinity"), Some(f64::NEG_INFINITY));
        assert!(parse_float(b"+nan").is_some_and(f64::is_nan));
        for bad in
            [&b"1__0"[..], b"1_.5", b"in f", b"", b" ", b".", b"1e", b"e5", b"+-1", b"0x1", b"1_", b"_1", b"infinit"]
        {
            assert_eq!(parse_float(bad), None, "{:?}", std::str::from_utf8(bad));
        }
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(float_hex(2.5), "0x1.4000000000000p+1");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_fromhex(b"0x1.8p1"), Ok(3.0));
        assert_eq!(float_fromhex(b"-0x1p-2"), Ok(-0.25));
        assert_eq!(float_fromhex(b"0x1.999999999999ap-4"), Ok(0.1));
        assert_eq!(float_fromhex(b"0x0.0000000000001p-1022"), Ok(5e-324));
        assert_eq!(float_fromhex(b"0x1p2000"), Err(FromHexError::Overflow));
        assert_eq!(float_fromhex(b"zz"), Err(FromHexError::Invalid));
        assert_eq!(float_fromhex(b"0x.8"), Ok(0.5));
        assert_eq!(float_fromhex(b"1"), Ok(1.0));
    }
}
