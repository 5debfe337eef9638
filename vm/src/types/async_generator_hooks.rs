//! `sys.set_asyncgen_hooks` / `sys.get_asyncgen_hooks` (PEP 525).
//!
//! The hooks are per thread, as in CPython (an event loop installs its
//! own in the thread that runs it): they live in the thread's `Vm`. An
//! async generator reads them once, at its first iteration
//! (`async_generator::init_hooks`): `firstiter` is called then, and the
//! `finalizer` is kept in the generator and called when it is dropped
//! unfinished.

use std::sync::OnceLock;

use crate::builtins::structseq::{new_struct_seq, new_struct_seq_type};
use crate::function::args::Args;
use crate::object::PyRef;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// This thread's hooks.
#[derive(Default)]
pub struct AsyncGenHooks {
    pub firstiter: Option<Value>,
    pub finalizer: Option<Value>,
}

static HOOKS_TYPE: OnceLock<PyRef<PyType>> = OnceLock::new();

fn hook_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<Value>> {
    if v.is_none() {
        return Ok(None);
    }
    if !crate::builtins::functions::is_callable(v) {
        return Err(vm.new_type_error(format!("callable {what} expected, got {}", v.class().name())));
    }
    Ok(Some(v.clone()))
}

/// `set_asyncgen_hooks([firstiter] [, finalizer])`: an argument left out
/// keeps its hook, `None` removes it. The finalizer is set before the
/// first iteration hook is checked, as in CPython 3.11.
fn set_asyncgen_hooks(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.new_type_error(format!("function takes at most 2 arguments ({} given)", args.len())));
    }
    let mut slots: [Option<Value>; 2] = [None, None];
    for (i, v) in args.pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for i in 0..args.kwvalues.len() {
        let k = args.kwarg_name(i);
        let idx = match k {
            "firstiter" => 0,
            "finalizer" => 1,
            _ => return Err(vm.new_type_error(format!("'{k}' is an invalid keyword argument for this function"))),
        };
        if slots[idx].is_some() {
            return Err(
                vm.new_type_error(format!("argument for function given by name ('{k}') and position ({})", idx + 1))
            );
        }
        slots[idx] = Some(args.kwvalues[i].clone());
    }
    let [firstiter, finalizer] = slots;
    if let Some(f) = finalizer {
        vm.asyncgen_hooks.finalizer = hook_arg(vm, &f, "finalizer")?;
    }
    if let Some(f) = firstiter {
        vm.asyncgen_hooks.firstiter = hook_arg(vm, &f, "firstiter")?;
    }
    Ok(none())
}

fn get_asyncgen_hooks(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.new_type_error(format!("sys.get_asyncgen_hooks() takes no arguments ({} given)", args.len())));
    }
    let ty = HOOKS_TYPE.get_or_init(|| new_struct_seq_type("builtins", "asyncgen_hooks", &["firstiter", "finalizer"]));
    let h = &vm.asyncgen_hooks;
    Ok(new_struct_seq(ty, vec![h.firstiter.clone().unwrap_or_else(none), h.finalizer.clone().unwrap_or_else(none)]))
}

/// Adds the two functions to `sys`.
pub(crate) fn install(sys: &PyRef<PyModule>) {
    use crate::function::native::new_function;
    sys.set_attr("set_asyncgen_hooks", new_function("set_asyncgen_hooks", set_asyncgen_hooks, "sys"));
    sys.set_attr("get_asyncgen_hooks", new_function("get_asyncgen_hooks", get_asyncgen_hooks, "sys"));
}
