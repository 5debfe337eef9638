//! `repr()`, `str()` and `format()`.

use crate::types::str::{new_str, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `repr(v)` as a `str` value.
    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = v.as_small_int() {
            return Ok(new_str(compact_str::ToCompactString::to_compact_string(&i)));
        }
        let r = match self.call_special(v, "__repr__", &[])? {
            Some(r) => r,
            None => return Ok(new_str(default_repr(v))),
        };
        if r.downcast_ref::<PyStr>().is_none() {
            let t = r.class().name();
            return Err(self.new_type_error(format!("__repr__ returned non-string (type {t})")));
        }
        Ok(r)
    }

    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }

    /// `str(v)` as a `str` value.
    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if v.is_exact(crate::types::str::STR_TYPE.get()) {
            return Ok(v.clone());
        }
        if let Some(i) = v.as_small_int() {
            return Ok(new_str(compact_str::ToCompactString::to_compact_string(&i)));
        }
        let r = match self.call_special(v, "__str__", &[])? {
            Some(r) => r,
            None => return self.repr(v),
        };
        if r.downcast_ref::<PyStr>().is_none() {
            let t = r.class().name();
            return Err(self.new_type_error(format!("__str__ returned non-string (type {t})")));
        }
        Ok(r)
    }

    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<Value> {
        let r = match self.call_special(v, "__format__", &[spec.clone()])? {
            Some(r) => r,
            None => return self.str(v),
        };
        if r.downcast_ref::<PyStr>().is_none() {
            let t = r.class().name();
            return Err(self.new_type_error(format!("__format__ must return a str, not {t}")));
        }
        Ok(r)
    }
}

/// `<module.Name object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let t = v.class();
    let module = t.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string));
    let qual = t.qualname();
    match module {
        Some(m) if m != "builtins" => format!("<{m}.{qual} object at {:#x}>", v.raw_word()),
        _ => format!("<{qual} object at {:#x}>", v.raw_word()),
    }
}
