//! `sys.unraisablehook`, `sys.__unraisablehook__` and the
//! `UnraisableHookArgs` they receive: how exceptions that cannot be raised
//! (from `__del__`, a dropped generator's close, callbacks) are reported.
//!
//! [`write_unraisable`] is CPython's `_PyErr_WriteUnraisableMsg`: it builds
//! the struct sequence `(exc_type, exc_value, exc_traceback, err_msg,
//! object)` and calls `sys.unraisablehook`; when the hook is missing the
//! default runs, and when the hook itself raises, the default reports that
//! exception as "Exception ignored in sys.unraisablehook: <hook>". The
//! default hook writes CPython's text to `sys.stderr` (nothing when it is
//! `None`): the header line, the traceback entries (without chained
//! exceptions), then `Type: value`.

use std::sync::OnceLock;

use crate::builtins::structseq::{new_struct_seq, new_struct_seq_type};
use crate::function::args::Args;
use crate::object::PyRef;
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

static ARGS_TYPE: OnceLock<PyRef<PyType>> = OnceLock::new();

const FIELDS: [&str; 5] = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"];

fn args_type() -> &'static PyRef<PyType> {
    ARGS_TYPE.get_or_init(|| {
        let t = new_struct_seq_type("sys", "UnraisableHookArgs", &FIELDS);
        t.to_value().make_immortal();
        t
    })
}

/// Adds `unraisablehook` and `__unraisablehook__` to `sys`.
pub fn install(m: &crate::types::module::PyModule) {
    let f = crate::function::native::new_function("unraisablehook", sys_unraisablehook, "sys");
    m.set_attr("unraisablehook", f.clone());
    m.set_attr("__unraisablehook__", f);
}

/// `import warnings` from Rust.
pub fn import_warnings(vm: &mut Vm) -> PyResult<Value> {
    let globals = crate::types::dict::PyDict::new_ref();
    crate::import::import_name(vm, &new_str("warnings"), &globals, &none(), 0)
}

/// Reports `err` through `sys.unraisablehook`. `err_msg` replaces
/// "Exception ignored in"; `obj` is what the error happened in.
pub fn write_unraisable(vm: &mut Vm, err: PyErr, err_msg: Option<&str>, obj: Option<Value>) {
    if err.0.traceback().is_none() && !vm.frames.frames.is_empty() {
        // As CPython: an error raised by native code gets the running frame.
        let top = vm.frames.top();
        let (code, lasti, globals) = (top.code().clone(), top.lasti, Some(top.globals().clone()));
        let idx = vm.frames.frames.len() - 1;
        let frame = crate::interp::frame_object::materialize(vm, idx);
        crate::interp::traceback::add_entry(&err, &code, lasti, globals, None, Some(frame));
    }
    let args = hook_args(&err, err_msg.map(new_str), obj);
    let hook = crate::modules::sys::sys_attr("unraisablehook").filter(|h| !h.is_none());
    let Some(hook) = hook else {
        default_hook(vm, &args);
        return;
    };
    if let Err(e) = vm.call(&hook, &[args]) {
        let args = hook_args(&e, Some(new_str("Exception ignored in sys.unraisablehook")), Some(hook));
        default_hook(vm, &args);
    }
}

fn hook_args(err: &PyErr, err_msg: Option<Value>, obj: Option<Value>) -> Value {
    let value = err.value();
    let items = vec![
        value.class().to_value(),
        value,
        err.0.traceback().unwrap_or_else(none),
        err_msg.unwrap_or_else(none),
        obj.unwrap_or_else(none),
    ];
    new_struct_seq(args_type(), items)
}

fn sys_unraisablehook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "unraisablehook", 1)?;
    let ok = a[0].class().is(args_type());
    if !ok {
        return Err(vm.new_type_error("sys.unraisablehook argument type must be UnraisableHookArgs"));
    }
    default_hook(vm, &a[0]);
    Ok(none())
}

/// CPython's `write_unraisable_exc_file`.
fn default_hook(vm: &mut Vm, args: &Value) {
    let field = |i: usize| {
        args.downcast_ref::<crate::types::tuple::PyTuple>().and_then(|t| t.items().get(i).cloned()).unwrap_or_else(none)
    };
    let (exc_type, exc_value, tb, err_msg, obj) = (field(0), field(1), field(2), field(3), field(4));
    let mut out = String::new();
    let msg = if err_msg.is_none() { None } else { Some(vm.str_string(&err_msg).unwrap_or_default()) };
    if !obj.is_none() {
        out.push_str(msg.as_deref().unwrap_or("Exception ignored in"));
        out.push_str(": ");
        match vm.repr_string(&obj) {
            Ok(r) => out.push_str(&r),
            Err(_) => out.push_str("<object repr() failed>"),
        }
        out.push('\n');
    } else if let Some(m) = &msg {
        out.push_str(m);
        out.push_str(":\n");
    }
    if !tb.is_none() {
        out.push_str(&crate::interp::traceback::format_tb(&tb));
    }
    if !exc_type.is_none() {
        let t = exc_type.downcast_ref::<PyType>();
        let module = vm.get_attr_opt(&exc_type, "__module__").ok().flatten();
        match module.as_ref().and_then(|m| m.as_str()) {
            None => out.push_str("<unknown>."),
            Some("builtins") | Some("__main__") => {}
            Some(m) => {
                out.push_str(m);
                out.push('.');
            }
        }
        match t {
            Some(t) => out.push_str(&t.qualname()),
            None => out.push_str("<unknown>"),
        }
        if !exc_value.is_none() {
            out.push_str(": ");
            match vm.str_string(&exc_value) {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push_str("<exception str() failed>"),
            }
        }
        out.push('\n');
    }
    if let Some(err) = crate::modules::sys::sys_attr("stderr").filter(|e| !e.is_none()) {
        let _ = crate::modules::sys::write_to(vm, &err, &out);
        let _ = vm.call_method(&err, "flush", &[]);
    }
}
