//! A type's direct subclasses (`__subclasses__()`, and the walks that
//! propagate a change to a class down to its subclasses), held through
//! weak references as CPython's `tp_subclasses` does.
//!
//! Why weak: a subclass holds its bases strongly (`base`, `bases`, the
//! MRO); a strong list in the other direction would keep every class that
//! was ever subclassed -- and, through `object`, every class -- alive for
//! good. With weak references a class dies like any other object: by
//! reference counting when nothing refers to it, or by the cycle collector
//! (classes are nearly always in cycles: the MRO, descriptors in their dict
//! that name their owner).
//!
//! The list holds basic weak reference objects (`weakref.ref(sub)`), so the
//! weakref machinery clears them when the subclass dies, on either path:
//! its dealloc (`weakref::clear_on_dealloc`) or the collector's
//! `clear_for_collection` with the world stopped, before any garbage
//! payload is dropped -- so a live base never hands out a subclass the
//! collector is tearing down. Dead entries are pruned when the list grows
//! past twice its size at the last pruning (amortised O(1) per class
//! created) and skipped by every reader.
//!
//! Locking: the list's lock is held only to copy or edit the vector; weak
//! references are dereferenced under it (that takes a weakref shard lock,
//! a leaf) but nothing is dropped and no Python code runs under it.

use crate::object::{Locked, PyRef};
use crate::types::type_::PyType;
use crate::types::weakref::PyWeakRef;
use crate::value::Value;

#[derive(Default)]
struct List {
    refs: Vec<PyRef<PyWeakRef>>,
    /// Prune dead entries when `refs` reaches this length.
    prune_at: usize,
}

/// The subclass list of one type.
#[derive(Default)]
pub struct Subclasses(Locked<List>);

/// Smallest list length that triggers pruning.
const MIN_PRUNE: usize = 8;

impl Subclasses {
    /// Records `sub` as a direct subclass.
    pub fn push(&self, sub: &PyRef<PyType>) {
        let w = crate::types::weakref::internal_ref(&sub.to_value());
        let mut pruned = Vec::new();
        let mut g = self.0.lock();
        if g.refs.len() >= g.prune_at.max(MIN_PRUNE) {
            let (live, dead): (Vec<_>, Vec<_>) = std::mem::take(&mut g.refs).into_iter().partition(|w| !w.is_dead());
            g.refs = live;
            g.prune_at = 2 * g.refs.len();
            pruned = dead;
        }
        g.refs.extend(w);
        drop(g);
        // Released unlocked: dropping a weak reference takes table locks.
        drop(pruned);
    }

    /// The subclasses alive now, in the order they were created.
    pub fn live(&self) -> Vec<PyRef<PyType>> {
        let g = self.0.lock();
        let found: Vec<Value> = g.refs.iter().filter_map(|w| w.get()).collect();
        drop(g);
        found.into_iter().filter_map(|v| v.downcast::<PyType>()).collect()
    }

    /// Reports the weak reference objects (counted references of the type).
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for w in self.0.lock().refs.iter() {
            visit(&w.to_value());
        }
    }
}
