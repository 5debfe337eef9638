//! `CALL` of a Python function inside the dispatch loop.
//!
//! The operands of `CALL argc` are `[NULL, function, args...]` or, after a
//! method-form `LOAD_ATTR`, `[function, self, args...]` (the receiver is the
//! first argument, so no bound method object is made). When the function's
//! parameters bind by position (`PyCode::simple_args`) and no keywords are
//! passed, the arguments already sit where the callee's first fast locals
//! go: the frame's window starts at the first argument, the remaining
//! locals are filled with unbound slots, and the record takes over the
//! stack's reference to the function (CPython 3.11's `CALL_PY_EXACT_ARGS`
//! does the same). Nothing is copied, counted or allocated per call apart
//! from the frame record itself; the caller's dispatch loop continues with
//! the callee's first instruction.

use smallvec::SmallVec;

use crate::function::method::PyBoundMethod;
use crate::function::PyFunction;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Pushes the frame for `CALL argc` (no keyword names) when the
    /// callable is a Python function that binds its arguments by position,
    /// saving `pc` as the caller's resume point. `Ok(false)` (nothing
    /// changed) for every other callable or signature; an error (nothing
    /// changed either) when the recursion limit is reached.
    #[inline(always)]
    pub(crate) fn push_py_call(&mut self, fidx: usize, argc: usize, pc: usize) -> PyResult<bool> {
        let len = self.frames.values.len();
        let callable_idx = len - argc - 2;
        let mut fslot = callable_idx + self.frames.values[callable_idx].is_none() as usize;
        if !is_function(&self.frames.values[fslot]) {
            if fslot == callable_idx || !unpack_bound_method(&mut self.frames.values, callable_idx) {
                return Ok(false);
            }
            fslot = callable_idx;
        }
        let values = &self.frames.values;
        let base = fslot + 1;
        let nargs = len - base;
        let Some(f) = values[fslot].as_ref().and_then(|v| v.downcast_ref::<PyFunction>()) else {
            return Ok(false);
        };
        let code = &*f.code;
        let defaults = if nargs == code.fast_argcount as usize {
            None
        } else if code.simple_args && nargs < code.fast_argcount as usize {
            match trailing_defaults(f, code.fast_argcount as usize - nargs) {
                Some(d) => Some(d),
                None => return Ok(false),
            }
        } else {
            return Ok(false);
        };
        self.enter_call()?;
        let Some(func) = self.frames.take_function(fslot) else {
            self.depth -= 1;
            return Ok(false);
        };
        if let Some(d) = defaults {
            self.frames.values.extend(d.into_iter().map(Some));
        }
        self.frames.enter_window(base, &func.code);
        self.frames.frames[fidx].pc = pc;
        let slots = self.icache.slots(&func.code.cache_ids, func.code.co.n_cache_slots as usize);
        self.frames.push_function_record(func, base, slots, callable_idx);
        Ok(true)
    }
}

/// The last `need` values of `f.__defaults__`, read once (another thread
/// may replace the tuple meanwhile); `None` when there are fewer (the
/// generic binder then reports the missing arguments).
#[inline(never)]
fn trailing_defaults(f: &PyFunction, need: usize) -> Option<SmallVec<[Value; 4]>> {
    let defaults = f.defaults.lock();
    let d = defaults.as_ref()?.items();
    (d.len() >= need).then(|| d[d.len() - need..].iter().cloned().collect())
}

/// `[NULL, bound method, args...]` whose function is a Python function
/// becomes the method form `[function, self, args...]`, so the call goes
/// the same inline way as `obj.m(...)` (a method stored and called later,
/// `super().m(...)`).
/// Returns whether it did.
#[inline(never)]
fn unpack_bound_method(values: &mut [Option<Value>], callable_idx: usize) -> bool {
    let Some(m) = values[callable_idx + 1].as_ref().and_then(|v| v.downcast_ref::<PyBoundMethod>()) else {
        return false;
    };
    if m.function.downcast_ref::<PyFunction>().is_none() {
        return false;
    }
    let (function, receiver) = (m.function.clone(), m.receiver.clone());
    values[callable_idx] = Some(function);
    values[callable_idx + 1] = Some(receiver);
    true
}

#[inline(always)]
fn is_function(v: &Option<Value>) -> bool {
    v.as_ref().is_some_and(|v| v.downcast_ref::<PyFunction>().is_some())
}
