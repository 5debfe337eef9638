//! `compile`, `eval`, `exec` and `__import__`.

use crate::function::args::Args;
use crate::function::native::new_function;
use crate::function::PyCode;
use crate::intern::intern;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn mode_of(vm: &mut Vm, m: &str) -> PyResult<skein_compiler::Mode> {
    match m {
        "exec" => Ok(skein_compiler::Mode::Exec),
        "eval" => Ok(skein_compiler::Mode::Eval),
        "single" => Ok(skein_compiler::Mode::Single),
        _ => Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
}

/// Source text of a `str`/`bytes` argument.
fn source_text(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.downcast_ref::<crate::types::small::PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("{fname}() arg 1 must be a string, bytes or code object, not {t}")))
}

fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.bind(
        vm,
        "compile",
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        0,
    )?;
    let (Some(src), Some(filename), Some(mode)) = (&s[0], &s[1], &s[2]) else {
        return Err(vm.new_type_error("compile() missing required argument 'source' (pos 1)"));
    };
    if src.downcast_ref::<PyCode>().is_some() {
        return Ok(src.clone());
    }
    let mode = mode_of(vm, mode.as_str().unwrap_or(""))?;
    let text = source_text(vm, src, "compile")?;
    let filename = vm.str_string(filename)?;
    Ok(crate::import::compile_source(vm, &text, &filename, mode)?.into_value())
}

/// Resolves the globals and locals of `eval`/`exec`.
fn namespaces(
    vm: &mut Vm,
    globals: Option<&Value>,
    locals: Option<&Value>,
    fname: &str,
) -> PyResult<(PyRef<PyDict>, Value)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    let (g, l) = match globals {
        Some(g) => {
            let Some(gd) = g.downcast::<PyDict>() else {
                let t = g.class().name();
                return Err(vm.new_type_error(format!("{fname}() globals must be a dict, not {t}")));
            };
            let l = locals.cloned().unwrap_or_else(|| gd.to_value());
            (gd, l)
        }
        None => {
            let g = super::functions::current_globals(vm);
            let l = match locals {
                Some(l) => l.clone(),
                None => super::functions::current_locals(vm),
            };
            match g.downcast::<PyDict>() {
                Some(gd) => (gd, l),
                None => (PyDict::new_ref(), l),
            }
        }
    };
    if g.get_str("__builtins__").is_none() {
        g.set_str_key(intern("__builtins__"), crate::vm::interp().builtins.to_value());
    }
    Ok((g, l))
}

fn run(vm: &mut Vm, args: Args<'_>, fname: &str, mode: skein_compiler::Mode) -> PyResult<Value> {
    let s = args.bind(vm, fname, &["source", "globals", "locals"], 1)?;
    let Some(src) = &s[0] else {
        return Err(vm.new_type_error(format!("{fname} expected at least 1 argument, got 0")));
    };
    let (globals, locals) = namespaces(vm, s[1].as_ref(), s[2].as_ref(), fname)?;
    let code = match src.downcast::<PyCode>() {
        Some(c) => c,
        None => {
            let text = source_text(vm, src, fname)?;
            let text = if mode == skein_compiler::Mode::Eval {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            crate::import::compile_source(vm, &text, "<string>", mode)?
        }
    };
    let r = vm.run_code(code, globals, Some(locals), None)?;
    Ok(if mode == skein_compiler::Mode::Eval { r } else { none() })
}

fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    run(vm, args, "eval", skein_compiler::Mode::Eval)
}

fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    run(vm, args, "exec", skein_compiler::Mode::Exec)
}

fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.bind(vm, "__import__", &["name", "globals", "locals", "fromlist", "level"], 0)?;
    let Some(name) = s[0].clone() else {
        return Err(vm.new_type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    if name.as_str().is_none() {
        let t = name.class().name();
        return Err(vm.new_type_error(format!("module name must be str, not {t}")));
    }
    let globals = s[1].as_ref().and_then(|g| g.downcast::<PyDict>()).unwrap_or_else(PyDict::new_ref);
    let fromlist = s[3].clone().unwrap_or_else(none);
    let level = s[4].as_ref().and_then(|l| l.as_i64()).unwrap_or(0);
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    if name.as_str() == Some("") && level == 0 {
        return Err(vm.new_value_error("Empty module name"));
    }
    crate::import::import_name(vm, &name, &globals, &fromlist, level)
}

/// Adds these builtins to the module.
pub fn add_exec_builtins(m: &PyRef<PyModule>) {
    m.set_attr("compile", new_function("compile", builtin_compile, "builtins"));
    m.set_attr("eval", new_function("eval", builtin_eval, "builtins"));
    m.set_attr("exec", new_function("exec", builtin_exec, "builtins"));
    m.set_attr("__import__", new_function("__import__", builtin_import, "builtins"));
}
