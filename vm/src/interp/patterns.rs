//! Helpers for `match` statements: `MATCH_KEYS` and `MATCH_CLASS`.

use crate::types::singletons::none;
use crate::types::tuple::new_tuple;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The values for `keys` in `subject`, or None if one is missing.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        match vm.mapping_get(subject, &k)? {
            Some(v) => out.push(v),
            None => return Ok(none()),
        }
    }
    Ok(new_tuple(out))
}

/// `case cls(p1, .., k=..)`: the attribute tuple or None.
pub fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("called match pattern must be a class"));
    };
    if !subject.class().is_subtype(t) {
        return Ok(none());
    }
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let match_args = vm.get_attr_opt(cls, "__match_args__")?;
        match match_args {
            Some(ma) => {
                let Some(items) = ma.as_tuple().map(|t| t.to_vec()) else {
                    let tn = ma.class().name();
                    return Err(vm.new_type_error(format!("{}.__match_args__ must be a tuple (got {tn})", t.name())));
                };
                if npos > items.len() {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({npos} given)",
                        t.name(),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in &items[..npos] {
                    let n = name.as_str().unwrap_or("").to_string();
                    seen.push(n.clone());
                    match vm.get_attr_opt(subject, &n)? {
                        Some(v) => out.push(v),
                        None => return Ok(none()),
                    }
                }
            }
            None => {
                let self_matching = !t.is_heap_type()
                    || t.mro_without_self()
                        .iter()
                        .any(|b| !b.is_heap_type() && !b.is(crate::types::instance_object_type()));
                if npos == 1 && self_matching && !t.is(crate::types::instance_object_type()) {
                    out.push(subject.clone());
                } else {
                    return Err(
                        vm.new_type_error(format!("{}() accepts 0 positional sub-patterns ({npos} given)", t.name()))
                    );
                }
            }
        }
    }
    for name in names.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
        let n = name.as_str().unwrap_or("").to_string();
        if seen.contains(&n) {
            return Err(vm.new_type_error(format!("{}() got multiple sub-patterns for attribute '{n}'", t.name())));
        }
        seen.push(n.clone());
        match vm.get_attr_opt(subject, &n)? {
            Some(v) => out.push(v),
            None => return Ok(none()),
        }
    }
    Ok(new_tuple(out))
}
