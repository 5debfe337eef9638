//! `hash()`: CPython's numeric hash (so `hash(1) == hash(1.0)`), identity
//! hashes for objects, and `__hash__` for classes.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::types::int::PyInt;
use crate::types::singletons::PyBool;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// 2**61 - 1, the modulus of CPython's numeric hash.
pub const MODULUS: u64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314159;

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = MODULUS as i64;
    let mut h = i % m;
    if h == -1 {
        h = -2;
    }
    h
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    if let Some(i) = b.to_i64() {
        return hash_i64(i);
    }
    let (sign, digits) = b.to_u64_digits();
    let mut acc: u128 = 0;
    for d in digits.iter().rev() {
        acc = ((acc << 64) | *d as u128) % MODULUS as u128;
    }
    let mut h = acc as i64;
    if sign == Sign::Minus {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if f == 0.0 {
        return 0;
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_i64(f as i64);
    }
    // CPython's algorithm: reduce the mantissa 28 bits at a time.
    let (mut m, mut e) = frexp(f.abs());
    let sign: i64 = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | x >> (61 - e);
    let mut h = x as i64 * sign;
    if h == -1 {
        h = -2;
    }
    h
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || f.is_nan() || f.is_infinite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Identity hash of an object address, as CPython's `_Py_HashPointer`.
pub fn hash_pointer(addr: usize) -> i64 {
    let h = addr.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's tuple hash (xxHash-based, 3.8+).
pub fn hash_tuple_items(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = hashes.len() as u64;
    let mut acc: u64 = P5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

impl Vm {
    /// `hash(v)`. Tagged ints, the commonest keys, are hashed inline at
    /// every caller; everything else goes through [`Vm::hash_object`].
    #[inline]
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v.as_small_int() {
            Some(i) => Ok(hash_i64(i)),
            None => self.hash_object(v),
        }
    }

    /// `hash(v)` for everything but a tagged int.
    fn hash_object(&mut self, v: &Value) -> PyResult<i64> {
        let ty = v.class();
        if !ty.is_heap_type() {
            if let Some(s) = v.downcast_ref::<PyStr>() {
                return Ok(s.hash());
            }
            if let Some(i) = v.downcast_ref::<PyInt>() {
                return Ok(hash_bigint(&i.value));
            }
            if let Some(f) = v.as_float() {
                return Ok(hash_float(f));
            }
            if let Some(b) = v.downcast_ref::<PyBool>() {
                return Ok(b.0 as i64);
            }
            if let Some(t) = v.downcast_ref::<PyTuple>() {
                let mut hs = Vec::with_capacity(t.len());
                for x in t.items() {
                    hs.push(self.hash(x)?);
                }
                return Ok(hash_tuple_items(hs.into_iter()));
            }
        }
        match ty.lookup_value(crate::intern::names::HASH.get()) {
            Some(f) if f.is_none() => Err(self.new_type_error(format!("unhashable type: '{}'", ty.name()))),
            Some(f) => {
                let r = self.call_unbound(&f, v, std::slice::from_ref(v))?;
                // CPython uses an int result as is (only -1 becomes -2);
                // one that does not fit a machine word is hashed again.
                match r.as_int() {
                    Some(i) => Ok(match i.to_i64() {
                        Some(-1) => -2,
                        Some(x) => x,
                        None => hash_bigint(&i.to_bigint()),
                    }),
                    None => Err(self.new_type_error("__hash__ method should return an integer")),
                }
            }
            None => Ok(hash_pointer(v.raw_word())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_bigint(&(BigInt::from(1u64) << 61)), 1);
    }
}
