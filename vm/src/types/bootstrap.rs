//! Creating `type` and `object`, whose type objects refer to each other.
//!
//! Before `TYPE_TYPE` is set, type objects are allocated with a null
//! `ob_type` and patched once `type` exists. Nothing else runs meanwhile.
#![allow(unsafe_code)]

use std::mem::{align_of, size_of};

use skein_gc::ObjRef;

use crate::object::{PyObject, PyRef};
use crate::types::type_::PyType;

pub(crate) fn new_type_object(ty: PyType) -> PyRef<PyType> {
    // SAFETY: a null type, set (to `type` itself) below before anything
    // reads it or the object could be freed.
    let p = unsafe {
        skein_gc::alloc_object(size_of::<PyObject<PyType>>(), align_of::<PyObject<PyType>>(), std::ptr::null())
    };
    // SAFETY: fresh allocation sized for a `PyObject<PyType>`; the payload is
    // written before the handle is built, and `ob_type` is patched by
    // `set_metatype` before any code inspects it.
    unsafe {
        let obj = p.as_ptr() as *mut PyObject<PyType>;
        std::ptr::addr_of_mut!((*obj).payload).write(ty);
        PyRef::from_obj_unchecked(ObjRef::from_raw(p))
    }
}

/// Points `t`'s header at `meta`.
pub(crate) fn set_metatype(t: &PyRef<PyType>, meta: &PyRef<PyType>) {
    t.as_obj_ref().header().set_type_info(&meta.payload_ref().gc_info);
}
