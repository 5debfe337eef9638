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
        let values = &self.frames.values;
        let len = values.len();
        let callable_idx = len - argc - 2;
        let fslot = callable_idx + values[callable_idx].is_none() as usize;
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
