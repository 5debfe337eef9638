//! The object protocol: what the interpreter and builtins do to *any*
//! value. Each operation takes a fast path for exact builtin types, then
//! falls back to the special methods found on the type (`__add__`,
//! `__eq__`, `__getattribute__`, ...), with CPython's rules for reflected
//! operands, descriptors and error messages.

pub mod attr;
pub mod call;
pub mod compare;
pub mod hash;
pub mod iter;
pub mod number;
pub mod reduce;
pub mod sequence;
pub mod text;

pub use compare::fast_eq;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Looks up `name` on `type(obj)` (not the instance) and calls it with
    /// `obj` prepended; `None` if the type has no such attribute.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(f) = obj.class().lookup(name) else { return Ok(None) };
        let full = crate::function::args::Args::positional(args).prepend(obj);
        self.call_unbound_args(&f, obj, full.as_args()).map(Some)
    }
}
