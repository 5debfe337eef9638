//! Methods of `tuple`, and the helpers every container method suite shares:
//! argument checks with CPython's messages, the `repr` recursion guard
//! (`Py_ReprEnter`), the recursion-depth guard for nested reprs and
//! comparisons, sequence comparison and repetition.
//!
//! Tuples never change, so their methods read items without locking.

use std::cell::RefCell;

use skein_compiler::bytecode::CompareOp;

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::object::PyRef;
use crate::protocol::compare::cmp_result;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::iterators::PyTupleIter;
use crate::types::list::PyList;
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::{new_tuple, PyTuple, TUPLE_TYPE};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

// ---- argument checks ---------------------------------------------------------

/// The qualified name of a method for error messages: `name` as given
/// when it has a dot, else prefixed with the builtin type of the receiver
/// (or the receiver itself for class methods), as `bytes.join`.
fn qualify(args: &Args<'_>, name: &str) -> String {
    if name.contains('.') {
        return name.to_string();
    }
    let owner = match args.pos.first() {
        Some(v) => match v.downcast_ref::<PyType>() {
            Some(t) => t.name(),
            None => crate::builtins::builtin_base_name(v),
        },
        None => return name.to_string(),
    };
    format!("{owner}.{name}")
}

/// `self` of a method with no other arguments: "list.clear() takes no
/// arguments (1 given)".
pub(crate) fn noargs<'a>(vm: &mut Vm, args: &Args<'a>, qual: &str) -> PyResult<&'a Value> {
    if !args.has_kwargs() && args.pos.len() == 1 {
        return Ok(&args.pos[0]);
    }
    let qual = qualify(args, qual);
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    Err(vm.new_type_error(format!("{qual}() takes no arguments ({n} given)")))
}

/// `self` and the one argument of a `METH_O` method: "list.append() takes
/// exactly one argument (0 given)".
pub(crate) fn one_arg<'a>(vm: &mut Vm, args: &Args<'a>, qual: &str) -> PyResult<(&'a Value, &'a Value)> {
    if !args.has_kwargs() && args.pos.len() == 2 {
        return Ok((&args.pos[0], &args.pos[1]));
    }
    let qual = qualify(args, qual);
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    Err(vm.new_type_error(format!("{qual}() takes exactly one argument ({n} given)")))
}

/// `self` and between `min` and `max` positional arguments, no keywords:
/// "pop expected at most 1 argument, got 2".
pub(crate) fn pos_range<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    if args.pos.is_empty() {
        return Err(vm.new_type_error(format!("descriptor '{name}' needs an argument")));
    }
    let rest = args.skip_self().range(vm, name, min, max)?;
    Ok((&args.pos[0], rest))
}

/// The `__dunder__(self, other)` slot wrappers: "expected 1 argument, got 0".
pub(crate) fn slot_args<'a>(vm: &mut Vm, args: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.new_type_error("wrapper takes no keyword arguments"));
    }
    if args.pos.len() != n + 1 {
        let got = args.pos.len().saturating_sub(1);
        return Err(vm.new_type_error(format!("expected {n} argument{}, got {got}", if n == 1 { "" } else { "s" })));
    }
    Ok(args.pos)
}

// ---- recursion guards ---------------------------------------------------------

thread_local! {
    /// Objects whose `repr` is running on this thread (`Py_ReprEnter`).
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Marks an object as being repr'd until dropped.
pub(crate) struct ReprGuard(usize);

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_ACTIVE.with(|r| {
            let mut r = r.borrow_mut();
            if let Some(p) = r.iter().rposition(|&a| a == self.0) {
                r.remove(p);
            }
        });
    }
}

/// `None` when `v`'s repr is already running on this thread (the caller
/// then prints `[...]`, `{...}`, ...).
pub(crate) fn repr_enter(v: &Value) -> Option<ReprGuard> {
    let addr = v.raw_word();
    REPR_ACTIVE.with(|r| {
        let mut r = r.borrow_mut();
        if r.contains(&addr) {
            None
        } else {
            r.push(addr);
            Some(ReprGuard(addr))
        }
    })
}

/// Runs `f` one level deeper in the recursion count, failing with
/// "maximum recursion depth exceeded{what}" at the limit, so that deeply
/// nested containers raise RecursionError rather than exhaust the stack.
pub(crate) fn nested<R>(vm: &mut Vm, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
    vm.depth += 1;
    if vm.depth > crate::interp::eval::recursion_limit() {
        vm.depth -= 1;
        return Err(vm.new_exception_msg(&exc().recursion_error, format!("maximum recursion depth exceeded{what}")));
    }
    let r = f(vm);
    vm.depth -= 1;
    r
}

/// `repr(v)` as a Rust string, one recursion level deeper.
pub(crate) fn repr_nested(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    nested(vm, " while getting the repr of an object", |vm| vm.repr_string(v))
}

/// `a == b` one recursion level deeper.
pub(crate) fn eq_nested(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::protocol::fast_eq(a, b) {
        return Ok(r);
    }
    nested(vm, " in comparison", |vm| vm.eq(a, b))
}

// ---- indices and slices ----------------------------------------------------------

/// A subscript of a sequence, before it is resolved against a length.
pub(crate) enum Key {
    /// An index, possibly negative.
    Index(i64),
    Slice(SliceSpec),
}

/// A slice's bounds after `__index__` (`PySlice_Unpack`), clamped to the
/// index-sized range; `None` for a bound given as `None`.
#[derive(Clone, Copy)]
pub struct SliceSpec {
    pub start: Option<i64>,
    pub stop: Option<i64>,
    pub step: i64,
}

impl SliceSpec {
    /// `PySlice_AdjustIndices`: normalised `(start, stop, step, count)`.
    pub fn adjust(&self, len: usize) -> (i64, i64, i64, usize) {
        let n = len as i64;
        let step = self.step;
        let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let clamp = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(x) if x < 0 => (x + n).max(lower),
                Some(x) => x.min(upper),
            }
        };
        let start = clamp(self.start, if step < 0 { upper } else { lower });
        let stop = clamp(self.stop, if step < 0 { lower } else { upper });
        (start, stop, step, slice_len(start, stop, step))
    }
}

/// Reads `key` as an index or a slice; TypeError "`what` indices must be
/// integers or slices, not X" otherwise.
pub(crate) fn seq_key(vm: &mut Vm, key: &Value, what: &str) -> PyResult<Key> {
    if let Some(i) = key.as_small_int() {
        return Ok(Key::Index(i));
    }
    if let Some(s) = key.downcast_ref::<crate::types::small::PySlice>() {
        return Ok(Key::Slice(crate::types::list_methods::slice_unpack(vm, s)?));
    }
    Ok(Key::Index(index_of(vm, key, what)?))
}

/// An index-sized integer from an int-like subscript; IndexError when it
/// does not fit, TypeError "`what` indices must be integers or slices".
pub(crate) fn index_of(vm: &mut Vm, key: &Value, what: &str) -> PyResult<i64> {
    if let Some(i) = key.as_small_int() {
        return Ok(i);
    }
    if key.as_int().is_none() && key.class().lookup("__index__").is_none() {
        let t = key.class().name();
        return Err(vm.new_type_error(format!("{what} indices must be integers or slices, not {t}")));
    }
    Ok(vm.index_isize(key)? as i64)
}

/// The items a normalised slice selects (bounds checked, so a list that
/// shrank meanwhile yields fewer).
pub(crate) fn gather<T: Clone>(items: &[T], start: i64, step: i64, len: usize) -> Vec<T> {
    (0..len).filter_map(|k| items.get((start + k as i64 * step) as usize).cloned()).collect()
}

/// Number of items in a normalised slice.
pub(crate) fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && stop < start {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

/// A repeat count from `seq * n`: OverflowError when `n` does not fit,
/// TypeError "can't multiply sequence by non-int of type 'X'" when `n` is
/// not an integer (`None` means the operand was no int: try reflected).
pub(crate) fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = n.as_small_int() {
        return Ok(Some(i));
    }
    if n.as_int().is_none() && n.class().lookup("__index__").is_none() {
        return Ok(None);
    }
    let i = vm.index(n)?;
    match i.as_i64() {
        Some(i) => Ok(Some(i)),
        None => Err(vm.new_overflow_error(format!("cannot fit '{}' into an index-sized integer", n.class().name()))),
    }
}

/// MemoryError for results too large to allocate.
pub(crate) fn check_repeat_size(vm: &mut Vm, len: usize, n: i64) -> PyResult<usize> {
    if n <= 0 || len == 0 {
        return Ok(0);
    }
    match len.checked_mul(n as usize) {
        Some(total) if total <= (1usize << 31) => Ok(total),
        _ => Err(vm.new_exception_empty(&exc().memory_error)),
    }
}

/// A reflected operator method written in Python on `v`'s class. Only
/// those stand for a number slot that CPython would try before sequence
/// repetition or concatenation; the native `__rmul__`/`__radd__` of
/// builtin types are sequence slots or return NotImplemented anyway.
pub(crate) fn python_level(v: &Value, name: &str) -> Option<Value> {
    let t = v.class();
    if !t.is_heap_type() {
        return None;
    }
    t.lookup(name).filter(|f| f.downcast_ref::<crate::function::native::PyMethodDescriptor>().is_none())
}

/// `seq * n` where `n` is not an int: the other operand's `__rmul__` if it
/// has one, else "can't multiply sequence by non-int of type 'X'".
pub(crate) fn mul_fallback(vm: &mut Vm, seq: &Value, n: &Value) -> PyResult<Value> {
    if let Some(f) = python_level(n, "__rmul__") {
        let r = vm.call_unbound(&f, n, &[n.clone(), seq.clone()])?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{}'", n.class().name())))
}

/// `seq + other` where `other` is of the wrong type: `other.__radd__` if
/// it has one, else "can only concatenate list (not "tuple") to list".
pub(crate) fn concat_fallback(vm: &mut Vm, seq: &Value, other: &Value, what: &str) -> PyResult<Value> {
    if let Some(f) = python_level(other, "__radd__") {
        let r = vm.call_unbound(&f, other, &[other.clone(), seq.clone()])?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    Err(vm.new_type_error(format!("can only concatenate {what} (not \"{}\") to {what}", other.class().name())))
}

// ---- sequence comparison -----------------------------------------------------------

/// A list or tuple read item by item (a list may change between reads).
pub(crate) enum Seq<'a> {
    List(&'a PyList),
    Tuple(&'a [Value]),
}

impl Seq<'_> {
    fn len(&self) -> usize {
        match self {
            Seq::List(l) => l.len(),
            Seq::Tuple(t) => t.len(),
        }
    }
    fn get(&self, i: usize) -> Option<Value> {
        match self {
            Seq::List(l) => l.get(i),
            Seq::Tuple(t) => t.get(i).cloned(),
        }
    }
}

/// Lexicographic comparison, as `list_richcompare`: find the first pair
/// of items that differ; compare lengths if there is none, else compare
/// that pair with `op` (returning whatever it returns).
pub(crate) fn seq_compare(vm: &mut Vm, a: Seq<'_>, b: Seq<'_>, op: CompareOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(bool_value(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (a.get(i), b.get(i)) else {
            return Ok(bool_value(cmp_result(op, a.len(), b.len())));
        };
        if !eq_nested(vm, &x, &y)? {
            return match op {
                CompareOp::Eq => Ok(bool_value(false)),
                CompareOp::Ne => Ok(bool_value(true)),
                // Two tagged ints (sort keys like `(v % 101, -v)`): no
                // dispatch, and no recursion to guard.
                _ => match (x.as_small_int(), y.as_small_int()) {
                    (Some(p), Some(q)) => Ok(bool_value(cmp_result(op, p, q))),
                    _ => nested(vm, " in comparison", |vm| vm.rich_compare(&x, &y, op)),
                },
            };
        }
        i += 1;
    }
}

/// `a < b` for two exact tuples decided without Python code: items are
/// skipped while identical or equal small ints / exact `str`s, and the
/// first differing pair must be two small ints or two exact `str`s
/// (without lone surrogates, whose `as_str` text is lossy).
/// `None` when that does not hold (the general comparison decides).
pub(crate) fn exact_tuple_lt(a: &Value, b: &Value) -> Option<bool> {
    let tuple_type = TUPLE_TYPE.get();
    if !a.is_exact(tuple_type) || !b.is_exact(tuple_type) {
        return None;
    }
    let (x, y) = (a.as_tuple()?, b.as_tuple()?);
    let str_type = crate::types::str::STR_TYPE.get();
    for (p, q) in x.iter().zip(y) {
        if p.is(q) {
            continue;
        }
        if let (Some(i), Some(j)) = (p.as_small_int(), q.as_small_int()) {
            // Distinct words of two tagged ints are distinct values.
            return Some(i < j);
        }
        if !p.is_exact(str_type) || !q.is_exact(str_type) {
            return None;
        }
        let (ps, qs) = (p.downcast_ref::<PyStr>()?, q.downcast_ref::<PyStr>()?);
        if ps.has_surrogates() || qs.has_surrogates() {
            return None;
        }
        let (ps, qs) = (ps.as_str(), qs.as_str());
        if ps != qs {
            return Some(ps < qs);
        }
    }
    Some(x.len() < y.len())
}

/// A type's rich comparison, returning NotImplemented for operands it
/// does not handle; `compare_methods` turns it into `__lt__` ... `__ge__`.
pub(crate) trait RichCompare {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value>;
}

fn cmp_slot<T: RichCompare, const OP: u8>(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let op = match OP {
        0 => CompareOp::Lt,
        1 => CompareOp::Le,
        2 => CompareOp::Eq,
        3 => CompareOp::Ne,
        4 => CompareOp::Gt,
        _ => CompareOp::Ge,
    };
    T::compare(vm, &a[0], &a[1], op)
}

/// The six comparison methods of a type.
pub(crate) fn compare_methods<T: RichCompare>() -> [(&'static str, NativeFn); 6] {
    [
        ("__lt__", cmp_slot::<T, 0>),
        ("__le__", cmp_slot::<T, 1>),
        ("__eq__", cmp_slot::<T, 2>),
        ("__ne__", cmp_slot::<T, 3>),
        ("__gt__", cmp_slot::<T, 4>),
        ("__ge__", cmp_slot::<T, 5>),
    ]
}

/// `count(x)` and `index(x[, start[, stop]])` over a sequence read by index.
pub(crate) fn seq_count(vm: &mut Vm, seq: Seq<'_>, x: &Value) -> PyResult<Value> {
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = seq.get(i) {
        if eq_nested(vm, &v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(int_from_i64(n))
}

/// A start/stop bound of `index()` (`_PyEval_SliceIndexNotNone`).
pub(crate) fn bound_arg(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let i = if let Some(i) = v.as_small_int() {
        i
    } else if v.as_int().is_some() || v.class().lookup("__index__").is_some() {
        let i = vm.index(v)?;
        match i.as_i64() {
            Some(i) => i,
            None if i.as_int().is_some_and(|b| b.to_bigint().sign() == num_bigint::Sign::Minus) => i64::MIN / 2,
            None => i64::MAX / 2,
        }
    } else {
        return Err(vm.new_type_error("slice indices must be integers or have an __index__ method"));
    };
    let n = len as i64;
    Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
}

pub(crate) fn seq_index(vm: &mut Vm, seq: Seq<'_>, rest: &[Value], missing: &str) -> PyResult<Value> {
    let len = seq.len();
    let start = match rest.get(1) {
        Some(v) => bound_arg(vm, v, len)?,
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => bound_arg(vm, v, len)?,
        None => len,
    };
    let mut i = start;
    while i < stop {
        let Some(v) = seq.get(i) else { break };
        if eq_nested(vm, &v, &rest[0])? {
            return Ok(int_from_i64(i as i64));
        }
        i += 1;
    }
    let msg =
        if missing.is_empty() { format!("{} is not in list", vm.repr_string(&rest[0])?) } else { missing.to_string() };
    Err(vm.new_value_error(msg))
}

/// The items of any iterable (what `tuple(x)`, `list(x)` take).
pub(crate) fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.collect(v)
}

// ---- tuple ---------------------------------------------------------------------------

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a [Value]> {
    match v.as_tuple() {
        Some(t) => Ok(t),
        None => Err(descr_error(vm, "tuple", v)),
    }
}

/// TypeError for a method applied to the wrong type.
pub(crate) fn descr_error(vm: &mut Vm, owner: &str, v: &Value) -> PyErr {
    vm.new_type_error(format!("descriptor for '{owner}' objects doesn't apply to a '{}' object", v.class().name()))
}

/// Whether `cls` is a class that keeps `tuple.__init__` (keywords to
/// `tuple()` are then an error).
fn plain_init(cls: &PyType, base: &PyRef<PyType>) -> bool {
    match (cls.lookup("__init__"), base.lookup("__init__")) {
        (Some(a), Some(b)) => a.is(&b),
        (None, None) => true,
        _ => false,
    }
}

fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("tuple.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(TUPLE_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "tuple.__new__({}): {} is not a subtype of tuple",
            cls.name(),
            cls.name()
        )));
    }
    if args.has_kwargs() && plain_init(&cls, TUPLE_TYPE.get()) {
        return Err(vm.new_type_error("tuple() takes no keyword arguments"));
    }
    let rest = &args.pos[1..];
    if rest.len() > 1 {
        return Err(vm.new_type_error(format!("tuple expected at most 1 argument, got {}", rest.len())));
    }
    let exact = cls.is(TUPLE_TYPE.get());
    let items = match rest.first() {
        None => Vec::new(),
        Some(v) => {
            if exact && v.is_exact(TUPLE_TYPE.get()) {
                return Ok(v.clone());
            }
            items_of(vm, v)?
        }
    };
    if exact {
        return Ok(new_tuple(items));
    }
    Ok(PyRef::new_with_type(PyTuple::new(items), &cls).into_value())
}

/// `(a, b)` / `(a,)` / `()`, with `(...)` for a tuple already being shown.
pub(crate) fn tuple_repr_items(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut s = String::from("(");
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_nested(vm, v)?);
    }
    if items.len() == 1 {
        s.push(',');
    }
    s.push(')');
    Ok(s)
}

fn tuple_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let t = this(vm, &a[0])?;
    if t.is_empty() {
        return Ok(new_str("()"));
    }
    let Some(_guard) = repr_enter(&a[0]) else {
        return Ok(new_str("(...)"));
    };
    Ok(new_str(tuple_repr_items(vm, t)?))
}

fn tuple_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let t = this(vm, &a[0])?;
    let mut hs = Vec::with_capacity(t.len());
    for x in t {
        let h = nested(vm, "", |vm| vm.hash(x))?;
        hs.push(h);
    }
    Ok(int_from_i64(crate::protocol::hash::hash_tuple_items(hs.into_iter())))
}

struct TupleCmp;

impl RichCompare for TupleCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let x = this(vm, a)?;
        let Some(y) = b.as_tuple() else {
            return Ok(not_implemented());
        };
        seq_compare(vm, Seq::Tuple(x), Seq::Tuple(y), op)
    }
}

fn tuple_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let t = this(vm, &a[0])?;
    Ok(int_from_i64(t.len() as i64))
}

fn tuple_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, key) = one_arg(vm, &args, "tuple.__getitem__")?;
    let t = this(vm, s)?;
    match seq_key(vm, key, "tuple")? {
        Key::Index(i) => match crate::protocol::sequence::normalize_index(i, t.len()) {
            Some(j) => Ok(t[j].clone()),
            None => Err(vm.new_index_error("tuple index out of range")),
        },
        Key::Slice(sp) => {
            let (start, _, step, len) = sp.adjust(t.len());
            if step == 1 && len == t.len() && s.is_exact(TUPLE_TYPE.get()) {
                return Ok(s.clone());
            }
            Ok(new_tuple(gather(t, start, step, len)))
        }
    }
}

fn tuple_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let t = this(vm, &a[0])?;
    for v in t {
        if eq_nested(vm, v, &a[1])? {
            return Ok(bool_value(true));
        }
    }
    Ok(bool_value(false))
}

fn tuple_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(t) = a[0].downcast::<PyTuple>() else {
        return Err(descr_error(vm, "tuple", &a[0]));
    };
    Ok(PyRef::new(PyTupleIter { tuple: t, pos: std::sync::atomic::AtomicUsize::new(0) }).into_value())
}

fn tuple_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let x = this(vm, &a[0])?;
    let Some(y) = a[1].as_tuple() else {
        return concat_fallback(vm, &a[0], &a[1], "tuple");
    };
    if y.is_empty() && a[0].is_exact(TUPLE_TYPE.get()) {
        return Ok(a[0].clone());
    }
    if x.is_empty() && a[1].is_exact(TUPLE_TYPE.get()) {
        return Ok(a[1].clone());
    }
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(x);
    v.extend_from_slice(y);
    Ok(new_tuple(v))
}

fn tuple_repeat(vm: &mut Vm, s: &Value, n: &Value) -> PyResult<Value> {
    let t = this(vm, s)?;
    let Some(n) = repeat_count(vm, n)? else {
        return mul_fallback(vm, s, n);
    };
    if n == 1 && s.is_exact(TUPLE_TYPE.get()) {
        return Ok(s.clone());
    }
    let total = check_repeat_size(vm, t.len(), n)?;
    let mut v = Vec::with_capacity(total);
    for _ in 0..n.max(0) {
        v.extend_from_slice(t);
    }
    Ok(new_tuple(v))
}

fn tuple_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    tuple_repeat(vm, &a[0], &a[1])
}

fn tuple_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    if repeat_count(vm, &a[1])?.is_none() {
        return Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{}'", a[1].class().name())));
    }
    tuple_repeat(vm, &a[0], &a[1])
}

fn tuple_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "tuple.count")?;
    let t = this(vm, s)?;
    seq_count(vm, Seq::Tuple(t), x)
}

fn tuple_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "index", 1, 3)?;
    let t = this(vm, s)?;
    seq_index(vm, Seq::Tuple(t), rest, "tuple.index(x): x not in tuple")
}

fn tuple_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "tuple.__getnewargs__")?;
    let t = this(vm, s)?;
    Ok(new_tuple(vec![new_tuple(t.to_vec())]))
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.tuple;
    add_method_kind(t, "__new__", tuple_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__repr__", tuple_repr),
            ("__hash__", tuple_hash),
            ("__len__", tuple_len),
            ("__getitem__", tuple_getitem),
            ("__contains__", tuple_contains),
            ("__iter__", tuple_iter),
            ("__add__", tuple_add),
            ("__mul__", tuple_mul),
            ("__rmul__", tuple_rmul),
            ("count", tuple_count),
            ("index", tuple_index),
            ("__getnewargs__", tuple_getnewargs),
        ],
    );
    add_methods(t, &compare_methods::<TupleCmp>());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_adjust_as_cpython() {
        let s = |start, stop, step| SliceSpec { start, stop, step };
        assert_eq!(s(None, None, 1).adjust(5), (0, 5, 1, 5));
        assert_eq!(s(None, None, -1).adjust(5), (4, -1, -1, 5));
        assert_eq!(s(Some(-100), Some(2), 1).adjust(5), (0, 2, 1, 2));
        assert_eq!(s(Some(8), Some(2), -2).adjust(10), (8, 2, -2, 3));
        assert_eq!(s(Some(i64::MAX), None, 1).adjust(3), (3, 3, 1, 0));
        assert_eq!(s(Some(i64::MIN), Some(i64::MAX), 3).adjust(7), (0, 7, 3, 3));
        assert_eq!(slice_len(5, 2, 1), 0);
    }
}
