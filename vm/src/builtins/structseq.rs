//! Struct sequences: tuple subclasses whose items also have names
//! (`sys.version_info.major`, `time.gmtime().tm_year`), as CPython's
//! `PyStructSequence`.
//!
//! A struct sequence type is a heap type whose layout is `tuple`'s, so every
//! tuple operation (indexing, slicing, comparison, hashing, unpacking)
//! applies. Each field is a read-only `property` whose getter is a native
//! function bound to the field's index. The field names are kept in the
//! type's `__match_args__`, which `__repr__` reads. Instances never change.

use crate::function::args::Args;
use crate::function::descriptors::PyProperty;
use crate::function::native::{add_method_kind, add_methods, MethodKind, PyNativeFunction};
use crate::intern::intern;
use crate::object::{Locked, PyRef};
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, PyTuple, TUPLE_TYPE};
use crate::types::type_::{flags, PyType, TypeSpec, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Creates the struct sequence type `module.name` with `fields`.
pub fn new_struct_seq_type(module: &str, name: &str, fields: &[&'static str]) -> PyRef<PyType> {
    let tuple = TUPLE_TYPE.get();
    let dict = PyDict::new_ref();
    dict.set_str_key(intern("__module__"), new_str(module));
    dict.set_str_key(intern("__doc__"), none());
    let names: Vec<Value> = fields.iter().map(|f| new_str(*f)).collect();
    dict.set_str_key(intern("__match_args__"), new_tuple(names));
    let n = int_from_i64(fields.len() as i64);
    dict.set_str_key(intern("n_fields"), n.clone());
    dict.set_str_key(intern("n_sequence_fields"), n);
    dict.set_str_key(intern("n_unnamed_fields"), int_from_i64(0));
    for (i, field) in fields.iter().enumerate() {
        let mut getter = PyNativeFunction::new(field, field_getter);
        getter.bound = Some(int_from_i64(i as i64));
        let prop = PyProperty {
            fget: Locked::new(Some(PyRef::new(getter).into_value())),
            fset: Locked::new(None),
            fdel: Locked::new(None),
            doc: Locked::new(None),
            name: Locked::new(Some(new_str(*field))),
        };
        dict.set_str_key(intern(field), PyRef::new(prop).into_value());
    }
    let spec = TypeSpec {
        name: name.to_string(),
        qualname: name.to_string(),
        flags: flags::SEQUENCE,
        base: Some(tuple.clone()),
        bases: vec![tuple.clone()],
        slot_names: Vec::new(),
    };
    let mro = tuple.mro();
    let t = PyType::new_heap(TYPE_TYPE.get(), spec, tuple.payload_ref(), mro, dict);
    add_methods(&t, &[("__repr__", struct_seq_repr), ("__init__", struct_seq_init)]);
    add_method_kind(&t, "__new__", struct_seq_new, MethodKind::Static);
    t
}

/// A new instance of struct sequence type `cls` (one value per field).
pub fn new_struct_seq(cls: &PyRef<PyType>, values: Vec<Value>) -> Value {
    PyRef::new_with_type(PyTuple::new(values), cls).into_value()
}

/// `module.name` of a struct sequence type, as its repr shows it.
fn full_name(t: &PyType) -> String {
    match t.dict().get_str("__module__").as_ref().and_then(|m| m.as_str()) {
        Some(m) if m != "builtins" => format!("{m}.{}", t.name()),
        _ => t.name(),
    }
}

fn field_names(t: &PyType) -> Vec<String> {
    match t.lookup("__match_args__") {
        Some(v) => match v.as_tuple() {
            Some(items) => items.iter().filter_map(|s| s.as_str().map(str::to_string)).collect(),
            None => Vec::new(),
        },
        None => Vec::new(),
    }
}

/// The getter of field `i`: called as `(i, self)` through the bound index.
fn field_getter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let index = args.pos.first().and_then(|v| v.as_small_int());
    let item = match (index, args.pos.get(1)) {
        (Some(i), Some(obj)) => obj.as_tuple().and_then(|t| t.get(i as usize).cloned()),
        _ => None,
    };
    match item {
        Some(v) => Ok(v),
        None => Err(vm.new_type_error("struct sequence field getter needs an instance")),
    }
}

/// `repr(seq)`: `sys.version_info(major=3, minor=11, ...)`.
fn struct_seq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let obj = &a[0];
    let cls = obj.class_ref();
    let names = field_names(&cls);
    let items = obj.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut out = format!("{}(", full_name(&cls));
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match names.get(i) {
            Some(n) => out.push_str(n),
            None => out.push_str(&format!("field{i}")),
        }
        out.push('=');
        out.push_str(&vm.repr_string(v)?);
    }
    out.push(')');
    Ok(new_str(out))
}

/// `cls(sequence)`: a struct sequence from exactly as many values as it
/// has fields.
fn struct_seq_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("structseq.__new__(X): X is not a type object"));
    };
    let s = args.skip_self().bind(vm, &full_name(&cls), &["sequence", "dict"], 0)?;
    let Some(seq) = s.into_iter().next().flatten() else {
        let name = full_name(&cls);
        return Err(vm.new_type_error(format!("{name}() missing required argument 'sequence' (pos 1)")));
    };
    let items = vm.collect(&seq)?;
    let n = field_names(&cls).len();
    if items.len() != n {
        let name = full_name(&cls);
        return Err(vm.new_type_error(format!("{name}() takes a {n}-sequence ({}-sequence given)", items.len())));
    }
    Ok(new_struct_seq(&cls, items))
}

/// Accepts the constructor's arguments (`__new__` did the work).
fn struct_seq_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(none())
}
