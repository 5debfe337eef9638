//! `types.UnionType`: what `int | str` evaluates to (PEP 604).

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::{PyPayload, PyRef};
use crate::types::list_methods::generic_alias::PyGenericAlias;
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::PyTuple;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static UNION_TYPE: TypeCell = TypeCell::new();

pub struct PyUnion {
    pub args: PyRef<PyTuple>,
}

impl PyPayload for PyUnion {
    fn class() -> &'static PyRef<PyType> {
        UNION_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args.to_value());
    }
}

/// How `typing` shows one argument: classes by (qualified) name.
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is(&crate::types::singletons::ellipsis()) {
        return Ok("...".into());
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

// ---- unions ------------------------------------------------------------------------

fn union_member(v: &Value) -> bool {
    v.is_none()
        || v.downcast_ref::<PyType>().is_some()
        || v.downcast_ref::<PyGenericAlias>().is_some()
        || v.downcast_ref::<PyUnion>().is_some()
}

/// `a | b` for types: a flattened, de-duplicated union.
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !union_member(a) || !union_member(b) {
        return Ok(not_implemented());
    }
    let mut items: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts: Vec<Value> = match v.downcast_ref::<PyUnion>() {
            Some(u) => u.args.items().to_vec(),
            None if v.is_none() => vec![crate::types::singletons::NONE_TYPE.get().to_value()],
            None => vec![v.clone()],
        };
        for p in parts {
            let mut dup = false;
            for x in &items {
                if vm.eq(x, &p)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                items.push(p);
            }
        }
    }
    if items.len() == 1 {
        return Ok(items.remove(0));
    }
    Ok(PyRef::new(PyUnion { args: PyRef::new(PyTuple::new(items)) }).into_value())
}

fn or_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__or__", 2)?;
    make_union(vm, &a[0], &a[1])
}

fn ror_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__ror__", 2)?;
    make_union(vm, &a[1], &a[0])
}

fn union_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyUnion> {
    match v.downcast_ref::<PyUnion>() {
        Some(u) => Ok(u),
        None => Err(vm.new_type_error("descriptor requires a 'types.UnionType' object")),
    }
}

fn union_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let items = union_of(vm, &a[0])?.args.items().to_vec();
    let mut parts = Vec::new();
    for x in &items {
        if x.is(&crate::types::singletons::NONE_TYPE.get().to_value()) {
            parts.push("None".to_string());
        } else {
            parts.push(arg_repr(vm, x)?);
        }
    }
    Ok(new_str(parts.join(" | ")))
}

fn union_args(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(union_of(vm, v)?.args.to_value())
}

fn union_check(vm: &mut Vm, args: Args<'_>, sub: bool) -> PyResult<Value> {
    let a = args.exact(vm, "__instancecheck__", 2)?;
    let items = union_of(vm, &a[0])?.args.items().to_vec();
    for t in items {
        let Some(tt) = t.downcast_ref::<PyType>() else {
            return Err(vm.new_type_error(if sub {
                "issubclass() argument 2 cannot contain a parameterized generic"
            } else {
                "isinstance() argument 2 cannot contain a parameterized generic"
            }));
        };
        let hit = if sub {
            a[1].downcast_ref::<PyType>().is_some_and(|c| c.is_subtype(tt))
        } else {
            a[1].class().is_subtype(tt)
        };
        if hit {
            return Ok(bool_value(true));
        }
    }
    Ok(bool_value(false))
}

fn union_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    union_check(vm, args, false)
}

fn union_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    union_check(vm, args, true)
}

fn union_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__eq__", 2)?;
    let mine = union_of(vm, &a[0])?.args.items().to_vec();
    let Some(o) = a[1].downcast_ref::<PyUnion>() else { return Ok(not_implemented()) };
    let theirs = o.args.items().to_vec();
    if mine.len() != theirs.len() {
        return Ok(bool_value(false));
    }
    for x in &mine {
        if !theirs.iter().any(|y| y.is(x)) {
            return Ok(bool_value(false));
        }
    }
    Ok(bool_value(true))
}

fn union_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__hash__", 1)?;
    let mut h: i64 = 0x5a5a;
    for x in union_of(vm, &a[0])?.args.items() {
        h ^= crate::protocol::hash::hash_pointer(x.raw_word());
    }
    Ok(crate::types::int::int_from_i64(h))
}

fn make_type<T: PyPayload>(cell: &'static TypeCell, name: &str, qualname: &str) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(crate::types::instance_object_type()), 0, false);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    t.set_qualname(qualname.to_string());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("types"));
    cell.set(t);
    cell.get()
}

fn union_parameters(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(crate::types::tuple::new_tuple(Vec::new()))
}

pub(crate) fn install(types: &crate::types::Types) {
    let u = make_type::<PyUnion>(&UNION_TYPE, "UnionType", "UnionType");
    add_methods(
        u,
        &[
            ("__repr__", union_repr),
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
            ("__eq__", union_eq),
            ("__hash__", union_hash),
            ("__or__", or_method),
            ("__ror__", ror_method),
        ],
    );
    crate::function::descriptors::add_getset(u, "__args__", union_args, None);
    crate::function::descriptors::add_getset(u, "__parameters__", union_parameters, None);
    add_methods(types.type_, &[("__or__", or_method), ("__ror__", ror_method)]);
    add_methods(types.none, &[("__or__", or_method), ("__ror__", ror_method)]);
    if let Some(g) = crate::types::list_methods::generic_alias::GENERIC_ALIAS_TYPE.get_opt() {
        add_methods(g, &[("__or__", or_method), ("__ror__", ror_method)]);
    }
}
