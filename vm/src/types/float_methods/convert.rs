//! Exact conversions between integers and `f64`.
//!
//! Everything here is correctly rounded (round-half-to-even on the exact
//! value), as CPython's `PyLong_AsDouble` and `long_true_divide` are, and
//! comparisons between ints and floats are exact (`2**53 + 1 != 2.0**53`).
//! The core is `scaled_to_f64`, which rounds `m * 2**e` for an arbitrary
//! big `m` once, directly to the final precision (also for subnormal
//! results, where rounding twice would be wrong).

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, ToPrimitive, Zero};

use crate::types::int::IntRef;

/// Integers up to this magnitude convert to `f64` exactly.
const EXACT_INT: i64 = 1 << 53;

/// `2**n` for `n` in the normal exponent range.
fn pow2(n: i64) -> f64 {
    debug_assert!((-1022..=1023).contains(&n));
    f64::from_bits(((n + 1023) as u64) << 52)
}

/// `x * 2**n`. Exact whenever the result is representable: the steps move
/// monotonically towards the result, so no intermediate needs more
/// precision than the result does.
pub fn ldexp(mut x: f64, mut n: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    while n > 1023 {
        x *= pow2(1023);
        n -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    while n < -1022 {
        x *= pow2(-1022);
        n += 1022;
        if x == 0.0 {
            return x;
        }
    }
    x * pow2(n)
}

/// The correctly rounded value of `(m + t) * 2**e`, where `t` is 0 when
/// `sticky` is false and otherwise some amount strictly between 0 and one
/// unit of `m`'s last place (the remainder of a division that produced
/// `m`). `None` when the rounded result overflows.
pub fn scaled_to_f64(m: &BigUint, e: i64, sticky: bool) -> Option<f64> {
    let nbits = m.bits() as i64;
    if nbits == 0 {
        return Some(0.0);
    }
    let top = e + nbits - 1;
    if top > 1023 {
        return None;
    }
    // Exponent of the last mantissa bit of the result: 53 significant bits
    // for normal numbers, fixed at 2**-1074 for subnormals.
    let lsb = (top - 52).max(-1074);
    let k = lsb - e;
    let q = if k <= 0 {
        // No bits are dropped; `m` has at most 53 bits after the shift.
        // A sticky remainder is below half a unit, so it rounds down.
        m.to_u64().unwrap_or(0) << (-k) as u32
    } else {
        let k = k as u64;
        let mut q = (m >> k).to_u64().unwrap_or(0);
        let half = m.bit(k - 1);
        let below = sticky || m.trailing_zeros().is_some_and(|tz| tz < k - 1);
        if half && (below || q & 1 == 1) {
            q += 1;
        }
        q
    };
    let r = ldexp(q as f64, lsb);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// A big integer as `f64`, correctly rounded; `None` on overflow.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    if let Some(i) = b.to_i64() {
        if (-EXACT_INT..=EXACT_INT).contains(&i) {
            return Some(i as f64);
        }
    }
    let r = scaled_to_f64(b.magnitude(), 0, false)?;
    Some(if b.sign() == Sign::Minus { -r } else { r })
}

/// An `int` as `f64`, correctly rounded; `None` on overflow.
pub fn int_ref_to_f64(i: &IntRef<'_>) -> Option<f64> {
    match i {
        IntRef::Small(x) if (-EXACT_INT..=EXACT_INT).contains(x) => Some(*x as f64),
        IntRef::Small(x) => bigint_to_f64(&BigInt::from(*x)),
        IntRef::Big(b) => bigint_to_f64(b),
    }
}

/// Why `int / int` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum DivError {
    ZeroDivision,
    Overflow,
}

/// `a / b` for integers, correctly rounded (CPython's `long_true_divide`).
pub fn int_true_divide(a: &IntRef<'_>, b: &IntRef<'_>) -> Result<f64, DivError> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if *y == 0 {
            return Err(DivError::ZeroDivision);
        }
        // Both exact as doubles: IEEE division rounds the exact quotient.
        if x.abs() <= EXACT_INT && y.abs() <= EXACT_INT {
            return Ok(*x as f64 / *y as f64);
        }
    }
    let (a, b) = (a.to_bigint(), b.to_bigint());
    if b.is_zero() {
        return Err(DivError::ZeroDivision);
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (am, bm) = (a.magnitude(), b.magnitude());
    let r = if am.is_zero() {
        0.0
    } else {
        // Scale so that the quotient has 55 or 56 bits: two more than a
        // double keeps, so the rounding bit is exact and the remainder is
        // the sticky bit.
        let s = 55 - (am.bits() as i64 - bm.bits() as i64);
        let (q, r) = if s >= 0 { (am << s as u64).div_rem(bm) } else { am.div_rem(&(bm << (-s) as u64)) };
        scaled_to_f64(&q, -s, !r.is_zero()).ok_or(DivError::Overflow)?
    };
    Ok(if negative { -r } else { r })
}

/// Exact comparison of an integer with a float; `None` if `f` is NaN.
pub fn cmp_int_float(i: &IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let IntRef::Small(x) = i {
        if (-EXACT_INT..=EXACT_INT).contains(x) {
            return (*x as f64).partial_cmp(&f);
        }
    }
    // Compare with the integer part exactly; a fractional part only
    // matters when the integer parts are equal.
    let fl = f.floor();
    let fb = BigInt::from_f64(fl).unwrap_or_default();
    let ib = i.to_bigint();
    match ib.cmp(&fb) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

/// The exact value of a finite float as `(mantissa, exponent)` with
/// `|f| == mantissa * 2**exponent`, mantissa odd or zero.
pub fn float_parts(f: f64) -> (u64, i64) {
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_bits - 1075) };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    (m >> tz, e + tz as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn int_to_float_rounds_to_even() {
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: even wins.
        assert_eq!(bigint_to_f64(&(BigInt::from(1u64 << 53) + 1)), Some(9007199254740992.0));
        assert_eq!(bigint_to_f64(&(BigInt::from(1u64 << 53) + 3)), Some(9007199254740996.0));
        assert_eq!(bigint_to_f64(&(BigInt::from(1) << 1024usize)), None);
        assert_eq!(bigint_to_f64(&-(BigInt::from(1) << 1023usize)), Some(-(2f64.powi(1023))));
    }

    #[test]
    fn division_is_correctly_rounded() {
        let a = big("1");
        let b = big("3");
        assert_eq!(int_true_divide(&IntRef::Big(&a), &IntRef::Big(&b)), Ok(1.0 / 3.0));
        let a = big("1") << 2000usize;
        let b = (big("1") << 1999usize) * 3;
        assert_eq!(int_true_divide(&IntRef::Big(&a), &IntRef::Big(&b)), Ok(2.0 / 3.0));
        // A subnormal quotient: 1 / (3 * 2**1073) is 2/3 of 2**-1074,
        // which rounds up to the smallest subnormal.
        let one = big("1");
        let d = big("3") << 1073usize;
        let r = int_true_divide(&IntRef::Big(&one), &IntRef::Big(&d)).unwrap_or(1.0);
        assert_eq!(r, f64::from_bits(1));
        let z = big("0");
        assert_eq!(int_true_divide(&IntRef::Big(&one), &IntRef::Big(&z)), Err(DivError::ZeroDivision));
    }

    #[test]
    fn exact_comparisons() {
        let n = BigInt::from(1u64 << 53) + 1;
        assert_eq!(cmp_int_float(&IntRef::Big(&n), 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(cmp_int_float(&IntRef::Small(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(&IntRef::Small(-4), -3.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(&IntRef::Small(1), f64::NAN), None);
    }

    #[test]
    fn parts() {
        assert_eq!(float_parts(0.5), (1, -1));
        assert_eq!(float_parts(6.0), (3, 1));
        assert_eq!(float_parts(5e-324), (1, -1074));
    }
}
