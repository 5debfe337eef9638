//! Generators.
//!
//! A suspended generator owns a heap copy of its frame window (fast locals
//! and operand stack). Resuming moves the window onto the thread's value
//! stack, pushes an entry frame and runs the dispatch loop; `YIELD_VALUE`
//! leaves the loop and the window moves back. So a generator can be resumed
//! by any thread, one at a time ("generator already executing" otherwise).

use skein_compiler::bytecode::Opcode;

use crate::function::args::Args;
use crate::function::PyFunction;
use crate::interp::eval::FrameExit;
use crate::interp::frame::{Frame, Suspended};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::{e_get_attr, exc};
use crate::types::iterators::NativeIterator;
use crate::types::singletons::none;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub static GENERATOR_TYPE: TypeCell = TypeCell::new();
pub static COROUTINE_TYPE: TypeCell = TypeCell::new();
pub static ASYNC_GENERATOR_TYPE: TypeCell = TypeCell::new();

struct GenState {
    window: Vec<Option<Value>>,
    pc: usize,
    lasti: usize,
    started: bool,
    running: bool,
    finished: bool,
    yield_from: bool,
    /// The generator's own `sys.exc_info()` while suspended.
    exc_state: Option<Value>,
    /// Its frame object (`gi_frame`), made on first use
    /// (`interp/frame_object.rs`).
    frame_obj: Option<Value>,
}

pub struct PyGenerator {
    pub func: PyRef<PyFunction>,
    state: Locked<GenState>,
    pub name: Locked<Value>,
    pub qualname: Locked<Value>,
    /// An async generator's own state (`types/async_generator.rs`); `None`
    /// for generators and coroutines.
    pub(crate) ag: Option<Box<crate::types::async_generator::AgState>>,
}

impl PyPayload for PyGenerator {
    fn class() -> &'static PyRef<PyType> {
        GENERATOR_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func.to_value());
        visit(&self.name.lock());
        visit(&self.qualname.lock());
        let s = self.state.lock();
        s.window.iter().flatten().for_each(&mut *visit);
        if let Some(e) = &s.exc_state {
            visit(e);
        }
        if let Some(f) = &s.frame_obj {
            visit(f);
        }
        drop(s);
        if let Some(ag) = &self.ag {
            ag.traverse(visit);
        }
    }
}

pub fn new_generator(func: PyRef<PyFunction>, window: Vec<Option<Value>>) -> Value {
    let name = func.name.lock().clone();
    let qualname = func.qualname.lock().clone();
    let flags = func.code.co.flags;
    use skein_compiler::bytecode::CodeFlags;
    let cls = if flags.has(CodeFlags::COROUTINE) {
        COROUTINE_TYPE.get()
    } else if flags.has(CodeFlags::ASYNC_GENERATOR) {
        ASYNC_GENERATOR_TYPE.get()
    } else {
        GENERATOR_TYPE.get()
    };
    PyRef::new_with_type(
        PyGenerator {
            func,
            state: Locked::new(GenState {
                window,
                pc: 0,
                lasti: 0,
                started: false,
                running: false,
                finished: false,
                yield_from: false,
                exc_state: None,
                frame_obj: None,
            }),
            name: Locked::new(name),
            qualname: Locked::new(qualname),
            ag: flags.has(CodeFlags::ASYNC_GENERATOR).then(Default::default),
        },
        cls,
    )
    .into_value()
}

/// `GET_AWAITABLE`: a coroutine awaits as itself; other objects through
/// `__await__`, which must return an iterator.
pub fn get_awaitable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.class().is(COROUTINE_TYPE.get()) {
        return Ok(v.clone());
    }
    let Some(f) = v.class().lookup("__await__") else {
        return Err(vm.new_type_error(format!("object {} can't be used in 'await' expression", v.class().name())));
    };
    let it = vm.call_unbound(&f, v, &[v.clone()])?;
    if it.class().is(COROUTINE_TYPE.get()) || it.class().lookup("__next__").is_none() {
        return Err(vm.new_type_error(format!("__await__() returned non-iterator of type '{}'", it.class().name())));
    }
    Ok(it)
}

/// Marks a generator whose frame returned or raised as finished.
pub fn finish(g: &Value) {
    if let Some(gen) = g.downcast_ref::<PyGenerator>() {
        let old = {
            let mut s = gen.state.lock();
            s.finished = true;
            s.running = false;
            std::mem::take(&mut s.window)
        };
        drop(old);
    }
}

/// A frame entered by [`PyGenerator::enter_inline`] returned or raised
/// (already popped, its values gone): the generator is finished and the
/// caller's handled exception comes back. An escaping `StopIteration`
/// becomes a `RuntimeError`, as in `resume`.
pub(crate) fn finish_inline(vm: &mut Vm, frame: &mut Frame, err: Option<PyErr>) -> Option<PyErr> {
    if let Some(g) = &frame.generator {
        finish(g);
    }
    let gen_exc = std::mem::replace(&mut vm.handled, frame.saved_handled.take());
    drop(gen_exc);
    Some(escaping_error(vm, err?))
}

/// `RETURN_VALUE` of a frame entered by [`PyGenerator::enter_inline`] or
/// [`PyGenerator::enter_inline_send`] (already popped, its values gone):
/// the generator is finished and the caller, now on top, goes on at the
/// frame's `exit_pc`. A `FOR_ITER` caller drops its iterator and ignores
/// the value; a `SEND` caller keeps its receiver and gets the value (the
/// result of `yield from`). Which one it was is the instruction the caller
/// is executing (its `lasti`).
pub(crate) fn return_inline(vm: &mut Vm, mut frame: Frame, v: Value) {
    finish_inline(vm, &mut frame, None);
    let caller = vm.frames.top();
    let send = caller.code().instrs.get(caller.lasti).is_some_and(|i| i.op == Opcode::SEND);
    if send {
        vm.frames.values.truncate(frame.ret_sp);
        vm.frames.push_op(Some(v));
    } else {
        vm.frames.values.truncate(frame.ret_sp - 1);
        drop(v);
    }
    vm.frames.top_mut().pc = frame.exit_pc;
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

impl PyGenerator {
    /// "generator", "coroutine" or "async generator", for messages.
    pub fn kind(&self) -> &'static str {
        use skein_compiler::bytecode::CodeFlags;
        let flags = self.func.code.co.flags;
        if self.ag.is_some() {
            "async generator"
        } else if flags.has(CodeFlags::COROUTINE) {
            "coroutine"
        } else {
            "generator"
        }
    }

    pub fn is_finished(&self) -> bool {
        self.state.lock().finished
    }

    pub fn is_running(&self) -> bool {
        self.state.lock().running
    }

    /// Paused at a `yield` (`gi_suspended`): started, not running, not done.
    pub fn is_suspended(&self) -> bool {
        let s = self.state.lock();
        s.started && !s.running && !s.finished
    }

    /// Whether it ever ran (a coroutine that never did was never awaited).
    pub fn was_started(&self) -> bool {
        self.state.lock().started
    }

    /// Marks it finished without running it, dropping its frame's values.
    pub fn mark_finished(&self) {
        let old = {
            let mut s = self.state.lock();
            s.finished = true;
            std::mem::take(&mut s.window)
        };
        drop(old);
    }

    /// Whether dropping it must run its finalizer (CPython's
    /// `_PyGen_Finalize`): suspended where `close()` runs code -- inside a
    /// `try`/`with` (an exception-table entry covers the suspension point,
    /// where `close` raises `GeneratorExit`) -- or, for a coroutine, never started (the "never
    /// awaited" warning). Elsewhere `close()` would only finish it, which
    /// dropping does anyway.
    pub fn needs_finalizer(&self, coroutine: bool) -> bool {
        let s = self.state.lock();
        if s.finished || s.running {
            return false;
        }
        // An async generator whose event loop installed a finalizer hook
        // hands itself to the hook, started or not.
        if self.ag.as_ref().is_some_and(|ag| ag.wants_finalizer_hook()) {
            return true;
        }
        if !s.started {
            return coroutine;
        }
        // `resume` raises a thrown exception at `pc - 1` (the yield; in a
        // `yield from` that always has the CLEANUP_THROW handler, which
        // closes the sub-iterator).
        self.func.code.co.handler_for(s.pc.saturating_sub(1) as u32).is_some()
    }

    /// Where the suspended frame is (`gi_frame.f_lasti`).
    pub fn suspended_at(&self) -> usize {
        self.state.lock().lasti
    }

    /// Its frame object, made on first use; the same object for the
    /// generator's whole life.
    pub fn frame_object(&self) -> Value {
        if let Some(f) = &self.state.lock().frame_obj {
            return f.clone();
        }
        let f = crate::interp::frame_object::for_generator(&self_value(self), &self.func.code, &self.func.globals);
        let mut s = self.state.lock();
        match &s.frame_obj {
            // Another thread made one meanwhile: there is only one.
            Some(existing) => existing.clone(),
            None => {
                s.frame_obj = Some(f.clone());
                f
            }
        }
    }

    /// A copy of the suspended frame's fast locals (for `f_locals`).
    pub fn locals_snapshot(&self) -> Vec<Option<Value>> {
        let n = self.func.code.nlocalsplus;
        let s = self.state.lock();
        s.window.iter().take(n).cloned().collect()
    }

    /// What a suspended `yield from`/`await` delegates to (`gi_yieldfrom`).
    pub fn yield_from_target(&self) -> Option<Value> {
        let s = self.state.lock();
        if s.yield_from && !s.running && !s.finished {
            s.window.last().cloned().flatten()
        } else {
            None
        }
    }

    /// Resumes with `sent` (or raises `throw` at the suspension point).
    pub fn resume(&self, vm: &mut Vm, this: &Value, sent: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
        // One lock for everything the resumption reads, its frame object
        // included (a resumption takes the generator's mutex once).
        let (mut window, pc, lasti, started, exc_state, frame_obj) = {
            let mut s = self.state.lock();
            if s.running {
                drop(s);
                return Err(vm.new_value_error(format!("{} already executing", self.kind())));
            }
            if s.finished {
                drop(s);
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(SendResult::Returned(none())),
                };
            }
            if !s.started && throw.is_none() && !sent.is_none() {
                drop(s);
                return Err(vm.new_type_error(format!("can't send non-None value to a just-started {}", self.kind())));
            }
            if !s.started && throw.is_some() {
                s.finished = true;
                let old = std::mem::take(&mut s.window);
                drop(s);
                drop(old);
                return Err(throw.unwrap_or_else(|| vm.new_runtime_error("unreachable")));
            }
            s.running = true;
            let started = s.started;
            s.started = true;
            (std::mem::take(&mut s.window), s.pc, s.lasti, started, s.exc_state.take(), s.frame_obj.clone())
        };
        if let Err(e) = vm.enter_call() {
            let mut s = self.state.lock();
            s.window = window;
            s.exc_state = exc_state;
            s.started = started;
            s.running = false;
            return Err(e);
        }
        let base = vm.frames.values.len();
        // Moves the values and keeps the buffer, which takes them back at
        // the next `yield`: no allocation per resumption.
        vm.frames.values.append(&mut window);
        // The sent value (None when throwing) goes on the stack either way,
        // as CPython's gen_send_ex2 does: a `yield from`'s throw handler
        // (CLEANUP_THROW) expects the receiver and the last sent value
        // below the exception; without it, it popped past the frame's base.
        if started {
            vm.frames.values.push(Some(sent));
        }
        // The record's `generator` makes its frame object
        // (`frame_object::materialize`) the generator's; `saved_handled` is
        // the caller's handled exception, for `Vm::current_handled` (the
        // local `saved_exc` below restores it).
        let lasti = if throw.is_some() { pc.saturating_sub(1) } else { lasti };
        let slots = vm.icache.slots(&self.func.code.cache_ids, self.func.code.co.n_cache_slots as usize);
        vm.frames.reserve_frame(base, &self.func.code);
        let handled = vm.handled.clone();
        vm.frames.push_generator_record(&self.func, this.clone(), base, slots, true, pc, lasti, handled, 0);
        if let Some(f) = frame_obj {
            let idx = vm.frames.frames.len() - 1;
            crate::interp::frame_object::attach(vm, idx, f);
        }
        let saved_exc = std::mem::replace(&mut vm.handled, exc_state);
        vm.pending_throw = throw;
        let r = vm.run_frame();
        vm.depth -= 1;
        let gen_exc = std::mem::replace(&mut vm.handled, saved_exc);
        match r {
            Ok(FrameExit::Yield(v)) => {
                // Released after the state lock (declared before it).
                let frame = vm.frames.pop_suspended();
                vm.frames.move_tail_into(base, &mut window);
                let mut s = self.state.lock();
                s.window = window;
                if let Some(f) = &frame {
                    s.pc = f.pc;
                    s.lasti = f.lasti;
                    s.yield_from = f.yield_from;
                }
                s.exc_state = gen_exc;
                s.running = false;
                Ok(SendResult::Yielded(v))
            }
            Ok(FrameExit::Return(v)) => {
                finish(this);
                Ok(SendResult::Returned(v))
            }
            Err(e) => {
                finish(this);
                Err(escaping_error(vm, e))
            }
        }
    }

    /// `FOR_ITER` over a generator: resumes it *inline*, as a frame of the
    /// caller's dispatch loop (no Rust recursion, no entry into a nested
    /// loop). Moves the window onto the value stack and pushes a frame with
    /// `is_entry == false` whose `YIELD_VALUE` hands the window back
    /// ([`PyGenerator::suspend_inline`]) and whose return or exception ends
    /// the generator ([`return_inline`], [`finish_inline`]). Returns false,
    /// having done nothing, when the generator is running or finished or
    /// the recursion limit is reached: the general path (`next`) reports
    /// those.
    pub(crate) fn enter_inline(&self, vm: &mut Vm, this: &Value, exit_pc: usize) -> bool {
        self.enter_inline_with(vm, this, exit_pc, none()).is_none()
    }

    /// `SEND` (`yield from`) to a generator, resumed inline as for
    /// `FOR_ITER`: the caller's `SEND` continues with the yielded value, and
    /// on return jumps to `exit_pc` with the return value. Gives `sent` back
    /// when it did nothing (see `enter_inline`; also a non-`None` value
    /// sent to a just-started generator, an error the general path raises).
    pub(crate) fn enter_inline_send(&self, vm: &mut Vm, this: &Value, exit_pc: usize, sent: Value) -> Option<Value> {
        self.enter_inline_with(vm, this, exit_pc, sent)
    }

    fn enter_inline_with(&self, vm: &mut Vm, this: &Value, exit_pc: usize, sent: Value) -> Option<Value> {
        if vm.depth + 1 > crate::interp::eval::recursion_limit() {
            return Some(sent);
        }
        let base = vm.frames.values.len();
        let (pc, lasti, exc_state, frame_obj) = {
            let mut s = self.state.lock();
            if s.running || s.finished || (!s.started && !sent.is_none()) {
                drop(s);
                return Some(sent);
            }
            s.running = true;
            // Moving the values out keeps the buffer in the generator, ready
            // for the window to come back at the next `yield`.
            vm.frames.values.append(&mut s.window);
            if s.started {
                vm.frames.values.push(Some(sent));
            }
            s.started = true;
            (s.pc, s.lasti, s.exc_state.take(), s.frame_obj.clone())
        };
        vm.depth += 1;
        let saved_handled = std::mem::replace(&mut vm.handled, exc_state);
        let slots = vm.icache.slots(&self.func.code.cache_ids, self.func.code.co.n_cache_slots as usize);
        vm.frames.reserve_frame(base, &self.func.code);
        vm.frames.push_generator_record(
            &self.func,
            this.clone(),
            base,
            slots,
            false,
            pc,
            lasti,
            saved_handled,
            exit_pc,
        );
        if let Some(f) = frame_obj {
            let idx = vm.frames.frames.len() - 1;
            crate::interp::frame_object::attach(vm, idx, f);
        }
        None
    }

    /// `YIELD_VALUE` in a frame entered by [`PyGenerator::enter_inline`]
    /// (already popped): the window goes back to the generator.
    pub(crate) fn suspend_inline(&self, vm: &mut Vm, frame: &mut Suspended) {
        let gen_exc = std::mem::replace(&mut vm.handled, frame.saved_handled.take());
        let mut s = self.state.lock();
        vm.frames.move_tail_into(frame.base, &mut s.window);
        s.pc = frame.pc;
        s.lasti = frame.lasti;
        s.yield_from = frame.yield_from;
        s.exc_state = gen_exc;
        s.running = false;
    }

    /// `throw(e)`, delegating to a `yield from` sub-iterator first.
    pub fn throw(&self, vm: &mut Vm, this: &Value, e: PyErr) -> PyResult<SendResult> {
        self.throw_into(vm, this, e, true)
    }

    /// `throw(e)`; a `GeneratorExit` closes the delegated sub-iterator when
    /// `close_on_exit`, else it is thrown into it (an async generator's
    /// `aclose()`, CPython's `close_on_genexit = 0`).
    pub fn throw_into(&self, vm: &mut Vm, this: &Value, e: PyErr, close_on_exit: bool) -> PyResult<SendResult> {
        let sub = {
            let s = self.state.lock();
            if s.yield_from && !s.running && !s.finished {
                s.window.last().cloned().flatten()
            } else {
                None
            }
        };
        if let Some(sub) = sub {
            let is_exit = close_on_exit && vm.err_matches(&e, &exc().generator_exit);
            let r = if is_exit {
                match vm.get_attr_opt(&sub, "close")? {
                    Some(close) => vm.call(&close, &[]).map(|_| None),
                    None => Ok(None),
                }
            } else {
                match vm.get_attr_opt(&sub, "throw")? {
                    Some(t) => vm.call(&t, &[e.value()]).map(Some),
                    None => return self.resume(vm, this, none(), Some(e)),
                }
            };
            return match r {
                Ok(Some(v)) => Ok(SendResult::Yielded(v)),
                Ok(None) => self.resume(vm, this, none(), Some(e_clone(&e))),
                Err(e2) => self.resume(vm, this, none(), Some(e2)),
            };
        }
        self.resume(vm, this, none(), Some(e))
    }

    /// `close()`.
    pub fn close(&self, vm: &mut Vm, this: &Value) -> PyResult<()> {
        {
            let s = self.state.lock();
            if s.finished || !s.started {
                drop(s);
                finish(this);
                return Ok(());
            }
        }
        let e = vm.new_exception_empty(&exc().generator_exit);
        match self.throw(vm, this, e) {
            Ok(SendResult::Yielded(_)) => Err(vm.new_runtime_error(format!("{} ignored GeneratorExit", self.kind()))),
            // CPython's gen_send_ex reports an async generator's return as
            // StopAsyncIteration, which close() does not swallow.
            Ok(SendResult::Returned(_)) if self.ag.is_some() => {
                Err(vm.new_exception_empty(&exc().stop_async_iteration))
            }
            Ok(SendResult::Returned(_)) => Ok(()),
            Err(e) if vm.err_matches(&e, &exc().generator_exit) || vm.err_matches(&e, &exc().stop_iteration) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

fn e_clone(e: &PyErr) -> PyErr {
    PyErr(e.0.clone())
}

impl NativeIterator for PyGenerator {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        // `this` is only needed to mark the frame; rebuild it from self.
        let this = self_value(self);
        match self.resume(vm, &this, none(), None)? {
            SendResult::Yielded(v) => Ok(Some(v)),
            SendResult::Returned(_) => Ok(None),
        }
    }
}

fn self_value(g: &PyGenerator) -> Value {
    crate::object::alloc::value_of_payload(g)
}

/// `SEND`: one step of `yield from` / `await` on any receiver.
pub fn send_to(vm: &mut Vm, receiver: &Value, v: Value) -> PyResult<SendResult> {
    if let Some(g) = receiver.downcast_ref::<PyGenerator>() {
        return g.resume(vm, receiver, v, None);
    }
    // `await agen.asend(v)`: no StopIteration made per item.
    let v = match crate::types::async_generator_awaitables::send_direct(vm, receiver, v) {
        Ok(r) => return r,
        Err(v) => v,
    };
    if v.is_none() {
        if let Some(n) = crate::types::iterators::as_native_iterator(receiver) {
            return Ok(match n.next(vm)? {
                Some(x) => SendResult::Yielded(x),
                None => SendResult::Returned(none()),
            });
        }
        let r = vm.call_special(receiver, "__next__", &[]);
        return stop_to_return(vm, r);
    }
    let r = vm.call_method(receiver, "send", &[v]).map(Some);
    stop_to_return(vm, r)
}

fn stop_to_return(vm: &mut Vm, r: PyResult<Option<Value>>) -> PyResult<SendResult> {
    match r {
        Ok(Some(x)) => Ok(SendResult::Yielded(x)),
        Ok(None) => Err(vm.new_type_error("object is not an iterator")),
        Err(e) if vm.err_matches(&e, &exc().stop_iteration) => {
            Ok(SendResult::Returned(e_get_attr(&e.0, "value").unwrap_or_else(none)))
        }
        Err(e) => Err(e),
    }
}

fn gen_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyGenerator> {
    match v.downcast_ref::<PyGenerator>() {
        Some(g) => Ok(g),
        None => Err(vm.new_type_error("descriptor requires a 'generator' object")),
    }
}

fn result_or_stop(vm: &mut Vm, r: SendResult) -> PyResult<Value> {
    match r {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(vm.new_stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn gen_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__iter__", 1)?;
    Ok(a[0].clone())
}

fn gen_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__next__", 1)?;
    let g = gen_of(vm, &a[0])?;
    let r = g.resume(vm, &a[0], none(), None)?;
    result_or_stop(vm, r)
}

fn gen_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "send", 2)?;
    let g = gen_of(vm, &a[0])?;
    let r = g.resume(vm, &a[0], a[1].clone(), None)?;
    result_or_stop(vm, r)
}

fn gen_throw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.range(vm, "throw", 2, 4)?;
    let g = gen_of(vm, &a[0])?;
    let e = crate::types::async_generator::throw_args_to_err(vm, &a[1..])?;
    let r = g.throw(vm, &a[0], e)?;
    result_or_stop(vm, r)
}

fn gen_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "close", 1)?;
    let g = gen_of(vm, &a[0])?;
    g.close(vm, &a[0])?;
    Ok(none())
}

fn coro_await(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "__await__", 1)?;
    Ok(a[0].clone())
}

fn gen_suspended(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::types::singletons::bool_value(gen_of(vm, v)?.is_suspended()))
}

/// The coroutine type: a generator-like object driven by `await`.
pub(crate) fn add_coroutine_methods(t: &PyRef<PyType>) {
    crate::function::descriptors::add_getset(t, "cr_suspended", gen_suspended, None);
    crate::function::native::add_methods(
        t,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__await__", coro_await),
            ("__next__", gen_next),
        ],
    );
}

pub(crate) fn add_generator_methods(t: &PyRef<PyType>) {
    crate::function::descriptors::add_getset(t, "gi_suspended", gen_suspended, None);
    crate::function::native::add_methods(
        t,
        &[
            ("__iter__", gen_iter),
            ("__next__", gen_next),
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
        ],
    );
}

/// The error a generator's caller sees when `e` escapes the generator's
/// frame: a `StopIteration` becomes `RuntimeError` (PEP 479), chained to it.
fn escaping_error(vm: &mut Vm, e: PyErr) -> PyErr {
    if !vm.err_matches(&e, &exc().stop_iteration) {
        return e;
    }
    let err = vm.new_runtime_error("generator raised StopIteration");
    err.0.set_cause(Some(e.value()));
    err.0.set_context(Some(e.value()));
    err
}
