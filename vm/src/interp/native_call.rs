//! The generic tail of `CALL`: callables other than plain Python functions
//! (which the dispatch loop enters inline), called with their operands
//! moved off the value stack into a [`CallOperands`].
//!
//! Builtin functions and method descriptors -- most calls that are not to
//! Python functions (`len(x)`, `s.rstrip('.')`, `d.get(k)`) -- are tried
//! first and get their arguments as a slice of that buffer: no vector, no
//! keyword mapping, no reference counting per argument.

use crate::function::args::Args;
use crate::function::native::{PyMethodDescriptor, PyNativeFunction};
use crate::interp::frame::CallOperands;
use crate::types::int::INT_TYPE;
use crate::types::str::STR_TYPE;
use crate::types::type_::TypeCell;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Whether `v` is the class object `cell` holds.
#[inline(always)]
fn is_class(v: &Value, cell: &'static TypeCell) -> bool {
    v.as_header_ptr() == Some(cell.get().header_ptr())
}

impl Vm {
    /// Calls `ops.callable()` with `ops.args()`, whose last `kwnames.len()`
    /// values are keyword arguments.
    #[inline]
    pub(crate) fn call_operands(&mut self, ops: &CallOperands, kwnames: &[Value]) -> PyResult<Value> {
        let callable = ops.callable();
        let all = ops.args();
        let npos = all.len() - kwnames.len();
        let args = Args { pos: &all[..npos], kwnames, kwvalues: &all[npos..] };
        if let Some(f) = callable.downcast_ref::<PyNativeFunction>() {
            if f.bound.is_none() {
                return (f.func)(self, args);
            }
            return f.call(self, args);
        }
        if let Some(d) = callable.downcast_ref::<PyMethodDescriptor>() {
            return d.call(self, args);
        }
        if kwnames.is_empty() && npos == 1 {
            // `int(x)` and `str(x)` of the exact builtin classes: their
            // `__init__` is `object`'s and their dicts cannot change, so
            // the class call is `__new__(cls, x)` alone.
            if is_class(callable, &INT_TYPE) {
                return crate::types::int_methods::construct::int_new(self, Args::positional(ops.values()));
            }
            if is_class(callable, &STR_TYPE) {
                return self.str(&all[0]);
            }
        }
        if let Some(r) = crate::types::exceptions::construct::call_exception_class(self, callable, args) {
            return r;
        }
        self.call_args(callable, args)
    }
}
