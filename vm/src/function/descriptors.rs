//! Descriptor objects: `property`, `classmethod`, `staticmethod`, native
//! get/set descriptors (`__dict__`, `__class__`, `__name__`, ...) and the
//! member descriptors that implement `__slots__`.

use crate::object::{Locked, PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static PROPERTY_TYPE: TypeCell = TypeCell::new();
pub static CLASSMETHOD_TYPE: TypeCell = TypeCell::new();
pub static STATICMETHOD_TYPE: TypeCell = TypeCell::new();
pub static GETSET_TYPE: TypeCell = TypeCell::new();
pub static MEMBER_TYPE: TypeCell = TypeCell::new();

pub type Getter = fn(&mut Vm, &Value) -> PyResult<Value>;
/// `None` value means delete.
pub type Setter = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// A Rust-implemented attribute (`getset_descriptor`).
pub struct PyGetSet {
    pub name: &'static str,
    pub owner: PyRef<PyType>,
    pub getter: Getter,
    pub setter: Option<Setter>,
}

impl PyPayload for PyGetSet {
    fn class() -> &'static PyRef<PyType> {
        GETSET_TYPE.get()
    }
    // A class's `__weakref__` descriptor sits in the class's dict and names
    // the class: reported, so that the cycle is collectable.
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.owner.to_value());
    }
}

/// Adds a get/set descriptor to a builtin type.
pub fn add_getset(ty: &PyRef<PyType>, name: &'static str, getter: Getter, setter: Option<Setter>) {
    let d = PyRef::new(PyGetSet { name, owner: ty.clone(), getter, setter }).into_value();
    ty.dict().set_str_key(crate::intern::intern(name), d);
    crate::types::type_cache::invalidate_all();
}

/// A `__slots__` entry (`member_descriptor`): index into `InstanceExt::slots`.
pub struct PyMemberDescriptor {
    pub name: String,
    pub owner_name: String,
    pub index: usize,
}

impl PyPayload for PyMemberDescriptor {
    fn class() -> &'static PyRef<PyType> {
        MEMBER_TYPE.get()
    }
}

pub struct PyProperty {
    pub fget: Locked<Option<Value>>,
    pub fset: Locked<Option<Value>>,
    pub fdel: Locked<Option<Value>>,
    pub doc: Locked<Option<Value>>,
    pub name: Locked<Option<Value>>,
}

impl PyPayload for PyProperty {
    fn class() -> &'static PyRef<PyType> {
        PROPERTY_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for f in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            if let Some(v) = f.lock().as_ref() {
                visit(v);
            }
        }
    }
}

/// `classmethod(f)`.
pub struct PyClassMethod {
    pub callable: Value,
}

impl PyPayload for PyClassMethod {
    fn class() -> &'static PyRef<PyType> {
        CLASSMETHOD_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.callable);
    }
}

/// `staticmethod(f)`.
pub struct PyStaticMethod {
    pub callable: Value,
}

impl PyPayload for PyStaticMethod {
    fn class() -> &'static PyRef<PyType> {
        STATICMETHOD_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.callable);
    }
}
