//! Methods of builtin types (being filled in; see docs/status.md).

use crate::object::PyRef;
use crate::types::type_::PyType;

/// Adds this module's methods to the type dicts.
pub(crate) fn install(_types: &crate::types::Types) {
    let _: Option<&PyRef<PyType>> = None;
}

/// `slice.indices(n)` as (start, stop, step) with CPython's clamping.
pub fn slice_indices(vm: &mut crate::vm::Vm, s: &crate::types::small::PySlice, n: i64) -> crate::vm::PyResult<(i64, i64, i64)> {
    let get = |vm: &mut crate::vm::Vm, v: &crate::value::Value| -> crate::vm::PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        let i = vm.index(v)?;
        Ok(Some(i.as_i64().unwrap_or(if i.as_int().map(|b| b.to_bigint().sign() == num_bigint::Sign::Minus).unwrap_or(false) { i64::MIN / 2 } else { i64::MAX / 2 })))
    };
    let step = get(vm, &s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.new_value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + n).max(lower),
            Some(x) => x.min(upper),
        }
    };
    let start = clamp(get(vm, &s.start)?, if step < 0 { upper } else { lower });
    let stop = clamp(get(vm, &s.stop)?, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}
