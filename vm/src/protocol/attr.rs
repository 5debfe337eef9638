//! Attribute access: `getattr`, `setattr`, `delattr` and descriptors, with
//! CPython's lookup order (data descriptor on the type, then the instance
//! dict, then other class attributes, then `__getattr__`).

use crate::function::descriptors::{PyClassMethod, PyGetSet, PyMemberDescriptor, PyProperty, PyStaticMethod};
use crate::function::method::new_bound_method;
use crate::function::native::{MethodKind, PyMethodDescriptor, PyNativeFunction};
use crate::function::PyFunction;
use crate::intern::intern;
use crate::object::{alloc, PyRef};
use crate::types::dict::PyDict;
use crate::types::exceptions::{e_set_attr, exc};
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::types::type_::{flags, PyType};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Whether a class attribute is a data descriptor (has `__set__` or
/// `__delete__`), which takes precedence over the instance dict.
pub fn is_data_descriptor(a: &Value) -> bool {
    if a.is_small_int() {
        return false;
    }
    if a.downcast_ref::<PyFunction>().is_some()
        || a.downcast_ref::<PyMethodDescriptor>().is_some()
        || a.downcast_ref::<PyStr>().is_some()
        || a.downcast_ref::<PyClassMethod>().is_some()
        || a.downcast_ref::<PyStaticMethod>().is_some()
    {
        return false;
    }
    if a.downcast_ref::<PyProperty>().is_some()
        || a.downcast_ref::<PyGetSet>().is_some()
        || a.downcast_ref::<PyMemberDescriptor>().is_some()
    {
        return true;
    }
    let t = a.class();
    t.is_heap_type() && (t.lookup("__set__").is_some() || t.lookup("__delete__").is_some())
}

impl Vm {
    /// `getattr(obj, name)` for a `str` name value.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let ty = obj.class();
        let fl = ty.flags();
        if fl & flags::CUSTOM_GETATTRIBUTE != 0 {
            if let Some(ga) = ty.lookup("__getattribute__") {
                let r = self.call_unbound(&ga, obj, &[obj.clone(), name.clone()]);
                return match r {
                    Err(e) if fl & flags::HAS_GETATTR != 0 && self.err_matches(&e, &exc().attribute_error) => {
                        self.call_getattr_hook(obj, name)
                    }
                    r => r,
                };
            }
        }
        match self.generic_getattr(obj, name) {
            Err(e) if fl & flags::HAS_GETATTR != 0 && self.err_matches(&e, &exc().attribute_error) => {
                self.call_getattr_hook(obj, name)
            }
            r => r,
        }
    }

    fn call_getattr_hook(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match obj.class().lookup("__getattr__") {
            Some(f) => self.call_unbound(&f, obj, &[obj.clone(), name.clone()]),
            None => Err(self.attribute_error_for(obj, name)),
        }
    }

    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        self.get_attr(obj, &intern(name))
    }

    /// `getattr(obj, name, None)`-like: `Ok(None)` on `AttributeError`.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.lookup_attr(obj, &intern(name))
    }

    /// `_PyObject_LookupAttr`: the attribute, or `Ok(None)` where `getattr`
    /// would raise `AttributeError`. Objects without `__getattribute__` or
    /// `__getattr__` hooks never build the exception (which costs thousands
    /// of instructions: message, `name` and `obj` attributes).
    pub fn lookup_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let fl = obj.class().flags();
        let r = if fl & (flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR) == 0 {
            self.generic_getattr_opt(obj, name)
        } else {
            self.get_attr(obj, name).map(Some)
        };
        match r {
            Err(e) if self.err_matches(&e, &exc().attribute_error) => Ok(None),
            r => r,
        }
    }

    /// The `AttributeError` CPython raises for a missing attribute, with
    /// `name` and `obj` set for "Did you mean" suggestions.
    pub fn attribute_error_for(&mut self, obj: &Value, name: &Value) -> PyErr {
        let n = name.as_str().unwrap_or("?").to_string();
        let msg = if let Some(m) = obj.downcast_ref::<PyModule>() {
            format!("module '{}' has no attribute '{n}'", m.name())
        } else if let Some(t) = obj.downcast_ref::<PyType>() {
            format!("type object '{}' has no attribute '{n}'", t.name())
        } else {
            format!("'{}' object has no attribute '{n}'", obj.class().name())
        };
        let err = self.new_attribute_error(msg);
        e_set_attr(&err.0, "name", name.clone());
        e_set_attr(&err.0, "obj", obj.clone());
        err
    }

    /// `object.__getattribute__` (and the type and module variants).
    pub fn generic_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.generic_getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error_for(obj, name)),
        }
    }

    /// [`Vm::generic_getattr`] with `Ok(None)` for "not found" (errors
    /// raised by descriptors or a module `__getattr__` still propagate).
    pub fn generic_getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let name_str = name.as_str().unwrap_or("");
        if let Some(t) = obj.downcast_ref::<PyType>() {
            return self.type_getattr(obj, t, name, name_str);
        }
        let ty = obj.class();
        let attr = ty.lookup_value(name);
        if let Some(a) = &attr {
            if is_data_descriptor(a) {
                let owner = ty.to_value();
                return self.descr_get(a, Some(obj), &owner).map(Some);
            }
        }
        if let Some(v) = self.instance_attr(obj, name)? {
            return Ok(Some(v));
        }
        if let Some(a) = attr {
            let owner = ty.to_value();
            return self.descr_get(&a, Some(obj), &owner).map(Some);
        }
        if let Some(m) = obj.downcast_ref::<PyModule>() {
            if let Some(ga) = m.dict.get_str("__getattr__") {
                return self.call(&ga, &[name.clone()]).map(Some);
            }
        }
        Ok(None)
    }

    /// The attribute `name` from the instance's own attributes (inline
    /// values or `__dict__`), if it has them.
    fn instance_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let exact = name.is_exact(crate::types::str::STR_TYPE.get());
        if exact && obj.downcast_ref::<PyModule>().is_none() {
            if let Some(ext) = alloc::instance_ext(obj) {
                let ty = obj.class();
                if !ty.has_flag(flags::HAS_DICT) {
                    return Ok(None);
                }
                return Ok(ext.get_attr(ty.shared_keys(), name));
            }
        }
        let Some(d) = instance_dict(obj, false) else { return Ok(None) };
        if let Some(v) = d.get_str_value(name) {
            return Ok(Some(v));
        }
        if !exact {
            return d.get_item(self, name);
        }
        Ok(None)
    }

    /// `type.__getattribute__`: metatype data descriptors, then the MRO of
    /// the type itself (binding with no instance), then metatype attributes.
    fn type_getattr(&mut self, obj: &Value, t: &PyType, name: &Value, _name_str: &str) -> PyResult<Option<Value>> {
        let meta = obj.class();
        let meta_attr = meta.lookup_value(name);
        if let Some(a) = &meta_attr {
            if is_data_descriptor(a) {
                let owner = meta.to_value();
                return self.descr_get(a, Some(obj), &owner).map(Some);
            }
        }
        if let Some(a) = t.lookup_value(name) {
            return self.descr_get(&a, None, obj).map(Some);
        }
        if let Some(a) = meta_attr {
            let owner = meta.to_value();
            return self.descr_get(&a, Some(obj), &owner).map(Some);
        }
        Ok(None)
    }

    /// Applies the descriptor protocol to `descr` found on a class:
    /// `descr.__get__(obj, owner)`; values without `__get__` come back as is.
    pub fn descr_get(&mut self, descr: &Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
        if descr.is_small_int() {
            return Ok(descr.clone());
        }
        if descr.downcast_ref::<PyFunction>().is_some() {
            return Ok(match obj {
                Some(o) => new_bound_method(descr.clone(), o.clone()),
                None => descr.clone(),
            });
        }
        if let Some(d) = descr.downcast_ref::<PyMethodDescriptor>() {
            return Ok(match (d.kind, obj) {
                (MethodKind::Instance, Some(o)) => {
                    let mut f = PyNativeFunction::new(d.name, d.func);
                    f.bound = Some(o.clone());
                    f.owner = None;
                    PyRef::new(f).into_value()
                }
                (MethodKind::Class, _) => {
                    let cls = match obj {
                        Some(o) if owner.is_none() => o.class_ref().into_value(),
                        _ => owner.clone(),
                    };
                    let mut f = PyNativeFunction::new(d.name, d.func);
                    f.bound = Some(cls);
                    PyRef::new(f).into_value()
                }
                _ => descr.clone(),
            });
        }
        if let Some(cm) = descr.downcast_ref::<PyClassMethod>() {
            let cls = if owner.is_none() {
                obj.map(|o| o.class_ref().into_value()).unwrap_or_else(crate::types::singletons::none)
            } else {
                owner.clone()
            };
            return Ok(new_bound_method(cm.callable.clone(), cls));
        }
        if let Some(sm) = descr.downcast_ref::<PyStaticMethod>() {
            return Ok(sm.callable.clone());
        }
        if let Some(p) = descr.downcast_ref::<PyProperty>() {
            let Some(o) = obj else { return Ok(descr.clone()) };
            let fget = p.fget.lock().clone();
            return match fget {
                // A getter written in Python goes straight into a frame.
                Some(f) => match f.downcast::<PyFunction>() {
                    Some(func) if func.code.fast_argcount == 1 => {
                        self.run_function_positional(func, std::slice::from_ref(o))
                    }
                    _ => self.call(&f, &[o.clone()]),
                },
                None => {
                    let pname = p.name.lock().clone();
                    let msg = match pname.as_ref().and_then(|n| n.as_str().map(str::to_string)) {
                        Some(n) => format!("property '{n}' of '{}' object has no getter", o.class().name()),
                        None => "unreadable attribute".to_string(),
                    };
                    Err(self.new_attribute_error(msg))
                }
            };
        }
        if let Some(g) = descr.downcast_ref::<PyGetSet>() {
            return match obj {
                Some(o) => (g.getter)(self, o),
                None => Ok(descr.clone()),
            };
        }
        if let Some(m) = descr.downcast_ref::<PyMemberDescriptor>() {
            let Some(o) = obj else { return Ok(descr.clone()) };
            let v = alloc::instance_ext(o).and_then(|ext| ext.values.slot_get(m.index));
            return match v {
                Some(v) => Ok(v),
                None => Err(self.new_attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    o.class().name(),
                    m.name
                ))),
            };
        }
        let dt = descr.class();
        if !dt.is_heap_type() {
            return Ok(descr.clone());
        }
        match dt.lookup("__get__") {
            Some(get) => {
                let o = obj.cloned().unwrap_or_else(crate::types::singletons::none);
                self.call_unbound(&get, descr, &[descr.clone(), o, owner.clone()])
            }
            None => Ok(descr.clone()),
        }
    }

    /// `setattr(obj, name, value)`; `value = None` deletes.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
        let ty = obj.class();
        if ty.has_flag(flags::CUSTOM_SETATTR) {
            let (hook, args) = match &value {
                Some(v) => ("__setattr__", vec![obj.clone(), name.clone(), v.clone()]),
                None => ("__delattr__", vec![obj.clone(), name.clone()]),
            };
            if let Some(f) = ty.lookup(hook) {
                let object_hook = crate::types::instance_object_type().dict().get_str(hook);
                if !object_hook.is_some_and(|o| o.is(&f)) {
                    self.call_unbound(&f, obj, &args)?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, value)
    }

    pub fn set_attr_str(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        self.set_attr(obj, &intern(name), Some(value))
    }

    /// `object.__setattr__` / `object.__delattr__`.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
        let Some(name_str) = name.as_str() else {
            let t = name.class().name();
            return Err(self.new_type_error(format!("attribute name must be string, not '{t}'")));
        };
        if let Some(t) = obj.downcast_ref::<PyType>() {
            return self.type_setattr(obj, t, name, name_str, value);
        }
        let ty = obj.class();
        if let Some(a) = ty.lookup_value(name) {
            if is_data_descriptor(&a) {
                return self.descr_set(&a, obj, value, name_str);
            }
        }
        if let Some(v) = &value {
            if obj.downcast_ref::<PyModule>().is_none() {
                if let Some(ext) = alloc::instance_ext(obj).filter(|_| ty.has_flag(flags::HAS_DICT)) {
                    // A `str` subclass name is stored as the plain string
                    // (lookups by the plain name must find it).
                    let exact = name.is_exact(crate::types::str::STR_TYPE.get());
                    let key = if exact { name.clone() } else { intern(name_str) };
                    ext.set_attr(ty.shared_keys(), &key, v.clone());
                    return Ok(());
                }
            }
        }
        if let Some(d) = instance_dict(obj, true) {
            return match value {
                Some(v) => {
                    d.set_str_key(name.clone(), v);
                    Ok(())
                }
                None => match d.pop_item(self, name)? {
                    Some(_) => Ok(()),
                    None => Err(self.attribute_error_for(obj, name)),
                },
            };
        }
        if ty.lookup(name_str).is_some() {
            return Err(self.new_attribute_error(format!("'{}' object attribute '{name_str}' is read-only", ty.name())));
        }
        Err(self.attribute_error_for(obj, name))
    }

    fn type_setattr(
        &mut self,
        obj: &Value,
        t: &PyType,
        name: &Value,
        name_str: &str,
        value: Option<Value>,
    ) -> PyResult<()> {
        let meta = obj.class();
        if let Some(a) = meta.lookup(name_str) {
            if is_data_descriptor(&a) {
                return self.descr_set(&a, obj, value, name_str);
            }
        }
        if !t.is_heap_type() {
            return Err(
                self.new_type_error(format!("cannot set '{name_str}' attribute of immutable type '{}'", t.name()))
            );
        }
        match value {
            Some(v) => t.dict().set_str_key(name.clone(), v),
            None => {
                if t.dict().pop_item(self, name)?.is_none() {
                    return Err(self.attribute_error_for(obj, name));
                }
            }
        }
        crate::types::type_call::update_special_flags(t, name_str);
        t.modified();
        Ok(())
    }

    fn descr_set(&mut self, descr: &Value, obj: &Value, value: Option<Value>, name: &str) -> PyResult<()> {
        if let Some(p) = descr.downcast_ref::<PyProperty>() {
            let f = if value.is_some() { p.fset.lock().clone() } else { p.fdel.lock().clone() };
            return match f {
                Some(f) => {
                    let mut args = vec![obj.clone()];
                    args.extend(value);
                    self.call(&f, &args).map(|_| ())
                }
                None => {
                    let what = if value.is_some() { "setter" } else { "deleter" };
                    Err(self.new_attribute_error(format!(
                        "property '{name}' of '{}' object has no {what}",
                        obj.class().name()
                    )))
                }
            };
        }
        if let Some(g) = descr.downcast_ref::<PyGetSet>() {
            return match g.setter {
                Some(s) => s(self, obj, value),
                None => Err(self.new_attribute_error(format!(
                    "attribute '{name}' of '{}' objects is not writable",
                    g.owner.name()
                ))),
            };
        }
        if let Some(m) = descr.downcast_ref::<PyMemberDescriptor>() {
            let deleting = value.is_none();
            let Some(had) = alloc::instance_ext(obj).and_then(|e| e.values.slot_swap(m.index, value)) else {
                return Err(self.attribute_error_for(obj, &intern(name)));
            };
            if deleting && !had {
                // CPython's message is the bare member name.
                return Err(self.new_attribute_error(m.name.to_string()));
            }
            return Ok(());
        }
        let dt = descr.class();
        let (hook, args) = match value {
            Some(v) => ("__set__", vec![descr.clone(), obj.clone(), v]),
            None => ("__delete__", vec![descr.clone(), obj.clone()]),
        };
        match dt.lookup(hook) {
            Some(f) => self.call_unbound(&f, descr, &args).map(|_| ()),
            None => Err(self.new_attribute_error(format!("__{}__", &hook[2..hook.len() - 2]))),
        }
    }
}

/// The `__dict__` used for instance attributes, if the object has one.
pub fn instance_dict(obj: &Value, create: bool) -> Option<PyRef<PyDict>> {
    if let Some(m) = obj.downcast_ref::<PyModule>() {
        return Some(m.dict.clone());
    }
    let ext = alloc::instance_ext(obj)?;
    if !obj.class().has_flag(flags::HAS_DICT) {
        return None;
    }
    if create {
        Some(ext.dict())
    } else {
        ext.dict_if_any()
    }
}
