//! `__get__` / `__set__` / `__delete__` of the builtin data descriptors,
//! `member_descriptor` (a `__slots__` entry) and `getset_descriptor`
//! (`BaseException.args`, `type.__name__`, ...), called directly:
//! `P.y.__set__(obj, v)`, as `copy` helpers and slot-aware libraries do.
//! Attribute access itself goes through `protocol/attr.rs` without these.

use crate::function::args::Args;
use crate::function::descriptors::{add_getset, PyGetSet, PyMemberDescriptor, GETSET_TYPE, MEMBER_TYPE};
use crate::function::native::add_methods;
use crate::object::alloc;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The descriptor a method was called on (`kind` names its type).
fn descr_of<'a, T: crate::object::PyPayload>(
    vm: &mut Vm,
    v: Option<&'a Value>,
    kind: &str,
    method: &str,
) -> PyResult<&'a T> {
    let Some(v) = v else {
        return Err(vm.new_type_error(format!("descriptor '{method}' of '{kind}' object needs an argument")));
    };
    v.downcast_ref::<T>().ok_or_else(|| {
        let got = v.class().name();
        vm.new_type_error(format!("descriptor '{method}' requires a '{kind}' object but received a '{got}'"))
    })
}

fn member_of<'a>(vm: &mut Vm, v: Option<&'a Value>, method: &str) -> PyResult<&'a PyMemberDescriptor> {
    descr_of(vm, v, "member_descriptor", method)
}

fn getset_of<'a>(vm: &mut Vm, v: Option<&'a Value>, method: &str) -> PyResult<&'a PyGetSet> {
    descr_of(vm, v, "getset_descriptor", method)
}

fn does_not_apply(vm: &mut Vm, name: &str, owner: &str, obj: &Value) -> crate::vm::PyErr {
    let got = obj.class().name();
    vm.new_type_error(format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{got}' object"))
}

/// CPython's slot wrappers count the arguments after the descriptor with
/// an unnamed `PyArg_UnpackTuple` (hence the leading space) or, for
/// `__delete__`, `check_num_args`.
fn arity_error(vm: &mut Vm, args: &Args<'_>, min: usize, max: usize, prefix: &str) -> Option<crate::vm::PyErr> {
    let n = args.pos.len().saturating_sub(1);
    if args.has_kwargs() {
        return Some(vm.new_type_error("wrapper takes no keyword arguments"));
    }
    if n >= min && n <= max {
        return None;
    }
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let msg = if min == max {
        format!("{prefix}expected {min} {}, got {n}", plural(min))
    } else if n < min {
        format!("{prefix}expected at least {min} {}, got {n}", plural(min))
    } else {
        format!("{prefix}expected at most {max} {}, got {n}", plural(max))
    };
    Some(vm.new_type_error(msg))
}

/// The slot index belongs to the class that defined the slot, so `obj`
/// must be an instance of it: some class in its MRO holds this very
/// descriptor. (A slot index read on an instance of another class would
/// name another attribute.)
fn check_applies(vm: &mut Vm, descr: &Value, m: &PyMemberDescriptor, obj: &Value) -> PyResult<()> {
    let cls = obj.class();
    if cls.mro().iter().any(|t| t.dict().get_str(&m.name).is_some_and(|v| v.is(descr))) {
        return Ok(());
    }
    Err(does_not_apply(vm, &m.name, &m.owner_name, obj))
}

/// `descr.__get__(obj, type=None)`.
fn member_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = member_of(vm, args.pos.first(), "__get__")?;
    if let Some(e) = arity_error(vm, &args, 1, 2, " ") {
        return Err(e);
    }
    let a = args.pos;
    let owner = a.get(2).cloned().unwrap_or_else(none);
    if a[1].is_none() {
        if owner.is_none() {
            return Err(vm.new_type_error("__get__(None, None) is invalid"));
        }
        return Ok(a[0].clone());
    }
    check_applies(vm, &a[0], m, &a[1])?;
    vm.descr_get(&a[0], Some(&a[1]), &owner)
}

/// Stores (`Some`) or deletes (`None`) the slot, with `set_attr`'s errors.
fn store(vm: &mut Vm, descr: &Value, m: &PyMemberDescriptor, obj: &Value, value: Option<Value>) -> PyResult<Value> {
    check_applies(vm, descr, m, obj)?;
    let deleting = value.is_none();
    match alloc::instance_ext(obj).and_then(|e| e.values.slot_swap(m.index, value)) {
        Some(had) if deleting && !had => Err(vm.new_attribute_error(m.name.to_string())),
        Some(_) => Ok(none()),
        None => {
            let msg = format!("'{}' object has no attribute '{}'", obj.class().name(), m.name);
            Err(vm.new_attribute_error(msg))
        }
    }
}

fn member_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = member_of(vm, args.pos.first(), "__set__")?;
    if let Some(e) = arity_error(vm, &args, 2, 2, " ") {
        return Err(e);
    }
    store(vm, &args.pos[0], m, &args.pos[1], Some(args.pos[2].clone()))
}

fn member_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = member_of(vm, args.pos.first(), "__delete__")?;
    if let Some(e) = arity_error(vm, &args, 1, 1, "") {
        return Err(e);
    }
    store(vm, &args.pos[0], m, &args.pos[1], None)
}

fn member_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = member_of(vm, Some(v), "__name__")?;
    Ok(new_str(m.name.clone()))
}

fn member_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = member_of(vm, Some(v), "__qualname__")?;
    Ok(new_str(format!("{}.{}", m.owner_name, m.name)))
}

/// `getset.__get__(obj, type=None)`.
fn getset_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = getset_of(vm, args.pos.first(), "__get__")?;
    if let Some(e) = arity_error(vm, &args, 1, 2, " ") {
        return Err(e);
    }
    let obj = &args.pos[1];
    if obj.is_none() {
        if args.pos.get(2).is_none_or(Value::is_none) {
            return Err(vm.new_type_error("__get__(None, None) is invalid"));
        }
        return Ok(args.pos[0].clone());
    }
    if !obj.class().is_subtype(&g.owner) {
        return Err(does_not_apply(vm, g.name, &g.owner.name(), obj));
    }
    (g.getter)(vm, obj)
}

/// Sets (`Some`) or deletes (`None`) through the getset's setter.
fn getset_store(vm: &mut Vm, g: &PyGetSet, obj: &Value, value: Option<Value>) -> PyResult<Value> {
    if !obj.class().is_subtype(&g.owner) {
        return Err(does_not_apply(vm, g.name, &g.owner.name(), obj));
    }
    match g.setter {
        Some(set) => set(vm, obj, value).map(|()| none()),
        None => {
            let msg = format!("attribute '{}' of '{}' objects is not writable", g.name, g.owner.name());
            Err(vm.new_attribute_error(msg))
        }
    }
}

fn getset_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = getset_of(vm, args.pos.first(), "__set__")?;
    if let Some(e) = arity_error(vm, &args, 2, 2, " ") {
        return Err(e);
    }
    getset_store(vm, g, &args.pos[1], Some(args.pos[2].clone()))
}

fn getset_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = getset_of(vm, args.pos.first(), "__delete__")?;
    if let Some(e) = arity_error(vm, &args, 1, 1, "") {
        return Err(e);
    }
    getset_store(vm, g, &args.pos[1], None)
}

fn getset_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(getset_of(vm, Some(v), "__name__")?.name))
}

fn getset_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = getset_of(vm, Some(v), "__qualname__")?;
    Ok(new_str(format!("{}.{}", g.owner.name(), g.name)))
}

fn getset_objclass(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(getset_of(vm, Some(v), "__objclass__")?.owner.clone().into_value())
}

/// Installs the methods (after the generic descriptor `__get__`).
pub(crate) fn install() {
    let t = MEMBER_TYPE.get();
    add_methods(t, &[("__get__", member_get), ("__set__", member_set), ("__delete__", member_delete)]);
    add_getset(t, "__name__", member_name, None);
    add_getset(t, "__qualname__", member_qualname, None);
    let t = GETSET_TYPE.get();
    add_methods(t, &[("__get__", getset_get), ("__set__", getset_set), ("__delete__", getset_delete)]);
    add_getset(t, "__name__", getset_name, None);
    add_getset(t, "__qualname__", getset_qualname, None);
    add_getset(t, "__objclass__", getset_objclass, None);
}
