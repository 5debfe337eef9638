//! `member_descriptor.__get__` / `__set__` / `__delete__` called directly
//! (`P.y.__set__(obj, v)`, as `copy` helpers and slot-aware libraries do).
//! Attribute access itself reads and writes slots in `protocol/attr.rs`
//! without going through these methods.

use crate::function::args::Args;
use crate::function::descriptors::{add_getset, PyMemberDescriptor, MEMBER_TYPE};
use crate::function::native::add_methods;
use crate::object::alloc;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn member_of<'a>(vm: &mut Vm, v: Option<&'a Value>, method: &str) -> PyResult<&'a PyMemberDescriptor> {
    let Some(v) = v else {
        return Err(vm.new_type_error(format!("descriptor '{method}' of 'member_descriptor' object needs an argument")));
    };
    v.downcast_ref::<PyMemberDescriptor>().ok_or_else(|| {
        let got = v.class().name();
        vm.new_type_error(format!("descriptor '{method}' requires a 'member_descriptor' object but received a '{got}'"))
    })
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
    let got = cls.name();
    Err(vm.new_type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{got}' object",
        m.name, m.owner_name
    )))
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

/// Installs the three methods (after the generic descriptor `__get__`).
pub(crate) fn install() {
    let t = MEMBER_TYPE.get();
    add_methods(t, &[("__get__", member_get), ("__set__", member_set), ("__delete__", member_delete)]);
    add_getset(t, "__name__", member_name, None);
    add_getset(t, "__qualname__", member_qualname, None);
}
