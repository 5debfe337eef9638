//! Instances of classes that carry a `__dict__` and `__slots__`.
//!
//! `Instance<B>` is the payload of such objects: the builtin base payload `B`
//! first (so views as `B` stay valid), then the extension. Attributes live
//! in inline values indexed by the class's shared layout
//! (`object/inline_values.rs`) until something needs a real `__dict__`;
//! then the dict is made from them and used for good. `__slots__` values
//! live in a fixed array sized by the class.

use crate::object::inline_values::{InlineValues, Load};
use crate::object::swap_cell::SwapCell;
use crate::object::{PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::shared_keys::SharedKeys;
use crate::value::Value;

#[repr(C)]
pub struct Instance<B> {
    pub base: B,
    pub ext: InstanceExt,
}

pub struct InstanceExt {
    /// The `__dict__` (a `PyDict`), readable without a lock; set only when
    /// `values` moves to dict mode (or by `__dict__` assignment after).
    dict: SwapCell,
    /// Inline attribute values and `__slots__` members.
    pub values: InlineValues,
}

impl InstanceExt {
    pub fn new(slot_count: usize) -> InstanceExt {
        InstanceExt { dict: SwapCell::new(), values: InlineValues::new(slot_count) }
    }

    /// The instance dict (as a value), made from the inline values if the
    /// instance had none (it keeps using it from then on).
    #[inline]
    pub fn dict_value(&self) -> Value {
        if let Some(d) = self.dict.get() {
            return d;
        }
        self.materialize();
        self.dict.get().unwrap_or_else(|| PyDict::new_ref().into_value())
    }

    /// Moves the attributes to a new `__dict__` (dict mode for good).
    #[cold]
    pub fn materialize(&self) {
        self.values.to_dict_mode(|items| {
            let d = PyDict::new_ref();
            for (k, v) in items {
                d.set_str_key(k, v);
            }
            self.dict.replace(Some(d.into_value()));
        });
    }

    /// The attribute `name` (an exact `str`) of an instance of a class
    /// with layout `keys`; never runs Python code. `None` if absent.
    #[inline]
    pub fn get_attr(&self, keys: &SharedKeys, name: &Value) -> Option<Value> {
        if !self.values.is_dict_mode() {
            let Some(i) = keys.index_of(name) else { return self.get_attr_dict(name) };
            match self.values.load(i) {
                Load::Hit(v) => return Some(v),
                Load::Missing => return None,
                Load::Dict => {}
            }
        }
        self.get_attr_dict(name)
    }

    fn get_attr_dict(&self, name: &Value) -> Option<Value> {
        self.with_dict(|d| d.get_str_value(name)).flatten()
    }

    /// Whether the instance has attribute `name` (an interned `str`), for
    /// deciding whether it shadows a method; takes no count.
    #[inline]
    pub fn has_interned_attr(&self, keys: &SharedKeys, name: &Value) -> bool {
        if !self.values.is_dict_mode() {
            let Some(i) = keys.index_of_interned(name) else { return false };
            match self.values.has(i) {
                Some(b) => return b,
                None => {}
            }
        }
        self.with_dict(|d| d.get_str_value(name).is_some()).unwrap_or(false)
    }

    /// Stores attribute `name` (an exact `str`) of an instance of a class
    /// with layout `keys`: in the inline values when the layout has or
    /// takes the name, else in the dict.
    pub fn set_attr(&self, keys: &SharedKeys, name: &Value, v: Value) {
        let v = match keys.index_or_add(name) {
            Some(i) => match self.values.store(keys, i, v) {
                Ok(()) => return,
                Err(v) => v,
            },
            None => v,
        };
        self.dict().set_str_key(name.clone(), v);
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

    /// The instance dict if the instance has attributes (made from the
    /// inline values if need be) or one was made.
    pub fn dict_if_any(&self) -> Option<PyRef<PyDict>> {
        if self.values.is_fresh() {
            return None;
        }
        self.dict_value().downcast::<PyDict>()
    }

    /// `obj.__dict__ = d`: dict mode for good, with `d`.
    pub fn set_dict(&self, d: PyRef<PyDict>) {
        let mut d = Some(d.into_value());
        self.values.to_dict_mode(|_| self.dict.replace(d.take()));
        if let Some(d) = d {
            self.dict.replace(Some(d));
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.dict.with(|d| visit(d));
        self.values.traverse(visit);
    }
}

// `object()` instances and plain class instances have no builtin payload.
impl PyPayload for () {
    fn class() -> &'static PyRef<crate::types::type_::PyType> {
        crate::types::instance_object_type()
    }
}
