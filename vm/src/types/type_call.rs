//! Calling a type (`cls(...)`: `__new__` then `__init__`), creating classes
//! (`type(name, bases, ns)`, `__build_class__`), and the methods of
//! `object` and `type`.

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::intern::intern;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::type_::{flags, PyType, TypeSpec};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `cls(*args, **kwargs)`.
pub fn call_type(vm: &mut Vm, cls: &PyRef<PyType>, args: Args<'_>) -> PyResult<Value> {
    let cls_v = cls.to_value();
    // type(x) with one argument.
    if cls.is(crate::types::type_::TYPE_TYPE.get()) && args.pos.len() == 1 && !args.has_kwargs() {
        return Ok(args.pos[0].class_ref().into_value());
    }
    let Some(new) = cls.lookup("__new__") else {
        return Err(vm.new_type_error(format!("cannot create '{}' instances", cls.name())));
    };
    let mut owned = args.to_owned();
    owned.prepend(cls_v.clone());
    let new = vm.descr_get(&new, None, &cls_v)?;
    let obj = vm.call_args(&new, owned.as_args())?;
    if !obj.class().is_subtype(cls) {
        return Ok(obj);
    }
    if let Some(init) = obj.class().lookup("__init__") {
        let mut a = args.to_owned();
        a.prepend(obj.clone());
        let r = vm.call_unbound_args(&init, &obj, a.as_args())?;
        if !r.is_none() {
            return Err(vm.new_type_error(format!("__init__() should return None, not '{}'", r.class().name())));
        }
    }
    Ok(obj)
}

/// Sets the fast-path flags for special methods defined on a class.
pub fn update_special_flags(t: &PyType, name: &str) {
    let defined = |n: &str| {
        t.lookup(n).is_some_and(|v| v.downcast_ref::<crate::function::native::PyMethodDescriptor>().is_none())
    };
    match name {
        "__getattribute__" => t.set_flag(flags::CUSTOM_GETATTRIBUTE, defined("__getattribute__")),
        "__getattr__" => t.set_flag(flags::HAS_GETATTR, t.lookup("__getattr__").is_some()),
        "__setattr__" | "__delattr__" => {
            t.set_flag(flags::CUSTOM_SETATTR, defined("__setattr__") || defined("__delattr__"))
        }
        _ => {}
    }
}

/// C3 linearisation of `bases`.
fn c3_mro(vm: &mut Vm, name: &str, bases: &[PyRef<PyType>]) -> PyResult<Vec<PyRef<PyType>>> {
    let mut seqs: Vec<Vec<PyRef<PyType>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<PyRef<PyType>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head))) {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name()).collect();
            let _ = name;
            return Err(vm.new_type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `type(name, bases, ns)` for metaclass `meta`.
pub fn new_class(vm: &mut Vm, meta: &PyRef<PyType>, name: &str, bases: Vec<Value>, ns: &PyDict) -> PyResult<Value> {
    let object = crate::types::instance_object_type().clone();
    let mut base_types: Vec<PyRef<PyType>> = Vec::new();
    for b in &bases {
        match b.downcast::<PyType>() {
            Some(t) => {
                if !t.has_flag(flags::BASETYPE) {
                    return Err(vm.new_type_error(format!("type '{}' is not an acceptable base type", t.name())));
                }
                base_types.push(t)
            }
            None => return Err(vm.new_type_error("bases must be types")),
        }
    }
    if base_types.is_empty() {
        base_types.push(object.clone());
    }
    // The solid base: the base whose layout is the most derived.
    let mut layout_base = base_types[0].clone();
    for b in &base_types[1..] {
        if b.layout != layout_base.layout {
            if layout_base.layout == std::any::TypeId::of::<()>() {
                layout_base = b.clone();
            } else if b.layout != std::any::TypeId::of::<()>() {
                return Err(vm.new_type_error("multiple bases have instance lay-out conflict"));
            }
        }
    }
    let mro_rest = c3_mro(vm, name, &base_types)?;
    let dict = PyDict::new_ref();
    for (k, v) in ns.items() {
        dict.set_item(vm, k, v)?;
    }
    // __slots__
    let mut slot_names: Vec<String> = base_types[0].slot_names.clone();
    let mut has_dict = base_types.iter().any(|b| b.has_flag(flags::HAS_DICT))
        || layout_base.layout == std::any::TypeId::of::<()>() && base_types.iter().all(|b| b.is(&object));
    if let Some(slots) = dict.get_str("__slots__") {
        let items = if slots.as_str().is_some() { vec![slots.clone()] } else { vm.collect(&slots)? };
        for s in items {
            let sn = s.as_str().unwrap_or("").to_string();
            if sn == "__dict__" {
                has_dict = true;
                continue;
            }
            let idx = slot_names.len();
            slot_names.push(sn.clone());
            let desc = PyRef::new(crate::function::descriptors::PyMemberDescriptor {
                name: sn.clone(),
                owner_name: name.to_string(),
                index: idx,
            });
            dict.set_str_key(intern(&sn), desc.into_value());
        }
    } else {
        has_dict = true;
    }
    let mut fl = flags::BASETYPE;
    if has_dict {
        fl |= flags::HAS_DICT;
    }
    if base_types.iter().any(|b| b.has_flag(flags::EXCEPTION)) {
        fl |= flags::EXCEPTION;
    }
    for b in &mro_rest {
        fl |= b.flags() & (flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR | flags::CUSTOM_SETATTR);
    }
    let qualname = match dict.pop_item(vm, &intern("__qualname__"))? {
        Some(q) => q.as_str().unwrap_or(name).to_string(),
        None => name.to_string(),
    };
    if dict.get_str("__module__").is_none() {
        if let Some(m) = vm.frames.frames.last().and_then(|f| f.globals.get_str("__name__")) {
            dict.set_str_key(intern("__module__"), m);
        }
    }
    if dict.get_str("__doc__").is_none() {
        dict.set_str_key(intern("__doc__"), none());
    }
    // __new__ and __init_subclass__ are implicitly static/class methods.
    for (n, wrap) in [("__new__", false), ("__init_subclass__", true), ("__class_getitem__", true)] {
        if let Some(f) = dict.get_str(n) {
            if f.downcast_ref::<crate::function::PyFunction>().is_some() {
                let w = if wrap {
                    PyRef::new(crate::function::descriptors::PyClassMethod { callable: f }).into_value()
                } else {
                    PyRef::new(crate::function::descriptors::PyStaticMethod { callable: f }).into_value()
                };
                dict.set_str_key(intern(n), w);
            }
        }
    }
    let spec = TypeSpec {
        name: name.to_string(),
        qualname,
        flags: fl,
        base: Some(base_types[0].clone()),
        bases: base_types.clone(),
        slot_names,
    };
    let t = PyType::new_heap(meta, spec, &layout_base, mro_rest, dict.clone());
    // Classes defined in module or class bodies are shared and permanent.
    if vm.frames.frames.last().is_some_and(|f| f.locals.is_some()) {
        t.to_value().make_immortal();
        dict.to_value().make_immortal();
    }
    for n in ["__getattribute__", "__getattr__", "__setattr__"] {
        if dict.get_str(n).is_some() {
            update_special_flags(&t, n);
        }
    }
    let tv = t.to_value();
    for b in &base_types {
        b.subclasses.lock().push(t.clone());
    }
    // __set_name__
    for (k, v) in dict.items() {
        if let Some(f) = v.class().lookup("__set_name__") {
            if v.class().is_heap_type() {
                vm.call_unbound(&f, &v, &[v.clone(), tv.clone(), k])?;
            }
        }
    }
    // __init_subclass__ of the parent
    let parent = t.mro_without_self().first().cloned();
    if let Some(p) = parent {
        if let Some(f) = p.lookup("__init_subclass__") {
            let bound = vm.descr_get(&f, None, &tv)?;
            let _ = bound;
            let sup = vm.descr_get(&f, Some(&tv), &tv);
            if let Ok(b) = sup {
                vm.call(&b, &[])?;
            }
        }
    }
    if let Some(cell) = dict.get_str("__classcell__") {
        if let Some(c) = cell.downcast_ref::<crate::function::PyCell>() {
            c.set(Some(tv.clone()));
        }
        let _ = dict.pop_item(vm, &intern("__classcell__"));
    }
    t.modified();
    Ok(tv)
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`.
pub fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.new_type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0].clone();
    let name = args.pos[1].clone();
    let bases: Vec<Value> = args.pos[2..].to_vec();
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_values = Vec::new();
    for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
        if k.as_str() == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_values.push(v.clone());
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => {
                let mut winner = b.class_ref();
                for b in &bases[1..] {
                    let t = b.class_ref();
                    if t.is_subtype(&winner) {
                        winner = t;
                    }
                }
                winner.into_value()
            }
            None => crate::types::type_::TYPE_TYPE.get().to_value(),
        },
    };
    let ns = match vm.get_attr_opt(&meta, "__prepare__")? {
        Some(prep) => {
            let a = Args { pos: &[name.clone(), new_tuple(bases.clone())], kwnames: &kw_names, kwvalues: &kw_values };
            vm.call_args(&prep, a)?
        }
        None => PyDict::new_ref().into_value(),
    };
    let Some(f) = func.downcast_ref::<crate::function::PyFunction>() else {
        return Err(vm.new_type_error("__build_class__: func must be a function"));
    };
    let code = f.code.clone();
    let globals = f.globals.clone();
    let closure = f.closure.clone();
    vm.run_code(code, globals, Some(ns.clone()), closure)?;
    let mut pos = vec![name, new_tuple(bases), ns];
    pos.extend(kw_values);
    let npos = 3;
    let a = Args { pos: &pos[..npos], kwnames: &kw_names, kwvalues: &pos[npos..] };
    vm.call_args(&meta, a)
}

// ---- type methods ----------------------------------------------------------

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    // type.__new__(meta, name, bases, ns, **kw)
    if args.pos.len() == 2 {
        return Ok(args.pos[1].class_ref().into_value());
    }
    if args.pos.len() != 4 {
        return Err(vm.new_type_error("type() takes 1 or 3 arguments"));
    }
    let Some(meta) = args.pos[0].downcast::<PyType>() else {
        return Err(vm.new_type_error("type.__new__(X): X is not a type object"));
    };
    let Some(name) = args.pos[1].as_str().map(str::to_string) else {
        return Err(vm.new_type_error("type.__new__() argument 1 must be str"));
    };
    let bases = match args.pos[2].as_tuple() {
        Some(t) => t.to_vec(),
        None => return Err(vm.new_type_error("type.__new__() argument 2 must be tuple")),
    };
    let Some(ns) = args.pos[3].downcast_ref::<PyDict>() else {
        return Err(vm.new_type_error("type.__new__() argument 3 must be dict"));
    };
    new_class(vm, &meta, &name, bases, ns)
}

fn type_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

fn type_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    match a[0].downcast_ref::<PyType>() {
        Some(t) => Ok(new_str(crate::builtins::type_repr(t))),
        None => Err(vm.new_type_error("descriptor '__repr__' requires a 'type' object")),
    }
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "mro", 1)?;
    match a[0].downcast_ref::<PyType>() {
        Some(t) => Ok(crate::types::list::new_list(t.mro().into_iter().map(|x| x.into_value()).collect())),
        None => Err(vm.new_type_error("mro() requires a type")),
    }
}

fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__subclasses__", 1)?;
    match a[0].downcast_ref::<PyType>() {
        Some(t) => {
            let subs: Vec<Value> = t.subclasses.lock().iter().map(|s| s.to_value()).collect();
            Ok(crate::types::list::new_list(subs))
        }
        None => Err(vm.new_type_error("descriptor '__subclasses__' requires a 'type' object")),
    }
}

fn type_get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_str(t.name())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_str(t.qualname())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_set_name(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let (Some(t), Some(s)) = (v.downcast_ref::<PyType>(), n.as_ref().and_then(|n| n.as_str().map(str::to_string)))
    else {
        return Err(vm.new_type_error("can only assign string to __name__"));
    };
    t.set_name(s);
    Ok(())
}
fn type_set_qualname(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let (Some(t), Some(s)) = (v.downcast_ref::<PyType>(), n.as_ref().and_then(|n| n.as_str().map(str::to_string)))
    else {
        return Err(vm.new_type_error("can only assign string to __qualname__"));
    };
    t.set_qualname(s);
    Ok(())
}
fn type_get_mro(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_tuple(t.mro().into_iter().map(|x| x.into_value()).collect())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_bases(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(new_tuple(t.bases.iter().map(|x| x.to_value()).collect())),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_base(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(t.base.as_ref().map(|b| b.to_value()).unwrap_or_else(none)),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(t.dict().to_value()),
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => Ok(t.dict().get_str("__module__").unwrap_or_else(|| new_str("builtins"))),
        None => Err(vm.new_type_error("not a type")),
    }
}

fn type_set_module(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    match v.downcast_ref::<PyType>() {
        Some(t) if t.is_heap_type() => {
            t.dict().set_str_key(intern("__module__"), n.unwrap_or_else(none));
            Ok(())
        }
        Some(t) => {
            Err(vm.new_type_error(format!("cannot set '__module__' attribute of immutable type '{}'", t.name())))
        }
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyType>() {
        Some(t) => {
            let d = t.dict().get_str("__doc__").unwrap_or_else(none);
            if t.is_heap_type() {
                return vm.descr_get(&d, None, v);
            }
            Ok(d)
        }
        None => Err(vm.new_type_error("not a type")),
    }
}
fn type_set_doc(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    match v.downcast_ref::<PyType>() {
        Some(t) if t.is_heap_type() => {
            t.dict().set_str_key(intern("__doc__"), n.unwrap_or_else(none));
            Ok(())
        }
        Some(t) => Err(vm.new_type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", t.name()))),
        None => Err(vm.new_type_error("not a type")),
    }
}

// ---- object methods ----------------------------------------------------------

/// Whether `cls` has a `__new__` / `__init__` other than `object`'s.
fn overrides_new_init(cls: &PyType) -> (bool, bool) {
    let object = crate::types::instance_object_type();
    let differs = |name: &str| match (cls.lookup(name), object.dict().get_str(name)) {
        (Some(a), Some(b)) => !a.is(&b),
        _ => false,
    };
    (differs("__new__"), differs("__init__"))
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("object.__new__(X): X is not a type object"));
    };
    if args.len() > 1 {
        let (overrides_new, overrides_init) = overrides_new_init(&cls);
        if !overrides_init || overrides_new {
            return Err(vm.new_type_error(format!("{}() takes no arguments", cls.name())));
        }
    }
    if cls.layout != std::any::TypeId::of::<()>() {
        return Err(vm.new_type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name(),
            cls.name()
        )));
    }
    Ok(PyRef::new_with_type((), &cls).into_value())
}

fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.len() > 1 {
        let cls = args.pos[0].class_ref();
        let (overrides_new, overrides_init) = overrides_new_init(&cls);
        if !overrides_new || overrides_init {
            return Err(vm.new_type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                cls.name()
            )));
        }
    }
    Ok(none())
}

fn object_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    Ok(new_str(crate::protocol::text::default_repr(&a[0])))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__str__", 1)?;
    vm.repr(&a[0])
}

fn object_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__eq__", 2)?;
    Ok(if a[0].is(&a[1]) { bool_value(true) } else { not_implemented() })
}

fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__ne__", 2)?;
    let r = vm.rich_compare(&a[0], &a[1], skein_compiler::bytecode::CompareOp::Eq)?;
    if r.is_not_implemented() {
        return Ok(r);
    }
    let b = vm.truthy(&r)?;
    Ok(bool_value(!b))
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__hash__", 1)?;
    Ok(crate::types::int::int_from_i64(crate::protocol::hash::hash_pointer(a[0].raw_word())))
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__getattribute__", 2)?;
    vm.generic_getattr(&a[0], &a[1])
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__setattr__", 3)?;
    vm.generic_setattr(&a[0], &a[1], Some(a[2].clone()))?;
    Ok(none())
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__delattr__", 2)?;
    vm.generic_setattr(&a[0], &a[1], None)?;
    Ok(none())
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__format__", 2)?;
    if a[1].as_str().is_some_and(|s| !s.is_empty()) {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("unsupported format string passed to {t}.__format__")));
    }
    vm.str(&a[0])
}

fn object_init_subclass(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

fn object_get_class(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.class_ref().into_value())
}

/// `obj.__class__ = C`: allowed between heap types with the same layout.
fn object_set_class(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let Some(newv) = n else {
        return Err(vm.new_type_error("can't delete __class__ attribute"));
    };
    let Some(new) = newv.downcast::<PyType>() else {
        let t = newv.class().name();
        return Err(vm.new_type_error(format!("__class__ must be set to a class, not '{t}' object")));
    };
    let old = v.class_ref();
    if !old.is_heap_type() || !new.is_heap_type() {
        return Err(vm.new_type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if old.layout != new.layout
        || old.slot_names != new.slot_names
        || old.has_flag(flags::HAS_DICT) != new.has_flag(flags::HAS_DICT)
    {
        return Err(vm.new_type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    // The object holds a reference to its type: take one on the new type,
    // release the old one.
    std::mem::forget(new.clone());
    if let Some(h) = v.header() {
        h.set_type_info(&new.payload_ref().gc_info);
    }
    // Release the reference the object held on its old type.
    drop(crate::object::alloc::take_type_reference(&old));
    Ok(())
}

fn object_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::protocol::attr::instance_dict(v, true) {
        Some(d) => Ok(d.into_value()),
        None => Err(vm.new_attribute_error(format!("'{}' object has no attribute '__dict__'", v.class().name()))),
    }
}

fn object_set_dict(vm: &mut Vm, v: &Value, d: Option<Value>) -> PyResult<()> {
    let Some(d) = d.and_then(|d| d.downcast::<PyDict>()) else {
        return Err(vm.new_type_error("__dict__ must be set to a dictionary"));
    };
    match crate::object::alloc::instance_ext(v) {
        Some(ext) => {
            ext.set_dict(d);
            Ok(())
        }
        None => Err(vm.new_attribute_error("no __dict__")),
    }
}

pub(crate) fn init_object_and_type_methods(object: &PyRef<PyType>, ty: &PyRef<PyType>) {
    add_method_kind(object, "__new__", object_new, MethodKind::Static);
    add_methods(
        object,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
        ],
    );
    add_method_kind(object, "__init_subclass__", object_init_subclass, MethodKind::Class);
    crate::function::descriptors::add_getset(object, "__class__", object_get_class, Some(object_set_class));
    crate::function::descriptors::add_getset(object, "__dict__", object_get_dict, Some(object_set_dict));

    add_method_kind(ty, "__new__", type_new, MethodKind::Static);
    add_methods(
        ty,
        &[("__init__", type_init), ("__repr__", type_repr), ("mro", type_mro), ("__subclasses__", type_subclasses)],
    );
    use crate::function::descriptors::add_getset;
    add_getset(ty, "__name__", type_get_name, Some(type_set_name));
    add_getset(ty, "__qualname__", type_get_qualname, Some(type_set_qualname));
    add_getset(ty, "__mro__", type_get_mro, None);
    add_getset(ty, "__bases__", type_get_bases, None);
    add_getset(ty, "__base__", type_get_base, None);
    add_getset(ty, "__dict__", type_get_dict, None);
    add_getset(ty, "__module__", type_get_module, Some(type_set_module));
    add_getset(ty, "__doc__", type_get_doc, Some(type_set_doc));
}
