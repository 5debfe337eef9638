//! Builtin iterator objects, and the fast `next` dispatch the interpreter
//! uses for them (no `__next__` lookup, no `StopIteration`).

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::exc;
use crate::types::list::PyList;
use crate::types::tuple::PyTuple;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static SEQ_ITER_TYPE: TypeCell = TypeCell::new();
pub static LIST_ITER_TYPE: TypeCell = TypeCell::new();
pub static TUPLE_ITER_TYPE: TypeCell = TypeCell::new();
pub static CALLABLE_ITER_TYPE: TypeCell = TypeCell::new();

/// An iterator implemented in Rust.
pub trait NativeIterator {
    /// The next item, `None` when exhausted.
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>>;
}

/// How a value of one builtin type is seen as a native iterator.
pub type NativeIterOf = fn(&Value) -> Option<&dyn NativeIterator>;

fn as_dyn<T: NativeIterator + PyPayload>(v: &Value) -> Option<&dyn NativeIterator> {
    v.downcast_ref::<T>().map(|i| i as &dyn NativeIterator)
}

fn not_native(_: &Value) -> Option<&dyn NativeIterator> {
    None
}

/// Every native iterator payload. A builtin type's instances all have one
/// layout, so the first lookup for a type records the matching accessor
/// (or `not_native`) in the type, and later ones make one call.
const NATIVE_ITERATORS: &[NativeIterOf] = &[
    as_dyn::<PyListIter>,
    as_dyn::<crate::types::generator::PyGenerator>,
    as_dyn::<PyTupleIter>,
    as_dyn::<PySeqIter>,
    as_dyn::<PyCallableIter>,
    as_dyn::<crate::types::range::PyRangeIter>,
    as_dyn::<crate::types::range::PyLongRangeIter>,
    as_dyn::<crate::types::dict_methods::PyDictIter>,
    as_dyn::<crate::types::set_methods::PySetIter>,
    as_dyn::<crate::types::list_methods::PyListRevIter>,
    as_dyn::<crate::types::bytes_methods::PyBytesIter>,
    as_dyn::<crate::types::str_methods::PyStrIter>,
    as_dyn::<crate::types::deque::PyDequeIter>,
    as_dyn::<crate::builtins::iterators::PyMap>,
    as_dyn::<crate::builtins::iterators::PyZip>,
    as_dyn::<crate::builtins::iterators::PyEnumerate>,
    as_dyn::<crate::builtins::iterators::PyFilter>,
    as_dyn::<crate::builtins::iterators::PyReversed>,
];

/// `v`'s native iterator, if its type is a builtin iterator type
/// (instances of classes go through `__next__`).
#[inline]
pub fn as_native_iterator(v: &Value) -> Option<&dyn NativeIterator> {
    if v.is_small_int() {
        return None;
    }
    let ty = v.class();
    if let Some(f) = ty.native_iter_slot() {
        return f(v);
    }
    find_native_iterator(v)
}

#[cold]
fn find_native_iterator(v: &Value) -> Option<&dyn NativeIterator> {
    let ty = v.class();
    if ty.is_heap_type() {
        // Instances of classes go through `__next__`, even those of a
        // subclass of a builtin iterator; recorded so that each `next()`
        // on them makes one call instead of this search.
        ty.set_native_iter_slot(not_native);
        return None;
    }
    for f in NATIVE_ITERATORS {
        if let Some(i) = f(v) {
            ty.set_native_iter_slot(*f);
            return Some(i);
        }
    }
    ty.set_native_iter_slot(not_native);
    None
}

/// `iter(list)`: reads the list by index, so it sees concurrent appends and
/// never crashes on concurrent removals.
pub struct PyListIter {
    pub list: PyRef<PyList>,
    pub pos: AtomicUsize,
}

impl PyPayload for PyListIter {
    fn class() -> &'static PyRef<PyType> {
        LIST_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.list.to_value());
    }
}

impl PyListIter {
    /// The next item; `None` from the end on (even if the list grows).
    #[inline]
    pub fn step(&self) -> Option<Value> {
        let i = self.pos.load(Ordering::Relaxed);
        let v = self.list.get(i);
        if v.is_some() {
            self.pos.store(i + 1, Ordering::Relaxed);
        } else {
            self.pos.store(usize::MAX / 2, Ordering::Relaxed);
        }
        v
    }
}

impl NativeIterator for PyListIter {
    #[inline]
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.step())
    }
}

pub struct PyTupleIter {
    pub tuple: PyRef<PyTuple>,
    pub pos: AtomicUsize,
}

impl PyPayload for PyTupleIter {
    fn class() -> &'static PyRef<PyType> {
        TUPLE_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.tuple.to_value());
    }
}

impl PyTupleIter {
    /// The next item, `None` at the end. A plain load and store, not an
    /// atomic add: threads sharing one iterator may see an item twice, as
    /// CPython allows, but it never reads past the tuple.
    #[inline]
    pub fn step(&self) -> Option<Value> {
        let i = self.pos.load(Ordering::Relaxed);
        let v = self.tuple.items().get(i).cloned();
        if v.is_some() {
            self.pos.store(i + 1, Ordering::Relaxed);
        }
        v
    }
}

impl NativeIterator for PyTupleIter {
    #[inline]
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.step())
    }
}

/// The iterator `iter()` builds for objects with only `__getitem__`.
pub struct PySeqIter {
    pub seq: Locked<Option<Value>>,
    pub pos: AtomicUsize,
}

impl PySeqIter {
    pub fn new(seq: Value) -> PySeqIter {
        PySeqIter { seq: Locked::new(Some(seq)), pos: AtomicUsize::new(0) }
    }
}

impl PyPayload for PySeqIter {
    fn class() -> &'static PyRef<PyType> {
        SEQ_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = self.seq.lock().as_ref() {
            visit(s)
        }
    }
}

impl NativeIterator for PySeqIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(seq) = self.seq.lock().clone() else { return Ok(None) };
        let i = self.pos.fetch_add(1, Ordering::Relaxed);
        match vm.get_item(&seq, &crate::types::int::int_from_i64(i as i64)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.err_matches(&e, &exc().index_error) || vm.err_matches(&e, &exc().stop_iteration) => {
                let old = self.seq.lock().take();
                drop(old);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

/// `iter(callable, sentinel)`.
pub struct PyCallableIter {
    pub callable: Locked<Option<Value>>,
    pub sentinel: Value,
}

impl PyPayload for PyCallableIter {
    fn class() -> &'static PyRef<PyType> {
        CALLABLE_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = self.callable.lock().as_ref() {
            visit(s)
        }
        visit(&self.sentinel);
    }
}

impl NativeIterator for PyCallableIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(f) = self.callable.lock().clone() else { return Ok(None) };
        let v = match vm.call(&f, &[]) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, &exc().stop_iteration) => {
                let old = self.callable.lock().take();
                drop(old);
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if vm.eq(&v, &self.sentinel)? {
            let old = self.callable.lock().take();
            drop(old);
            return Ok(None);
        }
        Ok(Some(v))
    }
}

fn iter_self(vm: &mut Vm, a: crate::function::args::Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__iter__", 1)?;
    Ok(a[0].clone())
}

fn iter_next(vm: &mut Vm, a: crate::function::args::Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__next__", 1)?;
    match as_native_iterator(&a[0]) {
        Some(n) => match n.next(vm)? {
            Some(v) => Ok(v),
            None => Err(vm.new_stop_iteration(None)),
        },
        None => Err(vm.new_type_error("descriptor '__next__' requires an iterator")),
    }
}

/// `__next__` for any native iterator.
pub fn iter_next_pub(vm: &mut Vm, a: crate::function::args::Args<'_>) -> PyResult<Value> {
    iter_next(vm, a)
}

/// `__iter__`/`__next__` for the iterator types defined here.
pub(crate) fn install_iterator_methods() {
    for t in [&SEQ_ITER_TYPE, &LIST_ITER_TYPE, &TUPLE_ITER_TYPE, &CALLABLE_ITER_TYPE] {
        crate::function::native::add_methods(t.get(), &[("__iter__", iter_self), ("__next__", iter_next)]);
    }
}
