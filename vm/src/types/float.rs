//! `float`: a boxed `f64`.

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

#[inline]
pub fn new_float(f: f64) -> Value {
    PyRef::new(PyFloat(f)).into_value()
}

impl Value {
    /// The value of a `float` (or subclass instance).
    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        self.downcast_ref::<PyFloat>().map(|f| f.0)
    }
}
