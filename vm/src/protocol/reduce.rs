//! The pickle reduce protocol of `object`: `__reduce_ex__`, `__reduce__`
//! and `__getstate__`, as CPython's `typeobject.c` with `copyreg` does.
//!
//! `object.__reduce_ex__(protocol)` defers to a `__reduce__` a class
//! overrides; otherwise protocol 2 and later describe the object as
//! `copyreg.__newobj__(cls, *args)` plus its state and, for list and dict
//! subclasses, their items; older protocols as
//! `copyreg._reconstructor(cls, base, base_state)` plus the instance dict.
//! The rebuild functions are those of the `copyreg` module (vm/lib/copyreg.py),
//! looked up there as CPython does, so that a pickle can name them and
//! find the same objects again.
//!
//! An object whose class (first builtin base) keeps state Python cannot
//! see, such as a generator, cannot be described without arguments, and
//! raises `TypeError: cannot pickle 'X' object` as CPython does. The
//! immutable builtins that CPython gives a `__getnewargs__` (int, str,
//! tuple, ...) are described by their value.

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::singletons::none;
use crate::types::tuple::new_tuple;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Adds `__reduce_ex__`, `__reduce__` and `__getstate__` to `object`.
pub(crate) fn install() {
    let object = crate::types::builtin_types().object;
    add_methods(
        object,
        &[("__reduce_ex__", object_reduce_ex), ("__reduce__", object_reduce), ("__getstate__", object_getstate)],
    );
}

fn object_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "__reduce_ex__")?;
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.new_type_error(format!("object.__reduce_ex__() takes exactly one argument ({n} given)")));
    }
    let this = &args.pos[0];
    let protocol = vm.index_isize(&args.pos[1])?;
    let object = crate::types::builtin_types().object;
    let own = object.dict().get_str("__reduce__");
    if let Some(r) = this.class().lookup("__reduce__") {
        if !own.as_ref().is_some_and(|o| o.is(&r)) {
            return vm.call_method(this, "__reduce__", &[]);
        }
    }
    if protocol >= 2 {
        reduce_newobj(vm, this)
    } else {
        reduce_old(vm, this)
    }
}

fn object_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__reduce__", 1)?;
    reduce_old(vm, &a[0])
}

fn object_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__getstate__", 1)?;
    default_state(vm, &a[0], false)
}

/// The first builtin type in the MRO of `cls` (what holds its payload).
fn solid_base(cls: &PyType) -> PyRef<PyType> {
    let mro = cls.mro();
    let object = crate::types::builtin_types().object.clone();
    mro.into_iter().find(|t| !t.is_heap_type()).unwrap_or(object)
}

/// Builtin immutable types whose value rebuilds them (CPython's
/// `__getnewargs__` of int, float, complex, str, bytes, tuple, frozenset).
fn value_type(base: &PyRef<PyType>) -> bool {
    let t = crate::types::builtin_types();
    [t.int, t.float, t.complex, t.str_, t.bytes, t.tuple, t.frozenset].iter().any(|x| base.is(x))
}

/// `(args, kwargs)` from `__getnewargs_ex__` or `__getnewargs__`; None when
/// the object has neither.
fn new_args(vm: &mut Vm, obj: &Value) -> PyResult<Option<(Vec<Value>, Option<PyRef<PyDict>>)>> {
    if let Some(f) = vm.get_attr_opt(obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, &[])?;
        let Some(t) = r.as_tuple().map(|t| t.to_vec()) else {
            let n = r.class().name();
            return Err(vm.new_type_error(format!("__getnewargs_ex__ should return a tuple, not '{n}'")));
        };
        if t.len() != 2 {
            let n = t.len();
            return Err(vm.new_type_error(format!("__getnewargs_ex__ should return a tuple of length 2, not {n}")));
        }
        let Some(args) = t[0].as_tuple().map(|a| a.to_vec()) else {
            let n = t[0].class().name();
            return Err(vm.new_type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{n}'"
            )));
        };
        let Some(kwargs) = t[1].downcast::<PyDict>() else {
            let n = t[1].class().name();
            return Err(vm.new_type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{n}'"
            )));
        };
        return Ok(Some((args, Some(kwargs))));
    }
    if let Some(f) = vm.get_attr_opt(obj, "__getnewargs__")? {
        let r = vm.call(&f, &[])?;
        let Some(args) = r.as_tuple().map(|t| t.to_vec()) else {
            let n = r.class().name();
            return Err(vm.new_type_error(format!("__getnewargs__ should return a tuple, not '{n}'")));
        };
        return Ok(Some((args, None)));
    }
    let base = solid_base(obj.class());
    if base.is(crate::types::builtin_types().complex) {
        // complex.__getnewargs__ is (real, imag): the value itself would
        // describe the object by itself again.
        let real = vm.get_attr_str(obj, "real")?;
        let imag = vm.get_attr_str(obj, "imag")?;
        return Ok(Some((vec![real, imag], None)));
    }
    if value_type(&base) {
        let v = vm.call(&base.to_value(), &[obj.clone()])?;
        return Ok(Some((vec![v], None)));
    }
    Ok(None)
}

/// Names of the `__slots__` along the MRO, private names mangled, as
/// `copyreg._slotnames` lists them.
fn slot_names(cls: &PyType) -> Vec<String> {
    let mut names = Vec::new();
    for t in cls.mro() {
        let Some(slots) = t.dict().get_str("__slots__") else { continue };
        let items = match slots.as_str() {
            Some(s) => vec![s.to_string()],
            None => {
                let vals = match slots.as_tuple() {
                    Some(t) => t.to_vec(),
                    None => {
                        slots.downcast_ref::<crate::types::list::PyList>().map(|l| l.snapshot()).unwrap_or_default()
                    }
                };
                vals.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
            }
        };
        for n in items {
            if n == "__dict__" || n == "__weakref__" {
                continue;
            }
            if n.starts_with("__") && !n.ends_with("__") {
                let owner = t.name();
                let stripped = owner.trim_start_matches('_');
                if !stripped.is_empty() {
                    names.push(format!("_{stripped}{n}"));
                    continue;
                }
            }
            names.push(n);
        }
    }
    names
}

/// The object's state: its own `__getstate__`, or the default (the
/// instance dict, or None, paired with the set slots if there are any).
fn state_of(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let object = crate::types::builtin_types().object;
    let own = object.dict().get_str("__getstate__");
    if let Some(g) = obj.class().lookup("__getstate__") {
        if !own.as_ref().is_some_and(|o| o.is(&g)) {
            return vm.call_method(obj, "__getstate__", &[]);
        }
    }
    default_state(vm, obj, required)
}

fn default_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let cls = obj.class();
    if required {
        let base = solid_base(cls);
        if !base.is(crate::types::builtin_types().object) {
            let n = tp_name(cls);
            return Err(vm.new_type_error(format!("cannot pickle '{n}' object")));
        }
    }
    let dict = crate::object::alloc::instance_ext(obj).and_then(|e| e.dict_if_any()).filter(|d| !d.is_empty());
    let mut state = match dict {
        Some(d) => d.into_value(),
        None => none(),
    };
    let names = slot_names(cls);
    if !names.is_empty() {
        let slots = PyDict::new_ref();
        for n in names {
            if let Some(v) = vm.get_attr_opt(obj, &n)? {
                slots.set_str_key(crate::intern::intern(&n), v);
            }
        }
        if !slots.is_empty() {
            state = new_tuple(vec![state, slots.into_value()]);
        }
    }
    Ok(state)
}

/// Protocol 2+: `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let cls = obj.class_ref().into_value();
    let found = new_args(vm, obj)?;
    let has_args = found.is_some();
    let (args, kwargs) = found.unwrap_or_default();
    let (func, func_args) = match kwargs.filter(|k| !k.is_empty()) {
        None => {
            let mut v = vec![cls];
            v.extend(args);
            (copyreg_attr(vm, "__newobj__")?, new_tuple(v))
        }
        Some(k) => (copyreg_attr(vm, "__newobj_ex__")?, new_tuple(vec![cls, new_tuple(args), k.into_value()])),
    };
    let t = crate::types::builtin_types();
    let is_list = obj.class().is_subtype(t.list);
    let is_dict = obj.class().is_subtype(t.dict);
    let state = state_of(vm, obj, !has_args && !is_list && !is_dict)?;
    let list_items = if is_list { vm.iter(obj)? } else { none() };
    let dict_items = if is_dict {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(&items)?
    } else {
        none()
    };
    Ok(new_tuple(vec![func, func_args, state, list_items, dict_items]))
}

/// Protocols 0 and 1, as `copyreg._reduce_ex`.
fn reduce_old(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let cls = obj.class_ref();
    let base = solid_base(&cls);
    let object = crate::types::builtin_types().object;
    let base_state = if base.is(object) {
        none()
    } else if base.is(&cls) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("cannot pickle '{n}' object")));
    } else {
        vm.call(&base.to_value(), &[obj.clone()])?
    };
    let own = object.dict().get_str("__getstate__");
    let default_getstate = cls.lookup("__getstate__").is_none_or(|g| own.as_ref().is_some_and(|o| o.is(&g)));
    if default_getstate {
        if let Some(slots) = vm.get_attr_opt(obj, "__slots__")? {
            if vm.truthy(&slots)? {
                return Err(
                    vm.new_type_error("a class that defines __slots__ without defining __getstate__ cannot be pickled")
                );
            }
        }
    }
    let state = vm.call_method(obj, "__getstate__", &[])?;
    let func = copyreg_attr(vm, "_reconstructor")?;
    let args = new_tuple(vec![cls.into_value(), base.into_value(), base_state]);
    if vm.truthy(&state)? {
        Ok(new_tuple(vec![func, args, state]))
    } else {
        Ok(new_tuple(vec![func, args]))
    }
}

/// CPython's `tp_name`, which the protocol 2+ message shows: a native
/// class of a module other than builtins is `module.name` (`_thread.lock`).
fn tp_name(cls: &PyType) -> String {
    let name = cls.name();
    if cls.is_heap_type() {
        return name.to_string();
    }
    match cls.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string)) {
        Some(module) if module != "builtins" => format!("{module}.{name}"),
        _ => name.to_string(),
    }
}

/// `copyreg.<name>`, importing `copyreg` the first time.
fn copyreg_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let copyreg = crate::import::load_module(vm, "copyreg")?;
    vm.get_attr_str(&copyreg, name)
}
