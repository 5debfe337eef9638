//! Methods of the runtime's own types: exceptions, `None`, functions,
//! methods, descriptors (`property`, `classmethod`, `staticmethod`),
//! `super`, modules, cells, code objects, generators and tracebacks.

use crate::function::args::Args;
use crate::function::descriptors::{
    add_getset, PyClassMethod, PyGetSet, PyProperty, PyStaticMethod, CLASSMETHOD_TYPE, PROPERTY_TYPE, STATICMETHOD_TYPE,
};
use crate::function::method::PyBoundMethod;
use crate::function::native::{add_method_kind, add_methods, MethodKind, PyMethodDescriptor, PyNativeFunction};
use crate::function::{PyCell, PyFunction};
use crate::intern::intern;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::{e_get_attr, e_set_attr, exc, PyBaseException};
use crate::types::module::PyModule;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static SUPER_TYPE: TypeCell = TypeCell::new();

// ---- exceptions -------------------------------------------------------------

fn exc_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyBaseException> {
    match v.downcast_ref::<PyBaseException>() {
        Some(e) => Ok(e),
        None => Err(vm.new_type_error("descriptor requires a 'BaseException' object")),
    }
}

fn exc_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = &args.pos[0];
    let e = exc_of(vm, this)?;
    // Every class, user-defined ones included (CPython's
    // `_PyArg_NoKeywords` in `BaseException_init`); `ImportError` takes
    // its own keywords.
    if args.has_kwargs() && !this.class().is_subtype(&exc().import_error) {
        let n = this.class().name();
        return Err(vm.new_type_error(format!("{n}() takes no keyword arguments")));
    }
    e.set_args(PyRef::new(PyTuple::new(args.pos[1..].to_vec())));
    let cls = this.class();
    let rest = &args.pos[1..];
    let e_ref = match this.downcast::<PyBaseException>() {
        Some(r) => r,
        None => return Ok(none()),
    };
    let is = |t: &PyRef<PyType>| cls.is_subtype(t);
    if is(&exc().stop_iteration) {
        e_set_attr(&e_ref, "value", rest.first().cloned().unwrap_or_else(none));
    } else if is(&exc().system_exit) {
        let code = match rest.len() {
            0 => none(),
            1 => rest[0].clone(),
            _ => new_tuple(rest.to_vec()),
        };
        e_set_attr(&e_ref, "code", code);
    } else if is(&exc().import_error) {
        let mut name = none();
        let mut path = none();
        for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
            match k.as_str() {
                Some("name") => name = v.clone(),
                Some("path") => path = v.clone(),
                Some(other) => {
                    let o = other.to_string();
                    return Err(vm.new_type_error(format!("'{o}' is an invalid keyword argument for ImportError()")));
                }
                None => {}
            }
        }
        e_set_attr(&e_ref, "name", name);
        e_set_attr(&e_ref, "path", path);
        e_set_attr(&e_ref, "msg", rest.first().cloned().unwrap_or_else(none));
    } else if is(&exc().attribute_error) || is(&exc().name_error) {
        if crate::types::exceptions::e_get_attr(&e_ref, "name").is_none() {
            e_set_attr(&e_ref, "name", none());
        }
        if is(&exc().attribute_error) && e_get_attr(&e_ref, "obj").is_none() {
            e_set_attr(&e_ref, "obj", none());
        }
    } else if is(&exc().os_error) {
        let (errno, strerror) = if rest.len() >= 2 { (rest[0].clone(), rest[1].clone()) } else { (none(), none()) };
        e_set_attr(&e_ref, "errno", errno);
        e_set_attr(&e_ref, "strerror", strerror);
        e_set_attr(&e_ref, "filename", rest.get(2).cloned().unwrap_or_else(none));
    } else if is(&exc().syntax_error) {
        e_set_attr(&e_ref, "msg", rest.first().cloned().unwrap_or_else(none));
        // Only `SyntaxError(msg, details)`: any sequence of 4 to 6 items
        // (CPython parses it with `PyArg_ParseTuple(info, "OOOO|OO")`).
        let details = if rest.len() == 2 { vm.collect(&rest[1])? } else { Vec::new() };
        if rest.len() == 2 && !(4..=6).contains(&details.len()) {
            let (bound, limit) = if details.len() < 4 { ("least", 4) } else { ("most", 6) };
            let n = details.len();
            return Err(vm.new_type_error(format!("function takes at {bound} {limit} arguments ({n} given)")));
        }
        for (i, n) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().enumerate() {
            e_set_attr(&e_ref, n, details.get(i).cloned().unwrap_or_else(none));
        }
    }
    Ok(none())
}

fn exc_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__str__", 1)?;
    let e = exc_of(vm, &a[0])?;
    let items = e.args();
    let cls = a[0].class();
    if cls.is_subtype(&exc().key_error) && items.len() == 1 {
        return vm.repr(&items.items()[0]);
    }
    if cls.is_subtype(&exc().os_error) && items.len() >= 2 {
        let errno = vm.str_string(&items.items()[0])?;
        let strerror = vm.str_string(&items.items()[1])?;
        if let Some(f) = a[0].downcast::<PyBaseException>().and_then(|r| e_get_attr(&r, "filename")) {
            if !f.is_none() {
                let fr = vm.repr_string(&f)?;
                return Ok(new_str(format!("[Errno {errno}] {strerror}: {fr}")));
            }
        }
        return Ok(new_str(format!("[Errno {errno}] {strerror}")));
    }
    if cls.is_subtype(&exc().unicode_error) {
        if let Some(r) = a[0].downcast::<PyBaseException>() {
            if let Some(s) = unicode_error_str(vm, &r, cls)? {
                return Ok(new_str(s));
            }
        }
    }
    if cls.is_subtype(&exc().syntax_error) {
        if let Some(r) = a[0].downcast::<PyBaseException>() {
            let msg = e_get_attr(&r, "msg").unwrap_or_else(none);
            let msg_s = if msg.is_none() { String::new() } else { vm.str_string(&msg)? };
            let file = e_get_attr(&r, "filename").and_then(|f| f.as_str().map(str::to_string));
            let line = e_get_attr(&r, "lineno").and_then(|l| l.as_i64());
            let base = file.map(|f| f.rsplit('/').next().unwrap_or("").to_string());
            return Ok(new_str(match (base, line) {
                (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
                (Some(f), None) => format!("{msg_s} ({f})"),
                (None, Some(l)) => format!("{msg_s} (line {l})"),
                (None, None) => msg_s,
            }));
        }
    }
    match items.len() {
        0 => Ok(new_str("")),
        1 => vm.str(&items.items()[0]),
        _ => vm.repr(&items.to_value()),
    }
}

/// CPython's `UnicodeDecodeError`/`UnicodeEncodeError` message from the
/// `(encoding, object, start, end, reason)` arguments.
fn unicode_error_str(vm: &mut Vm, e: &PyRef<PyBaseException>, cls: &PyType) -> PyResult<Option<String>> {
    let args = e.args();
    let items = args.items();
    // A translation error has no encoding argument.
    let translate = cls.is_subtype(&exc().unicode_translate_error);
    let skip = usize::from(translate);
    if items.len() + skip != 5 {
        return Ok(None);
    }
    let get = |n: &str, i: usize| e_get_attr(e, n).unwrap_or_else(|| items[i - skip].clone());
    let (object, start, end, reason) = (get("object", 1), get("start", 2), get("end", 3), get("reason", 4));
    let (Some(start), Some(end)) = (start.as_i64(), end.as_i64()) else { return Ok(None) };
    let enc = if translate { String::new() } else { vm.str_string(&get("encoding", 0))? };
    let reason = vm.str_string(&reason)?;
    if cls.is_subtype(&exc().unicode_decode_error) {
        let Some(b) = object.downcast_ref::<crate::types::small::PyBytes>() else { return Ok(None) };
        if let (true, Some(&byte)) = (end == start + 1, usize::try_from(start).ok().and_then(|i| b.data.get(i))) {
            return Ok(Some(format!("'{enc}' codec can't decode byte {byte:#04x} in position {start}: {reason}")));
        }
        return Ok(Some(format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)));
    }
    let Some(text) = object.downcast_ref::<crate::types::str::PyStr>() else { return Ok(None) };
    let what = if cls.is_subtype(&exc().unicode_encode_error) { "encode" } else { "translate" };
    if end == start + 1 && start >= 0 && (start as usize) < text.char_len() {
        let c = text.code_point_at(start as usize);
        let ch = if c <= 0xff {
            format!("\\x{c:02x}")
        } else if c <= 0xffff {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        let prefix = if what == "encode" {
            format!("'{enc}' codec can't encode character")
        } else {
            "can't translate character".to_string()
        };
        return Ok(Some(format!("{prefix} '{ch}' in position {start}: {reason}")));
    }
    let prefix = if what == "encode" {
        format!("'{enc}' codec can't encode characters")
    } else {
        "can't translate characters".to_string()
    };
    Ok(Some(format!("{prefix} in position {start}-{}: {reason}", end - 1)))
}

fn exc_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let e = exc_of(vm, &a[0])?;
    let items = e.args();
    let name = a[0].class().name();
    let inner = match items.len() {
        1 => vm.repr_string(&items.items()[0])?,
        _ => {
            let r = vm.repr_string(&items.to_value())?;
            if items.is_empty() {
                String::new()
            } else {
                r[1..r.len() - 1].to_string()
            }
        }
    };
    Ok(new_str(format!("{name}({inner})")))
}

fn exc_with_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "with_traceback", 2)?;
    let e = exc_of(vm, &a[0])?;
    e.set_traceback(traceback_or_none(vm, &a[1])?);
    Ok(a[0].clone())
}

/// What `__traceback__` accepts: a traceback object or `None`.
fn traceback_or_none(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if v.is_none() {
        return Ok(None);
    }
    if v.downcast_ref::<crate::interp::traceback::PyTraceback>().is_none() {
        return Err(vm.new_type_error("__traceback__ must be a traceback or None"));
    }
    Ok(Some(v.clone()))
}

/// The chaining attributes cannot be deleted (CPython's getset setters).
fn not_deleted(vm: &mut Vm, n: Option<Value>, attr: &str) -> PyResult<Value> {
    n.ok_or_else(|| vm.new_type_error(format!("{attr} may not be deleted")))
}

fn exc_add_note(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "add_note", 2)?;
    if a[1].as_str().is_none() {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("note must be a str, not '{t}'")));
    }
    let notes = match vm.get_attr_opt(&a[0], "__notes__")? {
        Some(n) => n,
        None => {
            let l = crate::types::list::new_list(Vec::new());
            vm.set_attr_str(&a[0], "__notes__", l.clone())?;
            l
        }
    };
    vm.call_method(&notes, "append", &[a[1].clone()])?;
    Ok(none())
}

fn exc_get_args(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_of(vm, v)?.args().into_value())
}
fn exc_set_args(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let items = match n {
        Some(n) => vm.collect(&n)?,
        None => return Err(vm.new_type_error("args may not be deleted")),
    };
    exc_of(vm, v)?.set_args(PyRef::new(PyTuple::new(items)));
    Ok(())
}
fn exc_get_tb(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_of(vm, v)?.traceback().unwrap_or_else(none))
}
fn exc_set_tb(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let e = exc_of(vm, v)?;
    let n = not_deleted(vm, n, "__traceback__")?;
    e.set_traceback(traceback_or_none(vm, &n)?);
    Ok(())
}
fn exc_get_cause(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_of(vm, v)?.cause().unwrap_or_else(none))
}
fn exc_set_cause(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let n = Some(not_deleted(vm, n, "__cause__")?).filter(|x| !x.is_none());
    if let Some(c) = &n {
        if c.downcast_ref::<PyBaseException>().is_none() {
            return Err(vm.new_type_error("exception cause must be None or derive from BaseException"));
        }
    }
    let e = exc_of(vm, v)?;
    e.set_cause(n);
    e.set_suppress_context(true);
    Ok(())
}
fn exc_get_context(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_of(vm, v)?.context().unwrap_or_else(none))
}
fn exc_set_context(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let n = Some(not_deleted(vm, n, "__context__")?).filter(|x| !x.is_none());
    if n.as_ref().is_some_and(|c| c.downcast_ref::<PyBaseException>().is_none()) {
        return Err(vm.new_type_error("exception context must be None or derive from BaseException"));
    }
    exc_of(vm, v)?.set_context(n);
    Ok(())
}
fn exc_get_suppress(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(exc_of(vm, v)?.suppress_context()))
}
fn exc_set_suppress(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    // A `T_BOOL` member in CPython: exactly `True` or `False`.
    let b = match n {
        Some(n) => match n.as_bool_obj() {
            Some(b) => b,
            None => return Err(vm.new_type_error("attribute value type must be bool")),
        },
        None => return Err(vm.new_type_error("can't delete numeric/char attribute")),
    };
    exc_of(vm, v)?.set_suppress_context(b);
    Ok(())
}

fn install_exceptions() {
    let t = &exc().base_exception;
    crate::types::exceptions::construct::install_new();
    add_methods(
        t,
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    add_getset(t, "args", exc_get_args, Some(exc_set_args));
    add_getset(t, "__traceback__", exc_get_tb, Some(exc_set_tb));
    add_getset(t, "__cause__", exc_get_cause, Some(exc_set_cause));
    add_getset(t, "__context__", exc_get_context, Some(exc_set_context));
    add_getset(t, "__suppress_context__", exc_get_suppress, Some(exc_set_suppress));
    for (_, cls) in exc().all() {
        cls.dict().set_str_key(intern("__module__"), intern("builtins"));
    }
}

// ---- None, NotImplemented, Ellipsis -----------------------------------------

fn none_repr(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(intern("None"))
}
fn none_bool(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(bool_value(false))
}
fn none_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 1 || a.has_kwargs() {
        return Err(vm.new_type_error("NoneType takes no arguments"));
    }
    Ok(none())
}
fn notimpl_repr(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(intern("NotImplemented"))
}
fn ellipsis_repr(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(intern("Ellipsis"))
}

// ---- functions and methods ----------------------------------------------------

fn func_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyFunction> {
    match v.downcast_ref::<PyFunction>() {
        Some(f) => Ok(f),
        None => Err(vm.new_type_error("descriptor requires a 'function' object")),
    }
}

fn func_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let f = func_of(vm, &a[0])?;
    Ok(new_str(format!("<function {} at {:#x}>", f.qualname_string(), a[0].raw_word())))
}

fn func_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.range(vm, "__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    Ok(crate::function::method::new_bound_method(a[0].clone(), a[1].clone()))
}

macro_rules! locked_getset {
    ($get:ident, $set:ident, $field:ident, $what:literal) => {
        fn $get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
            Ok(func_of(vm, v)?.$field.lock().clone())
        }
        fn $set(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
            let Some(n) = n else {
                return Err(vm.new_type_error(concat!($what, " must be set to a string object")));
            };
            if n.as_str().is_none() {
                return Err(vm.new_type_error(concat!($what, " must be set to a string object")));
            }
            let old = std::mem::replace(&mut *func_of(vm, v)?.$field.lock(), n);
            drop(old);
            Ok(())
        }
    };
}
locked_getset!(func_get_name, func_set_name, name, "__name__");
locked_getset!(func_get_qualname, func_set_qualname, qualname, "__qualname__");

fn func_get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.doc.lock().clone())
}
fn func_set_doc(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let old = std::mem::replace(&mut *func_of(vm, v)?.doc.lock(), n.unwrap_or_else(none));
    drop(old);
    Ok(())
}
fn func_get_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.module.lock().clone())
}
fn func_set_module(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let old = std::mem::replace(&mut *func_of(vm, v)?.module.lock(), n.unwrap_or_else(none));
    drop(old);
    Ok(())
}
fn func_get_defaults(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.defaults.lock().clone().map(|t| t.into_value()).unwrap_or_else(none))
}
fn func_set_defaults(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let t = match n {
        Some(n) if n.is_none() => None,
        Some(n) => match n.downcast::<PyTuple>() {
            Some(t) => Some(t),
            None => return Err(vm.new_type_error("__defaults__ must be set to a tuple object")),
        },
        None => None,
    };
    let old = std::mem::replace(&mut *func_of(vm, v)?.defaults.lock(), t);
    drop(old);
    Ok(())
}
fn func_get_kwdefaults(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.kwdefaults.lock().clone().map(|t| t.into_value()).unwrap_or_else(none))
}
fn func_set_kwdefaults(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let d = n.and_then(|n| n.downcast::<crate::types::dict::PyDict>());
    let old = std::mem::replace(&mut *func_of(vm, v)?.kwdefaults.lock(), d);
    drop(old);
    Ok(())
}
fn func_get_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.code.to_value())
}
fn func_get_globals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.globals.to_value())
}
fn func_get_closure(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(vm, v)?.closure.clone().map(|c| c.into_value()).unwrap_or_else(none))
}
fn func_get_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func_of(vm, v)?;
    let mut a = f.annotations.lock();
    Ok(a.get_or_insert_with(|| crate::types::dict::PyDict::new_ref().into_value()).clone())
}
fn func_set_annotations(vm: &mut Vm, v: &Value, n: Option<Value>) -> PyResult<()> {
    let old = std::mem::replace(&mut *func_of(vm, v)?.annotations.lock(), n);
    drop(old);
    Ok(())
}

fn method_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyBoundMethod> {
    match v.downcast_ref::<PyBoundMethod>() {
        Some(m) => Ok(m),
        None => Err(vm.new_type_error("descriptor requires a 'method' object")),
    }
}

fn method_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let m = method_of(vm, &a[0])?;
    let (func, recv) = (m.function.clone(), m.receiver.clone());
    let name = match vm.get_attr_opt(&func, "__qualname__")? {
        Some(n) => vm.str_string(&n)?,
        None => "?".into(),
    };
    let r = vm.repr_string(&recv)?;
    Ok(new_str(format!("<bound method {name} of {r}>")))
}

fn method_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__eq__", 2)?;
    let m = method_of(vm, &a[0])?;
    let Some(o) = a[1].downcast_ref::<PyBoundMethod>() else { return Ok(not_implemented()) };
    Ok(bool_value(m.function.is(&o.function) && m.receiver.is(&o.receiver)))
}

fn method_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__hash__", 1)?;
    let m = method_of(vm, &a[0])?;
    let h = crate::protocol::hash::hash_pointer(m.function.raw_word())
        ^ crate::protocol::hash::hash_pointer(m.receiver.raw_word());
    Ok(crate::types::int::int_from_i64(h))
}

fn method_get_func(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(method_of(vm, v)?.function.clone())
}
fn method_get_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(method_of(vm, v)?.receiver.clone())
}
fn method_getattribute(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__getattribute__", 2)?;
    match vm.generic_getattr(&a[0], &a[1]) {
        Ok(v) => Ok(v),
        Err(e) if vm.err_matches(&e, &exc().attribute_error) => {
            let f = method_of(vm, &a[0])?.function.clone();
            vm.get_attr(&f, &a[1])
        }
        Err(e) => Err(e),
    }
}

fn builtin_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let Some(f) = a[0].downcast_ref::<PyNativeFunction>() else {
        return Err(vm.new_type_error("descriptor requires a builtin function"));
    };
    match &f.bound {
        Some(b) if b.downcast_ref::<PyModule>().is_none() => {
            let t = b.class().name();
            Ok(new_str(format!("<built-in method {} of {t} object at {:#x}>", f.name, b.raw_word())))
        }
        _ => Ok(new_str(format!("<built-in function {}>", f.name))),
    }
}
fn builtin_get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyNativeFunction>() {
        Some(f) => Ok(intern(f.name)),
        None => match v.downcast_ref::<PyMethodDescriptor>() {
            Some(d) => Ok(intern(d.name)),
            None => Err(vm.new_type_error("not a builtin")),
        },
    }
}
fn builtin_get_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyNativeFunction>() {
        Some(f) => match &f.bound {
            Some(b) if b.downcast_ref::<PyModule>().is_none() => {
                let owner = match b.downcast_ref::<PyType>() {
                    Some(t) => t.name(),
                    None => b.class().name(),
                };
                Ok(new_str(format!("{owner}.{}", f.name)))
            }
            _ => Ok(intern(f.name)),
        },
        None => match v.downcast_ref::<PyMethodDescriptor>() {
            Some(d) => Ok(new_str(format!("{}.{}", d.owner.name(), d.name))),
            None => Err(vm.new_type_error("not a builtin")),
        },
    }
}
fn builtin_get_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyNativeFunction>() {
        Some(f) => Ok(f.bound.clone().unwrap_or_else(|| crate::vm::interp().builtins.to_value())),
        None => Err(vm.new_type_error("not a builtin")),
    }
}
fn builtin_get_doc(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<PyNativeFunction>().and_then(|f| f.doc).map(new_str).unwrap_or_else(none))
}
fn builtin_get_module(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<PyNativeFunction>().and_then(|f| f.module).map(intern).unwrap_or_else(none))
}

fn descr_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    if let Some(d) = a[0].downcast_ref::<PyMethodDescriptor>() {
        return Ok(new_str(format!("<method '{}' of '{}' objects>", d.name, d.owner.name())));
    }
    if let Some(g) = a[0].downcast_ref::<PyGetSet>() {
        return Ok(new_str(format!("<attribute '{}' of '{}' objects>", g.name, g.owner.name())));
    }
    if let Some(m) = a[0].downcast_ref::<crate::function::descriptors::PyMemberDescriptor>() {
        return Ok(new_str(format!("<member '{}' of '{}' objects>", m.name, m.owner_name)));
    }
    Ok(new_str(crate::protocol::text::default_repr(&a[0])))
}

fn descr_get_method(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.range(vm, "__get__", 2, 3)?;
    let owner = a.get(2).cloned().unwrap_or_else(none);
    let obj = if a[1].is_none() { None } else { Some(&a[1]) };
    vm.descr_get(&a[0], obj, &owner)
}

/// Replaces a locked slot, dropping the old value only after the lock is
/// released (its destructor may run Python code).
fn set_locked(cell: &Locked<Option<Value>>, v: Option<Value>) {
    let old = std::mem::replace(&mut *cell.lock(), v);
    drop(old);
}

// ---- property, classmethod, staticmethod ---------------------------------------

fn property_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyProperty> {
    match v.downcast_ref::<PyProperty>() {
        Some(p) => Ok(p),
        None => Err(vm.new_type_error("descriptor requires a 'property' object")),
    }
}

fn property_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("property.__new__(X): X is not a type object"));
    };
    let p = PyProperty {
        fget: Locked::new(None),
        fset: Locked::new(None),
        fdel: Locked::new(None),
        doc: Locked::new(None),
        name: Locked::new(None),
    };
    Ok(PyRef::new_with_type(p, &cls).into_value())
}

fn property_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let this = a.pos[0].clone();
    let rest = Args { pos: &a.pos[1..], kwnames: a.kwnames, kwvalues: a.kwvalues };
    let slots = rest.bind(vm, "property", &["fget", "fset", "fdel", "doc"], 0)?;
    let p = property_of(vm, &this)?;
    let norm = |v: &Option<Value>| v.clone().filter(|x| !x.is_none());
    set_locked(&p.fget, norm(&slots[0]));
    set_locked(&p.fset, norm(&slots[1]));
    set_locked(&p.fdel, norm(&slots[2]));
    let mut doc = norm(&slots[3]);
    if doc.is_none() {
        if let Some(g) = norm(&slots[0]) {
            doc = vm.get_attr_opt(&g, "__doc__")?.filter(|d| !d.is_none());
        }
    }
    set_locked(&p.doc, doc);
    Ok(none())
}

fn property_copy_with(vm: &mut Vm, this: &Value, which: usize, f: Value) -> PyResult<Value> {
    let p = property_of(vm, this)?;
    let mut parts = [p.fget.lock().clone(), p.fset.lock().clone(), p.fdel.lock().clone(), p.doc.lock().clone()];
    parts[which] = Some(f);
    let name = p.name.lock().clone();
    let cls = this.class_ref().into_value();
    let args: Vec<Value> = parts.into_iter().map(|x| x.unwrap_or_else(none)).collect();
    let np = vm.call(&cls, &args)?;
    if let Some(q) = np.downcast_ref::<PyProperty>() {
        set_locked(&q.name, name);
    }
    Ok(np)
}
fn property_getter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "getter", 2)?;
    property_copy_with(vm, &a[0], 0, a[1].clone())
}
fn property_setter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "setter", 2)?;
    property_copy_with(vm, &a[0], 1, a[1].clone())
}
fn property_deleter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "deleter", 2)?;
    property_copy_with(vm, &a[0], 2, a[1].clone())
}
fn property_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.range(vm, "__get__", 2, 3)?;
    let owner = a.get(2).cloned().unwrap_or_else(none);
    let obj = if a[1].is_none() { None } else { Some(&a[1]) };
    vm.descr_get(&a[0], obj, &owner)
}
fn property_set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__set__", 3)?;
    let p = property_of(vm, &a[0])?;
    match p.fset.lock().clone() {
        Some(f) => vm.call(&f, &[a[1].clone(), a[2].clone()]),
        None => Err(vm.new_attribute_error("property has no setter")),
    }
}
fn property_set_name(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__set_name__", 3)?;
    let p = property_of(vm, &a[0])?;
    set_locked(&p.name, Some(a[2].clone()));
    Ok(none())
}
macro_rules! property_field {
    ($name:ident, $field:ident) => {
        fn $name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
            Ok(property_of(vm, v)?.$field.lock().clone().unwrap_or_else(none))
        }
    };
}
property_field!(property_fget, fget);
property_field!(property_fset, fset);
property_field!(property_fdel, fdel);
property_field!(property_doc, doc);
fn property_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let p = property_of(vm, v)?;
    for f in [p.fget.lock().clone(), p.fset.lock().clone(), p.fdel.lock().clone()].into_iter().flatten() {
        if let Some(x) = vm.get_attr_opt(&f, "__isabstractmethod__")? {
            if vm.truthy(&x)? {
                return Ok(bool_value(true));
            }
        }
    }
    Ok(bool_value(false))
}

fn wrapper_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("__new__(X): X is not a type object"));
    };
    let name = if cls.is_subtype(CLASSMETHOD_TYPE.get()) { "classmethod" } else { "staticmethod" };
    if a.has_kwargs() {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 2 {
        return Err(vm.new_type_error(format!("{name} expected 1 argument, got {}", a.pos.len() - 1)));
    }
    let f = a.pos[1].clone();
    let v = if cls.is_subtype(CLASSMETHOD_TYPE.get()) {
        PyRef::new_with_type(PyClassMethod { callable: f.clone() }, &cls).into_value()
    } else {
        PyRef::new_with_type(PyStaticMethod { callable: f.clone() }, &cls).into_value()
    };
    // Copy __doc__, __name__, ... as functools.wraps would (3.10+).
    if let Some(ext) = crate::object::alloc::instance_ext(&v) {
        for n in ["__doc__", "__name__", "__qualname__", "__module__"] {
            if let Some(x) = vm.get_attr_opt(&f, n)? {
                ext.dict().set_str_key(intern(n), x);
            }
        }
    }
    Ok(v)
}
fn wrapper_init(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}
fn wrapper_func(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(c) = v.downcast_ref::<PyClassMethod>() {
        return Ok(c.callable.clone());
    }
    if let Some(s) = v.downcast_ref::<PyStaticMethod>() {
        return Ok(s.callable.clone());
    }
    Err(vm.new_type_error("descriptor requires a classmethod or staticmethod"))
}
fn wrapper_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = wrapper_func(vm, v)?;
    Ok(vm.get_attr_opt(&f, "__isabstractmethod__")?.unwrap_or_else(|| bool_value(false)))
}
fn wrapper_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.range(vm, "__get__", 2, 3)?;
    let owner = a.get(2).cloned().unwrap_or_else(none);
    let obj = if a[1].is_none() { None } else { Some(&a[1]) };
    vm.descr_get(&a[0], obj, &owner)
}
fn staticmethod_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(this) = a.pos.first() else {
        return Err(vm.new_type_error("descriptor '__call__' of 'staticmethod' object needs an argument"));
    };
    let f = wrapper_func(vm, this)?;
    vm.call_args(&f, a.skip_self())
}

/// `f.__call__(*args, **kw)` for functions, methods and builtins: the call
/// itself (so `collections.abc.Callable` finds `__call__` on their types).
fn callable_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(f) = a.pos.first().cloned() else {
        return Err(vm.new_type_error("descriptor '__call__' needs an argument"));
    };
    vm.call_args(&f, a.skip_self())
}

// ---- super ---------------------------------------------------------------------

pub struct PySuper {
    pub this_class: PyRef<PyType>,
    pub obj: Option<Value>,
    pub obj_type: Option<PyRef<PyType>>,
}

impl PyPayload for PySuper {
    fn class() -> &'static PyRef<PyType> {
        SUPER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.this_class.to_value());
        if let Some(o) = &self.obj {
            visit(o)
        }
        if let Some(t) = &self.obj_type {
            visit(&t.to_value());
        }
    }
}

fn super_check(vm: &mut Vm, t: &PyRef<PyType>, obj: &Value) -> PyResult<PyRef<PyType>> {
    if let Some(ot) = obj.downcast::<PyType>() {
        if ot.is_subtype(t) {
            return Ok(ot);
        }
    }
    let oc = obj.class_ref();
    if oc.is_subtype(t) {
        return Ok(oc);
    }
    Err(vm.new_type_error("super(type, obj): obj must be an instance or subtype of type"))
}

fn super_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("super.__new__(X): X is not a type object"));
    };
    let rest = &a.pos[1..];
    let (this_class, obj) = match rest.len() {
        0 => {
            // Zero-argument form: the calling frame's __class__ cell and
            // first argument.
            let Some(frame) = vm.frames.frames.last() else {
                return Err(vm.new_runtime_error("super(): no arguments"));
            };
            let code = frame.code().clone();
            let base = frame.base;
            if code.co.argcount == 0 && !code.co.flags.has(skein_compiler::bytecode::CodeFlags::VARARGS) {
                return Err(vm.new_runtime_error("super(): no arguments"));
            }
            let mut first = vm.frames.values.get(base).cloned().flatten();
            if let Some(c) = first.as_ref().and_then(|f| f.downcast_ref::<PyCell>()) {
                if code.co.localsplus_kinds.first().is_some_and(|k| k & skein_compiler::bytecode::LocalKind::CELL != 0)
                {
                    first = c.get();
                }
            }
            let Some(first) = first else {
                return Err(vm.new_runtime_error("super(): arg[0] deleted"));
            };
            let idx = code.localsplus_names.iter().position(|n| n.as_str() == Some("__class__"));
            let class = idx
                .and_then(|i| vm.frames.values.get(base + i).cloned().flatten())
                .and_then(|c| c.downcast_ref::<PyCell>().and_then(|c| c.get()));
            let Some(class) = class else {
                return Err(vm.new_runtime_error("super(): __class__ cell not found"));
            };
            let Some(t) = class.downcast::<PyType>() else {
                return Err(vm.new_runtime_error("super(): __class__ is not a type"));
            };
            (t, Some(first))
        }
        1 | 2 => {
            let Some(t) = rest[0].downcast::<PyType>() else {
                let n = rest[0].class().name();
                return Err(vm.new_type_error(format!("super() argument 1 must be a type, not {n}")));
            };
            (t, rest.get(1).cloned().filter(|o| !o.is_none()))
        }
        n => return Err(vm.new_type_error(format!("super() takes at most 2 arguments ({n} given)"))),
    };
    let obj_type = match &obj {
        Some(o) => Some(super_check(vm, &this_class, o)?),
        None => None,
    };
    Ok(PyRef::new_with_type(PySuper { this_class, obj, obj_type }, &cls).into_value())
}

fn super_init(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

fn super_getattribute(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__getattribute__", 2)?;
    let Some(s) = a[0].downcast_ref::<PySuper>() else {
        return Err(vm.new_type_error("descriptor requires a 'super' object"));
    };
    let name = a[1].as_str().unwrap_or("").to_string();
    if let (Some(obj), Some(ot)) = (&s.obj, &s.obj_type) {
        if name != "__class__" {
            let mro = ot.mro();
            let start = mro.iter().position(|t| t.is(&s.this_class)).map(|i| i + 1).unwrap_or(mro.len());
            for t in &mro[start..] {
                if let Some(attr) = t.dict().get_str(&name) {
                    let owner = ot.to_value();
                    let inst = if obj.is(&owner) { None } else { Some(obj) };
                    return vm.descr_get(&attr, inst, &owner);
                }
            }
        }
    }
    vm.generic_getattr(&a[0], &a[1])
}

fn super_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let Some(s) = a[0].downcast_ref::<PySuper>() else {
        return Err(vm.new_type_error("descriptor requires a 'super' object"));
    };
    let n = s.this_class.name();
    Ok(new_str(match &s.obj_type {
        Some(t) => format!("<super: <class '{n}'>, <{} object>>", t.name()),
        None => format!("<super: <class '{n}'>, NULL>"),
    }))
}

// ---- modules, cells, code, generators, tracebacks --------------------------------

/// `module.__new__(cls, *args, **kwargs)`: an empty module of `cls` (a
/// `types.ModuleType` subclass keeps its class); `__init__` names it, so a
/// subclass whose `__init__` takes other arguments still constructs.
fn module_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let md = crate::types::module::MODULE_TYPE.get();
    let Some(cls) = a.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("module.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(md) {
        return Err(vm.new_type_error(format!(
            "module.__new__({}): {} is not a subtype of module",
            cls.name(),
            cls.name()
        )));
    }
    let m = PyModule { dict: crate::types::dict::PyDict::new_ref() };
    if cls.is(md) {
        return Ok(PyRef::new(m).into_value());
    }
    Ok(PyRef::new_with_type(m, &cls).into_value())
}

/// `module.__init__(self, name, doc=None)`: CPython's five module
/// attributes, written into the module's dict.
fn module_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(m) = a.pos.first().and_then(|m| m.downcast::<PyModule>()) else {
        return Err(vm.new_type_error("descriptor '__init__' requires a 'module' object"));
    };
    let slots =
        Args { pos: &a.pos[1..], kwnames: a.kwnames, kwvalues: a.kwvalues }.bind(vm, "module", &["name", "doc"], 0)?;
    let name = match &slots[0] {
        None => return Err(vm.new_type_error("module() missing required argument 'name' (pos 1)")),
        Some(n) if n.as_str().is_some() => n.clone(),
        Some(n) => {
            return Err(vm.new_type_error(format!("module() argument 'name' must be str, not {}", n.class().name())))
        }
    };
    m.set_attr("__name__", name);
    m.set_attr("__doc__", slots[1].clone().unwrap_or_else(none));
    for attr in ["__package__", "__loader__", "__spec__"] {
        m.set_attr(attr, none());
    }
    Ok(none())
}

fn module_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    if a[0].downcast_ref::<PyModule>().is_none() {
        return Err(vm.new_type_error("descriptor requires a 'module' object"));
    }
    Ok(new_str(crate::import::module_repr(vm, &a[0])?))
}

fn module_dir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__dir__", 1)?;
    let Some(m) = a[0].downcast_ref::<PyModule>() else {
        return Err(vm.new_type_error("descriptor requires a 'module' object"));
    };
    Ok(crate::types::list::new_list(m.dict.keys()))
}

fn cell_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let Some(c) = a[0].downcast_ref::<PyCell>() else {
        return Err(vm.new_type_error("descriptor requires a 'cell' object"));
    };
    Ok(new_str(match c.get() {
        Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", a[0].raw_word(), v.class().name(), v.raw_word()),
        None => format!("<cell at {:#x}: empty>", a[0].raw_word()),
    }))
}
fn cell_contents(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<PyCell>().and_then(|c| c.get()) {
        Some(x) => Ok(x),
        None => Err(vm.new_exception_msg(&exc().value_error, "Cell is empty")),
    }
}

fn gen_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let Some(g) = a[0].downcast_ref::<crate::types::generator::PyGenerator>() else {
        return Err(vm.new_type_error("descriptor requires a 'generator' object"));
    };
    let q = g.qualname.lock().as_str().unwrap_or("?").to_string();
    Ok(new_str(format!("<generator object {q} at {:#x}>", a[0].raw_word())))
}
fn gen_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<crate::types::generator::PyGenerator>().map(|g| g.name.lock().clone()).unwrap_or_else(none))
}
fn gen_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<crate::types::generator::PyGenerator>().map(|g| g.qualname.lock().clone()).unwrap_or_else(none))
}

/// Installs the methods of the runtime's own types.
pub(crate) fn install(types: &crate::types::Types) {
    install_exceptions();

    add_method_kind(types.none, "__new__", none_new, MethodKind::Static);
    add_methods(types.none, &[("__repr__", none_repr), ("__bool__", none_bool)]);
    add_methods(crate::types::singletons::NOT_IMPLEMENTED_TYPE.get(), &[("__repr__", notimpl_repr)]);
    add_methods(crate::types::singletons::ELLIPSIS_TYPE.get(), &[("__repr__", ellipsis_repr)]);

    let f = crate::function::FUNCTION_TYPE.get();
    add_methods(f, &[("__repr__", func_repr), ("__get__", func_get)]);
    add_method_kind(f, "__new__", crate::function::func_new::function_new, MethodKind::Static);
    add_getset(f, "__name__", func_get_name, Some(func_set_name));
    add_getset(f, "__qualname__", func_get_qualname, Some(func_set_qualname));
    add_getset(f, "__doc__", func_get_doc, Some(func_set_doc));
    add_getset(f, "__module__", func_get_module, Some(func_set_module));
    add_getset(f, "__defaults__", func_get_defaults, Some(func_set_defaults));
    add_getset(f, "__kwdefaults__", func_get_kwdefaults, Some(func_set_kwdefaults));
    add_getset(f, "__code__", func_get_code, None);
    add_getset(f, "__globals__", func_get_globals, None);
    add_getset(f, "__closure__", func_get_closure, None);
    add_getset(f, "__annotations__", func_get_annotations, Some(func_set_annotations));

    let m = crate::function::method::BOUND_METHOD_TYPE.get();
    add_methods(
        m,
        &[
            ("__repr__", method_repr),
            ("__eq__", method_eq),
            ("__hash__", method_hash),
            ("__getattribute__", method_getattribute),
        ],
    );
    m.set_flag(flags::CUSTOM_GETATTRIBUTE, true);
    add_getset(m, "__func__", method_get_func, None);
    add_getset(m, "__self__", method_get_self, None);

    let b = crate::function::native::BUILTIN_FUNCTION_TYPE.get();
    add_methods(b, &[("__repr__", builtin_repr)]);
    add_getset(b, "__name__", builtin_get_name, None);
    add_getset(b, "__qualname__", builtin_get_qualname, None);
    add_getset(b, "__self__", builtin_get_self, None);
    add_getset(b, "__doc__", builtin_get_doc, None);
    add_getset(b, "__module__", builtin_get_module, None);
    for t in [
        crate::function::native::METHOD_DESCRIPTOR_TYPE.get(),
        crate::function::native::CLASSMETHOD_DESCRIPTOR_TYPE.get(),
        crate::function::descriptors::GETSET_TYPE.get(),
        crate::function::descriptors::MEMBER_TYPE.get(),
    ] {
        add_methods(t, &[("__repr__", descr_repr), ("__get__", descr_get_method)]);
        add_getset(t, "__name__", builtin_get_name, None);
        add_getset(t, "__qualname__", builtin_get_qualname, None);
    }
    crate::function::data_descr::install();

    let p = PROPERTY_TYPE.get();
    add_method_kind(p, "__new__", property_new, MethodKind::Static);
    add_methods(
        p,
        &[
            ("__init__", property_init),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__set_name__", property_set_name),
        ],
    );
    add_getset(p, "fget", property_fget, None);
    add_getset(p, "fset", property_fset, None);
    add_getset(p, "fdel", property_fdel, None);
    add_getset(p, "__doc__", property_doc, None);
    add_getset(p, "__isabstractmethod__", property_isabstract, None);
    for t in [CLASSMETHOD_TYPE.get(), STATICMETHOD_TYPE.get()] {
        add_method_kind(t, "__new__", wrapper_new, MethodKind::Static);
        add_methods(t, &[("__init__", wrapper_init), ("__get__", wrapper_get)]);
        add_getset(t, "__func__", wrapper_func, None);
        add_getset(t, "__wrapped__", wrapper_func, None);
        add_getset(t, "__isabstractmethod__", wrapper_isabstract, None);
    }
    add_methods(STATICMETHOD_TYPE.get(), &[("__call__", staticmethod_call)]);
    for t in [
        crate::function::FUNCTION_TYPE.get(),
        crate::function::method::BOUND_METHOD_TYPE.get(),
        crate::function::native::BUILTIN_FUNCTION_TYPE.get(),
        crate::function::native::METHOD_DESCRIPTOR_TYPE.get(),
        crate::function::native::CLASSMETHOD_DESCRIPTOR_TYPE.get(),
    ] {
        add_methods(t, &[("__call__", callable_call)]);
    }

    let s = PyType::new_builtin::<PySuper>("super", Some(types.object), flags::BASETYPE, false);
    s.set_dict(crate::types::dict::PyDict::new_ref());
    SUPER_TYPE.set(s);
    let s = SUPER_TYPE.get();
    add_method_kind(s, "__new__", super_new, MethodKind::Static);
    add_methods(s, &[("__init__", super_init), ("__getattribute__", super_getattribute), ("__repr__", super_repr)]);
    s.set_flag(flags::CUSTOM_GETATTRIBUTE, true);

    let md = crate::types::module::MODULE_TYPE.get();
    add_method_kind(md, "__new__", module_new, MethodKind::Static);
    add_methods(md, &[("__init__", module_init), ("__repr__", module_repr), ("__dir__", module_dir)]);

    let c = crate::function::CELL_TYPE.get();
    add_methods(c, &[("__repr__", cell_repr)]);
    add_getset(c, "cell_contents", cell_contents, None);

    crate::types::code_methods::init_code_type();

    let g = crate::types::generator::GENERATOR_TYPE.get();
    add_methods(g, &[("__repr__", gen_repr)]);
    for t in [g, crate::types::generator::COROUTINE_TYPE.get(), crate::types::generator::ASYNC_GENERATOR_TYPE.get()] {
        add_methods(t, &[("__repr__", gen_repr)]);
        add_getset(t, "__name__", gen_name, None);
        add_getset(t, "__qualname__", gen_qualname, None);
    }
    // gi_*/cr_*/ag_* attributes: interp/generator_attrs.rs.
    crate::interp::frame_object::install();
}

/// Builtins defined with these types.
pub fn add_to_builtins(m: &PyRef<PyModule>) {
    m.set_attr("super", SUPER_TYPE.get().to_value());
}
