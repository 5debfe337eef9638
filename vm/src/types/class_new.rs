//! Creating classes: `__build_class__` (the `class` statement) and
//! `type.__new__(meta, name, bases, ns, **kw)`, following CPython's
//! `builtin___build_class__` and `type_new`:
//!
//! 1. `__build_class__` resolves `__mro_entries__`, picks the metaclass (the
//!    most derived metaclass of the explicit one and of every base's type;
//!    unrelated ones are a conflict), calls `__prepare__`, runs the body in
//!    the namespace it returned and calls the metaclass.
//! 2. `type.__new__` repeats the metaclass choice (so `type(name, bases, ns)`
//!    builds a class of the bases' metaclass), picks the best base (the one
//!    whose instance layout every other base's layout is a prefix of),
//!    linearises the MRO (C3), lays out `__slots__`, creates the type, then
//!    calls `__set_name__` on the attributes and the parent's
//!    `__init_subclass__` with the class keywords.

use crate::function::args::Args;
use crate::function::descriptors::{PyClassMethod, PyMemberDescriptor, PyStaticMethod};
use crate::intern::intern;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::type_::{flags, PyType, TypeSpec, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

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
        "__del__" => {
            // Subclasses inherit it: their instances' finalize hook reads
            // their own type's flag.
            t.set_flag(flags::HAS_DEL, t.lookup_uncached("__del__").is_some());
            for s in t.subclasses.live() {
                update_special_flags(&s, name);
            }
        }
        _ => {}
    }
}

/// C3 linearisation of `bases` (CPython's `mro_implementation`): the MRO of
/// the new class without the class itself.
fn c3_mro(vm: &mut Vm, bases: &[PyRef<PyType>]) -> PyResult<Vec<PyRef<PyType>>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(vm.new_type_error(format!("duplicate base class {}", b.name())));
        }
    }
    if let [only] = bases {
        return Ok(only.mro());
    }
    let mut seqs: Vec<Vec<PyRef<PyType>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<PyRef<PyType>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate =
            seqs.iter().map(|s| &s[0]).find(|head| !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)))).cloned();
        let Some(c) = candidate else {
            // Name the classes that could not be placed: the distinct heads.
            let mut heads: Vec<PyRef<PyType>> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads.iter().map(|b| b.name()).collect();
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

/// The most derived of `meta` and the metaclasses of `bases`
/// (`_PyType_CalculateMetaclass`).
fn calculate_metaclass(vm: &mut Vm, meta: &PyRef<PyType>, bases: &[Value]) -> PyResult<PyRef<PyType>> {
    let mut winner = meta.clone();
    for b in bases {
        let t = b.class_ref();
        if winner.is_subtype(&t) {
            continue;
        }
        if t.is_subtype(&winner) {
            winner = t;
            continue;
        }
        return Err(vm.new_type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether instances of `t` carry more than instances of `base`: another
/// builtin payload or more `__slots__` (CPython's `extra_ivars`).
fn extra_ivars(t: &PyType, base: &PyType) -> bool {
    t.layout != base.layout || t.slot_count() != base.slot_count()
}

/// The nearest class in `t`'s base chain that defines its instance layout.
fn solid_base(t: &PyRef<PyType>) -> PyRef<PyType> {
    let base = match &t.base {
        Some(b) => solid_base(b),
        None => return t.clone(),
    };
    if extra_ivars(t, &base) {
        t.clone()
    } else {
        base
    }
}

/// The base whose layout the new class extends (`best_base`): its solid
/// base must be a subclass of every other base's solid base.
fn best_base(vm: &mut Vm, bases: &[PyRef<PyType>]) -> PyResult<PyRef<PyType>> {
    let mut best = bases[0].clone();
    let mut winner = solid_base(&best);
    for b in &bases[1..] {
        let candidate = solid_base(b);
        if winner.is_subtype(&candidate) {
            continue;
        }
        if candidate.is_subtype(&winner) {
            winner = candidate;
            best = b.clone();
            continue;
        }
        return Err(vm.new_type_error("multiple bases have instance lay-out conflict"));
    }
    Ok(best)
}

/// `__x` inside class `C` becomes `_C__x` (as the compiler does for names).
fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Whether instances of `t` are variable-sized in CPython (`int`, `bytes`,
/// `tuple`): those cannot have slots added, so neither can they here.
fn variable_size(t: &PyType) -> bool {
    [crate::types::int::INT_TYPE.get(), crate::types::small::BYTES_TYPE.get(), crate::types::tuple::TUPLE_TYPE.get()]
        .iter()
        .any(|v| t.is_subtype(v))
}

/// What `__slots__` adds to the new class.
struct Slots {
    /// New slot names (mangled), sorted as CPython sorts them.
    names: Vec<String>,
    add_dict: bool,
    /// `__weakref__` was listed.
    add_weak: bool,
}

/// Reads `__slots__` from the namespace with CPython's checks.
fn parse_slots(vm: &mut Vm, name: &str, slots: &Value, ns: &PyDict, base: &PyType) -> PyResult<Slots> {
    let items = if slots.as_str().is_some() { vec![slots.clone()] } else { vm.collect(slots)? };
    if !items.is_empty() && variable_size(base) {
        return Err(vm.new_type_error(format!("nonempty __slots__ not supported for subtype of '{}'", base.name())));
    }
    let may_add_dict = !base.has_flag(flags::HAS_DICT);
    let may_add_weak = !crate::types::weakref::weakrefable(base) && !variable_size(base);
    let mut out = Slots { names: Vec::new(), add_dict: false, add_weak: false };
    for item in &items {
        let Some(s) = item.as_str().map(str::to_string) else {
            let t = item.class().name();
            return Err(vm.new_type_error(format!("__slots__ items must be strings, not '{t}'")));
        };
        let ident = vm.call_method(item, "isidentifier", &[])?;
        if !vm.truthy(&ident)? {
            return Err(vm.new_type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" {
            if !may_add_dict || out.add_dict {
                return Err(vm.new_type_error("__dict__ slot disallowed: we already got one"));
            }
            out.add_dict = true;
            continue;
        }
        if s == "__weakref__" {
            if !may_add_weak || out.add_weak {
                return Err(
                    vm.new_type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0")
                );
            }
            out.add_weak = true;
            continue;
        }
        let m = mangle(name, &s);
        if m != "__qualname__" && m != "__classcell__" && ns.get_str(&m).is_some() {
            let shown = vm.repr_string(&new_str(m.clone()))?;
            return Err(vm.new_value_error(format!("{shown} in __slots__ conflicts with class variable")));
        }
        out.names.push(m);
    }
    out.names.sort();
    Ok(out)
}

/// `type(name, bases, ns)` for metaclass `meta`, with the class keywords
/// `kwnames`/`kwvalues` passed on to `__init_subclass__`.
pub fn new_class(
    vm: &mut Vm,
    meta: &PyRef<PyType>,
    name: &str,
    bases: Vec<Value>,
    ns: &PyDict,
    kwnames: &[Value],
    kwvalues: &[Value],
) -> PyResult<Value> {
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
    let base = best_base(vm, &base_types)?;
    let mro_rest = c3_mro(vm, &base_types)?;
    let dict = PyDict::new_ref();
    for (k, v) in ns.items() {
        dict.set_item(vm, k, v)?;
    }
    // __slots__: a class without them gets a __dict__.
    let mut slot_names: Vec<String> = base.slot_names.clone();
    let mut has_dict = base_types.iter().any(|b| b.has_flag(flags::HAS_DICT));
    // Weak references: inherited from the layout base, added by a class
    // without `__slots__` or with `__weakref__` in them, or provided by a
    // secondary base (CPython's `type_new`).
    let base_weak = crate::types::weakref::weakrefable(&base);
    let mut has_weak = base_weak || base_types.iter().any(|b| crate::types::weakref::weakrefable(b));
    match dict.get_str("__slots__") {
        Some(slots) => {
            let parsed = parse_slots(vm, name, &slots, &dict, &base)?;
            has_dict |= parsed.add_dict;
            has_weak |= parsed.add_weak;
            for sn in parsed.names {
                let desc =
                    PyMemberDescriptor { name: sn.clone(), owner_name: name.to_string(), index: slot_names.len() };
                dict.set_str_key(intern(&sn), PyRef::new(desc).into_value());
                slot_names.push(sn);
            }
        }
        None => {
            has_dict = true;
            has_weak |= !variable_size(&base);
        }
    }
    let mut fl = flags::BASETYPE;
    if has_weak {
        fl |= flags::WEAKREFABLE;
    }
    if has_dict {
        fl |= flags::HAS_DICT;
    }
    if base_types.iter().any(|b| b.has_flag(flags::EXCEPTION)) {
        fl |= flags::EXCEPTION;
    }
    for b in &mro_rest {
        fl |= b.flags() & (flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR | flags::CUSTOM_SETATTR | flags::HAS_DEL);
    }
    let qualname = match dict.pop_item(vm, &intern("__qualname__"))? {
        Some(q) => match q.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = q.class().name();
                return Err(vm.new_type_error(format!("type __qualname__ must be a str, not {t}")));
            }
        },
        None => name.to_string(),
    };
    if dict.get_str("__module__").is_none() {
        if let Some(m) = vm.frames.frames.last().and_then(|f| f.globals().get_str("__name__")) {
            dict.set_str_key(intern("__module__"), m);
        }
    }
    if dict.get_str("__doc__").is_none() {
        dict.set_str_key(intern("__doc__"), none());
    }
    // __new__ is implicitly a static method, __init_subclass__ and
    // __class_getitem__ class methods.
    for (n, wrap) in [("__new__", false), ("__init_subclass__", true), ("__class_getitem__", true)] {
        if let Some(f) = dict.get_str(n) {
            if f.downcast_ref::<crate::function::PyFunction>().is_some() {
                let w = if wrap {
                    PyRef::new(PyClassMethod { callable: f }).into_value()
                } else {
                    PyRef::new(PyStaticMethod { callable: f }).into_value()
                };
                dict.set_str_key(intern(n), w);
            }
        }
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        dict.set_str_key(intern("__hash__"), none());
    }
    let classcell = dict.pop_item(vm, &intern("__classcell__"))?;
    if let Some(cell) = &classcell {
        if cell.downcast_ref::<crate::function::PyCell>().is_none() {
            let t = cell.class().name();
            return Err(vm.new_type_error(format!("__classcell__ must be a nonlocal cell, not <class '{t}'>")));
        }
    }
    let spec = TypeSpec {
        name: name.to_string(),
        qualname,
        flags: fl,
        base: Some(base.clone()),
        bases: base_types.clone(),
        slot_names,
    };
    // Classes defined in module or class bodies are shared and permanent,
    // unless made inside a function (a class body there has locals too):
    // those are made again on each call and must be collectable.
    let permanent = vm.frames.frames.last().is_some_and(|f| f.locals.is_some()) && !spec.qualname.contains("<locals>");
    let t = PyType::new_heap(meta, spec, &base, mro_rest, dict.clone());
    if permanent {
        t.to_value().make_immortal();
        dict.to_value().make_immortal();
    }
    for n in ["__getattribute__", "__getattr__", "__setattr__", "__del__"] {
        if dict.get_str(n).is_some() {
            update_special_flags(&t, n);
        }
    }
    if has_weak && !base_weak {
        let getter = crate::modules::weakref::weakref_attr;
        let d = crate::function::descriptors::PyGetSet { name: "__weakref__", owner: t.clone(), getter, setter: None };
        dict.set_str_key(intern("__weakref__"), PyRef::new(d).into_value());
    }
    let tv = t.to_value();
    for b in &base_types {
        b.subclasses.push(&t);
    }
    if let Some(c) = classcell.as_ref().and_then(|c| c.downcast_ref::<crate::function::PyCell>()) {
        c.set(Some(tv.clone()));
    }
    t.modified();
    set_names(vm, &t, &dict)?;
    init_subclass(vm, &t, kwnames, kwvalues)?;
    Ok(tv)
}

/// Calls `__set_name__(cls, name)` on every attribute whose type defines
/// it; a failure is reported as a `RuntimeError` caused by it (3.11).
fn set_names(vm: &mut Vm, t: &PyRef<PyType>, dict: &PyDict) -> PyResult<()> {
    let tv = t.to_value();
    for (k, v) in dict.items() {
        let vt = v.class_ref();
        if !vt.is_heap_type() {
            continue;
        }
        let Some(f) = vt.lookup("__set_name__") else { continue };
        if let Err(e) = vm.call_unbound(&f, &v, &[v.clone(), tv.clone(), k.clone()]) {
            let shown = vm.repr_string(&k)?;
            let msg = format!("Error calling __set_name__ on '{}' instance {shown} in '{}'", vt.name(), t.name());
            let wrapped = vm.new_runtime_error(msg);
            wrapped.0.set_cause(Some(e.value()));
            wrapped.0.set_context(Some(e.value()));
            return Err(wrapped);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwargs)`: the first definition
/// after `cls` in its MRO.
fn init_subclass(vm: &mut Vm, t: &PyRef<PyType>, kwnames: &[Value], kwvalues: &[Value]) -> PyResult<()> {
    let Some(f) = t.mro_without_self().iter().find_map(|b| b.dict().get_str("__init_subclass__")) else {
        return Ok(());
    };
    let tv = t.to_value();
    let bound = vm.descr_get(&f, None, &tv)?;
    vm.call_args(&bound, Args { pos: &[], kwnames, kwvalues })?;
    Ok(())
}

/// Replaces bases that are not classes by what their `__mro_entries__`
/// returns (PEP 560). Returns `None` when nothing changed.
fn update_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out: Option<Vec<Value>> = None;
    let orig = new_tuple(bases.to_vec());
    for (i, b) in bases.iter().enumerate() {
        let entries = if b.downcast_ref::<PyType>().is_some() { None } else { vm.get_attr_opt(b, "__mro_entries__")? };
        match entries {
            None => {
                if let Some(o) = out.as_mut() {
                    o.push(b.clone());
                }
            }
            Some(meth) => {
                let r = vm.call(&meth, &[orig.clone()])?;
                let Some(items) = r.as_tuple().map(|t| t.to_vec()) else {
                    return Err(vm.new_type_error("__mro_entries__ must return a tuple"));
                };
                out.get_or_insert_with(|| bases[..i].to_vec()).extend(items);
            }
        }
    }
    Ok(out)
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`.
pub fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.new_type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0].clone();
    let Some(f) = func.downcast_ref::<crate::function::PyFunction>() else {
        return Err(vm.new_type_error("__build_class__: func must be a function"));
    };
    let name = args.pos[1].clone();
    if name.as_str().is_none() {
        return Err(vm.new_type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = args.pos[2..].to_vec();
    let updated = update_bases(vm, &orig_bases)?;
    let bases = updated.clone().unwrap_or_else(|| orig_bases.clone());
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
            Some(b) => b.class_ref().into_value(),
            None => TYPE_TYPE.get().to_value(),
        },
    };
    // Only a class as metaclass takes part in the choice of the most
    // derived one; any other callable is used as given.
    let meta = match meta.downcast::<PyType>() {
        Some(m) => calculate_metaclass(vm, &m, &bases)?.into_value(),
        None => meta,
    };
    let ns = match vm.get_attr_opt(&meta, "__prepare__")? {
        Some(prep) => {
            let a = Args { pos: &[name.clone(), new_tuple(bases.clone())], kwnames: &kw_names, kwvalues: &kw_values };
            vm.call_args(&prep, a)?
        }
        None => PyDict::new_ref().into_value(),
    };
    if ns.class().lookup("__getitem__").is_none() {
        let who = match meta.downcast_ref::<PyType>() {
            Some(m) => m.name(),
            None => "<metaclass>".to_string(),
        };
        let t = ns.class().name();
        return Err(vm.new_type_error(format!("{who}.__prepare__() must return a mapping, not {t}")));
    }
    let (code, globals, closure) = (f.code.clone(), f.globals.clone(), f.closure.clone());
    vm.run_code(code, globals, Some(ns.clone()), closure)?;
    if updated.is_some() {
        vm.set_item(&ns, &new_str("__orig_bases__"), new_tuple(orig_bases))?;
    }
    let mut pos = vec![name, new_tuple(bases), ns];
    pos.extend(kw_values);
    let a = Args { pos: &pos[..3], kwnames: &kw_names, kwvalues: &pos[3..] };
    vm.call_args(&meta, a)
}

/// `type.__new__(meta, name, bases, ns, **kw)`.
pub fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(meta) = args.pos.first().and_then(|m| m.downcast::<PyType>()) else {
        return Err(vm.new_type_error("type.__new__(X): X is not a type object"));
    };
    if !meta.is_subtype(TYPE_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            meta.name(),
            meta.name()
        )));
    }
    let a = &args.pos[1..];
    if a.len() != 3 {
        return Err(vm.new_type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", a.len())));
    }
    let Some(name) = a[0].as_str().map(str::to_string) else {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("type.__new__() argument 1 must be str, not {t}")));
    };
    let Some(bases) = a[1].as_tuple().map(|t| t.to_vec()) else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("type.__new__() argument 2 must be tuple, not {t}")));
    };
    let Some(ns) = a[2].downcast_ref::<PyDict>() else {
        let t = a[2].class().name();
        return Err(vm.new_type_error(format!("type.__new__() argument 3 must be dict, not {t}")));
    };
    if bases.iter().any(|b| b.downcast_ref::<PyType>().is_none()) {
        for b in &bases {
            if vm.get_attr_opt(b, "__mro_entries__")?.is_some() {
                return Err(vm.new_type_error("type() doesn't support MRO entry resolution; use types.new_class()"));
            }
        }
    }
    // A more derived metaclass among the bases' types takes over; if it
    // has its own __new__, that builds the class.
    let winner = calculate_metaclass(vm, &meta, &bases)?;
    if !winner.is(&meta) {
        let own_new = winner.lookup("__new__");
        let type_new = TYPE_TYPE.get().dict().get_str("__new__");
        if let (Some(w), Some(t)) = (own_new, type_new) {
            if !w.is(&t) {
                let new = vm.descr_get(&w, None, &winner.to_value())?;
                let mut owned = args.to_owned();
                owned.values[0] = winner.to_value();
                return vm.call_args(&new, owned.as_args());
            }
        }
    }
    new_class(vm, &winner, &name, bases, ns, args.kwnames, args.kwvalues)
}
