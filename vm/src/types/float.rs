//! `float`: an `f64`, tagged in the value word when encodable (see
//! `value.rs`), boxed in a `PyFloat` otherwise.
//!
//! Invariant: an exact `float` whose value has a tagged encoding is always
//! tagged, so code that needs the payload of a float goes through
//! [`Value::as_float`], never `downcast_ref::<PyFloat>()` (which only sees
//! boxed floats and subclass instances).

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static FLOAT_TYPE: TypeCell = TypeCell::new();

pub struct PyFloat(pub f64);

impl PyPayload for PyFloat {
    fn class() -> &'static PyRef<PyType> {
        FLOAT_TYPE.get()
    }
}

/// An exact `float`: tagged when possible, boxed otherwise.
#[inline]
pub fn new_float(f: f64) -> Value {
    match Value::try_tagged_float(f) {
        Some(v) => v,
        None => new_boxed_float(f),
    }
}

/// The rare floats without a tagged encoding (zero's alias, -0.0, tiny and
/// huge magnitudes, inf, nan).
#[cold]
#[inline(never)]
fn new_boxed_float(f: f64) -> Value {
    PyRef::new(PyFloat(f)).into_value()
}

impl Value {
    /// The value of a `float` (tagged, boxed, or a subclass instance).
    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        if let Some(f) = self.as_tagged_float() {
            return Some(f);
        }
        self.downcast_ref::<PyFloat>().map(|f| f.0)
    }

    /// The value of an exact `float` (not a subclass instance).
    #[inline]
    pub fn as_exact_float(&self) -> Option<f64> {
        if let Some(f) = self.as_tagged_float() {
            return Some(f);
        }
        let f = self.downcast_ref::<PyFloat>()?;
        if self.class().is_heap_type() {
            return None;
        }
        Some(f.0)
    }
}
