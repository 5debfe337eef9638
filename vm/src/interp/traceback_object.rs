//! The traceback type's Python attributes (`tb_frame`, `tb_next`,
//! `tb_lineno`, `tb_lasti`) and `types.TracebackType(...)`.
//!
//! `tb_next` is the one mutable field; it lives behind the entry's own
//! mutex (`PyTraceback::next`), and the loop check walks the chain one
//! entry at a time, each read under that entry's lock.

use crate::function::args::Args;
use crate::interp::frame_object::PyFrame;
use crate::interp::traceback::{PyTraceback, TRACEBACK_TYPE};
use crate::object::{Locked, PyRef};
use crate::types::int::int_from_i64;
use crate::types::singletons::none;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyTraceback> {
    match v.downcast_ref::<PyTraceback>() {
        Some(t) => Ok(t),
        None => Err(vm.new_type_error("descriptor requires a 'traceback' object")),
    }
}

fn tb_next(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.next.lock().clone().unwrap_or_else(none))
}

/// `tb.tb_next = x`: a traceback or None, and never a loop.
fn set_tb_next(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let tb = this(vm, v)?;
    let Some(new) = new else { return Err(vm.new_type_error("can't delete tb_next attribute")) };
    let new = if new.is_none() { None } else { Some(new) };
    if let Some(n) = &new {
        if n.downcast_ref::<PyTraceback>().is_none() {
            return Err(vm.new_type_error(format!("expected traceback object, got '{}'", n.class().name())));
        }
        let mut cursor = Some(n.clone());
        while let Some(c) = cursor {
            if c.is(v) {
                return Err(vm.new_value_error("traceback loop detected"));
            }
            cursor = c.downcast_ref::<PyTraceback>().and_then(|t| t.next.lock().clone());
        }
    }
    let old = std::mem::replace(&mut *tb.next.lock(), new);
    drop(old);
    Ok(())
}

fn tb_frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(vm, v)?;
    Ok(match &t.frame {
        Some(f) => f.clone(),
        None => crate::interp::frame_object::for_code(&t.code, t.globals.clone(), t.lasti),
    })
}

fn tb_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v)?.lineno() as i64))
}

fn tb_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v)?.lasti as i64 * 2))
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let args = args.skip_self();
    let a = args.bind(vm, "TracebackType", &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 0)?;
    let names = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    for (i, n) in names.iter().enumerate() {
        if a[i].is_none() {
            return Err(vm.new_type_error(format!("TracebackType() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    let a: Vec<Value> = a.into_iter().flatten().collect();
    let next = if a[0].is_none() { None } else { Some(a[0].clone()) };
    if let Some(n) = &next {
        if n.downcast_ref::<PyTraceback>().is_none() {
            return Err(vm.new_type_error(format!("expected traceback object or None, got '{}'", n.class().name())));
        }
    }
    let Some(frame) = a[1].downcast_ref::<PyFrame>() else {
        return Err(vm.new_type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            a[1].class().name()
        )));
    };
    let lasti = vm.index_isize(&a[2])?;
    let lineno = vm.index_isize(&a[3])?;
    let tb = PyTraceback {
        code: frame.code.clone(),
        lasti: (lasti.max(0) / 2) as usize,
        next: Locked::new(next),
        globals: Some(frame.globals.clone()),
        local_names: None,
        frame: Some(a[1].clone()),
        line: lineno.clamp(0, u32::MAX as isize) as u32,
    };
    Ok(PyRef::new(tb).into_value())
}

pub(crate) fn install() {
    let tb = TRACEBACK_TYPE.get();
    use crate::function::descriptors::add_getset;
    add_getset(tb, "tb_next", tb_next, Some(set_tb_next));
    add_getset(tb, "tb_frame", tb_frame, None);
    add_getset(tb, "tb_lineno", tb_lineno, None);
    add_getset(tb, "tb_lasti", tb_lasti, None);
    crate::function::native::add_method_kind(tb, "__new__", tb_new, crate::function::native::MethodKind::Static);
}
