//! `repr(float)`: the shortest string that reads back as the same float,
//! laid out by CPython's rules (`float_repr_style == 'short'`).
//!
//! The digits come from Rust's shortest round-trip formatting (`{:e}`),
//! which, like David Gay's mode 0 that CPython uses, picks the fewest
//! digits and, among those, the closest to the exact value. The layout is
//! CPython's format code `'r'`: with `0.d1d2... * 10**decpt`, exponent
//! notation is used when `decpt <= -4` or `decpt > 16` (so `1e16` and
//! `1e-05`), exponents have a sign and at least two digits, and a
//! mantissa of one digit has no decimal point. Exact ties for the last
//! digit go to the even digit, as in Gay's code (see
//! `even_tie_neighbour`).

use num_bigint::BigUint;

use crate::types::float_methods::convert::float_parts;

/// The shortest round-tripping digits of a finite, non-zero `|f|`, and the
/// decimal point position: `|f| ~= 0.d1d2... * 10**decpt`. The digits have
/// no leading or trailing zeros.
pub fn shortest_digits(f: f64) -> (String, i32) {
    let x = f.abs();
    let s = format!("{x:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    match even_tie_neighbour(x, &digits, decpt) {
        Some(better) => better,
        None => (digits, decpt),
    }
}

/// Rust's shortest formatting breaks an exact tie for the last digit
/// upwards; Gay's `dtoa` (and so CPython) picks the even digit:
/// `repr(1e15 + 0.3)` is `'1000000000000000.2'`, the value being exactly
/// `...000.25`. When `x` sits exactly halfway between `digits` (odd last
/// digit) and a neighbour that also reads back as `x`, returns the
/// neighbour.
fn even_tie_neighbour(x: f64, digits: &str, decpt: i32) -> Option<(String, i32)> {
    let n = digits.len() as i64;
    let last = digits.as_bytes().last()? - b'0';
    if last.is_multiple_of(2) || n > 18 {
        return None;
    }
    // A tie needs the exact value to have a 5 right after the last digit
    // and nothing beyond: cheap to rule out from the binary exponent.
    let (m, e) = float_parts(x);
    let scale = decpt as i64 - n; // value of digits = d * 10**scale
    let possible = if e < 0 { -e <= 1 - scale } else { scale >= 1 };
    if !possible {
        return None;
    }
    let d: u64 = digits.parse().ok()?;
    for up in [false, true] {
        // Midpoint between d and its neighbour: (2d -+ 1) * 10**scale / 2.
        let twice_mid = if up { 2 * d + 1 } else { 2 * d - 1 };
        if !equals_scaled(m, e + 1, twice_mid, scale) {
            continue;
        }
        let nd = if up { d + 1 } else { d - 1 };
        let candidate: f64 = format!("{nd}e{scale}").parse().ok()?;
        if candidate != x {
            continue;
        }
        let mut s = nd.to_string();
        let mut dp = decpt + (s.len() as i32 - n as i32);
        while s.len() > 1 && s.ends_with('0') {
            s.pop();
        }
        if s == "0" {
            dp = 0;
        }
        return Some((s, dp));
    }
    None
}

/// Whether `m * 2**e2 == k * 10**e10` exactly.
fn equals_scaled(m: u64, e2: i64, k: u64, e10: i64) -> bool {
    if e2.abs() > 2200 || e10.abs() > 400 {
        return false;
    }
    let mut lhs = BigUint::from(m);
    let mut rhs = BigUint::from(k);
    // 10**e10 = 2**e10 * 5**e10: move negative powers across.
    let p2 = e2 - e10;
    if p2 >= 0 {
        lhs <<= p2 as u64;
    } else {
        rhs <<= (-p2) as u64;
    }
    let five = BigUint::from(5u32);
    if e10 >= 0 {
        rhs *= five.pow(e10 as u32);
    } else {
        lhs *= five.pow((-e10) as u32);
    }
    lhs == rhs
}

/// `repr(f)`: `'0.1'`, `'1e+16'`, `'1e-05'`, `'100.0'`, `'-0.0'`, `'inf'`.
pub fn float_repr(f: f64) -> String {
    format_short(f, true)
}

/// The repr without a forced `.0` (`'1'`, `'-0'`), as complex numbers
/// show their parts.
pub fn float_repr_no_dot(f: f64) -> String {
    format_short(f, false)
}

fn format_short(f: f64, add_dot_0: bool) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f.is_infinite() {
        return format!("{sign}inf");
    }
    if f == 0.0 {
        return format!("{sign}0{}", if add_dot_0 { ".0" } else { "" });
    }
    let (digits, decpt) = shortest_digits(f);
    let mut out = String::with_capacity(digits.len() + 8);
    out.push_str(sign);
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        push_exponent(&mut out, decpt - 1);
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else {
        let d = decpt as usize;
        if d >= digits.len() {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', d - digits.len()));
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..d]);
            out.push('.');
            out.push_str(&digits[d..]);
        }
    }
    out
}

/// `e+16`, `e-05`, `e+300`: a sign and at least two digits.
pub fn push_exponent(out: &mut String, e: i32) {
    out.push('e');
    out.push(if e < 0 { '-' } else { '+' });
    let a = e.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_layout() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789.0, "123456789.0"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (1.0 / 3.0, "0.3333333333333333"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e22, "1e+22"),
            (12345.678, "12345.678"),
            (9007199254740993.0, "9007199254740992.0"),
            (1e15 + 0.3, "1000000000000000.2"),
            (0.3, "0.3"),
            (2.5, "2.5"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
        ];
        for (f, s) in cases {
            assert_eq!(float_repr(*f), *s, "repr of {f:e}");
        }
        assert_eq!(float_repr_no_dot(1.0), "1");
        assert_eq!(float_repr_no_dot(-0.0), "-0");
        assert_eq!(float_repr_no_dot(1e16), "1e+16");
    }
}
