//! Methods of builtin types (being filled in; see docs/status.md).

use crate::object::PyRef;
use crate::types::type_::PyType;

/// Adds this module's methods to the type dicts.
pub(crate) fn install(_types: &crate::types::Types) {
    let _: Option<&PyRef<PyType>> = None;
}

/// The native `next` of bytes iterators.
pub fn native_iterator_of(
    _v: &crate::value::Value,
) -> Option<&dyn crate::types::iterators::NativeIterator> {
    None
}
