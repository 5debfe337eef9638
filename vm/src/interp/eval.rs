//! The dispatch loop.
//!
//! `run_frame` executes the frame on top of the thread's frame stack (an
//! *entry* frame) until it returns or yields. Calls to Python functions push
//! a frame and continue in the same loop (no Rust recursion); returns pop it.
//! Hot state (instruction index, the code's instruction slice, constants,
//! names, the frame base) lives in locals of the inner loop. Errors leave the
//! inner loop through one path that consults the exception table, adds the
//! traceback entry and either jumps to a handler or unwinds the frame.

use skein_compiler::bytecode::{BinaryOp, CodeFlags, CompareOp, Intrinsic1, Opcode};

use crate::function::args::Args;
use crate::function::{PyCell, PyCode, PyFunction};
use crate::intern::intern;
use crate::interp::frame::{fetch, Frame};
use crate::object::PyRef;
use crate::protocol::compare::numeric_compare;
use crate::types::dict::PyDict;
use crate::types::exceptions::{exc, PyBaseException};
use crate::types::int::int_from_i64;
use crate::types::list::{new_list, PyList};
use crate::types::singletons::{bool_value, none};
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The keyword names of the `CALL` at `lasti`: the constant of the
/// `KW_NAMES` that the verifier placed right before it, if any (its last
/// unit carries the whole argument, see `function::decode_all`). Reading
/// them back here keeps them out of the dispatch loop's state.
#[inline(always)]
fn kw_names_before(code: &PyCode, lasti: usize) -> Option<Value> {
    match lasti.checked_sub(1).and_then(|i| code.instrs.get(i)) {
        Some(k) if k.op == Opcode::KW_NAMES => Some(code.const_value(k.arg as usize)),
        _ => None,
    }
}

/// How an entry frame left the loop.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

const DEFAULT_RECURSION_LIMIT: usize = 1000;
static RECURSION_LIMIT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(DEFAULT_RECURSION_LIMIT);

pub fn recursion_limit() -> usize {
    RECURSION_LIMIT.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn set_recursion_limit(n: usize) {
    RECURSION_LIMIT.store(n, std::sync::atomic::Ordering::Relaxed)
}

impl Vm {
    /// Pushes a frame for `func` whose fast locals start at `base` (already
    /// filled up to `nlocalsplus`).
    #[inline(always)]
    pub(crate) fn push_function_frame(&mut self, func: PyRef<PyFunction>, base: usize, is_entry: bool) {
        self.frames.reserve_frame(base, &func.code);
        let slots = self.icache.slots(&func.code.cache_ids, func.code.co.n_cache_slots as usize);
        self.frames.frames.push(Frame::for_function(func, base, slots, is_entry));
    }

    /// Checks and bumps the Python call depth.
    #[inline]
    pub(crate) fn enter_call(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > recursion_limit() {
            self.depth -= 1;
            return Err(self.new_exception_msg(&exc().recursion_error, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Calls a Python function from Rust: binds the arguments into a fresh
    /// window and runs it in a nested dispatch loop.
    pub fn call_python_function(&mut self, callable: &Value, f: &PyFunction, args: Args<'_>) -> PyResult<Value> {
        let func: PyRef<PyFunction> = match callable.downcast::<PyFunction>() {
            Some(func) => func,
            None => return Err(self.new_type_error("not a function")),
        };
        if args.pos.len() == f.code.fast_argcount as usize && !args.has_kwargs() {
            return self.run_function_positional(func, args.pos);
        }
        let n = f.code.nlocalsplus;
        let base = self.frames.values.len();
        if is_generator_code(&f.code) {
            let mut window: Vec<Option<Value>> = Vec::with_capacity(n);
            window.resize_with(n, || None);
            crate::interp::bind::bind_arguments(self, f, args, &mut window)?;
            return Ok(crate::types::generator::new_generator(func, window));
        } else {
            // The arguments as `CALL` lays them out, bound in place; the
            // generic binder (which may raise) fills a window off the value
            // stack for the rest (up to 16 locals need no heap buffer).
            let values = &mut self.frames.values;
            values.extend(args.pos.iter().chain(args.kwvalues).map(|v| Some(v.clone())));
            if !crate::interp::bind_inplace::bind_in_place(self, f, base, args.pos.len(), args.kwnames) {
                self.frames.values.truncate(base);
                let mut window: smallvec::SmallVec<[Option<Value>; 16]> = (0..n).map(|_| None).collect();
                crate::interp::bind::bind_arguments(self, f, args, &mut window)?;
                self.frames.values.extend(window);
            }
        }
        if let Err(e) = self.enter_call() {
            self.frames.values.truncate(base);
            return Err(e);
        }
        self.run_entry_frame(func, base)
    }

    /// Runs `func` as an entry frame over the window at `base` (bound and
    /// counted by `enter_call`) in a nested dispatch loop, and returns its
    /// result.
    #[inline]
    fn run_entry_frame(&mut self, func: PyRef<PyFunction>, base: usize) -> PyResult<Value> {
        self.push_function_frame(func, base, true);
        let r = self.run_frame();
        self.depth -= 1;
        match r {
            Ok(FrameExit::Return(v)) => Ok(v),
            Ok(FrameExit::Yield(_)) => Err(self.new_runtime_error("function frame yielded")),
            Err(e) => Err(e),
        }
    }

    /// Runs `func` (whose parameters bind by position: `PyCode::simple_args`)
    /// with exactly `fast_argcount` positional arguments in a nested
    /// dispatch loop: the arguments go straight into the callee's slots on
    /// the value stack. How Rust calls special methods defined in Python.
    #[inline]
    pub(crate) fn run_function_positional(&mut self, func: PyRef<PyFunction>, args: &[Value]) -> PyResult<Value> {
        debug_assert_eq!(args.len(), func.code.fast_argcount as usize);
        self.enter_call()?;
        let base = self.frames.values.len();
        self.frames.values.extend(args.iter().map(|v| Some(v.clone())));
        self.frames.enter_window(base, &func.code);
        self.run_entry_frame(func, base)
    }

    /// Runs module-level or class-body code with a locals mapping.
    pub fn run_code(
        &mut self,
        code: PyRef<PyCode>,
        globals: PyRef<PyDict>,
        locals: Option<Value>,
        closure: Option<PyRef<PyTuple>>,
    ) -> PyResult<Value> {
        let builtins = builtins_of(&globals);
        let base = self.frames.values.len();
        self.frames.values.resize_with(base + code.nlocalsplus, || None);
        if let Some(cl) = closure {
            let nfree = code.nfree;
            let start = code.nlocalsplus - nfree;
            for (i, c) in cl.items().iter().enumerate().take(nfree) {
                self.frames.values[base + start + i] = Some(c.clone());
            }
        }
        if let Err(e) = self.enter_call() {
            self.frames.values.truncate(base);
            return Err(e);
        }
        self.frames.reserve_frame(base, &code);
        let slots = self.icache.slots(&code.cache_ids, code.co.n_cache_slots as usize);
        self.frames.frames.push(Frame::for_code(code, globals, builtins, locals, base, slots));
        let r = self.run_frame();
        self.depth -= 1;
        match r {
            Ok(FrameExit::Return(v)) | Ok(FrameExit::Yield(v)) => Ok(v),
            Err(e) => Err(e),
        }
    }

    /// The dispatch loop. Runs until the entry frame on top returns, yields
    /// or raises. On return the entry frame and its window are gone. With
    /// a trace or profile function set on this thread, the traced instance
    /// of the loop runs (`interp/trace.rs`); otherwise the plain one, which
    /// has no trace hook at all.
    pub fn run_frame(&mut self) -> PyResult<FrameExit> {
        let outer = self.frames.enter_nested();
        let r = if self.trace.active() { self.run_frame_loop::<true>() } else { self.run_frame_loop::<false>() };
        self.frames.lasti_now = outer;
        r
    }

    /// `run_frame` for one mode: every `if TRACING` below is a hook of
    /// `interp/trace.rs`, compiled out of the plain instance.
    fn run_frame_loop<const TRACING: bool>(&mut self) -> PyResult<FrameExit> {
        let mut pending: Option<(PyErr, bool)> = self.pending_throw.take().map(|e| (e, true));
        'frames: loop {
            let fidx = self.frames.frames.len() - 1;
            let frame = &self.frames.frames[fidx];
            let code = frame.code().clone();
            let base = frame.base;
            let slots = frame.slots;
            let mut pc = frame.pc;
            if TRACING {
                // A 'call' event's trace function starts a nested loop,
                // which records `lasti_now` as this frame's instruction.
                self.frames.lasti_now = frame.lasti;
            }
            let co = &*code.co;
            let instrs: &[crate::function::Decoded] = &code.instrs;
            let names: &[Value] = &code.names;
            let err: PyErr;
            let mut add_tb = true;
            // The instruction that raised: what the exception table is
            // searched with (`RERAISE` may set a different `lasti`).
            let mut raised_at: usize;
            // Set by `RERAISE` when it restores the frame's recorded `lasti`.
            let mut lasti_restored = false;
            // Tracing: the previous instruction run in this frame (for
            // 'line' events), whether the next instruction was reached by
            // an `f_lineno` jump (no event for it), and an error of a trace
            // function that leaves the frame without looking for handlers.
            let mut trace_prev = crate::interp::trace::AT_START;
            let mut trace_skip = false;
            let mut unwind_only = false;
            if TRACING {
                let rec = &self.frames.frames[fidx];
                if rec.pc != 0 {
                    trace_prev = rec.lasti;
                }
                if !rec.trace_started {
                    if let Err(e) = crate::interp::trace::frame_entry(self, fidx) {
                        pending = Some((e, false));
                        unwind_only = true;
                    }
                }
            }

            if let Some((e, tb)) = pending.take() {
                err = e;
                add_tb = tb;
                raised_at = self.frames.frames[fidx].lasti;
                pc = raised_at + 1;
            } else {
                macro_rules! push {
                    ($v:expr) => {
                        self.frames.push_op(Some($v))
                    };
                }
                macro_rules! pop {
                    () => {
                        match self.frames.pop_op() {
                            Some(v) => v,
                            None => none(),
                        }
                    };
                }
                macro_rules! top {
                    () => {
                        match self.frames.peek_op(1) {
                            Some(v) => v.clone(),
                            None => none(),
                        }
                    };
                }
                'dispatch: loop {
                    macro_rules! tri {
                        ($e:expr) => {
                            match $e {
                                Ok(v) => v,
                                Err(e) => {
                                    err = e;
                                    break 'dispatch;
                                }
                            }
                        };
                    }
                    let lasti = pc;
                    raised_at = pc;
                    // Only the traced loop keeps `lasti_now` current on
                    // every instruction; the plain loop writes it where
                    // something can look (`here!`).
                    if TRACING {
                        self.frames.lasti_now = pc;
                    }
                    macro_rules! here {
                        () => {
                            if !TRACING {
                                self.frames.lasti_now = lasti;
                            }
                        };
                    }
                    if TRACING {
                        if trace_skip {
                            trace_skip = false;
                        } else if self.frames.frames[fidx].frame_obj.is_some() {
                            match crate::interp::trace::instruction(self, fidx, lasti, &mut trace_prev) {
                                Ok(None) => {}
                                Ok(Some(target)) => {
                                    pc = crate::interp::trace::apply_jump(self, fidx, target);
                                    trace_skip = true;
                                    continue 'dispatch;
                                }
                                Err(e) => {
                                    err = e;
                                    break 'dispatch;
                                }
                            }
                        } else {
                            trace_prev = lasti;
                        }
                    }
                    let ins = fetch(instrs, pc);
                    let (op, arg) = (ins.op, ins.arg);
                    pc += ins.len as usize;
                    match op {
                        // `KW_NAMES` is read by the `CALL` right after it.
                        Opcode::NOP | Opcode::CACHE | Opcode::EXTENDED_ARG | Opcode::KW_NAMES => {}
                        Opcode::POP_TOP => {
                            drop(self.frames.pop_op());
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::PUSH_NULL => self.frames.push_op(None),
                        Opcode::COPY => {
                            let v = self.frames.peek_op(arg as usize).clone();
                            self.frames.push_op(v);
                        }
                        Opcode::SWAP => self.frames.swap_top(arg as usize),
                        Opcode::LOAD_CONST => push!(code.const_value(arg as usize)),
                        Opcode::LOAD_FAST | Opcode::LOAD_FAST_CHECK => match self.frames.local(base, arg as usize) {
                            Some(v) => {
                                let v = v.clone();
                                push!(v)
                            }
                            None => {
                                err = self.unbound_local(&code, arg as usize);
                                break 'dispatch;
                            }
                        },
                        Opcode::LOAD_FAST__LOAD_FAST => {
                            for i in [arg >> 12, arg & 0xfff] {
                                match self.frames.local(base, i as usize) {
                                    Some(v) => {
                                        let v = v.clone();
                                        push!(v)
                                    }
                                    None => {
                                        err = self.unbound_local(&code, i as usize);
                                        break 'dispatch;
                                    }
                                }
                            }
                        }
                        Opcode::LOAD_FAST__LOAD_CONST => {
                            match self.frames.local(base, (arg >> 12) as usize) {
                                Some(v) => {
                                    let v = v.clone();
                                    push!(v)
                                }
                                None => {
                                    err = self.unbound_local(&code, (arg >> 12) as usize);
                                    break 'dispatch;
                                }
                            }
                            push!(code.const_value((arg & 0xfff) as usize));
                        }
                        Opcode::STORE_FAST => {
                            let v = self.frames.pop_op();
                            let old = std::mem::replace(self.frames.local_mut(base, arg as usize), v);
                            drop(old);
                        }
                        Opcode::STORE_FAST__STORE_FAST => {
                            let v2 = self.frames.pop_op();
                            let old = std::mem::replace(self.frames.local_mut(base, (arg >> 12) as usize), v2);
                            drop(old);
                            let v1 = self.frames.pop_op();
                            let old = std::mem::replace(self.frames.local_mut(base, (arg & 0xfff) as usize), v1);
                            drop(old);
                        }
                        Opcode::STORE_FAST__LOAD_FAST => {
                            let v = self.frames.pop_op();
                            let old = std::mem::replace(self.frames.local_mut(base, (arg >> 12) as usize), v);
                            drop(old);
                            match self.frames.local(base, (arg & 0xfff) as usize) {
                                Some(v) => {
                                    let v = v.clone();
                                    push!(v)
                                }
                                None => {
                                    err = self.unbound_local(&code, (arg & 0xfff) as usize);
                                    break 'dispatch;
                                }
                            }
                        }
                        Opcode::DELETE_FAST => {
                            let old = self.frames.values[base + arg as usize].take();
                            if old.is_none() {
                                err = self.unbound_local(&code, arg as usize);
                                break 'dispatch;
                            }
                            drop(old);
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::LOAD_NAME => {
                            here!();
                            let name = &names[arg as usize];
                            let v = tri!(self.load_name(fidx, name));
                            push!(v)
                        }
                        Opcode::STORE_NAME => {
                            here!();
                            let v = pop!();
                            let name = names[arg as usize].clone();
                            tri!(self.store_name(fidx, name, Some(v)));
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::DELETE_NAME => {
                            here!();
                            let name = names[arg as usize].clone();
                            tri!(self.store_name(fidx, name, None));
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::LOAD_GLOBAL => {
                            // The cache unit is the last one of the instruction.
                            let slot = fetch(instrs, pc - 1).arg as usize;
                            let name = (arg >> 1) as usize;
                            let v = {
                                let f = &self.frames.frames[fidx];
                                match crate::interp::global_cache::load_global(slots, slot, f, names, name) {
                                    Some(v) => v,
                                    None => {
                                        err = self.name_error(&names[name]);
                                        break 'dispatch;
                                    }
                                }
                            };
                            if arg & 1 == 1 {
                                self.frames.push_two_ops(None, Some(v));
                            } else {
                                push!(v)
                            }
                        }
                        Opcode::STORE_GLOBAL => {
                            here!();
                            let v = pop!();
                            self.frames.frames[fidx].globals().set_str_key(names[arg as usize].clone(), v);
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::DELETE_GLOBAL => {
                            here!();
                            let g = self.frames.frames[fidx].globals().clone();
                            let name = &names[arg as usize];
                            if tri!(g.pop_item(self, name)).is_none() {
                                err = self.name_error(name);
                                break 'dispatch;
                            }
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::MAKE_CELL => {
                            let slot = &mut self.frames.values[base + arg as usize];
                            let old = slot.take();
                            *slot = Some(PyCell::new(old).into_value());
                        }
                        Opcode::COPY_FREE_VARS => {
                            let start = base + code.nlocalsplus - arg as usize;
                            self.frames.copy_free_vars(fidx, start, arg as usize);
                        }
                        Opcode::LOAD_CLOSURE => {
                            let v = self.frames.values[base + arg as usize].clone().unwrap_or_else(none);
                            push!(v)
                        }
                        Opcode::LOAD_DEREF => {
                            let v = self
                                .frames
                                .local(base, arg as usize)
                                .as_ref()
                                .and_then(|c| c.downcast_ref::<PyCell>().and_then(|c| c.get()));
                            match v {
                                Some(v) => push!(v),
                                None => {
                                    err = self.unbound_deref(&code, arg as usize);
                                    break 'dispatch;
                                }
                            }
                        }
                        Opcode::STORE_DEREF => {
                            let v = pop!();
                            if let Some(c) =
                                self.frames.local(base, arg as usize).as_ref().and_then(|c| c.downcast_ref::<PyCell>())
                            {
                                c.set(Some(v));
                            }
                        }
                        Opcode::DELETE_DEREF => {
                            // As CPython: an empty cell is an error, a set
                            // one is emptied (two steps; a racing store
                            // between them is lost, as it would be after).
                            let cell =
                                self.frames.local(base, arg as usize).as_ref().and_then(|c| c.downcast_ref::<PyCell>());
                            match cell {
                                Some(c) if c.is_set() => c.set(None),
                                _ => {
                                    err = self.unbound_deref(&code, arg as usize);
                                    break 'dispatch;
                                }
                            }
                        }
                        Opcode::LOAD_CLASSDEREF => {
                            here!();
                            let name = code.localsplus_names[arg as usize].clone();
                            let locals = self.frames.frames[fidx].locals.clone();
                            let mut found = None;
                            if let Some(l) = locals {
                                found = tri!(self.mapping_get(&l, &name));
                            }
                            let v = match found {
                                Some(v) => Some(v),
                                None => self.frames.values[base + arg as usize]
                                    .as_ref()
                                    .and_then(|c| c.downcast_ref::<PyCell>().and_then(|c| c.get())),
                            };
                            match v {
                                Some(v) => push!(v),
                                None => {
                                    err = self.unbound_deref(&code, arg as usize);
                                    break 'dispatch;
                                }
                            }
                        }
                        // The cache hits run no Python code: only a miss
                        // records the instruction (`here!`).
                        Opcode::LOAD_ATTR => {
                            let slot = instrs[pc - 1].arg as usize;
                            let name = &names[(arg >> 1) as usize];
                            let obj = pop!();
                            if arg & 1 == 1 {
                                if let Some(m) = crate::interp::attr_cache::load_method_hit(slots, slot, &obj, name) {
                                    push!(m);
                                    push!(obj);
                                    continue 'dispatch;
                                }
                                here!();
                                match tri!(self.load_method_miss(slots, slot, &obj, name)) {
                                    (Some(m), o) => {
                                        push!(m);
                                        push!(o);
                                    }
                                    (None, v) => {
                                        self.frames.push_op(None);
                                        push!(v);
                                    }
                                }
                            } else {
                                let v = match crate::interp::attr_cache::load_attr_hit(slots, slot, &obj) {
                                    Some(v) => v,
                                    None => {
                                        here!();
                                        tri!(self.load_attr_miss(slots, slot, &obj, name))
                                    }
                                };
                                push!(v)
                            }
                        }
                        Opcode::STORE_ATTR => {
                            let slot = instrs[pc - 1].arg as usize;
                            let obj = pop!();
                            let v = pop!();
                            if let Err(v) = crate::interp::attr_cache::store_attr_hit(slots, slot, &obj, v) {
                                here!();
                                tri!(self.store_attr_miss(slots, slot, &obj, &names[arg as usize], v));
                            }
                        }
                        Opcode::DELETE_ATTR => {
                            here!();
                            let obj = pop!();
                            tri!(self.set_attr(&obj, &names[arg as usize], None));
                            drop(obj);
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::UNARY_NEGATIVE => {
                            here!();
                            let v = pop!();
                            let r = match (v.as_small_int(), v.as_tagged_float()) {
                                (Some(i), _) => Ok(int_from_i64(-i)),
                                (_, Some(f)) => Ok(crate::types::float::new_float(-f)),
                                _ => self.unary_op(&v, "__neg__", "-"),
                            };
                            push!(tri!(r))
                        }
                        Opcode::UNARY_NOT => {
                            here!();
                            let v = pop!();
                            let b = tri!(self.truthy(&v));
                            push!(bool_value(!b))
                        }
                        Opcode::UNARY_INVERT => {
                            here!();
                            let v = pop!();
                            let r = match v.as_small_int() {
                                Some(i) => Ok(int_from_i64(!i)),
                                None => self.unary_op(&v, "__invert__", "~"),
                            };
                            push!(tri!(r))
                        }
                        Opcode::BINARY_OP => {
                            if crate::interp::number_ops::binary_in_place(&mut self.frames.values, arg) {
                                continue 'dispatch;
                            }
                            here!();
                            let b = pop!();
                            let a = pop!();
                            let r = match fast_binary(&a, &b, arg) {
                                Some(v) => v,
                                None if (arg == 0 || arg == 13) && a.is_exact(crate::types::str::STR_TYPE.get()) => {
                                    match crate::types::str_methods::concat_exact(&a, &b) {
                                        Some(v) => v,
                                        None => tri!(self.binary_op(&a, &b, binary_op_from(arg))),
                                    }
                                }
                                None => {
                                    let op = binary_op_from(arg);
                                    tri!(self.binary_op(&a, &b, op))
                                }
                            };
                            push!(r)
                        }
                        Opcode::COMPARE_OP => {
                            let op = compare_op_from(arg);
                            let r = match crate::interp::number_ops::compare_in_place(&mut self.frames.values, op) {
                                Some(r) => r,
                                None => {
                                    here!();
                                    let b = pop!();
                                    let a = pop!();
                                    // Two tagged ints were settled in place.
                                    match numeric_compare(&a, &b, op) {
                                        Some(r) => r,
                                        None => {
                                            let r = tri!(self.rich_compare(&a, &b, op));
                                            push!(r);
                                            continue 'dispatch;
                                        }
                                    }
                                }
                            };
                            // A plain bool followed by a conditional jump (the
                            // usual `if a < b:`): take the jump here, without
                            // the push, pop and dispatch.
                            let next = *fetch(instrs, pc);
                            match next.op {
                                Opcode::POP_JUMP_IF_FALSE => {
                                    pc = if r { pc + next.len as usize } else { next.arg as usize };
                                }
                                Opcode::POP_JUMP_IF_TRUE => {
                                    pc = if r { next.arg as usize } else { pc + next.len as usize };
                                }
                                _ => push!(bool_value(r)),
                            }
                        }
                        Opcode::IS_OP => {
                            let b = pop!();
                            let a = pop!();
                            push!(bool_value(a.is(&b) != (arg == 1)))
                        }
                        Opcode::CONTAINS_OP => {
                            here!();
                            let container = pop!();
                            let item = pop!();
                            let r = tri!(self.contains(&container, &item));
                            push!(bool_value(r != (arg == 1)))
                        }
                        Opcode::BINARY_SUBSCR => {
                            let key = pop!();
                            let container = pop!();
                            let v = match crate::interp::iter_ops::subscr_fast(&container, &key) {
                                Some(v) => v,
                                None => {
                                    here!();
                                    tri!(self.get_item(&container, &key))
                                }
                            };
                            push!(v)
                        }
                        Opcode::STORE_SUBSCR => {
                            here!();
                            let key = pop!();
                            let container = pop!();
                            let v = pop!();
                            tri!(self.set_item(&container, &key, v));
                        }
                        Opcode::DELETE_SUBSCR => {
                            here!();
                            let key = pop!();
                            let container = pop!();
                            tri!(self.del_item(&container, &key));
                            drop((key, container));
                            self.finalizer_point(fidx, lasti);
                        }
                        Opcode::BINARY_SLICE => {
                            here!();
                            let stop = pop!();
                            let start = pop!();
                            let container = pop!();
                            let v = tri!(self.get_slice(&container, start, stop));
                            push!(v)
                        }
                        Opcode::STORE_SLICE => {
                            here!();
                            let stop = pop!();
                            let start = pop!();
                            let container = pop!();
                            let v = pop!();
                            tri!(self.set_slice(&container, start, stop, v));
                        }
                        Opcode::BUILD_TUPLE => {
                            let n = self.frames.values.len() - arg as usize;
                            let items: Vec<Value> =
                                self.frames.values.drain(n..).map(|v| v.unwrap_or_else(none)).collect();
                            push!(new_tuple(items))
                        }
                        Opcode::BUILD_LIST => {
                            let n = self.frames.values.len() - arg as usize;
                            let items: Vec<Value> =
                                self.frames.values.drain(n..).map(|v| v.unwrap_or_else(none)).collect();
                            push!(new_list(items))
                        }
                        Opcode::BUILD_SET => {
                            here!();
                            let n = self.frames.values.len() - arg as usize;
                            let items: Vec<Value> =
                                self.frames.values.drain(n..).map(|v| v.unwrap_or_else(none)).collect();
                            let s = tri!(crate::types::set_from_values(self, items));
                            push!(s)
                        }
                        Opcode::BUILD_MAP => {
                            here!();
                            let n = self.frames.values.len() - 2 * arg as usize;
                            let items: Vec<Value> =
                                self.frames.values.drain(n..).map(|v| v.unwrap_or_else(none)).collect();
                            let d = PyDict::new_ref();
                            let mut it = items.into_iter();
                            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                tri!(d.set_item(self, k, v));
                            }
                            push!(d.into_value())
                        }
                        Opcode::BUILD_CONST_KEY_MAP => {
                            here!();
                            let keys = pop!();
                            let n = self.frames.values.len() - arg as usize;
                            let vals: Vec<Value> =
                                self.frames.values.drain(n..).map(|v| v.unwrap_or_else(none)).collect();
                            let d = PyDict::new_ref();
                            let ks = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                            for (k, v) in ks.into_iter().zip(vals) {
                                tri!(d.set_item(self, k, v));
                            }
                            push!(d.into_value())
                        }
                        Opcode::BUILD_STRING => {
                            let n = self.frames.values.len() - arg as usize;
                            let s = crate::types::str::concat_parts(self.frames.values[n..].iter().flatten());
                            self.frames.values.truncate(n);
                            push!(s)
                        }
                        Opcode::BUILD_SLICE => {
                            let step = if arg == 3 { pop!() } else { none() };
                            let stop = pop!();
                            let start = pop!();
                            push!(crate::types::slice_new(start, stop, step))
                        }
                        Opcode::LIST_APPEND => {
                            let v = pop!();
                            let n = self.frames.values.len();
                            // The list is borrowed in place: appending runs no
                            // Python code.
                            if let Some(l) =
                                self.frames.values[n - arg as usize].as_ref().and_then(|t| t.downcast_ref::<PyList>())
                            {
                                l.append(v);
                            }
                        }
                        Opcode::SET_ADD => {
                            here!();
                            let v = pop!();
                            let n = self.frames.values.len();
                            let target = self.frames.values[n - arg as usize].clone().unwrap_or_else(none);
                            // The comprehension's own new set: no method lookup.
                            match target.downcast_ref::<crate::types::small::PySet>() {
                                Some(set) => drop(tri!(set.add(self, v))),
                                None => drop(tri!(self.call_method(&target, "add", &[v]))),
                            }
                        }
                        Opcode::MAP_ADD => {
                            here!();
                            let v = pop!();
                            let k = pop!();
                            let n = self.frames.values.len();
                            let target = self.frames.values[n - arg as usize].clone().unwrap_or_else(none);
                            if let Some(d) = target.downcast_ref::<PyDict>() {
                                tri!(d.set_item(self, k, v));
                            }
                        }
                        Opcode::LIST_EXTEND => {
                            here!();
                            let iterable = pop!();
                            let n = self.frames.values.len();
                            let target = self.frames.values[n - arg as usize].clone().unwrap_or_else(none);
                            let items = match self.collect(&iterable) {
                                Ok(items) => items,
                                Err(e) => {
                                    if self.err_matches(&e, &exc().type_error)
                                        && iterable.class().lookup("__iter__").is_none()
                                        && iterable.class().lookup("__getitem__").is_none()
                                    {
                                        err = self.new_type_error(format!(
                                            "Value after * must be an iterable, not {}",
                                            iterable.class().name()
                                        ));
                                    } else {
                                        err = e;
                                    }
                                    break 'dispatch;
                                }
                            };
                            if let Some(l) = target.downcast_ref::<PyList>() {
                                l.lock().extend(items);
                            }
                        }
                        Opcode::SET_UPDATE => {
                            here!();
                            let iterable = pop!();
                            let n = self.frames.values.len();
                            let target = self.frames.values[n - arg as usize].clone().unwrap_or_else(none);
                            tri!(self.call_method(&target, "update", &[iterable]));
                        }
                        Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                            here!();
                            let mapping = pop!();
                            let n = self.frames.values.len();
                            let target = self.frames.values[n - arg as usize].clone().unwrap_or_else(none);
                            let callable = if op == Opcode::DICT_MERGE {
                                self.frames.values.get(n - arg as usize - 2).cloned().flatten()
                            } else {
                                None
                            };
                            tri!(self.dict_merge(&target, &mapping, op == Opcode::DICT_MERGE, callable));
                        }
                        Opcode::UNPACK_SEQUENCE => {
                            let seq = pop!();
                            let n = arg as usize;
                            // Exact tuples and lists of the right length go
                            // straight onto the stack, with no intermediate
                            // vector (a subclass may override `__iter__`).
                            let cls = seq.class();
                            if let Some(t) = seq.as_tuple().filter(|_| !cls.is_heap_type()) {
                                if t.len() == n {
                                    for v in t.iter().rev() {
                                        push!(v.clone());
                                    }
                                    continue;
                                }
                            } else if let Some(l) = seq.downcast_ref::<PyList>().filter(|_| !cls.is_heap_type()) {
                                let frames = &mut self.frames;
                                let done = l.read(|items| {
                                    if items.len() != n {
                                        return false;
                                    }
                                    for v in items.iter().rev() {
                                        frames.push_op(Some(v.clone()));
                                    }
                                    true
                                });
                                if done {
                                    continue;
                                }
                            }
                            here!();
                            let items = tri!(self.unpack(&seq, n));
                            for v in items.into_iter().rev() {
                                push!(v);
                            }
                        }
                        Opcode::UNPACK_EX => {
                            here!();
                            let seq = pop!();
                            let before = (arg & 0xff) as usize;
                            let after = (arg >> 8) as usize;
                            let items = match self.collect(&seq) {
                                Ok(items) => items,
                                Err(e) => {
                                    err = if self.err_matches(&e, &exc().type_error)
                                        && seq.class().lookup("__iter__").is_none()
                                    {
                                        self.new_type_error(format!(
                                            "cannot unpack non-iterable {} object",
                                            seq.class().name()
                                        ))
                                    } else {
                                        e
                                    };
                                    break 'dispatch;
                                }
                            };
                            if items.len() < before + after {
                                err = self.new_value_error(format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    before + after,
                                    items.len()
                                ));
                                break 'dispatch;
                            }
                            let mid_end = items.len() - after;
                            let mut items = items;
                            let tail: Vec<Value> = items.split_off(mid_end);
                            let mid: Vec<Value> = items.split_off(before);
                            for v in tail.into_iter().rev() {
                                push!(v);
                            }
                            push!(new_list(mid));
                            for v in items.into_iter().rev() {
                                push!(v);
                            }
                        }
                        Opcode::GET_ITER => {
                            here!();
                            let v = pop!();
                            let it = tri!(self.iter(&v));
                            push!(it)
                        }
                        Opcode::FOR_ITER => {
                            let fast = match self.frames.peek_op(1) {
                                Some(it) => crate::interp::iter_ops::step_builtin(it),
                                None => None,
                            };
                            if let Some(step) = fast {
                                match step {
                                    Some(v) => push!(v),
                                    None => {
                                        drop(self.frames.pop_op());
                                        pc = arg as usize;
                                    }
                                }
                                continue;
                            }
                            here!();
                            let it = top!();
                            let next = *fetch(instrs, pc);
                            if next.op == Opcode::UNPACK_SEQUENCE && next.arg == 2 {
                                if let Some(step) = crate::interp::iter_ops::step_pair(self, &it) {
                                    match tri!(step) {
                                        Some((a, b)) => {
                                            push!(b);
                                            push!(a);
                                            pc += next.len as usize;
                                        }
                                        None => {
                                            drop(self.frames.pop_op());
                                            pc = arg as usize;
                                        }
                                    }
                                    continue;
                                }
                            }
                            if it.is_exact(crate::types::generator::GENERATOR_TYPE.get()) {
                                if let Some(g) = it.downcast_ref::<crate::types::generator::PyGenerator>() {
                                    self.frames.frames[fidx].lasti = lasti;
                                    self.frames.frames[fidx].pc = pc;
                                    if g.enter_inline(self, &it, arg as usize) {
                                        continue 'frames;
                                    }
                                }
                            }
                            match tri!(self.next(&it)) {
                                Some(v) => push!(v),
                                None => {
                                    drop(self.frames.pop_op());
                                    pc = arg as usize;
                                }
                            }
                        }
                        Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => pc = arg as usize,
                        Opcode::JUMP_BACKWARD => {
                            pc = arg as usize;
                            if self.thread.breaker_bits() != 0 {
                                here!();
                                tri!(self.handle_eval_breaker());
                                if crate::interp::trace::take_breaker(self) && !TRACING {
                                    // Tracing began: the traced loop goes on.
                                    self.frames.frames[fidx].lasti = lasti;
                                    self.frames.frames[fidx].pc = pc;
                                    return self.run_frame_loop::<true>();
                                }
                            }
                        }
                        // `True`, `False` and `None` are immortal: once
                        // recognised they are forgotten, not released.
                        Opcode::POP_JUMP_IF_TRUE | Opcode::POP_JUMP_IF_FALSE => {
                            let v = pop!();
                            let b = match v.as_bool_obj() {
                                Some(b) => {
                                    std::mem::forget(v);
                                    b
                                }
                                None => {
                                    here!();
                                    tri!(self.truthy(&v))
                                }
                            };
                            if b == (op == Opcode::POP_JUMP_IF_TRUE) {
                                pc = arg as usize;
                            }
                        }
                        Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                            let v = pop!();
                            let is_none = v.is_none();
                            if is_none {
                                std::mem::forget(v);
                            }
                            if is_none == (op == Opcode::POP_JUMP_IF_NONE) {
                                pc = arg as usize;
                            }
                        }
                        Opcode::CALL => {
                            here!();
                            self.frames.frames[fidx].lasti = lasti;
                            if self.thread.breaker_bits() != 0 {
                                tri!(self.handle_eval_breaker());
                                if crate::interp::trace::take_breaker(self) && !TRACING {
                                    // Tracing began: the traced loop runs
                                    // this call again.
                                    self.frames.frames[fidx].pc = lasti;
                                    return self.run_frame_loop::<true>();
                                }
                            }
                            let argc = arg as usize;
                            let kwn = kw_names_before(&code, lasti);
                            let pushed = match &kwn {
                                None => self.push_py_call(fidx, argc, pc),
                                Some(k) => self.push_kw_call(fidx, argc, k, pc),
                            };
                            match pushed {
                                Ok(true) => continue 'frames,
                                Ok(false) => {}
                                Err(e) => {
                                    err = e;
                                    break 'dispatch;
                                }
                            }
                            let len = self.frames.values.len();
                            let callable_idx = len - argc - 2;
                            let kwnames: &[Value] = match kwn.as_ref().and_then(|k| k.as_tuple()) {
                                Some(t) => t,
                                None => &[],
                            };
                            // Other callables: operands move off the value
                            // stack into a fixed buffer (native_call.rs).
                            let mut ops = crate::interp::frame::CallOperands::new();
                            if self.frames.take_call_operands(callable_idx, &mut ops) {
                                self.frames.frames[fidx].pc = pc;
                                let r = if TRACING {
                                    tri!(crate::interp::trace::profile_c_call(self, fidx, ops.callable(), |vm| vm
                                        .call_operands(&ops, kwnames)))
                                } else {
                                    tri!(self.call_operands(&ops, kwnames))
                                };
                                drop(ops);
                                push!(r);
                                continue;
                            }
                            let (callable, args_start) = match &self.frames.values[callable_idx] {
                                None => (
                                    self.frames.values[callable_idx + 1].clone().unwrap_or_else(none),
                                    callable_idx + 2,
                                ),
                                Some(c) => (c.clone(), callable_idx + 1),
                            };
                            // Arguments move off the value stack into a small
                            // inline buffer: no heap allocation for a call with
                            // up to 8 arguments.
                            let mut argv: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::new();
                            self.frames.drain_operands_into(args_start, &mut argv);
                            self.frames.values.truncate(callable_idx);
                            let npos = argv.len() - kwnames.len();
                            let args = Args { pos: &argv[..npos], kwnames, kwvalues: &argv[npos..] };
                            self.frames.frames[fidx].pc = pc;
                            let r = if TRACING {
                                tri!(crate::interp::trace::profile_c_call(self, fidx, &callable, |vm| vm
                                    .call_args(&callable, args)))
                            } else {
                                tri!(self.call_args(&callable, args))
                            };
                            push!(r)
                        }
                        Opcode::CALL_FUNCTION_EX => {
                            here!();
                            self.frames.frames[fidx].lasti = lasti;
                            if self.thread.breaker_bits() != 0 {
                                tri!(self.handle_eval_breaker());
                                if crate::interp::trace::take_breaker(self) && !TRACING {
                                    // As `CALL`: `f(*args)` right after
                                    // `sys.settrace` is traced.
                                    self.frames.frames[fidx].pc = lasti;
                                    return self.run_frame_loop::<true>();
                                }
                            }
                            match self.push_ex_call(fidx, arg & 1 == 1, pc) {
                                Ok(true) => continue 'frames,
                                Ok(false) => {}
                                Err(e) => {
                                    err = e;
                                    break 'dispatch;
                                }
                            }
                            let kwargs = if arg & 1 == 1 { Some(pop!()) } else { None };
                            let args = pop!();
                            let callable = pop!();
                            self.frames.values.pop();
                            let pos = match args.as_tuple() {
                                Some(t) => t.to_vec(),
                                None => tri!(self.collect_star_args(&callable, &args)),
                            };
                            let mut kwnames = Vec::new();
                            let mut all = pos;
                            let npos = all.len();
                            if let Some(kw) = kwargs {
                                if let Some(d) = kw.downcast_ref::<PyDict>() {
                                    for (k, v) in d.items() {
                                        kwnames.push(k);
                                        all.push(v);
                                    }
                                }
                            }
                            let a = Args { pos: &all[..npos], kwnames: &kwnames, kwvalues: &all[npos..] };
                            self.frames.frames[fidx].pc = pc;
                            let r = if TRACING {
                                tri!(crate::interp::trace::profile_c_call(self, fidx, &callable, |vm| vm
                                    .call_args(&callable, a)))
                            } else {
                                tri!(self.call_args(&callable, a))
                            };
                            push!(r)
                        }
                        Opcode::MAKE_FUNCTION => {
                            here!();
                            let code_v = pop!();
                            let closure = if arg & 0x08 != 0 { pop!().downcast::<PyTuple>() } else { None };
                            let annotations = if arg & 0x04 != 0 { Some(pop!()) } else { None };
                            let kwdefaults = if arg & 0x02 != 0 { pop!().downcast::<PyDict>() } else { None };
                            let defaults = if arg & 0x01 != 0 { pop!().downcast::<PyTuple>() } else { None };
                            let f = &self.frames.frames[fidx];
                            let func = tri!(crate::function::make::make_function(
                                code_v,
                                f.globals().clone(),
                                f.builtins().clone(),
                                closure,
                                defaults,
                                kwdefaults,
                                annotations
                            ));
                            // Definitions in module and class bodies are shared by
                            // every thread and live as long as the program: make them
                            // immortal so calls from many threads don't contend on
                            // their counts (documented in docs/architecture.md).
                            if self.frames.frames[fidx].locals.is_some() {
                                immortalize_function(&func);
                            }
                            push!(func)
                        }
                        Opcode::RETURN_VALUE | Opcode::RETURN_CONST => {
                            let v = if op == Opcode::RETURN_CONST { code.const_value(arg as usize) } else { pop!() };
                            if TRACING {
                                if let Err(e) = crate::interp::trace::frame_return(self, fidx, lasti, &v) {
                                    err = e;
                                    add_tb = false;
                                    unwind_only = true;
                                    break 'dispatch;
                                }
                            }
                            match self.frames.pop_plain_frame() {
                                Some(false) => {
                                    self.depth -= 1;
                                    push!(v);
                                    continue 'frames;
                                }
                                Some(true) => return Ok(FrameExit::Return(v)),
                                None => {}
                            }
                            // The frame object's snapshot takes this instruction.
                            here!();
                            if self.frames.frames[fidx].returns_instance {
                                match crate::interp::call_ops::finish_init(self, v) {
                                    Ok(obj) => push!(obj),
                                    Err(e) => pending = Some((e, true)),
                                }
                                continue 'frames;
                            }
                            crate::interp::frame_object::retire(self, fidx);
                            let frame = match self.frames.frames.pop() {
                                Some(f) => f,
                                None => return Ok(FrameExit::Return(v)),
                            };
                            self.frames.values.truncate(frame.base);
                            if frame.is_entry {
                                if let Some(g) = &frame.generator {
                                    crate::types::generator::finish(g);
                                }
                                return Ok(FrameExit::Return(v));
                            }
                            self.depth -= 1;
                            if frame.generator.is_some() {
                                // An inline generator (FOR_ITER, SEND) is
                                // exhausted: its caller goes on after the loop.
                                crate::types::generator::return_inline(self, frame, v);
                                continue 'frames;
                            }
                            self.frames.values.truncate(frame.ret_sp);
                            push!(v);
                            continue 'frames;
                        }
                        Opcode::CALL_INTRINSIC_1 => {
                            here!();
                            let v = pop!();
                            let r = tri!(self.intrinsic1(fidx, arg, v));
                            push!(r)
                        }
                        Opcode::CALL_INTRINSIC_2 => {
                            here!();
                            let b = pop!();
                            let a = pop!();
                            let r = tri!(crate::interp::except_star::intrinsic2(self, arg, a, b));
                            push!(r)
                        }
                        Opcode::IMPORT_NAME => {
                            here!();
                            let fromlist = pop!();
                            let level = pop!();
                            let globals = self.frames.frames[fidx].globals().clone();
                            let m = tri!(crate::import::import_name(
                                self,
                                &names[arg as usize],
                                &globals,
                                &fromlist,
                                level.as_small_int().unwrap_or(0)
                            ));
                            push!(m)
                        }
                        Opcode::IMPORT_FROM => {
                            here!();
                            let m = top!();
                            let v = tri!(crate::import::import_from(self, &m, &names[arg as usize]));
                            push!(v)
                        }
                        Opcode::LOAD_BUILD_CLASS => {
                            here!();
                            let b = self.frames.frames[fidx].builtins().get_str("__build_class__");
                            match b {
                                Some(b) => push!(b),
                                None => {
                                    err = self.new_name_error("__build_class__ not found");
                                    break 'dispatch;
                                }
                            }
                        }
                        Opcode::SETUP_ANNOTATIONS => {
                            here!();
                            if let Some(l) = self.frames.frames[fidx].locals.clone() {
                                let key = intern("__annotations__");
                                if tri!(self.mapping_get(&l, &key)).is_none() {
                                    tri!(self.set_item(&l, &key, PyDict::new_ref().into_value()));
                                }
                            }
                        }
                        Opcode::LOAD_ASSERTION_ERROR => push!(exc().assertion_error.to_value()),
                        Opcode::RAISE_VARARGS => {
                            here!();
                            match arg {
                                0 => {
                                    err = match self.current_handled().and_then(|v| v.downcast::<PyBaseException>()) {
                                        Some(e) => PyErr(e),
                                        None => self.new_runtime_error("No active exception to reraise"),
                                    };
                                    add_tb = false;
                                }
                                1 => {
                                    let e = pop!();
                                    err = self.make_raise(e, None);
                                }
                                _ => {
                                    let cause = pop!();
                                    let e = pop!();
                                    err = self.make_raise(e, Some(cause));
                                }
                            }
                            break 'dispatch;
                        }
                        Opcode::RERAISE => {
                            here!();
                            let e = pop!();
                            if arg > 0 {
                                let n = self.frames.values.len();
                                if let Some(Some(l)) = self.frames.values.get(n - arg as usize) {
                                    if let Some(l) = l.as_small_int() {
                                        self.frames.frames[fidx].lasti = l as usize;
                                        lasti_restored = true;
                                    }
                                }
                            }
                            err = match e.downcast::<PyBaseException>() {
                                Some(e) => PyErr(e),
                                None => self.new_type_error("exceptions must derive from BaseException"),
                            };
                            add_tb = false;
                            break 'dispatch;
                        }
                        Opcode::PUSH_EXC_INFO => {
                            let e = pop!();
                            let prev = self.handled.replace(e.clone()).unwrap_or_else(none);
                            push!(prev);
                            push!(e);
                        }
                        Opcode::POP_EXCEPT => {
                            let prev = pop!();
                            let old =
                                std::mem::replace(&mut self.handled, if prev.is_none() { None } else { Some(prev) });
                            drop(old);
                        }
                        Opcode::CHECK_EXC_MATCH => {
                            here!();
                            let ty = pop!();
                            let e = top!();
                            let r = tri!(self.exception_matches(&e, &ty));
                            push!(bool_value(r))
                        }
                        Opcode::CHECK_EG_MATCH => {
                            here!();
                            let ty = pop!();
                            let e = pop!();
                            let (rest, m) = tri!(crate::interp::except_star::check_eg_match(self, &e, &ty));
                            push!(rest);
                            push!(m)
                        }
                        Opcode::WITH_EXCEPT_START => {
                            here!();
                            let n = self.frames.values.len();
                            let e = self.frames.values[n - 1].clone().unwrap_or_else(none);
                            let exit = self.frames.values[n - 4].clone().unwrap_or_else(none);
                            let tb =
                                e.downcast_ref::<PyBaseException>().and_then(|x| x.traceback()).unwrap_or_else(none);
                            let r = tri!(self.call(&exit, &[e.class_ref().into_value(), e.clone(), tb]));
                            push!(r)
                        }
                        Opcode::BEFORE_WITH => {
                            here!();
                            let mgr = pop!();
                            let ty = mgr.class_ref();
                            let (Some(enter), Some(exit)) = crate::interp::call_ops::with_methods(&ty) else {
                                let missing =
                                    if ty.lookup("__enter__").is_none() { "" } else { " (missed __exit__ method)" };
                                err = self.new_type_error(format!(
                                    "'{}' object does not support the context manager protocol{missing}",
                                    ty.name()
                                ));
                                break 'dispatch;
                            };
                            let owner = ty.to_value();
                            let bound_exit = tri!(self.descr_get(&exit, Some(&mgr), &owner));
                            push!(bound_exit);
                            let r = tri!(self.call_unbound(&enter, &mgr, &[mgr.clone()]));
                            push!(r)
                        }
                        Opcode::GET_YIELD_FROM_ITER => {
                            here!();
                            let v = pop!();
                            if v.downcast_ref::<crate::types::generator::PyGenerator>().is_some() {
                                push!(v)
                            } else {
                                let it = tri!(self.iter(&v));
                                push!(it)
                            }
                        }
                        Opcode::SEND => {
                            here!();
                            let v = pop!();
                            let receiver = top!();
                            // `yield from` a generator: resumed inline, as by
                            // FOR_ITER (no Rust recursion per delegation level).
                            let v = match receiver.is_exact(crate::types::generator::GENERATOR_TYPE.get()) {
                                true => match receiver.downcast_ref::<crate::types::generator::PyGenerator>() {
                                    Some(g) => {
                                        self.frames.frames[fidx].lasti = lasti;
                                        self.frames.frames[fidx].pc = pc;
                                        match g.enter_inline_send(self, &receiver, arg as usize, v) {
                                            None => continue 'frames,
                                            Some(v) => v,
                                        }
                                    }
                                    None => v,
                                },
                                false => v,
                            };
                            match tri!(crate::types::generator::send_to(self, &receiver, v)) {
                                crate::types::generator::SendResult::Yielded(x) => push!(x),
                                crate::types::generator::SendResult::Returned(x) => {
                                    push!(x);
                                    pc = arg as usize;
                                }
                            }
                        }
                        Opcode::YIELD_VALUE => {
                            self.frames.frames[fidx].lasti = lasti;
                            let v = pop!();
                            if TRACING {
                                if let Err(e) = crate::interp::trace::frame_return(self, fidx, lasti, &v) {
                                    err = e;
                                    add_tb = false;
                                    unwind_only = true;
                                    break 'dispatch;
                                }
                            }
                            self.frames.frames[fidx].pc = pc;
                            self.frames.frames[fidx].yield_from = arg == 1;
                            if !self.frames.frames[fidx].is_entry {
                                // A generator resumed inline by FOR_ITER: the
                                // window goes back and the caller continues
                                // with the value.
                                let Some(mut frame) = self.frames.pop_suspended() else {
                                    return Ok(FrameExit::Yield(v));
                                };
                                if let Some(g) = frame.generator.take() {
                                    if let Some(gen) = g.downcast_ref::<crate::types::generator::PyGenerator>() {
                                        gen.suspend_inline(self, &mut frame);
                                    }
                                }
                                self.depth -= 1;
                                drop(frame);
                                push!(v);
                                continue 'frames;
                            }
                            return Ok(FrameExit::Yield(v));
                        }
                        Opcode::END_SEND => {
                            let v = pop!();
                            self.frames.values.pop();
                            push!(v)
                        }
                        Opcode::CLEANUP_THROW => {
                            here!();
                            let e = pop!();
                            let _last_sent = pop!();
                            let _sub = pop!();
                            if e.class().is_subtype(&exc().stop_iteration) {
                                let val = e
                                    .downcast::<PyBaseException>()
                                    .and_then(|x| crate::types::exceptions::e_get_attr(&x, "value"))
                                    .unwrap_or_else(none);
                                push!(none());
                                push!(val);
                            } else {
                                err = match e.downcast::<PyBaseException>() {
                                    Some(x) => PyErr(x),
                                    None => self.new_type_error("bad exception"),
                                };
                                add_tb = false;
                                break 'dispatch;
                            }
                        }
                        Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE => {
                            here!();
                            let subject = top!();
                            let flag = if op == Opcode::MATCH_MAPPING {
                                crate::types::type_::flags::MAPPING
                            } else {
                                crate::types::type_::flags::SEQUENCE
                            };
                            let r = subject.class().has_flag(flag)
                                || subject.class().mro_without_self().iter().any(|t| t.has_flag(flag));
                            push!(bool_value(r))
                        }
                        Opcode::MATCH_KEYS => {
                            here!();
                            let keys = top!();
                            let n = self.frames.values.len();
                            let subject = self.frames.values[n - 2].clone().unwrap_or_else(none);
                            let r = tri!(crate::interp::patterns::match_keys(self, &subject, &keys));
                            push!(r)
                        }
                        Opcode::MATCH_CLASS => {
                            here!();
                            let names_t = pop!();
                            let cls = pop!();
                            let subject = pop!();
                            let r = tri!(crate::interp::patterns::match_class(
                                self,
                                &subject,
                                &cls,
                                arg as usize,
                                &names_t
                            ));
                            push!(r)
                        }
                        Opcode::GET_LEN => {
                            here!();
                            let v = top!();
                            let n = tri!(self.len(&v));
                            push!(int_from_i64(n as i64))
                        }
                        Opcode::FORMAT_VALUE => {
                            here!();
                            let spec = if arg & 0x04 != 0 { Some(pop!()) } else { None };
                            let v = pop!();
                            let v = match arg & 0x03 {
                                1 => tri!(self.str(&v)),
                                2 => tri!(self.repr(&v)),
                                3 => tri!(crate::builtins::ascii_of(self, &v)),
                                _ => v,
                            };
                            let r = match spec {
                                None if v.is_exact(crate::types::str::STR_TYPE.get()) => v,
                                None => tri!(self.format(&v, &intern(""))),
                                Some(s) => tri!(self.format(&v, &s)),
                            };
                            push!(r)
                        }
                        Opcode::GET_AWAITABLE => {
                            here!();
                            let v = pop!();
                            let it = tri!(crate::types::generator::get_awaitable(self, &v));
                            push!(it)
                        }
                        Opcode::GET_AITER => {
                            here!();
                            let v = pop!();
                            let Some(f) = v.class().lookup("__aiter__") else {
                                err = self.new_type_error(format!(
                                    "'async for' requires an object with __aiter__ method, got {}",
                                    v.class().name()
                                ));
                                break 'dispatch;
                            };
                            let it = tri!(self.call_unbound(&f, &v, &[v.clone()]));
                            push!(it)
                        }
                        Opcode::GET_ANEXT => {
                            here!();
                            let aiter = top!();
                            if let Some(aw) = crate::types::async_generator::anext_direct(self, &aiter) {
                                let aw = tri!(aw);
                                push!(aw);
                                continue;
                            }
                            let Some(f) = aiter.class().lookup("__anext__") else {
                                err = self.new_type_error(format!(
                                    "'async for' requires an iterator with __anext__ method, got {}",
                                    aiter.class().name()
                                ));
                                break 'dispatch;
                            };
                            let aw = tri!(self.call_unbound(&f, &aiter, &[aiter.clone()]));
                            let it = tri!(crate::types::generator::get_awaitable(self, &aw));
                            push!(it)
                        }
                        Opcode::BEFORE_ASYNC_WITH => {
                            here!();
                            let mgr = pop!();
                            let ty = mgr.class_ref();
                            let (Some(enter), Some(exit)) = (ty.lookup("__aenter__"), ty.lookup("__aexit__")) else {
                                err = self.new_type_error(format!(
                                    "'{}' object does not support the asynchronous context manager protocol",
                                    ty.name()
                                ));
                                break 'dispatch;
                            };
                            let owner = ty.to_value();
                            let bound_exit = tri!(self.descr_get(&exit, Some(&mgr), &owner));
                            push!(bound_exit);
                            let r = tri!(self.call_unbound(&enter, &mgr, &[mgr.clone()]));
                            let aw = tri!(crate::types::generator::get_awaitable(self, &r));
                            push!(aw)
                        }
                        Opcode::END_ASYNC_FOR => {
                            here!();
                            let e = pop!();
                            let _aiter = pop!();
                            if !e.class().is_subtype(&exc().stop_async_iteration) {
                                err = match e.downcast::<PyBaseException>() {
                                    Some(x) => PyErr(x),
                                    None => self.new_type_error("bad exception"),
                                };
                                add_tb = false;
                                break 'dispatch;
                            }
                        }
                    }
                }
            }

            // ---- the error path -------------------------------------------
            self.frames.frames[fidx].pc = pc;
            if !lasti_restored {
                self.frames.frames[fidx].lasti = raised_at;
            }
            let lasti = self.frames.frames[fidx].lasti;
            self.frames.lasti_now = lasti;
            if add_tb {
                self.chain_context(&err);
                let frame = &self.frames.frames[fidx];
                let globals = Some(frame.globals().clone());
                let local_names = if err.0.class().is(&exc().name_error) {
                    Some(
                        (0..code.nlocalsplus)
                            .filter(|&i| self.frames.values.get(base + i).is_some_and(|v| v.is_some()))
                            .filter_map(|i| code.localsplus_names[i].as_str().map(str::to_string))
                            .collect(),
                    )
                } else {
                    None
                };
                let frame_obj = match &self.frames.frames[fidx].frame_obj {
                    Some(f) => f.clone(),
                    None => crate::interp::frame_object::materialize(self, fidx),
                };
                crate::interp::traceback::add_entry(&err, &code, lasti, globals, local_names, Some(frame_obj));
            }
            let err = if TRACING && add_tb { crate::interp::trace::exception(self, fidx, err) } else { err };
            if let Some(h) = find_handler(co, raised_at).filter(|_| !unwind_only) {
                let depth_base = base + code.nlocalsplus + h.depth as usize;
                self.frames.values.truncate(depth_base);
                if h.push_lasti {
                    self.frames.values.push(Some(int_from_i64(lasti as i64)));
                }
                self.frames.values.push(Some(err.value()));
                self.frames.frames[fidx].pc = h.handler as usize;
                continue 'frames;
            }
            let err = if TRACING { crate::interp::trace::frame_unwind(self, fidx, err) } else { err };
            crate::interp::frame_object::retire(self, fidx);
            let frame = match self.frames.frames.pop() {
                Some(f) => f,
                None => return Err(err),
            };
            self.frames.values.truncate(frame.base);
            if frame.is_entry {
                if let Some(g) = &frame.generator {
                    crate::types::generator::finish(g);
                }
                return Err(err);
            }
            self.depth -= 1;
            self.frames.values.truncate(frame.ret_sp);
            let err = match frame.generator.is_some() {
                true => {
                    let mut frame = frame;
                    crate::types::generator::finish_inline(self, &mut frame, Some(err)).unwrap_or_else(|| {
                        self.new_exception_msg(&exc().system_error, "lost exception of an inline generator")
                    })
                }
                false => err,
            };
            pending = Some((err, true));
        }
    }

    fn unbound_local(&mut self, code: &PyCode, i: usize) -> PyErr {
        let name = code.localsplus_names[i].as_str().unwrap_or("?").to_string();
        self.new_exception_msg(
            &exc().unbound_local_error,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    fn unbound_deref(&mut self, code: &PyCode, i: usize) -> PyErr {
        let name = code.localsplus_names[i].as_str().unwrap_or("?").to_string();
        if i >= code.nlocalsplus - code.nfree {
            self.new_name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        } else {
            self.new_exception_msg(
                &exc().unbound_local_error,
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        }
    }

    pub fn name_error(&mut self, name: &Value) -> PyErr {
        let n = name.as_str().unwrap_or("?").to_string();
        let e = self.new_name_error(format!("name '{n}' is not defined"));
        crate::types::exceptions::e_set_attr(&e.0, "name", name.clone());
        e
    }

    fn load_name(&mut self, fidx: usize, name: &Value) -> PyResult<Value> {
        let (locals, globals, builtins) = {
            let f = &self.frames.frames[fidx];
            (f.locals.clone(), f.globals().clone(), f.builtins().clone())
        };
        if let Some(l) = locals {
            if let Some(v) = self.mapping_get(&l, name)? {
                return Ok(v);
            }
        }
        if let Some(v) = globals.get_str_value(name) {
            return Ok(v);
        }
        if let Some(v) = builtins.get_str_value(name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    fn store_name(&mut self, fidx: usize, name: Value, v: Option<Value>) -> PyResult<()> {
        let locals = self.frames.frames[fidx].locals.clone();
        let Some(l) = locals else {
            return Err(self.new_exception_msg(&exc().system_error, "no locals found"));
        };
        match v {
            Some(v) => {
                if let Some(d) = l.downcast_ref::<PyDict>() {
                    if l.is_exact(crate::types::dict::DICT_TYPE.get()) {
                        d.set_str_key(name, v);
                        return Ok(());
                    }
                }
                self.set_item(&l, &name, v)
            }
            None => {
                if let Some(d) = l.downcast_ref::<PyDict>() {
                    if d.pop_item(self, &name)?.is_none() {
                        return Err(self.name_error(&name));
                    }
                    return Ok(());
                }
                self.del_item(&l, &name)
            }
        }
    }

    /// `mapping[key]` or `None` if missing (KeyError swallowed).
    pub fn mapping_get(&mut self, mapping: &Value, key: &Value) -> PyResult<Option<Value>> {
        if let Some(d) = mapping.downcast_ref::<PyDict>() {
            if mapping.is_exact(crate::types::dict::DICT_TYPE.get()) {
                return d.get_item(self, key);
            }
        }
        match self.get_item(mapping, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &exc().key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `LOAD_ATTR` method form: the unbound function when `obj.name` would
    /// be a plain method binding.
    fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        // Only exact tuples and lists: a subclass may override `__iter__`.
        let exact = !seq.class().is_heap_type();
        let items = if let Some(t) = seq.as_tuple().filter(|_| exact) {
            t.to_vec()
        } else if let Some(l) = seq.downcast_ref::<PyList>().filter(|_| exact) {
            l.snapshot()
        } else {
            let it = match self.iter(seq) {
                Ok(it) => it,
                Err(e) => {
                    if self.err_matches(&e, &exc().type_error) && seq.class().lookup("__iter__").is_none() {
                        return Err(
                            self.new_type_error(format!("cannot unpack non-iterable {} object", seq.class().name()))
                        );
                    }
                    return Err(e);
                }
            };
            let mut out = Vec::with_capacity(n);
            while let Some(x) = self.next(&it)? {
                if out.len() == n {
                    return Err(self.new_value_error(format!("too many values to unpack (expected {n})")));
                }
                out.push(x);
            }
            out
        };
        if items.len() < n {
            return Err(
                self.new_value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()))
            );
        }
        if items.len() > n {
            return Err(self.new_value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(items)
    }

    fn dict_merge(&mut self, target: &Value, mapping: &Value, merge: bool, callable: Option<Value>) -> PyResult<()> {
        let Some(d) = target.downcast_ref::<PyDict>() else { return Ok(()) };
        // The first (usually only) `**` of a call or display: the target is
        // the fresh dict `BUILD_MAP 0` made, so nothing can collide.
        if let Some(m) = mapping.downcast_ref::<PyDict>() {
            if d.is_empty() && m.copy_into_empty(d, merge) {
                return Ok(());
            }
        }
        let items: Vec<(Value, Value)> = if let Some(m) = mapping.downcast_ref::<PyDict>() {
            m.items()
        } else if mapping.class().lookup("keys").is_some() {
            let keys = self.call_method(mapping, "keys", &[])?;
            let keys = self.collect(&keys)?;
            let mut out = Vec::new();
            for k in keys {
                let v = self.get_item(mapping, &k)?;
                out.push((k, v));
            }
            out
        } else {
            let t = mapping.class().name();
            if merge {
                let fname = callable.map(|c| crate::builtins::callable_name(self, &c)).unwrap_or_default();
                return Err(self.new_type_error(format!("{fname} argument after ** must be a mapping, not {t}")));
            }
            return Err(self.new_type_error(format!("'{t}' object is not a mapping")));
        };
        for (k, v) in items {
            if merge {
                if k.downcast_ref::<PyStr>().is_none() {
                    return Err(self.new_type_error("keywords must be strings"));
                }
                if d.get_item(self, &k)?.is_some() {
                    let fname = callable.as_ref().map(|c| crate::builtins::callable_name(self, c)).unwrap_or_default();
                    return Err(self.new_type_error(format!(
                        "{fname} got multiple values for keyword argument '{}'",
                        k.as_str().unwrap_or("")
                    )));
                }
            }
            d.set_item(self, k, v)?;
        }
        Ok(())
    }

    fn intrinsic1(&mut self, fidx: usize, arg: u32, v: Value) -> PyResult<Value> {
        match Intrinsic1::from_arg(arg) {
            Some(Intrinsic1::Print) => {
                crate::modules::sys::displayhook(self, &v)?;
                Ok(none())
            }
            Some(Intrinsic1::ImportStar) => {
                let locals = self.frames.frames[fidx].locals.clone();
                crate::import::import_star(self, &v, locals)?;
                Ok(none())
            }
            Some(Intrinsic1::UnaryPositive) => match v.as_small_int() {
                Some(_) => Ok(v),
                None => self.unary_op(&v, "__pos__", "+"),
            },
            Some(Intrinsic1::AsyncGenWrap) => Ok(crate::types::async_generator::wrap(v)),
            Some(Intrinsic1::ListToTuple) => match v.downcast_ref::<PyList>() {
                Some(l) => Ok(new_tuple(l.snapshot())),
                None => Ok(v),
            },
            Some(Intrinsic1::StopIterationError) => {
                // PEP 479: a StopIteration escaping a generator becomes a
                // RuntimeError (the RERAISE that follows raises it).
                let flags = self.frames.frames[fidx].code().co.flags;
                let kind = if flags.has(CodeFlags::COROUTINE) {
                    "coroutine"
                } else if flags.has(CodeFlags::ASYNC_GENERATOR) {
                    "async generator"
                } else {
                    "generator"
                };
                let cls = v.class();
                let msg = if cls.is_subtype(&exc().stop_iteration) {
                    format!("{kind} raised StopIteration")
                } else if flags.has(CodeFlags::ASYNC_GENERATOR) && cls.is_subtype(&exc().stop_async_iteration) {
                    format!("{kind} raised StopAsyncIteration")
                } else {
                    return Ok(v);
                };
                let e = self.new_runtime_error(msg);
                e.0.set_cause(Some(v.clone()));
                e.0.set_context(Some(v));
                Ok(e.value())
            }
            _ => Err(self.new_exception_msg(&exc().system_error, "unsupported intrinsic")),
        }
    }

    /// Builds the exception for `raise e [from cause]`.
    fn make_raise(&mut self, e: Value, cause: Option<Value>) -> PyErr {
        let inst = match self.exception_instance(&e) {
            Ok(i) => i,
            Err(err) => return err,
        };
        if let Some(c) = cause {
            let c = if c.is_none() {
                None
            } else {
                match self.exception_instance(&c) {
                    Ok(ci) => Some(ci.to_value()),
                    Err(_) => {
                        return self.new_type_error("exception causes must derive from BaseException");
                    }
                }
            };
            inst.set_cause(c);
            inst.set_suppress_context(true);
        }
        PyErr(inst)
    }

    /// An exception instance from a class (instantiated) or an instance.
    pub fn exception_instance(&mut self, e: &Value) -> PyResult<PyRef<PyBaseException>> {
        if let Some(inst) = e.downcast::<PyBaseException>() {
            return Ok(inst);
        }
        if let Some(t) = e.downcast_ref::<crate::types::type_::PyType>() {
            if t.is_subtype(&exc().base_exception) {
                let v = self.call(e, &[])?;
                return match v.downcast::<PyBaseException>() {
                    Some(i) => Ok(i),
                    None => Err(self.new_type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        crate::builtins::type_repr(t),
                        v.class().name()
                    ))),
                };
            }
        }
        Err(self.new_type_error("exceptions must derive from BaseException"))
    }

    fn exception_matches(&mut self, e: &Value, ty: &Value) -> PyResult<bool> {
        let check = |vm: &mut Vm, t: &Value| -> PyResult<bool> {
            match t.downcast_ref::<crate::types::type_::PyType>() {
                Some(tt) if tt.is_subtype(&exc().base_exception) => Ok(e.class().is_subtype(tt)),
                _ => Err(vm.new_type_error("catching classes that do not inherit from BaseException is not allowed")),
            }
        };
        if let Some(items) = ty.as_tuple() {
            let items = items.to_vec();
            let mut any = false;
            for t in &items {
                if check(self, t)? {
                    any = true;
                }
            }
            return Ok(any);
        }
        check(self, ty)
    }

    /// Sets `__context__` of a newly raised exception to the exception
    /// being handled, avoiding cycles as CPython does.
    fn chain_context(&mut self, err: &PyErr) {
        let Some(h) = self.current_handled() else { return };
        if h.is(&err.value()) {
            return;
        }
        if err.0.context().is_some() {
            return;
        }
        // Break a cycle: if err is already in h's context chain, cut it.
        let mut cur = h.downcast::<PyBaseException>();
        let mut steps = 0;
        while let Some(c) = cur {
            let next = c.context().and_then(|x| x.downcast::<PyBaseException>());
            if let Some(n) = &next {
                if n.is(&err.0) {
                    c.set_context(None);
                    break;
                }
            }
            cur = next;
            steps += 1;
            if steps > 10000 {
                break;
            }
        }
        err.0.set_context(Some(h));
    }

    /// Handles eval-breaker requests: queued refcount merges, stop-the-world,
    /// GIL drop requests, signals.
    #[cold]
    #[inline(never)]
    pub fn handle_eval_breaker(&mut self) -> PyResult<()> {
        crate::runtime::handle_eval_breaker(self)
    }
}

/// Makes a function and what every call of it touches immortal -- unless
/// it is a method of a class made inside a function (its qualified name
/// says `<locals>`): such a class is made again on every call and must stay
/// collectable, and an immortal method would keep it alive through its
/// `__class__` cell.
fn immortalize_function(func: &Value) {
    if let Some(f) = func.downcast_ref::<PyFunction>() {
        if f.code.qualname.as_str().is_some_and(|q| q.contains("<locals>")) {
            return;
        }
        f.code.to_value().make_immortal();
        f.globals.to_value().make_immortal();
        f.builtins.to_value().make_immortal();
    }
    func.make_immortal();
}

/// Whether calling this code makes a generator.
#[inline]
pub fn is_generator_code(code: &PyCode) -> bool {
    let f = code.co.flags;
    f.has(CodeFlags::GENERATOR) || f.has(CodeFlags::COROUTINE) || f.has(CodeFlags::ASYNC_GENERATOR)
}

fn find_handler(
    co: &skein_compiler::bytecode::CodeObject,
    lasti: usize,
) -> Option<skein_compiler::bytecode::ExceptionEntry> {
    // A binary search: the verifier checked that the entries are sorted
    // and do not overlap (`skein_compiler::verify`).
    co.handler_for(lasti as u32).copied()
}

/// The builtins dict for a globals dict: `globals['__builtins__']` (a
/// module or dict), else the interpreter's.
pub fn builtins_of(globals: &PyDict) -> PyRef<PyDict> {
    if let Some(b) = globals.get_str("__builtins__") {
        if let Some(m) = b.downcast_ref::<crate::types::module::PyModule>() {
            return m.dict.clone();
        }
        if let Some(d) = b.downcast::<PyDict>() {
            return d;
        }
    }
    crate::vm::interp().builtins.dict.clone()
}

fn binary_op_from(arg: u32) -> BinaryOp {
    use BinaryOp::*;
    const ALL: [BinaryOp; 26] = [
        Add,
        And,
        FloorDivide,
        Lshift,
        MatrixMultiply,
        Multiply,
        Remainder,
        Or,
        Power,
        Rshift,
        Subtract,
        TrueDivide,
        Xor,
        InplaceAdd,
        InplaceAnd,
        InplaceFloorDivide,
        InplaceLshift,
        InplaceMatrixMultiply,
        InplaceMultiply,
        InplaceRemainder,
        InplaceOr,
        InplacePower,
        InplaceRshift,
        InplaceSubtract,
        InplaceTrueDivide,
        InplaceXor,
    ];
    ALL.get(arg as usize).copied().unwrap_or(Add)
}

fn compare_op_from(arg: u32) -> CompareOp {
    match arg {
        0 => CompareOp::Lt,
        1 => CompareOp::Le,
        2 => CompareOp::Eq,
        3 => CompareOp::Ne,
        4 => CompareOp::Gt,
        _ => CompareOp::Ge,
    }
}

/// Arithmetic on exact floats (with each other or with a small int)
/// without any lookup, for what `number_ops::binary_in_place` left: boxed
/// floats. Two tagged ints are not handled here: `binary_in_place` settled
/// every certain case of theirs and the rest need the general path.
#[inline]
fn fast_binary(a: &Value, b: &Value, arg: u32) -> Option<Value> {
    // Plain and in-place variants share the low 13 codes.
    let code = if arg >= 13 { arg - 13 } else { arg };
    // Exact floats, or an exact float with a small int that converts to a
    // double exactly (|i| <= 2**53, as float.__add__ & co. would).
    const EXACT: i64 = 1 << 53;
    let as_operand = |v: &Value| match v.as_small_int() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => Some(i as f64),
        Some(_) => None,
        None => v.as_exact_float(),
    };
    if !(a.is_tagged_float() || b.is_tagged_float()) && a.as_exact_float().is_none() && b.as_exact_float().is_none() {
        return None;
    }
    let (x, y) = (as_operand(a)?, as_operand(b)?);
    match code {
        0 => Some(crate::types::float::new_float(x + y)),
        10 => Some(crate::types::float::new_float(x - y)),
        5 => Some(crate::types::float::new_float(x * y)),
        11 if y != 0.0 => Some(crate::types::float::new_float(x / y)),
        // A positive base and a finite exponent: `float.__pow__` has no
        // special case, and an infinite result (overflow) is its error.
        8 if x > 0.0 && y.is_finite() => {
            let r = x.powf(y);
            r.is_finite().then(|| crate::types::float::new_float(r))
        }
        _ => None,
    }
}
