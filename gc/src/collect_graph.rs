//! The collector's graph work, over headers and traverse hooks only:
//! trial deletion (CPython's `update_refs` / `subtract_refs` /
//! `move_unreachable`, in the free-threaded build's heap-walk form).
//!
//! Per-collection state lives here, in a side table, and never in object
//! headers: one `Candidate` per container (its address, traverse hook and
//! `gc_refs`), an address-to-index map, and the marks. So the only header
//! writes a collection makes are the reference-count changes of holding
//! garbage, and marking could later run while mutators write their headers
//! (docs/gc.md, "Next: concurrent marking").
//!
//! Invariant the caller provides for every function here: the world is
//! stopped and every thread's refcount inbox is merged, so
//! `ObjHeader::refcount_stopped` is exact and no candidate's payload
//! changes while it is traversed.

use crate::header::{ObjHeader, TraverseFn, GC_BIT_FROZEN};
use core::ptr::NonNull;
use skein_threading::sync::Ordering::Relaxed;

/// One container considered by a collection.
pub(crate) struct Candidate {
    pub(crate) obj: NonNull<ObjHeader>,
    traverse: TraverseFn,
    /// The true count, then minus the references from other candidates.
    gc_refs: isize,
    reachable: bool,
}

/// The containers of one collection and their marks.
pub(crate) struct Graph {
    nodes: Vec<Candidate>,
    index: AddrIndex,
    /// Candidates whose `gc_refs` went below zero: some traverse reported a
    /// reference it does not count (a bug in a type). They are treated as
    /// reachable, which is the safe answer.
    pub(crate) over_reported: usize,
}

/// What a block found by a heap walk is to the collector.
pub(crate) fn classify(p: NonNull<ObjHeader>) -> Option<(TraverseFn, isize)> {
    // SAFETY: a heap walk yields allocated blocks, which always start with
    // a header (heap.rs); freed blocks still seen by the walk keep their
    // counts (mimalloc only writes the first word) and show count 0.
    let h = unsafe { p.as_ref() };
    let count = h.refcount_stopped()?;
    if count <= 0 {
        // Being destroyed (possibly parked in a trashcan) or freed.
        return None;
    }
    if h.gc_bits().load(Relaxed) & GC_BIT_FROZEN != 0 {
        return None;
    }
    let ty = h.type_info();
    if ty.is_null() {
        return None;
    }
    // SAFETY: a live object's type record outlives it.
    let traverse = unsafe { (*ty).traverse }?;
    Some((traverse, count))
}

impl Graph {
    /// The candidates among `blocks` (the output of a heap walk).
    pub(crate) fn build(blocks: &[NonNull<ObjHeader>]) -> Graph {
        let mut nodes = Vec::new();
        for &p in blocks {
            if let Some((traverse, count)) = classify(p) {
                nodes.push(Candidate { obj: p, traverse, gc_refs: count, reachable: false });
            }
        }
        Graph::from_nodes(nodes)
    }

    /// A graph over the given objects, each with `gc_refs` = its count
    /// minus `held` (the references the caller itself holds on each).
    pub(crate) fn over(objects: &[NonNull<ObjHeader>], held: isize) -> Graph {
        let nodes = objects
            .iter()
            .filter_map(|&p| {
                // SAFETY: the caller holds a reference to each object.
                let h = unsafe { p.as_ref() };
                let count = h.refcount_stopped()?;
                // SAFETY: as above: a live object's type record outlives it.
                let traverse = unsafe { (*h.type_info()).traverse }?;
                Some(Candidate { obj: p, traverse, gc_refs: count - held, reachable: false })
            })
            .collect();
        Graph::from_nodes(nodes)
    }

    fn from_nodes(nodes: Vec<Candidate>) -> Graph {
        let index = AddrIndex::new(nodes.iter().map(|c| c.obj.as_ptr() as usize));
        Graph { nodes, index, over_reported: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Subtract every reference a candidate holds to another candidate:
    /// what stays above zero is referenced from outside (a stack, a global,
    /// a non-container, a frozen object).
    pub(crate) fn subtract_internal_refs(&mut self) {
        let (nodes, index) = (&mut self.nodes, &self.index);
        for i in 0..nodes.len() {
            let (obj, traverse) = (nodes[i].obj, nodes[i].traverse);
            // SAFETY: candidates are live (count > 0, world stopped) and
            // `traverse` is their type's own hook.
            unsafe {
                traverse(obj, &mut |q| {
                    if let Some(j) = index.get(q.as_ptr() as usize) {
                        nodes[j].gc_refs -= 1;
                    }
                })
            };
        }
    }

    /// Mark everything reachable from the candidates referenced from
    /// outside. Iterative (an explicit stack): deep structures do not
    /// recurse on the native stack.
    pub(crate) fn mark_reachable(&mut self) {
        let mut stack = Vec::new();
        for (i, c) in self.nodes.iter_mut().enumerate() {
            if c.gc_refs < 0 {
                self.over_reported += 1;
            }
            if c.gc_refs != 0 {
                c.reachable = true;
                stack.push(i);
            }
        }
        let (nodes, index) = (&mut self.nodes, &self.index);
        while let Some(i) = stack.pop() {
            let (obj, traverse) = (nodes[i].obj, nodes[i].traverse);
            // SAFETY: as in `subtract_internal_refs`.
            unsafe {
                traverse(obj, &mut |q| {
                    if let Some(j) = index.get(q.as_ptr() as usize) {
                        if !nodes[j].reachable {
                            nodes[j].reachable = true;
                            stack.push(j);
                        }
                    }
                })
            };
        }
    }

    /// The candidates not marked reachable.
    pub(crate) fn unreachable(&self) -> Vec<NonNull<ObjHeader>> {
        self.nodes.iter().filter(|c| !c.reachable).map(|c| c.obj).collect()
    }

    /// Whether `p` was marked reachable (false for non-candidates).
    pub(crate) fn is_reachable(&self, p: NonNull<ObjHeader>) -> bool {
        self.index.get(p.as_ptr() as usize).is_some_and(|i| self.nodes[i].reachable)
    }
}

/// Open-addressing map from an object address to its candidate index,
/// built once per collection (no deletions). Addresses are 8-aligned and
/// never 0, so 0 marks an empty slot.
struct AddrIndex {
    slots: Vec<(usize, u32)>,
    mask: usize,
}

impl AddrIndex {
    fn new(addrs: impl ExactSizeIterator<Item = usize>) -> AddrIndex {
        let cap = (addrs.len() * 2).next_power_of_two().max(16);
        let mut map = AddrIndex { slots: vec![(0, 0); cap], mask: cap - 1 };
        for (i, a) in addrs.enumerate() {
            let mut s = map.slot_of(a);
            while map.slots[s].0 != 0 {
                s = (s + 1) & map.mask;
            }
            map.slots[s] = (a, i as u32);
        }
        map
    }

    #[inline]
    fn slot_of(&self, addr: usize) -> usize {
        // Fibonacci hashing of the address without its alignment bits.
        ((addr >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20) & self.mask
    }

    #[inline]
    fn get(&self, addr: usize) -> Option<usize> {
        let mut s = self.slot_of(addr);
        loop {
            let (a, i) = self.slots[s];
            if a == addr {
                return Some(i as usize);
            }
            if a == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::AddrIndex;

    #[test]
    fn index_finds_every_address_and_nothing_else() {
        let addrs: Vec<usize> = (1..5000).map(|i| i * 48).collect();
        let map = AddrIndex::new(addrs.iter().copied());
        for (i, a) in addrs.iter().enumerate() {
            assert_eq!(map.get(*a), Some(i));
        }
        assert_eq!(map.get(8), None);
        assert_eq!(map.get(5000 * 48), None);
    }
}
