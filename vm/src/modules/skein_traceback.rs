//! `_skein_traceback`: what the pure-Python `traceback` module needs from
//! the interpreter, so that its output is the one the VM prints for an
//! uncaught exception (`interp/traceback.rs`) rather than a second copy of
//! the caret logic:
//!
//! * `code_position(code, lasti)`: `(lineno, end_lineno, colno, end_colno)`
//!   of the instruction at byte offset `lasti` (as `tb_lasti`), columns in
//!   UTF-8 bytes as CPython's `co_positions()`; None for missing parts;
//! * `getline(filename, lineno)`: the source line tracebacks show (`''`
//!   when there is none: code compiled from a string, unreadable files);
//! * `getsource(filename)`: the whole text behind `getline` (None when
//!   there is none), for `linecache`;
//! * `caret_line(line, lineno, end_lineno, colno, end_colno)`: the caret
//!   line under `line`, or None;
//! * `format_exception(exc)`: the whole report, as `sys.excepthook`;
//! * `builtin(module, name)`: `warn` and `warn_explicit` as builtin
//!   functions calling `module._warn_impl` / `module._warn_explicit_impl`.
//!   CPython's are C, so an exception they raise (`-W error`) shows no
//!   frame of theirs: the wrapper drops those entries from the traceback
//!   before the caller's frame adds its own.

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn, PyNativeFunction};
use crate::function::PyCode;
use crate::interp::traceback::PyTraceback;
use crate::object::PyRef;
use crate::types::exceptions::PyBaseException;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn code_position(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "code_position", 2)?;
    let Some(code) = a[0].downcast::<PyCode>() else {
        return Err(vm.new_type_error("code_position() argument 1 must be a code object"));
    };
    let lasti = vm.index_isize(&a[1])?;
    let loc = if lasti < 0 { None } else { code.co.locations.get(lasti as usize / 2).copied() };
    let Some(loc) = loc else {
        return Ok(new_tuple(vec![none(), none(), none(), none()]));
    };
    let int = |n: u32| int_from_i64(n as i64);
    let cols = if loc.col == 0 && loc.end_col == 0 && loc.end_line == 0 {
        (none(), none(), none())
    } else {
        (int(loc.end_line), int(loc.col), int(loc.end_col))
    };
    Ok(new_tuple(vec![int(loc.line), cols.0, cols.1, cols.2]))
}

fn line_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = vm.index_isize(v)?;
    Ok(u32::try_from(n).unwrap_or(0))
}

fn getline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getline", 2)?;
    let Some(filename) = a[0].as_str().map(str::to_string) else { return Ok(new_str("")) };
    let lineno = line_arg(vm, &a[1])?;
    let line = crate::interp::traceback::source_line(&filename, lineno).unwrap_or_default();
    Ok(new_str(line))
}

fn getsource(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getsource", 1)?;
    let Some(filename) = a[0].as_str().map(str::to_string) else { return Ok(none()) };
    // The rule of `interp::traceback::source_line`: no text for code
    // compiled from a string, the embedded library's own for `<frozen x>`.
    let pseudo = filename.starts_with('<') && filename.ends_with('>');
    if pseudo && !filename.starts_with("<frozen ") {
        return Ok(none());
    }
    Ok(crate::import::source_of(&filename).map(new_str).unwrap_or_else(none))
}

fn caret_line(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "caret_line", 5)?;
    let Some(line) = a[0].as_str().map(str::to_string) else {
        return Err(vm.new_type_error("caret_line() argument 1 must be str"));
    };
    if a[1..].iter().any(|v| v.is_none()) {
        return Ok(none());
    }
    let loc = skein_compiler::bytecode::Location {
        line: line_arg(vm, &a[1])?,
        end_line: line_arg(vm, &a[2])?,
        col: line_arg(vm, &a[3])?,
        end_col: line_arg(vm, &a[4])?,
    };
    Ok(crate::interp::traceback::caret_line(&line, loc).map(new_str).unwrap_or_else(none))
}

fn format_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "format_exception", 1)?;
    let Some(e) = a[0].downcast::<PyBaseException>() else {
        return Err(vm.new_type_error("format_exception() argument must be an exception"));
    };
    Ok(new_str(crate::interp::traceback::format_exception(vm, &e)))
}

/// Calls `module.<impl_name>` with the wrapper's arguments (after the bound
/// module); on an exception, the leading traceback entries of the
/// implementation functions are dropped.
fn call_frameless(vm: &mut Vm, args: Args<'_>, impl_name: &str) -> PyResult<Value> {
    let Some(module) = args.pos.first() else {
        return Err(vm.new_type_error("frameless builtin called without its module"));
    };
    let Some(f) = vm.get_attr_opt(module, impl_name)? else {
        return Err(vm.new_attribute_error(format!("module has no attribute '{impl_name}'")));
    };
    let r = vm.call_args(&f, args.skip_self());
    if let Err(e) = &r {
        let mut tb = e.0.traceback();
        while let Some(t) = tb.as_ref().and_then(|v| v.downcast::<PyTraceback>()) {
            // CPython's C code calls back into Python for `_showwarnmsg`,
            // so only the two functions that are C there are dropped.
            let co = &t.code.co;
            if co.filename != "<frozen warnings>" || !matches!(&*co.name, "_warn_impl" | "_warn_explicit_impl") {
                break;
            }
            tb = t.next.lock().clone();
        }
        e.0.set_traceback(tb);
    }
    r
}

fn frameless_warn(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    call_frameless(vm, args, "_warn_impl")
}

fn frameless_warn_explicit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    call_frameless(vm, args, "_warn_explicit_impl")
}

/// `builtin(module, name)`: a builtin function `name` bound to `module`.
fn builtin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "builtin", 2)?;
    if a[0].downcast_ref::<PyModule>().is_none() {
        return Err(vm.new_type_error("builtin() argument 1 must be a module"));
    }
    let (name, func): (&'static str, NativeFn) = match a[1].as_str() {
        Some("warn") => ("warn", frameless_warn),
        Some("warn_explicit") => ("warn_explicit", frameless_warn_explicit),
        _ => return Err(vm.new_value_error("builtin() knows only 'warn' and 'warn_explicit'")),
    };
    let mut f = PyNativeFunction::new(name, func);
    f.bound = Some(a[0].clone());
    f.module = Some("warnings");
    Ok(PyRef::new(f).into_value())
}

/// Creates the `_skein_traceback` module.
pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_skein_traceback");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("code_position", code_position),
        ("getline", getline),
        ("getsource", getsource),
        ("caret_line", caret_line),
        ("format_exception", format_exception),
        ("builtin", builtin),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_skein_traceback"));
    }
    m
}
