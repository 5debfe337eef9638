//! `module`: a namespace dict plus a name.

use crate::object::{PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static MODULE_TYPE: TypeCell = TypeCell::new();

pub struct PyModule {
    pub dict: PyRef<PyDict>,
}

impl PyPayload for PyModule {
    fn class() -> &'static PyRef<PyType> {
        MODULE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict.to_value());
    }
}

impl PyModule {
    /// A module whose dict has `__name__` (and `__doc__ = None`).
    pub fn new(name: &str) -> PyRef<PyModule> {
        let dict = PyDict::new_ref();
        let m = PyRef::new(PyModule { dict });
        m.set_attr("__name__", crate::types::str::new_str(name));
        m.set_attr("__doc__", crate::types::singletons::none());
        m.set_attr("__package__", crate::types::singletons::none());
        m.set_attr("__loader__", crate::types::singletons::none());
        m.set_attr("__spec__", crate::types::singletons::none());
        m
    }

    pub fn set_attr(&self, name: &str, v: Value) {
        self.dict.set_str_key(crate::intern::intern(name), v);
    }

    pub fn get_attr(&self, name: &str) -> Option<Value> {
        self.dict.get_str(name)
    }

    pub fn name(&self) -> String {
        self.dict.get_str("__name__").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_else(|| "?".into())
    }
}
