//! Bound methods: a function together with the instance it was looked up on.

use crate::function::args::Args;
use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static BOUND_METHOD_TYPE: TypeCell = TypeCell::new();

pub struct PyBoundMethod {
    pub function: Value,
    pub receiver: Value,
}

impl PyPayload for PyBoundMethod {
    fn class() -> &'static PyRef<PyType> {
        BOUND_METHOD_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.function);
        visit(&self.receiver);
    }
}

pub fn new_bound_method(function: Value, receiver: Value) -> Value {
    PyRef::new(PyBoundMethod { function, receiver }).into_value()
}

/// `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "method")?;
    let rest = args.pos.get(1..).unwrap_or(&[]);
    if rest.len() != 2 {
        let n = rest.len();
        return Err(vm.new_type_error(format!("method expected 2 arguments, got {n}")));
    }
    if !crate::builtins::functions::is_callable(&rest[0]) {
        return Err(vm.new_type_error("first argument must be callable"));
    }
    if rest[1].is_none() {
        return Err(vm.new_type_error("instance must not be None"));
    }
    Ok(new_bound_method(rest[0].clone(), rest[1].clone()))
}

/// Makes the method type callable as `types.MethodType`.
pub(crate) fn install() {
    crate::function::native::add_method_kind(
        BOUND_METHOD_TYPE.get(),
        "__new__",
        method_new,
        crate::function::native::MethodKind::Static,
    );
}
