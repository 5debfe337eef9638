//! Interned strings: one immortal `str` object per distinct identifier.
//!
//! Names in code objects, attribute names and dict keys used by the runtime
//! are interned, so equality is usually a pointer compare and their counts
//! never change (no cache-line traffic when every thread uses them).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::object::PyRef;
use crate::types::str::PyStr;
use crate::value::Value;

static TABLE: OnceLock<Mutex<HashMap<Box<str>, Value>>> = OnceLock::new();

/// The interned `str` for `s`.
pub fn intern(s: &str) -> Value {
    let table = TABLE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut t = match table.lock() {
        Ok(t) => t,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(v) = t.get(s) {
        return v.clone();
    }
    let r = PyRef::new(PyStr::new(s));
    r.as_obj_ref().make_immortal();
    let v = r.into_value();
    t.insert(s.into(), v.clone());
    v
}

/// A name the runtime looks up on hot paths (`__init__`, `__getitem__`,
/// ...), interned on first use. `PyType::lookup_value` with it compares
/// cache entries by identity and reuses the string's hash, where
/// `PyType::lookup(&str)` hashes and compares the text on every call.
pub struct StaticName {
    text: &'static str,
    value: OnceLock<Value>,
}

impl StaticName {
    pub const fn new(text: &'static str) -> StaticName {
        StaticName { text, value: OnceLock::new() }
    }

    /// The interned `str`.
    #[inline]
    pub fn get(&self) -> &Value {
        self.value.get_or_init(|| intern(self.text))
    }

    pub fn as_str(&self) -> &'static str {
        self.text
    }
}

/// The special-method names the protocol code looks up.
pub mod names {
    use super::StaticName;

    macro_rules! names {
        ($($id:ident = $text:literal;)*) => { $(pub static $id: StaticName = StaticName::new($text);)* };
    }

    names! {
        INIT = "__init__";
        NEW = "__new__";
        CALL = "__call__";
        ITER = "__iter__";
        NEXT = "__next__";
        GETITEM = "__getitem__";
        SETITEM = "__setitem__";
        DELITEM = "__delitem__";
        CONTAINS = "__contains__";
        LEN = "__len__";
        BOOL = "__bool__";
        HASH = "__hash__";
        CLASS_GETITEM = "__class_getitem__";
    }
}

thread_local! {
    static LOCAL: std::cell::RefCell<HashMap<Box<str>, Value>> = std::cell::RefCell::new(HashMap::new());
}

/// `intern`, memoised per thread so hot paths do not take the global lock.
pub fn intern_cached(s: &str) -> Value {
    if let Some(v) = LOCAL.with(|m| m.borrow().get(s).cloned()) {
        return v;
    }
    let v = intern(s);
    LOCAL.with(|m| m.borrow_mut().insert(s.into(), v.clone()));
    v
}
