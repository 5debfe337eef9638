//! `tuple`: an immutable sequence; items never change after creation, so
//! reads need no lock.

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static TUPLE_TYPE: TypeCell = TypeCell::new();

pub struct PyTuple {
    items: Box<[Value]>,
}

impl PyPayload for PyTuple {
    fn class() -> &'static PyRef<PyType> {
        TUPLE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple { items: items.into_boxed_slice() }
    }

    #[inline]
    pub fn items(&self) -> &[Value] {
        &self.items
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A new `tuple` value.
pub fn new_tuple(items: Vec<Value>) -> Value {
    PyRef::new(PyTuple::new(items)).into_value()
}

impl Value {
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        self.downcast_ref::<PyTuple>().map(|t| t.items())
    }
}
