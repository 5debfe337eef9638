//! `list`: a mutable sequence whose reads need no lock.
//!
//! Single operations (`append`, `pop`, item get/set) are atomic, as CPython's
//! free-threaded build promises. Reads (`l[i]`, iteration, `len`) go
//! through `SharedVec`'s lock-free path (`object/shared_vec.rs`); writes
//! lock. Values removed from the list are dropped after the lock is
//! released, since a destructor may run Python code, and through QSBR
//! once other threads read the list.

use crate::object::shared_vec::{ListGuard, SharedVec};
use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static LIST_TYPE: TypeCell = TypeCell::new();

pub struct PyList {
    items: SharedVec,
}

impl PyPayload for PyList {
    fn class() -> &'static PyRef<PyType> {
        LIST_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Traverse hooks run with the world stopped (skein_gc::TypeInfo).
        self.items.for_each_stopped(visit);
    }
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList { items: SharedVec::new(items) }
    }

    /// A list over storage built by the caller (`SharedVec::from_exact`).
    pub fn from_storage(items: SharedVec) -> PyList {
        PyList { items }
    }

    /// Locks the items for a change. Never call Python code while holding
    /// the guard; the values it removes are dropped after it is released.
    #[inline]
    pub fn lock(&self) -> ListGuard<'_> {
        self.items.lock()
    }

    /// Locks the items to read several of them consistently.
    #[inline]
    pub fn lock_read(&self) -> ListGuard<'_> {
        self.items.lock_read()
    }

    /// The length (one atomic load).
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i`, usually without locking.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.get(i)
    }

    /// Item `i`, negative counting from the end (one length read).
    #[inline]
    pub fn get_signed(&self, i: i64) -> Option<Value> {
        self.items.get_signed(i)
    }

    /// For `x in list` with a tagged int `x`: `Ok(found)` when every
    /// item up to a match (or the end) is a tagged int, else `Err(i)`:
    /// item `i` needs a real comparison (continue from there).
    #[inline]
    pub fn scan_small_int(&self, x: &Value) -> Result<bool, usize> {
        let w = x.raw_word();
        let stop = self.items.scan(|v| {
            if v.raw_word() == w {
                Some(true)
            } else if v.is_small_int() {
                None
            } else {
                Some(false)
            }
        });
        match stop {
            None => Ok(false),
            Some((_, true)) => Ok(true),
            Some((i, false)) => Err(i),
        }
    }

    #[inline]
    pub fn append(&self, v: Value) {
        self.items.append(v);
    }

    /// `self[i] = v` (negative from the end); gives `v` back if `i` is out
    /// of range.
    #[inline]
    pub fn store_signed(&self, i: i64, v: Value) -> Result<(), Value> {
        self.items.store_signed(i, v)
    }

    /// `insert(i, v)` with `list.insert`'s clamping.
    #[inline]
    pub fn insert_clamped(&self, i: i64, v: Value) {
        self.items.insert_clamped(i, v)
    }

    /// `pop(i)`: `Err(true)` if empty, `Err(false)` if out of range.
    #[inline]
    pub fn pop_signed(&self, i: i64) -> Result<Value, bool> {
        self.items.pop_signed(i)
    }

    /// `SharedVec::swap_range`: equal-length slice assignment.
    #[inline]
    pub fn swap_range(&self, bounds: impl FnOnce(usize) -> Option<usize>, src: &mut [Value]) -> Option<bool> {
        self.items.swap_range(bounds, src)
    }

    /// Runs `f` on the items under the lock (one consistent state); `f`
    /// must not run Python code or drop values.
    #[inline]
    pub fn read<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        self.items.read(f)
    }

    /// A copy of the items.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.snapshot()
    }

    /// Replaces the contents; the old items are dropped unlocked.
    pub fn replace_all(&self, items: Vec<Value>) {
        self.items.lock().replace_all(items);
    }

    /// Whether other threads have read or written this list, so that it
    /// defers frees (for tests and diagnostics).
    pub fn is_shared(&self) -> bool {
        self.items.is_shared()
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    PyRef::new(PyList::new(items)).into_value()
}

/// A new `list` filled straight from `items` (no intermediate vector).
#[inline]
pub fn new_list_exact<I>(items: I) -> Value
where
    I: IntoIterator<Item = Value>,
    I::IntoIter: ExactSizeIterator,
{
    PyRef::new(PyList::from_storage(SharedVec::from_exact(items))).into_value()
}
