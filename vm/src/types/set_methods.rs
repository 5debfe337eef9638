//! Methods of `set` and `frozenset`, and the set iterator.
//!
//! The algorithms follow `Objects/setobject.c` step for step (which side
//! is iterated, when a table is presized, when a result is a copy), since
//! those choices decide the iteration order of the results. The table
//! (`small.rs`) locks itself; keys of another set are copied out under its
//! lock before this set is touched, and `__eq__`/`__hash__` always run
//! with every lock released.

use skein_compiler::bytecode::CompareOp;

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::{PyDict, DICT_TYPE};
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::iterators::NativeIterator;
use crate::types::list::new_list;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::small::{is_frozenset, PySet, SetTable, FROZENSET_TYPE, SET_TYPE};
use crate::types::str::new_str;
use crate::types::tuple_methods::{
    compare_methods, descr_error, noargs, one_arg, repr_enter, repr_nested, slot_args, RichCompare,
};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static SET_ITER_TYPE: TypeCell = TypeCell::new();

// ---- iterator -----------------------------------------------------------------------

struct IterState {
    pos: usize,
    /// The set's size at the start; `None` when exhausted or after a size
    /// change was reported (`sticky` then says the error repeats).
    used: Option<usize>,
    sticky: bool,
    remaining: usize,
}

pub struct PySetIter {
    set: PyRef<PySet>,
    state: Locked<IterState>,
}

impl PyPayload for PySetIter {
    fn class() -> &'static PyRef<PyType> {
        SET_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.set.to_value());
    }
}

impl NativeIterator for PySetIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut st = self.state.lock();
        let Some(used) = st.used else {
            let sticky = st.sticky;
            drop(st);
            if sticky {
                return Err(vm.new_runtime_error("Set changed size during iteration"));
            }
            return Ok(None);
        };
        let t = self.set.lock();
        if t.len() != used {
            drop(t);
            st.used = None;
            st.sticky = true;
            drop(st);
            return Err(vm.new_runtime_error("Set changed size during iteration"));
        }
        match t.next_from(st.pos) {
            Some((ix, k)) => {
                let k = k.clone();
                drop(t);
                st.pos = ix + 1;
                st.remaining = st.remaining.saturating_sub(1);
                Ok(Some(k))
            }
            None => {
                drop(t);
                st.used = None;
                Ok(None)
            }
        }
    }
}

fn setiter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(it) = a[0].downcast_ref::<PySetIter>() else {
        return Err(descr_error(vm, "set_iterator", &a[0]));
    };
    match it.next(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn setiter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "set_iterator.__length_hint__")?;
    let Some(it) = s.downcast_ref::<PySetIter>() else {
        return Err(descr_error(vm, "set_iterator", s));
    };
    let st = it.state.lock();
    let n = match st.used {
        Some(u) if it.set.len() == u => st.remaining,
        _ => 0,
    };
    Ok(int_from_i64(n as i64))
}

fn self_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

// ---- core algorithms -------------------------------------------------------------------

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PySet> {
    match v.downcast_ref::<PySet>() {
        Some(s) => Ok(s),
        None => Err(descr_error(vm, "set", v)),
    }
}

fn this_ref(vm: &mut Vm, v: &Value) -> PyResult<PyRef<PySet>> {
    match v.downcast::<PySet>() {
        Some(s) => Ok(s),
        None => Err(descr_error(vm, "set", v)),
    }
}

/// An empty set of `v`'s base type (`make_new_set_basetype`): `set` for
/// sets and their subclasses, `frozenset` for frozensets.
fn new_like(v: &Value) -> PyRef<PySet> {
    wrap_like(v, PySet::new())
}

/// `set` as an object of `v`'s base type (see [`new_like`]).
fn wrap_like(v: &Value, set: PySet) -> PyRef<PySet> {
    if is_frozenset(v) {
        PyRef::new_with_type(set, FROZENSET_TYPE.get())
    } else {
        PyRef::new(set)
    }
}

/// `set_update_internal`: adds every key of `other` (a set, a dict's keys,
/// or any iterable).
pub(crate) fn update_from(vm: &mut Vm, so: &PyRef<PySet>, other: &Value) -> PyResult<()> {
    if let Some(o) = other.downcast_ref::<PySet>() {
        if so.to_value().is(other) {
            return Ok(());
        }
        // A few keys into a set that already has some (`s | {x}`): copied
        // out without a table snapshot or a heap vector, added in `o`'s
        // table order as `set_merge` does.
        let few: Option<smallvec::SmallVec<[(i64, Value); 8]>> = {
            let g = o.lock();
            (g.len() <= 8).then(|| g.iter().map(|(h, k)| (h, k.clone())).collect())
        };
        if let Some(few) = few {
            if few.is_empty() {
                return Ok(());
            }
            let nonempty = {
                let mut t = so.lock();
                let nonempty = t.fill() != 0;
                if nonempty {
                    t.presize_for(few.len());
                }
                nonempty
            };
            if nonempty {
                for (h, k) in few {
                    so.add_hashed(vm, k, h)?;
                }
                return Ok(());
            }
        }
        let snap = o.lock().clone_table();
        if snap.is_empty() {
            return Ok(());
        }
        {
            let mut t = so.lock();
            t.presize_for(snap.len());
            if t.merge_into_empty(&snap) {
                drop(t);
                drop(snap);
                return Ok(());
            }
        }
        let pairs: Vec<(i64, Value)> = snap.iter().map(|(h, k)| (h, k.clone())).collect();
        drop(snap);
        for (h, k) in pairs {
            so.add_hashed(vm, k, h)?;
        }
        return Ok(());
    }
    if other.is_exact(DICT_TYPE.get()) {
        if let Some(d) = other.downcast_ref::<PyDict>() {
            let pairs: Vec<(i64, Value)> = d.lock().iter().map(|e| (e.hash, e.key.clone())).collect();
            so.lock().presize_for(pairs.len());
            for (h, k) in pairs {
                so.add_hashed(vm, k, h)?;
            }
            return Ok(());
        }
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        so.add(vm, k)?;
    }
    Ok(())
}

/// A new set of `like`'s base type holding `so`'s keys (`set_copy`).
/// The copy is built under `so`'s lock alone (the new table is not yet
/// reachable by anyone), with `set_merge`'s presizing, so its layout and
/// iteration order are CPython's.
fn copy_of(vm: &mut Vm, so: &Value) -> PyResult<PyRef<PySet>> {
    let Some(src) = so.downcast_ref::<PySet>() else {
        let r = new_like(so);
        update_from(vm, &r, so)?;
        return Ok(r);
    };
    let t = SetTable::copy_of(&src.lock());
    Ok(wrap_like(so, PySet::from_table(t)))
}

/// `key in so`, retrying with `frozenset(key)` when `key` is an
/// (unhashable) set, as CPython does.
pub(crate) fn set_has(vm: &mut Vm, so: &PySet, key: &Value) -> PyResult<bool> {
    match so.contains(vm, key) {
        Err(e) if is_plain_set(key) && vm.err_matches(&e, &exc().type_error) => {
            let tmp = frozen_copy(vm, key)?;
            so.contains(vm, &tmp)
        }
        r => r,
    }
}

fn is_plain_set(v: &Value) -> bool {
    v.downcast_ref::<PySet>().is_some() && !is_frozenset(v)
}

fn frozen_copy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = PyRef::new_with_type(PySet::new(), FROZENSET_TYPE.get());
    update_from(vm, &r, v)?;
    Ok(r.into_value())
}

/// `discard` with the frozenset retry; true if the key was present.
fn discard_key(vm: &mut Vm, so: &PySet, key: &Value) -> PyResult<bool> {
    match so.discard(vm, key) {
        Err(e) if is_plain_set(key) && vm.err_matches(&e, &exc().type_error) => {
            let tmp = frozen_copy(vm, key)?;
            so.discard(vm, &tmp)
        }
        r => r,
    }
}

/// `set_intersection(so, other)`.
fn intersection(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<PyRef<PySet>> {
    if so_v.is(other) {
        return copy_of(vm, so_v);
    }
    let result = new_like(so_v);
    let so = this(vm, so_v)?;
    if let Some(o) = other.downcast_ref::<PySet>() {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (h, k) in small.snapshot_hashed() {
            if big.contains_hashed(vm, &k, h)? {
                result.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if so.contains_hashed(vm, &k, h)? {
            result.add_hashed(vm, k, h)?;
            if result.len() >= so.len() {
                break;
            }
        }
    }
    Ok(result)
}

fn intersection_multi(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return Ok(copy_of(vm, so)?.into_value());
    }
    let mut result = so.clone();
    for o in others {
        result = intersection(vm, &result, o)?.into_value();
    }
    Ok(result)
}

/// `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<()> {
    let so = this(vm, so_v)?;
    if so_v.is(other) {
        so.clear();
        return Ok(());
    }
    if let Some(o) = other.downcast_ref::<PySet>() {
        let keys = if (o.len() >> 3) > so.len() {
            intersection(vm, so_v, other)?.snapshot_hashed()
        } else {
            o.snapshot_hashed()
        };
        for (h, k) in keys {
            so.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            so.discard(vm, &k)?;
        }
    }
    so.lock().compact_after_removals();
    Ok(())
}

fn copy_and_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<PyRef<PySet>> {
    let r = copy_of(vm, so)?;
    difference_update(vm, &r.to_value(), other)?;
    Ok(r)
}

/// `set_difference(so, other)`.
fn difference(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<PyRef<PySet>> {
    let so = this(vm, so_v)?;
    let dict = if other.is_exact(DICT_TYPE.get()) { other.downcast_ref::<PyDict>() } else { None };
    let other_size = match (other.downcast_ref::<PySet>(), dict) {
        (Some(o), _) => o.len(),
        (None, Some(d)) => d.len(),
        _ => return copy_and_difference(vm, so_v, other),
    };
    if (so.len() >> 2) > other_size {
        return copy_and_difference(vm, so_v, other);
    }
    let result = new_like(so_v);
    for (h, k) in so.snapshot_hashed() {
        let present = match dict {
            Some(d) => d.get_item_hashed(vm, &k, h)?.is_some(),
            None => match other.downcast_ref::<PySet>() {
                Some(o) => o.contains_hashed(vm, &k, h)?,
                None => false,
            },
        };
        if !present {
            result.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

fn difference_multi(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    let Some(first) = others.first() else {
        return Ok(copy_of(vm, so)?.into_value());
    };
    let result = difference(vm, so, first)?.into_value();
    for o in &others[1..] {
        difference_update(vm, &result, o)?;
    }
    Ok(result)
}

/// `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<()> {
    let so = this(vm, so_v)?;
    if so_v.is(other) {
        so.clear();
        return Ok(());
    }
    let pairs: Vec<(i64, Value)> = if other.is_exact(DICT_TYPE.get()) && other.downcast_ref::<PyDict>().is_some() {
        let d = other.downcast_ref::<PyDict>().map(|d| d.lock().iter().map(|e| (e.hash, e.key.clone())).collect());
        d.unwrap_or_default()
    } else if let Some(o) = other.downcast_ref::<PySet>() {
        o.snapshot_hashed()
    } else {
        let tmp = new_like(so_v);
        update_from(vm, &tmp, other)?;
        tmp.snapshot_hashed()
    };
    for (h, k) in pairs {
        if !so.discard_hashed(vm, &k, h)? {
            so.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let r = new_like(so);
    update_from(vm, &r, other)?;
    let rv = r.into_value();
    symmetric_difference_update(vm, &rv, so)?;
    Ok(rv)
}

fn union_multi(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    let r = copy_of(vm, so)?;
    for o in others {
        if o.is(so) {
            continue;
        }
        update_from(vm, &r, o)?;
    }
    Ok(r.into_value())
}

/// `set_issubset(so, other)`.
fn issubset(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<bool> {
    let so = this(vm, so_v)?;
    let tmp;
    let o = match other.downcast_ref::<PySet>() {
        Some(o) => o,
        None => {
            tmp = PyRef::new(PySet::new());
            update_from(vm, &tmp, other)?;
            &*tmp
        }
    };
    if so.len() > o.len() {
        return Ok(false);
    }
    for (h, k) in so.snapshot_hashed() {
        if !o.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<bool> {
    if other.downcast_ref::<PySet>().is_some() {
        return issubset(vm, other, so_v);
    }
    let so = this(vm, so_v)?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if !so.contains(vm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(vm: &mut Vm, so_v: &Value, other: &Value) -> PyResult<bool> {
    let so = this(vm, so_v)?;
    if so_v.is(other) {
        return Ok(so.is_empty());
    }
    let exact_set = other.is_exact(SET_TYPE.get()) || other.is_exact(FROZENSET_TYPE.get());
    if let Some(o) = other.downcast_ref::<PySet>().filter(|_| exact_set) {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (h, k) in small.snapshot_hashed() {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if so.contains(vm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `frozenset.__hash__`, cached in the table.
fn frozen_hash(s: &PySet) -> i64 {
    let mut t = s.lock();
    if t.hash == -1 {
        t.hash = t.compute_hash();
    }
    t.hash
}

fn cached_hash(s: &PySet) -> i64 {
    s.lock().hash
}

/// Runs one of the in-place operations by name on a set (for dict views).
pub(crate) fn call_in_place(vm: &mut Vm, so: &PyRef<PySet>, method: &str, other: &Value) -> PyResult<()> {
    let v = so.to_value();
    match method {
        "update" => update_from(vm, so, other),
        "difference_update" => difference_update(vm, &v, other),
        _ => symmetric_difference_update(vm, &v, other),
    }
}

// ---- methods -----------------------------------------------------------------------

fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("set.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(SET_TYPE.get()) {
        return Err(vm.new_type_error(format!("set.__new__({}): {} is not a subtype of set", cls.name(), cls.name())));
    }
    if cls.is(SET_TYPE.get()) {
        return Ok(PyRef::new(PySet::new()).into_value());
    }
    Ok(PyRef::new_with_type(PySet::new(), &cls).into_value())
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' needs an argument"));
    };
    let so = this_ref(vm, s)?;
    args.no_kwargs(vm, "set")?;
    if args.pos.len() > 2 {
        let name = s.class().name();
        return Err(vm.new_type_error(format!("{name} expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    so.clear();
    if let Some(it) = args.pos.get(1) {
        update_from(vm, &so, it)?;
    }
    Ok(none())
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("frozenset.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(FROZENSET_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "frozenset.__new__({}): {} is not a subtype of frozenset",
            cls.name(),
            cls.name()
        )));
    }
    let exact = cls.is(FROZENSET_TYPE.get());
    let own_init = FROZENSET_TYPE.get().lookup("__init__");
    let plain_init = matches!((cls.lookup("__init__"), own_init), (Some(a), Some(b)) if a.is(&b));
    if args.has_kwargs() && (exact || plain_init) {
        return Err(vm.new_type_error("frozenset() takes no keyword arguments"));
    }
    let rest = &args.pos[1..];
    if rest.len() > 1 {
        return Err(vm.new_type_error(format!("{} expected at most 1 argument, got {}", cls.name(), rest.len())));
    }
    if exact {
        if let Some(v) = rest.first() {
            if v.is_exact(FROZENSET_TYPE.get()) {
                return Ok(v.clone());
            }
        }
    }
    let r = PyRef::new_with_type(PySet::new(), &cls);
    if let Some(v) = rest.first() {
        update_from(vm, &r, v)?;
    }
    Ok(r.into_value())
}

fn set_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let so = this(vm, &a[0])?;
    let name = a[0].class().name();
    let Some(_guard) = repr_enter(&a[0]) else {
        return Ok(new_str(format!("{name}(...)")));
    };
    if so.is_empty() {
        return Ok(new_str(format!("{name}()")));
    }
    let list = repr_nested(vm, &new_list(so.snapshot()))?;
    let inner = &list[1..list.len() - 1];
    if a[0].is_exact(SET_TYPE.get()) {
        Ok(new_str(format!("{{{inner}}}")))
    } else {
        Ok(new_str(format!("{name}({{{inner}}})")))
    }
}

fn set_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(this(vm, &a[0])?.len() as i64))
}

fn set_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let so = this(vm, &a[0])?;
    Ok(bool_value(set_has(vm, so, &a[1])?))
}

fn set_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let so = this_ref(vm, &a[0])?;
    let n = so.len();
    let state = IterState { pos: 0, used: Some(n), sticky: false, remaining: n };
    Ok(PyRef::new(PySetIter { set: so, state: Locked::new(state) }).into_value())
}

struct SetCmp;

impl RichCompare for SetCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let v = this(vm, a)?;
        let Some(w) = b.downcast_ref::<PySet>() else {
            return Ok(not_implemented());
        };
        let r = match op {
            CompareOp::Eq | CompareOp::Ne => {
                let eq = if v.len() != w.len() {
                    false
                } else {
                    let (hv, hw) = (cached_hash(v), cached_hash(w));
                    if hv != -1 && hw != -1 && hv != hw {
                        false
                    } else {
                        issubset(vm, a, b)?
                    }
                };
                eq == (op == CompareOp::Eq)
            }
            CompareOp::Le => issubset(vm, a, b)?,
            CompareOp::Ge => issuperset(vm, a, b)?,
            CompareOp::Lt => v.len() < w.len() && issubset(vm, a, b)?,
            CompareOp::Gt => v.len() > w.len() && issuperset(vm, a, b)?,
        };
        Ok(bool_value(r))
    }
}

fn frozenset_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(frozen_hash(this(vm, &a[0])?)))
}

/// The binary operators: NotImplemented unless both operands are sets.
fn binop(
    vm: &mut Vm,
    args: &Args<'_>,
    reflected: bool,
    f: fn(&mut Vm, &Value, &Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let a = slot_args(vm, args, 1)?;
    this(vm, &a[0])?;
    if a[1].downcast_ref::<PySet>().is_none() {
        return Ok(not_implemented());
    }
    if reflected {
        f(vm, &a[1], &a[0])
    } else {
        f(vm, &a[0], &a[1])
    }
}

fn or_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) {
        // `set_copy` then `set_merge`, both into the result's table before
        // it is shared, so neither step locks it or snapshots `b`'s table.
        let mut t = SetTable::copy_of(&x.lock());
        if !a.is(b) {
            merge_private(vm, &mut t, y)?;
        }
        return Ok(wrap_like(a, PySet::from_table(t)).into_value());
    }
    let r = copy_of(vm, a)?;
    if !a.is(b) {
        update_from(vm, &r, b)?;
    }
    Ok(r.into_value())
}

/// `set_merge(t, o)` where `t` is a table nobody else can reach yet: `o`'s
/// keys are copied out under its lock, then added in its table order.
fn merge_private(vm: &mut Vm, t: &mut SetTable, o: &PySet) -> PyResult<()> {
    let keys: smallvec::SmallVec<[(i64, Value); 8]> = {
        let g = o.lock();
        if g.is_empty() {
            return Ok(());
        }
        if t.fill() == 0 {
            t.presize_for(g.len());
            t.merge_into_empty(&g);
            return Ok(());
        }
        g.iter().map(|(h, k)| (h, k.clone())).collect()
    };
    t.presize_for(keys.len());
    for (h, k) in keys {
        t.add_private(vm, k, h)?;
    }
    Ok(())
}

/// `a op b` (`BINARY_OP`) when both operands are exact sets or frozensets:
/// what the `__or__`/`__ior__`/... slots do, without looking them up.
/// `None` for any other operands or operator.
pub(crate) fn binary_fast(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: skein_compiler::bytecode::BinaryOp,
) -> Option<PyResult<Value>> {
    use skein_compiler::bytecode::BinaryOp::*;
    let (set, frozen) = (SET_TYPE.get(), FROZENSET_TYPE.get());
    let a_set = a.is_exact(set);
    if !(a_set || a.is_exact(frozen)) || !(b.is_exact(set) || b.is_exact(frozen)) {
        return None;
    }
    let inplace = |vm: &mut Vm, f: fn(&mut Vm, &Value, &Value) -> PyResult<()>| f(vm, a, b).map(|()| a.clone());
    Some(match op {
        Or => or_op(vm, a, b),
        And => and_op(vm, a, b),
        Subtract => sub_op(vm, a, b),
        Xor => xor_op(vm, a, b),
        // A frozenset has no in-place methods: `|=` falls back to `|`.
        InplaceOr if a_set => inplace(vm, ior_op),
        InplaceAnd if a_set => inplace(vm, iand_op),
        InplaceSubtract if a_set => inplace(vm, difference_update),
        InplaceXor if a_set => inplace(vm, symmetric_difference_update),
        InplaceOr => or_op(vm, a, b),
        InplaceAnd => and_op(vm, a, b),
        InplaceSubtract => sub_op(vm, a, b),
        InplaceXor => xor_op(vm, a, b),
        _ => return None,
    })
}
fn and_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(intersection(vm, a, b)?.into_value())
}
fn sub_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(difference(vm, a, b)?.into_value())
}
fn xor_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    symmetric_difference(vm, a, b)
}

fn set_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, false, or_op)
}
fn set_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, true, or_op)
}
fn set_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, false, and_op)
}
fn set_rand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, true, and_op)
}
fn set_sub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, false, sub_op)
}
fn set_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, true, sub_op)
}
fn set_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, false, xor_op)
}
fn set_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binop(vm, &args, true, xor_op)
}

/// The in-place operators: NotImplemented unless `other` is a set.
fn inplace(vm: &mut Vm, args: &Args<'_>, f: fn(&mut Vm, &Value, &Value) -> PyResult<()>) -> PyResult<Value> {
    let a = slot_args(vm, args, 1)?;
    this(vm, &a[0])?;
    if a[1].downcast_ref::<PySet>().is_none() {
        return Ok(not_implemented());
    }
    f(vm, &a[0], &a[1])?;
    Ok(a[0].clone())
}

fn ior_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<()> {
    let so = this_ref(vm, a)?;
    update_from(vm, &so, b)
}
fn iand_op(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<()> {
    intersection_update(vm, a, std::slice::from_ref(b))
}

fn set_ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, &args, ior_op)
}
fn set_iand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, &args, iand_op)
}
fn set_isub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, &args, difference_update)
}
fn set_ixor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, &args, symmetric_difference_update)
}

/// `intersection_update`: computes the intersection, then swaps it in.
fn intersection_update(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<()> {
    let tmp = intersection_multi(vm, so, others)?;
    let Some(t) = tmp.downcast_ref::<PySet>() else {
        return Ok(());
    };
    if tmp.is(so) {
        return Ok(());
    }
    let s = this(vm, so)?;
    // Lock order by address so two threads swapping the same pair cannot
    // deadlock.
    let (first, second) = if so.raw_word() < tmp.raw_word() { (s, t) } else { (t, s) };
    let mut g1 = first.lock();
    let mut g2 = second.lock();
    g1.swap_bodies(&mut g2);
    drop(g2);
    drop(g1);
    // `tmp` now holds the old keys; they are dropped here, unlocked.
    drop(tmp);
    Ok(())
}

/// Splits `self, *others` with no keywords.
fn varargs<'a>(vm: &mut Vm, args: &Args<'a>, qual: &str) -> PyResult<(&'a Value, &'a [Value])> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("{qual}() takes no keyword arguments")));
    }
    match args.pos.split_first() {
        Some((s, rest)) => Ok((s, rest)),
        None => Err(vm.new_type_error(format!("descriptor '{qual}' needs an argument"))),
    }
}

fn set_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, k) = one_arg(vm, &args, "set.add")?;
    this(vm, s)?.add(vm, k.clone())?;
    Ok(none())
}

fn set_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "set.clear")?;
    this(vm, s)?.clear();
    Ok(none())
}

fn set_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "set.copy")?;
    Ok(copy_of(vm, s)?.into_value())
}

fn frozenset_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "frozenset.copy")?;
    if s.is_exact(FROZENSET_TYPE.get()) {
        return Ok(s.clone());
    }
    Ok(copy_of(vm, s)?.into_value())
}

fn set_discard(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, k) = one_arg(vm, &args, "set.discard")?;
    let so = this(vm, s)?;
    discard_key(vm, so, k)?;
    Ok(none())
}

fn set_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, k) = one_arg(vm, &args, "set.remove")?;
    let so = this(vm, s)?;
    if !discard_key(vm, so, k)? {
        return Err(vm.new_key_error(k.clone()));
    }
    Ok(none())
}

fn set_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "set.pop")?;
    let popped = this(vm, s)?.lock().pop();
    match popped {
        Some(k) => Ok(k),
        None => Err(vm.new_key_error(new_str("pop from an empty set"))),
    }
}

fn set_union(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = varargs(vm, &args, "union")?;
    this(vm, s)?;
    union_multi(vm, s, rest)
}

fn set_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = varargs(vm, &args, "update")?;
    let so = this_ref(vm, s)?;
    for o in rest {
        update_from(vm, &so, o)?;
    }
    Ok(none())
}

fn set_intersection(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = varargs(vm, &args, "intersection")?;
    this(vm, s)?;
    intersection_multi(vm, s, rest)
}

fn set_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = varargs(vm, &args, "intersection_update")?;
    this(vm, s)?;
    intersection_update(vm, s, rest)?;
    Ok(none())
}

fn set_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = varargs(vm, &args, "difference")?;
    this(vm, s)?;
    difference_multi(vm, s, rest)
}

fn set_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = varargs(vm, &args, "difference_update")?;
    this(vm, s)?;
    for o in rest {
        difference_update(vm, s, o)?;
    }
    Ok(none())
}

fn set_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, o) = one_arg(vm, &args, "set.symmetric_difference")?;
    this(vm, s)?;
    symmetric_difference(vm, s, o)
}

fn frozenset_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, o) = one_arg(vm, &args, "frozenset.symmetric_difference")?;
    this(vm, s)?;
    symmetric_difference(vm, s, o)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, o) = one_arg(vm, &args, "set.symmetric_difference_update")?;
    symmetric_difference_update(vm, s, o)?;
    Ok(none())
}

fn set_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, o) = one_arg(vm, &args, "issubset")?;
    Ok(bool_value(issubset(vm, s, o)?))
}

fn set_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, o) = one_arg(vm, &args, "issuperset")?;
    this(vm, s)?;
    Ok(bool_value(issuperset(vm, s, o)?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, o) = one_arg(vm, &args, "isdisjoint")?;
    Ok(bool_value(isdisjoint(vm, s, o)?))
}

fn set_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__reduce__")?;
    let so = this(vm, s)?;
    let keys = new_list(so.snapshot());
    let state = match crate::protocol::attr::instance_dict(s, false) {
        Some(d) => d.to_value(),
        None => none(),
    };
    Ok(crate::types::tuple::new_tuple(vec![
        s.class_ref().into_value(),
        crate::types::tuple::new_tuple(vec![keys]),
        state,
    ]))
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let common: [(&'static str, crate::function::native::NativeFn); 19] = [
        ("__repr__", set_repr),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__or__", set_or),
        ("__ror__", set_ror),
        ("__and__", set_and),
        ("__rand__", set_rand),
        ("__sub__", set_sub),
        ("__rsub__", set_rsub),
        ("__xor__", set_xor),
        ("__rxor__", set_rxor),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__reduce__", set_reduce),
    ];
    for t in [types.set, types.frozenset] {
        add_methods(t, &common);
        add_methods(t, &compare_methods::<SetCmp>());
    }
    let s = types.set;
    add_method_kind(s, "__new__", set_new, MethodKind::Static);
    add_methods(
        s,
        &[
            ("__init__", set_init),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
            ("add", set_add),
            ("clear", set_clear),
            ("copy", set_copy),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            ("symmetric_difference", set_symmetric_difference),
            ("symmetric_difference_update", set_symmetric_difference_update),
        ],
    );
    s.dict().set_str_key(crate::intern::intern("__hash__"), none());
    let f = types.frozenset;
    add_method_kind(f, "__new__", frozenset_new, MethodKind::Static);
    add_methods(
        f,
        &[
            ("__hash__", frozenset_hash),
            ("copy", frozenset_copy),
            ("symmetric_difference", frozenset_symmetric_difference),
        ],
    );

    let it = PyType::new_builtin::<PySetIter>("set_iterator", Some(types.object), 0, false);
    it.set_dict(PyDict::new_ref());
    it.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    SET_ITER_TYPE.set(it);
    add_methods(
        SET_ITER_TYPE.get(),
        &[("__iter__", self_iter), ("__next__", setiter_next), ("__length_hint__", setiter_length_hint)],
    );
}
