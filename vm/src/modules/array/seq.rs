//! The sequence protocol of `array.array`: length, subscripts, `in`,
//! iteration, `+`, `*`, comparisons and `repr`, with CPython 3.11's
//! messages. Every read or write of the items is one critical section on
//! the array's lock; conversions and comparisons that may run Python code
//! happen outside it.

use std::sync::atomic::{AtomicUsize, Ordering};

use skein_compiler::bytecode::CompareOp;

use super::codes::{Code, Item};
use super::{new_array, this, values_of, PyArray, ARRAY_ITER_TYPE};
use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::{PyPayload, PyRef};
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::small::PySlice;
use crate::types::str::{new_str, PyStr};
use crate::types::tuple_methods::{
    compare_methods, descr_error, noargs, python_level, repeat_count, slot_args, RichCompare, SliceSpec,
};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A subscript: an index or a slice.
enum Sub {
    Index(i64),
    Slice(SliceSpec),
}

/// `array_subscr`'s reading of a key: TypeError "array indices must be
/// integers"; an index too large for `Py_ssize_t` is an IndexError.
fn subscript(vm: &mut Vm, key: &Value) -> PyResult<Sub> {
    if let Some(i) = key.as_small_int() {
        return Ok(Sub::Index(i));
    }
    if let Some(s) = key.downcast_ref::<PySlice>() {
        return Ok(Sub::Slice(crate::types::list_methods::slice_unpack(vm, s)?));
    }
    if key.as_int().is_some() || key.class().lookup("__index__").is_some() {
        return Ok(Sub::Index(vm.index_isize(key)? as i64));
    }
    Err(vm.new_type_error("array indices must be integers"))
}

/// `i` counted from the end when negative; `None` out of range.
fn normalize(i: i64, len: usize) -> Option<usize> {
    crate::protocol::sequence::normalize_index(i, len)
}

/// The positions a normalised slice selects.
fn positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as i64 * step) as usize)
}

fn array_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(this(vm, &a[0])?.len() as i64))
}

fn array_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    let size = arr.code.size();
    match subscript(vm, &a[1])? {
        Sub::Index(i) => {
            let item = {
                let d = arr.data.lock();
                normalize(i, d.len() / size).map(|j| arr.code.read(&d[j * size..(j + 1) * size]))
            };
            match item {
                Some(item) => arr.code.value(vm, item),
                None => Err(vm.new_index_error("array index out of range")),
            }
        }
        Sub::Slice(sp) => {
            let out = {
                let d = arr.data.lock();
                let (start, _, step, n) = sp.adjust(d.len() / size);
                let mut out = Vec::with_capacity(n * size);
                for p in positions(start, step, n) {
                    out.extend_from_slice(&d[p * size..(p + 1) * size]);
                }
                out
            };
            Ok(new_array(arr.code, out))
        }
    }
}

fn array_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 2)?;
    let arr = this(vm, &a[0])?;
    let size = arr.code.size();
    match subscript(vm, &a[1])? {
        Sub::Index(i) => {
            let item = arr.code.to_item(vm, &a[2])?;
            let mut d = arr.data.lock();
            match normalize(i, d.len() / size) {
                Some(j) => {
                    arr.code.write(item, &mut d[j * size..(j + 1) * size]);
                    Ok(none())
                }
                None => {
                    drop(d);
                    Err(vm.new_index_error("array assignment index out of range"))
                }
            }
        }
        Sub::Slice(sp) => {
            let Some(src) = a[2].downcast_ref::<PyArray>() else {
                let t = a[2].class().name();
                return Err(vm.new_type_error(format!("can only assign array (not \"{t}\") to array slice")));
            };
            if src.code != arr.code {
                return Err(vm.new_type_error("bad argument type for built-in operation"));
            }
            // A copy first: the source may be the array itself.
            let src = src.bytes();
            assign_slice(vm, arr, &sp, Some(&src))?;
            Ok(none())
        }
    }
}

/// `a[sp] = src` (`None`: `del a[sp]`) under one lock.
fn assign_slice(vm: &mut Vm, arr: &PyArray, sp: &SliceSpec, src: Option<&[u8]>) -> PyResult<()> {
    let size = arr.code.size();
    let mut d = arr.data.lock();
    let (start, stop, step, n) = sp.adjust(d.len() / size);
    let resizes = match src {
        _ if step == 1 => src.map_or(0, |s| s.len()) != n * size,
        None => n > 0,
        Some(_) => false,
    };
    if resizes && arr.exporting() {
        drop(d);
        return Err(super::exporting_error(vm));
    }
    if step == 1 {
        let (lo, hi) = (start as usize * size, stop.max(start) as usize * size);
        d.splice(lo..hi, src.unwrap_or(&[]).iter().copied());
        return Ok(());
    }
    match src {
        None => {
            let mut doomed: Vec<usize> = positions(start, step, n).collect();
            doomed.sort_unstable();
            let mut next = doomed.iter().peekable();
            let mut keep = Vec::with_capacity(d.len() - n * size);
            for (k, chunk) in d.chunks_exact(size).enumerate() {
                if next.peek() == Some(&&k) {
                    next.next();
                } else {
                    keep.extend_from_slice(chunk);
                }
            }
            *d = keep;
            Ok(())
        }
        Some(src) if src.len() / size != n => {
            drop(d);
            Err(vm.new_value_error(format!(
                "attempt to assign array of size {} to extended slice of size {n}",
                src.len() / size
            )))
        }
        Some(src) => {
            for (p, chunk) in positions(start, step, n).zip(src.chunks_exact(size)) {
                d[p * size..(p + 1) * size].copy_from_slice(chunk);
            }
            Ok(())
        }
    }
}

fn array_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    let size = arr.code.size();
    match subscript(vm, &a[1])? {
        Sub::Index(i) => {
            let mut d = arr.data.lock();
            match normalize(i, d.len() / size) {
                Some(_) if arr.exporting() => {
                    drop(d);
                    Err(super::exporting_error(vm))
                }
                Some(j) => {
                    d.drain(j * size..(j + 1) * size);
                    Ok(none())
                }
                None => {
                    drop(d);
                    Err(vm.new_index_error("array assignment index out of range"))
                }
            }
        }
        Sub::Slice(sp) => {
            assign_slice(vm, arr, &sp, None)?;
            Ok(none())
        }
    }
}

// ---- equality with items ------------------------------------------------------------

/// What `x` is as an item, when `item == x` can be decided in Rust:
/// `Some(Some(item))`, or `Some(None)` when `x` equals no item at all (a
/// str that is not one character). `None`: `x` may define `__eq__`.
pub(super) fn native_target(x: &Value) -> Option<Option<Item>> {
    if let Some(i) = x.as_small_int() {
        return Some(Some(Item::Int(i as i128)));
    }
    if x.class().is_heap_type() {
        return None;
    }
    if let Some(f) = x.as_exact_float() {
        return Some(Some(Item::Float(f)));
    }
    if let Some(i) = x.as_int() {
        return Some(i.to_bigint().try_into().ok().map(Item::Int));
    }
    if let Some(s) = x.downcast_ref::<PyStr>() {
        return Some((s.char_len() == 1).then(|| Item::Char(s.code_point_at(0))));
    }
    None
}

/// `a == b` for two items, as Python compares their values (an int and
/// a float exactly; a character never equals a number).
pub(super) fn item_eq(a: Item, b: Item) -> bool {
    match (a, b) {
        (Item::Int(x), Item::Int(y)) => x == y,
        (Item::Float(x), Item::Float(y)) => x == y,
        (Item::Int(i), Item::Float(f)) | (Item::Float(f), Item::Int(i)) => {
            // |i| < 2**64, so a float of that size converts exactly.
            f.is_finite() && f.fract() == 0.0 && f.abs() < 1.9e19 && f as i128 == i
        }
        (Item::Char(x), Item::Char(y)) => x == y,
        _ => false,
    }
}

/// The first index in `start..stop` whose item equals `x`, comparing in
/// Rust under the lock when possible and with `==` on a copy otherwise.
/// With `remove`, the found item is deleted in the same critical section
/// (the copy path deletes the item at that index if it still exists).
pub(super) fn find(
    vm: &mut Vm,
    arr: &PyArray,
    x: &Value,
    start: usize,
    stop: usize,
    remove: bool,
) -> PyResult<Option<usize>> {
    let size = arr.code.size();
    if let Some(target) = native_target(x) {
        let mut d = arr.data.lock();
        let Some(target) = target else { return Ok(None) };
        let end = stop.min(d.len() / size);
        let hit = (start..end).find(|&k| item_eq(arr.code.read(&d[k * size..(k + 1) * size]), target));
        if let (Some(k), true) = (hit, remove) {
            if arr.exporting() {
                drop(d);
                return Err(super::exporting_error(vm));
            }
            d.drain(k * size..(k + 1) * size);
        }
        return Ok(hit);
    }
    let copy = arr.bytes();
    let end = stop.min(copy.len() / size);
    for k in start..end {
        let v = arr.code.value(vm, arr.code.read(&copy[k * size..(k + 1) * size]))?;
        if vm.eq(&v, x)? {
            if remove {
                let mut d = arr.lock_resize(vm, true)?;
                if (k + 1) * size <= d.len() {
                    d.drain(k * size..(k + 1) * size);
                }
            }
            return Ok(Some(k));
        }
    }
    Ok(None)
}

fn array_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    Ok(bool_value(find(vm, arr, &a[1], 0, usize::MAX, false)?.is_some()))
}

// ---- iteration ----------------------------------------------------------------------

/// `arrayiterator`: the array and the next index.
pub struct PyArrayIter {
    array: Value,
    pos: AtomicUsize,
}

impl PyPayload for PyArrayIter {
    fn class() -> &'static PyRef<PyType> {
        ARRAY_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.array);
    }
}

fn array_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    this(vm, &a[0])?;
    Ok(PyRef::new(PyArrayIter { array: a[0].clone(), pos: AtomicUsize::new(0) }).into_value())
}

fn iter_this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyArrayIter> {
    match v.downcast_ref::<PyArrayIter>() {
        Some(it) => Ok(it),
        None => Err(descr_error(vm, "arrayiterator", v)),
    }
}

/// Exhausted iterators stay exhausted: the position moves past any length.
const DONE: usize = usize::MAX / 2;

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let it = iter_this(vm, &a[0])?;
    let arr = this(vm, &it.array)?;
    // Threads sharing one iterator each claim a distinct index.
    let i = it.pos.fetch_add(1, Ordering::Relaxed);
    match (i < DONE).then(|| arr.item(i)).flatten() {
        Some(item) => arr.code.value(vm, item),
        None => {
            it.pos.store(DONE, Ordering::Relaxed);
            Err(vm.new_stop_iteration(None))
        }
    }
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

/// `(iter, (array,), index)`, or `(iter, ((),))` once exhausted.
fn iter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__reduce__")?;
    let it = iter_this(vm, s)?;
    let builtins = crate::vm::interp().builtins.to_value();
    let iter_fn = vm.get_attr_str(&builtins, "iter")?;
    let pos = it.pos.load(Ordering::Relaxed);
    let t = crate::types::tuple::new_tuple;
    if pos >= DONE {
        return Ok(t(vec![iter_fn, t(vec![t(Vec::new())])]));
    }
    Ok(t(vec![iter_fn, t(vec![it.array.clone()]), int_from_i64(pos as i64)]))
}

fn iter_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let it = iter_this(vm, &a[0])?;
    let i = vm.index_isize(&a[1])?.max(0) as usize;
    let len = this(vm, &it.array)?.len();
    if it.pos.load(Ordering::Relaxed) < DONE {
        it.pos.store(i.min(len), Ordering::Relaxed);
    }
    Ok(none())
}

// ---- concatenation and repetition ---------------------------------------------------

fn array_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    let Some(other) = a[1].downcast_ref::<PyArray>() else {
        // A Python-level `__radd__` on the other operand runs first, as
        // its number slot would in CPython.
        if let Some(f) = python_level(&a[1], "__radd__") {
            let r = vm.call_unbound(&f, &a[1], &[a[1].clone(), a[0].clone()])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("can only append array (not \"{t}\") to array")));
    };
    if other.code != arr.code {
        return Err(vm.new_type_error("bad argument type for built-in operation"));
    }
    let mut out = arr.bytes();
    out.extend_from_slice(&other.bytes());
    Ok(new_array(arr.code, out))
}

fn array_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    let Some(other) = a[1].downcast_ref::<PyArray>() else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("can only extend array with array (not \"{t}\")")));
    };
    if other.code != arr.code {
        return Err(vm.new_type_error("can only extend with array of same kind"));
    }
    let more = other.bytes();
    arr.lock_resize(vm, !more.is_empty())?.extend_from_slice(&more);
    Ok(a[0].clone())
}

/// The repeat count of `a * n`, or the fallback's result or error.
fn count_of(vm: &mut Vm, seq: &Value, n: &Value) -> PyResult<Result<i64, Value>> {
    match repeat_count(vm, n)? {
        Some(k) => Ok(Ok(k)),
        None => crate::types::tuple_methods::mul_fallback(vm, seq, n).map(Err),
    }
}

/// `data` repeated `k` times (none for `k <= 0`); `None` when the
/// result cannot be allocated (the caller raises MemoryError).
fn repeated(data: &[u8], k: i64) -> Option<Vec<u8>> {
    if k <= 0 || data.is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let total = data.len().checked_mul(k as usize).filter(|t| *t <= isize::MAX as usize)?;
    out.try_reserve_exact(total).ok()?;
    for _ in 0..k {
        out.extend_from_slice(data);
    }
    Some(out)
}

fn repeat_bytes(vm: &mut Vm, arr: &PyArray, k: i64) -> PyResult<Vec<u8>> {
    match repeated(&arr.bytes(), k) {
        Some(out) => Ok(out),
        None => Err(vm.new_exception_empty(&exc().memory_error)),
    }
}

fn array_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    let k = match count_of(vm, &a[0], &a[1])? {
        Ok(k) => k,
        Err(r) => return Ok(r),
    };
    let out = repeat_bytes(vm, arr, k)?;
    Ok(new_array(arr.code, out))
}

fn array_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let arr = this(vm, &a[0])?;
    // The slot wrapper converts its argument with `__index__`.
    let k = vm.index_isize(&a[1])? as i64;
    let mut d = arr.data.lock();
    match repeated(&d, k) {
        Some(out) if out.len() != d.len() && arr.exporting() => {
            drop(d);
            Err(super::exporting_error(vm))
        }
        Some(out) => {
            *d = out;
            Ok(a[0].clone())
        }
        None => {
            drop(d);
            Err(vm.new_exception_empty(&exc().memory_error))
        }
    }
}

// ---- comparison and repr ------------------------------------------------------------

struct ArrayCmp;

impl RichCompare for ArrayCmp {
    /// `array_richcompare`: equal lengths or not for `==`/`!=`, else the
    /// first pair of items that differ decides (compared again with `op`
    /// as Python values), else the lengths.
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let x = this(vm, a)?;
        let Some(y) = b.downcast_ref::<PyArray>() else {
            return Ok(not_implemented());
        };
        // One lock at a time: no lock order to get wrong.
        let (xs, ys) = (x.bytes(), y.bytes());
        let (xn, yn) = (xs.len() / x.code.size(), ys.len() / y.code.size());
        if xn != yn && matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(bool_value(op == CompareOp::Ne));
        }
        let pairs = PyArray::items_of(x.code, &xs).zip(PyArray::items_of(y.code, &ys));
        for (p, q) in pairs {
            if item_eq(p, q) {
                continue;
            }
            return match op {
                CompareOp::Eq => Ok(bool_value(false)),
                CompareOp::Ne => Ok(bool_value(true)),
                _ => {
                    let (pv, qv) = (x.code.value(vm, p)?, y.code.value(vm, q)?);
                    vm.rich_compare(&pv, &qv, op)
                }
            };
        }
        let r = match op {
            CompareOp::Lt => xn < yn,
            CompareOp::Le => xn <= yn,
            CompareOp::Eq => xn == yn,
            CompareOp::Ne => xn != yn,
            CompareOp::Gt => xn > yn,
            CompareOp::Ge => xn >= yn,
        };
        Ok(bool_value(r))
    }
}

/// `array('i', [1, 2])`, `array('u', 'ab')`, `array('d')`; a subclass
/// shows its own name.
fn array_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let arr = this(vm, &a[0])?;
    let name = a[0].class().name().to_string();
    let c = arr.code.as_char();
    let data = arr.bytes();
    if data.is_empty() {
        return Ok(new_str(format!("{name}('{c}')")));
    }
    let body = if arr.code == Code::Wchar {
        let s = unicode_value(vm, &data)?;
        vm.repr_string(&s)?
    } else {
        let items = values_of(vm, arr.code, &data)?;
        vm.repr_string(&new_list(items))?
    };
    Ok(new_str(format!("{name}('{c}', {body})")))
}

/// The `str` of `u` item bytes; ValueError for a word that is no code
/// point (CPython's `PyUnicode_FromWideChar` message).
pub(super) fn unicode_value(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    let mut cps = Vec::with_capacity(data.len() / 4);
    for item in PyArray::items_of(Code::Wchar, data) {
        let Item::Char(c) = item else { continue };
        if c >= 0x11_0000 {
            return Err(vm.new_value_error(format!("character U+{c:x} is not in range [U+0000; U+10ffff]")));
        }
        cps.push(c);
    }
    Ok(PyRef::new(PyStr::from_code_points(cps)).into_value())
}

pub(super) fn install(t: &'static PyRef<PyType>) {
    add_methods(
        t,
        &[
            ("__len__", array_len),
            ("__getitem__", array_getitem),
            ("__setitem__", array_setitem),
            ("__delitem__", array_delitem),
            ("__contains__", array_contains),
            ("__iter__", array_iter),
            ("__add__", array_add),
            ("__iadd__", array_iadd),
            ("__mul__", array_mul),
            ("__rmul__", array_mul),
            ("__imul__", array_imul),
            ("__repr__", array_repr),
        ],
    );
    add_methods(t, &compare_methods::<ArrayCmp>());
}

pub(super) fn install_iter(t: &'static PyRef<PyType>) {
    add_methods(
        t,
        &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("__reduce__", iter_reduce),
            ("__setstate__", iter_setstate),
        ],
    );
}
