//! Methods of `list`, its reverse iterator, and `slice`.
//!
//! Locking: every method reads or writes the items under the list's lock
//! for one short step and never runs Python code (`__eq__`, `__index__`,
//! `__repr__`, destructors) with it held. Comparisons read one item at a
//! time by index, as CPython does, so a list mutated by a comparison is
//! never read out of bounds; values taken out of the list are dropped
//! after the lock is released. `sort` of items that compare natively (ints,
//! floats, strs, tuples of those) runs with the lock held; any other `sort`
//! empties the list while it compares (as CPython) and reports "list
//! modified during sort" if anything was stored meanwhile.

#[path = "generic_alias.rs"]
pub mod generic_alias;

use std::sync::atomic::{AtomicIsize, Ordering};

use skein_compiler::bytecode::CompareOp;

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::shared_vec::ListGuard;
use crate::object::{PyPayload, PyRef};
use crate::protocol::sequence::normalize_index;
use crate::types::int::int_from_i64;
use crate::types::iterators::{NativeIterator, PyListIter};
use crate::types::list::{new_list, PyList, LIST_TYPE};
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::small::{PySlice, SLICE_TYPE};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{
    check_repeat_size, compare_methods, concat_fallback, descr_error, eq_nested, gather, mul_fallback, noargs, one_arg,
    pos_range, repeat_count, repr_enter, repr_nested, seq_compare, seq_count, seq_index, seq_key, slot_args, Key,
    RichCompare, Seq, SliceSpec,
};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static LIST_REVITER_TYPE: TypeCell = TypeCell::new();

// ---- slices ------------------------------------------------------------------------

/// One bound of a slice (`_PyEval_SliceIndex`): `None`, or an integer
/// clamped to the index-sized range.
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    if v.as_int().is_none() && v.class().lookup("__index__").is_none() {
        return Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = vm.index(v)?;
    Ok(Some(match i.as_i64() {
        Some(x) => x,
        None if i.as_int().is_some_and(|b| b.to_bigint().sign() == num_bigint::Sign::Minus) => i64::MIN,
        None => i64::MAX,
    }))
}

/// `PySlice_Unpack`: the bounds of `s` as integers (may call `__index__`).
pub fn slice_unpack(vm: &mut Vm, s: &PySlice) -> PyResult<SliceSpec> {
    let step = match slice_bound(vm, &s.step)? {
        None => 1,
        Some(0) => return Err(vm.new_value_error("slice step cannot be zero")),
        Some(x) => x.max(-i64::MAX),
    };
    let start = slice_bound(vm, &s.start)?;
    let stop = slice_bound(vm, &s.stop)?;
    Ok(SliceSpec { start, stop, step })
}

/// `slice.indices(n)` as (start, stop, step) with CPython's clamping.
pub fn slice_indices(vm: &mut Vm, s: &PySlice, n: i64) -> PyResult<(i64, i64, i64)> {
    let spec = slice_unpack(vm, s)?;
    let (start, stop, step, _) = spec.adjust(n.max(0) as usize);
    Ok((start, stop, step))
}

fn slice_this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PySlice> {
    match v.downcast_ref::<PySlice>() {
        Some(s) => Ok(s),
        None => Err(descr_error(vm, "slice", v)),
    }
}

fn slice_new_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.skip_self().no_kwargs(vm, "slice")?;
    let a = &args.pos[1.min(args.pos.len())..];
    let n = none;
    let (start, stop, step) = match a.len() {
        0 => return Err(vm.new_type_error("slice expected at least 1 argument, got 0")),
        1 => (n(), a[0].clone(), n()),
        2 => (a[0].clone(), a[1].clone(), n()),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        k => return Err(vm.new_type_error(format!("slice expected at most 3 arguments, got {k}"))),
    };
    Ok(crate::types::small::slice_new(start, stop, step))
}

fn slice_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let s = slice_this(vm, &a[0])?;
    let start = repr_nested(vm, &s.start)?;
    let stop = repr_nested(vm, &s.stop)?;
    let step = repr_nested(vm, &s.step)?;
    Ok(new_str(format!("slice({start}, {stop}, {step})")))
}

fn slice_parts(s: &PySlice) -> Value {
    new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
}

struct SliceCmp;

impl RichCompare for SliceCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let x = slice_this(vm, a)?;
        let Some(y) = b.downcast_ref::<PySlice>() else {
            return Ok(not_implemented());
        };
        let (tx, ty) = (slice_parts(x), slice_parts(y));
        vm.rich_compare(&tx, &ty, op)
    }
}

fn slice_indices_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, n) = one_arg(vm, &args, "slice.indices")?;
    let s = slice_this(vm, s)?;
    let n = vm.index(n)?;
    let len = match n.as_i64() {
        Some(x) if x < 0 => return Err(vm.new_value_error("length should not be negative")),
        Some(x) => x,
        None => return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    };
    let (start, stop, step) = slice_indices(vm, s, len)?;
    Ok(new_tuple(vec![int_from_i64(start), int_from_i64(stop), int_from_i64(step)]))
}

fn slice_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "slice.__reduce__")?;
    let sl = slice_this(vm, s)?;
    Ok(new_tuple(vec![SLICE_TYPE.get().to_value(), slice_parts(sl)]))
}

fn slice_start(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(slice_this(vm, v)?.start.clone())
}
fn slice_stop(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(slice_this(vm, v)?.stop.clone())
}
fn slice_step(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(slice_this(vm, v)?.step.clone())
}

// ---- list --------------------------------------------------------------------------

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyList> {
    match v.downcast_ref::<PyList>() {
        Some(l) => Ok(l),
        None => Err(descr_error(vm, "list", v)),
    }
}

/// The items of an iterable for slice assignment (`PySequence_Fast`):
/// TypeError `msg` when `v` cannot be iterated at all.
fn seq_fast(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    if let Some(t) = v.as_tuple() {
        return Ok(t.to_vec());
    }
    if let Some(l) = v.downcast_ref::<PyList>() {
        return Ok(l.snapshot());
    }
    let t = v.class();
    if t.lookup("__iter__").is_none_or(|f| f.is_none()) && t.lookup("__getitem__").is_none() {
        return Err(vm.new_type_error(msg));
    }
    vm.collect(v)
}

fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("list.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(LIST_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "list.__new__({}): {} is not a subtype of list",
            cls.name(),
            cls.name()
        )));
    }
    if cls.is(LIST_TYPE.get()) {
        return Ok(new_list(Vec::new()));
    }
    Ok(PyRef::new_with_type(PyList::new(Vec::new()), &cls).into_value())
}

fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' needs an argument"));
    };
    let l = this(vm, s)?;
    args.no_kwargs(vm, "list")?;
    if args.pos.len() > 2 {
        return Err(vm.new_type_error(format!("list expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    l.lock().clear();
    if let Some(it) = args.pos.get(1) {
        let items = vm.collect(it)?;
        l.lock().extend(items);
    }
    Ok(none())
}

fn list_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let l = this(vm, &a[0])?;
    if l.is_empty() {
        return Ok(new_str("[]"));
    }
    let Some(_guard) = repr_enter(&a[0]) else {
        return Ok(new_str("[...]"));
    };
    let mut s = String::from("[");
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_nested(vm, &v)?);
        i += 1;
    }
    s.push(']');
    Ok(new_str(s))
}

struct ListCmp;

impl RichCompare for ListCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let x = this(vm, a)?;
        let Some(y) = b.downcast_ref::<PyList>() else {
            return Ok(not_implemented());
        };
        seq_compare(vm, Seq::List(x), Seq::List(y), op)
    }
}

fn list_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(this(vm, &a[0])?.len() as i64))
}

fn list_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, key) = one_arg(vm, &args, "list.__getitem__")?;
    let l = this(vm, s)?;
    match seq_key(vm, key, "list")? {
        Key::Index(i) => match l.get_signed(i) {
            Some(v) => Ok(v),
            None => Err(vm.new_index_error("list index out of range")),
        },
        Key::Slice(sp) => {
            let items = l.lock_read();
            let (start, _, step, n) = sp.adjust(items.len());
            let v = gather(&items, start, step, n);
            drop(items);
            Ok(new_list(v))
        }
    }
}

/// The positions an extended slice selects, ascending.
fn slice_positions(start: i64, step: i64, n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
    if step < 0 {
        v.reverse();
    }
    v
}

/// `del l[slice]` with the lock held; the guard drops the removed values
/// after unlocking.
fn delete_slice(items: &mut ListGuard<'_>, sp: &SliceSpec) {
    let (start, stop, step, n) = sp.adjust(items.len());
    if n == 0 {
        return;
    }
    if step == 1 {
        items.splice(start as usize, stop.max(start) as usize, Vec::new());
        return;
    }
    items.delete_positions(&slice_positions(start, step, n));
}

fn list_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 2)?;
    let l = this(vm, &a[0])?;
    match seq_key(vm, &a[1], "list")? {
        Key::Index(i) => {
            let mut items = l.lock();
            match normalize_index(i, items.len()) {
                Some(j) => {
                    items.set(j, a[2].clone());
                    drop(items);
                    Ok(none())
                }
                None => {
                    drop(items);
                    Err(vm.new_index_error("list assignment index out of range"))
                }
            }
        }
        Key::Slice(sp) => {
            let msg =
                if sp.step == 1 { "can only assign an iterable" } else { "must assign iterable to extended slice" };
            let seq = seq_fast(vm, &a[2], msg)?;
            let mut items = l.lock();
            let (start, stop, step, n) = sp.adjust(items.len());
            if step == 1 {
                let (s, e) = (start as usize, stop.max(start) as usize);
                items.splice(s, e, seq);
                drop(items);
                return Ok(none());
            }
            if seq.len() != n {
                drop(items);
                return Err(vm.new_value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {n}",
                    seq.len()
                )));
            }
            for (k, v) in seq.into_iter().enumerate() {
                let j = (start + k as i64 * step) as usize;
                items.set(j, v);
            }
            drop(items);
            Ok(none())
        }
    }
}

fn list_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let l = this(vm, &a[0])?;
    match seq_key(vm, &a[1], "list")? {
        Key::Index(i) => {
            let mut items = l.lock();
            match normalize_index(i, items.len()) {
                Some(j) => {
                    let old = items.remove(j);
                    drop(items);
                    drop(old);
                    Ok(none())
                }
                None => {
                    drop(items);
                    Err(vm.new_index_error("list assignment index out of range"))
                }
            }
        }
        Key::Slice(sp) => {
            delete_slice(&mut l.lock(), &sp);
            Ok(none())
        }
    }
}

fn list_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let l = this(vm, &a[0])?;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if eq_nested(vm, &v, &a[1])? {
            return Ok(bool_value(true));
        }
        i += 1;
    }
    Ok(bool_value(false))
}

fn list_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(l) = a[0].downcast::<PyList>() else {
        return Err(descr_error(vm, "list", &a[0]));
    };
    Ok(PyRef::new(PyListIter { list: l, pos: std::sync::atomic::AtomicUsize::new(0) }).into_value())
}

/// `reversed(list)`: reads by index from the end; stops for good once the
/// index falls outside the list.
pub struct PyListRevIter {
    pub list: PyRef<PyList>,
    pub index: AtomicIsize,
}

impl PyPayload for PyListRevIter {
    fn class() -> &'static PyRef<PyType> {
        LIST_REVITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.list.to_value());
    }
}

impl NativeIterator for PyListRevIter {
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.index.load(Ordering::Relaxed);
        if i >= 0 {
            if let Some(v) = self.list.get(i as usize) {
                self.index.store(i - 1, Ordering::Relaxed);
                return Ok(Some(v));
            }
        }
        self.index.store(-1, Ordering::Relaxed);
        Ok(None)
    }
}

fn list_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "list.__reversed__")?;
    let Some(l) = s.downcast::<PyList>() else {
        return Err(descr_error(vm, "list", s));
    };
    let n = l.len() as isize;
    Ok(PyRef::new(PyListRevIter { list: l, index: AtomicIsize::new(n - 1) }).into_value())
}

fn reviter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(it) = a[0].downcast_ref::<PyListRevIter>() else {
        return Err(descr_error(vm, "list_reverseiterator", &a[0]));
    };
    match it.next(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn reviter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "list_reverseiterator.__length_hint__")?;
    let Some(it) = s.downcast_ref::<PyListRevIter>() else {
        return Err(descr_error(vm, "list_reverseiterator", s));
    };
    let i = it.index.load(Ordering::Relaxed);
    let n = if i >= 0 && (i as usize) < it.list.len() { i + 1 } else { 0 };
    Ok(int_from_i64(n as i64))
}

fn self_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

fn list_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let x = this(vm, &a[0])?;
    let Some(y) = a[1].downcast_ref::<PyList>() else {
        return concat_fallback(vm, &a[0], &a[1], "list");
    };
    let mut v = x.snapshot();
    v.extend(y.snapshot());
    Ok(new_list(v))
}

fn list_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let l = this(vm, &a[0])?;
    let items = vm.collect(&a[1])?;
    l.lock().extend(items);
    Ok(a[0].clone())
}

fn repeated(vm: &mut Vm, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let total = check_repeat_size(vm, items.len(), n)?;
    let mut v = Vec::with_capacity(total);
    for _ in 0..n.max(0) {
        v.extend_from_slice(items);
    }
    Ok(v)
}

fn list_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let l = this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return mul_fallback(vm, &a[0], &a[1]);
    };
    let v = repeated(vm, &l.snapshot(), n)?;
    Ok(new_list(v))
}

fn list_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let l = this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{}'", a[1].class().name())));
    };
    let v = repeated(vm, &l.snapshot(), n)?;
    Ok(new_list(v))
}

fn list_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let l = this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return mul_fallback(vm, &a[0], &a[1]);
    };
    let v = repeated(vm, &l.snapshot(), n)?;
    l.lock().replace_all(v);
    Ok(a[0].clone())
}

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "list.append")?;
    this(vm, s)?.append(x.clone());
    Ok(none())
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, it) = one_arg(vm, &args, "list.extend")?;
    let l = this(vm, s)?;
    let items = vm.collect(it)?;
    l.lock().extend(items);
    Ok(none())
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "insert", 2, 2)?;
    let l = this(vm, s)?;
    let i = vm.index_isize(&rest[0])? as i64;
    l.insert_clamped(i, rest[1].clone());
    Ok(none())
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "list.remove")?;
    let l = this(vm, s)?;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if eq_nested(vm, &v, x)? {
            let mut items = l.lock();
            let old = (i < items.len()).then(|| items.remove(i));
            drop(items);
            drop(old);
            return Ok(none());
        }
        i += 1;
    }
    Err(vm.new_value_error("list.remove(x): x not in list"))
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "pop", 0, 1)?;
    let l = this(vm, s)?;
    let i = match rest.first() {
        Some(v) => vm.index_isize(v)? as i64,
        None => -1,
    };
    match l.pop_signed(i) {
        Ok(v) => Ok(v),
        Err(true) => Err(vm.new_index_error("pop from empty list")),
        Err(false) => Err(vm.new_index_error("pop index out of range")),
    }
}

fn list_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "list.clear")?;
    this(vm, s)?.lock().clear();
    Ok(none())
}

fn list_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "list.copy")?;
    Ok(new_list(this(vm, s)?.snapshot()))
}

fn list_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "list.count")?;
    let l = this(vm, s)?;
    seq_count(vm, Seq::List(l), x)
}

fn list_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "index", 1, 3)?;
    let l = this(vm, s)?;
    seq_index(vm, Seq::List(l), rest, "")
}

fn list_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "list.reverse")?;
    this(vm, s)?.lock().reverse();
    Ok(none())
}

fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'sort' needs an argument"));
    };
    let l = this(vm, s)?;
    if args.pos.len() > 1 {
        return Err(vm.new_type_error("sort() takes no positional arguments"));
    }
    let [key, reverse] = crate::builtins::take_kwargs(vm, &args, "sort", ["key", "reverse"])?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => crate::builtins::sort::reverse_flag(vm, &r)?,
        None => false,
    };
    let mut guard = l.lock();
    let mut items = guard.take_for_sort();
    // Items that compare without Python code are sorted with the lock
    // held: one atomic step for other threads' appends and stores.
    if key.is_none() && crate::builtins::sort::sort_values_native(&mut items, reverse) {
        guard.restore_sorted(items);
        return Ok(none());
    }
    drop(guard);
    // Otherwise the list is empty while comparisons run; whatever they
    // store in it is discarded and reported, as CPython does.
    let r = crate::builtins::sort::sort_values(vm, &mut items, key.as_ref(), reverse);
    let modified = l.lock().restore_sorted(items);
    r?;
    if modified {
        return Err(vm.new_value_error("list modified during sort"));
    }
    Ok(none())
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.list;
    add_method_kind(t, "__new__", list_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__init__", list_init),
            ("__repr__", list_repr),
            ("__len__", list_len),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__contains__", list_contains),
            ("__iter__", list_iter),
            ("__reversed__", list_reversed),
            ("__add__", list_add),
            ("__iadd__", list_iadd),
            ("__mul__", list_mul),
            ("__rmul__", list_rmul),
            ("__imul__", list_imul),
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("remove", list_remove),
            ("pop", list_pop),
            ("clear", list_clear),
            ("copy", list_copy),
            ("count", list_count),
            ("index", list_index),
            ("reverse", list_reverse),
            ("sort", list_sort),
        ],
    );
    add_methods(t, &compare_methods::<ListCmp>());
    t.dict().set_str_key(crate::intern::intern("__hash__"), none());

    let rt = PyType::new_builtin::<PyListRevIter>("list_reverseiterator", Some(types.object), 0, false);
    rt.set_dict(crate::types::dict::PyDict::new_ref());
    LIST_REVITER_TYPE.set(rt);
    add_methods(
        LIST_REVITER_TYPE.get(),
        &[("__iter__", self_iter), ("__next__", reviter_next), ("__length_hint__", reviter_length_hint)],
    );

    let st = types.slice;
    add_method_kind(st, "__new__", slice_new_method, MethodKind::Static);
    add_methods(st, &[("__repr__", slice_repr), ("indices", slice_indices_method), ("__reduce__", slice_reduce)]);
    add_methods(st, &compare_methods::<SliceCmp>());
    st.dict().set_str_key(crate::intern::intern("__hash__"), none());
    add_getset(st, "start", slice_start, None);
    add_getset(st, "stop", slice_stop, None);
    add_getset(st, "step", slice_step, None);

    generic_alias::install(types.object, &[types.list, types.tuple, types.dict, types.set, types.frozenset]);
}
