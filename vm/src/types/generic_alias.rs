//! `types.GenericAlias`: what `list[int]` evaluates to (PEP 585), and the
//! `__class_getitem__` of the builtin containers that builds it.
//!
//! A minimal version of CPython's `Objects/genericaliasobject.c`: the
//! alias records `__origin__` and `__args__`, prints as `list[int]`,
//! compares and hashes by both, calls its origin, forwards other
//! attribute reads to the origin, and gives `(origin,)` as its
//! `__mro_entries__`. Type-variable substitution is not supported.

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::types::int::int_from_i64;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{descr_error, one_arg, slot_args};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static GENERIC_ALIAS_TYPE: TypeCell = TypeCell::new();

pub struct PyGenericAlias {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
}

impl PyPayload for PyGenericAlias {
    fn class() -> &'static PyRef<PyType> {
        GENERIC_ALIAS_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
    }
}

/// `GenericAlias(origin, args)`; a non-tuple `args` becomes a 1-tuple.
pub fn generic_alias_new(origin: Value, args: Value) -> Value {
    let args = if args.as_tuple().is_some() { args } else { new_tuple(vec![args]) };
    PyRef::new(PyGenericAlias { origin, args }).into_value()
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyGenericAlias> {
    match v.downcast_ref::<PyGenericAlias>() {
        Some(g) => Ok(g),
        None => Err(descr_error(vm, "types.GenericAlias", v)),
    }
}

/// How an argument prints inside `origin[...]` (`_Py_typing_type_repr`).
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is(&crate::types::singletons::ellipsis()) {
        return Ok("...".to_string());
    }
    if v.downcast_ref::<PyGenericAlias>().is_some() {
        return vm.repr_string(v);
    }
    if let Some(t) = v.downcast_ref::<PyType>() {
        let module = t.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string));
        return Ok(match module {
            Some(m) if m != "builtins" => format!("{m}.{}", t.qualname()),
            _ => t.qualname(),
        });
    }
    vm.repr_string(v)
}

fn ga_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.skip_self().no_kwargs(vm, "GenericAlias")?;
    let a = &args.pos[1.min(args.pos.len())..];
    if a.len() != 2 {
        return Err(vm.new_type_error(format!("GenericAlias expected 2 arguments, got {}", a.len())));
    }
    Ok(generic_alias_new(a[0].clone(), a[1].clone()))
}

fn ga_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let g = this(vm, &a[0])?;
    let mut s = arg_repr(vm, &g.origin)?;
    s.push('[');
    let items = g.args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&arg_repr(vm, x)?);
    }
    s.push(']');
    Ok(new_str(s))
}

fn ga_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let g = this(vm, &a[0])?;
    let Some(o) = a[1].downcast_ref::<PyGenericAlias>() else {
        return Ok(not_implemented());
    };
    Ok(bool_value(vm.eq(&g.origin, &o.origin)? && vm.eq(&g.args, &o.args)?))
}

fn ga_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = ga_eq(vm, args)?;
    if r.is_not_implemented() {
        return Ok(r);
    }
    Ok(bool_value(!vm.truthy(&r)?))
}

fn ga_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let g = this(vm, &a[0])?;
    let h = vm.hash(&g.origin)? ^ vm.hash(&g.args)?;
    Ok(int_from_i64(if h == -1 { -2 } else { h }))
}

fn ga_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__call__' needs an argument"));
    };
    let origin = this(vm, s)?.origin.clone();
    let obj = vm.call_args(&origin, args.skip_self())?;
    // CPython records the alias on the instance when it can.
    if let Err(e) = vm.set_attr_str(&obj, "__orig_class__", s.clone()) {
        drop(e);
    }
    Ok(obj)
}

fn ga_mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = one_arg(vm, &args, "__mro_entries__")?;
    Ok(new_tuple(vec![this(vm, s)?.origin.clone()]))
}

fn ga_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    slot_args(vm, &args, 1)?;
    Err(vm.new_type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    slot_args(vm, &args, 1)?;
    Err(vm.new_type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let text = vm.repr_string(&a[0])?;
    Err(vm.new_type_error(format!("{text} is not a generic class")))
}

/// Attributes not found on the alias come from its origin (as CPython,
/// except for dunder names).
fn ga_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let g = this(vm, &a[0])?;
    let name = a[1].as_str().unwrap_or("");
    if name.starts_with("__") && name.ends_with("__") {
        return Err(vm.attribute_error_for(&a[0], &a[1]));
    }
    let origin = g.origin.clone();
    vm.get_attr(&origin, &a[1])
}

fn ga_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let g = this(vm, &a[0])?;
    Ok(new_tuple(vec![GENERIC_ALIAS_TYPE.get().to_value(), new_tuple(vec![g.origin.clone(), g.args.clone()])]))
}

fn ga_origin(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.origin.clone())
}

fn ga_args(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.args.clone())
}

/// Type variables among the arguments (those with `__typing_subst__`).
fn ga_parameters(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = this(vm, v)?.args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let params: Vec<Value> = items.into_iter().filter(|x| x.class().lookup("__typing_subst__").is_some()).collect();
    Ok(new_tuple(params))
}

/// `cls[item]` for the builtin containers.
fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or_else(none);
    let item = args.pos.get(1).cloned().unwrap_or_else(none);
    Ok(generic_alias_new(cls, item))
}

/// Creates the type and adds `__class_getitem__` to `types`.
pub(crate) fn install(object: &PyRef<PyType>, types: &[&'static PyRef<PyType>]) {
    let t = PyType::new_builtin::<PyGenericAlias>("GenericAlias", Some(object), flags::HAS_GETATTR, false);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("types"));
    GENERIC_ALIAS_TYPE.set(t);
    let t = GENERIC_ALIAS_TYPE.get();
    add_method_kind(t, "__new__", ga_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__repr__", ga_repr),
            ("__eq__", ga_eq),
            ("__ne__", ga_ne),
            ("__hash__", ga_hash),
            ("__call__", ga_call),
            ("__mro_entries__", ga_mro_entries),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
            ("__getitem__", ga_getitem),
            ("__getattr__", ga_getattr),
            ("__reduce__", ga_reduce),
        ],
    );
    add_getset(t, "__origin__", ga_origin, None);
    add_getset(t, "__args__", ga_args, None);
    add_getset(t, "__parameters__", ga_parameters, None);
    for ty in types {
        add_method_kind(ty, "__class_getitem__", class_getitem, MethodKind::Class);
    }
}
