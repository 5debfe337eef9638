//! The frame-related attributes of generators, coroutines and async
//! generators: `gi_frame`/`cr_frame`/`ag_frame` (None once finished),
//! `gi_running`, `gi_code`, `gi_yieldfrom`/`cr_await`/`ag_await`.

use crate::types::generator::{PyGenerator, ASYNC_GENERATOR_TYPE, COROUTINE_TYPE, GENERATOR_TYPE};
use crate::types::singletons::{bool_value, none};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn gen_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyGenerator> {
    match v.downcast_ref::<PyGenerator>() {
        Some(g) => Ok(g),
        None => Err(vm.new_type_error("descriptor requires a generator object")),
    }
}

fn frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = gen_of(vm, v)?;
    if g.is_finished() {
        return Ok(none());
    }
    Ok(g.frame_object())
}

fn running(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(gen_of(vm, v)?.is_running()))
}

fn code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_of(vm, v)?.func.code.to_value())
}

fn yield_from(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_of(vm, v)?.yield_from_target().unwrap_or_else(none))
}

pub(crate) fn install() {
    use crate::function::descriptors::add_getset;
    for (t, names) in [
        (GENERATOR_TYPE.get(), ["gi_frame", "gi_running", "gi_code", "gi_yieldfrom"]),
        (COROUTINE_TYPE.get(), ["cr_frame", "cr_running", "cr_code", "cr_await"]),
        (ASYNC_GENERATOR_TYPE.get(), ["ag_frame", "ag_running", "ag_code", "ag_await"]),
    ] {
        add_getset(t, names[0], frame, None);
        add_getset(t, names[1], running, None);
        add_getset(t, names[2], code, None);
        add_getset(t, names[3], yield_from, None);
    }
}
