//! Instances of classes that carry a `__dict__` and `__slots__`.
//!
//! `Instance<B>` is the payload of such objects: the builtin base payload `B`
//! first (so views as `B` stay valid), then the extension. The dict is made
//! lazily on first attribute store; `__slots__` values live in a fixed array
//! sized by the class.

use crate::object::swap_cell::SwapCell;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::value::Value;

#[repr(C)]
pub struct Instance<B> {
    pub base: B,
    pub ext: InstanceExt,
}

pub struct InstanceExt {
    /// The `__dict__` (a `PyDict`), readable without a lock.
    dict: SwapCell,
    pub slots: Box<[Locked<Option<Value>>]>,
}

impl InstanceExt {
    pub fn new(slot_count: usize) -> InstanceExt {
        InstanceExt { dict: SwapCell::new(), slots: (0..slot_count).map(|_| Locked::new(None)).collect() }
    }

    /// The instance dict (as a value), created on first use.
    #[inline]
    pub fn dict_value(&self) -> Value {
        self.dict.get_or_init(|| PyDict::new_ref().into_value())
    }

    /// The instance dict, created on first use.
    pub fn dict(&self) -> PyRef<PyDict> {
        match self.dict_value().downcast::<PyDict>() {
            Some(d) => d,
            // Only dicts are ever stored (`set_dict`).
            None => PyDict::new_ref(),
        }
    }

    /// Runs `f` on the instance dict, if one was made, without taking a
    /// reference to it. `f` must not run Python code (a dict lookup by
    /// exact `str` key qualifies): the dict is borrowed, not counted.
    #[inline]
    pub fn with_dict<R>(&self, f: impl FnOnce(&PyDict) -> R) -> Option<R> {
        self.dict.with(|d| d.downcast_ref::<PyDict>().map(f)).flatten()
    }

    /// The instance dict if one was made.
    pub fn dict_if_any(&self) -> Option<PyRef<PyDict>> {
        self.dict.get().and_then(|d| d.downcast::<PyDict>())
    }

    pub fn set_dict(&self, d: PyRef<PyDict>) {
        self.dict.replace(Some(d.into_value()));
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.dict.with(|d| visit(d));
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
