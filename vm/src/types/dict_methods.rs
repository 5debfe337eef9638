//! Methods of `dict`, its views (`dict_keys`, `dict_values`, `dict_items`)
//! and its iterators.
//!
//! The table (`dict.rs`) locks itself; methods here copy entries out under
//! the lock and run any Python code (`__eq__`, `__hash__`, `__repr__`,
//! `__missing__`) with it released. Iterators remember the size the dict
//! had when they started and raise "dictionary changed size during
//! iteration" when it differs, as CPython does; reverse iterators read a
//! snapshot of the entries taken when they start (size changes are still
//! reported).

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
use crate::types::small::PySet;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{
    compare_methods, descr_error, eq_nested, noargs, one_arg, pos_range, repr_enter, repr_nested, slot_args,
    RichCompare,
};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static DICT_KEYS_TYPE: TypeCell = TypeCell::new();
pub static DICT_VALUES_TYPE: TypeCell = TypeCell::new();
pub static DICT_ITEMS_TYPE: TypeCell = TypeCell::new();
pub static DICT_KEYITER_TYPE: TypeCell = TypeCell::new();
pub static DICT_VALUEITER_TYPE: TypeCell = TypeCell::new();
pub static DICT_ITEMITER_TYPE: TypeCell = TypeCell::new();
pub static DICT_REVKEYITER_TYPE: TypeCell = TypeCell::new();
pub static DICT_REVVALUEITER_TYPE: TypeCell = TypeCell::new();
pub static DICT_REVITEMITER_TYPE: TypeCell = TypeCell::new();

/// What a view or iterator yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of the dict.
pub struct PyDictView {
    pub dict: PyRef<PyDict>,
    pub kind: ViewKind,
}

impl PyPayload for PyDictView {
    fn class() -> &'static PyRef<PyType> {
        DICT_KEYS_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict.to_value());
    }
}

struct IterState {
    /// Next entry position (forward), or next snapshot index (reverse).
    pos: usize,
    /// The dict's size when iteration started; `None` once a size change
    /// was reported (the error repeats) or the iterator is exhausted.
    used: Option<usize>,
    /// Items still expected.
    remaining: usize,
    /// Reverse iterators: `(key, value)` pairs, last entry first.
    snapshot: Vec<(Value, Value)>,
}

/// An iterator over a dict (forward or reverse, of keys, values or items).
pub struct PyDictIter {
    dict: PyRef<PyDict>,
    kind: ViewKind,
    reverse: bool,
    state: Locked<IterState>,
}

impl PyPayload for PyDictIter {
    fn class() -> &'static PyRef<PyType> {
        DICT_KEYITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict.to_value());
        for (k, v) in self.state.lock().snapshot.iter() {
            visit(k);
            visit(v);
        }
    }
}

fn yield_of(kind: ViewKind, k: Value, v: Value) -> Value {
    match kind {
        ViewKind::Keys => k,
        ViewKind::Values => v,
        ViewKind::Items => new_tuple(vec![k, v]),
    }
}

impl NativeIterator for PyDictIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_entry(vm)?.map(|(k, v)| yield_of(self.kind, k, v)))
    }
}

impl PyDictIter {
    /// `for k, v in d.items()`: the next key and value without the
    /// `(k, v)` tuple; `None` for a keys or values iterator.
    pub fn next_item_pair(&self, vm: &mut Vm) -> Option<PyResult<Option<(Value, Value)>>> {
        (self.kind == ViewKind::Items).then(|| self.next_entry(vm))
    }

    /// The next `(key, value)`, whatever the kind.
    fn next_entry(&self, vm: &mut Vm) -> PyResult<Option<(Value, Value)>> {
        let mut st = self.state.lock();
        let Some(used) = st.used else {
            let sticky = st.remaining == usize::MAX;
            drop(st);
            if sticky {
                return Err(vm.new_runtime_error("dictionary changed size during iteration"));
            }
            return Ok(None);
        };
        let found = {
            let t = self.dict.lock();
            if t.len() != used {
                None
            } else if self.reverse {
                Some(st.snapshot.get(st.pos).cloned())
            } else {
                Some(t.entry_from(st.pos).map(|(ix, e)| {
                    st.pos = ix + 1;
                    (e.key.clone(), e.value.clone())
                }))
            }
        };
        let Some(found) = found else {
            st.used = None;
            st.remaining = usize::MAX;
            let snap = std::mem::take(&mut st.snapshot);
            drop(st);
            drop(snap);
            return Err(vm.new_runtime_error("dictionary changed size during iteration"));
        };
        match found {
            None => {
                st.used = None;
                st.remaining = 0;
                let snap = std::mem::take(&mut st.snapshot);
                drop(st);
                drop(snap);
                Ok(None)
            }
            Some((k, v)) => {
                if st.remaining == 0 {
                    st.used = None;
                    drop(st);
                    return Err(vm.new_runtime_error("dictionary keys changed during iteration"));
                }
                st.remaining -= 1;
                if self.reverse {
                    st.pos += 1;
                }
                drop(st);
                Ok(Some((k, v)))
            }
        }
    }
}

fn new_iter(d: &PyRef<PyDict>, kind: ViewKind, reverse: bool) -> Value {
    let (used, snapshot) = {
        let t = d.lock();
        let snap = if reverse {
            let mut s: Vec<(Value, Value)> = t.iter().map(|e| (e.key.clone(), e.value.clone())).collect();
            s.reverse();
            s
        } else {
            Vec::new()
        };
        (t.len(), snap)
    };
    let cell = match (kind, reverse) {
        (ViewKind::Keys, false) => &DICT_KEYITER_TYPE,
        (ViewKind::Values, false) => &DICT_VALUEITER_TYPE,
        (ViewKind::Items, false) => &DICT_ITEMITER_TYPE,
        (ViewKind::Keys, true) => &DICT_REVKEYITER_TYPE,
        (ViewKind::Values, true) => &DICT_REVVALUEITER_TYPE,
        (ViewKind::Items, true) => &DICT_REVITEMITER_TYPE,
    };
    let state = IterState { pos: 0, used: Some(used), remaining: used, snapshot };
    let it = PyDictIter { dict: d.clone(), kind, reverse, state: Locked::new(state) };
    PyRef::new_with_type(it, cell.get()).into_value()
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(it) = a[0].downcast_ref::<PyDictIter>() else {
        return Err(descr_error(vm, "dict_keyiterator", &a[0]));
    };
    match it.next(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__length_hint__")?;
    let Some(it) = s.downcast_ref::<PyDictIter>() else {
        return Err(descr_error(vm, "dict_keyiterator", s));
    };
    let st = it.state.lock();
    let n = match st.used {
        Some(u) if it.dict.len() == u => st.remaining,
        _ => 0,
    };
    Ok(int_from_i64(n as i64))
}

fn self_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

// ---- dict ------------------------------------------------------------------------

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyDict> {
    match v.downcast_ref::<PyDict>() {
        Some(d) => Ok(d),
        None => Err(descr_error(vm, "dict", v)),
    }
}

fn this_ref(vm: &mut Vm, v: &Value) -> PyResult<PyRef<PyDict>> {
    match v.downcast::<PyDict>() {
        Some(d) => Ok(d),
        None => Err(descr_error(vm, "dict", v)),
    }
}

/// `(hash, key, value)` of every entry, in order.
fn entries_of(d: &PyDict) -> Vec<(i64, Value, Value)> {
    d.lock().iter().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect()
}

/// Whether `v` is a dict whose iteration is the dict's own (so merging may
/// read its entries directly, as `PyDict_Merge` does).
fn plain_dict(v: &Value) -> Option<&PyDict> {
    let d = v.downcast_ref::<PyDict>()?;
    if v.class().is_heap_type() {
        let own = DICT_TYPE.get().lookup("__iter__");
        match (v.class().lookup("__iter__"), own) {
            (Some(a), Some(b)) if a.is(&b) => {}
            _ => return None,
        }
    }
    Some(d)
}

/// `PyDict_Merge(d, other)`: every `(k, other[k])` for `k in other.keys()`.
pub fn merge_mapping(vm: &mut Vm, d: &PyDict, other: &Value) -> PyResult<()> {
    if let Some(o) = plain_dict(other) {
        for (h, k, v) in entries_of(o) {
            d.set_item_hashed(vm, k, h, v)?;
        }
        return Ok(());
    }
    let keys = vm.call_method(other, "keys", &[])?;
    let it = vm.iter(&keys)?;
    while let Some(k) = vm.next(&it)? {
        let v = vm.get_item(other, &k)?;
        d.set_item(vm, k, v)?;
    }
    Ok(())
}

/// The interpreter's `DICT_UPDATE` (`{**m}`, `merge == false`) and
/// `DICT_MERGE` (`f(**m)`, `merge == true`; `callable` names `f` in
/// errors) into the dict `target`, with the messages `Vm::dict_merge` has
/// always given. With `merge`, keys must be strings and a key already
/// present is an error; each key is checked and inserted in one locked
/// step (no other thread can slip the same key in between).
pub fn dict_merge(vm: &mut Vm, target: &Value, mapping: &Value, merge: bool, callable: Option<Value>) -> PyResult<()> {
    let Some(d) = target.downcast_ref::<PyDict>() else { return Ok(()) };
    if plain_dict(mapping).is_none() && mapping.class().lookup("keys").is_none() {
        let t = mapping.class().name();
        if merge {
            let fname = callable.map(|c| crate::builtins::callable_name(vm, &c)).unwrap_or_default();
            return Err(vm.new_type_error(format!("{fname} argument after ** must be a mapping, not {t}")));
        }
        return Err(vm.new_type_error(format!("'{t}' object is not a mapping")));
    }
    if !merge {
        return merge_mapping(vm, d, mapping);
    }
    let items: Vec<(Value, Value)> = match plain_dict(mapping) {
        Some(m) => m.items(),
        None => {
            let keys = vm.call_method(mapping, "keys", &[])?;
            let mut out = Vec::new();
            for k in vm.collect(&keys)? {
                let v = vm.get_item(mapping, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in items {
        if k.downcast_ref::<crate::types::str::PyStr>().is_none() {
            return Err(vm.new_type_error("keywords must be strings"));
        }
        let h = vm.hash(&k)?;
        if !d.get_or_insert_hashed(vm, &k, h, v)?.1 {
            let fname = callable.as_ref().map(|c| crate::builtins::callable_name(vm, c)).unwrap_or_default();
            return Err(vm.new_type_error(format!(
                "{fname} got multiple values for keyword argument '{}'",
                k.as_str().unwrap_or("")
            )));
        }
    }
    Ok(())
}

/// `dict_update_arg`: a mapping (anything with `keys`) or an iterable of
/// pairs.
pub(crate) fn update_arg(vm: &mut Vm, d: &PyDict, arg: &Value) -> PyResult<()> {
    if plain_dict(arg).is_some() || vm.get_attr_opt(arg, "keys")?.is_some() {
        return merge_mapping(vm, d, arg);
    }
    let it = vm.iter(arg)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match pair_items(vm, &item) {
            Ok(p) => p,
            Err(e) if vm.err_matches(&e, &exc().type_error) => {
                return Err(
                    vm.new_type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
                )
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.new_value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            d.set_item(vm, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn pair_items(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = item.as_tuple() {
        return Ok(t.to_vec());
    }
    vm.collect(item)
}

/// Keyword arguments into `d`.
fn merge_kwargs(vm: &mut Vm, d: &PyDict, args: &Args<'_>) -> PyResult<()> {
    for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
        d.set_item(vm, k.clone(), v.clone())?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("dict.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(DICT_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "dict.__new__({}): {} is not a subtype of dict",
            cls.name(),
            cls.name()
        )));
    }
    if cls.is(DICT_TYPE.get()) {
        return Ok(PyDict::new_ref().into_value());
    }
    Ok(PyRef::new_with_type(PyDict::new(), &cls).into_value())
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' needs an argument"));
    };
    let d = this(vm, s)?;
    if args.pos.len() > 2 {
        return Err(vm.new_type_error(format!("dict expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    if let Some(a) = args.pos.get(1) {
        update_arg(vm, d, a)?;
    }
    merge_kwargs(vm, d, &args)?;
    Ok(none())
}

fn dict_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let d = this(vm, &a[0])?;
    if d.is_empty() {
        return Ok(new_str("{}"));
    }
    let Some(_guard) = repr_enter(&a[0]) else {
        return Ok(new_str("{...}"));
    };
    let mut s = String::from("{");
    let mut pos = 0;
    let mut first = true;
    loop {
        let next = d.lock().entry_from(pos).map(|(ix, e)| (ix, e.key.clone(), e.value.clone()));
        let Some((ix, k, v)) = next else { break };
        pos = ix + 1;
        if !first {
            s.push_str(", ");
        }
        first = false;
        s.push_str(&repr_nested(vm, &k)?);
        s.push_str(": ");
        s.push_str(&repr_nested(vm, &v)?);
    }
    s.push('}');
    Ok(new_str(s))
}

/// `a == b` for two dicts.
fn dict_equal(vm: &mut Vm, a: &PyDict, b: &PyDict) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut pos = 0;
    loop {
        let next = a.lock().entry_from(pos).map(|(ix, e)| (ix, e.hash, e.key.clone(), e.value.clone()));
        let Some((ix, h, k, av)) = next else {
            return Ok(true);
        };
        pos = ix + 1;
        let Some(bv) = b.get_item_hashed(vm, &k, h)? else {
            return Ok(false);
        };
        if !eq_nested(vm, &av, &bv)? {
            return Ok(false);
        }
    }
}

struct DictCmp;

impl RichCompare for DictCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let x = this(vm, a)?;
        let Some(y) = b.downcast_ref::<PyDict>() else {
            return Ok(not_implemented());
        };
        match op {
            CompareOp::Eq => Ok(bool_value(dict_equal(vm, x, y)?)),
            CompareOp::Ne => Ok(bool_value(!dict_equal(vm, x, y)?)),
            _ => Ok(not_implemented()),
        }
    }
}

fn dict_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(this(vm, &a[0])?.len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, key) = one_arg(vm, &args, "dict.__getitem__")?;
    let d = this(vm, s)?;
    if let Some(v) = d.get_item(vm, key)? {
        return Ok(v);
    }
    if !s.is_exact(DICT_TYPE.get()) {
        if let Some(m) = s.class().lookup("__missing__") {
            return vm.call_unbound(&m, s, &[s.clone(), key.clone()]);
        }
    }
    Err(vm.new_key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 2)?;
    this(vm, &a[0])?.set_item(vm, a[1].clone(), a[2].clone())?;
    Ok(none())
}

fn dict_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    match this(vm, &a[0])?.pop_item(vm, &a[1])? {
        Some(_) => Ok(none()),
        None => Err(vm.new_key_error(a[1].clone())),
    }
}

fn dict_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    Ok(bool_value(d.contains(vm, &a[1])?))
}

fn dict_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let d = this_ref(vm, &a[0])?;
    Ok(new_iter(&d, ViewKind::Keys, false))
}

fn dict_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.__reversed__")?;
    let d = this_ref(vm, s)?;
    Ok(new_iter(&d, ViewKind::Keys, true))
}

fn dict_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    if a[1].downcast_ref::<PyDict>().is_none() {
        return Ok(not_implemented());
    }
    let new = PyRef::new(d.copy());
    update_arg(vm, &new, &a[1])?;
    Ok(new.into_value())
}

fn dict_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    this(vm, &a[0])?;
    let Some(other) = a[1].downcast_ref::<PyDict>() else {
        return Ok(not_implemented());
    };
    let new = PyRef::new(other.copy());
    update_arg(vm, &new, &a[0])?;
    Ok(new.into_value())
}

fn dict_ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let d = this(vm, &a[0])?;
    update_arg(vm, d, &a[1])?;
    Ok(a[0].clone())
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "get", 1, 2)?;
    let d = this(vm, s)?;
    match d.get_item(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => Ok(rest.get(1).cloned().unwrap_or_else(none)),
    }
}

/// `dict.setdefault`: atomic -- one locked get-or-insert, so concurrent
/// callers agree on the value (CPython's free-threaded guarantee).
fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "setdefault", 1, 2)?;
    let d = this(vm, s)?;
    let hash = vm.hash(&rest[0])?;
    let default = rest.get(1).cloned().unwrap_or_else(none);
    Ok(d.get_or_insert_hashed(vm, &rest[0], hash, default)?.0)
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "pop", 1, 2)?;
    let d = this(vm, s)?;
    match d.pop_item(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(vm.new_key_error(rest[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.popitem")?;
    match this(vm, s)?.pop_last() {
        Some((k, v)) => Ok(new_tuple(vec![k, v])),
        None => Err(vm.new_key_error(new_str("popitem(): dictionary is empty"))),
    }
}

fn new_view(vm: &mut Vm, s: &Value, kind: ViewKind) -> PyResult<Value> {
    let d = this_ref(vm, s)?;
    let cell = match kind {
        ViewKind::Keys => &DICT_KEYS_TYPE,
        ViewKind::Values => &DICT_VALUES_TYPE,
        ViewKind::Items => &DICT_ITEMS_TYPE,
    };
    Ok(PyRef::new_with_type(PyDictView { dict: d, kind }, cell.get()).into_value())
}

fn dict_keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.keys")?;
    new_view(vm, s, ViewKind::Keys)
}

fn dict_values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.values")?;
    new_view(vm, s, ViewKind::Values)
}

fn dict_items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.items")?;
    new_view(vm, s, ViewKind::Items)
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'update' needs an argument"));
    };
    let d = this(vm, s)?;
    if args.pos.len() > 2 {
        return Err(vm.new_type_error(format!("update expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    if let Some(a) = args.pos.get(1) {
        update_arg(vm, d, a)?;
    }
    merge_kwargs(vm, d, &args)?;
    Ok(none())
}

fn dict_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.clear")?;
    this(vm, s)?.clear();
    Ok(none())
}

fn dict_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "dict.copy")?;
    Ok(PyRef::new(this(vm, s)?.copy()).into_value())
}

fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, rest) = pos_range(vm, &args, "fromkeys", 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or_else(none);
    let d = vm.call(cls, &[])?;
    let it = vm.iter(&rest[0])?;
    let exact = d.is_exact(DICT_TYPE.get());
    while let Some(k) = vm.next(&it)? {
        match d.downcast_ref::<PyDict>() {
            Some(dd) if exact => dd.set_item(vm, k, value.clone())?,
            _ => vm.set_item(&d, &k, value.clone())?,
        }
    }
    Ok(d)
}

// ---- views ----------------------------------------------------------------------

fn view_this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyDictView> {
    match v.downcast_ref::<PyDictView>() {
        Some(d) => Ok(d),
        None => Err(descr_error(vm, "dict_keys", v)),
    }
}

/// Whether `v` is a keys or items view (the set-like ones).
fn set_like_view(v: &Value) -> Option<&PyDictView> {
    v.downcast_ref::<PyDictView>().filter(|d| d.kind != ViewKind::Values)
}

fn view_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(int_from_i64(view_this(vm, &a[0])?.dict.len() as i64))
}

fn view_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let v = view_this(vm, &a[0])?;
    Ok(new_iter(&v.dict, v.kind, false))
}

fn view_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__reversed__")?;
    let v = view_this(vm, s)?;
    Ok(new_iter(&v.dict, v.kind, true))
}

/// `x in view`.
fn view_has(vm: &mut Vm, v: &PyDictView, x: &Value) -> PyResult<bool> {
    match v.kind {
        ViewKind::Keys => v.dict.contains(vm, x),
        ViewKind::Items => {
            let Some(t) = x.as_tuple() else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            match v.dict.get_item(vm, &t[0])? {
                Some(found) => eq_nested(vm, &found, &t[1]),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for val in v.dict.values() {
                if eq_nested(vm, &val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let v = view_this(vm, &a[0])?;
    Ok(bool_value(view_has(vm, v, &a[1])?))
}

fn view_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let v = view_this(vm, &a[0])?;
    let name = a[0].class().name();
    let Some(_guard) = repr_enter(&a[0]) else {
        return Ok(new_str("..."));
    };
    let items = vm.collect(&a[0])?;
    let _ = v;
    let list = repr_nested(vm, &new_list(items))?;
    Ok(new_str(format!("{name}({list})")))
}

/// `x in container` for any container (views use their own test).
fn contained(vm: &mut Vm, container: &Value, x: &Value) -> PyResult<bool> {
    if let Some(v) = container.downcast_ref::<PyDictView>() {
        return view_has(vm, v, x);
    }
    if let Some(s) = container.downcast_ref::<PySet>() {
        return crate::types::set_methods::set_has(vm, s, x);
    }
    vm.contains(container, x)
}

/// Every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !contained(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

struct ViewCmp;

impl RichCompare for ViewCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let v = view_this(vm, a)?;
        if set_like_view(b).is_none() && b.downcast_ref::<PySet>().is_none() {
            return Ok(not_implemented());
        }
        let len_a = v.dict.len();
        let len_b = vm.len(b)?;
        let ok = match op {
            CompareOp::Eq | CompareOp::Ne => {
                let eq = len_a == len_b && all_contained_in(vm, a, b)?;
                eq == (op == CompareOp::Eq)
            }
            CompareOp::Lt => len_a < len_b && all_contained_in(vm, a, b)?,
            CompareOp::Le => len_a <= len_b && all_contained_in(vm, a, b)?,
            CompareOp::Gt => len_a > len_b && all_contained_in(vm, b, a)?,
            CompareOp::Ge => len_a >= len_b && all_contained_in(vm, b, a)?,
        };
        Ok(bool_value(ok))
    }
}

/// `set(x)` as a new set object.
fn to_set(vm: &mut Vm, x: &Value) -> PyResult<PyRef<PySet>> {
    let s = PyRef::new(PySet::new());
    crate::types::set_methods::update_from(vm, &s, x)?;
    Ok(s)
}

/// The set operators of keys/items views; `reflected` when the view is
/// the right operand.
fn view_setop(vm: &mut Vm, args: &Args<'_>, op: &str, reflected: bool) -> PyResult<Value> {
    let a = slot_args(vm, args, 1)?;
    view_this(vm, &a[0])?;
    let (left, right) = if reflected { (&a[1], &a[0]) } else { (&a[0], &a[1]) };
    if op == "&" {
        return view_intersect(vm, &a[0], &a[1]);
    }
    let result = to_set(vm, left)?;
    let method = match op {
        "-" => "difference_update",
        "|" => "update",
        _ => "symmetric_difference_update",
    };
    crate::types::set_methods::call_in_place(vm, &result, method, right)?;
    Ok(result.into_value())
}

/// `_PyDictView_Intersect`: iterate the smaller side, keep what the other
/// contains.
fn view_intersect(vm: &mut Vm, view: &Value, other: &Value) -> PyResult<Value> {
    let len_view = vm.len(view)?;
    if let Some(s) = other.downcast_ref::<PySet>() {
        if other.is_exact(crate::types::small::SET_TYPE.get()) && len_view <= s.len() {
            return vm.call_method(other, "intersection", std::slice::from_ref(view));
        }
    }
    let (mut big, mut small) = (view.clone(), other.clone());
    if set_like_view(other).is_some() && vm.len(other)? > len_view {
        std::mem::swap(&mut big, &mut small);
    }
    let result = PyRef::new(PySet::new());
    let it = vm.iter(&small)?;
    while let Some(x) = vm.next(&it)? {
        if contained(vm, &big, &x)? {
            result.add(vm, x)?;
        }
    }
    Ok(result.into_value())
}

fn view_sub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "-", false)
}
fn view_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "-", true)
}
fn view_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "|", false)
}
fn view_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "|", true)
}
fn view_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "^", false)
}
fn view_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "^", true)
}
fn view_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_setop(vm, &args, "&", false)
}

fn view_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, other) = one_arg(vm, &args, "isdisjoint")?;
    view_this(vm, s)?;
    if s.is(other) {
        return Ok(bool_value(vm.len(s)? == 0));
    }
    let (mut big, mut small) = (s.clone(), other.clone());
    if (set_like_view(other).is_some() || other.downcast_ref::<PySet>().is_some()) && vm.len(other)? > vm.len(s)? {
        std::mem::swap(&mut big, &mut small);
    }
    let it = vm.iter(&small)?;
    while let Some(x) = vm.next(&it)? {
        if contained(vm, &big, &x)? {
            return Ok(bool_value(false));
        }
    }
    Ok(bool_value(true))
}

fn make_type<T: PyPayload>(cell: &'static TypeCell, name: &str, object: &PyRef<PyType>) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(object), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    cell.set(t);
    cell.get()
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.dict;
    add_method_kind(t, "__new__", dict_new, MethodKind::Static);
    add_method_kind(t, "fromkeys", dict_fromkeys, MethodKind::Class);
    add_methods(
        t,
        &[
            ("__init__", dict_init),
            ("__repr__", dict_repr),
            ("__len__", dict_len),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__iter__", dict_iter),
            ("__reversed__", dict_reversed),
            ("__or__", dict_or),
            ("__ror__", dict_ror),
            ("__ior__", dict_ior),
            ("get", dict_get),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("update", dict_update),
            ("clear", dict_clear),
            ("copy", dict_copy),
        ],
    );
    add_methods(t, &compare_methods::<DictCmp>());
    t.dict().set_str_key(crate::intern::intern("__hash__"), none());

    for (cell, name) in
        [(&DICT_KEYS_TYPE, "dict_keys"), (&DICT_VALUES_TYPE, "dict_values"), (&DICT_ITEMS_TYPE, "dict_items")]
    {
        let vt = make_type::<PyDictView>(cell, name, types.object);
        add_methods(
            vt,
            &[
                ("__len__", view_len),
                ("__iter__", view_iter),
                ("__reversed__", view_reversed),
                ("__contains__", view_contains),
                ("__repr__", view_repr),
            ],
        );
        if name != "dict_values" {
            add_methods(
                vt,
                &[
                    ("__sub__", view_sub),
                    ("__rsub__", view_rsub),
                    ("__or__", view_or),
                    ("__ror__", view_ror),
                    ("__xor__", view_xor),
                    ("__rxor__", view_rxor),
                    ("__and__", view_and),
                    ("__rand__", view_and),
                    ("isdisjoint", view_isdisjoint),
                ],
            );
            add_methods(vt, &compare_methods::<ViewCmp>());
            vt.dict().set_str_key(crate::intern::intern("__hash__"), none());
        }
    }
    for (cell, name) in [
        (&DICT_KEYITER_TYPE, "dict_keyiterator"),
        (&DICT_VALUEITER_TYPE, "dict_valueiterator"),
        (&DICT_ITEMITER_TYPE, "dict_itemiterator"),
        (&DICT_REVKEYITER_TYPE, "dict_reversekeyiterator"),
        (&DICT_REVVALUEITER_TYPE, "dict_reversevalueiterator"),
        (&DICT_REVITEMITER_TYPE, "dict_reverseitemiterator"),
    ] {
        let it = make_type::<PyDictIter>(cell, name, types.object);
        add_methods(it, &[("__iter__", self_iter), ("__next__", iter_next), ("__length_hint__", iter_length_hint)]);
    }
}
