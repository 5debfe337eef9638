//! Frame objects (`types.FrameType`), made on demand for
//! `sys._getframe()`, `tb_frame`, `gi_frame` and trace functions.
//!
//! The interpreter's frames are plain records on the thread's frame stack
//! (`frame.rs`). The first request for a frame's object creates it and
//! stores it in the record (`Frame::frame_obj`), so every later request
//! for the same activation gets the same object (`f.f_back is f.f_back`,
//! `tb.tb_frame is sys._getframe()` inside the handler).
//!
//! Frame stacks are per thread, and a frame object can reach any thread (a
//! traceback passed through a queue). So the object never points into a
//! stack: while its frame runs it records only *where* it runs (`live`:
//! the owner's thread id and the record's index), and only the owner
//! thread, which checks that the record at that index still holds this
//! very object, reads the live record. When the frame ends, `retire` takes
//! a snapshot (the instruction, the fast locals, the caller's frame
//! object) and clears `live`; every other reader -- another thread, or the
//! owner after the frame ended -- sees that snapshot, under the object's
//! mutex. A generator's frame object belongs to the generator and is live
//! only while the generator runs; suspended, it reads the generator.

use crate::function::args::Args;
use crate::function::{PyCell, PyCode};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::singletons::{bool_value, none};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static FRAME_TYPE: TypeCell = TypeCell::new();

pub struct PyFrame {
    pub code: PyRef<PyCode>,
    pub globals: PyRef<PyDict>,
    state: Locked<FrameState>,
}

#[derive(Default)]
struct FrameState {
    /// The instruction last known to run (exact once the frame ended).
    lasti: usize,
    /// While the frame runs: (owner thread id, index of its record).
    live: Option<(usize, usize)>,
    /// Module and class bodies: their locals mapping. Function frames: the
    /// `f_locals` dict, made on first access and refreshed in place.
    locals: Option<Value>,
    /// A locals mapping that is the frame's own (module or class body):
    /// `f_locals` returns it as is.
    locals_is_mapping: bool,
    /// A finished function frame's fast locals, taken when it ended.
    dead_window: Option<Vec<Option<Value>>>,
    /// A finished frame's caller (its frame object).
    back: Option<Value>,
    /// The generator or coroutine this frame belongs to.
    generator: Option<Value>,
    pub(crate) trace: Option<Value>,
    pub(crate) trace_lines: bool,
    pub(crate) trace_opcodes: bool,
    /// `f_lineno = n` from a trace function: the instruction to continue at.
    jump_to: Option<usize>,
    /// At the frame's 'call' trace event: `f_lineno` is the first line.
    at_start: bool,
}

impl PyPayload for PyFrame {
    fn class() -> &'static PyRef<PyType> {
        FRAME_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code.to_value());
        visit(&self.globals.to_value());
        let s = self.state.lock();
        for v in [&s.locals, &s.back, &s.generator, &s.trace].into_iter().flatten() {
            visit(v);
        }
        if let Some(w) = &s.dead_window {
            w.iter().flatten().for_each(&mut *visit);
        }
    }
}

impl PyFrame {
    fn new(code: PyRef<PyCode>, globals: PyRef<PyDict>, state: FrameState) -> Value {
        PyRef::new(PyFrame { code, globals, state: Locked::new(state) }).into_value()
    }

    pub fn line_at(&self, lasti: usize) -> u32 {
        self.code.co.locations.get(lasti).map(|l| l.line).unwrap_or(self.code.co.first_line)
    }

    /// The snapshot's current line (see `lineno_in` for the owner's view).
    pub fn lineno(&self) -> u32 {
        let lasti = self.state.lock().lasti;
        self.line_at(lasti)
    }

    /// The frame's local trace function (`f_trace`).
    pub fn trace(&self) -> Option<Value> {
        self.state.lock().trace.clone()
    }

    pub fn set_trace(&self, t: Option<Value>) {
        let old = std::mem::replace(&mut self.state.lock().trace, t);
        drop(old);
    }

    /// (`f_trace_lines`, `f_trace_opcodes`).
    pub fn trace_flags(&self) -> (bool, bool) {
        let s = self.state.lock();
        (s.trace_lines, s.trace_opcodes)
    }

    /// A jump requested by `f_lineno = n` during a trace call, consumed.
    pub fn take_jump(&self) -> Option<usize> {
        self.state.lock().jump_to.take()
    }

    /// The index of this frame's record on `vm`'s stack while it runs there.
    fn live_index(&self, vm: &Vm, this: &Value) -> Option<usize> {
        let (tid, idx) = self.state.lock().live?;
        if tid != vm.thread.tid {
            return None;
        }
        let rec = vm.frames.frames.get(idx)?;
        rec.frame_obj.as_ref().filter(|o| o.is(this)).map(|_| idx)
    }

    /// The current line as seen by `vm`'s thread: the definition's line
    /// before the first instruction ran (a generator not started yet, a
    /// frame at its 'call' trace event), as CPython's `RESUME`.
    pub fn lineno_in(&self, vm: &Vm, this: &Value) -> u32 {
        let (at_start, gen) = {
            let s = self.state.lock();
            (s.at_start, s.generator.clone())
        };
        let unstarted = gen
            .as_ref()
            .and_then(|g| g.downcast_ref::<crate::types::generator::PyGenerator>())
            .is_some_and(|g| !g.was_started());
        if at_start && self.code.co.name == "<module>" {
            // A module's `RESUME` has no line.
            return 0;
        }
        if at_start || unstarted {
            return self.code.co.first_line;
        }
        self.line_at(self.lasti_in(vm, this))
    }

    /// Marks the frame as at its start (its 'call' trace event) or not.
    pub fn set_at_start(&self, v: bool) {
        self.state.lock().at_start = v;
    }

    /// The instruction the frame is at, as seen by `vm`'s thread.
    fn lasti_in(&self, vm: &Vm, this: &Value) -> usize {
        if let Some(idx) = self.live_index(vm, this) {
            return vm.frames.lasti_of(idx);
        }
        let s = self.state.lock();
        match s.generator.as_ref().and_then(|g| g.downcast_ref::<crate::types::generator::PyGenerator>()) {
            Some(g) if s.live.is_none() && !g.is_finished() => g.suspended_at(),
            _ => s.lasti,
        }
    }
}

fn new_state() -> FrameState {
    FrameState { trace_lines: true, ..FrameState::default() }
}

/// The frame object of record `idx` of `vm`'s frame stack, made (and kept
/// in the record) on first use.
pub fn materialize(vm: &mut Vm, idx: usize) -> Value {
    let tid = vm.thread.tid;
    let rec = &vm.frames.frames[idx];
    if let Some(f) = &rec.frame_obj {
        return f.clone();
    }
    let generator = rec.generator.clone();
    let from_gen = generator
        .as_ref()
        .and_then(|g| g.downcast_ref::<crate::types::generator::PyGenerator>())
        .map(|g| g.frame_object());
    let obj = match from_gen {
        Some(obj) => {
            if let Some(f) = obj.downcast_ref::<PyFrame>() {
                f.state.lock().live = Some((tid, idx));
            }
            obj
        }
        None => {
            let mut st = new_state();
            st.live = Some((tid, idx));
            st.lasti = rec.lasti;
            if let Some(l) = &rec.locals {
                st.locals = Some(l.clone());
                st.locals_is_mapping = true;
            }
            PyFrame::new(rec.code().clone(), rec.globals().clone(), st)
        }
    };
    vm.frames.frames[idx].frame_obj = Some(obj.clone());
    obj
}

/// A suspended generator's frame object (owned by the generator).
pub fn for_generator(gen: &Value, code: &PyRef<PyCode>, globals: &PyRef<PyDict>) -> Value {
    let mut st = new_state();
    st.generator = Some(gen.clone());
    PyFrame::new(code.clone(), globals.clone(), st)
}

/// A frame object for a bare (code, instruction) traceback entry, which
/// no running frame made.
pub fn for_code(code: &PyRef<PyCode>, globals: Option<PyRef<PyDict>>, lasti: usize) -> Value {
    let mut st = new_state();
    st.lasti = lasti;
    PyFrame::new(code.clone(), globals.unwrap_or_else(PyDict::new_ref), st)
}

/// Installs a generator's existing frame object in the record `idx` that
/// now runs the generator (resumed on this thread).
pub fn attach(vm: &mut Vm, idx: usize, obj: Value) {
    if let Some(f) = obj.downcast_ref::<PyFrame>() {
        f.state.lock().live = Some((vm.thread.tid, idx));
    }
    vm.frames.frames[idx].frame_obj = Some(obj);
}

/// The record `idx` is about to end (return or exception; the caller then
/// pops it and drops its window): its frame object, if any, takes its snapshot and stops
/// pointing at the stack. A generator keeps its own window, so its frame
/// keeps no copy; other frames copy their fast locals and link their
/// caller's frame object (made now if need be, as CPython does).
pub fn retire(vm: &mut Vm, idx: usize) {
    let Some(obj) = vm.frames.frames[idx].frame_obj.take() else { return };
    let Some(f) = obj.downcast_ref::<PyFrame>() else { return };
    let lasti = vm.frames.lasti_of(idx);
    let rec = &vm.frames.frames[idx];
    let is_gen = f.state.lock().generator.is_some();
    // Nobody else holds the object (the traceback that made it was
    // dropped): it dies with the record, no snapshot needed (CPython's
    // `_PyFrame_Clear` makes the same check).
    let unique = obj.with_ref(|r| r.is_uniquely_referenced()).unwrap_or(false);
    let (window, back) = if is_gen || unique {
        (None, None)
    } else {
        // Every caller pops the record and cuts the value stack at its base
        // right after this: the window's values move into the snapshot
        // instead of being copied (counted) here and released there, as
        // CPython's `take_ownership` moves the frame into its object.
        let start = rec.base.min(vm.frames.values.len());
        let end = (rec.base + rec.code().nlocalsplus).min(vm.frames.values.len());
        let w: Vec<Option<Value>> = vm.frames.values[start..end].iter_mut().map(Option::take).collect();
        let back = if idx > 0 { Some(materialize(vm, idx - 1)) } else { None };
        (Some(w), back)
    };
    let (old_w, old_b) = {
        let mut s = f.state.lock();
        s.live = None;
        s.lasti = lasti;
        s.jump_to = None;
        let old_w = std::mem::replace(&mut s.dead_window, window);
        let old_b = std::mem::replace(&mut s.back, back);
        (old_w, old_b)
    };
    drop((old_w, old_b));
}

/// A record holding a frame object was dropped without `retire` (a path
/// that discards frames wholesale): the object keeps its last snapshot and
/// stops pointing at the stack.
pub fn detach(obj: &Value) {
    if let Some(f) = obj.downcast_ref::<PyFrame>() {
        f.state.lock().live = None;
    }
}

/// The frame object of the running frame `depth` levels up (0 = innermost).
pub fn frame_at(vm: &mut Vm, depth: usize) -> Option<Value> {
    let n = vm.frames.frames.len();
    if depth >= n {
        return None;
    }
    Some(materialize(vm, n - 1 - depth))
}

/// Fills `d` with the bound fast locals in `slots` (cells dereferenced),
/// removing names that are unbound, as CPython's `PyFrame_FastToLocals`.
fn fill_locals(vm: &mut Vm, d: &PyDict, code: &PyCode, window: &[Option<Value>]) {
    let co = &code.co;
    for i in 0..code.nlocalsplus {
        let name = code.localsplus_names[i].clone();
        let kind = co.localsplus_kinds.get(i).copied().unwrap_or(0);
        let cellish =
            kind & (skein_compiler::bytecode::LocalKind::CELL | skein_compiler::bytecode::LocalKind::FREE) != 0;
        let v = match window.get(i).cloned().flatten() {
            Some(v) if cellish => match v.downcast_ref::<PyCell>().map(|c| c.get()) {
                Some(x) => x,
                None => Some(v),
            },
            v => v,
        };
        match v {
            Some(v) => d.set_str_key(name, v),
            None => {
                let _ = d.pop_item(vm, &name);
            }
        }
    }
}

/// `f_locals`, as seen by `vm`'s thread.
fn locals_of(vm: &mut Vm, f: &PyFrame, this: &Value) -> Value {
    let (existing, is_mapping) = {
        let s = f.state.lock();
        (s.locals.clone(), s.locals_is_mapping)
    };
    if is_mapping {
        if let Some(l) = existing {
            return l;
        }
    }
    let d = match existing.and_then(|l| l.downcast::<PyDict>()) {
        Some(d) => d,
        None => {
            let d = PyDict::new_ref();
            f.state.lock().locals = Some(d.clone().into_value());
            d
        }
    };
    if let Some(idx) = f.live_index(vm, this) {
        let base = vm.frames.frames[idx].base;
        let w: Vec<Option<Value>> =
            (0..f.code.nlocalsplus).map(|i| vm.frames.values.get(base + i).cloned().flatten()).collect();
        fill_locals(vm, &d, &f.code, &w);
        return d.into_value();
    }
    let (window, gen) = {
        let s = f.state.lock();
        (s.dead_window.clone(), s.generator.clone())
    };
    let window = match (window, gen) {
        (Some(w), _) => Some(w),
        (None, Some(g)) => g.downcast_ref::<crate::types::generator::PyGenerator>().map(|g| g.locals_snapshot()),
        _ => None,
    };
    if let Some(w) = window {
        fill_locals(vm, &d, &f.code, &w);
    }
    d.into_value()
}

/// Refreshes the frame's `f_locals` dict, if it has one, from its running
/// frame (before a trace function runs: CPython's `PyFrame_FastToLocals`).
pub fn refresh_locals(vm: &mut Vm, this: &Value) {
    let Some(f) = this.downcast_ref::<PyFrame>() else { return };
    let has_dict = {
        let s = f.state.lock();
        s.locals.is_some() && !s.locals_is_mapping
    };
    if has_dict {
        locals_of(vm, f, this);
    }
}

/// Writes `f_locals` back into the running frame's fast locals (after a
/// trace function ran, as CPython 3.11's `PyFrame_LocalsToFast`): a
/// debugger's assignment to a local takes effect. Cells are left alone.
pub fn locals_to_fast(vm: &mut Vm, this: &Value) {
    let Some(f) = this.downcast_ref::<PyFrame>() else { return };
    let Some(idx) = f.live_index(vm, this) else { return };
    let d = {
        let s = f.state.lock();
        if s.locals_is_mapping {
            return;
        }
        s.locals.clone().and_then(|l| l.downcast::<PyDict>())
    };
    let Some(d) = d else { return };
    let base = vm.frames.frames[idx].base;
    let code = f.code.clone();
    for i in 0..code.nlocalsplus {
        let kind = code.co.localsplus_kinds.get(i).copied().unwrap_or(0);
        if kind & (skein_compiler::bytecode::LocalKind::CELL | skein_compiler::bytecode::LocalKind::FREE) != 0 {
            continue;
        }
        let v = d.get_str_value(&code.localsplus_names[i]);
        if let Some(slot) = vm.frames.values.get_mut(base + i) {
            let old = std::mem::replace(slot, v);
            drop(old);
        }
    }
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyFrame> {
    match v.downcast_ref::<PyFrame>() {
        Some(f) => Ok(f),
        None => Err(vm.new_type_error("descriptor requires a 'frame' object")),
    }
}

fn f_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.code.to_value())
}
fn f_globals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.globals.to_value())
}
fn f_builtins(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = this(vm, v)?.globals.clone();
    Ok(crate::interp::eval::builtins_of(&g).into_value())
}
fn f_locals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = this(vm, v)?;
    Ok(locals_of(vm, f, v))
}
fn f_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = this(vm, v)?;
    Ok(int_from_i64(f.lineno_in(vm, v) as i64))
}
fn f_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = this(vm, v)?;
    Ok(int_from_i64(f.lasti_in(vm, v) as i64 * 2))
}
fn f_back(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = this(vm, v)?;
    if let Some(idx) = f.live_index(vm, v) {
        return Ok(if idx > 0 { materialize(vm, idx - 1) } else { none() });
    }
    Ok(f.state.lock().back.clone().unwrap_or_else(none))
}
fn f_trace(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.trace().unwrap_or_else(none))
}
fn set_f_trace(vm: &mut Vm, v: &Value, t: Option<Value>) -> PyResult<()> {
    let f = this(vm, v)?;
    f.set_trace(t.filter(|t| !t.is_none()));
    Ok(())
}
fn f_trace_lines(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(this(vm, v)?.state.lock().trace_lines))
}
fn f_trace_opcodes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(this(vm, v)?.state.lock().trace_opcodes))
}
fn bool_arg(vm: &mut Vm, name: &str, t: Option<Value>) -> PyResult<bool> {
    match t {
        Some(b) if b.as_bool_obj().is_some() => Ok(b.as_bool_obj().unwrap_or(false)),
        Some(_) => Err(vm.new_type_error(format!("attribute value type must be bool"))),
        None => Err(vm.new_type_error(format!("cannot delete attribute '{name}'"))),
    }
}
fn set_f_trace_lines(vm: &mut Vm, v: &Value, t: Option<Value>) -> PyResult<()> {
    let b = bool_arg(vm, "f_trace_lines", t)?;
    this(vm, v)?.state.lock().trace_lines = b;
    Ok(())
}
fn set_f_trace_opcodes(vm: &mut Vm, v: &Value, t: Option<Value>) -> PyResult<()> {
    let b = bool_arg(vm, "f_trace_opcodes", t)?;
    this(vm, v)?.state.lock().trace_opcodes = b;
    Ok(())
}
fn set_f_lineno(vm: &mut Vm, v: &Value, t: Option<Value>) -> PyResult<()> {
    let f = this(vm, v)?;
    let Some(t) = t else { return Err(vm.new_attribute_error("cannot delete f_lineno")) };
    let Some(line) = t.as_small_int().filter(|_| t.class().is(crate::types::int::INT_TYPE.get())) else {
        return Err(vm.new_value_error(format!("lineno must be an integer, not {}", t.class().name())));
    };
    let idx = f.live_index(vm, v);
    let target = crate::interp::trace::check_jump(vm, f, idx, line)?;
    f.state.lock().jump_to = Some(target);
    Ok(())
}

fn frame_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "clear", 1)?;
    let f = this(vm, &a[0])?;
    let (live, gen) = {
        let s = f.state.lock();
        (s.live.is_some(), s.generator.clone())
    };
    if live {
        return Err(vm.new_runtime_error("cannot clear an executing frame"));
    }
    if let Some(g) = gen {
        if let Some(gen) = g.downcast_ref::<crate::types::generator::PyGenerator>() {
            if !gen.is_finished() {
                gen.close(vm, &g)?;
            }
        }
    }
    let (w, l, t) = {
        let mut s = f.state.lock();
        let l = if s.locals_is_mapping { None } else { s.locals.take() };
        (s.dead_window.take(), l, s.trace.take())
    };
    if let Some(d) = l.as_ref().and_then(|l| l.downcast_ref::<PyDict>()) {
        d.clear();
    }
    drop((w, l, t));
    Ok(none())
}

fn frame_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let f = this(vm, &a[0])?;
    let line = f.lineno_in(vm, &a[0]);
    Ok(crate::types::str::new_str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        a[0].raw_word(),
        f.code.co.filename,
        line,
        f.code.co.name
    )))
}

/// `sys._getframe(depth=0)`.
pub fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_getframe", 0, 1)?;
    let depth = match a.first() {
        Some(d) => vm.index_isize(d)?.max(0) as usize,
        None => 0,
    };
    match frame_at(vm, depth) {
        Some(f) => Ok(f),
        None => Err(vm.new_value_error("call stack is not deep enough")),
    }
}

pub(crate) fn install() {
    let t = PyType::new_builtin::<PyFrame>("frame", Some(crate::types::instance_object_type()), 0, false);
    t.set_dict(PyDict::new_ref());
    FRAME_TYPE.set(t);
    let t = FRAME_TYPE.get();
    crate::function::native::add_methods(t, &[("__repr__", frame_repr), ("clear", frame_clear)]);
    use crate::function::descriptors::add_getset;
    add_getset(t, "f_code", f_code, None);
    add_getset(t, "f_globals", f_globals, None);
    add_getset(t, "f_builtins", f_builtins, None);
    add_getset(t, "f_locals", f_locals, None);
    add_getset(t, "f_lineno", f_lineno, Some(set_f_lineno));
    add_getset(t, "f_lasti", f_lasti, None);
    add_getset(t, "f_back", f_back, None);
    add_getset(t, "f_trace", f_trace, Some(set_f_trace));
    add_getset(t, "f_trace_lines", f_trace_lines, Some(set_f_trace_lines));
    add_getset(t, "f_trace_opcodes", f_trace_opcodes, Some(set_f_trace_opcodes));
    crate::interp::traceback_object::install();
    crate::interp::generator_attrs::install();
}
