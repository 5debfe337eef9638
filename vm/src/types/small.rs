//! Payloads of `slice`, `set`/`frozenset`, `bytes`/`bytearray` and
//! `complex`: the data and constructors the core needs. Their full method
//! suites live with each type's methods.

use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static SLICE_TYPE: TypeCell = TypeCell::new();
pub static SET_TYPE: TypeCell = TypeCell::new();
pub static FROZENSET_TYPE: TypeCell = TypeCell::new();
pub static BYTES_TYPE: TypeCell = TypeCell::new();
pub static BYTEARRAY_TYPE: TypeCell = TypeCell::new();
pub static COMPLEX_TYPE: TypeCell = TypeCell::new();

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl PyPayload for PySlice {
    fn class() -> &'static PyRef<PyType> {
        SLICE_TYPE.get()
    }
}

/// A set: the keys of an internal dict (values unused).
pub struct PySet {
    pub table: PyDict,
}

impl PyPayload for PySet {
    fn class() -> &'static PyRef<PyType> {
        SET_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.table.traverse(visit)
    }
}

pub struct PyBytes {
    pub data: Box<[u8]>,
}

impl PyPayload for PyBytes {
    fn class() -> &'static PyRef<PyType> {
        BYTES_TYPE.get()
    }
}

pub struct PyByteArray {
    pub data: Locked<Vec<u8>>,
}

impl PyPayload for PyByteArray {
    fn class() -> &'static PyRef<PyType> {
        BYTEARRAY_TYPE.get()
    }
}

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

impl PyPayload for PyComplex {
    fn class() -> &'static PyRef<PyType> {
        COMPLEX_TYPE.get()
    }
}

pub fn slice_new(start: Value, stop: Value, step: Value) -> Value {
    PyRef::new(PySlice { start, stop, step }).into_value()
}

pub fn set_from_values(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = PySet { table: PyDict::new() };
    for v in items {
        s.table.set_item(vm, v, crate::types::singletons::none())?;
    }
    Ok(PyRef::new(s).into_value())
}

pub fn frozenset_new(items: Vec<Value>) -> Value {
    let s = PySet { table: PyDict::new() };
    for v in items {
        let h = match v.as_small_int() {
            Some(i) => crate::protocol::hash::hash_i64(i),
            None => match v.downcast_ref::<crate::types::str::PyStr>() {
                Some(st) => st.hash(),
                None => crate::protocol::hash::hash_pointer(v.raw_word()),
            },
        };
        s.table.insert_hashed_unique(h, v, crate::types::singletons::none());
    }
    PyRef::new_with_type(s, FROZENSET_TYPE.get()).into_value()
}

pub fn bytes_new(data: Vec<u8>) -> Value {
    PyRef::new(PyBytes { data: data.into_boxed_slice() }).into_value()
}

pub fn complex_new(re: f64, im: f64) -> Value {
    PyRef::new(PyComplex { re, im }).into_value()
}
