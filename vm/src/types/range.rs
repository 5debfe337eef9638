//! `range` and its iterator.

use std::sync::atomic::{AtomicI64, Ordering};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::types::int::int_from_i64;
use crate::types::iterators::NativeIterator;
use crate::types::singletons::{bool_value, none};
use crate::types::small::PySlice;
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static RANGE_TYPE: TypeCell = TypeCell::new();
pub static RANGE_ITER_TYPE: TypeCell = TypeCell::new();

/// `range(start, stop, step)`. Bounds that fit in a tagged int use the
/// `i64` fields (the common, allocation-free case); otherwise `big` holds
/// them and the `i64` fields are unused.
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<[BigInt; 3]>>,
}

/// Iterator over a range with big bounds (`longrange_iterator`).
pub struct PyLongRangeIter {
    state: crate::object::Locked<(BigInt, BigInt)>,
    step: BigInt,
}

impl PyPayload for PyLongRangeIter {
    fn class() -> &'static PyRef<PyType> {
        LONG_RANGE_ITER_TYPE.get()
    }
}

impl NativeIterator for PyLongRangeIter {
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut st = self.state.lock();
        if st.1.is_zero() {
            return Ok(None);
        }
        let v = st.0.clone();
        st.0 += &self.step;
        st.1 -= 1;
        drop(st);
        Ok(Some(crate::types::int::int_from_bigint(v)))
    }
}

pub static LONG_RANGE_ITER_TYPE: TypeCell = TypeCell::new();

/// Length of a big range.
fn big_len(b: &[BigInt; 3]) -> BigInt {
    let (start, stop, step) = (&b[0], &b[1], &b[2]);
    let zero = BigInt::zero();
    if step > &zero && start < stop {
        (stop - start - 1) / step + 1
    } else if step < &zero && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        zero
    }
}

impl PyPayload for PyRange {
    fn class() -> &'static PyRef<PyType> {
        RANGE_TYPE.get()
    }
}

impl PyRange {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }

    /// (start, stop, step) as unbounded integers, whichever representation
    /// the range uses.
    pub fn bounds(&self) -> (BigInt, BigInt, BigInt) {
        match &self.big {
            Some(b) => (b[0].clone(), b[1].clone(), b[2].clone()),
            None => (BigInt::from(self.start), BigInt::from(self.stop), BigInt::from(self.step)),
        }
    }

    /// The number of items, which may exceed a machine word.
    pub fn length(&self) -> BigInt {
        match &self.big {
            Some(b) => big_len(b),
            None => BigInt::from(self.len()),
        }
    }
}

pub struct PyRangeIter {
    next: AtomicI64,
    stop: i64,
    step: i64,
}

impl PyPayload for PyRangeIter {
    fn class() -> &'static PyRef<PyType> {
        RANGE_ITER_TYPE.get()
    }
}

impl NativeIterator for PyRangeIter {
    #[inline]
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_int().map(int_from_i64))
    }
}

impl PyRangeIter {
    /// The next integer, or `None` when exhausted.
    ///
    /// A relaxed load and store rather than a read-modify-write: the loop
    /// `for i in range(n)` pays no locked instruction per step. Two threads
    /// sharing one iterator may both get the same item or skip one, which is
    /// what CPython's free-threaded build allows for shared iterators; each
    /// value produced is still one of the range's.
    #[inline]
    pub fn next_int(&self) -> Option<i64> {
        let cur = self.next.load(Ordering::Relaxed);
        let live = if self.step > 0 { cur < self.stop } else { cur > self.stop };
        if live {
            // Both are below 2**62 in magnitude (tagged ints), so the sum
            // cannot overflow.
            self.next.store(cur + self.step, Ordering::Relaxed);
            Some(cur)
        } else {
            None
        }
    }
}

impl PyRangeIter {
    /// Items not yet produced.
    fn remaining(&self) -> i64 {
        let cur = self.next.load(Ordering::Relaxed);
        if self.step > 0 && cur < self.stop {
            (self.stop - cur - 1) / self.step + 1
        } else if self.step < 0 && cur > self.stop {
            (cur - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = &args.pos[1..];
    args.no_kwargs(vm, "range")?;
    // Fast path: tagged ints, no big-int arithmetic.
    if !a.is_empty() && a.len() <= 3 && a.iter().all(|v| v.is_small_int()) {
        let i = |k: usize| a[k].small_int_unchecked();
        let (start, stop, step) = match a.len() {
            1 => (0, i(0), 1),
            2 => (i(0), i(1), 1),
            _ => (i(0), i(1), i(2)),
        };
        if step == 0 {
            return Err(vm.new_value_error("range() arg 3 must not be zero"));
        }
        return Ok(PyRef::new(PyRange { start, stop, step, big: None }).into_value());
    }
    let mut vals = Vec::with_capacity(3);
    for v in a.iter().take(3) {
        let i = vm.index(v)?;
        vals.push(i.as_int().map(|x| x.to_bigint()).unwrap_or_default());
    }
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), vals[0].clone(), BigInt::from(1)),
        2 => (vals[0].clone(), vals[1].clone(), BigInt::from(1)),
        3 => (vals[0].clone(), vals[1].clone(), vals[2].clone()),
        0 => return Err(vm.new_type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.new_type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(vm.new_value_error("range() arg 3 must not be zero"));
    }
    Ok(make_range(start, stop, step))
}

fn fits(b: &BigInt) -> Option<i64> {
    b.to_i64().filter(|&i| Value::try_small_int(i).is_some())
}

/// A range value, small when every bound (and the length) fits.
fn make_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (fits(&start), fits(&stop), fits(&step)) {
        return PyRef::new(PyRange { start: a, stop: b, step: c, big: None }).into_value();
    }
    PyRef::new(PyRange { start: 0, stop: 0, step: 1, big: Some(Box::new([start, stop, step])) }).into_value()
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyRange> {
    match v.downcast_ref::<PyRange>() {
        Some(r) => Ok(r),
        None => Err(vm.new_type_error("descriptor requires a 'range' object")),
    }
}

fn range_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__iter__", 1)?;
    let r = this(vm, &a[0])?;
    if let Some(b) = &r.big {
        let it = PyLongRangeIter { state: crate::object::Locked::new((b[0].clone(), big_len(b))), step: b[2].clone() };
        return Ok(PyRef::new(it).into_value());
    }
    let stop = r.item(r.len());
    Ok(PyRef::new(PyRangeIter { next: AtomicI64::new(r.start), stop, step: r.step }).into_value())
}

fn range_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__reversed__", 1)?;
    let r = this(vm, &a[0])?;
    if let Some(b) = &r.big {
        let n = big_len(b);
        let last = &b[0] + (&n - 1) * &b[2];
        let it = PyLongRangeIter { state: crate::object::Locked::new((last, n)), step: -b[2].clone() };
        return Ok(PyRef::new(it).into_value());
    }
    let n = r.len();
    let start = r.item(n - 1);
    let stop = r.start - r.step;
    let it = if n == 0 {
        PyRangeIter { next: AtomicI64::new(0), stop: 0, step: 1 }
    } else {
        PyRangeIter { next: AtomicI64::new(start), stop, step: -r.step }
    };
    Ok(PyRef::new(it).into_value())
}

fn range_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__len__", 1)?;
    let r = this(vm, &a[0])?;
    if let Some(b) = &r.big {
        let n = big_len(b);
        if fits(&n).is_none() {
            return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t"));
        }
        return Ok(crate::types::int::int_from_bigint(n));
    }
    Ok(int_from_i64(r.len()))
}

fn range_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__bool__", 1)?;
    let r = this(vm, &a[0])?;
    Ok(bool_value(!r.length().is_zero()))
}

/// `x` as a `BigInt` when it is an exact `int` or a `bool`: only those take
/// the arithmetic paths of `in`, `index` and `count`; anything else
/// (including `int` subclasses, whose `__eq__` may differ) is compared item
/// by item, as CPython does.
fn exact_int(x: &Value) -> Option<BigInt> {
    if x.is_small_int() {
        return x.as_small_int().map(BigInt::from);
    }
    let t = x.class();
    if t.is(crate::types::int::INT_TYPE.get()) || t.is(crate::types::singletons::BOOL_TYPE.get()) {
        return x.as_int().map(|i| i.to_bigint());
    }
    None
}

/// Position of the int `x` in `r`, if it is one of its items.
fn position_of(r: &PyRange, x: &BigInt) -> Option<BigInt> {
    let (start, stop, step) = r.bounds();
    let inside = if step > BigInt::zero() { &start <= x && x < &stop } else { &stop < x && x <= &start };
    if !inside {
        return None;
    }
    let (q, rem) = (x - &start).div_rem(&step);
    if rem.is_zero() {
        Some(q)
    } else {
        None
    }
}

/// Position of the first item equal to `x`, comparing one by one.
fn search(vm: &mut Vm, r: &PyRange, x: &Value, count: bool) -> PyResult<(BigInt, usize)> {
    let (start, _, step) = r.bounds();
    let n = r.length();
    let mut k = BigInt::zero();
    let mut found = 0usize;
    let mut first = None;
    while k < n {
        let item = crate::types::int::int_from_bigint(&start + &k * &step);
        if item.is(x) || vm.eq(&item, x)? {
            if !count {
                return Ok((k, 1));
            }
            if first.is_none() {
                first = Some(k.clone());
            }
            found += 1;
        }
        k += 1;
        crate::runtime::check_signals(vm)?;
    }
    Ok((first.unwrap_or_default(), found))
}

fn range_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__contains__", 2)?;
    let r = this(vm, &a[0])?;
    if r.big.is_none() {
        if let Some(x) = a[1].as_small_int() {
            let inside = if r.step > 0 { r.start <= x && x < r.stop } else { r.stop < x && x <= r.start };
            return Ok(bool_value(inside && (x - r.start) % r.step == 0));
        }
    }
    if let Some(x) = exact_int(&a[1]) {
        return Ok(bool_value(position_of(r, &x).is_some()));
    }
    let (_, found) = search(vm, r, &a[1], false)?;
    Ok(bool_value(found > 0))
}

/// The receiver and the one argument of `range.index`/`range.count`.
fn one_arg<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    args.no_kwargs(vm, &format!("range.{name}"))?;
    if args.pos.len() != 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.new_type_error(format!("range.{name}() takes exactly one argument ({n} given)")));
    }
    Ok(args.pos)
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = one_arg(vm, &args, "index")?;
    let r = this(vm, &a[0])?;
    if let Some(x) = exact_int(&a[1]) {
        return match position_of(r, &x) {
            Some(i) => Ok(crate::types::int::int_from_bigint(i)),
            None => {
                let shown = vm.repr(&a[1])?;
                let shown = shown.as_str().unwrap_or("").to_string();
                Err(vm.new_value_error(format!("{shown} is not in range")))
            }
        };
    }
    match search(vm, r, &a[1], false)? {
        (i, 1) => Ok(crate::types::int::int_from_bigint(i)),
        _ => Err(vm.new_value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = one_arg(vm, &args, "count")?;
    let r = this(vm, &a[0])?;
    if let Some(x) = exact_int(&a[1]) {
        return Ok(int_from_i64(position_of(r, &x).is_some() as i64));
    }
    let (_, found) = search(vm, r, &a[1], true)?;
    Ok(int_from_i64(found as i64))
}

/// Converts one slice bound (`None` allowed) with `__index__`.
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_int() {
        return Ok(Some(i.to_bigint()));
    }
    if v.class().lookup("__index__").is_none() {
        return Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = vm.index(v)?;
    Ok(Some(i.as_int().map(|i| i.to_bigint()).unwrap_or_default()))
}

/// `slice.indices(length)` with unbounded integers (CPython's
/// `_PySlice_GetLongIndices`): (start, stop, step) clamped to the range.
fn slice_indices_big(vm: &mut Vm, s: &PySlice, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = slice_bound(vm, &s.step)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(vm.new_value_error("slice step cannot be zero"));
    }
    let negative = step < BigInt::zero();
    let (lower, upper) = if negative { (BigInt::from(-1), length - 1) } else { (BigInt::zero(), length.clone()) };
    let clamp = |v: Option<BigInt>, default: &BigInt| match v {
        None => default.clone(),
        Some(mut i) => {
            if i < BigInt::zero() {
                i += length;
                if i < lower {
                    i = lower.clone();
                }
            } else if i > upper {
                i = upper.clone();
            }
            i
        }
    };
    let start = slice_bound(vm, &s.start)?;
    let stop = slice_bound(vm, &s.stop)?;
    let start = clamp(start, if negative { &upper } else { &lower });
    let stop = clamp(stop, if negative { &lower } else { &upper });
    Ok((start, stop, step))
}

fn range_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__getitem__", 2)?;
    let r = this(vm, &a[0])?;
    if let Some(s) = a[1].downcast_ref::<PySlice>() {
        if r.big.is_none() {
            let n = r.len();
            let (start, stop, step) = crate::types::list_methods::slice_indices(vm, s, n)?;
            return Ok(PyRef::new(PyRange {
                start: r.item(start),
                stop: r.item(stop),
                step: r.step * step,
                big: None,
            })
            .into_value());
        }
        let (rstart, _, rstep) = r.bounds();
        let (start, stop, step) = slice_indices_big(vm, s, &r.length())?;
        return Ok(make_range(&rstart + start * &rstep, &rstart + stop * &rstep, rstep * step));
    }
    if r.big.is_none() {
        if let Some(i) = a[1].as_small_int() {
            let n = r.len();
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(vm.new_index_error("range object index out of range"));
            }
            return Ok(int_from_i64(r.item(j)));
        }
    }
    if a[1].as_int().is_none() && a[1].class().lookup("__index__").is_none() {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("range indices must be integers or slices, not {t}")));
    }
    let i = vm.index(&a[1])?.as_int().map(|x| x.to_bigint()).unwrap_or_default();
    let n = r.length();
    let j = if i < BigInt::zero() { &i + &n } else { i };
    if j < BigInt::zero() || j >= n {
        return Err(vm.new_index_error("range object index out of range"));
    }
    let (start, _, step) = r.bounds();
    Ok(crate::types::int::int_from_bigint(start + j * step))
}

fn range_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let r = this(vm, &a[0])?;
    let (start, stop, step) = r.bounds();
    let s = if step == BigInt::from(1) {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {step})")
    };
    Ok(crate::types::str::new_str(s))
}

/// Ranges are equal when they produce the same items: same length, and,
/// when not empty, same start and (for more than one item) same step.
fn same_items(r: &PyRange, o: &PyRange) -> bool {
    if r.big.is_none() && o.big.is_none() {
        let (n1, n2) = (r.len(), o.len());
        return n1 == n2 && (n1 == 0 || (r.start == o.start && (n1 == 1 || r.step == o.step)));
    }
    let (n1, n2) = (r.length(), o.length());
    if n1 != n2 {
        return false;
    }
    let one = BigInt::from(1);
    let ((s1, _, st1), (s2, _, st2)) = (r.bounds(), o.bounds());
    n1.is_zero() || (s1 == s2 && (n1 == one || st1 == st2))
}

fn range_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__eq__", 2)?;
    let r = this(vm, &a[0])?;
    let Some(o) = a[1].downcast_ref::<PyRange>() else {
        return Ok(crate::types::singletons::not_implemented());
    };
    Ok(bool_value(same_items(r, o)))
}

fn range_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__ne__", 2)?;
    let r = this(vm, &a[0])?;
    let Some(o) = a[1].downcast_ref::<PyRange>() else {
        return Ok(crate::types::singletons::not_implemented());
    };
    Ok(bool_value(!same_items(r, o)))
}

/// Hash of `(len, start, step)`, with `None` for what does not matter to
/// equality: `(0, None, None)` when empty, `(1, start, None)` for one item.
fn range_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__hash__", 1)?;
    let r = this(vm, &a[0])?;
    let n = r.length();
    let (start, _, step) = r.bounds();
    let big = crate::types::int::int_from_bigint;
    let key = if n.is_zero() {
        vec![big(n), none(), none()]
    } else if n == BigInt::from(1) {
        vec![big(n), big(start), none()]
    } else {
        vec![big(n), big(start), big(step)]
    };
    let h = vm.hash(&crate::types::tuple::new_tuple(key))?;
    Ok(int_from_i64(h))
}

fn range_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__reduce__", 1)?;
    let r = this(vm, &a[0])?;
    let (start, stop, step) = r.bounds();
    let big = crate::types::int::int_from_bigint;
    let bounds = crate::types::tuple::new_tuple(vec![big(start), big(stop), big(step)]);
    Ok(crate::types::tuple::new_tuple(vec![RANGE_TYPE.get().to_value(), bounds]))
}

fn range_attr(vm: &mut Vm, v: &Value, which: u8) -> PyResult<Value> {
    let r = this(vm, v)?;
    if let Some(b) = &r.big {
        return Ok(crate::types::int::int_from_bigint(b[which as usize].clone()));
    }
    Ok(int_from_i64(match which {
        0 => r.start,
        1 => r.stop,
        _ => r.step,
    }))
}
fn range_start(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    range_attr(vm, v, 0)
}
fn range_stop(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    range_attr(vm, v, 1)
}
fn range_step(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    range_attr(vm, v, 2)
}

fn rangeiter_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__iter__", 1)?;
    Ok(a[0].clone())
}

fn rangeiter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__length_hint__", 1)?;
    if let Some(it) = a[0].downcast_ref::<PyRangeIter>() {
        return Ok(int_from_i64(it.remaining()));
    }
    if let Some(it) = a[0].downcast_ref::<PyLongRangeIter>() {
        return Ok(crate::types::int::int_from_bigint(it.state.lock().1.clone()));
    }
    Err(vm.new_type_error("descriptor '__length_hint__' requires a 'range_iterator' object"))
}

fn rangeiter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__next__", 1)?;
    match a[0].downcast_ref::<PyRangeIter>() {
        Some(it) => match it.next(vm)? {
            Some(v) => Ok(v),
            None => Err(vm.new_stop_iteration(None)),
        },
        None => Err(vm.new_type_error("descriptor requires a 'range_iterator' object")),
    }
}

pub(crate) fn install(types: &crate::types::Types) {
    let object = types.object;
    let t = PyType::new_builtin::<PyRange>("range", Some(object), flags::SEQUENCE, false);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    RANGE_TYPE.set(t);
    let t = RANGE_TYPE.get();
    add_method_kind(t, "__new__", range_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__iter__", range_iter),
            ("__reversed__", range_reversed),
            ("__len__", range_len),
            ("__getitem__", range_getitem),
            ("__contains__", range_contains),
            ("__repr__", range_repr),
            ("__eq__", range_eq),
            ("__ne__", range_ne),
            ("__hash__", range_hash),
            ("__bool__", range_bool),
            ("__reduce__", range_reduce),
            ("index", range_index),
            ("count", range_count),
        ],
    );
    crate::function::descriptors::add_getset(t, "start", range_start, None);
    crate::function::descriptors::add_getset(t, "stop", range_stop, None);
    crate::function::descriptors::add_getset(t, "step", range_step, None);
    let it = PyType::new_builtin::<PyRangeIter>("range_iterator", Some(object), 0, false);
    it.set_dict(crate::types::dict::PyDict::new_ref());
    RANGE_ITER_TYPE.set(it);
    add_methods(
        RANGE_ITER_TYPE.get(),
        &[("__iter__", rangeiter_iter), ("__next__", rangeiter_next), ("__length_hint__", rangeiter_length_hint)],
    );
    let lt = PyType::new_builtin::<PyLongRangeIter>("longrange_iterator", Some(object), 0, false);
    lt.set_dict(crate::types::dict::PyDict::new_ref());
    LONG_RANGE_ITER_TYPE.set(lt);
    add_methods(
        LONG_RANGE_ITER_TYPE.get(),
        &[
            ("__iter__", rangeiter_iter),
            ("__next__", crate::types::iterators::iter_next_pub),
            ("__length_hint__", rangeiter_length_hint),
        ],
    );
}

pub fn add_to_builtins(m: &PyRef<crate::types::module::PyModule>) {
    m.set_attr("range", RANGE_TYPE.get().to_value());
}
