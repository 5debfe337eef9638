//! Frame objects (`types.FrameType`): Python-visible snapshots of a frame
//! record, made on demand for `sys._getframe()`, `tb_frame` and `gi_frame`.
//!
//! The interpreter's frames are plain records on the thread's frame stack;
//! a frame object copies what introspection needs (code, globals, current
//! line, the caller) so it stays valid after the frame returns.

use crate::function::args::Args;
use crate::function::{PyCell, PyCode};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::singletons::none;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static FRAME_TYPE: TypeCell = TypeCell::new();

pub struct PyFrame {
    pub code: PyRef<PyCode>,
    pub globals: PyRef<PyDict>,
    pub lasti: usize,
    pub locals: Locked<Option<Value>>,
    pub back: Option<Value>,
}

impl PyPayload for PyFrame {
    fn class() -> &'static PyRef<PyType> {
        FRAME_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code.to_value());
        visit(&self.globals.to_value());
        if let Some(l) = self.locals.lock().as_ref() {
            visit(l);
        }
        if let Some(b) = &self.back {
            visit(b);
        }
    }
}

impl PyFrame {
    pub fn lineno(&self) -> u32 {
        self.code.co.locations.get(self.lasti).map(|l| l.line).unwrap_or(self.code.co.first_line)
    }
}

/// A frame object for the running frame `depth` levels up (0 = innermost).
pub fn frame_at(vm: &mut Vm, depth: usize) -> Option<Value> {
    let n = vm.frames.frames.len();
    if depth >= n {
        return None;
    }
    let idx = n - 1 - depth;
    let back = if idx > 0 { frame_at(vm, depth + 1) } else { None };
    let f = &vm.frames.frames[idx];
    let code = f.code().clone();
    let globals = f.globals().clone();
    let lasti = f.lasti;
    let locals = match &f.locals {
        Some(l) => l.clone(),
        None => snapshot_locals(vm, idx),
    };
    Some(PyRef::new(PyFrame { code, globals, lasti, locals: Locked::new(Some(locals)), back }).into_value())
}

/// A dict of the bound fast locals of frame `idx` (cells dereferenced).
fn snapshot_locals(vm: &Vm, idx: usize) -> Value {
    let f = &vm.frames.frames[idx];
    let d = PyDict::new_ref();
    let co = &f.code().co;
    for i in 0..f.code().nlocalsplus {
        let Some(v) = vm.frames.values.get(f.base + i).cloned().flatten() else { continue };
        let kind = co.localsplus_kinds.get(i).copied().unwrap_or(0);
        let cellish =
            kind & (skein_compiler::bytecode::LocalKind::CELL | skein_compiler::bytecode::LocalKind::FREE) != 0;
        let v = if cellish {
            match v.downcast_ref::<PyCell>().map(|c| c.get()) {
                Some(Some(x)) => x,
                Some(None) => continue,
                None => v,
            }
        } else {
            v
        };
        d.set_str_key(f.code().localsplus_names[i].clone(), v);
    }
    d.into_value()
}

/// A frame object for a traceback entry (no caller chain).
pub fn frame_for(code: &PyRef<PyCode>, globals: Option<PyRef<PyDict>>, lasti: usize) -> Value {
    let globals = globals.unwrap_or_else(PyDict::new_ref);
    PyRef::new(PyFrame { code: code.clone(), globals, lasti, locals: Locked::new(None), back: None }).into_value()
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
    let mut l = f.locals.lock();
    Ok(l.get_or_insert_with(|| PyDict::new_ref().into_value()).clone())
}
fn f_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v)?.lineno() as i64))
}
fn f_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v)?.lasti as i64 * 2))
}
fn f_back(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.back.clone().unwrap_or_else(none))
}
fn f_trace(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(none())
}

fn frame_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let f = this(vm, &a[0])?;
    Ok(crate::types::str::new_str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        a[0].raw_word(),
        f.code.co.filename,
        f.lineno(),
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
    crate::function::native::add_methods(t, &[("__repr__", frame_repr)]);
    use crate::function::descriptors::add_getset;
    add_getset(t, "f_code", f_code, None);
    add_getset(t, "f_globals", f_globals, None);
    add_getset(t, "f_builtins", f_builtins, None);
    add_getset(t, "f_locals", f_locals, None);
    add_getset(t, "f_lineno", f_lineno, None);
    add_getset(t, "f_lasti", f_lasti, None);
    add_getset(t, "f_back", f_back, None);
    add_getset(t, "f_trace", f_trace, None);
}
