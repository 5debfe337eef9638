//! The `zip`, `enumerate`, `reversed`, `map` and `filter` types.
//!
//! Each is a native iterator: the interpreter's `for` loop calls
//! `NativeIterator::next` directly (`types::iterators::as_native_iterator`), and the
//! types also expose `__iter__`/`__next__` for Python code. They are
//! classes, as in CPython (`isinstance(z, zip)`, subclassing), created by
//! their native `__new__`.
//!
//! Thread safety: `map`, `filter` and `zip` have no state of their own
//! beyond the underlying iterators, which lock themselves. `enumerate` and
//! `reversed` keep a counter/position behind `Locked`, taken and advanced
//! in one short critical section; no lock is held while Python code runs.

use num_bigint::BigInt;

use crate::builtins::take_kwargs;
use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::iterators::NativeIterator;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::tuple::new_tuple;
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static ZIP_TYPE: TypeCell = TypeCell::new();
pub static ENUMERATE_TYPE: TypeCell = TypeCell::new();
pub static REVERSED_TYPE: TypeCell = TypeCell::new();
pub static MAP_TYPE: TypeCell = TypeCell::new();
pub static FILTER_TYPE: TypeCell = TypeCell::new();

// ---- payloads --------------------------------------------------------------------

/// `zip(*iterables, strict=False)`.
pub struct PyZip {
    pub iters: Box<[Value]>,
    pub strict: bool,
}

impl PyPayload for PyZip {
    fn class() -> &'static PyRef<PyType> {
        ZIP_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.iters.iter().for_each(visit);
    }
}

impl NativeIterator for PyZip {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.iters.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(self.iters.len());
        for (i, it) in self.iters.iter().enumerate() {
            match next_item(vm, it)? {
                Some(v) => items.push(v),
                None => {
                    if self.strict {
                        self.check_strict(vm, i)?;
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(new_tuple(items)))
    }
}

/// `vm.next(it)`, with list, tuple and range iterators stepped in place.
#[inline]
fn next_item(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match crate::interp::iter_ops::step_builtin(it) {
        Some(step) => Ok(step),
        None => vm.next(it),
    }
}

impl PyZip {
    /// `for a, b in zip(x, y)`: the two items without the tuple; `None`
    /// unless there are exactly two iterables.
    pub fn next_pair(&self, vm: &mut Vm) -> Option<PyResult<Option<(Value, Value)>>> {
        let [x, y] = &self.iters[..] else { return None };
        Some((|| {
            let Some(a) = next_item(vm, x)? else {
                if self.strict {
                    self.check_strict(vm, 0)?;
                }
                return Ok(None);
            };
            let Some(b) = next_item(vm, y)? else {
                if self.strict {
                    self.check_strict(vm, 1)?;
                }
                return Ok(None);
            };
            Ok(Some((a, b)))
        })())
    }

    /// Iterator `i` ended: with `strict`, every other one must end too.
    fn check_strict(&self, vm: &mut Vm, i: usize) -> PyResult<()> {
        let plural = |n: usize| {
            if n == 1 {
                " 1".to_string()
            } else {
                format!("s 1-{n}")
            }
        };
        if i > 0 {
            return Err(vm.new_value_error(format!("zip() argument {} is shorter than argument{}", i + 1, plural(i))));
        }
        for (j, it) in self.iters.iter().enumerate().skip(1) {
            if vm.next(it)?.is_some() {
                return Err(vm.new_value_error(format!(
                    "zip() argument {} is longer than argument{}",
                    j + 1,
                    plural(j)
                )));
            }
        }
        Ok(())
    }
}

/// The counter of `enumerate`: a machine int until it overflows.
enum Count {
    Small(i64),
    Big(BigInt),
}

/// `enumerate(iterable, start=0)`.
pub struct PyEnumerate {
    pub iter: Value,
    count: Locked<Count>,
}

impl PyPayload for PyEnumerate {
    fn class() -> &'static PyRef<PyType> {
        ENUMERATE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.iter);
    }
}

impl NativeIterator for PyEnumerate {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_pair(vm)?.map(|(i, v)| new_tuple(vec![i, v])))
    }
}

impl PyEnumerate {
    /// The next index and item (`for i, x in enumerate(xs)` takes them
    /// without the tuple).
    pub fn next_pair(&self, vm: &mut Vm) -> PyResult<Option<(Value, Value)>> {
        let Some(item) = next_item(vm, &self.iter)? else {
            return Ok(None);
        };
        let index = {
            let mut c = self.count.lock();
            match &mut *c {
                Count::Small(i) => {
                    let v = *i;
                    match i.checked_add(1) {
                        Some(n) => *i = n,
                        None => *c = Count::Big(BigInt::from(v) + 1),
                    }
                    Ok(v)
                }
                Count::Big(b) => {
                    let v = b.clone();
                    *b += 1;
                    Err(v)
                }
            }
        };
        let index = match index {
            Ok(i) => int_from_i64(i),
            Err(b) => int_from_bigint(b),
        };
        Ok(Some((index, item)))
    }
}

/// `reversed(sequence)` for sequences without `__reversed__`: indexes
/// from `len - 1` down to 0.
pub struct PyReversed {
    /// The sequence and the next index; the sequence is dropped when done.
    state: Locked<(Option<Value>, i64)>,
}

impl PyPayload for PyReversed {
    fn class() -> &'static PyRef<PyType> {
        REVERSED_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = self.state.lock().0.as_ref() {
            visit(s);
        }
    }
}

impl PyReversed {
    fn finish(&self) {
        let old = self.state.lock().0.take();
        drop(old);
    }
}

impl NativeIterator for PyReversed {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let (seq, index) = {
            let mut st = self.state.lock();
            let Some(seq) = st.0.clone() else {
                return Ok(None);
            };
            let index = st.1;
            st.1 -= 1;
            (seq, index)
        };
        if index < 0 {
            self.finish();
            return Ok(None);
        }
        // An exact list or tuple is read in place (an index past a list
        // that shrank meanwhile takes the general path, which ends).
        if let Some(v) = crate::interp::iter_ops::item_fast(&seq, index) {
            return Ok(Some(v));
        }
        match vm.get_item(&seq, &int_from_i64(index)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.err_matches(&e, &exc().index_error) || vm.err_matches(&e, &exc().stop_iteration) => {
                self.finish();
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

/// `map(function, *iterables)`.
pub struct PyMap {
    pub func: Value,
    pub iters: Box<[Value]>,
}

impl PyPayload for PyMap {
    fn class() -> &'static PyRef<PyType> {
        MAP_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        self.iters.iter().for_each(visit);
    }
}

impl NativeIterator for PyMap {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut items = Vec::with_capacity(self.iters.len());
        for it in self.iters.iter() {
            match vm.next(it)? {
                Some(v) => items.push(v),
                None => return Ok(None),
            }
        }
        vm.call(&self.func, &items).map(Some)
    }
}

/// `filter(function or None, iterable)`.
pub struct PyFilter {
    /// `None` keeps the truthy items.
    pub func: Option<Value>,
    pub iter: Value,
}

impl PyPayload for PyFilter {
    fn class() -> &'static PyRef<PyType> {
        FILTER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.iter);
    }
}

impl NativeIterator for PyFilter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(item) = vm.next(&self.iter)? else {
                return Ok(None);
            };
            let keep = match &self.func {
                None => vm.truthy(&item)?,
                Some(f) => {
                    let r = vm.call(f, std::slice::from_ref(&item))?;
                    vm.truthy(&r)?
                }
            };
            if keep {
                return Ok(Some(item));
            }
        }
    }
}

// ---- constructors (`__new__`) ------------------------------------------------------

/// The class passed to a native `__new__` (its first argument).
fn new_cls(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<PyRef<PyType>> {
    match args.pos.first().and_then(|c| c.downcast::<PyType>()) {
        Some(t) => Ok(t),
        None => Err(vm.new_type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "zip")?;
    let [strict] = take_kwargs(vm, &args, "zip", ["strict"])?;
    let strict = match strict {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.pos.len() - 1);
    for v in &args.pos[1..] {
        iters.push(vm.iter(v)?);
    }
    let z = PyZip { iters: iters.into_boxed_slice(), strict };
    Ok(PyRef::new_with_type(z, &cls).into_value())
}

fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "enumerate")?;
    let s = args.skip_self().bind(vm, "enumerate", &["iterable", "start"], 0)?;
    let mut s = s.into_iter();
    let Some(iterable) = s.next().flatten() else {
        return Err(vm.new_type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match s.next().flatten() {
        None => Count::Small(0),
        Some(start) => {
            let i = vm.index(&start)?;
            match i.as_int() {
                Some(i) => match i.to_i64() {
                    Some(x) => Count::Small(x),
                    None => Count::Big(i.to_bigint()),
                },
                None => Count::Small(0),
            }
        }
    };
    let iter = vm.iter(&iterable)?;
    let e = PyEnumerate { iter, count: Locked::new(count) };
    Ok(PyRef::new_with_type(e, &cls).into_value())
}

static REVERSED: crate::intern::StaticName = crate::intern::StaticName::new("__reversed__");

fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "reversed")?;
    args.no_kwargs(vm, "reversed")?;
    if args.pos.len() != 2 {
        let n = args.pos.len() - 1;
        return Err(vm.new_type_error(format!("reversed expected 1 argument, got {n}")));
    }
    let seq = args.pos[1].clone();
    let not_reversible = |vm: &mut Vm, seq: &Value| {
        let t = seq.class().name();
        vm.new_type_error(format!("'{t}' object is not reversible"))
    };
    if let Some(f) = seq.class().lookup_value(REVERSED.get()) {
        if f.is_none() {
            return Err(not_reversible(vm, &seq));
        }
        return vm.call_unbound(&f, &seq, std::slice::from_ref(&seq));
    }
    if let Some(d) = seq.downcast_ref::<PyDict>() {
        // dicts are reversible (3.8+): iterate a reversed snapshot of keys.
        let mut keys = d.keys();
        keys.reverse();
        let l = new_list(keys);
        return vm.iter(&l);
    }
    if seq.class().lookup_value(crate::intern::names::GETITEM.get()).is_none() {
        return Err(not_reversible(vm, &seq));
    }
    let n = vm.len(&seq)?;
    let r = PyReversed { state: Locked::new((Some(seq), n as i64 - 1)) };
    Ok(PyRef::new_with_type(r, &cls).into_value())
}

fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "map")?;
    if cls.is(MAP_TYPE.get()) {
        args.no_kwargs(vm, "map")?;
    }
    if args.pos.len() < 3 {
        return Err(vm.new_type_error("map() must have at least two arguments."));
    }
    let func = args.pos[1].clone();
    let mut iters = Vec::with_capacity(args.pos.len() - 2);
    for v in &args.pos[2..] {
        iters.push(vm.iter(v)?);
    }
    let m = PyMap { func, iters: iters.into_boxed_slice() };
    Ok(PyRef::new_with_type(m, &cls).into_value())
}

fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "filter")?;
    if cls.is(FILTER_TYPE.get()) {
        args.no_kwargs(vm, "filter")?;
    }
    if args.pos.len() != 3 {
        let n = args.pos.len() - 1;
        return Err(vm.new_type_error(format!("filter expected 2 arguments, got {n}")));
    }
    let f = &args.pos[1];
    // `filter(None, it)` and `filter(bool, it)` both test truthiness.
    let func =
        if f.is_none() || f.is(&crate::types::singletons::BOOL_TYPE.get().to_value()) { None } else { Some(f.clone()) };
    let iter = vm.iter(&args.pos[2])?;
    let p = PyFilter { func, iter };
    Ok(PyRef::new_with_type(p, &cls).into_value())
}

// ---- methods ---------------------------------------------------------------------

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__iter__", 1)?;
    Ok(a[0].clone())
}

/// `__next__` of a native iterator type: `StopIteration` when exhausted.
fn native_next<T: PyPayload + NativeIterator>(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__next__", 1)?;
    let Some(it) = a[0].downcast_ref::<T>() else {
        return Err(vm.new_type_error("__next__ called on the wrong type"));
    };
    match it.next(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

/// `reversed.__length_hint__`.
fn reversed_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__length_hint__", 1)?;
    let n = match a[0].downcast_ref::<PyReversed>() {
        Some(r) => {
            let st = r.state.lock();
            if st.0.is_some() {
                st.1 + 1
            } else {
                0
            }
        }
        None => 0,
    };
    Ok(int_from_i64(n.max(0)))
}

fn make_type<T: PyPayload + NativeIterator>(
    cell: &'static TypeCell,
    name: &str,
    new: NativeFn,
    extra: &[(&'static str, NativeFn)],
) {
    if cell.is_set() {
        return;
    }
    let object = crate::types::builtin_types().object;
    let t = PyType::new_builtin::<T>(name, Some(object), flags::BASETYPE, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    // No `__init__`: `object.__init__` accepts the constructor's arguments
    // of a class with its own `__new__` (as in CPython), and calls then
    // run the native `__new__` alone (`type_call::builtin_ctor`).
    add_methods(&t, &[("__iter__", iter_self), ("__next__", native_next::<T>)]);
    add_methods(&t, extra);
    add_method_kind(&t, "__new__", new, MethodKind::Static);
    cell.set(t);
}

/// Creates the five iterator types (idempotent).
pub fn init_builtin_iterator_types() {
    make_type::<PyZip>(&ZIP_TYPE, "zip", zip_new, &[]);
    make_type::<PyEnumerate>(&ENUMERATE_TYPE, "enumerate", enumerate_new, &[]);
    make_type::<PyReversed>(&REVERSED_TYPE, "reversed", reversed_new, &[("__length_hint__", reversed_length_hint)]);
    make_type::<PyMap>(&MAP_TYPE, "map", map_new, &[]);
    make_type::<PyFilter>(&FILTER_TYPE, "filter", filter_new, &[]);
}

/// Puts the iterator types into `builtins`.
pub(crate) fn add_iterator_types(m: &PyModule) {
    m.set_attr("zip", ZIP_TYPE.get().to_value());
    m.set_attr("enumerate", ENUMERATE_TYPE.get().to_value());
    m.set_attr("reversed", REVERSED_TYPE.get().to_value());
    m.set_attr("map", MAP_TYPE.get().to_value());
    m.set_attr("filter", FILTER_TYPE.get().to_value());
}
