//! Interned strings: one immortal `str` object per distinct identifier.
//!
//! Names in code objects, attribute names and dict keys used by the runtime
//! are interned, so equality is usually a pointer compare and their counts
//! never change (no cache-line traffic when every thread uses them).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, OnceLock};

use crate::object::PyRef;
use crate::types::str::PyStr;
use crate::value::Value;

/// A multiplicative hash for the tables below: their keys are short
/// identifiers the runtime chose, not attacker-controlled input, and
/// SipHash cost more than the rest of a lookup.
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type NameMap = HashMap<Box<str>, Value, BuildHasherDefault<NameHasher>>;

static TABLE: OnceLock<Mutex<NameMap>> = OnceLock::new();

/// The interned `str` for `s`.
pub fn intern(s: &str) -> Value {
    let table = TABLE.get_or_init(|| Mutex::new(NameMap::default()));
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
        // Attributes the runtime stores on exceptions (`e_set_attr`).
        NAME = "name";
        OBJ = "obj";
        VALUE = "value";
    }
}

thread_local! {
    static LOCAL: std::cell::RefCell<NameMap> = std::cell::RefCell::new(NameMap::default());
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
