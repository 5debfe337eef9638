//! Class-specific construction and pickling of builtin exceptions.
//!
//! CPython keeps the extra fields of some exception classes (`OSError.errno`,
//! `NameError.name`, `StopIteration.value`, ...) in C members; Skein keeps
//! them in the instance dict (see `exceptions.rs`). So `__reduce__` must
//! leave those names out of the state it returns, as CPython's reduce only
//! sees the real `__dict__`; what a class's members hold is rebuilt from
//! `args` by `__init__` (or, for `ImportError` and `OSError`, passed as
//! CPython passes it).
//!
//! Here: `OSError.__new__` (an errno picks the subclass), `OSError`'s
//! `__init__`/`__str__`/`__reduce__` (`filename2`, args trimmed to
//! `(errno, strerror)` when a filename is given), the keyword-only `name`
//! (and `obj`) of `NameError`/`AttributeError`, `name` and `path` of
//! `ImportError`, and
//! `BaseException.__reduce__`/`__setstate__` with `ImportError.__reduce__`.

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::{e_get_attr, e_set_attr, exc, PyBaseException};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub(super) fn install() {
    let e = exc();
    add_methods(&e.base_exception, &[("__reduce__", exc_reduce), ("__setstate__", exc_setstate)]);
    add_methods(&e.import_error, &[("__init__", import_error_init), ("__reduce__", import_error_reduce)]);
    add_methods(&e.name_error, &[("__init__", name_error_init)]);
    add_methods(&e.attribute_error, &[("__init__", attribute_error_init)]);
    add_method_kind(&e.os_error, "__new__", os_error_new, MethodKind::Static);
    add_methods(
        &e.os_error,
        &[("__init__", os_error_init), ("__str__", os_error_str), ("__reduce__", os_error_reduce)],
    );
}

fn this_exc(vm: &mut Vm, v: &Value, what: &str) -> PyResult<PyRef<PyBaseException>> {
    match v.downcast::<PyBaseException>() {
        Some(e) => Ok(e),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(format!("descriptor '{what}' requires a 'BaseException' object but received '{t}'")))
        }
    }
}

/// The names CPython keeps in C members for instances of `cls`.
fn member_names(cls: &PyType) -> &'static [&'static str] {
    let e = exc();
    let table: [(&PyRef<PyType>, &'static [&'static str]); 8] = [
        (&e.stop_iteration, &["value"]),
        (&e.system_exit, &["code"]),
        (&e.import_error, &["msg", "name", "path"]),
        (&e.attribute_error, &["name", "obj"]),
        (&e.name_error, &["name"]),
        (&e.os_error, &["errno", "strerror", "filename", "filename2", "winerror", "characters_written"]),
        (
            &e.syntax_error,
            &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"],
        ),
        (&e.unicode_error, &["encoding", "object", "start", "end", "reason"]),
    ];
    table.iter().find(|(t, _)| cls.is_subtype(t)).map(|(_, names)| *names).unwrap_or(&[])
}

/// The instance dict as CPython would show it (members left out), or None
/// when it is empty.
fn visible_state(e: &PyRef<PyBaseException>) -> Option<PyRef<PyDict>> {
    let v = e.to_value();
    let d = crate::object::alloc::instance_ext(&v)?.dict_if_any()?;
    let hidden = member_names(v.class());
    let out = PyDict::new_ref();
    for (k, val) in d.items() {
        if k.as_str().is_some_and(|s| hidden.contains(&s)) {
            continue;
        }
        out.set_str_key(k, val);
    }
    (!out.is_empty()).then_some(out)
}

fn reduce_tuple(cls: Value, args: Value, state: Option<PyRef<PyDict>>) -> Value {
    match state {
        Some(s) => new_tuple(vec![cls, args, s.into_value()]),
        None => new_tuple(vec![cls, args]),
    }
}

/// `BaseException.__reduce__()`: `(type(self), self.args[, state])`.
fn exc_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__reduce__", 1)?;
    let e = this_exc(vm, &a[0], "__reduce__")?;
    let cls = a[0].class_ref().into_value();
    Ok(reduce_tuple(cls, e.args().into_value(), visible_state(&e)))
}

/// `BaseException.__setstate__(state)`: sets each item as an attribute.
fn exc_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__setstate__", 2)?;
    this_exc(vm, &a[0], "__setstate__")?;
    if a[1].is_none() {
        return Ok(none());
    }
    let Some(d) = a[1].downcast::<PyDict>() else {
        return Err(vm.new_type_error("state is not a dictionary"));
    };
    for (k, v) in d.items() {
        let Some(name) = k.as_str().map(str::to_string) else {
            let t = k.class().name();
            return Err(vm.new_type_error(format!("attribute name must be string, not '{t}'")));
        };
        vm.set_attr_str(&a[0], &name, v)?;
    }
    Ok(none())
}

/// `ImportError.__reduce__()`: `name` and `path` travel in the state.
fn import_error_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__reduce__", 1)?;
    let e = this_exc(vm, &a[0], "__reduce__")?;
    let state = visible_state(&e).unwrap_or_else(PyDict::new_ref);
    for n in ["name", "path"] {
        if let Some(v) = e_get_attr(&e, n).filter(|v| !v.is_none()) {
            state.set_str_key(crate::intern::intern(n), v);
        }
    }
    let state = (!state.is_empty()).then_some(state);
    Ok(reduce_tuple(a[0].class_ref().into_value(), e.args().into_value(), state))
}

/// Parses the keyword-only arguments `allowed` of `NameError`/`AttributeError`.
fn keyword_only(vm: &mut Vm, args: &Args<'_>, cls: &str, allowed: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let mut out = vec![None; allowed.len()];
    for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
        let name = k.as_str().unwrap_or("");
        match allowed.iter().position(|a| *a == name) {
            Some(i) => out[i] = Some(v.clone()),
            None => {
                let name = name.to_string();
                return Err(vm.new_type_error(format!("'{name}' is an invalid keyword argument for {cls}()")));
            }
        }
    }
    Ok(out)
}

fn name_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' of 'NameError' object needs an argument"));
    };
    let e = this_exc(vm, this, "__init__")?;
    let kw = keyword_only(vm, &args, "NameError", &["name"])?;
    e.set_args(PyRef::new(PyTuple::new(args.pos[1..].to_vec())));
    e_set_attr(&e, "name", kw[0].clone().unwrap_or_else(none));
    Ok(none())
}

/// `ImportError(*args, name=None, path=None)`; `msg` is the only argument.
fn import_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' of 'ImportError' object needs an argument"));
    };
    let e = this_exc(vm, this, "__init__")?;
    let kw = keyword_only(vm, &args, "ImportError", &["name", "path"])?;
    let rest = &args.pos[1..];
    e.set_args(PyRef::new(PyTuple::new(rest.to_vec())));
    e_set_attr(&e, "name", kw[0].clone().unwrap_or_else(none));
    e_set_attr(&e, "path", kw[1].clone().unwrap_or_else(none));
    let msg = if rest.len() == 1 { rest[0].clone() } else { none() };
    e_set_attr(&e, "msg", msg);
    Ok(none())
}

fn attribute_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' of 'AttributeError' object needs an argument"));
    };
    let e = this_exc(vm, this, "__init__")?;
    let kw = keyword_only(vm, &args, "AttributeError", &["name", "obj"])?;
    e.set_args(PyRef::new(PyTuple::new(args.pos[1..].to_vec())));
    e_set_attr(&e, "name", kw[0].clone().unwrap_or_else(none));
    e_set_attr(&e, "obj", kw[1].clone().unwrap_or_else(none));
    Ok(none())
}

/// The `OSError` subclass CPython picks for an errno (Linux values).
fn os_error_subclass(errno: i64) -> Option<&'static PyRef<PyType>> {
    let e = exc();
    Some(match errno {
        11 | 114 | 115 => &e.blocking_io_error,
        10 => &e.child_process_error,
        32 | 108 => &e.broken_pipe_error,
        103 => &e.connection_aborted_error,
        111 => &e.connection_refused_error,
        104 => &e.connection_reset_error,
        17 => &e.file_exists_error,
        2 => &e.file_not_found_error,
        21 => &e.is_a_directory_error,
        20 => &e.not_a_directory_error,
        4 => &e.interrupted_error,
        1 | 13 => &e.permission_error,
        3 => &e.process_lookup_error,
        110 => &e.timeout_error,
        _ => return None,
    })
}

/// `OSError.__new__(cls, *args)`: `OSError(errno, ...)` itself becomes the
/// subclass for that errno (`OSError(2, "x")` is a `FileNotFoundError`).
fn os_error_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("OSError.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(&exc().os_error) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("OSError.__new__({n}): {n} is not a subtype of OSError")));
    }
    // Builtin classes refuse keywords here, under the name they were
    // called by (a subclass may take them in its own `__init__`).
    if args.has_kwargs() && !cls.is_heap_type() {
        let n = cls.name();
        return Err(vm.new_type_error(format!("{n}() takes no keyword arguments")));
    }
    let rest = &args.pos[1..];
    let mut target = cls;
    if target.is(&exc().os_error) && (2..=5).contains(&rest.len()) {
        if let Some(sub) = rest[0].as_i64().and_then(os_error_subclass) {
            target = sub.clone();
        }
    }
    let t = PyRef::new(PyTuple::new(rest.to_vec()));
    Ok(PyRef::new_with_type(PyBaseException::new(t), &target).into_value())
}

/// `OSError.__init__(errno, strerror[, filename[, winerror[, filename2]]])`.
fn os_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' of 'OSError' object needs an argument"));
    };
    let e = this_exc(vm, this, "__init__")?;
    if args.has_kwargs() {
        let n = this.class().name();
        return Err(vm.new_type_error(format!("{n}() takes no keyword arguments")));
    }
    let rest = &args.pos[1..];
    let mut stored_args = rest.to_vec();
    let (mut errno, mut strerror, mut filename, mut filename2) = (None, None, None, None);
    if (2..=5).contains(&rest.len()) {
        errno = Some(rest[0].clone());
        strerror = Some(rest[1].clone());
        if let Some(f) = rest.get(2).filter(|f| !f.is_none()) {
            let written = this.class().is(&exc().blocking_io_error) && f.as_i64().is_some();
            if written {
                e_set_attr(&e, "characters_written", f.clone());
            } else {
                filename = Some(f.clone());
                filename2 = rest.get(4).filter(|f| !f.is_none()).cloned();
                // CPython keeps only (errno, strerror) in args then.
                stored_args.truncate(2);
            }
        }
    }
    e.set_args(PyRef::new(PyTuple::new(stored_args)));
    e_set_attr(&e, "errno", errno.unwrap_or_else(none));
    e_set_attr(&e, "strerror", strerror.unwrap_or_else(none));
    e_set_attr(&e, "filename", filename.unwrap_or_else(none));
    e_set_attr(&e, "filename2", filename2.unwrap_or_else(none));
    e_set_attr(&e, "winerror", none());
    Ok(none())
}

/// `OSError.__str__`: `[Errno N] text: 'file' -> 'file2'`.
fn os_error_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__str__", 1)?;
    let e = this_exc(vm, &a[0], "__str__")?;
    let get = |n: &str| e_get_attr(&e, n).filter(|v| !v.is_none());
    let items = e.args();
    // errno and strerror count as set when OSError got 2 to 5 arguments,
    // even when they are None (instances the runtime made without
    // `__init__` only have the arguments).
    let has_pair = (2..=5).contains(&items.len());
    let nth = |i: usize| items.items().get(i).cloned().unwrap_or_else(none);
    let errno = e_get_attr(&e, "errno").filter(|_| has_pair).unwrap_or_else(|| nth(0));
    let strerror = e_get_attr(&e, "strerror").filter(|_| has_pair).unwrap_or_else(|| nth(1));
    if let Some(f) = get("filename") {
        let (n, s, fr) = (vm.str_string(&errno)?, vm.str_string(&strerror)?, vm.repr_string(&f)?);
        return Ok(new_str(match get("filename2") {
            Some(f2) => {
                let f2r = vm.repr_string(&f2)?;
                format!("[Errno {n}] {s}: {fr} -> {f2r}")
            }
            None => format!("[Errno {n}] {s}: {fr}"),
        }));
    }
    if has_pair {
        let (n, s) = (vm.str_string(&errno)?, vm.str_string(&strerror)?);
        return Ok(new_str(format!("[Errno {n}] {s}")));
    }
    match items.len() {
        0 => Ok(new_str("")),
        1 => vm.str(&items.items()[0]),
        _ => vm.repr(&items.to_value()),
    }
}

/// `OSError.__reduce__()`: the filenames go back into the arguments.
fn os_error_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__reduce__", 1)?;
    let e = this_exc(vm, &a[0], "__reduce__")?;
    let get = |n: &str| e_get_attr(&e, n).filter(|v| !v.is_none());
    let mut items = e.args().items().to_vec();
    if let (Some(f), 2) = (get("filename"), items.len()) {
        items.push(f);
        if let Some(f2) = get("filename2") {
            items.push(none());
            items.push(f2);
        }
    }
    Ok(reduce_tuple(a[0].class_ref().into_value(), new_tuple(items), visible_state(&e)))
}
