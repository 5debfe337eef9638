//! Async generators (PEP 525): `async def` functions that `yield`.
//!
//! An async generator is a [`PyGenerator`] (its frame is suspended and
//! resumed exactly like a generator's, by any thread, one at a time) with
//! an [`AgState`]. Its `yield v` compiles to `CALL_INTRINSIC_1
//! INTRINSIC_ASYNC_GEN_WRAP` then `YIELD_VALUE`, so a value the frame hands
//! out is either an [`PyAsyncGenWrapped`] (a real `yield`: the awaitable
//! driving it finishes with `StopIteration(v)`) or anything else (an
//! `await` inside the body suspending: the value goes through to the event
//! loop). The awaitables that drive it -- `__anext__()`/`asend()` and
//! `athrow()`/`aclose()` -- are in `async_generator_awaitables.rs`; the
//! `sys` hooks in `async_generator_hooks.rs`.
//!
//! `AgState` lives behind the generator's own per-object mutex (`Locked`):
//! the "running" claim of an awaitable is one locked test-and-set, so two
//! threads starting `asend` on the same async generator at once see one
//! winner and one "already running" error; the frame itself is protected
//! by the generator's running flag, as for every generator. No lock is held
//! while Python code runs (hooks, the frame).

use crate::function::args::Args;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::generator::{PyGenerator, SendResult, ASYNC_GENERATOR_TYPE};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub static WRAPPED_VALUE_TYPE: TypeCell = TypeCell::new();

/// CPython's `ag_hooks_inited`, `ag_closed`, `ag_running_async` and the
/// finalizer hook taken at the first iteration.
#[derive(Default)]
struct AgFlags {
    hooks_inited: bool,
    closed: bool,
    running_async: bool,
    finalizer: Option<Value>,
}

/// The state an async generator has beyond a generator's.
#[derive(Default)]
pub struct AgState {
    flags: Locked<AgFlags>,
}

impl AgState {
    pub(crate) fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &self.flags.lock().finalizer {
            visit(f);
        }
    }

    /// Whether dropping it hands it to the finalizer hook (not yet closed
    /// by `aclose()` or by running to its end).
    pub(crate) fn wants_finalizer_hook(&self) -> bool {
        let f = self.flags.lock();
        f.finalizer.is_some() && !f.closed
    }

    /// `ag_running`: an awaitable of it is being awaited.
    pub fn running_async(&self) -> bool {
        self.flags.lock().running_async
    }

    pub(crate) fn set_running_async(&self, on: bool) {
        self.flags.lock().running_async = on;
    }

    /// Claims the generator for a fresh awaitable: false if another one
    /// is running it.
    pub(crate) fn claim_running(&self) -> bool {
        let mut f = self.flags.lock();
        if f.running_async {
            return false;
        }
        f.running_async = true;
        true
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.flags.lock().closed
    }

    pub(crate) fn set_closed(&self) {
        self.flags.lock().closed = true;
    }

    /// The finalizer hook, when it must run for a dropped generator.
    fn finalizer_to_call(&self) -> Option<Value> {
        let f = self.flags.lock();
        if f.closed {
            return None;
        }
        f.finalizer.clone()
    }
}

/// The value of a `yield` in an async generator, as its frame hands it
/// out (`INTRINSIC_ASYNC_GEN_WRAP`). Never visible to Python code.
pub struct PyAsyncGenWrapped {
    pub val: Value,
}

impl PyPayload for PyAsyncGenWrapped {
    fn class() -> &'static PyRef<PyType> {
        WRAPPED_VALUE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.val);
    }
}

/// `INTRINSIC_ASYNC_GEN_WRAP`.
pub fn wrap(v: Value) -> Value {
    PyRef::new(PyAsyncGenWrapped { val: v }).into_value()
}

/// The async generator `v` and its state, or a `TypeError` naming `what`.
pub(crate) fn agen_of<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<(&'a PyGenerator, &'a AgState)> {
    if let Some(g) = v.downcast_ref::<PyGenerator>() {
        if let Some(ag) = &g.ag {
            return Ok((g, ag));
        }
    }
    Err(vm.new_type_error(format!(
        "descriptor '{what}' for 'async_generator' objects doesn't apply to a '{}' object",
        v.class().name()
    )))
}

/// What one step of an `asend`/`athrow` awaitable gives its awaiter.
pub enum Step {
    /// The body awaits something: the value goes out to the event loop.
    Suspend(Value),
    /// The awaitable is done with this result (`StopIteration(v)`).
    Done(Value),
}

/// CPython's `async_gen_unwrap_value`: turns a resumption's outcome into
/// an awaitable step. A `yield` finishes the step; the frame's end is
/// `StopAsyncIteration`; either end clears the running claim.
pub(crate) fn unwrap_value(vm: &mut Vm, ag: &AgState, r: PyResult<SendResult>) -> PyResult<Step> {
    match r {
        Ok(SendResult::Yielded(v)) => match v.downcast_ref::<PyAsyncGenWrapped>() {
            Some(w) => {
                let val = w.val.clone();
                ag.set_running_async(false);
                Ok(Step::Done(val))
            }
            None => Ok(Step::Suspend(v)),
        },
        Ok(SendResult::Returned(_)) => {
            let e = vm.new_exception_empty(&exc().stop_async_iteration);
            Err(ended(vm, ag, e))
        }
        Err(e) => Err(ended(vm, ag, e)),
    }
}

/// The generator raised `e` (or ended): `StopAsyncIteration` and
/// `GeneratorExit` mean it is closed.
fn ended(vm: &mut Vm, ag: &AgState, e: PyErr) -> PyErr {
    let mut f = ag.flags.lock();
    if vm.err_matches(&e, &exc().stop_async_iteration) || vm.err_matches(&e, &exc().generator_exit) {
        f.closed = true;
    }
    f.running_async = false;
    e
}

/// CPython's `async_gen_init_hooks`: at the first `__anext__`, `asend`,
/// `athrow` or `aclose`, remember this thread's finalizer hook and call its
/// `firstiter` hook with the generator.
pub(crate) fn init_hooks(vm: &mut Vm, this: &Value, ag: &AgState) -> PyResult<()> {
    let (firstiter, finalizer) = (vm.asyncgen_hooks.firstiter.clone(), vm.asyncgen_hooks.finalizer.clone());
    {
        let mut f = ag.flags.lock();
        if f.hooks_inited {
            return Ok(());
        }
        f.hooks_inited = true;
        f.finalizer = finalizer;
    }
    if let Some(h) = firstiter {
        vm.call(&h, std::slice::from_ref(this))?;
    }
    Ok(())
}

/// The finalizer of a dropped async generator (`finalize.rs`): true if a
/// finalizer hook took it (errors reported as unraisable), false if it
/// must be closed like a generator.
pub(crate) fn call_finalizer_hook(vm: &mut Vm, this: &Value, g: &PyGenerator) -> bool {
    let Some(hook) = g.ag.as_ref().and_then(|ag| ag.finalizer_to_call()) else { return false };
    if g.is_finished() {
        return true;
    }
    if let Err(e) = vm.call(&hook, std::slice::from_ref(this)) {
        crate::finalize::write_unraisable(vm, e, None, Some(this.clone()));
    }
    true
}

/// The exception `throw(typ[, val[, tb]])` raises, as CPython's
/// `_gen_throw` builds it (generators' `throw` and `athrow` share it).
pub(crate) fn throw_args_to_err(vm: &mut Vm, a: &[Value]) -> PyResult<PyErr> {
    let typ = &a[0];
    let val = a.get(1).filter(|v| !v.is_none());
    let tb = a.get(2).filter(|v| !v.is_none());
    if let Some(tb) = tb {
        if !tb.class().is(crate::interp::traceback::TRACEBACK_TYPE.get()) {
            return Err(vm.new_type_error("throw() third argument must be a traceback object"));
        }
    }
    let exc_class = typ.downcast_ref::<PyType>().filter(|t| t.is_subtype(&exc().base_exception));
    let inst = if let Some(cls) = exc_class {
        match val {
            Some(v) if v.downcast_ref::<PyBaseException>().is_some() && v.class().is_subtype(cls) => {
                vm.exception_instance(v)?
            }
            Some(v) => {
                let r = match v.as_tuple() {
                    Some(items) => {
                        let items = items.to_vec();
                        vm.call(typ, &items)?
                    }
                    None => vm.call(typ, std::slice::from_ref(v))?,
                };
                vm.exception_instance(&r)?
            }
            None => vm.exception_instance(typ)?,
        }
    } else if let Some(inst) = typ.downcast::<PyBaseException>() {
        if val.is_some() {
            return Err(vm.new_type_error("instance exception may not have a separate value"));
        }
        inst
    } else {
        return Err(vm.new_type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.class().name()
        )));
    };
    if let Some(tb) = tb {
        inst.set_traceback(Some(tb.clone()));
    }
    Ok(PyErr(inst))
}

/// `GET_ANEXT` on an async generator: its `__anext__()` awaitable, which
/// awaits as itself, without looking up `__anext__` and `__await__`.
/// `None` for other objects.
pub(crate) fn anext_direct(vm: &mut Vm, aiter: &Value) -> Option<PyResult<Value>> {
    if !aiter.is_exact(ASYNC_GENERATOR_TYPE.get()) {
        return None;
    }
    let (_, ag) = agen_of(vm, aiter, "__anext__").ok()?;
    let r = init_hooks(vm, aiter, ag);
    Some(r.map(|()| crate::types::async_generator_awaitables::new_asend(aiter.clone(), none())))
}

fn ag_aiter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__aiter__", 1)?;
    agen_of(vm, &a[0], "__aiter__")?;
    Ok(a[0].clone())
}

fn ag_anext(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__anext__", 1)?;
    let (_, ag) = agen_of(vm, &a[0], "__anext__")?;
    init_hooks(vm, &a[0], ag)?;
    Ok(crate::types::async_generator_awaitables::new_asend(a[0].clone(), none()))
}

fn ag_asend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.new_type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    let a = a.exact(vm, "asend", 2)?;
    let (_, ag) = agen_of(vm, &a[0], "asend")?;
    init_hooks(vm, &a[0], ag)?;
    Ok(crate::types::async_generator_awaitables::new_asend(a[0].clone(), a[1].clone()))
}

fn ag_athrow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kwargs(vm, "athrow")?;
    let Some((this, rest)) = a.pos.split_first() else {
        return Err(vm.new_type_error("descriptor 'athrow' of 'async_generator' object needs an argument"));
    };
    let (_, ag) = agen_of(vm, this, "athrow")?;
    init_hooks(vm, this, ag)?;
    Ok(crate::types::async_generator_awaitables::new_athrow(this.clone(), Some(rest.to_vec())))
}

fn ag_aclose(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "aclose", 1)?;
    let (_, ag) = agen_of(vm, &a[0], "aclose")?;
    init_hooks(vm, &a[0], ag)?;
    Ok(crate::types::async_generator_awaitables::new_athrow(a[0].clone(), None))
}

fn ag_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__repr__", 1)?;
    let (g, _) = agen_of(vm, &a[0], "__repr__")?;
    let q = g.qualname.lock().clone();
    let q = vm.str_string(&q)?;
    Ok(new_str(format!("<async_generator object {q} at {:#x}>", a[0].raw_word())))
}

fn ag_running(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (_, ag) = agen_of(vm, v, "ag_running")?;
    Ok(crate::types::singletons::bool_value(ag.running_async()))
}

/// `ag_running` is a read-only member in CPython, with a member's message.
fn ag_running_set(vm: &mut Vm, _obj: &Value, _v: Option<Value>) -> PyResult<()> {
    Err(vm.new_attribute_error("readonly attribute"))
}

/// `__new__` of the types Python code cannot instantiate.
pub(crate) fn no_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = match a.pos.first().and_then(|c| c.downcast_ref::<PyType>()) {
        Some(t) => t.name().to_string(),
        None => "object".to_string(),
    };
    Err(vm.new_type_error(format!("cannot create '{name}' instances")))
}

/// Makes `t` uninstantiable from Python, as a type without `tp_new`.
pub(crate) fn forbid_new(t: &PyRef<PyType>) {
    use crate::function::native::{add_method_kind, MethodKind};
    add_method_kind(t, "__new__", no_new, MethodKind::Static);
}

/// The async generator type's methods and the hidden wrapper type. Runs
/// after `misc_methods::install` (its `__repr__` replaces the generic one).
pub(crate) fn install() {
    use crate::function::native::add_methods;
    let object = crate::types::builtin_types().object;
    let w = PyType::new_builtin::<PyAsyncGenWrapped>("async_generator_wrapped_value", Some(object), 0, false);
    w.set_dict(crate::types::dict::PyDict::new_ref());
    WRAPPED_VALUE_TYPE.set(w);
    let t = ASYNC_GENERATOR_TYPE.get();
    add_methods(
        t,
        &[
            ("__aiter__", ag_aiter),
            ("__anext__", ag_anext),
            ("asend", ag_asend),
            ("athrow", ag_athrow),
            ("aclose", ag_aclose),
            ("__repr__", ag_repr),
        ],
    );
    // `ag_running` is the awaitable claim, not the frame's running flag
    // (CPython's `ag_running_async`).
    crate::function::descriptors::add_getset(t, "ag_running", ag_running, Some(ag_running_set));
    forbid_new(t);
    crate::types::async_generator_awaitables::install();
    crate::builtins::async_iter::init_anext_awaitable_type();
}

#[cfg(test)]
mod tests {
    use super::AgState;

    #[test]
    fn claim_is_exclusive_until_released() {
        let ag = AgState::default();
        assert!(!ag.running_async());
        assert!(ag.claim_running());
        assert!(!ag.claim_running(), "a second awaitable must see 'already running'");
        assert!(ag.running_async());
        ag.set_running_async(false);
        assert!(ag.claim_running());
    }

    #[test]
    fn one_claim_wins_among_threads() {
        let ag = std::sync::Arc::new(AgState::default());
        let wins = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    if ag.claim_running() {
                        wins.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                });
            }
        });
        assert_eq!(wins.into_inner(), 1);
    }

    #[test]
    fn finalizer_hook_only_until_closed() {
        let ag = AgState::default();
        assert!(!ag.wants_finalizer_hook(), "no hook taken");
        ag.flags.lock().finalizer = Some(crate::value::Value::from_small_int(1));
        assert!(ag.wants_finalizer_hook());
        ag.set_closed();
        assert!(!ag.wants_finalizer_hook());
        assert!(ag.finalizer_to_call().is_none());
    }
}
