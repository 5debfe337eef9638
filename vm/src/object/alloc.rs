//! The few places that turn header pointers into typed objects.
//!
//! Layout facts relied on here (see `object/mod.rs`):
//! - every object is `#[repr(C)] PyObject<P>` with the header first;
//! - a header's `ob_type` points at the `TypeInfo` that is the first field of
//!   the `#[repr(C)] PyType` payload of the object's type object;
//! - instances of heap types are `PyObject<Instance<B>>`, `Instance` being
//!   `#[repr(C)]` with `B` first, so the payload offset equals that of
//!   `PyObject<B>` (all payloads are at most 8-aligned, and the header is 32
//!   bytes).
#![allow(unsafe_code)]

use std::mem::{align_of, offset_of, size_of};
use std::ptr::NonNull;

use skein_gc::{ObjHeader, ObjRef, TypeInfo};

use super::{PyObject, PyPayload, PyRef};
use crate::types::instance::{Instance, InstanceExt};
use crate::types::type_::PyType;
use crate::value::Value;

/// Allocates an object of type `cls` with payload `payload`.
pub(crate) fn new_object<T: PyPayload>(payload: T, cls: &PyRef<PyType>) -> PyRef<T> {
    let ty = cls.payload_ref();
    debug_assert!(ty.layout == std::any::TypeId::of::<T>());
    let info = &ty.gc_info as *const TypeInfo;
    if ty.instance_ext_offset().is_none() {
        // SAFETY: `info` is the type's record, inside the type object that
        // every instance keeps alive (builtin types are immortal).
        let p = unsafe { skein_gc::alloc_object(size_of::<PyObject<T>>(), align_of::<PyObject<T>>(), info) };
        // SAFETY: `p` is a fresh allocation sized and aligned for
        // `PyObject<T>` whose header gc initialised; we write the payload
        // before anyone can read it.
        unsafe {
            let obj = p.as_ptr() as *mut PyObject<T>;
            std::ptr::addr_of_mut!((*obj).payload).write(payload);
            PyRef::from_obj_unchecked(ObjRef::from_raw(p))
        }
    } else {
        let inst = Instance { base: payload, ext: InstanceExt::new(ty.slot_count()) };
        let size = size_of::<PyObject<Instance<T>>>();
        let align = align_of::<PyObject<Instance<T>>>();
        // SAFETY: as above; the instance holds a reference to `cls`.
        let p = unsafe { skein_gc::alloc_object(size, align, info) };
        // The instance keeps its type alive; released in `dealloc_instance`
        // (a no-op for immortal builtin types).
        std::mem::forget(cls.clone());
        // SAFETY: as above, for `PyObject<Instance<T>>`.
        unsafe {
            let obj = p.as_ptr() as *mut PyObject<Instance<T>>;
            std::ptr::addr_of_mut!((*obj).payload).write(inst);
            PyRef::from_obj_unchecked(ObjRef::from_raw(p))
        }
    }
}

/// The typed view of a handle.
#[inline(always)]
pub(crate) fn object_of<T>(r: &ObjRef) -> &PyObject<T> {
    // SAFETY: `PyRef<T>` is only built for objects whose layout is `T`
    // (checked by `downcast` or guaranteed by construction), and the
    // reference keeps the object alive for the borrow.
    unsafe { &*(r.as_ptr().as_ptr() as *const PyObject<T>) }
}

/// The payload of an object known to have layout `T`.
///
/// # Safety
/// The object's type must have `layout == TypeId::of::<T>()`.
#[inline(always)]
pub(crate) unsafe fn payload_unchecked<T>(h: &ObjHeader) -> &T {
    // SAFETY: forwarded contract.
    unsafe { &(*(h as *const ObjHeader as *const PyObject<T>)).payload }
}

/// The type of an object, borrowed for as long as the object is.
#[inline(always)]
pub(crate) fn type_of_header(h: &ObjHeader) -> &PyType {
    // SAFETY: `ob_type` points at the `TypeInfo` that starts a `PyType`
    // (repr(C), first field); an object keeps its type alive.
    unsafe { &*(h.type_info() as *const PyType) }
}

/// The handle of a type object, from its payload.
pub(crate) fn type_to_ref(ty: &PyType) -> PyRef<PyType> {
    let offset = offset_of!(PyObject<PyType>, payload);
    // SAFETY: every `PyType` lives as the payload of a `PyObject<PyType>`,
    // so stepping back by the payload offset reaches its header, which is
    // live while `ty` is borrowed.
    unsafe {
        let h = (ty as *const PyType as *const u8).sub(offset) as *mut ObjHeader;
        PyRef::from_obj_unchecked(ObjRef::clone_from_raw(NonNull::new_unchecked(h)))
    }
}

/// The instance extension (dict and `__slots__`) of a heap-type instance.
#[inline]
pub(crate) fn instance_ext(v: &Value) -> Option<&InstanceExt> {
    let h = v.header()?;
    let ty = type_of_header(h);
    let offset = ty.instance_ext_offset()?;
    // SAFETY: heap types record the offset of `Instance<B>::ext` within
    // `PyObject<Instance<B>>` for their layout; `v` keeps the object alive.
    Some(unsafe { &*((h as *const ObjHeader as *const u8).add(offset) as *const InstanceExt) })
}

/// `TypeInfo::dealloc` for objects of builtin types.
///
/// # Safety
/// Called by gc exactly once, when the object is dead.
pub(crate) unsafe fn dealloc_plain<T>(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead and still allocated.
    unsafe { crate::types::weakref::clear_on_dealloc(p) };
    // SAFETY: gc calls this once for a dead `PyObject<T>`.
    unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*(p.as_ptr() as *mut PyObject<T>)).payload)) }
}

/// `TypeInfo::dealloc` for instances of heap types.
///
/// # Safety
/// Called by gc exactly once, when the object is dead.
pub(crate) unsafe fn dealloc_instance<T>(p: NonNull<ObjHeader>) {
    // SAFETY: the object is dead and still allocated.
    unsafe { crate::types::weakref::clear_on_dealloc(p) };
    // SAFETY: the type is alive: this instance still holds its reference,
    // which we take over here and release after dropping the payload.
    let cls = unsafe { type_to_owned_without_incref(p.as_ref().type_info() as *const PyType) };
    // SAFETY: gc calls this once for a dead `PyObject<Instance<T>>`.
    unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*(p.as_ptr() as *mut PyObject<Instance<T>>)).payload)) };
    drop(cls);
}

/// Gives back the type reference an instance held (after `__class__`
/// assignment moved the instance to another type).
pub(crate) fn take_type_reference(t: &PyRef<PyType>) -> PyRef<PyType> {
    // SAFETY: the caller's instance held exactly one reference to `t` and
    // no longer points at it; that reference is handed over here.
    unsafe { type_to_owned_without_incref(t.payload_ref() as *const PyType) }
}

/// Rebuilds the reference an instance holds on its type.
///
/// # Safety
/// The caller owns one reference to the type object that it gives up.
unsafe fn type_to_owned_without_incref(ty: *const PyType) -> PyRef<PyType> {
    let offset = offset_of!(PyObject<PyType>, payload);
    // SAFETY: as in `type_to_ref`; ownership of one reference moves in.
    unsafe {
        let h = (ty as *const u8).sub(offset) as *mut ObjHeader;
        PyRef::from_obj_unchecked(ObjRef::from_raw(NonNull::new_unchecked(h)))
    }
}

/// `TypeInfo::traverse` for payload `T`.
///
/// # Safety
/// `p` must be a live `PyObject<T>` (or `PyObject<Instance<T>>`).
pub(crate) unsafe fn traverse_plain<T: PyPayload>(p: NonNull<ObjHeader>, visit: &mut dyn FnMut(NonNull<ObjHeader>)) {
    // SAFETY: forwarded contract.
    let payload = unsafe { payload_unchecked::<T>(p.as_ref()) };
    payload.traverse(&mut |v| {
        if let Some(h) = v.as_header_ptr() {
            visit(h)
        }
    });
}

/// `TypeInfo::traverse` for heap-type instances with base payload `T`.
///
/// # Safety
/// `p` must be a live `PyObject<Instance<T>>`.
pub(crate) unsafe fn traverse_instance<T: PyPayload>(p: NonNull<ObjHeader>, visit: &mut dyn FnMut(NonNull<ObjHeader>)) {
    // SAFETY: forwarded contract.
    let inst = unsafe { payload_unchecked::<Instance<T>>(p.as_ref()) };
    let mut f = |v: &Value| {
        if let Some(h) = v.as_header_ptr() {
            visit(h)
        }
    };
    inst.base.traverse(&mut f);
    inst.ext.traverse(&mut f);
    visit(NonNull::from(type_to_ref_header(p)));
}

fn type_to_ref_header(p: NonNull<ObjHeader>) -> &'static ObjHeader {
    // SAFETY: only used while the instance (and so its type) is alive during
    // a traversal; the 'static is never stored.
    unsafe {
        let ty = p.as_ref().type_info() as *const PyType;
        &*((ty as *const u8).sub(offset_of!(PyObject<PyType>, payload)) as *const ObjHeader)
    }
}

/// Offset of `ext` inside `PyObject<Instance<T>>`.
pub(crate) fn instance_ext_offset_of<T>() -> usize {
    offset_of!(PyObject<Instance<T>>, payload) + offset_of!(Instance<T>, ext)
}

/// The value of an object, from a reference to its payload.
pub(crate) fn value_of_payload<T>(p: &T) -> Value {
    let offset = offset_of!(PyObject<T>, payload);
    // SAFETY: payloads only live inside `PyObject<T>` (or an `Instance`
    // whose base sits at the same offset); the borrow keeps it alive.
    unsafe {
        let h = (p as *const T as *const u8).sub(offset) as *mut ObjHeader;
        Value::clone_from_header(NonNull::new_unchecked(h))
    }
}

/// `TypeInfo::finalize` for instances of heap types: those whose class
/// defines `__del__` (the `HAS_DEL` flag) are resurrected and queued for
/// their finalizer (`finalize.rs`).
///
/// # Safety
/// Called by gc on a dead instance, as `skein_gc::TypeInfo::finalize` says.
pub(crate) unsafe fn finalize_instance(p: NonNull<ObjHeader>) -> bool {
    // SAFETY: the object is dead but allocated; it still holds its type.
    let ty = type_of_header(unsafe { p.as_ref() });
    if !ty.has_flag(crate::types::type_::flags::HAS_DEL) || !crate::vm::interp_ready() {
        return false;
    }
    // SAFETY: offered by gc to this hook, which returns true.
    crate::finalize::defer(unsafe { skein_gc::resurrect(p) });
    true
}

/// `TypeInfo::finalize` for generators, coroutines and async generators:
/// those suspended where closing them runs code (a `finally`, a `with`, a
/// delegated iterator), and coroutines never awaited (for the warning).
///
/// # Safety
/// Called by gc on a dead `PyObject<PyGenerator>`.
pub(crate) unsafe fn finalize_generator(p: NonNull<ObjHeader>) -> bool {
    use crate::types::generator::{PyGenerator, COROUTINE_TYPE};
    // SAFETY: the object is dead but allocated, and its type's layout is
    // `PyGenerator` (this hook is only installed on those types).
    let h = unsafe { p.as_ref() };
    // SAFETY: as above.
    let g = unsafe { payload_unchecked::<PyGenerator>(h) };
    let coroutine = std::ptr::eq(type_of_header(h), COROUTINE_TYPE.get().payload_ref());
    if !g.needs_finalizer(coroutine) || !crate::vm::interp_ready() {
        return false;
    }
    // SAFETY: offered by gc to this hook, which returns true.
    crate::finalize::defer(unsafe { skein_gc::resurrect(p) });
    true
}

/// The `finalize` hook of a builtin type with payload `T`.
pub(crate) fn builtin_finalizer<T: 'static>() -> Option<skein_gc::FinalizeFn> {
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<crate::types::generator::PyGenerator>() {
        Some(finalize_generator)
    } else {
        None
    }
}

/// Calls `visit` on every object `v` references (its type's traverse hook;
/// nothing for non-containers and tagged values).
pub(crate) fn traverse_value(v: &Value, visit: &mut dyn FnMut(Value)) {
    let Some(p) = v.as_header_ptr() else { return };
    // SAFETY: `v` holds a reference, so the object and its type are alive.
    let Some(traverse) = (unsafe { (*p.as_ref().type_info()).traverse }) else { return };
    // SAFETY: `p` is a live object of the type whose hook this is; each
    // visited pointer is an object `v` keeps alive while we count it.
    unsafe { traverse(p, &mut |q| visit(Value::clone_from_header(q))) };
}
