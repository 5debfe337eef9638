//! The fast paths of `FOR_ITER`: the iterators of `range`, `list` and
//! `tuple` step without a call, a `dyn` dispatch or a result wrapper.
//! Everything else (generators, other native iterators, `__next__`) stays
//! in the arm and `Vm::next`.

use crate::types::int::int_from_i64;
use crate::types::iterators::{PyListIter, PyTupleIter};
use crate::types::range::PyRangeIter;
use crate::value::Value;

/// One step of `it` if it is a builtin sequence iterator: `Some(None)`
/// when exhausted; `None` when `it` is of another kind. These iterator
/// types cannot be subclassed, so their layout means their exact type.
#[inline(always)]
pub(crate) fn step_builtin(it: &Value) -> Option<Option<Value>> {
    if let Some(r) = it.downcast_ref::<PyRangeIter>() {
        return Some(r.next_int().map(int_from_i64));
    }
    if let Some(l) = it.downcast_ref::<PyListIter>() {
        return Some(l.step());
    }
    if let Some(t) = it.downcast_ref::<PyTupleIter>() {
        return Some(t.step());
    }
    None
}
