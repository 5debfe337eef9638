//! The fast paths of `FOR_ITER` and `BINARY_SUBSCR`: the iterators of
//! `range`, `list` and `tuple` step without a call, a `dyn` dispatch or a
//! result wrapper; `for a, b in` over `enumerate`, `zip` and `dict.items()`
//! skips the pair's tuple; and an exact list or tuple indexed by a small
//! int in range is read in place. Everything else (generators, other native
//! iterators, `__next__`, `__getitem__`, errors) stays with the arm and
//! `Vm::next` / `Vm::get_item`.

use crate::builtins::iterators::{PyEnumerate, PyZip};
use crate::types::dict_methods::PyDictIter;
use crate::types::int::int_from_i64;
use crate::types::iterators::{PyListIter, PyTupleIter};
use crate::types::list::{PyList, LIST_TYPE};
use crate::types::range::PyRangeIter;
use crate::types::tuple::{PyTuple, TUPLE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

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

/// `FOR_ITER` followed by `UNPACK_SEQUENCE 2` over `enumerate`, a
/// two-iterable `zip` or a dict items iterator: the next pair, which the
/// loop pushes without building the tuple the unpacking would take apart.
/// `None` when `it` is of another kind or a subclass instance (the caller
/// steps it normally).
#[inline]
pub(crate) fn step_pair(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<(Value, Value)>>> {
    // A subclass (of `enumerate` or `zip`) may override `__next__`.
    if it.is_small_int() || it.class().is_heap_type() {
        return None;
    }
    if let Some(e) = it.downcast_ref::<PyEnumerate>() {
        return Some(e.next_pair(vm));
    }
    if let Some(d) = it.downcast_ref::<PyDictIter>() {
        return d.next_item_pair(vm);
    }
    it.downcast_ref::<PyZip>()?.next_pair(vm)
}

/// `container[key]` for an exact list or tuple and a small int key in
/// range; `None` for anything else (including an index out of range,
/// whose error the general path raises).
#[inline(always)]
pub(crate) fn subscr_fast(container: &Value, key: &Value) -> Option<Value> {
    item_fast(container, key.as_small_int()?)
}

/// `container[i]` for an exact list or tuple and `i` in range (negative
/// from the end); `None` for anything else.
#[inline(always)]
pub(crate) fn item_fast(container: &Value, i: i64) -> Option<Value> {
    if container.is_exact(LIST_TYPE.get()) {
        return container.downcast_ref::<PyList>()?.get_signed(i);
    }
    if container.is_exact(TUPLE_TYPE.get()) {
        let t = container.downcast_ref::<PyTuple>()?.items();
        let j = crate::protocol::sequence::normalize_index(i, t.len())?;
        return Some(t[j].clone());
    }
    None
}
