//! Bound methods: a function together with the instance it was looked up on.

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static BOUND_METHOD_TYPE: TypeCell = TypeCell::new();

pub struct PyBoundMethod {
    pub function: Value,
    pub receiver: Value,
}

impl PyPayload for PyBoundMethod {
    fn class() -> &'static PyRef<PyType> {
        BOUND_METHOD_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.function);
        visit(&self.receiver);
    }
}

pub fn new_bound_method(function: Value, receiver: Value) -> Value {
    PyRef::new(PyBoundMethod { function, receiver }).into_value()
}
