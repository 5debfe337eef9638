//! `SomeError(args)` without the generic class-call machinery.
//!
//! Calling an exception class whose `__new__` is `BaseException.__new__`
//! or a builtin exception's copy of it (every builtin exception but
//! `OSError` and the groups, and user classes that do not override it),
//! builds the instance directly and runs its
//! `__init__`: CPython's `BaseException_new` + `tp_init`, without binding
//! `__new__` through its descriptor or building argument rows twice.
//! Keyword arguments, metaclasses and overridden `__new__` take the generic
//! path (`call_class`), so every message stays that path's.

use std::sync::OnceLock;

use crate::function::args::Args;
use crate::function::native::{NativeFn, PyMethodDescriptor, PyNativeFunction};
use crate::intern::{intern, names};
use crate::object::PyRef;
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::tuple::PyTuple;
use crate::types::type_::{flags, PyType, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Builtin exceptions that inherit `__new__` instead of defining their own
/// (CPython's `ComplexExtendsException` classes), so that
/// `KeyError.__new__` is `LookupError.__new__` and its messages say so.
const INHERIT_NEW: &[&str] = &[
    "AttributeError",
    "ImportError",
    "IndentationError",
    "KeyError",
    "ModuleNotFoundError",
    "NameError",
    "StopIteration",
    "SyntaxError",
    "SystemExit",
    "TabError",
    "UnboundLocalError",
];

/// Gives `BaseException` and every builtin exception that has its own
/// `__new__` in CPython a `__new__` bound to that class, as CPython's
/// `tp_new_wrapper` is: it knows which class it belongs to, so
/// `ValueError.__new__(KeyError)` is refused and the messages name it.
/// `OSError` and the exception groups install their own.
pub(crate) fn install_new() {
    let e = exc();
    for (name, cls) in e.all() {
        if INHERIT_NEW.contains(&name)
            || cls.is_subtype(&e.os_error)
            || cls.is_subtype(&e.base_exception_group)
            || cls.dict().get_str("__new__").is_some()
        {
            continue;
        }
        let mut f = PyNativeFunction::new("__new__", exception_new);
        f.bound = Some(cls.clone().into_value());
        let v = PyRef::new(f).into_value();
        // As every builtin type's methods: shared by all threads for ever.
        v.make_immortal();
        cls.dict().set_str_key(intern("__new__"), v);
    }
    crate::types::type_cache::invalidate_all();
}

/// `Owner.__new__(cls, *args)` (`args` starts with the bound owner).
fn exception_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let owner =
        args.pos.first().and_then(|o| o.downcast::<PyType>()).map_or_else(|| "BaseException".into(), |o| o.name());
    let Some(first) = args.pos.get(1) else {
        return Err(vm.new_type_error(format!("{owner}.__new__(): not enough arguments")));
    };
    let Some(cls) = first.downcast::<PyType>() else {
        let t = first.class().name();
        return Err(vm.new_type_error(format!("{owner}.__new__(X): X is not a type object ({t})")));
    };
    let is_owner_subtype = args.pos[0].downcast::<PyType>().is_some_and(|o| cls.is_subtype(&o));
    if !is_owner_subtype || !cls.is_subtype(&exc().base_exception) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("{owner}.__new__({n}): {n} is not a subtype of {owner}")));
    }
    // CPython's "is not safe" check: the first class up from `cls` whose
    // `__new__` is builtin must build instances this way, not as `OSError`
    // or an exception group does.
    let native =
        |v: &Value| v.downcast_ref::<PyNativeFunction>().is_some() || v.downcast_ref::<PyMethodDescriptor>().is_some();
    let static_base =
        cls.mro().into_iter().find_map(|t| t.lookup_value(names::NEW.get()).filter(native).map(|n| (t, n)));
    if let Some((base, _)) = static_base.filter(|(_, new)| !is_exception_new(new)) {
        let (n, b) = (cls.name(), base.name());
        return Err(vm.new_type_error(format!("{owner}.__new__({n}) is not safe, use {b}.__new__()")));
    }
    let t = PyRef::new(PyTuple::new(args.pos[2..].to_vec()));
    Ok(PyRef::new_with_type(PyBaseException::new(t), &cls).into_value())
}

/// Whether `v` is the `__new__` of `BaseException` or of a builtin
/// exception that shares its behaviour (see `install_new`).
fn is_exception_new(v: &Value) -> bool {
    v.downcast_ref::<PyNativeFunction>().is_some_and(|f| std::ptr::fn_addr_eq(f.func, exception_new as NativeFn))
}

/// `BaseException.__init__`, as found in its dict (builtin type dicts never
/// change).
fn base_init() -> Option<NativeFn> {
    static INIT: OnceLock<Option<NativeFn>> = OnceLock::new();
    *INIT.get_or_init(|| {
        let d = exc().base_exception.dict();
        d.get_str("__init__").and_then(|v| v.downcast_ref::<PyMethodDescriptor>().map(|m| m.func))
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
    let exc_init = base_init()?;
    if !is_exception_new(&t.lookup_value(names::NEW.get())?) {
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
