//! `int`: arbitrary precision integers.
//!
//! Values that fit in 63 bits are tagged words (see `value.rs`) and never
//! reach this payload unless they belong to an `int` subclass. `PyInt` holds
//! the rest as a `BigInt`. `bool` has its own payload and counts as 0/1.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{PyPayload, PyRef};
use crate::types::singletons::PyBool;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static INT_TYPE: TypeCell = TypeCell::new();

pub struct PyInt {
    pub value: BigInt,
}

impl PyPayload for PyInt {
    fn class() -> &'static PyRef<PyType> {
        INT_TYPE.get()
    }
}

/// An `int` value, tagged when it fits.
pub fn int_from_bigint(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::try_small_int(i) {
            return v;
        }
    }
    PyRef::new(PyInt { value: b }).into_value()
}

/// An `int` value from an `i64`.
#[inline]
pub fn int_from_i64(i: i64) -> Value {
    match Value::try_small_int(i) {
        Some(v) => v,
        None => PyRef::new(PyInt { value: BigInt::from(i) }).into_value(),
    }
}

/// An integer view of an `int`-like value (tagged, `PyInt`, or `bool`).
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
}

impl Value {
    /// The integer value of an `int` or `bool` (or a subclass instance).
    #[inline]
    pub fn as_int(&self) -> Option<IntRef<'_>> {
        if let Some(i) = self.as_small_int() {
            return Some(IntRef::Small(i));
        }
        if let Some(b) = self.downcast_ref::<PyInt>() {
            return Some(match b.value.to_i64() {
                Some(i) if Value::try_small_int(i).is_some() => IntRef::Small(i),
                _ => IntRef::Big(&b.value),
            });
        }
        if let Some(b) = self.downcast_ref::<PyBool>() {
            return Some(IntRef::Small(b.0 as i64));
        }
        None
    }

    /// The value as an `i64`, if this is an int that fits.
    #[inline]
    pub fn as_i64(&self) -> Option<i64> {
        self.as_int().and_then(|i| i.to_i64())
    }
}
