//! `ModuleSpec` (a module's `__spec__`) and CPython's module repr.
//!
//! A spec is an instance with a `__dict__` holding `name`, `loader`,
//! `origin`, `submodule_search_locations`, `loader_state` and `cached`;
//! `parent` and `has_location` are computed, as in `importlib._bootstrap`.
//! Skein has no loader objects, so `loader` is None; `has_location` is true
//! for specs of source files (set by the import system).
//!
//! The type is created on first use: every caller goes through
//! [`spec_type`], and a lost creation race only drops the extra type.

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::intern::intern;
use crate::object::{PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

static SPEC_TYPE: TypeCell = TypeCell::new();

/// The payload of a spec: everything lives in the instance dict.
pub struct PyModuleSpec {
    /// Whether `origin` names a file (`has_location`).
    has_location: bool,
}

impl PyPayload for PyModuleSpec {
    fn class() -> &'static PyRef<PyType> {
        spec_type()
    }
}

fn spec_type() -> &'static PyRef<PyType> {
    if let Some(t) = SPEC_TYPE.get_opt() {
        return t;
    }
    let object = crate::types::builtin_types().object;
    let t = PyType::new_builtin::<PyModuleSpec>("ModuleSpec", Some(object), flags::BASETYPE, true);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(intern("__module__"), intern("_frozen_importlib"));
    SPEC_TYPE.set(t);
    let t = SPEC_TYPE.get();
    add_method_kind(t, "__new__", spec_new, MethodKind::Static);
    add_methods(t, &[("__init__", spec_init), ("__repr__", spec_repr), ("__eq__", spec_eq)]);
    add_getset(t, "parent", spec_parent, None);
    add_getset(t, "has_location", spec_has_location, None);
    t
}

/// What a spec describes.
pub struct SpecFields {
    pub name: String,
    pub origin: Option<String>,
    /// `__path__` of a package (None for plain modules).
    pub search_locations: Option<Value>,
    pub cached: Option<String>,
    pub has_location: bool,
}

/// Builds a spec.
pub fn new_spec(f: SpecFields) -> Value {
    let spec = PyRef::new_with_type(PyModuleSpec { has_location: f.has_location }, spec_type()).into_value();
    let opt_str = |s: Option<String>| s.map(new_str).unwrap_or_else(none);
    set_fields(&spec, new_str(f.name), none(), opt_str(f.origin), f.search_locations.unwrap_or_else(none));
    if let Some(d) = dict_of(&spec) {
        d.set_str_key(intern("cached"), opt_str(f.cached));
    }
    spec
}

fn dict_of(spec: &Value) -> Option<PyRef<PyDict>> {
    crate::object::alloc::instance_ext(spec).map(|e| e.dict())
}

fn set_fields(spec: &Value, name: Value, loader: Value, origin: Value, locations: Value) {
    if let Some(d) = dict_of(spec) {
        d.set_str_key(intern("name"), name);
        d.set_str_key(intern("loader"), loader);
        d.set_str_key(intern("origin"), origin);
        d.set_str_key(intern("loader_state"), none());
        d.set_str_key(intern("submodule_search_locations"), locations);
        d.set_str_key(intern("cached"), none());
    }
}

fn spec_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("ModuleSpec.__new__(X): X is not a type object"));
    };
    Ok(PyRef::new_with_type(PyModuleSpec { has_location: false }, &cls).into_value())
}

/// `ModuleSpec(name, loader, *, origin=None, loader_state=None, is_package=None)`.
fn spec_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let rest = Args { pos: a.pos.get(1..).unwrap_or(&[]), kwnames: a.kwnames, kwvalues: a.kwvalues };
    let s = rest.bind(vm, "ModuleSpec", &["name", "loader", "origin", "loader_state", "is_package"], 0)?;
    let Some(name) = s[0].clone() else {
        return Err(
            vm.new_type_error("ModuleSpec.__init__() missing 2 required positional arguments: 'name' and 'loader'")
        );
    };
    let Some(loader) = s[1].clone() else {
        return Err(vm.new_type_error("ModuleSpec.__init__() missing 1 required positional argument: 'loader'"));
    };
    let is_package = match &s[4] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let locations = if is_package { crate::types::list::new_list(Vec::new()) } else { none() };
    set_fields(&a.pos[0], name, loader, s[2].clone().unwrap_or_else(none), locations);
    if let (Some(d), Some(state)) = (dict_of(&a.pos[0]), &s[3]) {
        d.set_str_key(intern("loader_state"), state.clone());
    }
    Ok(none())
}

fn field(vm: &mut Vm, spec: &Value, name: &str) -> PyResult<Value> {
    Ok(vm.get_attr_opt(spec, name)?.unwrap_or_else(none))
}

fn spec_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let spec = &a[0];
    let name = field(vm, spec, "name")?;
    let loader = field(vm, spec, "loader")?;
    let mut parts = vec![format!("name={}", vm.repr_string(&name)?), format!("loader={}", vm.repr_string(&loader)?)];
    let origin = field(vm, spec, "origin")?;
    if !origin.is_none() {
        parts.push(format!("origin={}", vm.repr_string(&origin)?));
    }
    let locations = field(vm, spec, "submodule_search_locations")?;
    if !locations.is_none() {
        parts.push(format!("submodule_search_locations={}", vm.str_string(&locations)?));
    }
    let cls = spec.class().name();
    Ok(new_str(format!("{cls}({})", parts.join(", "))))
}

fn spec_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__eq__", 2)?;
    if a[1].downcast_ref::<PyModuleSpec>().is_none() {
        return Ok(not_implemented());
    }
    for n in ["name", "loader", "origin", "cached", "submodule_search_locations"] {
        let (x, y) = (field(vm, &a[0], n)?, field(vm, &a[1], n)?);
        if !vm.eq(&x, &y)? {
            return Ok(bool_value(false));
        }
    }
    let loc = |v: &Value| v.downcast_ref::<PyModuleSpec>().is_some_and(|s| s.has_location);
    Ok(bool_value(loc(&a[0]) == loc(&a[1])))
}

/// `parent`: the package a module belongs to (a package is its own).
fn spec_parent(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = field(vm, v, "name")?;
    let Some(n) = name.as_str().map(str::to_string) else { return Ok(none()) };
    if !field(vm, v, "submodule_search_locations")?.is_none() {
        return Ok(name);
    }
    Ok(new_str(n.rsplit_once('.').map(|(p, _)| p).unwrap_or("")))
}

fn spec_has_location(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(v.downcast_ref::<PyModuleSpec>().is_some_and(|s| s.has_location)))
}

/// `repr(module)`, as `importlib._bootstrap._module_repr` builds it.
pub fn module_repr(vm: &mut Vm, m: &Value) -> PyResult<String> {
    let spec = vm.get_attr_opt(m, "__spec__")?.filter(|s| !s.is_none());
    if let Some(spec) = spec {
        let name = field(vm, &spec, "name")?;
        let name_r = if name.is_none() { "'?'".to_string() } else { vm.repr_string(&name)? };
        let origin = field(vm, &spec, "origin")?;
        if origin.is_none() {
            let loader = field(vm, &spec, "loader")?;
            if loader.is_none() {
                return Ok(format!("<module {name_r}>"));
            }
            return Ok(format!("<module {name_r} ({})>", vm.repr_string(&loader)?));
        }
        let has_location = field(vm, &spec, "has_location")?;
        if vm.truthy(&has_location)? {
            return Ok(format!("<module {name_r} from {}>", vm.repr_string(&origin)?));
        }
        return Ok(format!("<module {name_r} ({})>", vm.str_string(&origin)?));
    }
    let name = match vm.get_attr_opt(m, "__name__")? {
        Some(n) => vm.repr_string(&n)?,
        None => "'?'".to_string(),
    };
    match vm.get_attr_opt(m, "__file__")? {
        Some(f) => Ok(format!("<module {name} from {}>", vm.repr_string(&f)?)),
        None => match vm.get_attr_opt(m, "__loader__")?.filter(|l| !l.is_none()) {
            Some(l) => Ok(format!("<module {name} ({})>", vm.repr_string(&l)?)),
            None => Ok(format!("<module {name}>")),
        },
    }
}
