//! `aiter()`, `anext()` and the `anext_awaitable` that `anext(it, default)`
//! returns: it awaits `it.__anext__()` and turns its `StopAsyncIteration`
//! into `StopIteration(default)`, the awaiter's result.

use crate::function::args::Args;
use crate::object::{PyPayload, PyRef};
use crate::types::exceptions::exc;
use crate::types::generator::{get_awaitable, send_to, SendResult};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static ANEXT_AWAITABLE_TYPE: TypeCell = TypeCell::new();

pub struct PyAnextAwaitable {
    wrapped: Value,
    default: Value,
}

impl PyPayload for PyAnextAwaitable {
    fn class() -> &'static PyRef<PyType> {
        ANEXT_AWAITABLE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        visit(&self.default);
    }
}

/// `aiter(async_iterable)`.
pub fn builtin_aiter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "aiter")?;
    if args.pos.len() != 1 {
        return Err(vm.new_type_error(format!("aiter() takes exactly one argument ({} given)", args.pos.len())));
    }
    let v = &args.pos[0];
    let Some(f) = v.class().lookup("__aiter__") else {
        return Err(vm.new_type_error(format!("'{}' object is not an async iterable", v.class().name())));
    };
    let it = vm.call_unbound(&f, v, std::slice::from_ref(v))?;
    if it.class().lookup("__anext__").is_none() {
        return Err(
            vm.new_type_error(format!("aiter() returned not an async iterator of type '{}'", it.class().name()))
        );
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub fn builtin_anext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "anext")?;
    let a = args.pos;
    if a.is_empty() {
        return Err(vm.new_type_error("anext expected at least 1 argument, got 0"));
    }
    if a.len() > 2 {
        return Err(vm.new_type_error(format!("anext expected at most 2 arguments, got {}", a.len())));
    }
    let it = &a[0];
    let Some(f) = it.class().lookup("__anext__") else {
        return Err(vm.new_type_error(format!("'{}' object is not an async iterator", it.class().name())));
    };
    let awaitable = vm.call_unbound(&f, it, std::slice::from_ref(it))?;
    match a.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(PyRef::new(PyAnextAwaitable { wrapped: awaitable, default: d.clone() }).into_value()),
    }
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyAnextAwaitable> {
    match v.downcast_ref::<PyAnextAwaitable>() {
        Some(a) => Ok(a),
        None => Err(vm.new_type_error(format!(
            "descriptor requires a 'anext_awaitable' object but received a '{}'",
            v.class().name()
        ))),
    }
}

impl PyAnextAwaitable {
    /// The wrapped awaitable's `StopAsyncIteration` becomes the result.
    fn convert(&self, vm: &mut Vm, r: PyResult<Value>) -> PyResult<Value> {
        match r {
            Err(e) if vm.err_matches(&e, &exc().stop_async_iteration) => {
                let d = self.default.clone();
                Err(vm.new_stop_iteration(if d.is_none() { None } else { Some(d) }))
            }
            r => r,
        }
    }
}

fn aa_send_value(vm: &mut Vm, me: &PyAnextAwaitable, v: Value) -> PyResult<Value> {
    let aw = get_awaitable(vm, &me.wrapped)?;
    let r = match send_to(vm, &aw, v) {
        Ok(SendResult::Yielded(x)) => Ok(x),
        Ok(SendResult::Returned(x)) => Err(vm.new_stop_iteration(if x.is_none() { None } else { Some(x) })),
        Err(e) => Err(e),
    };
    me.convert(vm, r)
}

fn aa_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "send", 2)?;
    let me = this(vm, &a[0])?;
    aa_send_value(vm, me, a[1].clone())
}

fn aa_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__next__", 1)?;
    let me = this(vm, &a[0])?;
    aa_send_value(vm, me, crate::types::singletons::none())
}

fn aa_proxy(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<Value> {
    a.no_kwargs(vm, name)?;
    let Some((first, rest)) = a.pos.split_first() else {
        return Err(vm.new_type_error(format!("descriptor '{name}' needs an argument")));
    };
    let me = this(vm, first)?;
    let aw = get_awaitable(vm, &me.wrapped)?;
    let r = vm.call_method(&aw, name, rest);
    me.convert(vm, r)
}

fn aa_throw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    aa_proxy(vm, a, "throw")
}

fn aa_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    aa_proxy(vm, a, "close")
}

fn aa_self(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__await__", 1)?;
    this(vm, &a[0])?;
    Ok(a[0].clone())
}

pub(crate) fn init_anext_awaitable_type() {
    if ANEXT_AWAITABLE_TYPE.is_set() {
        return;
    }
    let object = crate::types::builtin_types().object;
    let t = PyType::new_builtin::<PyAnextAwaitable>("anext_awaitable", Some(object), 0, false);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    crate::function::native::add_methods(
        &t,
        &[
            ("send", aa_send),
            ("throw", aa_throw),
            ("close", aa_close),
            ("__await__", aa_self),
            ("__iter__", aa_self),
            ("__next__", aa_next),
        ],
    );
    crate::types::async_generator::forbid_new(&t);
    ANEXT_AWAITABLE_TYPE.set(t);
}
