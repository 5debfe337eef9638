//! The runtime side of `except*` (PEP 654): the `CHECK_EG_MATCH` opcode and
//! the `PREP_RERAISE_STAR` intrinsic, with CPython 3.11's semantics
//! (`exception_group_match` in ceval.c, `_PyExc_PrepReraiseStar` in
//! exceptions.c).
//!
//! A handler stack holds the original exception `orig`, a list collecting
//! what the handlers raised (and, last, the unhandled rest), and the rest
//! still to match. After the clauses, the list is combined with `orig`:
//! exceptions that are re-raised parts of `orig` (same traceback, cause and
//! context: they came from `split`, which copies those) are reassembled in
//! `orig`'s nesting; newly raised ones are put beside them in a new group.

use std::collections::HashSet;

use skein_compiler::bytecode::Intrinsic2;

use crate::types::exception_group::{
    create_exception_group, exceptions_of, given_exception_matches, is_group, split_recursive, Matcher,
};
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::list::PyList;
use crate::types::singletons::none;
use crate::types::tuple::{new_tuple, TUPLE_TYPE};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const CANNOT_CATCH: &str = "catching classes that do not inherit from BaseException is not allowed";

fn is_exception_class(v: &Value) -> bool {
    v.downcast_ref::<PyType>().is_some_and(|t| t.is_subtype(&exc().base_exception))
}

fn is_group_class(v: &Value) -> bool {
    v.downcast_ref::<PyType>().is_some_and(|t| t.is_subtype(&exc().base_exception_group))
}

/// `check_except_star_type_valid`: exception classes only, and no groups.
fn check_type_valid(vm: &mut Vm, ty: &Value) -> PyResult<()> {
    let items: Vec<Value> = match ty.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![ty.clone()],
    };
    if !items.iter().all(is_exception_class) {
        return Err(vm.new_type_error(CANNOT_CATCH));
    }
    if items.iter().any(is_group_class) {
        return Err(vm.new_type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: `(exc type -- rest match)`. Splits `exc` by `ty`;
/// `match` is None when nothing matched (then `rest` is `exc`). A matching
/// naked exception is wrapped in `BaseExceptionGroup("", (exc,))` (no
/// traceback, as 3.11). A match becomes the exception being handled, so
/// `sys.exc_info()` and implicit chaining inside the clause see it.
pub fn check_eg_match(vm: &mut Vm, e: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    check_type_valid(vm, ty)?;
    let (rest, matched) = exception_group_match(vm, e, ty)?;
    if !matched.is_none() {
        let old = vm.handled.replace(matched.clone());
        drop(old);
    }
    Ok((rest, matched))
}

/// `(rest, match)` of `exc` against `ty`.
fn exception_group_match(vm: &mut Vm, e: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    if e.is_none() {
        return Ok((none(), none()));
    }
    if given_exception_matches(e, ty) {
        let matched = if is_group(e) { e.clone() } else { create_exception_group(vm, "", new_tuple(vec![e.clone()]))? };
        return Ok((none(), matched));
    }
    if is_group(e) {
        let pair = vm.call_method(e, "split", std::slice::from_ref(ty))?;
        let tname = e.class().name();
        if !pair.is_exact(TUPLE_TYPE.get()) {
            let got = pair.class().name();
            return Err(vm.new_type_error(format!("{tname}.split must return a tuple, not {got}")));
        }
        let items = pair.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        if items.len() < 2 {
            return Err(
                vm.new_type_error(format!("{tname}.split must return a 2-tuple, got tuple of size {}", items.len()))
            );
        }
        return Ok((items[1].clone(), items[0].clone()));
    }
    Ok((e.clone(), none()))
}

/// `CALL_INTRINSIC_2`: `(a b -- f(a, b))`.
pub fn intrinsic2(vm: &mut Vm, arg: u32, a: Value, b: Value) -> PyResult<Value> {
    match Intrinsic2::from_arg(arg) {
        Some(Intrinsic2::PrepReraiseStar) => prep_reraise_star(vm, &a, &b),
        _ => Err(vm.new_exception_msg(&exc().system_error, format!("invalid intrinsic function {arg}"))),
    }
}

/// Adds the addresses of the leaves of `e` to `ids`.
fn collect_leaf_ids(vm: &mut Vm, e: &Value, ids: &mut HashSet<usize>, depth: usize) -> PyResult<()> {
    if e.is_none() {
        return Ok(());
    }
    if !is_group(e) {
        ids.insert(e.raw_word());
        return Ok(());
    }
    if depth > crate::interp::eval::recursion_limit() {
        return Err(vm.new_exception_msg(
            &exc().recursion_error,
            "maximum recursion depth exceeded in collect_exception_group_leaf_ids",
        ));
    }
    for sub in exceptions_of(e) {
        collect_leaf_ids(vm, &sub, ids, depth + 1)?;
    }
    Ok(())
}

/// Whether `a` and `b` carry the same traceback, cause and context (a part
/// of a group made by `split` carries its original's).
fn same_metadata(a: &PyBaseException, b: &PyBaseException) -> bool {
    let same = |x: Option<Value>, y: Option<Value>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    };
    same(a.traceback(), b.traceback()) && same(a.cause(), b.cause()) && same(a.context(), b.context())
}

/// The part of group `eg` made of the leaves of the groups in `keep`, in
/// `eg`'s nesting (None if empty).
fn projection(vm: &mut Vm, eg: &Value, keep: &[Value]) -> PyResult<Value> {
    let mut ids = HashSet::new();
    for e in keep {
        collect_leaf_ids(vm, e, &mut ids, 0)?;
    }
    let r = split_recursive(vm, eg, &Matcher::Ids(ids), false, 0)?;
    Ok(r.matched.unwrap_or_else(none))
}

/// `PREP_RERAISE_STAR`: what escapes a `try`/`except*` given the original
/// exception `orig` and the list `excs` of exceptions raised by the clauses
/// (None entries for clauses that raised nothing) and the unhandled rest.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let Some(list) = excs.downcast_ref::<PyList>() else {
        return Err(vm.new_exception_msg(&exc().system_error, "PREP_RERAISE_STAR expects a list"));
    };
    let excs = list.snapshot();
    if excs.is_empty() {
        return Ok(none());
    }
    if !is_group(orig) {
        // A naked exception was wrapped: only one clause can have run.
        return Ok(excs[0].clone());
    }
    let Some(orig_e) = orig.downcast_ref::<PyBaseException>() else {
        return Ok(none());
    };
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs.into_iter().filter(|e| !e.is_none()) {
        let is_reraise = e.downcast_ref::<PyBaseException>().is_some_and(|x| same_metadata(x, orig_e));
        if is_reraise {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let reraised_eg = projection(vm, orig, &reraised)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() == 1 {
        return Ok(raised.swap_remove(0));
    }
    create_exception_group(vm, "", crate::types::list::new_list(raised))
}
