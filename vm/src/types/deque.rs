//! `collections.deque`: a ring buffer behind the deque's own lock, and its
//! two iterators.
//!
//! Invariants (all fields of `DequeData` are guarded by the deque's lock):
//! - `items` holds the deque from left to right; when `maxlen` is
//!   `Some(m)`, `items.len() <= m` after every operation (an append that
//!   overflows drops an item from the other end in the same step).
//! - `state` changes whenever items move: appends, pops, extend, rotate,
//!   insert, deletions and a clear of a non-empty deque (CPython's
//!   `deque->state`). Like CPython it does *not* change for `d[i] = x` or
//!   `reverse()`, which keep every index valid. Every change of length
//!   changes `state`, so a reader that saw state `s` and length `n` may
//!   read index `i < n` again later as long as the state is still `s`; this
//!   is how iterators and the comparing methods detect "deque mutated
//!   during iteration" without holding the lock while Python code runs.
//! - The lock is never held while Python code runs (`__eq__`, `__repr__`,
//!   `__iter__` of an argument), and values taken out of the deque are
//!   dropped only after it is released (a destructor may run Python code).
//! - Lock order: an iterator's cursor lock may be held while taking its
//!   deque's lock, never the reverse; no code holds two deques' locks.
//!
//! Each public operation here is one critical section, so `append`,
//! `appendleft`, `pop`, `popleft`, `d[i]`, `d[i] = x`, `rotate`, `clear`
//! and friends are atomic with respect to other threads, as CPython's
//! free-threaded build promises.

use std::collections::VecDeque;

use crate::object::{Locked, LockedGuard, PyPayload, PyRef};
use crate::types::iterators::NativeIterator;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static DEQUE_TYPE: TypeCell = TypeCell::new();
pub static DEQUE_ITER_TYPE: TypeCell = TypeCell::new();
pub static DEQUE_REVITER_TYPE: TypeCell = TypeCell::new();

/// Below this capacity a drained deque keeps its buffer.
const SHRINK_MIN_CAPACITY: usize = 64;

/// The state behind a deque's lock.
pub struct DequeData {
    pub items: VecDeque<Value>,
    /// `None`: unbounded.
    pub maxlen: Option<usize>,
    /// Mutation counter (see the module doc).
    pub state: u64,
}

impl DequeData {
    fn bump(&mut self) {
        self.state = self.state.wrapping_add(1);
    }

    /// Appends on the right; returns the item dropped from the left when
    /// the deque was full (for `maxlen == 0`, `v` itself).
    pub fn push_back(&mut self, v: Value) -> Option<Value> {
        self.items.push_back(v);
        self.bump();
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_front(),
            _ => None,
        }
    }

    /// Appends on the left; returns the item dropped from the right when
    /// the deque was full.
    pub fn push_front(&mut self, v: Value) -> Option<Value> {
        self.items.push_front(v);
        self.bump();
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_back(),
            _ => None,
        }
    }

    pub fn pop_back(&mut self) -> Option<Value> {
        let v = self.items.pop_back()?;
        self.bump();
        self.maybe_shrink();
        Some(v)
    }

    pub fn pop_front(&mut self) -> Option<Value> {
        let v = self.items.pop_front()?;
        self.bump();
        self.maybe_shrink();
        Some(v)
    }

    /// Empties the deque; the caller drops the returned items unlocked.
    pub fn take_all(&mut self) -> VecDeque<Value> {
        if self.items.is_empty() {
            return VecDeque::new();
        }
        self.bump();
        std::mem::take(&mut self.items)
    }

    /// CPython's `_deque_rotate`: the last `n` items move to the front
    /// (`n < 0`: the first `-n` move to the back).
    pub fn rotate(&mut self, n: i64) {
        let len = self.items.len();
        if len <= 1 {
            return;
        }
        self.bump();
        let k = n.rem_euclid(len as i64) as usize;
        if k != 0 {
            self.items.rotate_right(k);
        }
    }

    /// Removes the item at `i` (already checked to be in range).
    pub fn remove_at(&mut self, i: usize) -> Option<Value> {
        let v = self.items.remove(i)?;
        self.bump();
        self.maybe_shrink();
        Some(v)
    }

    /// Release memory once a deque that grew large has mostly drained
    /// (CPython frees its blocks as they empty).
    fn maybe_shrink(&mut self) {
        let cap = self.items.capacity();
        if cap > SHRINK_MIN_CAPACITY && self.items.len() * 4 < cap {
            self.items.shrink_to((self.items.len() * 2).max(SHRINK_MIN_CAPACITY));
        }
    }
}

pub struct PyDeque {
    data: Locked<DequeData>,
}

impl PyPayload for PyDeque {
    fn class() -> &'static PyRef<PyType> {
        DEQUE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.data.lock().items.iter().for_each(visit);
    }
}

impl PyDeque {
    pub fn new(maxlen: Option<usize>) -> PyDeque {
        PyDeque { data: Locked::new(DequeData { items: VecDeque::new(), maxlen, state: 0 }) }
    }

    /// A deque holding `items` (at most `maxlen` of them).
    pub fn from_items(items: VecDeque<Value>, maxlen: Option<usize>) -> PyDeque {
        PyDeque { data: Locked::new(DequeData { items, maxlen, state: 0 }) }
    }

    /// Locks the deque. Never run Python code while holding the guard, and
    /// drop values taken out only after releasing it.
    #[inline]
    pub fn lock(&self) -> LockedGuard<'_, DequeData> {
        self.data.lock()
    }

    pub fn len(&self) -> usize {
        self.data.lock().items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn maxlen(&self) -> Option<usize> {
        self.data.lock().maxlen
    }

    pub fn state(&self) -> u64 {
        self.data.lock().state
    }

    /// A copy of the items, left to right, taken in one critical section.
    pub fn snapshot(&self) -> Vec<Value> {
        self.data.lock().items.iter().cloned().collect()
    }

    pub fn append(&self, v: Value) {
        let dropped = self.data.lock().push_back(v);
        drop(dropped);
    }

    pub fn appendleft(&self, v: Value) {
        let dropped = self.data.lock().push_front(v);
        drop(dropped);
    }

    pub fn pop(&self) -> Option<Value> {
        self.data.lock().pop_back()
    }

    pub fn popleft(&self) -> Option<Value> {
        self.data.lock().pop_front()
    }

    /// Appends every item on the right (or left) in one critical section.
    pub fn extend_items(&self, items: Vec<Value>, left: bool) {
        let mut dropped = Vec::new();
        {
            let mut d = self.data.lock();
            if d.maxlen == Some(0) {
                dropped = items;
            } else {
                for v in items {
                    let out = if left { d.push_front(v) } else { d.push_back(v) };
                    dropped.extend(out);
                }
            }
        }
        drop(dropped);
    }

    pub fn clear(&self) {
        let old = self.data.lock().take_all();
        drop(old);
    }
}

// ---- iterators ------------------------------------------------------------------------

/// The deque changed since the iterator (or comparison) started.
#[derive(Debug, Clone, Copy)]
pub struct Mutated;

/// Where an iterator stands: CPython's `dequeiterobject` less the block
/// pointer (a `VecDeque` is indexed directly).
#[derive(Clone, Copy)]
pub struct Cursor {
    /// The deque's `state` when the iterator was made.
    pub state: u64,
    /// Items already returned.
    pub consumed: usize,
    /// Items still to return (0 after a mutation was reported).
    pub counter: usize,
}

impl Cursor {
    pub fn new(d: &DequeData) -> Cursor {
        Cursor { state: d.state, consumed: 0, counter: d.items.len() }
    }

    /// The next item, in CPython's order of checks: the forward iterator
    /// reports a mutation even when it has nothing left, the reverse one
    /// only while it still has items.
    pub fn step(&mut self, d: &DequeData, reverse: bool) -> Result<Option<Value>, Mutated> {
        if reverse && self.counter == 0 {
            return Ok(None);
        }
        if d.state != self.state {
            self.counter = 0;
            return Err(Mutated);
        }
        if self.counter == 0 {
            return Ok(None);
        }
        // Same state, so the same length as when the iterator was made.
        let n = d.items.len();
        let i = if reverse { n.checked_sub(self.consumed + 1) } else { Some(self.consumed) };
        let Some(v) = i.and_then(|i| d.items.get(i)).cloned() else {
            self.counter = 0;
            return Ok(None);
        };
        self.consumed += 1;
        self.counter -= 1;
        Ok(Some(v))
    }
}

/// `iter(deque)` and `reversed(deque)`.
pub struct PyDequeIter {
    pub deque: PyRef<PyDeque>,
    pub reverse: bool,
    pub cursor: Locked<Cursor>,
}

impl PyPayload for PyDequeIter {
    fn class() -> &'static PyRef<PyType> {
        DEQUE_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque.to_value());
    }
}

impl PyDequeIter {
    pub fn new(deque: PyRef<PyDeque>, reverse: bool) -> PyDequeIter {
        let cursor = Cursor::new(&deque.lock());
        PyDequeIter { deque, reverse, cursor: Locked::new(cursor) }
    }

    /// The next item, or `Mutated` when the deque changed.
    pub fn step(&self) -> Result<Option<Value>, Mutated> {
        let mut c = self.cursor.lock();
        let d = self.deque.lock();
        c.step(&d, self.reverse)
    }

    pub fn remaining(&self) -> usize {
        self.cursor.lock().counter
    }
}

impl NativeIterator for PyDequeIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match self.step() {
            Ok(v) => Ok(v),
            Err(Mutated) => Err(vm.new_runtime_error("deque mutated during iteration")),
        }
    }
}
