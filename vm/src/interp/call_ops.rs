//! `CALL` of a Python function inside the dispatch loop.
//!
//! The operands of `CALL argc` are `[NULL, function, args...]` or, after a
//! method-form `LOAD_ATTR`, `[function, self, args...]` (the receiver is the
//! first argument, so no bound method object is made). When the function's
//! parameters bind by position (`PyCode::simple_args`) and no keywords are
//! passed, the arguments already sit where the callee's first fast locals
//! go: the frame's window starts at the first argument, the remaining
//! locals are filled with unbound slots, and the record takes over the
//! stack's reference to the function (CPython 3.11's `CALL_PY_EXACT_ARGS`
//! does the same). Nothing is copied, counted or allocated per call apart
//! from the frame record itself; the caller's dispatch loop continues with
//! the callee's first instruction.

use skein_compiler::bytecode::Opcode;
use smallvec::SmallVec;

use crate::function::args::Args;
use crate::function::method::PyBoundMethod;
use crate::function::PyFunction;
use crate::intern::StaticName;
use crate::interp::bind_inplace;
use crate::interp::eval::is_generator_code;
use crate::interp::inline_cache::{cached_value, Entry};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::str::STR_TYPE;
use crate::types::tuple::{PyTuple, TUPLE_TYPE};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Pushes the frame for `CALL argc` (no keyword names) when the
    /// callable is a Python function that binds its arguments by position
    /// (or a bound method of one, or a class whose instances are made by
    /// `object.__new__` and such an `__init__`), saving `pc` as the
    /// caller's resume point. `Ok(false)` (nothing changed) for every other
    /// callable or signature; an error when the recursion limit is reached.
    #[inline(always)]
    pub(crate) fn push_py_call(&mut self, fidx: usize, argc: usize, pc: usize) -> PyResult<bool> {
        let len = self.frames.values.len();
        let callable_idx = len - argc - 2;
        let fslot = callable_idx + self.frames.values[callable_idx].is_none() as usize;
        let Some(f) = self.frames.values[fslot].as_ref().and_then(|v| v.downcast_ref::<PyFunction>()) else {
            if fslot == callable_idx {
                return self.push_exit_call(fidx, callable_idx, pc);
            }
            return self.push_other_call(fidx, callable_idx, pc);
        };
        if len - fslot - 1 != f.code.fast_argcount as usize {
            return self.push_call_with_defaults(fidx, callable_idx, fslot, pc);
        }
        self.enter_frame(fidx, callable_idx, fslot, pc)?;
        Ok(true)
    }

    /// `push_py_call` for a function called with fewer positional
    /// arguments than it has parameters (trailing defaults fill the rest).
    #[inline(never)]
    fn push_call_with_defaults(&mut self, fidx: usize, callable_idx: usize, fslot: usize, pc: usize) -> PyResult<bool> {
        let nargs = self.frames.values.len() - fslot - 1;
        let Some(f) = self.frames.values[fslot].as_ref().and_then(|v| v.downcast_ref::<PyFunction>()) else {
            return Ok(false);
        };
        let plan = plan_call(f, nargs);
        self.enter_planned(fidx, callable_idx, fslot, plan, &[], pc)
    }

    /// `push_py_call` for `[NULL, callable, args...]` when the callable is
    /// not a function: a bound method or a class.
    #[inline(never)]
    fn push_other_call(&mut self, fidx: usize, callable_idx: usize, pc: usize) -> PyResult<bool> {
        let values = &mut self.frames.values;
        let nargs = values.len() - callable_idx - 2;
        let callable = values[callable_idx + 1].as_ref();
        if let Some(m) = callable.and_then(|v| v.downcast_ref::<PyBoundMethod>()) {
            // `[function, self, args...]`: the method form.
            let Some(f) = m.function.downcast_ref::<PyFunction>() else { return Ok(false) };
            let plan = plan_call(f, nargs + 1);
            let (function, receiver) = (m.function.clone(), m.receiver.clone());
            values[callable_idx] = Some(function);
            values[callable_idx + 1] = Some(receiver);
            // The stack now holds the method form `[function, self, args...]`.
            return self.enter_planned(fidx, callable_idx, callable_idx, plan, &[], pc);
        }
        if let Some(call) = callable.and_then(dunder_call) {
            // `obj(args...)` is `type(obj).__call__(obj, args...)`: the
            // method form again, the instance as `self`.
            let Some(f) = call.downcast_ref::<PyFunction>() else { return Ok(false) };
            let plan = plan_call(f, nargs + 1);
            values[callable_idx] = Some(call);
            return self.enter_planned(fidx, callable_idx, callable_idx, plan, &[], pc);
        }
        self.push_init_call(fidx, callable_idx, &[], pc)
    }

    /// `push_py_call` for `[callable, args...]` without a NULL marker and
    /// a callable that is not a function: what a `with` block's exit
    /// compiles to (`[bound __exit__, None, None, None]`). A bound method of
    /// a Python function gets its receiver inserted after it, which makes
    /// the method form `[function, self, args...]`. `Ok(false)`, nothing
    /// changed, for anything else.
    #[inline(never)]
    fn push_exit_call(&mut self, fidx: usize, callable_idx: usize, pc: usize) -> PyResult<bool> {
        let values = &mut self.frames.values;
        let Some(m) = values[callable_idx].as_ref().and_then(|v| v.downcast_ref::<PyBoundMethod>()) else {
            return Ok(false);
        };
        let Some(f) = m.function.downcast_ref::<PyFunction>() else { return Ok(false) };
        if is_generator_code(&f.code) {
            return Ok(false);
        }
        let nargs = values.len() - callable_idx;
        let plan = plan_call(f, nargs);
        let (function, receiver) = (m.function.clone(), m.receiver.clone());
        values[callable_idx] = Some(function);
        values.insert(callable_idx + 1, Some(receiver));
        self.enter_planned(fidx, callable_idx, callable_idx, plan, &[], pc)
    }

    /// `cls(args...)` for `[NULL, cls, args...]` when `cls` is made by
    /// `object.__new__` and a Python `__init__`
    /// (`type_call::plain_python_init`): the instance is made here and the
    /// initialiser runs as an inline method frame. The instance also waits
    /// in the slot the function leaves, at the caller's `ret_sp`, and is
    /// the call's result (`RETURN_VALUE` checks that `__init__` returned
    /// `None`). `Ok(false)`, nothing changed, for any other callable.
    fn push_init_call(&mut self, fidx: usize, callable_idx: usize, kwnames: &[Value], pc: usize) -> PyResult<bool> {
        let values = &mut self.frames.values;
        let nargs = values.len() - callable_idx - 2;
        let Some(cls) = values[callable_idx + 1].as_ref().and_then(|v| v.downcast::<PyType>()) else {
            return Ok(false);
        };
        let Some(init) = class_init(&self.frames.frames[fidx], pc, &cls) else { return Ok(false) };
        let Some(f) = init.downcast_ref::<PyFunction>() else { return Ok(false) };
        if is_generator_code(&f.code) {
            return Ok(false);
        }
        let values = &mut self.frames.values;
        let plan = if kwnames.is_empty() { plan_call(f, nargs + 1) } else { Plan::Bind };
        let obj = PyRef::new_with_type((), &cls).into_value();
        values[callable_idx] = Some(init);
        values[callable_idx + 1] = Some(obj.clone());
        if !self.enter_planned(fidx, callable_idx, callable_idx, plan, kwnames, pc)? {
            return Err(lost_function(self));
        }
        self.frames.values[callable_idx] = Some(obj);
        self.frames.top_mut().returns_instance = true;
        Ok(true)
    }

    /// `CALL argc` after `KW_NAMES` (the keyword names `kwnames`, whose
    /// values are the last operands): a Python function, a bound method of
    /// one or a plain class with a Python `__init__` runs as an inline
    /// frame, its arguments bound by [`Vm::push_bound_call`]. `Ok(false)`,
    /// nothing changed, for any other callable.
    #[inline(never)]
    pub(crate) fn push_kw_call(&mut self, fidx: usize, argc: usize, kwnames: &Value, pc: usize) -> PyResult<bool> {
        let Some(kwnames) = kwnames.as_tuple() else { return Ok(false) };
        let callable_idx = self.frames.values.len() - argc - 2;
        self.push_call_with_kwnames(fidx, callable_idx, kwnames, pc)
    }

    /// [`Vm::push_kw_call`] for the call whose slots start at
    /// `callable_idx`.
    fn push_call_with_kwnames(
        &mut self,
        fidx: usize,
        callable_idx: usize,
        kwnames: &[Value],
        pc: usize,
    ) -> PyResult<bool> {
        let values = &mut self.frames.values;
        let fslot = callable_idx + values[callable_idx].is_none() as usize;
        let callable = values[fslot].as_ref();
        if callable.and_then(|v| v.downcast_ref::<PyFunction>()).is_some() {
            return self.push_bound_call(fidx, callable_idx, fslot, kwnames, pc);
        }
        if fslot == callable_idx {
            return Ok(false);
        }
        if let Some(m) = callable.and_then(|v| v.downcast_ref::<PyBoundMethod>()) {
            if m.function.downcast_ref::<PyFunction>().is_none() {
                return Ok(false);
            }
            let (function, receiver) = (m.function.clone(), m.receiver.clone());
            values[callable_idx] = Some(function);
            values[callable_idx + 1] = Some(receiver);
            return self.push_bound_call(fidx, callable_idx, callable_idx, kwnames, pc);
        }
        if let Some(call) = callable.and_then(dunder_call) {
            values[callable_idx] = Some(call);
            return self.push_bound_call(fidx, callable_idx, callable_idx, kwnames, pc);
        }
        self.push_init_call(fidx, callable_idx, kwnames, pc)
    }

    /// `CALL_FUNCTION_EX` (`[NULL, callable, args, kwargs?]`) with an
    /// argument tuple and, when `has_kwargs`, a dict with `str` keys (the
    /// one `DICT_MERGE` built), for a callable that [`runs_inline`]: the
    /// tuple's items and the dict's values are laid out as the operands of
    /// a `CALL` and the frame is pushed as for one (no argument tuple or
    /// dict is passed on, no nested dispatch loop). `Ok(false)`, nothing
    /// changed, for anything else.
    #[inline(never)]
    pub(crate) fn push_ex_call(&mut self, fidx: usize, has_kwargs: bool, pc: usize) -> PyResult<bool> {
        let values = &mut self.frames.values;
        let len = values.len();
        let args_idx = len - 1 - has_kwargs as usize;
        let callable_idx = args_idx - 2;
        if values[callable_idx].is_some() || !values[callable_idx + 1].as_ref().is_some_and(runs_inline) {
            return Ok(false);
        }
        // A tuple subclass may iterate differently: the generic path.
        if !values[args_idx].as_ref().is_some_and(|v| v.is_exact(TUPLE_TYPE.get())) {
            return Ok(false);
        }
        let mut kwnames: SmallVec<[Value; 8]> = SmallVec::new();
        let mut kwvalues: SmallVec<[Value; 8]> = SmallVec::new();
        if has_kwargs {
            let Some(d) = values[len - 1].as_ref().and_then(|v| v.downcast_ref::<PyDict>()) else { return Ok(false) };
            // Read under the dict's lock (no snapshot vector of pairs).
            let t = d.lock();
            for e in t.iter() {
                if !e.key.is_exact(STR_TYPE.get()) {
                    return Ok(false);
                }
                kwnames.push(e.key.clone());
                kwvalues.push(e.value.clone());
            }
            drop(t);
            values.pop();
        }
        let Some(args) = values.pop().flatten() else { return Ok(false) };
        let Some(items) = args.as_tuple() else { return Ok(false) };
        values.extend(items.iter().cloned().map(Some));
        values.extend(kwvalues.into_iter().map(Some));
        let pushed = if kwnames.is_empty() {
            let argc = self.frames.values.len() - callable_idx - 2;
            self.push_py_call(fidx, argc, pc)?
        } else {
            self.push_call_with_kwnames(fidx, callable_idx, &kwnames, pc)?
        };
        if !pushed {
            // `runs_inline` said it would: the stack no longer has the
            // shape the generic path expects.
            return Err(lost_function(self));
        }
        Ok(true)
    }

    /// Pushes the frame of the function in `values[fslot]` with the
    /// arguments `values[fslot + 1..]`, the last `kwnames.len()` of them
    /// keyword arguments, bound by the generic binder into the callee's
    /// window in place of the arguments; the frame returns to
    /// `callable_idx`. A binding error leaves the call's slots cut at the
    /// arguments (the function's slot unbound) and pushes nothing.
    /// `Ok(false)`, nothing changed, when the slot holds no function or a
    /// generator's (calling it makes a generator object instead).
    #[inline(never)]
    pub(crate) fn push_bound_call(
        &mut self,
        fidx: usize,
        callable_idx: usize,
        fslot: usize,
        kwnames: &[Value],
        pc: usize,
    ) -> PyResult<bool> {
        match self.frames.values[fslot].as_ref().and_then(|v| v.downcast_ref::<PyFunction>()) {
            Some(f) if !is_generator_code(&f.code) => {}
            _ => return Ok(false),
        }
        let Some(func) = self.frames.take_function(fslot) else { return Ok(false) };
        let base = fslot + 1;
        let npos = self.frames.values.len() - base - kwnames.len();
        if !bind_inplace::bind_in_place(self, &func, base, npos, kwnames) {
            self.bind_generic(&func, base, kwnames)?;
        }
        self.enter_call()?;
        self.frames.frames[fidx].pc = pc;
        let slots = self.icache.slots(&func.code.cache_ids, func.code.co.n_cache_slots as usize);
        self.frames.push_function_record(func, base, slots, callable_idx);
        Ok(true)
    }

    /// The generic binder for [`Vm::push_bound_call`]: raises CPython's
    /// `TypeError` for arguments that do not bind (the only calls that get
    /// here, unless the signature is beyond what a plan tracks), else
    /// leaves the bound window at `base`.
    #[cold]
    #[inline(never)]
    fn bind_generic(&mut self, func: &PyFunction, base: usize, kwnames: &[Value]) -> PyResult<()> {
        let mut argv: SmallVec<[Value; 8]> = SmallVec::new();
        self.frames.drain_operands_into(base, &mut argv);
        let npos = argv.len() - kwnames.len();
        let mut window: SmallVec<[Option<Value>; 16]> = (0..func.code.nlocalsplus).map(|_| None).collect();
        let args = Args { pos: &argv[..npos], kwnames, kwvalues: &argv[npos..] };
        crate::interp::bind::bind_arguments(self, func, args, &mut window)?;
        drop(argv);
        self.frames.values.extend(window);
        self.frames.enter_window(base, &func.code);
        Ok(())
    }

    /// Pushes the frame of the function in `values[fslot]` (arguments
    /// from `fslot + 1`, the last `kwnames.len()` of them keyword values;
    /// the frame returns to `callable_idx`) as [`plan_call`] planned:
    /// positional arguments that bind as they lie (after appending the
    /// trailing defaults, if the plan says so) enter the frame directly;
    /// anything else binds through [`Vm::push_bound_call`], whose
    /// `Ok(false)` this passes on.
    fn enter_planned(
        &mut self,
        fidx: usize,
        callable_idx: usize,
        fslot: usize,
        plan: Plan,
        kwnames: &[Value],
        pc: usize,
    ) -> PyResult<bool> {
        let ready = match plan {
            Plan::AsIs => true,
            Plan::Defaults(need) => {
                let values = &mut self.frames.values;
                match values[fslot]
                    .as_ref()
                    .and_then(|v| v.downcast_ref::<PyFunction>())
                    .map(|f| f.defaults.lock().clone())
                {
                    Some(Some(d)) => push_trailing_defaults(values, &d, need),
                    _ => false,
                }
            }
            Plan::Bind => false,
        };
        if !ready {
            return self.push_bound_call(fidx, callable_idx, fslot, kwnames, pc);
        }
        self.enter_frame(fidx, callable_idx, fslot, pc)?;
        Ok(true)
    }

    /// Pushes the frame of the function in `values[fslot]`, whose
    /// arguments (all of them) start at `fslot + 1`; the frame returns to
    /// `callable_idx`.
    #[inline(always)]
    fn enter_frame(&mut self, fidx: usize, callable_idx: usize, fslot: usize, pc: usize) -> PyResult<()> {
        self.enter_call()?;
        let Some(func) = self.frames.take_function(fslot) else {
            self.depth -= 1;
            return Err(lost_function(self));
        };
        let base = fslot + 1;
        self.frames.enter_window(base, &func.code);
        self.frames.frames[fidx].pc = pc;
        let slots = self.icache.slots(&func.code.cache_ids, func.code.co.n_cache_slots as usize);
        self.frames.push_function_record(func, base, slots, callable_idx);
        Ok(())
    }
}

/// `type_call::plain_python_init(cls)` for the `CALL` that `frame` runs
/// (resuming at `pc`), remembered in the instruction's inline cache while
/// the class keeps its version (any change to its dict or a base's moves
/// it) when `__init__` is immortal (defined in a class body), so that
/// making an instance does not look up `__new__` and `__init__` each time.
fn class_init(frame: &crate::interp::frame::Frame, pc: usize, cls: &PyRef<PyType>) -> Option<Value> {
    if !crate::types::type_call::may_have_plain_init(cls) {
        return None;
    }
    // `CALL`'s cache unit, the last of the instruction (`CALL_FUNCTION_EX`
    // has none: no caching).
    let unit = frame.code().instrs.get(pc.wrapping_sub(1)).filter(|d| d.op == Opcode::CACHE);
    let Some(slot) = unit.map(|d| d.arg as usize) else { return crate::types::type_call::plain_python_init(cls) };
    let version = cls.version();
    if let Entry::Init { type_version, init } = frame.slots.get(slot, 0) {
        if type_version == version {
            return Some(cached_value(init));
        }
    }
    let init = crate::types::type_call::plain_python_init(cls)?;
    if let Some(word) = init.immortal_word() {
        frame.slots.set(slot, 0, Entry::Init { type_version: version, init: word });
    }
    Some(init)
}

/// The `__call__` of an instance of a class defined in Python, when it is
/// a Python function that runs as a frame (not a generator's); classes
/// themselves are called through their metaclass (`push_init_call`).
fn dunder_call(v: &Value) -> Option<Value> {
    let t = v.class();
    if !t.is_heap_type() || v.downcast_ref::<PyType>().is_some() {
        return None;
    }
    let call = t.lookup_value(crate::intern::names::CALL.get())?;
    let f = call.downcast_ref::<PyFunction>()?;
    (!is_generator_code(&f.code)).then_some(call)
}

static ENTER: StaticName = StaticName::new("__enter__");
static EXIT: StaticName = StaticName::new("__exit__");

/// `type(mgr).__enter__` and `type(mgr).__exit__` for `BEFORE_WITH`.
pub(crate) fn with_methods(ty: &PyType) -> (Option<Value>, Option<Value>) {
    (ty.lookup_value(ENTER.get()), ty.lookup_value(EXIT.get()))
}

/// Whether `CALL` pushes an inline frame for `callable` whatever its
/// arguments (the binder then reports bad ones): a Python function, a
/// bound method of one, or a class made by `object.__new__` and a Python
/// `__init__`; never for generators' code.
fn runs_inline(callable: &Value) -> bool {
    let function = |v: &Value| v.downcast_ref::<PyFunction>().is_some_and(|f| !is_generator_code(&f.code));
    if let Some(m) = callable.downcast_ref::<PyBoundMethod>() {
        return function(&m.function);
    }
    if let Some(cls) = callable.downcast::<PyType>() {
        return crate::types::type_call::plain_python_init(&cls).is_some_and(|i| function(&i));
    }
    function(callable) || dunder_call(callable).is_some()
}

#[cold]
#[inline(never)]
fn lost_function(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_exception_msg(&exc().system_error, "lost the function of a call")
}

/// How `nargs` positional arguments of a call of `f` bind.
#[derive(Clone, Copy)]
enum Plan {
    /// As they lie: one for each parameter.
    AsIs,
    /// Followed by the last `n` values of `f.__defaults__`.
    Defaults(usize),
    /// Through the binder (`Vm::push_bound_call`).
    Bind,
}

/// The [`Plan`] for `nargs` positional arguments (and no keywords).
#[inline(always)]
fn plan_call(f: &PyFunction, nargs: usize) -> Plan {
    let code = &*f.code;
    if nargs == code.fast_argcount as usize {
        Plan::AsIs
    } else if code.simple_args && nargs < code.fast_argcount as usize {
        Plan::Defaults(code.fast_argcount as usize - nargs)
    } else {
        Plan::Bind
    }
}

/// Appends the last `need` values of `defaults` (a function's
/// `__defaults__`, read once: another thread may replace it meanwhile) to
/// `values`; `false`, nothing appended, when there are fewer (the binder
/// then reports the missing arguments).
#[inline]
fn push_trailing_defaults(values: &mut Vec<Option<Value>>, defaults: &PyTuple, need: usize) -> bool {
    let d = defaults.items();
    if d.len() < need {
        return false;
    }
    values.extend(d[d.len() - need..].iter().map(|v| Some(v.clone())));
    true
}

/// `RETURN_VALUE` of an `__init__` frame pushed for `cls(...)`: pops the
/// frame and gives the instance back, or the `TypeError` CPython raises
/// when `__init__` returned something else (reported at the caller's
/// `CALL`).
pub(crate) fn finish_init(vm: &mut Vm, result: Value) -> PyResult<Value> {
    let frame = vm.frames.top_mut();
    frame.returns_instance = false;
    let ret_sp = frame.ret_sp;
    let obj = vm.frames.values[ret_sp].take();
    let idx = vm.frames.frames.len() - 1;
    crate::interp::frame_object::retire(vm, idx);
    let popped = vm.frames.pop_plain_frame();
    debug_assert_eq!(popped, Some(false));
    vm.depth -= 1;
    if !result.is_none() {
        let t = result.class().name();
        return Err(vm.new_type_error(format!("__init__() should return None, not '{t}'")));
    }
    Ok(obj.unwrap_or_else(crate::types::singletons::none))
}
