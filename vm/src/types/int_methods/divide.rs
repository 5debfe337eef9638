//! Floor division and modulo of big ints, fast when the quotient is short.
//!
//! num-bigint divides with Knuth's algorithm D after shifting copies of
//! both operands, or, once the divisor has more than 64 digits and the
//! dividend more than 128, with Burnikel and Ziegler's recursive method,
//! which copies operand halves at every level of its recursion. When the
//! quotient is short -- the usual case in spigot and continued-fraction
//! code, `(q * 3 + r) // t` with a one-digit result -- that recursion costs
//! hundreds of passes over the operands where CPython makes one.
//!
//! A quotient below 2**64 is found here from the operands' top bits: with
//! `a = A * 2**s + a'` and `b = B * 2**s + b'` (`0 <= a', b' < 2**s`, `B` the
//! top 64 bits of `b`), `A / (B + 1) < a / b < (A + 1) / B`, so
//! `A // (B + 1) <= a // b <= A // B`. The two bounds are almost always
//! equal (they differ only when `a / b` lies within about `q / 2**63` of an
//! integer): the quotient is then known without touching the rest of the
//! operands. Otherwise, and whenever the remainder is needed, one product
//! and one subtraction settle it.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;

/// Divisors of at most this many bits go to num-bigint, whose short
/// division paths are already cheap.
const MIN_DIVISOR_BITS: u64 = 128;

/// `floor(x / y)` and, with `want_rem`, `x mod y` (the sign of `y`), as
/// Python's `//` and `%` define them. `y` must not be zero.
pub fn div_mod_floor(x: &BigInt, y: &BigInt, want_rem: bool) -> (BigInt, Option<BigInt>) {
    match short_div(x, y, want_rem) {
        Some(r) => r,
        None if want_rem => {
            let (q, r) = x.div_mod_floor(y);
            (q, Some(r))
        }
        None => (x.div_floor(y), None),
    }
}

/// `x mod y` with the sign of `y`. `y` must not be zero.
pub fn mod_floor(x: &BigInt, y: &BigInt) -> BigInt {
    match short_div(x, y, true) {
        Some((_, Some(r))) => r,
        _ => x.mod_floor(y),
    }
}

/// The short-quotient path; `None` when it does not apply.
fn short_div(x: &BigInt, y: &BigInt, want_rem: bool) -> Option<(BigInt, Option<BigInt>)> {
    let (a, b) = (x.magnitude(), y.magnitude());
    let (abits, bbits) = (a.bits(), b.bits());
    if bbits <= MIN_DIVISOR_BITS || abits > bbits + 63 {
        return None;
    }
    let same_sign = x.sign() == Sign::NoSign || (x.sign() == Sign::Minus) == (y.sign() == Sign::Minus);
    // Only a floor division of same-signed operands can skip the remainder:
    // otherwise whether it is zero decides the result.
    let need_rem = want_rem || !same_sign;
    let (q, r) = trunc_div(a, b, need_rem);
    let neg_y = y.sign() == Sign::Minus;
    let signed = |m: BigUint, neg: bool| BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, m);
    if same_sign {
        return Some((BigInt::from(q), r.map(|r| signed(r, neg_y))));
    }
    let r = r.expect("remainder computed for mixed signs");
    if r.bits() == 0 {
        let rem = want_rem.then(BigInt::default);
        return Some((-BigInt::from(q), rem));
    }
    // floor(-(q + f)) = -(q + 1) for 0 < f < 1; the remainder is |y| - r
    // with the sign of y.
    let qb = -(BigInt::from(q) + 1u32);
    let rem = want_rem.then(|| signed(b - &r, neg_y));
    Some((qb, rem))
}

/// `a // b` for magnitudes with `a < b * 2**64` and `b` over 128 bits, and
/// the remainder when asked for.
fn trunc_div(a: &BigUint, b: &BigUint, want_rem: bool) -> (u64, Option<BigUint>) {
    if a < b {
        return (0, want_rem.then(|| a.clone()));
    }
    let shift = b.bits() - 64;
    let top_b = top_bits(b, shift) as u64;
    let top_a = top_bits(a, shift);
    let lo = (top_a / (u128::from(top_b) + 1)) as u64;
    let hi = (top_a / u128::from(top_b)) as u64;
    if lo == hi && !want_rem {
        return (lo, None);
    }
    // `lo <= a // b`, so the remainder of `lo` is non-negative; at most a
    // couple of corrections bring it below `b`.
    let mut q = lo;
    let mut r = a - b * lo;
    while r.cmp(b) != Ordering::Less {
        r -= b;
        q += 1;
    }
    (q, Some(r))
}

/// `x >> shift`, known to fit in 128 bits, reading only the words needed.
fn top_bits(x: &BigUint, shift: u64) -> u128 {
    let word = (shift / 64) as usize;
    let bit = (shift % 64) as u32;
    let mut digits = x.iter_u64_digits().skip(word);
    let d0 = digits.next().unwrap_or(0);
    let d1 = digits.next().unwrap_or(0);
    let d2 = digits.next().unwrap_or(0);
    let low = (u128::from(d1) << 64) | u128::from(d0);
    if bit == 0 {
        low
    } else {
        (low >> bit) | (u128::from(d2) << (128 - bit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::ToPrimitive;

    /// Deterministic pseudo-random big ints (xorshift) of `words` words.
    fn big(seed: &mut u64, words: usize) -> BigInt {
        let mut digits = Vec::with_capacity(words);
        for _ in 0..words {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            digits.push(*seed);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&to_u32(&digits)))
    }

    fn to_u32(words: &[u64]) -> Vec<u32> {
        words.iter().flat_map(|w| [*w as u32, (*w >> 32) as u32]).collect()
    }

    fn check(x: &BigInt, y: &BigInt) {
        let (q, r) = x.div_mod_floor(y);
        assert_eq!(div_mod_floor(x, y, true), (q.clone(), Some(r.clone())), "{x} divmod {y}");
        assert_eq!(div_mod_floor(x, y, false).0, q, "{x} // {y}");
        assert_eq!(mod_floor(x, y), r, "{x} % {y}");
    }

    #[test]
    fn agrees_with_num_integer() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for words in [2usize, 3, 5, 70, 140] {
            for extra in [0usize, 1] {
                for _ in 0..20 {
                    let y = big(&mut seed, words);
                    let q = big(&mut seed, 1) >> (seed % 64);
                    let noise = big(&mut seed, words + extra) % &y;
                    let x = &y * &q + &noise;
                    for (sx, sy) in [(1, 1), (-1, 1), (1, -1), (-1, -1)] {
                        check(&(&x * sx), &(&y * sy));
                        // Exact multiples: the remainder is zero.
                        check(&(&y * &q * sx), &(&y * sy));
                    }
                }
            }
        }
    }

    #[test]
    fn quotients_near_an_integer_are_corrected() {
        // b = 2**200 - 1: the top-bit bounds straddle integers for x close
        // to multiples of b.
        let b = (BigInt::from(1) << 200u32) - 1;
        for k in [1u64, 2, 3, 1 << 40, u64::MAX] {
            let m = &b * k;
            for d in [-2i64, -1, 0, 1, 2] {
                let x = &m + d;
                check(&x, &b);
                check(&-&x, &b);
            }
        }
    }

    #[test]
    fn top_bits_reads_across_words() {
        let x = BigUint::from_slice(&to_u32(&[0x1111, 0x2222_0000_0000_0003, 0x4, 0x5]));
        assert_eq!(top_bits(&x, 128), 5u128 << 64 | 4);
        assert_eq!(Some(top_bits(&x, 68)), (x.clone() >> 68u32).to_u128());
        assert_eq!(top_bits(&x, 130), 5 << 62 | 1);
    }
}
