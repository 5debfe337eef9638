//! Instances of classes that carry a `__dict__` and `__slots__`.
//!
//! `Instance<B>` is the payload of such objects: the builtin base payload `B`
//! first (so views as `B` stay valid), then the extension. The dict is made
//! lazily on first attribute store; `__slots__` values live in a fixed array
//! sized by the class.

use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::value::Value;

#[repr(C)]
pub struct Instance<B> {
    pub base: B,
    pub ext: InstanceExt,
}

pub struct InstanceExt {
    pub dict: Locked<Option<PyRef<PyDict>>>,
    pub slots: Box<[Locked<Option<Value>>]>,
}

impl InstanceExt {
    pub fn new(slot_count: usize) -> InstanceExt {
        InstanceExt { dict: Locked::new(None), slots: (0..slot_count).map(|_| Locked::new(None)).collect() }
    }

    /// The instance dict, created on first use.
    pub fn dict(&self) -> PyRef<PyDict> {
        let mut d = self.dict.lock();
        d.get_or_insert_with(|| PyRef::new(PyDict::new())).clone()
    }

    /// Runs `f` on the instance dict, if one was made, without taking a
    /// reference to it. `f` must not run Python code: the extension's lock
    /// is held meanwhile (a dict lookup by exact `str` key qualifies).
    #[inline]
    pub fn with_dict<R>(&self, f: impl FnOnce(&PyDict) -> R) -> Option<R> {
        self.dict.lock().as_ref().map(|d| f(d))
    }

    /// The instance dict if one was made.
    pub fn dict_if_any(&self) -> Option<PyRef<PyDict>> {
        self.dict.lock().clone()
    }

    pub fn set_dict(&self, d: PyRef<PyDict>) {
        let old = self.dict.lock().replace(d);
        drop(old);
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = self.dict.lock().as_ref() {
            visit(&d.to_value());
        }
        for s in self.slots.iter() {
            if let Some(v) = s.lock().as_ref() {
                visit(v);
            }
        }
    }
}

// `object()` instances and plain class instances have no builtin payload.
impl PyPayload for () {
    fn class() -> &'static PyRef<crate::types::type_::PyType> {
        crate::types::instance_object_type()
    }
}
