//! Argument checks shared by the `int`, `bool`, `float` and `complex`
//! method suites, with CPython's messages: slot wrappers such as
//! `__add__` say "expected 1 argument, got 0", named methods without
//! parameters say "int.bit_length() takes no arguments (1 given)".

use crate::function::args::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A slot wrapper taking `n` arguments besides `self`; returns all
/// positional values, `self` first.
pub fn wrapper_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.pos.len().saturating_sub(1);
    if args.pos.is_empty() || given != n {
        return Err(vm.new_type_error(format!("expected {n} argument{}, got {given}", plural(n))));
    }
    Ok(args.pos)
}

/// `self` of a unary slot wrapper (`__neg__`, `__hash__`, ...).
pub fn unary_self<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    Ok(&wrapper_args(vm, args, name, 0)?[0])
}

/// `(self, other)` of a binary slot wrapper.
pub fn binary_pair<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let a = wrapper_args(vm, args, name, 1)?;
    Ok((&a[0], &a[1]))
}

/// `(self, other, modulo)` of `__pow__`/`__rpow__`: the modulo defaults
/// to `None`.
pub fn ternary_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a Value, Option<&'a Value>)> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = args.pos.len().saturating_sub(1);
    if args.pos.is_empty() || !(1..=2).contains(&given) {
        let msg = if given < 1 {
            // CPython unpacks these with an empty function name, hence the
            // leading space.
            format!(" expected at least 1 argument, got {given}")
        } else {
            format!(" expected at most 2 arguments, got {given}")
        };
        return Err(vm.new_type_error(msg));
    }
    let m = args.pos.get(2).filter(|m| !m.is_none());
    Ok((&args.pos[0], &args.pos[1], m))
}

/// `self` of a named method without parameters (`int.bit_length`).
pub fn noargs_self<'a>(vm: &mut Vm, args: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        let given = args.pos.len().saturating_sub(1);
        return Err(vm.new_type_error(format!("{qualname}() takes no arguments ({given} given)")));
    }
    Ok(&args.pos[0])
}

/// `self` and one optional argument (`__round__(self, ndigits=None)`),
/// the argument `None` when absent or `None`.
pub fn self_and_optional<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, Option<&'a Value>)> {
    args.no_kwargs(vm, name)?;
    let given = args.pos.len().saturating_sub(1);
    if args.pos.is_empty() || given > 1 {
        return Err(vm.new_type_error(format!("{name} expected at most 1 argument, got {given}")));
    }
    Ok((&args.pos[0], args.pos.get(1).filter(|v| !v.is_none())))
}
