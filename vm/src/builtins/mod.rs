//! The `builtins` module: functions every Python program sees without an
//! import, the builtin constants and exception classes.
//!
//! Layout:
//! - `functions.rs`: attribute, identity, type-test and text builtins
//!   (`getattr`, `isinstance`, `repr`, `ascii`, `chr`, `dir`, `globals`, ...);
//! - `numeric.rs`: `abs`, `divmod`, `pow`, `round`, `sum`, `min`, `max`,
//!   `bin`/`oct`/`hex`, and the float conversion shared with `math`;
//! - `sort.rs`: the stable merge sort behind `sorted` (never holds a lock
//!   while comparing);
//! - `iterators.rs`: the `zip`, `enumerate`, `reversed`, `map` and `filter`
//!   types, native iterators the interpreter drives without `__next__`;
//! - `io.rs`: `print` and `input` (on top of `sys.stdout` / `sys.stdin`),
//!   and `open` (the pure-Python `io.open`);
//! - `structseq.rs`: tuple subclasses with named fields (`sys.version_info`,
//!   `time.struct_time`).
//!
//! The builtin *types* (`int`, `str`, `list`, ...) are added by
//! `types::add_types_to_builtins`, not here.
//!
//! Invariant: nothing here holds an object lock (`Locked`) while calling
//! Python code; the iterator payloads copy what they need out first.

pub mod async_iter;
pub mod compile_ast;
pub mod exec;
pub mod functions;
pub mod io;
pub mod iterators;
pub mod numeric;
pub mod sort;
pub mod structseq;

use crate::function::args::Args;
use crate::function::method::PyBoundMethod;
use crate::function::native::{new_function, NativeFn, PyMethodDescriptor, PyNativeFunction};
use crate::function::PyFunction;
use crate::object::PyRef;
use crate::types::exceptions::exc;
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, ellipsis, none, not_implemented};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use iterators::init_builtin_iterator_types;

/// Creates the `builtins` module with its functions, constants and
/// exception classes.
pub fn make_builtins_module() -> PyRef<PyModule> {
    init_builtin_iterator_types();
    let m = PyModule::new("builtins");
    m.set_attr("__doc__", crate::types::str::new_str("Built-in functions, types, exceptions, and other objects."));
    let funcs: &[(&'static str, NativeFn)] = &[
        ("abs", numeric::builtin_abs),
        ("all", functions::builtin_all),
        ("any", functions::builtin_any),
        ("ascii", functions::builtin_ascii),
        ("bin", numeric::builtin_bin),
        ("callable", functions::builtin_callable),
        ("chr", functions::builtin_chr),
        ("delattr", functions::builtin_delattr),
        ("dir", functions::builtin_dir),
        ("divmod", numeric::builtin_divmod),
        ("format", functions::builtin_format),
        ("getattr", functions::builtin_getattr),
        ("globals", functions::builtin_globals),
        ("hasattr", functions::builtin_hasattr),
        ("hash", functions::builtin_hash),
        ("hex", numeric::builtin_hex),
        ("id", functions::builtin_id),
        ("input", io::builtin_input),
        ("isinstance", functions::builtin_isinstance),
        ("issubclass", functions::builtin_issubclass),
        ("iter", functions::builtin_iter),
        ("len", functions::builtin_len),
        ("locals", functions::builtin_locals),
        ("max", numeric::builtin_max),
        ("min", numeric::builtin_min),
        ("next", functions::builtin_next),
        ("aiter", async_iter::builtin_aiter),
        ("anext", async_iter::builtin_anext),
        ("oct", numeric::builtin_oct),
        ("open", io::builtin_open),
        ("ord", functions::builtin_ord),
        ("pow", numeric::builtin_pow),
        ("print", io::builtin_print),
        ("repr", functions::builtin_repr),
        ("round", numeric::builtin_round),
        ("setattr", functions::builtin_setattr),
        ("sorted", sort::builtin_sorted),
        ("sum", numeric::builtin_sum),
        ("vars", functions::builtin_vars),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "builtins"));
    }
    iterators::add_iterator_types(&m);
    m.set_attr("None", none());
    m.set_attr("True", bool_value(true));
    m.set_attr("False", bool_value(false));
    m.set_attr("Ellipsis", ellipsis());
    m.set_attr("NotImplemented", not_implemented());
    m.set_attr("__debug__", bool_value(true));
    for (name, cls) in exc().all() {
        m.set_attr(name, cls.to_value());
    }
    // CPython's aliases of OSError.
    m.set_attr("EnvironmentError", exc().os_error.to_value());
    m.set_attr("IOError", exc().os_error.to_value());
    m
}

/// `ascii(v)`: `repr(v)` with every non-ASCII character escaped as
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr(v)?;
    let s = r.as_str().unwrap_or("");
    if s.is_ascii() {
        return Ok(r);
    }
    Ok(crate::types::str::new_str(escape_non_ascii(s)))
}

/// Escapes the non-ASCII characters of `s` as Python's `ascii()` does.
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
/// `module.qualname()`, or just `qualname()` for builtins, e.g.
/// `"__main__.f()"`, `"print()"`, `"list.append()"`, `"__main__.C.m()"`.
/// Objects without a `__qualname__` are named by their `str()`.
pub fn callable_name(vm: &mut Vm, c: &Value) -> String {
    if let Some(f) = c.downcast_ref::<PyFunction>() {
        let module = f.module.lock().clone();
        return with_module(module.as_str(), &f.qualname_string());
    }
    if let Some(m) = c.downcast_ref::<PyBoundMethod>() {
        let func = m.function.clone();
        return callable_name(vm, &func);
    }
    if let Some(f) = c.downcast_ref::<PyNativeFunction>() {
        let qual = match &f.bound {
            Some(recv) => match recv.downcast_ref::<PyType>() {
                Some(t) => format!("{}.{}", t.qualname(), f.name),
                None if recv.downcast_ref::<PyModule>().is_some() => f.name.to_string(),
                None => format!("{}.{}", recv.class().qualname(), f.name),
            },
            None => match f.owner {
                Some(o) => format!("{o}.{}", f.name),
                None => f.name.to_string(),
            },
        };
        return format!("{qual}()");
    }
    if let Some(d) = c.downcast_ref::<PyMethodDescriptor>() {
        return format!("{}.{}()", d.owner.qualname(), d.name);
    }
    if let Some(t) = c.downcast_ref::<PyType>() {
        let module = t.dict().get_str("__module__");
        return with_module(module.as_ref().and_then(|m| m.as_str()), &t.qualname());
    }
    // Generic objects: `__qualname__` and `__module__` if they have them.
    let qual = match vm.get_attr_opt(c, "__qualname__") {
        Ok(Some(q)) => match vm.str_string(&q) {
            Ok(s) => s,
            Err(_) => return fallback_name(vm, c),
        },
        _ => return fallback_name(vm, c),
    };
    let module = match vm.get_attr_opt(c, "__module__") {
        Ok(Some(m)) if !m.is_none() => vm.str_string(&m).ok(),
        _ => None,
    };
    with_module(module.as_deref(), &qual)
}

fn with_module(module: Option<&str>, qual: &str) -> String {
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qual}()"),
        _ => format!("{qual}()"),
    }
}

fn fallback_name(vm: &mut Vm, c: &Value) -> String {
    match vm.str_string(c) {
        Ok(s) => s,
        Err(_) => crate::protocol::text::default_repr(c),
    }
}

/// `repr(t)` of a class: `<class 'int'>` for builtins,
/// `<class '__main__.C'>` for classes defined in a module.
pub fn type_repr(t: &PyType) -> String {
    let module = t.dict().get_str("__module__");
    let qual = t.qualname();
    match module.as_ref().and_then(|m| m.as_str()) {
        Some(m) if m != "builtins" => format!("<class '{m}.{qual}'>"),
        _ => format!("<class '{qual}'>"),
    }
}

// ---- argument helpers shared by the builtin files --------------------------

/// Collects the keyword arguments of a function whose keywords are all
/// keyword-only (`print`, `sorted`, `min`, ...), one slot per allowed name,
/// with CPython's message for an unknown one.
pub(crate) fn take_kwargs<const N: usize>(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    names: [&str; N],
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (i, v) in args.kwvalues.iter().enumerate() {
        let k = args.kwarg_name(i);
        match names.iter().position(|n| *n == k) {
            Some(j) => out[j] = Some(v.clone()),
            None => return Err(vm.new_type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    Ok(out)
}

/// `None` for a missing argument or an explicit `None`.
pub(crate) fn not_none(v: Option<Value>) -> Option<Value> {
    v.filter(|x| !x.is_none())
}

/// The error for a missing required argument of a function parsed by
/// name: "pow() missing required argument 'base' (pos 1)".
pub(crate) fn missing_arg(vm: &mut Vm, fname: &str, name: &str, pos: usize) -> crate::vm::PyErr {
    vm.new_type_error(format!("{fname}() missing required argument '{name}' (pos {pos})"))
}

/// The name of the first builtin (non-heap) type in `v`'s MRO, which is
/// how we recognise `bytes`-like values whose payloads live elsewhere.
pub(crate) fn builtin_base_name(v: &Value) -> String {
    let t = v.class();
    if !t.is_heap_type() {
        return t.name();
    }
    for b in t.mro_without_self() {
        if !b.is_heap_type() {
            return b.name();
        }
    }
    String::new()
}
