//! `sys.settrace` / `sys.setprofile`: per-thread trace and profile
//! functions and the events the dispatch loop reports to them, with
//! CPython 3.11's rules (`Python/ceval.c`, `Python/sysmodule.c`).
//!
//! Cost when off: the dispatch loop is compiled twice
//! (`Vm::run_frame_loop::<TRACING>`); the plain instance has no trace hook
//! at all, and `run_frame` picks the traced one only while this thread has
//! a trace or profile function. `settrace` inside a running loop rings
//! this thread's eval breaker ([`BREAKER_TRACE`]); the plain loop, at its
//! next breaker check (`CALL`, `JUMP_BACKWARD`), continues the same frames
//! in the traced loop. The traced loop never switches back: once the
//! function is removed its hooks see no function and do nothing, and the
//! next entry into a loop is plain again.
//!
//! Events follow 3.11: 'call' when a frame starts or a generator resumes
//! (to the global trace function, whose result becomes the frame's
//! `f_trace`), 'line' when execution reaches an instruction on a different
//! line than the previous one in the frame or jumps backwards (not in a
//! `yield from` loop), 'opcode' before each instruction when
//! `f_trace_opcodes` is set, 'exception' when an exception is raised in or
//! passes through a frame, 'return' at a return, a yield, or an exception
//! leaving the frame (argument None). Profile functions get 'call',
//! 'return' and 'c_call'/'c_return'/'c_exception' around calls of builtin
//! functions from Python code. While a trace or profile function runs, no
//! events are reported (`TraceState::busy`). A trace function that raises
//! is removed for the thread (and the frame's `f_trace` cleared) and the
//! exception propagates; so is a profile function.

use skein_compiler::bytecode::Opcode;

use crate::function::PyCode;
use crate::intern::intern;
use crate::interp::frame_object::{materialize, PyFrame};
use crate::types::singletons::none;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Eval-breaker bit: this thread's trace or profile function was set; the
/// plain dispatch loop hands its frames to the traced loop.
pub const BREAKER_TRACE: u32 = skein_threading::registry::BREAKER_FIRST_FREE_BIT << 6;

/// `frame.f_lasti`-style "no previous instruction": the frame just started.
pub const AT_START: usize = usize::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub enum Event {
    /// Also what CPython's `tracing_what` says outside any event.
    #[default]
    Call,
    Exception,
    Line,
    Return,
    CCall,
    CException,
    CReturn,
    Opcode,
}

impl Event {
    pub fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Exception => "exception",
            Event::Line => "line",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CException => "c_exception",
            Event::CReturn => "c_return",
            Event::Opcode => "opcode",
        }
    }
}

/// A thread's tracing state (`Vm::trace`).
#[derive(Default)]
pub struct TraceState {
    pub trace: Option<Value>,
    pub profile: Option<Value>,
    /// Non-zero while a trace or profile function runs.
    pub busy: u32,
    /// The event being reported (for `f_lineno` assignment's checks).
    pub what: Event,
}

impl TraceState {
    /// Whether this thread needs the traced dispatch loop.
    #[inline(always)]
    pub fn active(&self) -> bool {
        self.trace.is_some() || self.profile.is_some()
    }

    /// Whether events are reported now.
    #[inline(always)]
    pub fn reporting(&self) -> bool {
        self.busy == 0 && self.active()
    }
}

/// The frames running now have started: they get no 'call' event.
fn mark_running_started(vm: &mut Vm) {
    for f in vm.frames.frames.iter_mut() {
        f.trace_started = true;
    }
}

/// `sys.settrace(func)` for this thread.
pub fn set_trace(vm: &mut Vm, func: Option<Value>) {
    if !vm.trace.active() {
        mark_running_started(vm);
    }
    let old = std::mem::replace(&mut vm.trace.trace, func);
    drop(old);
    if vm.trace.active() {
        vm.thread.request(BREAKER_TRACE);
    }
}

/// `sys.setprofile(func)` for this thread.
pub fn set_profile(vm: &mut Vm, func: Option<Value>) {
    if !vm.trace.active() {
        mark_running_started(vm);
    }
    let old = std::mem::replace(&mut vm.trace.profile, func);
    drop(old);
    if vm.trace.active() {
        vm.thread.request(BREAKER_TRACE);
    }
}

/// At an eval-breaker check: clears [`BREAKER_TRACE`]; whether the frames
/// must now run in the traced loop.
#[cold]
pub fn take_breaker(vm: &mut Vm) -> bool {
    if vm.thread.breaker_bits() & BREAKER_TRACE != 0 {
        vm.thread.clear(BREAKER_TRACE);
    }
    vm.trace.active()
}

/// Calls `func(frame, event, arg)` with events off, the frame's `f_locals`
/// refreshed before and written back after (CPython's `call_trampoline`).
fn call_func(vm: &mut Vm, func: &Value, frame: &Value, what: Event, arg: Value) -> PyResult<Value> {
    crate::interp::frame_object::refresh_locals(vm, frame);
    vm.trace.busy += 1;
    let old = std::mem::replace(&mut vm.trace.what, what);
    let r = vm.call(func, &[frame.clone(), intern(what.name()), arg]);
    vm.trace.what = old;
    vm.trace.busy -= 1;
    crate::interp::frame_object::locals_to_fast(vm, frame);
    r
}

/// One event for the trace function (CPython's `trace_trampoline`): 'call'
/// goes to the thread's function, the rest to the frame's `f_trace`.
fn trace_event(vm: &mut Vm, idx: usize, what: Event, arg: Value) -> PyResult<()> {
    let Some(global) = vm.trace.trace.clone() else { return Ok(()) };
    let frame = materialize(vm, idx);
    let Some(f) = frame.downcast_ref::<PyFrame>() else { return Ok(()) };
    let callback = if what == Event::Call { Some(global) } else { f.trace() };
    let Some(cb) = callback else { return Ok(()) };
    match call_func(vm, &cb, &frame, what, arg) {
        Err(e) => {
            let old = vm.trace.trace.take();
            drop(old);
            f.set_trace(None);
            Err(e)
        }
        Ok(r) => {
            if !r.is_none() {
                f.set_trace(Some(r));
            }
            Ok(())
        }
    }
}

/// One event for the profile function (CPython's `profile_trampoline`).
fn profile_event(vm: &mut Vm, idx: usize, what: Event, arg: Value) -> PyResult<()> {
    let Some(p) = vm.trace.profile.clone() else { return Ok(()) };
    let frame = materialize(vm, idx);
    match call_func(vm, &p, &frame, what, arg) {
        Err(e) => {
            let old = vm.trace.profile.take();
            drop(old);
            Err(e)
        }
        Ok(_) => Ok(()),
    }
}

/// At the dispatch loop's frame entry: a frame that has not started yet
/// (a new frame, a resumed generator) reports 'call'.
#[cold]
#[inline(never)]
pub fn frame_entry(vm: &mut Vm, idx: usize) -> PyResult<()> {
    let rec = &mut vm.frames.frames[idx];
    if rec.trace_started {
        return Ok(());
    }
    rec.trace_started = true;
    if !vm.trace.reporting() {
        return Ok(());
    }
    let fresh = rec.pc == 0;
    let frame = materialize(vm, idx);
    let f = frame.downcast_ref::<PyFrame>();
    if fresh {
        f.inspect(|f| f.set_at_start(true));
    }
    let r = trace_event(vm, idx, Event::Call, none()).and_then(|_| profile_event(vm, idx, Event::Call, none()));
    if fresh {
        f.inspect(|f| f.set_at_start(false));
    }
    r
}

fn line_of(code: &PyCode, i: usize) -> u32 {
    code.co.locations.get(i).map(|l| l.line).unwrap_or(0)
}

/// Before instruction `lasti` in a frame being traced (the thread has a
/// trace function): 'line' and 'opcode' events. `prev` is the previous
/// instruction run in this frame ([`AT_START`] at its start), updated
/// here. Returns the instruction to continue at when the trace function
/// set `f_lineno`.
#[cold]
#[inline(never)]
pub fn instruction(vm: &mut Vm, idx: usize, lasti: usize, prev: &mut usize) -> PyResult<Option<usize>> {
    let code = vm.frames.frames[idx].code().clone();
    let op = code.instrs.get(lasti).map(|d| d.op).unwrap_or(Opcode::NOP);
    let last = std::mem::replace(prev, lasti);
    if !vm.trace.reporting() || vm.trace.trace.is_none() {
        return Ok(None);
    }
    let Some(frame) = vm.frames.frames[idx].frame_obj.clone() else { return Ok(None) };
    let Some(f) = frame.downcast_ref::<PyFrame>() else { return Ok(None) };
    if f.trace().is_none() {
        return Ok(None);
    }
    vm.frames.frames[idx].lasti = lasti;
    let (lines, opcodes) = f.trace_flags();
    let line = line_of(&code, lasti);
    if lines && line != 0 {
        // 3.11: the first instruction after `RESUME` always reports.
        let fire = last == AT_START || line != line_of(&code, last) || (lasti < last && op != Opcode::SEND);
        if fire {
            trace_event(vm, idx, Event::Line, none())?;
        }
    }
    if opcodes {
        trace_event(vm, idx, Event::Opcode, none())?;
    }
    Ok(f.take_jump())
}

/// A frame returns `v` or yields it: 'return' to the trace and profile
/// functions. A failing function's error replaces the return.
#[cold]
#[inline(never)]
pub fn frame_return(vm: &mut Vm, idx: usize, lasti: usize, v: &Value) -> PyResult<()> {
    if !vm.trace.reporting() {
        return Ok(());
    }
    vm.frames.frames[idx].lasti = lasti;
    trace_event(vm, idx, Event::Return, v.clone())?;
    profile_event(vm, idx, Event::Return, v.clone())
}

/// An exception was raised in (or passed into) frame `idx`: 'exception'
/// with `(type, value, traceback)`; the trace function's own error
/// replaces it.
#[cold]
#[inline(never)]
pub fn exception(vm: &mut Vm, idx: usize, err: PyErr) -> PyErr {
    if !vm.trace.reporting() || vm.trace.trace.is_none() {
        return err;
    }
    let value = err.value();
    let tb = err.0.traceback().unwrap_or_else(none);
    let arg = new_tuple(vec![value.class_ref().into_value(), value, tb]);
    match trace_event(vm, idx, Event::Exception, arg) {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// An exception leaves frame `idx`: 'return' with None; an error of the
/// trace function replaces the exception.
#[cold]
#[inline(never)]
pub fn frame_unwind(vm: &mut Vm, idx: usize, err: PyErr) -> PyErr {
    if !vm.trace.reporting() {
        return err;
    }
    match trace_event(vm, idx, Event::Return, none()).and_then(|_| profile_event(vm, idx, Event::Return, none())) {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// Whether calling `callable` from Python code reports 'c_call' events (a
/// builtin function or method, as CPython's `PyCFunction`).
fn is_builtin(callable: &Value) -> bool {
    use crate::function::native::{BUILTIN_FUNCTION_TYPE, METHOD_DESCRIPTOR_TYPE};
    let c = callable.class();
    c.is(BUILTIN_FUNCTION_TYPE.get()) || c.is(METHOD_DESCRIPTOR_TYPE.get())
}

/// A call from frame `idx` of a callable that is not a Python function,
/// with the profile function set: 'c_call', then 'c_return' or
/// 'c_exception' around `call`.
#[cold]
#[inline(never)]
pub fn profile_c_call(
    vm: &mut Vm,
    idx: usize,
    callable: &Value,
    call: impl FnOnce(&mut Vm) -> PyResult<Value>,
) -> PyResult<Value> {
    if vm.trace.profile.is_none() || !vm.trace.reporting() || !is_builtin(callable) {
        return call(vm);
    }
    profile_event(vm, idx, Event::CCall, callable.clone())?;
    match call(vm) {
        Ok(v) => {
            profile_event(vm, idx, Event::CReturn, callable.clone())?;
            Ok(v)
        }
        Err(e) => {
            profile_event(vm, idx, Event::CException, callable.clone())?;
            Err(e)
        }
    }
}

/// `frame.f_lineno = line` on `f` (whose record is `idx` if it runs on this
/// thread): CPython 3.11's checks, then the first instruction of the line
/// (or the next line with code) whose operand stack is no deeper than now.
pub fn check_jump(vm: &mut Vm, f: &PyFrame, idx: Option<usize>, line: i64) -> PyResult<usize> {
    match vm.trace.what {
        Event::Call => return Err(vm.new_value_error("can't jump from the 'call' trace event of a new frame")),
        Event::Line | Event::Opcode => {}
        _ => return Err(vm.new_value_error("can only jump from a 'line' trace event")),
    }
    let (Some(idx), Some(_)) = (idx, f.trace()) else {
        return Err(vm.new_value_error("f_lineno can only be set by a trace function"));
    };
    let code = f.code.clone();
    if line < code.co.first_line as i64 {
        return Err(vm.new_value_error(format!("line {line} comes before the current code block")));
    }
    let depths = stack_depths(&code);
    let starts: Vec<usize> = instruction_starts(&code);
    let target_line = starts.iter().map(|&i| line_of(&code, i) as i64).filter(|&l| l >= line).min();
    let Some(target_line) = target_line else {
        return Err(vm.new_value_error(format!("line {line} comes after the current code block")));
    };
    let rec = &vm.frames.frames[idx];
    // The frame's own operand depth before the instruction being traced
    // (the stack above it is the trace function's, running now). The
    // verifier proved every path reaches an instruction with this depth,
    // so cutting the stack to a target's depth no deeper than it leaves
    // exactly what the target expects.
    let Some(now) = depths.get(rec.lasti).copied().flatten() else {
        return Err(vm.new_value_error("can't jump from here"));
    };
    let mut candidates: Vec<usize> = Vec::new();
    for (n, &i) in starts.iter().enumerate() {
        if line_of(&code, i) as i64 == target_line {
            candidates.push(i);
        } else if let Some(&next) = starts.get(n + 1) {
            // `STORE_FAST__LOAD_FAST` fused across a line break: its load
            // starts the next line (`x = ...` then a line using a local),
            // but the unit carries the store's line. Entering after the
            // store is a target for that line.
            if code.instrs[i].op == Opcode::STORE_FAST__LOAD_FAST
                && line_of(&code, next) as i64 == target_line
                && (line_of(&code, i) as i64) < target_line
            {
                candidates.push(i | SECOND_HALF);
            }
        }
    }
    candidates.sort_by_key(|&c| c & !SECOND_HALF);
    let depth_of = |c: usize| -> Option<usize> {
        let d = depths.get(c & !SECOND_HALF).copied().flatten()?;
        if c & SECOND_HALF != 0 {
            d.checked_sub(1)
        } else {
            Some(d)
        }
    };
    // Entering a `for` body from outside it would leave no iterator under
    // the loop (the depth alone can match with something else there).
    let from = rec.lasti;
    let enters_for = |c: usize| enters_for_body(&code, from, c & !SECOND_HALF);
    match candidates.iter().copied().find(|&c| depth_of(c).is_some_and(|d| d <= now) && !enters_for(c)) {
        Some(t) => {
            // The operands popped by the jump must not be an exception
            // being handled (its state would be left behind).
            let keep = depth_of(t).unwrap_or(0);
            let base = rec.base + code.nlocalsplus;
            let popped = vm.frames.values.get(base + keep..base + now).unwrap_or(&[]);
            if popped.iter().flatten().any(|v| v.class().is_subtype(&crate::types::exceptions::exc().base_exception)) {
                return Err(vm.new_value_error("can't jump out of an 'except' block"));
            }
            Ok(t)
        }
        None => {
            // (Entering a for body implies starting inside one.)
            let into_for = candidates.iter().any(|&c| starts_inside_for(&code, c & !SECOND_HALF));
            Err(vm.new_value_error(if into_for {
                "can't jump into the body of a for loop"
            } else {
                "can't jump into the middle of a block"
            }))
        }
    }
}

/// Marks a jump target that enters a `STORE_FAST__LOAD_FAST` after its
/// store (see [`check_jump`]).
const SECOND_HALF: usize = 1 << (usize::BITS - 1);

/// Makes the jump to `target` (checked by [`check_jump`]) in frame `idx`:
/// cuts its operand stack to the target's depth and returns the
/// instruction to continue at. Entering a fused store-and-load after its
/// store runs the load here.
pub fn apply_jump(vm: &mut Vm, idx: usize, target: usize) -> usize {
    let code = vm.frames.frames[idx].code().clone();
    let at = target & !SECOND_HALF;
    let depths = stack_depths(&code);
    let mut depth = depths.get(at).copied().flatten().unwrap_or(0);
    if target & SECOND_HALF != 0 {
        depth = depth.saturating_sub(1);
    }
    let base = vm.frames.frames[idx].base;
    let keep = base + code.nlocalsplus + depth;
    if vm.frames.values.len() > keep {
        vm.frames.values.truncate(keep);
    }
    if target & SECOND_HALF == 0 {
        return at;
    }
    let d = &code.instrs[at];
    let local = vm.frames.values.get(base + (d.arg & 0xfff) as usize).cloned().flatten();
    // An unbound local loads as NULL would crash the next instruction: the
    // plain `LOAD_FAST` it replaces was proven bound on every path, but a
    // jump can skip the store, so load None instead of nothing.
    vm.frames.values.push(Some(local.unwrap_or_else(none)));
    at + d.len as usize
}

fn instruction_starts(code: &PyCode) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = code.co.code.len();
    while i < n {
        let d = &code.instrs[i];
        if d.op != Opcode::CACHE {
            out.push(i);
        }
        i += (d.len as usize).max(1);
    }
    out
}

/// The `for` loop bodies of `code`: from after each `FOR_ITER` (its unit
/// index) to the exit it jumps to, both exclusive.
fn for_bodies(code: &PyCode) -> impl Iterator<Item = (usize, usize)> + '_ {
    instruction_starts(code)
        .into_iter()
        .filter(|&k| code.instrs[k].op == Opcode::FOR_ITER)
        .map(|k| (k, code.instrs[k].arg as usize))
}

/// Whether `to` is in the body of a `for` loop that does not contain `from`.
fn enters_for_body(code: &PyCode, from: usize, to: usize) -> bool {
    let inside = |i: usize, (k, exit): (usize, usize)| k < i && i < exit;
    for_bodies(code).any(|b| inside(to, b) && !inside(from, b))
}

/// Whether `i` is in the body of some `for` loop.
fn starts_inside_for(code: &PyCode, i: usize) -> bool {
    for_bodies(code).any(|(k, exit)| k < i && i < exit)
}

/// The operand stack depth before each instruction (None: unreachable),
/// the same walk as the verifier's (`skein_compiler::verify`).
fn stack_depths(code: &PyCode) -> Vec<Option<usize>> {
    let n = code.co.code.len();
    let mut depth_at: Vec<Option<usize>> = vec![None; n + 1];
    let mut work = vec![(0usize, 0i64)];
    while let Some((k, depth)) = work.pop() {
        if k >= n || depth < 0 || depth_at[k].is_some() {
            continue;
        }
        depth_at[k] = Some(depth as usize);
        let d = &code.instrs[k];
        if let Some(e) = code.co.handler_for(k as u32) {
            work.push((e.handler as usize, i64::from(e.depth) + 1 + i64::from(e.push_lasti)));
        }
        let after = depth + i64::from(d.op.stack_effect(d.arg, false).unwrap_or(0));
        if d.op.is_jump() {
            let taken = depth + i64::from(d.op.stack_effect(d.arg, true).unwrap_or(0));
            work.push((d.arg as usize, taken));
        }
        if !d.op.is_terminator() {
            work.push((k + (d.len as usize).max(1), after));
        }
    }
    depth_at
}
