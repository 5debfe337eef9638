//! General builtins: attributes, identity, type tests, iteration helpers,
//! text (`repr`, `ascii`, `chr`, `ord`, `format`) and namespaces (`dir`,
//! `vars`, `globals`, `locals`).
//!
//! `isinstance`/`issubclass` follow CPython's `PyObject_IsInstance` /
//! `PyObject_IsSubclass`: an exact `type` argument is decided by the MRO;
//! tuples recurse (bounded by the recursion limit); otherwise the
//! metaclass's `__instancecheck__` / `__subclasscheck__` runs, and objects
//! that are not types but have a `__bases__` tuple are walked abstractly.

use num_bigint::BigInt;

use crate::builtins::{builtin_base_name, escape_non_ascii};
use crate::function::args::Args;
use crate::function::method::PyBoundMethod;
use crate::function::native::{PyMethodDescriptor, PyNativeFunction};
use crate::function::{PyCell, PyFunction};
use crate::intern::intern;
use crate::object::{Locked, PyRef};
use crate::protocol::attr::instance_dict;
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::generator::PyGenerator;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::iterators::{as_native_iterator, PyCallableIter};
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none};
use crate::types::str::{new_str, PyStr};
use crate::types::type_::{PyType, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ---- attributes --------------------------------------------------------------

/// Checks that an attribute name is a `str`, with CPython's message.
fn check_attr_name(vm: &mut Vm, name: &Value) -> PyResult<()> {
    if name.downcast_ref::<PyStr>().is_none() {
        let t = name.class().name();
        return Err(vm.new_type_error(format!("attribute name must be string, not '{t}'")));
    }
    Ok(())
}

/// `getattr(object, name[, default])`.
pub fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "getattr", 2, 3)?;
    check_attr_name(vm, &a[1])?;
    if a.len() == 3 {
        return Ok(vm.lookup_attr(&a[0], &a[1])?.unwrap_or_else(|| a[2].clone()));
    }
    vm.get_attr(&a[0], &a[1])
}

/// `hasattr(object, name)`: only `AttributeError` means "no".
pub fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "hasattr", 2)?;
    check_attr_name(vm, &a[1])?;
    Ok(bool_value(vm.lookup_attr(&a[0], &a[1])?.is_some()))
}

/// `setattr(object, name, value)`.
pub fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setattr", 3)?;
    check_attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &a[1], Some(a[2].clone()))?;
    Ok(none())
}

/// `delattr(object, name)`.
pub fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "delattr", 2)?;
    check_attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &a[1], None)?;
    Ok(none())
}

// ---- identity and hashing ----------------------------------------------------

/// `id(object)`: the value's word, which is unique among live values.
pub fn builtin_id(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "id", 1)?;
    Ok(int_from_bigint(BigInt::from(a[0].raw_word())))
}

/// `hash(object)`.
pub fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "hash", 1)?;
    let h = vm.hash(&a[0])?;
    Ok(int_from_i64(h))
}

/// Whether `v` can be called (`callable(v)`).
pub fn is_callable(v: &Value) -> bool {
    if v.is_small_int() {
        return false;
    }
    if v.downcast_ref::<PyFunction>().is_some()
        || v.downcast_ref::<PyNativeFunction>().is_some()
        || v.downcast_ref::<PyMethodDescriptor>().is_some()
        || v.downcast_ref::<PyBoundMethod>().is_some()
        || v.downcast_ref::<PyType>().is_some()
    {
        return true;
    }
    v.class().lookup("__call__").is_some_and(|f| !f.is_none())
}

/// `callable(object)`.
pub fn builtin_callable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "callable", 1)?;
    Ok(bool_value(is_callable(&a[0])))
}

// ---- isinstance / issubclass -------------------------------------------------

/// `isinstance(obj, class_or_tuple)`.
pub fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "isinstance", 2)?;
    Ok(bool_value(isinstance(vm, &a[0], &a[1])?))
}

/// `issubclass(cls, class_or_tuple)`.
pub fn builtin_issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "issubclass", 2)?;
    Ok(bool_value(issubclass(vm, &a[0], &a[1])?))
}

/// `isinstance(inst, cls)` with CPython's semantics.
pub fn isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    isinstance_depth(vm, inst, cls, 0)
}

/// `issubclass(derived, cls)` with CPython's semantics.
pub fn issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    issubclass_depth(vm, derived, cls, 0)
}

fn check_nesting(vm: &mut Vm, depth: usize) -> PyResult<()> {
    if depth > crate::interp::eval::recursion_limit() {
        return Err(
            vm.new_exception_msg(&exc().recursion_error, "maximum recursion depth exceeded in __instancecheck__")
        );
    }
    Ok(())
}

/// The metaclass hook `name` of `cls`, unless it is `type`'s own (which
/// would just do the default check).
fn metaclass_hook(cls: &Value, name: &str) -> Option<Value> {
    let f = cls.class().lookup(name)?;
    if let Some(d) = f.downcast_ref::<PyMethodDescriptor>() {
        if d.owner.is(TYPE_TYPE.get()) {
            return None;
        }
    }
    Some(f)
}

fn isinstance_depth(vm: &mut Vm, inst: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if let Some(t) = cls.downcast_ref::<PyType>() {
        if std::ptr::eq(inst.class(), t) {
            return Ok(true);
        }
    }
    if cls.is_exact(TYPE_TYPE.get()) {
        return recursive_isinstance(vm, inst, cls);
    }
    if let Some(items) = cls.as_tuple() {
        check_nesting(vm, depth)?;
        for item in items {
            if isinstance_depth(vm, inst, item, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(hook) = metaclass_hook(cls, "__instancecheck__") {
        check_nesting(vm, depth)?;
        let r = vm.call_unbound(&hook, cls, &[cls.clone(), inst.clone()])?;
        return vm.truthy(&r);
    }
    recursive_isinstance(vm, inst, cls)
}

pub(crate) fn recursive_isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = cls.downcast_ref::<PyType>() {
        if inst.class().is_subtype(t) {
            return Ok(true);
        }
        // A class may lie about `__class__` (proxies, mocks).
        let it = inst.class();
        if it.is_heap_type() || it.has_flag(crate::types::type_::flags::CUSTOM_GETATTRIBUTE) {
            if let Some(c) = vm.get_attr_opt(inst, "__class__")? {
                if let Some(ct) = c.downcast_ref::<PyType>() {
                    if !std::ptr::eq(ct, inst.class()) {
                        return Ok(ct.is_subtype(t));
                    }
                }
            }
        }
        return Ok(false);
    }
    if !check_class(vm, cls)? {
        return Err(vm.new_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    match vm.get_attr_opt(inst, "__class__")? {
        Some(icls) => abstract_issubclass(vm, &icls, cls),
        None => Ok(false),
    }
}

fn issubclass_depth(vm: &mut Vm, derived: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if cls.is_exact(TYPE_TYPE.get()) {
        if derived.is(cls) {
            return Ok(true);
        }
        return recursive_issubclass(vm, derived, cls);
    }
    if let Some(items) = cls.as_tuple() {
        check_nesting(vm, depth)?;
        for item in items {
            if issubclass_depth(vm, derived, item, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(hook) = metaclass_hook(cls, "__subclasscheck__") {
        check_nesting(vm, depth)?;
        let r = vm.call_unbound(&hook, cls, &[cls.clone(), derived.clone()])?;
        return vm.truthy(&r);
    }
    recursive_issubclass(vm, derived, cls)
}

pub(crate) fn recursive_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (derived.downcast_ref::<PyType>(), cls.downcast_ref::<PyType>()) {
        return Ok(d.is_subtype(c));
    }
    if !check_class(vm, derived)? {
        return Err(vm.new_type_error("issubclass() arg 1 must be a class"));
    }
    if !check_class(vm, cls)? {
        return Err(vm.new_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    abstract_issubclass(vm, derived, cls)
}

/// `x.__bases__` if it is a tuple (the "abstract class" protocol).
fn abstract_get_bases(vm: &mut Vm, x: &Value) -> PyResult<Option<Vec<Value>>> {
    match vm.get_attr_opt(x, "__bases__")? {
        Some(b) => Ok(b.as_tuple().map(|t| t.to_vec())),
        None => Ok(None),
    }
}

fn check_class(vm: &mut Vm, x: &Value) -> PyResult<bool> {
    if x.downcast_ref::<PyType>().is_some() {
        return Ok(true);
    }
    Ok(abstract_get_bases(vm, x)?.is_some())
}

fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut derived = derived.clone();
    let mut depth = 0usize;
    loop {
        if derived.is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_get_bases(vm, &derived)? else {
            return Ok(false);
        };
        match bases.len() {
            0 => return Ok(false),
            1 => {
                // Iterate instead of recursing for single inheritance.
                derived = bases[0].clone();
                depth += 1;
                check_nesting(vm, depth)?;
            }
            _ => {
                check_nesting(vm, depth)?;
                for b in &bases {
                    if abstract_issubclass(vm, b, cls)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

// ---- iteration ---------------------------------------------------------------

/// `iter(object)` or `iter(callable, sentinel)`.
pub fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "iter", 1, 2)?;
    if a.len() == 1 {
        return vm.iter(&a[0]);
    }
    if !is_callable(&a[0]) {
        return Err(vm.new_type_error("iter(v, w): v must be callable"));
    }
    let it = PyCallableIter { callable: Locked::new(Some(a[0].clone())), sentinel: a[1].clone() };
    Ok(PyRef::new(it).into_value())
}

/// `next(iterator[, default])`. Unlike `Vm::next`, a `StopIteration`
/// raised by `__next__` propagates unchanged (with its `value`).
pub fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "next", 1, 2)?;
    let it = &a[0];
    // Generators go through `__next__`, whose `StopIteration` carries the
    // return value.
    let native = match it.downcast_ref::<PyGenerator>() {
        Some(_) => None,
        None => as_native_iterator(it),
    };
    let r = if let Some(n) = native {
        n.next(vm)
    } else {
        match it.class().lookup("__next__") {
            Some(f) => vm.call_unbound(&f, it, std::slice::from_ref(it)).map(Some),
            None => {
                let t = it.class().name();
                return Err(vm.new_type_error(format!("'{t}' object is not an iterator")));
            }
        }
    };
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_stop_iteration(None)),
        },
        Err(e) if a.len() == 2 && vm.err_matches(&e, &exc().stop_iteration) => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

/// `all(iterable)`.
pub fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "all", 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(bool_value(false));
        }
    }
    Ok(bool_value(true))
}

/// `any(iterable)`.
pub fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "any", 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(bool_value(true));
        }
    }
    Ok(bool_value(false))
}

/// `len(object)`.
pub fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "len", 1)?;
    let n = vm.len(&a[0])?;
    Ok(int_from_i64(n as i64))
}

// ---- text ----------------------------------------------------------------------

/// `repr(object)`.
pub fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "repr", 1)?;
    vm.repr(&a[0])
}

/// `ascii(object)`.
pub fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "ascii", 1)?;
    let r = vm.repr(&a[0])?;
    let s = r.as_str().unwrap_or("");
    if s.is_ascii() {
        return Ok(r);
    }
    Ok(new_str(escape_non_ascii(s)))
}

/// `format(value[, format_spec])`.
pub fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "format", 1, 2)?;
    let spec = match a.get(1) {
        Some(s) if s.downcast_ref::<PyStr>().is_some() => s.clone(),
        Some(s) => {
            let t = s.class().name();
            return Err(vm.new_type_error(format!("format() argument 2 must be str, not {t}")));
        }
        None => intern(""),
    };
    vm.format(&a[0], &spec)
}

/// `chr(i)`.
pub fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "chr", 1)?;
    let i = vm.index(&a[0])?;
    let Some(i) = i.as_i64().filter(|i| i32::try_from(*i).is_ok()) else {
        return Err(vm.new_overflow_error("Python int too large to convert to C int"));
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.new_value_error("chr() arg not in range(0x110000)"));
    }
    Ok(crate::types::str::str_from_code_point(i as u32))
}

/// `ord(c)` for a one-character `str` or a one-byte `bytes`/`bytearray`.
pub fn builtin_ord(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "ord", 1)?;
    let v = &a[0];
    if let Some(s) = v.downcast_ref::<PyStr>() {
        if s.char_len() == 1 {
            return Ok(int_from_i64(s.code_point_at(0) as i64));
        }
        let n = s.char_len();
        return Err(vm.new_type_error(format!("ord() expected a character, but string of length {n} found")));
    }
    let base = builtin_base_name(v);
    if base == "bytes" || base == "bytearray" {
        let n = vm.len(v)?;
        if n == 1 {
            return vm.get_item(v, &int_from_i64(0));
        }
        return Err(vm.new_type_error(format!("ord() expected a character, but string of length {n} found")));
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("ord() expected string of length 1, but {t} found")))
}

// ---- namespaces ----------------------------------------------------------------

/// The globals of the Python frame that is running (the caller of a
/// builtin), or `__main__`'s when no frame is running.
pub fn current_globals(vm: &mut Vm) -> Value {
    if let Some(f) = vm.frames.frames.last() {
        return f.globals().to_value();
    }
    if crate::vm::interp_ready() {
        if let Some(m) = crate::vm::interp().modules.get_str("__main__") {
            if let Some(m) = m.downcast_ref::<PyModule>() {
                return m.dict.to_value();
            }
        }
    }
    PyDict::new_ref().into_value()
}

/// The locals of the running Python frame: the mapping of a module or
/// class body, or a fresh snapshot dict of a function's fast locals
/// (cells dereferenced, unbound names left out), as CPython 3.11 returns.
pub fn current_locals(vm: &mut Vm) -> Value {
    let Some(f) = vm.frames.frames.last() else {
        return current_globals(vm);
    };
    if let Some(l) = &f.locals {
        return l.clone();
    }
    let code = f.code().clone();
    let base = f.base;
    let d = PyDict::new_ref();
    for (i, name) in code.localsplus_names.iter().enumerate() {
        let Some(v) = vm.frames.values.get(base + i).cloned().flatten() else {
            continue;
        };
        let v = if code.co.localsplus_kinds.get(i).is_some_and(|k| {
            k & (skein_compiler::bytecode::LocalKind::CELL | skein_compiler::bytecode::LocalKind::FREE) != 0
        }) {
            match v.downcast_ref::<PyCell>() {
                Some(c) => match c.get() {
                    Some(x) => x,
                    None => continue,
                },
                None => v,
            }
        } else {
            v
        };
        d.set_str_key(name.clone(), v);
    }
    d.into_value()
}

/// `globals()`.
pub fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "globals", 0)?;
    Ok(current_globals(vm))
}

/// `locals()`.
pub fn builtin_locals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "locals", 0)?;
    Ok(current_locals(vm))
}

/// `vars([object])`.
pub fn builtin_vars(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "vars", 0, 1)?;
    let Some(obj) = a.first() else {
        return Ok(current_locals(vm));
    };
    if let Some(d) = vm.get_attr_opt(obj, "__dict__")? {
        return Ok(d);
    }
    if let Some(d) = instance_dict(obj, true) {
        return Ok(d.into_value());
    }
    if let Some(t) = obj.downcast_ref::<PyType>() {
        return Ok(t.dict().to_value());
    }
    Err(vm.new_type_error("vars() argument must have __dict__ attribute"))
}

/// `dir([object])`: `type(obj).__dir__(obj)` sorted, or a default listing
/// (module dict; a class's MRO dicts; an instance's dict plus its class's).
pub fn builtin_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "dir", 0, 1)?;
    let names: Vec<Value> = match a.first() {
        None => {
            let l = current_locals(vm);
            match l.downcast_ref::<PyDict>() {
                Some(d) => d.keys(),
                None => {
                    let keys = vm.call_method(&l, "keys", &[])?;
                    vm.collect(&keys)?
                }
            }
        }
        Some(obj) => match vm.call_special(obj, "__dir__", &[])? {
            Some(r) => vm.collect(&r)?,
            None => default_dir(vm, obj)?,
        },
    };
    let mut items = names;
    crate::builtins::sort::sort_values(vm, &mut items, None, false)?;
    Ok(new_list(items))
}

/// The attribute names `dir()` lists when the type has no `__dir__`.
pub fn default_dir(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut add_keys = |keys: Vec<Value>, out: &mut Vec<Value>| {
        for k in keys {
            if let Some(s) = k.as_str() {
                if seen.insert(s.to_string()) {
                    out.push(k.clone());
                }
            }
        }
    };
    if let Some(m) = obj.downcast_ref::<PyModule>() {
        add_keys(m.dict.keys(), &mut out);
        return Ok(out);
    }
    if let Some(t) = obj.downcast_ref::<PyType>() {
        for c in t.mro() {
            add_keys(c.dict().keys(), &mut out);
        }
        return Ok(out);
    }
    if let Some(d) = instance_dict(obj, false) {
        add_keys(d.keys(), &mut out);
    }
    let cls = match vm.get_attr_opt(obj, "__class__")? {
        Some(c) if c.downcast_ref::<PyType>().is_some() => c,
        _ => obj.class().to_value(),
    };
    if let Some(t) = cls.downcast_ref::<PyType>() {
        for c in t.mro() {
            add_keys(c.dict().keys(), &mut out);
        }
    }
    Ok(out)
}
