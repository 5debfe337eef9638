//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping.
//!
//! `cls.__dict__` returns one around the class dict, so class attributes can
//! only be changed through `setattr` (which keeps the type's version, and so
//! every attribute cache, up to date). The proxy holds the mapping and never
//! changes after creation; every read is forwarded to the mapping, so the
//! view is live.

use skein_compiler::bytecode::{BinaryOp, CompareOp};

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static MAPPINGPROXY_TYPE: TypeCell = TypeCell::new();

pub struct PyMappingProxy {
    pub mapping: Value,
}

impl PyPayload for PyMappingProxy {
    fn class() -> &'static PyRef<PyType> {
        MAPPINGPROXY_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.mapping);
    }
}

/// A proxy over `mapping` (a class dict, or anything `mappingproxy()` accepted).
pub fn new_mappingproxy(mapping: Value) -> Value {
    PyRef::new(PyMappingProxy { mapping }).into_value()
}

fn this(vm: &mut Vm, args: &Args<'_>, name: &str, n: usize) -> PyResult<Value> {
    let a = args.exact(vm, name, n)?;
    match a[0].downcast_ref::<PyMappingProxy>() {
        Some(p) => Ok(p.mapping.clone()),
        None => {
            let t = a[0].class().name();
            Err(vm.new_type_error(format!(
                "descriptor '{name}' for 'mappingproxy' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// `mappingproxy(mapping)`: anything with `__getitem__` except lists and
/// tuples (sequences are not mappings).
fn mp_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = args.skip_self().bind(vm, "mappingproxy", &["mapping"], 0)?;
    let Some(mapping) = bound.into_iter().next().flatten() else {
        return Err(vm.new_type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    let t = mapping.class();
    let sequence = mapping.as_tuple().is_some() || mapping.downcast_ref::<crate::types::list::PyList>().is_some();
    if sequence || t.lookup("__getitem__").is_none() {
        return Err(vm.new_type_error(format!("mappingproxy() argument must be a mapping, not {}", t.name())));
    }
    Ok(new_mappingproxy(mapping))
}

fn mp_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, &args, "__getitem__", 2)?;
    vm.get_item(&m, &args.pos[1])
}

fn mp_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, &args, "__contains__", 2)?;
    Ok(bool_value(vm.contains(&m, &args.pos[1])?))
}

fn mp_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, &args, "__len__", 1)?;
    let n = vm.len(&m)?;
    Ok(crate::types::int::int_from_i64(n as i64))
}

fn mp_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, &args, "__iter__", 1)?;
    vm.iter(&m)
}

fn mp_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "get", 2, 3)?;
    let m = this(vm, &Args::positional(&a[..1]), "get", 1)?;
    let default = a.get(2).cloned().unwrap_or_else(none);
    vm.call_method(&m, "get", &[a[1].clone(), default])
}

/// `keys`, `values`, `items`, `copy` and `__reversed__` call the mapping's
/// method of the same name.
fn forward(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let m = this(vm, &args, name, 1)?;
    vm.call_method(&m, name, &[])
}

fn mp_keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    forward(vm, args, "keys")
}

fn mp_values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    forward(vm, args, "values")
}

fn mp_items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    forward(vm, args, "items")
}

fn mp_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    forward(vm, args, "copy")
}

fn mp_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    forward(vm, args, "__reversed__")
}

fn mp_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, &args, "__repr__", 1)?;
    let inner = vm.repr_string(&m)?;
    Ok(new_str(format!("mappingproxy({inner})")))
}

fn mp_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, &args, "__str__", 1)?;
    vm.str(&m)
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let a = args.exact(vm, name, 2)?;
    let m = this(vm, &Args::positional(&a[..1]), name, 1)?;
    vm.rich_compare(&m, &a[1], op)
}

fn mp_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}
fn mp_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}
fn mp_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}
fn mp_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}
fn mp_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}
fn mp_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

/// The mapping behind `v` when it is a proxy, else `v` itself.
fn unwrap(v: &Value) -> Value {
    match v.downcast_ref::<PyMappingProxy>() {
        Some(p) => p.mapping.clone(),
        None => v.clone(),
    }
}

/// `a | b` where either side may be a proxy: the union of the mappings.
fn mp_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__or__", 2)?;
    vm.binary_op(&unwrap(&a[0]), &unwrap(&a[1]), BinaryOp::Or)
}

fn mp_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__ror__", 2)?;
    if a[1].downcast_ref::<PyMappingProxy>().is_some() {
        return Ok(not_implemented());
    }
    vm.binary_op(&a[1], &unwrap(&a[0]), BinaryOp::Or)
}

/// `proxy |= x` is refused: the view is read-only.
fn mp_ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "__ior__", 2)?;
    Err(vm.new_type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

pub(crate) fn install(types: &crate::types::Types) {
    let t = PyType::new_builtin::<PyMappingProxy>("mappingproxy", Some(types.object), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    MAPPINGPROXY_TYPE.set(t);
    let t = MAPPINGPROXY_TYPE.get();
    add_method_kind(t, "__new__", mp_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__getitem__", mp_getitem),
            ("__contains__", mp_contains),
            ("__len__", mp_len),
            ("__iter__", mp_iter),
            ("get", mp_get),
            ("keys", mp_keys),
            ("values", mp_values),
            ("items", mp_items),
            ("copy", mp_copy),
            ("__reversed__", mp_reversed),
            ("__repr__", mp_repr),
            ("__str__", mp_str),
            ("__eq__", mp_eq),
            ("__ne__", mp_ne),
            ("__lt__", mp_lt),
            ("__le__", mp_le),
            ("__gt__", mp_gt),
            ("__ge__", mp_ge),
            ("__or__", mp_or),
            ("__ror__", mp_ror),
            ("__ior__", mp_ior),
        ],
    );
    // Unhashable, like the dicts it shows.
    t.dict().set_str_key(crate::intern::intern("__hash__"), none());
}
