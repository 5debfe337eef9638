//! The awaitables that drive an async generator: `async_generator_asend`
//! (from `__anext__()` and `asend(v)`) and `async_generator_athrow` (from
//! `athrow(...)` and `aclose()`), as CPython 3.11's `genobject.c` has them.
//!
//! Each is a one-shot iterator over the generator's frame: INIT until its
//! first step, ITER while the generator awaits something, CLOSED once it
//! produced its result (a `StopIteration`) or an error. Its state is behind
//! its own mutex and read and written in short critical sections; the
//! generator's "running" claim is `AgState::claim_running` (one locked
//! test-and-set), so an awaitable starting on a generator that another one
//! is running fails with "already running" instead of entering the frame.
//! Resuming the frame goes through `PyGenerator::resume`/`throw_into`,
//! whose running flag keeps two threads out of one frame.

use crate::function::args::Args;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::async_generator::{throw_args_to_err, unwrap_value, AgState, PyAsyncGenWrapped, Step};
use crate::types::exceptions::exc;
use crate::types::generator::{PyGenerator, SendResult};
use crate::types::singletons::none;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub static ASEND_TYPE: TypeCell = TypeCell::new();
pub static ATHROW_TYPE: TypeCell = TypeCell::new();

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwState {
    Init,
    Iter,
    Closed,
}

pub struct PyAsyncGenASend {
    gen: Value,
    sendval: Value,
    state: Locked<AwState>,
}

pub struct PyAsyncGenAThrow {
    gen: Value,
    /// `athrow`'s arguments; `None` for `aclose()`.
    args: Option<Vec<Value>>,
    state: Locked<AwState>,
}

impl PyPayload for PyAsyncGenASend {
    fn class() -> &'static PyRef<PyType> {
        ASEND_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.gen);
        visit(&self.sendval);
    }
}

impl PyPayload for PyAsyncGenAThrow {
    fn class() -> &'static PyRef<PyType> {
        ATHROW_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.gen);
        self.args.iter().flatten().for_each(visit);
    }
}

pub(crate) fn new_asend(gen: Value, sendval: Value) -> Value {
    PyRef::new(PyAsyncGenASend { gen, sendval, state: Locked::new(AwState::Init) }).into_value()
}

pub(crate) fn new_athrow(gen: Value, args: Option<Vec<Value>>) -> Value {
    PyRef::new(PyAsyncGenAThrow { gen, args, state: Locked::new(AwState::Init) }).into_value()
}

fn parts(g: &Value) -> (&PyGenerator, &AgState) {
    let gen = g.downcast_ref::<PyGenerator>().expect("an async generator awaitable holds its generator");
    (gen, gen.ag.as_deref().expect("an async generator awaitable holds an async generator"))
}

impl PyAsyncGenASend {
    fn set_state(&self, s: AwState) {
        *self.state.lock() = s;
    }

    /// `send(arg)` / `__next__()` (`arg` None).
    fn send(&self, vm: &mut Vm, arg: Value) -> PyResult<Step> {
        let (g, ag) = parts(&self.gen);
        let state = *self.state.lock();
        let arg = match state {
            AwState::Closed => return Err(reuse_asend(vm)),
            AwState::Init => {
                if !ag.claim_running() {
                    return Err(vm.new_runtime_error("anext(): asynchronous generator is already running"));
                }
                self.set_state(AwState::Iter);
                if arg.is_none() {
                    self.sendval.clone()
                } else {
                    arg
                }
            }
            AwState::Iter => {
                ag.set_running_async(true);
                arg
            }
        };
        let r = g.resume(vm, &self.gen, arg, None);
        self.finish(unwrap_value(vm, ag, r))
    }

    fn throw(&self, vm: &mut Vm, args: &[Value]) -> PyResult<Step> {
        let (g, ag) = parts(&self.gen);
        if *self.state.lock() == AwState::Closed {
            return Err(reuse_asend(vm));
        }
        let r = throw_args_to_err(vm, args).and_then(|e| g.throw(vm, &self.gen, e));
        self.finish(unwrap_value(vm, ag, r))
    }

    fn finish(&self, r: PyResult<Step>) -> PyResult<Step> {
        if !matches!(r, Ok(Step::Suspend(_))) {
            self.set_state(AwState::Closed);
        }
        r
    }
}

fn reuse_asend(vm: &mut Vm) -> PyErr {
    vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()")
}

fn reuse_athrow(vm: &mut Vm) -> PyErr {
    vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()")
}

impl PyAsyncGenAThrow {
    fn set_state(&self, s: AwState) {
        *self.state.lock() = s;
    }

    fn is_aclose(&self) -> bool {
        self.args.is_none()
    }

    /// `send(arg)` / `__next__()`.
    fn send(&self, vm: &mut Vm, arg: Value) -> PyResult<Step> {
        let (g, ag) = parts(&self.gen);
        let state = *self.state.lock();
        if state == AwState::Closed {
            return Err(reuse_athrow(vm));
        }
        if g.is_finished() {
            self.set_state(AwState::Closed);
            return Ok(Step::Done(none()));
        }
        if state == AwState::Iter {
            let r = g.resume(vm, &self.gen, arg, None);
            if !self.is_aclose() {
                return unwrap_value(vm, ag, r);
            }
            return self.aclose_outcome(vm, ag, r);
        }
        if !ag.claim_running() {
            self.set_state(AwState::Closed);
            let what = if self.is_aclose() { "aclose" } else { "athrow" };
            return Err(vm.new_runtime_error(format!("{what}(): asynchronous generator is already running")));
        }
        if ag.is_closed() {
            ag.set_running_async(false);
            self.set_state(AwState::Closed);
            return Err(vm.new_exception_empty(&exc().stop_async_iteration));
        }
        if !arg.is_none() {
            ag.set_running_async(false);
            return Err(vm.new_runtime_error("can't send non-None value to a just-started coroutine"));
        }
        self.set_state(AwState::Iter);
        match &self.args {
            None => {
                ag.set_closed();
                let e = vm.new_exception_empty(&exc().generator_exit);
                let r = g.throw_into(vm, &self.gen, e, false);
                self.aclose_outcome(vm, ag, r)
            }
            Some(args) => {
                if args.is_empty() || args.len() > 3 {
                    // Like CPython, before the generator is touched (it
                    // stays claimed).
                    return Err(arg_count_error(vm, "athrow", args.len()));
                }
                let r = throw_args_to_err(vm, args).and_then(|e| g.throw_into(vm, &self.gen, e, false));
                match unwrap_value(vm, ag, r) {
                    Err(e) => self.check_error(vm, ag, e),
                    ok => ok,
                }
            }
        }
    }

    /// What a step of `aclose()` gives: a `yield` is the generator
    /// ignoring `GeneratorExit`; its end finishes the awaitable.
    fn aclose_outcome(&self, vm: &mut Vm, ag: &AgState, r: PyResult<SendResult>) -> PyResult<Step> {
        match r {
            Ok(SendResult::Yielded(v)) if v.downcast_ref::<PyAsyncGenWrapped>().is_some() => {
                ag.set_running_async(false);
                self.set_state(AwState::Closed);
                Err(vm.new_runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(SendResult::Yielded(v)) => Ok(Step::Suspend(v)),
            Ok(SendResult::Returned(_)) => {
                let e = vm.new_exception_empty(&exc().stop_async_iteration);
                self.check_error(vm, ag, e)
            }
            Err(e) => self.check_error(vm, ag, e),
        }
    }

    /// The generator raised `e`: the awaitable is done; for `aclose()` the
    /// generator's end (`StopAsyncIteration`, `GeneratorExit`) is success.
    fn check_error(&self, vm: &mut Vm, ag: &AgState, e: PyErr) -> PyResult<Step> {
        ag.set_running_async(false);
        self.set_state(AwState::Closed);
        let done = vm.err_matches(&e, &exc().stop_async_iteration) || vm.err_matches(&e, &exc().generator_exit);
        if done && self.is_aclose() {
            return Ok(Step::Done(none()));
        }
        Err(e)
    }

    fn throw(&self, vm: &mut Vm, args: &[Value]) -> PyResult<Step> {
        let (g, ag) = parts(&self.gen);
        if *self.state.lock() == AwState::Closed {
            return Err(reuse_athrow(vm));
        }
        let r = throw_args_to_err(vm, args).and_then(|e| g.throw(vm, &self.gen, e));
        if !self.is_aclose() {
            return unwrap_value(vm, ag, r);
        }
        match r {
            Ok(SendResult::Yielded(v)) if v.downcast_ref::<PyAsyncGenWrapped>().is_some() => {
                ag.set_running_async(false);
                self.set_state(AwState::Closed);
                Err(vm.new_runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(SendResult::Yielded(v)) => Ok(Step::Suspend(v)),
            Ok(SendResult::Returned(_)) => Ok(Step::Done(none())),
            Err(e) if vm.err_matches(&e, &exc().stop_async_iteration) || vm.err_matches(&e, &exc().generator_exit) => {
                Ok(Step::Done(none()))
            }
            Err(e) => Err(e),
        }
    }
}

fn arg_count_error(vm: &mut Vm, name: &str, n: usize) -> PyErr {
    if n == 0 {
        vm.new_type_error(format!("{name} expected at least 1 argument, got 0"))
    } else {
        vm.new_type_error(format!("{name} expected at most 3 arguments, got {n}"))
    }
}

/// `SEND` to one of these awaitables (`await agen.asend(v)`): the step
/// without a `StopIteration` object. Gives `v` back for other receivers.
pub(crate) fn send_direct(vm: &mut Vm, receiver: &Value, v: Value) -> Result<PyResult<SendResult>, Value> {
    let r = if let Some(s) = receiver.downcast_ref::<PyAsyncGenASend>() {
        s.send(vm, v)
    } else if let Some(t) = receiver.downcast_ref::<PyAsyncGenAThrow>() {
        t.send(vm, v)
    } else {
        return Err(v);
    };
    Ok(r.map(|step| match step {
        Step::Suspend(x) => SendResult::Yielded(x),
        Step::Done(x) => SendResult::Returned(x),
    }))
}

/// A step as the Python-level `send`/`__next__`/`throw` report it.
fn step_result(vm: &mut Vm, r: PyResult<Step>) -> PyResult<Value> {
    match r? {
        Step::Suspend(v) => Ok(v),
        Step::Done(v) => Err(vm.new_stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

enum Either<'a> {
    Send(&'a PyAsyncGenASend),
    Throw(&'a PyAsyncGenAThrow),
}

fn either<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<Either<'a>> {
    if let Some(s) = v.downcast_ref::<PyAsyncGenASend>() {
        return Ok(Either::Send(s));
    }
    if let Some(t) = v.downcast_ref::<PyAsyncGenAThrow>() {
        return Ok(Either::Throw(t));
    }
    Err(vm.new_type_error(format!(
        "descriptor '{what}' requires an async generator awaitable, not '{}'",
        v.class().name()
    )))
}

fn aw_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "send", 2)?;
    let r = match either(vm, &a[0], "send")? {
        Either::Send(s) => s.send(vm, a[1].clone()),
        Either::Throw(t) => t.send(vm, a[1].clone()),
    };
    step_result(vm, r)
}

fn aw_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__next__", 1)?;
    let r = match either(vm, &a[0], "__next__")? {
        Either::Send(s) => s.send(vm, none()),
        Either::Throw(t) => t.send(vm, none()),
    };
    step_result(vm, r)
}

fn aw_throw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kwargs(vm, "throw")?;
    let Some((this, rest)) = a.pos.split_first() else {
        return Err(vm.new_type_error("descriptor 'throw' needs an argument"));
    };
    let this = either(vm, this, "throw")?;
    if rest.is_empty() || rest.len() > 3 {
        return Err(arg_count_error(vm, "throw", rest.len()));
    }
    let r = match this {
        Either::Send(s) => s.throw(vm, rest),
        Either::Throw(t) => t.throw(vm, rest),
    };
    step_result(vm, r)
}

fn aw_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "close", 1)?;
    match either(vm, &a[0], "close")? {
        Either::Send(s) => s.set_state(AwState::Closed),
        Either::Throw(t) => t.set_state(AwState::Closed),
    }
    Ok(none())
}

fn aw_self(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__await__", 1)?;
    either(vm, &a[0], "__await__")?;
    Ok(a[0].clone())
}

pub(crate) fn install() {
    use crate::function::native::add_methods;
    let object = crate::types::builtin_types().object;
    for (cell, name) in [(&ASEND_TYPE, "async_generator_asend"), (&ATHROW_TYPE, "async_generator_athrow")] {
        let t = if std::ptr::eq(cell, &ASEND_TYPE) {
            PyType::new_builtin::<PyAsyncGenASend>(name, Some(object), 0, false)
        } else {
            PyType::new_builtin::<PyAsyncGenAThrow>(name, Some(object), 0, false)
        };
        t.set_dict(crate::types::dict::PyDict::new_ref());
        t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
        add_methods(
            &t,
            &[
                ("send", aw_send),
                ("throw", aw_throw),
                ("close", aw_close),
                ("__await__", aw_self),
                ("__iter__", aw_self),
                ("__next__", aw_next),
            ],
        );
        crate::types::async_generator::forbid_new(&t);
        cell.set(t);
    }
}
