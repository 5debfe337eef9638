//! The item formats a `memoryview` understands: CPython's native
//! single-character `struct` formats, optionally prefixed with `@`
//! (`c b B ? h H i I l L q Q n N f d P`; 3.11 has no `e` here), with the sizes of a 64-bit
//! Unix target. Items are read and written in native byte order.
//!
//! Packing follows `memoryobject.c`'s `pack_single`: integers go through
//! `__index__`, floats through `__float__`, `?` through truth testing and
//! `c` takes a one-byte `bytes`. Conversion failures become CPython's
//! "memoryview: invalid type/value for format 'X'" errors.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::numeric::float_arg;
use crate::types::exceptions::exc;
use crate::types::float::new_float;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::singletons::bool_value;
use crate::types::small::{bytes_new, PyBytes};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The native format character and item size of `fmt` (`get_native_fmtchar`).
pub fn native(fmt: &str) -> Option<(u8, usize)> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt).as_bytes();
    if f.len() != 1 {
        return None;
    }
    let size = match f[0] {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    };
    Some((f[0], size))
}

/// `B`, `b` and `c`: the formats any other may be cast to or from.
pub fn is_byte_format(code: u8) -> bool {
    matches!(code, b'B' | b'b' | b'c')
}

/// One unpacked item, compared with Python's `==` semantics.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

fn ne_bytes<const N: usize>(b: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, x) in out.iter_mut().zip(b) {
        *o = *x;
    }
    out
}

/// Reads one item of format `code` from `b` (at least the item size long).
pub fn unpack(code: u8, b: &[u8]) -> Item {
    match code {
        b'c' => Item::Char(b.first().copied().unwrap_or(0)),
        b'?' => Item::Bool(b.first().is_some_and(|&x| x != 0)),
        b'b' => Item::Int(i8::from_ne_bytes(ne_bytes(b)) as i128),
        b'B' => Item::Int(u8::from_ne_bytes(ne_bytes(b)) as i128),
        b'h' => Item::Int(i16::from_ne_bytes(ne_bytes(b)) as i128),
        b'H' => Item::Int(u16::from_ne_bytes(ne_bytes(b)) as i128),
        b'i' => Item::Int(i32::from_ne_bytes(ne_bytes(b)) as i128),
        b'I' => Item::Int(u32::from_ne_bytes(ne_bytes(b)) as i128),
        b'l' | b'q' | b'n' => Item::Int(i64::from_ne_bytes(ne_bytes(b)) as i128),
        b'L' | b'Q' | b'N' | b'P' => Item::Int(u64::from_ne_bytes(ne_bytes(b)) as i128),
        b'f' => Item::Float(f32::from_ne_bytes(ne_bytes(b)) as f64),
        _ => Item::Float(f64::from_ne_bytes(ne_bytes(b))),
    }
}

/// The Python value of an item.
pub fn item_value(it: Item) -> Value {
    match it {
        Item::Int(i) => match i64::try_from(i) {
            Ok(v) => int_from_i64(v),
            Err(_) => int_from_bigint(BigInt::from(i)),
        },
        Item::Float(f) => new_float(f),
        Item::Bool(b) => bool_value(b),
        Item::Char(c) => bytes_new(vec![c]),
    }
}

/// `a == b` for two unpacked items, as Python compares their values.
pub fn item_eq(a: Item, b: Item) -> bool {
    use Item::*;
    let num = |x: Item| match x {
        Int(i) => Some(Ok(i)),
        Bool(b) => Some(Ok(b as i128)),
        Float(f) => Some(Err(f)),
        Char(_) => None,
    };
    match (a, b) {
        (Char(x), Char(y)) => x == y,
        _ => match (num(a), num(b)) {
            (Some(Ok(x)), Some(Ok(y))) => x == y,
            (Some(Err(x)), Some(Err(y))) => x == y,
            (Some(Ok(i)), Some(Err(f))) | (Some(Err(f)), Some(Ok(i))) => {
                // Every integer an item can hold converts exactly when it is
                // below 2**53; beyond that compare through the float's value.
                f.is_finite() && f.fract() == 0.0 && f.to_i128() == Some(i)
            }
            _ => false,
        },
    }
}

fn invalid_type(vm: &mut Vm, fmt: &str) -> PyErr {
    vm.new_type_error(format!("memoryview: invalid type for format '{fmt}'"))
}

fn invalid_value(vm: &mut Vm, fmt: &str) -> PyErr {
    vm.new_value_error(format!("memoryview: invalid value for format '{fmt}'"))
}

/// CPython's `fix_error_int`: TypeError becomes "invalid type", overflow
/// and value errors become "invalid value", anything else passes through.
fn fix_error(vm: &mut Vm, e: PyErr, fmt: &str) -> PyErr {
    if vm.err_matches(&e, &exc().type_error) {
        invalid_type(vm, fmt)
    } else if vm.err_matches(&e, &exc().overflow_error) || vm.err_matches(&e, &exc().value_error) {
        invalid_value(vm, fmt)
    } else {
        e
    }
}

/// The bytes of `v` packed as one item of format `code` (`fmt` is the
/// view's format text, for messages). Runs `__index__`/`__float__`/
/// `__bool__`, so call it before taking any lock.
pub fn pack(vm: &mut Vm, code: u8, fmt: &str, v: &Value) -> PyResult<Vec<u8>> {
    match code {
        b'c' => match v.downcast_ref::<PyBytes>() {
            Some(b) if b.data.len() == 1 => Ok(vec![b.data[0]]),
            Some(_) => Err(invalid_value(vm, fmt)),
            None => Err(invalid_type(vm, fmt)),
        },
        b'?' => match vm.truthy(v) {
            Ok(t) => Ok(vec![t as u8]),
            Err(e) => Err(fix_error(vm, e, fmt)),
        },
        b'f' | b'd' => {
            let x = match float_arg(vm, v) {
                Ok(x) => x,
                Err(e) => return Err(fix_error(vm, e, fmt)),
            };
            Ok(if code == b'f' { (x as f32).to_ne_bytes().to_vec() } else { x.to_ne_bytes().to_vec() })
        }
        _ => {
            let i = match vm.index(v) {
                Ok(i) => i,
                Err(e) => return Err(fix_error(vm, e, fmt)),
            };
            let big = i.as_int().map(|r| r.to_bigint()).unwrap_or_default();
            let out = match code {
                b'b' => big.to_i8().map(|x| x.to_ne_bytes().to_vec()),
                b'B' => big.to_u8().map(|x| x.to_ne_bytes().to_vec()),
                b'h' => big.to_i16().map(|x| x.to_ne_bytes().to_vec()),
                b'H' => big.to_u16().map(|x| x.to_ne_bytes().to_vec()),
                b'i' => big.to_i32().map(|x| x.to_ne_bytes().to_vec()),
                b'I' => big.to_u32().map(|x| x.to_ne_bytes().to_vec()),
                b'l' | b'q' | b'n' => big.to_i64().map(|x| x.to_ne_bytes().to_vec()),
                // A pointer may be given as a negative address, as in C.
                b'P' => big.to_u64().or_else(|| big.to_i64().map(|x| x as u64)).map(|x| x.to_ne_bytes().to_vec()),
                _ => big.to_u64().map(|x| x.to_ne_bytes().to_vec()),
            };
            out.ok_or_else(|| invalid_value(vm, fmt))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(native("@B"), Some((b'B', 1)));
        assert_eq!(native("Q"), Some((b'Q', 8)));
        assert_eq!(native("BB"), None);
        assert_eq!(native("<i"), None);
    }
}
