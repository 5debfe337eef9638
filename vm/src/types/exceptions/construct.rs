//! `SomeError(args)` without the generic class-call machinery.
//!
//! Calling an exception class whose `__new__` is `BaseException.__new__`
//! (every builtin exception but `OSError` and the groups, and user classes
//! that do not override it) builds the instance directly and runs its
//! `__init__`: CPython's `BaseException_new` + `tp_init`, without binding
//! `__new__` through its descriptor or building argument rows twice.
//! Keyword arguments, metaclasses and overridden `__new__` take the generic
//! path (`call_class`), so every message stays that path's.

use std::sync::OnceLock;

use crate::function::args::Args;
use crate::function::native::{NativeFn, PyMethodDescriptor};
use crate::intern::names;
use crate::object::PyRef;
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::tuple::PyTuple;
use crate::types::type_::{flags, PyType, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `BaseException.__new__` and `BaseException.__init__`, as found in its
/// dict (builtin type dicts never change).
fn base_methods() -> Option<(NativeFn, NativeFn)> {
    static METHODS: OnceLock<Option<(NativeFn, NativeFn)>> = OnceLock::new();
    *METHODS.get_or_init(|| {
        let d = exc().base_exception.dict();
        let native = |name: &str| d.get_str(name).and_then(|v| v.downcast_ref::<PyMethodDescriptor>().map(|m| m.func));
        Some((native("__new__")?, native("__init__")?))
    })
}

fn is_native(v: &Value, f: NativeFn) -> bool {
    v.downcast_ref::<PyMethodDescriptor>().is_some_and(|d| std::ptr::fn_addr_eq(d.func, f))
}

/// `cls(*args)` for an exception class, or `None` when the generic class
/// call must handle it.
pub(crate) fn call_exception_class(vm: &mut Vm, cls: &Value, args: Args<'_>) -> Option<PyResult<Value>> {
    let t = cls.downcast_ref::<PyType>()?;
    if !t.has_flag(flags::EXCEPTION) || args.has_kwargs() || !cls.class().is(TYPE_TYPE.get()) {
        return None;
    }
    let (exc_new, exc_init) = base_methods()?;
    if !is_native(&t.lookup_value(names::NEW.get())?, exc_new) {
        return None;
    }
    let cls_ref = cls.downcast::<PyType>()?;
    if !cls_ref.is_subtype(&exc().base_exception) {
        return None;
    }
    let tuple = PyRef::new(PyTuple::new(args.pos.to_vec()));
    let obj = PyRef::new_with_type(PyBaseException::new(tuple), &cls_ref).into_value();
    if let Some(init) = t.lookup_value(names::INIT.get()) {
        let with_self = args.prepend(&obj);
        let r = if is_native(&init, exc_init) {
            exc_init(vm, with_self.as_args())
        } else {
            vm.call_unbound_args(&init, &obj, with_self.as_args())
        };
        match r {
            Ok(r) if r.is_none() => {}
            Ok(r) => {
                let msg = format!("__init__() should return None, not '{}'", r.class().name());
                return Some(Err(vm.new_type_error(msg)));
            }
            Err(e) => return Some(Err(e)),
        }
    }
    Some(Ok(obj))
}
