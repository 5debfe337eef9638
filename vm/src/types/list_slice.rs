//! Slicing of exact `list`s and `tuple`s without a method call.
//!
//! `seq[a:b]`, `seq[a::-1]` and `lst[a:b] = other` are common in real
//! code (fannkuch reverses a prefix on every flip). The generic path looks
//! up `__getitem__`, unpacks the slice through `__index__`, gathers the
//! items into a vector and builds the result from it; here bounds that are
//! small ints or `None` are read directly and the result is filled straight
//! from the source. Anything else (subclasses, bounds needing `__index__`,
//! a zero step, a source that is not a list or tuple) returns `None`, and
//! the caller takes the generic path, which raises CPython's errors.
//!
//! Locking: a list is read under its lock, so the copy is one consistent
//! state. Slice assignment copies a list source out under the source's
//! lock first, then locks the target: two list locks are never held at
//! once (no lock-order deadlock between `a[:] = b` and `b[:] = a`).

use smallvec::SmallVec;

use crate::object::shared_vec::SharedVec;
use crate::object::PyRef;
use crate::types::list::{PyList, LIST_TYPE};
use crate::types::small::PySlice;
use crate::types::tuple::{new_tuple, PyTuple, TUPLE_TYPE};
use crate::types::tuple_methods::SliceSpec;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A slice bound that needs no Python code: `None` (absent) or a small int.
#[inline]
fn fast_bound(v: &Value) -> Option<Option<i64>> {
    if let Some(i) = v.as_small_int() {
        return Some(Some(i));
    }
    v.is_none().then_some(None)
}

/// The bounds of `start:stop:step` when all are small ints or `None` and
/// the step is not zero.
#[inline]
pub fn fast_spec(start: &Value, stop: &Value, step: Option<&Value>) -> Option<SliceSpec> {
    let step = match step.map_or(Some(None), fast_bound)? {
        None => 1,
        Some(0) => return None,
        Some(s) => s.max(-i64::MAX),
    };
    Some(SliceSpec { start: fast_bound(start)?, stop: fast_bound(stop)?, step })
}

/// The spec of a slice object, if [`fast_spec`] can read it.
#[inline]
pub fn spec_of(key: &Value) -> Option<SliceSpec> {
    let s = key.downcast_ref::<PySlice>()?;
    fast_spec(&s.start, &s.stop, Some(&s.step))
}

/// Items `start, start+step, ...` (`n` of them, positions valid) cloned.
#[inline]
fn picked(items: &[Value], start: i64, step: i64, n: usize) -> impl ExactSizeIterator<Item = Value> + '_ {
    (0..n).map(move |k| items[(start + k as i64 * step) as usize].clone())
}

/// `obj[spec]` for an exact list or tuple, else `None`.
#[inline]
pub fn get_slice(obj: &Value, spec: SliceSpec) -> Option<Value> {
    let cls = obj.class();
    if std::ptr::eq(cls, LIST_TYPE.get().payload_ref()) {
        let l = obj.downcast_ref::<PyList>()?;
        let storage = l.read(|items| {
            let (start, _, step, n) = spec.adjust(items.len());
            if step == 1 {
                let s = start as usize;
                SharedVec::from_exact(items[s..s + n].iter().cloned())
            } else {
                SharedVec::from_exact(picked(items, start, step, n))
            }
        });
        return Some(PyRef::new(PyList::from_storage(storage)).into_value());
    }
    if std::ptr::eq(cls, TUPLE_TYPE.get().payload_ref()) {
        let t = obj.downcast_ref::<PyTuple>()?.items();
        let (start, _, step, n) = spec.adjust(t.len());
        if step == 1 && n == t.len() {
            return Some(obj.clone());
        }
        let v: Vec<Value> = if step == 1 {
            t[start as usize..start as usize + n].to_vec()
        } else {
            picked(t, start, step, n).collect()
        };
        return Some(new_tuple(v));
    }
    None
}

/// The items of an exact list or tuple, copied (a list under its lock).
fn source_items(v: &Value) -> Option<SmallVec<[Value; 16]>> {
    if let Some(t) = v.downcast_ref::<PyTuple>().filter(|_| v.is_exact(TUPLE_TYPE.get())) {
        return Some(t.items().iter().cloned().collect());
    }
    let l = v.downcast_ref::<PyList>().filter(|_| v.is_exact(LIST_TYPE.get()))?;
    Some(l.read(|items| items.iter().cloned().collect()))
}

/// `obj[spec] = value` for an exact list target and an exact list or
/// tuple source, else `None` (generic path).
pub fn set_slice(vm: &mut Vm, obj: &Value, spec: SliceSpec, value: &Value) -> Option<PyResult<()>> {
    if !obj.is_exact(LIST_TYPE.get()) {
        return None;
    }
    let l = obj.downcast_ref::<PyList>()?;
    let mut src = source_items(value)?;
    let k = src.len();
    // As many items as the range replaces: they trade places with the old
    // ones under the lock, and the old ones are released after it.
    let same = l.swap_range(
        |len| {
            let (start, stop, step, n) = spec.adjust(len);
            (step == 1 && n == k && stop - start == k as i64).then_some(start as usize)
        },
        &mut src,
    );
    match same {
        Some(false) => return Some(Ok(())),
        Some(true) => {
            src.into_iter().for_each(crate::object::lockfree::defer_drop);
            return Some(Ok(()));
        }
        None => {}
    }
    let mut items = l.lock();
    let (start, stop, step, n) = spec.adjust(items.len());
    if step == 1 {
        let (s, e) = (start as usize, stop.max(start) as usize);
        // Drained in place: moving a 16-slot buffer costs a copy.
        items.splice(s, e, src.drain(..));
        // The guard drops the replaced values after unlocking.
        return Some(Ok(()));
    }
    if src.len() != n {
        drop(items);
        return Some(Err(vm.new_value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            src.len()
        ))));
    }
    for (k, v) in src.into_iter().enumerate() {
        items.set((start + k as i64 * step) as usize, v);
    }
    Some(Ok(()))
}
