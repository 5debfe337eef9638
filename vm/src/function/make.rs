//! `MAKE_FUNCTION`: building a function object from a code object.

use crate::function::{PyCode, PyFunction};
use crate::object::{Locked, PyRef};
use crate::types::dict::PyDict;
use crate::types::singletons::none;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::PyResult;

#[allow(clippy::too_many_arguments)]
pub fn make_function(
    code_v: Value,
    globals: PyRef<PyDict>,
    builtins: PyRef<PyDict>,
    closure: Option<PyRef<PyTuple>>,
    defaults: Option<PyRef<PyTuple>>,
    kwdefaults: Option<PyRef<PyDict>>,
    annotations: Option<Value>,
) -> PyResult<Value> {
    let code: PyRef<PyCode> = match code_v.downcast::<PyCode>() {
        Some(c) => c,
        None => return Ok(none()),
    };
    let doc = match code.co.docstring {
        Some(i) => code.consts.get(i as usize).cloned().unwrap_or_else(none),
        None => none(),
    };
    let module = globals.get_str("__name__").unwrap_or_else(none);
    let annotations = annotations.map(|a| {
        let d = PyDict::new_ref();
        if let Some(items) = a.as_tuple() {
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    d.set_str_key(k.clone(), v.clone());
                }
            }
        }
        d.into_value()
    });
    let f = PyFunction {
        name: Locked::new(code.name.clone()),
        qualname: Locked::new(code.qualname.clone()),
        code,
        globals,
        builtins,
        closure,
        defaults: Locked::new(defaults),
        kwdefaults: Locked::new(kwdefaults),
        doc: Locked::new(doc),
        module: Locked::new(module),
        annotations: Locked::new(annotations),
    };
    Ok(PyRef::new(f).into_value())
}
