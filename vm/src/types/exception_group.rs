//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), as CPython 3.11.
//!
//! A group is an ordinary `PyBaseException` whose `group` slot holds the
//! 2-tuple `(message, exceptions)` set once by `__new__`; `message` is a
//! `str` and `exceptions` a non-empty tuple of exception instances. `args`
//! stays what the caller passed, so `repr` shows the original sequence.
//!
//! `split`/`subgroup` (and the interpreter's `except*`, see
//! `interp::except_star`) walk the nesting recursively. A partially matching
//! group is rebuilt with `derive()`, then given the original's
//! `__traceback__`, `__context__`, `__cause__` (which, as in CPython, sets
//! `__suppress_context__`) and a copy of its `__notes__`.

use std::collections::HashSet;

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::function::PyFunction;
use crate::intern::intern;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::list::new_list;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, PyTuple, TUPLE_TYPE};
use crate::types::type_::{flags, PyType, TypeSpec, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `ExceptionGroup`, whose bases are `(BaseExceptionGroup, Exception)`.
/// Built as a heap type (the only constructor taking several bases), then
/// marked builtin again.
pub fn new_exception_group_type(base_group: &PyRef<PyType>, exception: &PyRef<PyType>) -> PyRef<PyType> {
    let spec = TypeSpec {
        name: "ExceptionGroup".to_string(),
        qualname: "ExceptionGroup".to_string(),
        flags: flags::BASETYPE | flags::EXCEPTION | flags::HAS_DICT,
        base: Some(base_group.clone()),
        bases: vec![base_group.clone(), exception.clone()],
        slot_names: Vec::new(),
    };
    // C3 of (BaseExceptionGroup, Exception): both end in BaseException.
    let mut mro = vec![base_group.clone(), exception.clone()];
    mro.extend(exception.mro_without_self().iter().cloned());
    let t = PyType::new_heap(TYPE_TYPE.get(), spec, base_group, mro, PyDict::new_ref());
    t.set_flag(flags::HEAPTYPE, false);
    t.as_obj_ref().make_immortal();
    t
}

// ---- the payload ---------------------------------------------------------------

/// Whether `v` is an instance of `BaseExceptionGroup`.
pub fn is_group(v: &Value) -> bool {
    v.class().is_subtype(&exc().base_exception_group)
}

/// `(message, exceptions)` of a group made by `__new__`.
pub fn group_parts(e: &PyBaseException) -> Option<(Value, PyRef<PyTuple>)> {
    let g = e.group.lock().clone()?;
    let items = g.as_tuple()?;
    let excs = items.get(1)?.downcast::<PyTuple>()?;
    Some((items.first()?.clone(), excs))
}

/// The nested exceptions of a group value (empty for anything else).
pub fn exceptions_of(v: &Value) -> Vec<Value> {
    if !is_group(v) {
        return Vec::new();
    }
    v.downcast_ref::<PyBaseException>().and_then(group_parts).map(|(_, t)| t.items().to_vec()).unwrap_or_default()
}

fn set_group_parts(e: &PyBaseException, message: Value, excs: Value) {
    let old = e.group.lock().replace(new_tuple(vec![message, excs]));
    drop(old);
}

fn group_of<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a PyBaseException> {
    match v.downcast_ref::<PyBaseException>() {
        Some(e) if is_group(v) => Ok(e),
        _ => {
            let t = v.class().name();
            Err(vm.new_type_error(format!(
                "descriptor '{what}' for 'BaseExceptionGroup' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// `BaseExceptionGroup(msg, excs)`: the class that wraps exceptions raised
/// by the interpreter (an `ExceptionGroup` when they are all `Exception`s).
pub fn create_exception_group(vm: &mut Vm, msg: &str, excs: Value) -> PyResult<Value> {
    let cls = exc().base_exception_group.to_value();
    vm.call(&cls, &[new_str(msg), excs])
}

// ---- __new__, __init__, __str__, members ------------------------------------------

/// `PySequence_Check`: has `__getitem__` and is not a dict.
pub fn is_sequence(v: &Value) -> bool {
    let t = v.class();
    !t.is_subtype(crate::types::dict::DICT_TYPE.get()) && t.lookup("__getitem__").is_some()
}

fn eg_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        let t = args.pos.first().map(|v| v.class().name()).unwrap_or_else(|| "NoneType".into());
        return Err(vm.new_type_error(format!("BaseExceptionGroup.__new__(X): X is not a type object ({t})")));
    };
    let beg = &exc().base_exception_group;
    if !cls.is_subtype(beg) {
        let n = cls.name();
        return Err(
            vm.new_type_error(format!("BaseExceptionGroup.__new__({n}): {n} is not a subtype of BaseExceptionGroup"))
        );
    }
    let rest = &args.pos[1..];
    if rest.len() != 2 {
        return Err(
            vm.new_type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", rest.len()))
        );
    }
    let (message, given) = (&rest[0], &rest[1]);
    if message.as_str().is_none() {
        let t = message.class().name();
        return Err(vm.new_type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {t}")));
    }
    if !is_sequence(given) {
        return Err(vm.new_type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(given)?;
    if excs.is_empty() {
        return Err(vm.new_value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in excs.iter().enumerate() {
        if e.downcast_ref::<PyBaseException>().is_none() {
            return Err(vm.new_value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !e.class().is_subtype(&exc().exception) {
            nested_base = true;
        }
    }
    let eg = &exc().exception_group;
    let mut cls = cls;
    if cls.is(eg) {
        if nested_base {
            return Err(vm.new_type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if cls.is(beg) {
        if !nested_base {
            cls = eg.clone();
        }
    } else if nested_base && cls.is_subtype(&exc().exception) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("Cannot nest BaseExceptions in '{n}'")));
    }
    let e = PyBaseException::new(PyRef::new(PyTuple::new(rest.to_vec())));
    set_group_parts(&e, message.clone(), new_tuple(excs));
    Ok(PyRef::new_with_type(e, &cls).into_value())
}

fn eg_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = &args.pos[0];
    let e = group_of(vm, this, "__init__")?;
    if args.has_kwargs() {
        let n = this.class().name();
        return Err(vm.new_type_error(format!("{n}() takes no keyword arguments")));
    }
    e.set_args(PyRef::new(PyTuple::new(args.pos[1..].to_vec())));
    Ok(none())
}

fn eg_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__str__", 1)?;
    let e = group_of(vm, &a[0], "__str__")?;
    let (message, excs) = match group_parts(e) {
        Some((m, t)) => (m.as_str().unwrap_or("").to_string(), t.len()),
        None => (String::new(), 0),
    };
    let s = if excs > 1 { "s" } else { "" };
    Ok(new_str(format!("{message} ({excs} sub-exception{s})")))
}

fn eg_message(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = group_of(vm, v, "message")?;
    Ok(group_parts(e).map(|(m, _)| m).unwrap_or_else(none))
}

fn eg_exceptions(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = group_of(vm, v, "exceptions")?;
    Ok(group_parts(e).map(|(_, t)| t.into_value()).unwrap_or_else(none))
}

fn readonly(vm: &mut Vm, _v: &Value, _n: Option<Value>) -> PyResult<()> {
    Err(vm.new_attribute_error("readonly attribute"))
}

fn eg_class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or_else(none);
    let item = args.pos.get(1).cloned().unwrap_or_else(none);
    Ok(crate::types::list_methods::generic_alias::generic_alias_new(cls, item))
}

// ---- derive, split, subgroup -----------------------------------------------------

/// `derive(excs)`: `BaseExceptionGroup(self.message, excs)`.
fn eg_derive(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "derive")?;
    let this = &args.pos[0];
    let e = group_of(vm, this, "derive")?;
    if args.pos.len() != 2 {
        let n = args.pos.len() - 1;
        return Err(vm.new_type_error(format!("function takes exactly 1 argument ({n} given)")));
    }
    let message = group_parts(e).map(|(m, _)| m).unwrap_or_else(|| new_str(""));
    let cls = exc().base_exception_group.to_value();
    vm.call(&cls, &[message, args.pos[1].clone()])
}

/// What `split` compares leaves against.
pub enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A Python function called with each exception.
    Predicate(Value),
    /// Addresses of the leaf exceptions to keep (used by `except*`).
    Ids(HashSet<usize>),
}

fn is_exception_class(v: &Value) -> bool {
    v.downcast_ref::<PyType>().is_some_and(|t| t.is_subtype(&exc().base_exception))
}

impl Matcher {
    /// CPython's `get_matcher_type`: only real functions are predicates.
    fn from_value(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
        if v.downcast_ref::<PyFunction>().is_some() {
            return Ok(Matcher::Predicate(v.clone()));
        }
        if is_exception_class(v) {
            return Ok(Matcher::Type(v.clone()));
        }
        if v.is_exact(TUPLE_TYPE.get()) && v.as_tuple().is_some_and(|t| t.iter().all(is_exception_class)) {
            return Ok(Matcher::Type(v.clone()));
        }
        Err(vm.new_type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches(&self, vm: &mut Vm, e: &Value) -> PyResult<bool> {
        match self {
            Matcher::Type(t) => Ok(given_exception_matches(e, t)),
            Matcher::Predicate(f) => {
                let r = vm.call(f, std::slice::from_ref(e))?;
                vm.truthy(&r)
            }
            Matcher::Ids(ids) => Ok(ids.contains(&e.raw_word())),
        }
    }
}

/// `PyErr_GivenExceptionMatches` for an exception instance: `ty` is a
/// class or a (possibly nested) tuple of classes; anything else only
/// matches itself.
pub fn given_exception_matches(e: &Value, ty: &Value) -> bool {
    if let Some(items) = ty.as_tuple() {
        return items.iter().any(|t| given_exception_matches(e, t));
    }
    match ty.downcast_ref::<PyType>() {
        Some(t) if t.is_subtype(&exc().base_exception) => e.class().is_subtype(t),
        _ => e.is(ty),
    }
}

/// The matching and (when asked) non-matching parts of a split.
pub struct SplitResult {
    pub matched: Option<Value>,
    pub rest: Option<Value>,
}

/// `exceptiongroup_split_recursive`: a full match is returned as is, a leaf
/// either matches or not, and a group is rebuilt from its parts.
pub fn split_recursive(
    vm: &mut Vm,
    e: &Value,
    matcher: &Matcher,
    construct_rest: bool,
    depth: usize,
) -> PyResult<SplitResult> {
    if matcher.matches(vm, e)? {
        return Ok(SplitResult { matched: Some(e.clone()), rest: None });
    }
    if !is_group(e) {
        return Ok(SplitResult { matched: None, rest: construct_rest.then(|| e.clone()) });
    }
    if depth > crate::interp::eval::recursion_limit() {
        return Err(vm.new_exception_msg(
            &exc().recursion_error,
            "maximum recursion depth exceeded in exceptiongroup_split_recursive",
        ));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for sub in exceptions_of(e) {
        let r = split_recursive(vm, &sub, matcher, construct_rest, depth + 1)?;
        matched.extend(r.matched);
        rest.extend(r.rest);
    }
    let matched = subset(vm, e, matched)?;
    let rest = if construct_rest { subset(vm, e, rest)? } else { None };
    Ok(SplitResult { matched, rest })
}

/// `exceptiongroup_subset`: `orig.derive(excs)` carrying `orig`'s
/// traceback, chain and notes; None for no exceptions.
fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let eg = vm.call_method(orig, "derive", &[new_list(excs)])?;
    let (Some(new), Some(old)) = (eg.downcast_ref::<PyBaseException>(), orig.downcast_ref::<PyBaseException>()) else {
        return Err(vm.new_type_error("derive must return an instance of BaseExceptionGroup"));
    };
    if !is_group(&eg) {
        return Err(vm.new_type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let Some(tb) = old.traceback() {
        new.set_traceback(Some(tb));
    }
    new.set_context(old.context());
    // PyException_SetCause always sets __suppress_context__.
    new.set_cause(old.cause());
    new.set_suppress_context(true);
    if let Some(notes) = vm.get_attr_opt(orig, "__notes__")? {
        if is_sequence(&notes) {
            let copy = new_list(vm.collect(&notes)?);
            vm.set_attr_str(&eg, "__notes__", copy)?;
        }
    }
    Ok(Some(eg))
}

fn eg_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos[0].clone();
    group_of(vm, &this, "split")?;
    let a = args.skip_self().range(vm, "split", 1, 1)?;
    let matcher = Matcher::from_value(vm, &a[0])?;
    let r = split_recursive(vm, &this, &matcher, true, 0)?;
    Ok(new_tuple(vec![r.matched.unwrap_or_else(none), r.rest.unwrap_or_else(none)]))
}

fn eg_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos[0].clone();
    group_of(vm, &this, "subgroup")?;
    let a = args.skip_self().range(vm, "subgroup", 1, 1)?;
    let matcher = Matcher::from_value(vm, &a[0])?;
    let r = split_recursive(vm, &this, &matcher, false, 0)?;
    Ok(r.matched.unwrap_or_else(none))
}

/// Adds the methods and members to `BaseExceptionGroup` (after
/// `misc_methods::install`, which gives every exception class its
/// `__module__`).
pub fn install() {
    let t = &exc().base_exception_group;
    add_method_kind(t, "__new__", eg_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__init__", eg_init),
            ("__str__", eg_str),
            ("derive", eg_derive),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
        ],
    );
    add_method_kind(t, "__class_getitem__", eg_class_getitem, MethodKind::Class);
    add_getset(t, "message", eg_message, Some(readonly));
    add_getset(t, "exceptions", eg_exceptions, Some(readonly));
    t.dict().set_str_key(intern("__doc__"), new_str("A combination of multiple unrelated exceptions."));
    exc().exception_group.dict().set_str_key(intern("__doc__"), none());
}
