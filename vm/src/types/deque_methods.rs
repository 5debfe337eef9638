//! Methods of `collections.deque` and its iterators, and the native
//! `_collections` module that exports them (CPython's
//! `Modules/_collectionsmodule.c`, with its messages).
//!
//! Locking (see `deque.rs` for the invariants): each method does its work
//! on the deque in one critical section when it runs no Python code.
//! Methods that must call Python code (`count`, `index`, `remove`,
//! `__contains__`, comparisons, `extend` of an arbitrary iterable, `repr`)
//! copy one item out, release the lock, call, then re-lock and check the
//! deque's `state`, raising "deque mutated during iteration" as CPython
//! does. Items whose equality `fast_eq` decides (ints, strs, floats,
//! identity) are compared without leaving the critical section.

use skein_compiler::bytecode::CompareOp;

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::protocol::fast_eq;
use crate::types::deque::{Cursor, Mutated, PyDeque, PyDequeIter, DEQUE_ITER_TYPE, DEQUE_REVITER_TYPE, DEQUE_TYPE};
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{
    bound_arg, compare_methods, descr_error, eq_nested, mul_fallback, nested, noargs, one_arg, repeat_count,
    repr_enter, slot_args, RichCompare,
};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The most items `*` may produce (as for lists): MemoryError beyond.
const MAX_REPEAT_ITEMS: usize = 1 << 31;

const MUTATED: &str = "deque mutated during iteration";

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyDeque> {
    match v.downcast_ref::<PyDeque>() {
        Some(d) => Ok(d),
        None => Err(descr_error(vm, "collections.deque", v)),
    }
}

fn this_ref(vm: &mut Vm, v: &Value) -> PyResult<PyRef<PyDeque>> {
    match v.downcast::<PyDeque>() {
        Some(d) => Ok(d),
        None => Err(descr_error(vm, "collections.deque", v)),
    }
}

/// A subscript: an index-sized integer, else "sequence index must be
/// integer, not 'X'" (deque has no mapping slots).
fn subscript(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if let Some(i) = key.as_small_int() {
        return Ok(i);
    }
    if key.as_int().is_none() && key.class().lookup("__index__").is_none() {
        let t = key.class().name();
        return Err(vm.new_type_error(format!("sequence index must be integer, not '{t}'")));
    }
    Ok(vm.index_isize(key)? as i64)
}

/// `i` made non-negative against `len`, if in range.
fn position(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

// ---- construction ---------------------------------------------------------------------

fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("deque.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(DEQUE_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("deque.__new__({n}): {n} is not a subtype of collections.deque")));
    }
    Ok(PyRef::new_with_type(PyDeque::new(None), &cls).into_value())
}

/// `maxlen` as `deque_init` reads it (`PyLong_AsSsize_t`: ints only).
fn maxlen_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if v.is_none() {
        return Ok(None);
    }
    let Some(i) = v.as_int() else {
        return Err(vm.new_type_error("an integer is required"));
    };
    match i.to_i64() {
        Some(m) if m < 0 => Err(vm.new_value_error("maxlen must be non-negative")),
        Some(m) => Ok(Some(m as usize)),
        None => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn deque_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' needs an argument"));
    };
    let d = this(vm, s)?;
    let slots = args.skip_self().bind(vm, "deque", &["iterable", "maxlen"], 0)?;
    let maxlen = match &slots[1] {
        Some(m) => maxlen_arg(vm, m)?,
        None => None,
    };
    let old = {
        let mut g = d.lock();
        g.maxlen = maxlen;
        g.take_all()
    };
    drop(old);
    if let Some(it) = &slots[0] {
        extend(vm, s, d, it, false)?;
    }
    Ok(none())
}

/// `deque.extend` / `extendleft`: exact lists, tuples and deques (and the
/// deque itself) are copied and added in one critical section; other
/// iterables one item at a time, since their `__next__` is Python code.
fn extend(vm: &mut Vm, s: &Value, d: &PyDeque, iterable: &Value, left: bool) -> PyResult<()> {
    let fast = iterable.is(s)
        || iterable.is_exact(DEQUE_TYPE.get())
        || iterable.is_exact(crate::types::list::LIST_TYPE.get())
        || iterable.as_tuple().is_some() && !iterable.class().is_heap_type();
    if fast {
        let items = match iterable.downcast_ref::<PyDeque>() {
            Some(other) => other.snapshot(),
            None => vm.collect(iterable)?,
        };
        d.extend_items(items, left);
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    if d.maxlen() == Some(0) {
        while vm.next(&it)?.is_some() {}
        return Ok(());
    }
    while let Some(x) = vm.next(&it)? {
        if left {
            d.appendleft(x);
        } else {
            d.append(x);
        }
    }
    Ok(())
}

/// `deque.copy()`: the same items and maxlen; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`, as CPython does.
fn copy_of(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    let d = this(vm, s)?;
    if s.is_exact(DEQUE_TYPE.get()) {
        let (items, maxlen) = {
            let g = d.lock();
            (g.items.clone(), g.maxlen)
        };
        return Ok(PyRef::new(PyDeque::from_items(items, maxlen)).into_value());
    }
    let cls = s.class_ref().into_value();
    let r = match d.maxlen() {
        None => vm.call(&cls, std::slice::from_ref(s))?,
        Some(m) => vm.call(&cls, &[s.clone(), int_from_i64(m as i64)])?,
    };
    if r.downcast_ref::<PyDeque>().is_none() {
        let (a, b) = (s.class().name(), r.class().name());
        return Err(vm.new_type_error(format!("{a}() must return a deque, not {b}")));
    }
    Ok(r)
}

// ---- the right and left ends --------------------------------------------------------

fn deque_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "deque.append")?;
    this(vm, s)?.append(x.clone());
    Ok(none())
}

fn deque_appendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "deque.appendleft")?;
    this(vm, s)?.appendleft(x.clone());
    Ok(none())
}

fn deque_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.pop")?;
    match this(vm, s)?.pop() {
        Some(v) => Ok(v),
        None => Err(vm.new_index_error("pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.popleft")?;
    match this(vm, s)?.popleft() {
        Some(v) => Ok(v),
        None => Err(vm.new_index_error("pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, it) = one_arg(vm, &args, "deque.extend")?;
    let d = this(vm, s)?;
    extend(vm, s, d, it, false)?;
    Ok(none())
}

fn deque_extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, it) = one_arg(vm, &args, "deque.extendleft")?;
    let d = this(vm, s)?;
    extend(vm, s, d, it, true)?;
    Ok(none())
}

fn deque_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.clear")?;
    this(vm, s)?.clear();
    Ok(none())
}

fn deque_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.copy")?;
    copy_of(vm, s)
}

fn deque_rotate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.new_type_error("descriptor 'rotate' of 'collections.deque' object needs an argument"));
    }
    let rest = args.skip_self().range(vm, "deque.rotate", 0, 1)?;
    let d = this(vm, &args.pos[0])?;
    let n = match rest.first() {
        Some(v) => vm.index_ssize(v)?,
        None => 1,
    };
    d.lock().rotate(n);
    Ok(none())
}

fn deque_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.reverse")?;
    // Like CPython, reversing keeps `state`: indices stay valid.
    let d = this(vm, s)?;
    let mut g = d.lock();
    let n = g.items.len();
    for i in 0..n / 2 {
        g.items.swap(i, n - 1 - i);
    }
    Ok(none())
}

// ---- searching -------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Scan {
    Count,
    Contains,
    Index,
    Remove,
}

/// Compares the items in `start..stop` with `x` in CPython's order: an
/// error from `__eq__` first, then (for `Contains` and `Index`) a match,
/// then the mutation check, then (for `Remove`) the deletion, made in the
/// same critical section as the check. Returns the number of matches and
/// the position of the first (`Count` never stops early).
fn scan(
    vm: &mut Vm,
    d: &PyDeque,
    x: &Value,
    start: usize,
    stop: usize,
    mode: Scan,
) -> PyResult<(usize, Option<usize>)> {
    let mut matches = 0;
    let mut g = d.lock();
    let state = g.state;
    let mut i = start;
    while i < stop {
        let Some(item) = g.items.get(i) else { break };
        let hit = match fast_eq(item, x) {
            Some(h) => h,
            None => {
                let item = item.clone();
                drop(g);
                let r = eq_nested(vm, &item, x);
                drop(item);
                let h = r?;
                if h && matches!(mode, Scan::Contains | Scan::Index) {
                    return Ok((1, Some(i)));
                }
                g = d.lock();
                if g.state != state {
                    drop(g);
                    return Err(if mode == Scan::Remove {
                        vm.new_index_error(MUTATED)
                    } else {
                        vm.new_runtime_error(MUTATED)
                    });
                }
                h
            }
        };
        if hit {
            if mode != Scan::Count {
                let removed = if mode == Scan::Remove { g.remove_at(i) } else { None };
                drop(g);
                drop(removed);
                return Ok((1, Some(i)));
            }
            matches += 1;
        }
        i += 1;
    }
    Ok((matches, None))
}

fn deque_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "deque.count")?;
    let d = this(vm, s)?;
    let (n, _) = scan(vm, d, x, 0, usize::MAX, Scan::Count)?;
    Ok(int_from_i64(n as i64))
}

fn deque_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    let (_, at) = scan(vm, d, &a[1], 0, usize::MAX, Scan::Contains)?;
    Ok(bool_value(at.is_some()))
}

fn deque_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'index' of 'collections.deque' object needs an argument"));
    };
    args.no_kwargs(vm, "index")?;
    let rest = &args.pos[1..];
    if rest.is_empty() {
        return Err(vm.new_type_error("index() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 3 {
        return Err(vm.new_type_error(format!("index() takes at most 3 arguments ({} given)", rest.len())));
    }
    let d = this(vm, s)?;
    let len = d.len();
    let start = match rest.get(1) {
        Some(v) => bound_arg(vm, v, len)?,
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => bound_arg(vm, v, len)?,
        None => len,
    };
    let (_, at) = scan(vm, d, &rest[0], start.min(stop), stop, Scan::Index)?;
    match at {
        Some(i) => Ok(int_from_i64(i as i64)),
        None => {
            let r = vm.repr_string(&rest[0])?;
            Err(vm.new_value_error(format!("{r} is not in deque")))
        }
    }
}

fn deque_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "deque.remove")?;
    let d = this(vm, s)?;
    let (_, at) = scan(vm, d, x, 0, usize::MAX, Scan::Remove)?;
    if at.is_none() {
        let r = vm.repr_string(x)?;
        return Err(vm.new_value_error(format!("{r} is not in deque")));
    }
    Ok(none())
}

fn deque_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'insert' of 'collections.deque' object needs an argument"));
    };
    args.no_kwargs(vm, "insert")?;
    let rest = &args.pos[1..];
    if rest.len() != 2 {
        return Err(vm.new_type_error(format!("insert() takes exactly 2 arguments ({} given)", rest.len())));
    }
    let d = this(vm, s)?;
    let i = vm.index_ssize(&rest[0])?;
    let mut g = d.lock();
    let n = g.items.len();
    if g.maxlen == Some(n) {
        drop(g);
        return Err(vm.new_index_error("deque already at its maximum size"));
    }
    let at = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
    g.items.insert(at, rest[1].clone());
    g.state = g.state.wrapping_add(1);
    Ok(none())
}

// ---- items ---------------------------------------------------------------------------

fn deque_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(this(vm, &a[0])?.len() as i64))
}

fn deque_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    let i = subscript(vm, &a[1])?;
    let g = d.lock();
    match position(i, g.items.len()).and_then(|j| g.items.get(j)) {
        Some(v) => Ok(v.clone()),
        None => {
            drop(g);
            Err(vm.new_index_error("deque index out of range"))
        }
    }
}

fn deque_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 2)?;
    let d = this(vm, &a[0])?;
    let i = subscript(vm, &a[1])?;
    let mut g = d.lock();
    let len = g.items.len();
    match position(i, len).and_then(|j| g.items.get_mut(j)) {
        Some(slot) => {
            let old = std::mem::replace(slot, a[2].clone());
            drop(g);
            drop(old);
            Ok(none())
        }
        None => {
            drop(g);
            Err(vm.new_index_error("deque index out of range"))
        }
    }
}

fn deque_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    let i = subscript(vm, &a[1])?;
    let mut g = d.lock();
    let removed = position(i, g.items.len()).and_then(|j| g.remove_at(j));
    drop(g);
    match removed {
        Some(old) => {
            drop(old);
            Ok(none())
        }
        None => Err(vm.new_index_error("deque index out of range")),
    }
}

fn deque_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let d = this_ref(vm, &a[0])?;
    Ok(PyRef::new(PyDequeIter::new(d, false)).into_value())
}

fn deque_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.__reversed__")?;
    let d = this_ref(vm, s)?;
    Ok(PyRef::new_with_type(PyDequeIter::new(d, true), DEQUE_REVITER_TYPE.get()).into_value())
}

// ---- operators -------------------------------------------------------------------------

/// `deque_inplace_repeat`: the items `n` times over, in one critical
/// section; with a `maxlen`, only the repetitions that can survive.
fn repeat_in_place(vm: &mut Vm, d: &PyDeque, n: i64) -> PyResult<()> {
    let mut g = d.lock();
    let size = g.items.len();
    if size == 0 || n == 1 {
        return Ok(());
    }
    if n <= 0 {
        let old = g.take_all();
        drop(g);
        drop(old);
        return Ok(());
    }
    let n = n as usize;
    let mut reps = n;
    match size.checked_mul(n) {
        Some(t) if t <= isize::MAX as usize => {
            if let Some(m) = g.maxlen {
                if t > m {
                    reps = m.div_ceil(size);
                }
            }
        }
        _ => {
            drop(g);
            return Err(vm.new_exception_empty(&exc().memory_error));
        }
    }
    if size * reps > MAX_REPEAT_ITEMS {
        drop(g);
        return Err(vm.new_exception_empty(&exc().memory_error));
    }
    let seq: Vec<Value> = g.items.iter().cloned().collect();
    if g.maxlen.is_none() {
        g.items.reserve(size * (reps - 1));
    }
    let mut dropped = Vec::new();
    for _ in 1..reps {
        for v in &seq {
            dropped.extend(g.push_back(v.clone()));
        }
    }
    drop(g);
    drop(dropped);
    Ok(())
}

fn deque_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    this(vm, &a[0])?;
    if a[1].downcast_ref::<PyDeque>().is_none() {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    }
    let new = copy_of(vm, &a[0])?;
    let nd = this(vm, &new)?;
    extend(vm, &new, nd, &a[1], false)?;
    Ok(new)
}

fn deque_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    extend(vm, &a[0], d, &a[1], false)?;
    Ok(a[0].clone())
}

fn deque_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return mul_fallback(vm, &a[0], &a[1]);
    };
    let new = copy_of(vm, &a[0])?;
    let nd = this(vm, &new)?;
    repeat_in_place(vm, nd, n)?;
    Ok(new)
}

fn deque_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{}'", a[1].class().name())));
    };
    let new = copy_of(vm, &a[0])?;
    let nd = this(vm, &new)?;
    repeat_in_place(vm, nd, n)?;
    Ok(new)
}

fn deque_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return mul_fallback(vm, &a[0], &a[1]);
    };
    repeat_in_place(vm, d, n)?;
    Ok(a[0].clone())
}

/// One step of a comparison's implicit iterator over `d`.
fn cursor_next(vm: &mut Vm, d: &PyDeque, c: &mut Cursor) -> PyResult<Option<Value>> {
    let r = c.step(&d.lock(), false);
    r.map_err(|Mutated| vm.new_runtime_error(MUTATED))
}

struct DequeCmp;

impl RichCompare for DequeCmp {
    /// `deque_richcompare`: walks both deques as their iterators would
    /// (so a mutation raises), finds the first unequal pair and compares
    /// it with `op`, else compares the lengths reached.
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let v = this(vm, a)?;
        let Some(w) = b.downcast_ref::<PyDeque>() else {
            return Ok(not_implemented());
        };
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let same = a.is(b) || v.len() == w.len();
            if a.is(b) || !same {
                return Ok(bool_value(same == (op == CompareOp::Eq)));
            }
        }
        let mut c1 = Cursor::new(&v.lock());
        let mut c2 = Cursor::new(&w.lock());
        loop {
            let x = cursor_next(vm, v, &mut c1)?;
            let y = cursor_next(vm, w, &mut c2)?;
            let (Some(x), Some(y)) = (x.as_ref(), y.as_ref()) else {
                let (more_x, more_y) = (x.is_some(), y.is_some());
                return Ok(bool_value(match op {
                    CompareOp::Lt => more_y,
                    CompareOp::Le => !more_x,
                    CompareOp::Eq => more_x == more_y,
                    CompareOp::Ne => more_x != more_y,
                    CompareOp::Gt => more_x,
                    CompareOp::Ge => !more_y,
                }));
            };
            if !eq_nested(vm, x, y)? {
                let r = nested(vm, " in comparison", |vm| vm.rich_compare(x, y, op))?;
                return Ok(bool_value(vm.truthy(&r)?));
            }
        }
    }
}

fn deque_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let d = this(vm, &a[0])?;
    let Some(_guard) = repr_enter(&a[0]) else {
        return Ok(new_str("[...]"));
    };
    let items = new_list(d.snapshot());
    let shown = vm.repr_string(&items)?;
    let name = a[0].class().name();
    Ok(new_str(match d.maxlen() {
        Some(m) => format!("{name}({shown}, maxlen={m})"),
        None => format!("{name}({shown})"),
    }))
}

fn deque_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.__reduce__")?;
    let d = this_ref(vm, s)?;
    let state = match vm.get_attr_opt(s, "__dict__")? {
        Some(dict) if dict.downcast_ref::<PyDict>().is_some_and(|x| !x.is_empty()) => dict,
        _ => none(),
    };
    let ctor_args = match d.maxlen() {
        None => new_tuple(vec![]),
        Some(m) => new_tuple(vec![new_tuple(vec![]), int_from_i64(m as i64)]),
    };
    let it = PyRef::new(PyDequeIter::new(d, false)).into_value();
    Ok(new_tuple(vec![s.class_ref().into_value(), ctor_args, state, it]))
}

fn deque_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "deque.__sizeof__")?;
    let cap = this(vm, s)?.lock().items.capacity();
    let base = std::mem::size_of::<crate::object::PyObject<PyDeque>>();
    Ok(int_from_i64((base + cap * std::mem::size_of::<Value>()) as i64))
}

fn deque_class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, item) = one_arg(vm, &args, "deque.__class_getitem__")?;
    Ok(crate::types::list_methods::generic_alias::generic_alias_new(cls.clone(), item.clone()))
}

fn deque_maxlen(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match this(vm, v)?.maxlen() {
        Some(m) => int_from_i64(m as i64),
        None => none(),
    })
}

// ---- iterators ---------------------------------------------------------------------

fn iter_this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyDequeIter> {
    match v.downcast_ref::<PyDequeIter>() {
        Some(i) => Ok(i),
        None => Err(descr_error(vm, "_collections._deque_iterator", v)),
    }
}

/// `_deque_iterator(deque, index=0)`: what `__reduce__` returns to.
fn iter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("_deque_iterator.__new__(X): X is not a type object"));
    };
    let name = cls.name();
    args.no_kwargs(vm, &name)?;
    let rest = args.skip_self().range(vm, &name, 1, 2)?;
    let Some(d) = rest[0].downcast::<PyDeque>() else {
        let t = rest[0].class().name();
        return Err(vm.new_type_error(format!("{name}() argument 1 must be collections.deque, not {t}")));
    };
    let skip = match rest.get(1) {
        Some(v) => vm.index_ssize(v)?,
        None => 0,
    };
    let reverse = cls.is(DEQUE_REVITER_TYPE.get());
    let it = PyDequeIter::new(d, reverse);
    for _ in 0..skip.max(0) {
        if !matches!(it.step(), Ok(Some(_))) {
            break;
        }
    }
    Ok(PyRef::new_with_type(it, &cls).into_value())
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let it = iter_this(vm, &a[0])?;
    match it.step() {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.new_stop_iteration(None)),
        Err(Mutated) => Err(vm.new_runtime_error(MUTATED)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__length_hint__")?;
    Ok(int_from_i64(iter_this(vm, s)?.remaining() as i64))
}

fn iter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__reduce__")?;
    let it = iter_this(vm, s)?;
    let done = it.deque.len().saturating_sub(it.remaining());
    let ctor_args = new_tuple(vec![it.deque.to_value(), int_from_i64(done as i64)]);
    Ok(new_tuple(vec![s.class_ref().into_value(), ctor_args]))
}

// ---- types and the module ------------------------------------------------------------------

fn new_type<T: PyPayload>(cell: &'static TypeCell, name: &str, module: &str, fl: u32) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(crate::types::instance_object_type()), fl, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern(module));
    cell.set(t);
    cell.get()
}

fn init_types() {
    let t = new_type::<PyDeque>(&DEQUE_TYPE, "deque", "collections", flags::BASETYPE | flags::SEQUENCE);
    add_method_kind(t, "__new__", deque_new, MethodKind::Static);
    add_method_kind(t, "__class_getitem__", deque_class_getitem, MethodKind::Class);
    add_methods(
        t,
        &[
            ("__init__", deque_init),
            ("__repr__", deque_repr),
            ("__len__", deque_len),
            ("__getitem__", deque_getitem),
            ("__setitem__", deque_setitem),
            ("__delitem__", deque_delitem),
            ("__contains__", deque_contains),
            ("__iter__", deque_iter),
            ("__reversed__", deque_reversed),
            ("__add__", deque_add),
            ("__iadd__", deque_iadd),
            ("__mul__", deque_mul),
            ("__rmul__", deque_rmul),
            ("__imul__", deque_imul),
            ("__copy__", deque_copy),
            ("__reduce__", deque_reduce),
            ("__sizeof__", deque_sizeof),
            ("append", deque_append),
            ("appendleft", deque_appendleft),
            ("pop", deque_pop),
            ("popleft", deque_popleft),
            ("extend", deque_extend),
            ("extendleft", deque_extendleft),
            ("clear", deque_clear),
            ("copy", deque_copy),
            ("count", deque_count),
            ("index", deque_index),
            ("insert", deque_insert),
            ("remove", deque_remove),
            ("reverse", deque_reverse),
            ("rotate", deque_rotate),
        ],
    );
    add_methods(t, &compare_methods::<DequeCmp>());
    t.dict().set_str_key(crate::intern::intern("__hash__"), none());
    add_getset(t, "maxlen", deque_maxlen, None);

    let iter_methods: &[(&'static str, crate::function::native::NativeFn)] = &[
        ("__iter__", iter_self),
        ("__next__", iter_next),
        ("__length_hint__", iter_length_hint),
        ("__reduce__", iter_reduce),
    ];
    for (cell, name) in [(&DEQUE_ITER_TYPE, "_deque_iterator"), (&DEQUE_REVITER_TYPE, "_deque_reverse_iterator")] {
        let it = new_type::<PyDequeIter>(cell, name, "_collections", 0);
        add_method_kind(it, "__new__", iter_new, MethodKind::Static);
        add_methods(it, iter_methods);
    }
}

/// The native `_collections` module (`deque` and its iterator types).
pub fn make_collections_module() -> PyRef<PyModule> {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(init_types);
    let m = PyModule::new("_collections");
    m.set_attr("deque", DEQUE_TYPE.get().to_value());
    m.set_attr("_deque_iterator", DEQUE_ITER_TYPE.get().to_value());
    m.set_attr("_deque_reverse_iterator", DEQUE_REVITER_TYPE.get().to_value());
    m
}
