//! `list`: a mutable sequence behind the list's own lock.
//!
//! Single operations (`append`, `pop`, item get/set) are atomic, as CPython's
//! free-threaded build promises. Values removed from the list are dropped
//! after the lock is released, since a destructor may run Python code.

use crate::object::{Locked, LockedGuard, PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static LIST_TYPE: TypeCell = TypeCell::new();

pub struct PyList {
    items: Locked<Vec<Value>>,
}

impl PyPayload for PyList {
    fn class() -> &'static PyRef<PyType> {
        LIST_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.lock().iter().for_each(visit);
    }
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList { items: Locked::new(items) }
    }

    /// Locks the items. Never call Python code while holding the guard, and
    /// drop removed values only after releasing it.
    #[inline]
    pub fn lock(&self) -> LockedGuard<'_, Vec<Value>> {
        self.items.lock()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.lock().get(i).cloned()
    }

    #[inline]
    pub fn append(&self, v: Value) {
        self.items.lock().push(v);
    }

    /// A copy of the items.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }

    /// Replaces the contents; the old items are dropped unlocked.
    pub fn replace_all(&self, items: Vec<Value>) {
        let old = std::mem::replace(&mut *self.items.lock(), items);
        drop(old);
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    PyRef::new(PyList::new(items)).into_value()
}
