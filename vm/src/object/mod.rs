//! Python objects in memory.
//!
//! | handle        | what it is                                                   |
//! |---------------|--------------------------------------------------------------|
//! | `Value`       | any Python value: tagged small int or owned object reference |
//! | `PyRef<T>`    | owned reference to an object whose payload is a `T`          |
//! | `&PyObject<T>`| borrowed view of such an object                              |
//!
//! Every object is `#[repr(C)] PyObject<T> { header, payload }`. Instances of
//! user classes are `PyObject<Instance<B>>` where `B` is the payload of their
//! builtin base (`()` for `object`); `Instance` puts `B` first, so a
//! `&PyObject<B>` view of a subclass instance is valid and `list` methods work
//! on a `list` subclass. A type records the Rust layout of its instances'
//! base payload (`PyType::layout`), which is what `downcast` checks.
//!
//! Reference counts are never touched here: `PyRef` wraps `skein_gc::ObjRef`.
#![allow(unsafe_code)]

pub mod alloc;
pub mod dict_keys;
pub mod inline_values;
pub mod locked;
pub mod lockfree;
#[cfg(test)]
mod lockfree_tests;
pub mod shared_vec;
pub mod swap_cell;

use std::any::TypeId;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use skein_gc::{ObjHeader, ObjRef};

pub use locked::{Locked, LockedGuard};

use crate::types::type_::PyType;
use crate::value::Value;

#[repr(C)]
pub struct PyObject<T> {
    pub header: ObjHeader,
    pub payload: T,
}

/// A Rust type that can be the payload of a Python object.
pub trait PyPayload: Send + Sync + Sized + 'static {
    /// The builtin type of fresh objects with this payload.
    fn class() -> &'static PyRef<PyType>;

    /// Reports the objects this payload references, for the cycle collector.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}

    /// Whether `traverse` can report anything (the object is a container).
    const IS_CONTAINER: bool = false;
}

/// An owned reference to an object known to have payload `T`.
pub struct PyRef<T> {
    obj: ObjRef,
    _marker: PhantomData<T>,
}

impl<T> Clone for PyRef<T> {
    #[inline]
    fn clone(&self) -> Self {
        PyRef { obj: self.obj.clone(), _marker: PhantomData }
    }
}

impl<T: PyPayload> PyRef<T> {
    /// Allocates a new object of the payload's builtin type.
    #[inline]
    pub fn new(payload: T) -> PyRef<T> {
        alloc::new_object(payload, T::class())
    }

    /// Allocates a new object of `cls`, which must lay out its instances as
    /// `T` (a builtin type) or `Instance<T>` (a subclass).
    pub fn new_with_type(payload: T, cls: &PyRef<PyType>) -> PyRef<T> {
        alloc::new_object(payload, cls)
    }
}

impl<T> PyRef<T> {
    /// # Safety
    /// `obj` must be an object whose payload layout is `T`.
    #[inline]
    pub(crate) unsafe fn from_obj_unchecked(obj: ObjRef) -> PyRef<T> {
        PyRef { obj, _marker: PhantomData }
    }

    #[inline]
    pub fn as_object(&self) -> &PyObject<T> {
        alloc::object_of(&self.obj)
    }

    #[inline]
    pub fn into_value(self) -> Value {
        Value::from_ref(self.obj)
    }

    #[inline]
    pub fn to_value(&self) -> Value {
        Value::from_ref(self.obj.clone())
    }

    #[inline]
    pub fn as_obj_ref(&self) -> &ObjRef {
        &self.obj
    }

    #[inline]
    pub fn header_ptr(&self) -> NonNull<ObjHeader> {
        self.obj.as_ptr()
    }

    #[inline]
    pub fn is(&self, other: &PyRef<T>) -> bool {
        self.obj.as_ptr() == other.obj.as_ptr()
    }

    /// The object's type.
    #[inline]
    pub fn class(&self) -> &PyType {
        alloc::type_of_header(self.obj.header())
    }
}

impl<T> Deref for PyRef<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.as_object().payload
    }
}

impl<T> std::fmt::Debug for PyRef<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyRef({:p})", self.obj.as_ptr())
    }
}

impl Value {
    /// The type of this value.
    #[inline]
    pub fn class(&self) -> &PyType {
        match self.header() {
            Some(h) => alloc::type_of_header(h),
            None if self.is_small_int() => crate::types::int::INT_TYPE.get().payload_ref(),
            None => crate::types::float::FLOAT_TYPE.get().payload_ref(),
        }
    }

    /// An owned reference to this value's type object.
    pub fn class_ref(&self) -> PyRef<PyType> {
        self.class().to_ref()
    }

    /// The payload, if this object's layout is `T` (exact type or subclass).
    #[inline]
    pub fn downcast_ref<T: PyPayload>(&self) -> Option<&T> {
        let h = self.header()?;
        if alloc::type_of_header(h).layout == TypeId::of::<T>() {
            // SAFETY: the type's layout says the payload is a `T` at the
            // standard offset (see the module doc on `Instance`).
            Some(unsafe { alloc::payload_unchecked::<T>(h) })
        } else {
            None
        }
    }

    /// An owned typed reference, if the layout is `T`.
    #[inline]
    pub fn downcast<T: PyPayload>(&self) -> Option<PyRef<T>> {
        self.downcast_ref::<T>()?;
        let obj = self.with_ref(|r| r.clone())?;
        // SAFETY: checked just above.
        Some(unsafe { PyRef::from_obj_unchecked(obj) })
    }

    /// Whether the type of this value is exactly `cls`.
    #[inline]
    pub fn is_exact(&self, cls: &PyRef<PyType>) -> bool {
        std::ptr::eq(self.class(), cls.payload_ref())
    }
}

impl<T> PyRef<T> {
    /// The payload as a reference with the handle's lifetime.
    #[inline]
    pub fn payload_ref(&self) -> &T {
        &self.as_object().payload
    }
}
