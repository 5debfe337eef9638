//! `types.FunctionType(code, globals, name=None, argdefs=None,
//! closure=None)`: CPython 3.11's `func_new_impl`, its checks and
//! messages. The closure must give one cell per free variable of the
//! code, since `COPY_FREE_VARS` copies them into the frame's free slots.

use crate::function::args::Args;
use crate::function::{PyCell, PyCode, PyFunction};
use crate::object::{Locked, PyRef};
use crate::types::dict::PyDict;
use crate::types::singletons::none;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn type_name(v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        v.class().name().to_string()
    }
}

/// `function.__new__(cls, code, globals, name=None, argdefs=None, closure=None)`.
pub fn function_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = a.skip_self();
    const NAMES: [&str; 5] = ["code", "globals", "name", "argdefs", "closure"];
    let bound = args.bind(vm, "function", &NAMES, 0)?;
    let mut it = bound.into_iter();
    let (Some(code_v), Some(globals_v)) = (it.next().flatten(), it.next().flatten()) else {
        let missing = if args.pos.is_empty() && !args.kwnames.iter().any(|k| k.as_str() == Some("code")) {
            "'code' (pos 1)"
        } else {
            "'globals' (pos 2)"
        };
        return Err(vm.new_type_error(format!("function() missing required argument {missing}")));
    };
    let [name, defaults, closure] = [it.next().flatten(), it.next().flatten(), it.next().flatten()];
    let Some(code) = code_v.downcast::<PyCode>() else {
        return Err(vm.new_type_error(format!("function() argument 'code' must be code, not {}", type_name(&code_v))));
    };
    let Some(globals) = globals_v.downcast::<PyDict>() else {
        return Err(
            vm.new_type_error(format!("function() argument 'globals' must be dict, not {}", type_name(&globals_v)))
        );
    };
    let name = name.filter(|n| !n.is_none());
    if name.as_ref().is_some_and(|n| n.as_str().is_none()) {
        return Err(vm.new_type_error("arg 3 (name) must be None or string"));
    }
    let defaults = match defaults.filter(|d| !d.is_none()) {
        None => None,
        Some(d) => match d.downcast::<PyTuple>() {
            Some(t) => Some(t),
            None => return Err(vm.new_type_error("arg 4 (defaults) must be None or tuple")),
        },
    };
    let nfree = code.co.freevars.len();
    let closure = match closure.filter(|c| !c.is_none()) {
        None if nfree > 0 => return Err(vm.new_type_error("arg 5 (closure) must be tuple")),
        None => None,
        Some(c) => match c.downcast::<PyTuple>() {
            Some(t) => Some(t),
            None => return Err(vm.new_type_error("arg 5 (closure) must be None or tuple")),
        },
    };
    let given = closure.as_ref().map_or(0, |c| c.items().len());
    if given != nfree {
        return Err(vm.new_value_error(format!("{} requires closure of length {nfree}, not {given}", code.co.name)));
    }
    if let Some(c) = &closure {
        if let Some(bad) = c.items().iter().find(|o| o.downcast_ref::<PyCell>().is_none()) {
            return Err(vm.new_type_error(format!("arg 5 (closure) expected cell, found {}", bad.class().name())));
        }
    }
    let doc = match code.co.docstring {
        Some(i) => code.consts.get(i as usize).cloned().unwrap_or_else(none),
        None => none(),
    };
    let module = globals.get_str("__name__").unwrap_or_else(none);
    let builtins = crate::interp::eval::builtins_of(&globals);
    let f = PyFunction {
        name: Locked::new(name.unwrap_or_else(|| code.name.clone())),
        qualname: Locked::new(code.qualname.clone()),
        code,
        globals,
        builtins,
        // An empty tuple for code without free variables is kept, as
        // CPython keeps it (`__closure__` is `()`).
        closure,
        defaults: Locked::new(defaults),
        kwdefaults: Locked::new(None),
        doc: Locked::new(doc),
        module: Locked::new(module),
        annotations: Locked::new(None),
    };
    Ok(PyRef::new(f).into_value())
}
