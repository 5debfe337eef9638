//! The cycle collector's driver: one stop-the-world collection, phase by
//! phase, in the order of CPython 3.13's free-threaded `gc_collect_internal`.
//!
//! ```text
//! claim the collector (one collection at a time; a second caller returns None)
//! stop the world
//!   merge every thread's refcount inbox       -> counts are exact
//!   walk all object heaps, keep the containers -> candidates (collect_graph.rs)
//!   subtract internal references, mark from what is referenced from outside
//!   hold every unreachable object (+1), hooks.unreachable_stopped (weakrefs)
//! start the world
//!   release objects the inbox merge found dead
//!   hooks.finalize (weakref callbacks, __del__): may resurrect
//!   if it ran code: stop the world, drop the resurrected from the set, start
//! break the cycles (world running): every garbage payload is dropped in
//!   place while all garbage is still held, then the holds are released
//! ```
//!
//! Why it is correct with biased counts: with the world stopped no thread
//! is between a count change and its queue push (both happen between two
//! safepoints), so after the inboxes are merged every object's true count
//! is `ob_ref_local + (ob_ref_shared >> 2)` (nothing pending in a queue).
//! Every reference the VM holds is counted (references held without a
//! count point only at immortal objects, which are never candidates:
//! docs/gc.md, "References without a count"), so a candidate whose count
//! exceeds the references other candidates report is referenced from
//! somewhere else -- a stack, a global, a non-container, a frozen object --
//! and is alive. A traverse hook that misses a reference only makes its
//! target look externally referenced (a leak, never a premature free); one
//! that reports a reference it does not count is a bug that shows up as a
//! negative `gc_refs`, which the collector treats as reachable and reports
//! in `CollectStats::over_reported`.
//!
//! Breaking the cycles: `TypeInfo` has only `dealloc` (drop the payload in
//! place), so the collector drops every garbage payload while holding one
//! reference to *every* garbage object. A payload drop releases references
//! to other garbage objects, whose counts cannot reach zero (held), so no
//! garbage object is freed while another garbage payload may still point
//! at it. Each dealloc hook is read before any payload is dropped (a type
//! object may itself be garbage), and an object whose payload is gone gets
//! the `CLEARED` type record (no-op dealloc, not a container) before the
//! holds are released, so the last decref frees the memory without
//! dropping the payload twice -- and an unexpected holder would keep an
//! inert block, not a dangling one.

use crate::collect_graph::Graph;
use crate::header::{ObjHeader, TypeInfo};
use crate::{brc, trigger, ObjRef};
use core::ptr::NonNull;
// Plain std atomics, not the loom facade (loom's cannot live in statics):
// the claim only serialises whole collections, each of which stops the
// world through the modelled handshake, and the counter is a statistic.
use core::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// Which objects a collection examines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// The containers allocated since the last collection (`young.rs`):
    /// no heap walk, a pause proportional to them, not to the heap.
    Young,
    /// Every container: a walk of every object heap.
    #[default]
    Full,
}

/// What a collection found and did.
#[derive(Debug, Default, Clone)]
pub struct CollectStats {
    /// Young or full.
    pub generation: Generation,
    /// Containers examined.
    pub candidates: usize,
    /// Unreachable containers after resurrection (freed unless kept).
    pub unreachable: usize,
    /// Objects a finalizer made reachable again (not freed).
    pub resurrected: usize,
    /// Candidates some traverse over-reported (see the module doc).
    pub over_reported: usize,
    /// Nanoseconds the world was stopped (both pauses).
    pub pause_ns: u64,
}

/// The VM's part of a collection. Both hooks get the garbage, each object
/// held by one reference the collector owns.
pub trait GcHooks {
    /// World stopped, garbage just found: clear weak references to it (no
    /// Python code may run here; other threads are parked).
    fn unreachable_stopped(&mut self, _garbage: &[ObjRef]) {}

    /// World running: call weakref callbacks and finalizers. Return `true`
    /// if any code ran that could have stored a reference to a garbage
    /// object somewhere (the collector then checks for resurrection).
    fn finalize(&mut self, _garbage: &[ObjRef]) -> bool {
        false
    }

    /// Keep the garbage instead of freeing it (`gc.DEBUG_SAVEALL`): the
    /// collection returns it.
    fn keep_garbage(&self) -> bool {
        false
    }
}

/// Hooks that do nothing (tests, the gc crate alone).
pub struct NoHooks;
impl GcHooks for NoHooks {}

/// A finished collection.
#[derive(Debug)]
pub struct Collection {
    pub stats: CollectStats,
    /// The garbage, when `GcHooks::keep_garbage` asked for it.
    pub kept: Vec<ObjRef>,
}

/// Set while a collection runs (CPython's `gcstate->collecting`).
static COLLECTING: AtomicBool = AtomicBool::new(false);
/// Collections run so far.
static COLLECTIONS: AtomicU64 = AtomicU64::new(0);

/// Number of collections run in this process.
pub fn collections() -> u64 {
    COLLECTIONS.load(Ordering::Relaxed)
}

/// Run one collection. Returns `None` if another collection is running
/// (on this or another thread: a finalizer calling `gc.collect()`, two
/// threads racing); CPython's collector returns 0 then too.
///
/// The calling thread must be attached (or the only thread touching
/// objects) and must not hold the world stopped.
pub fn collect(hooks: &mut dyn GcHooks) -> Option<Collection> {
    collect_generation(hooks, Generation::Full)
}

/// [`collect`] of one generation. A young collection runs trial deletion
/// over the young containers alone. That is sound for any subset of the
/// heap: a young object whose count exceeds the references other young
/// objects report is referenced from somewhere else (an old object, a
/// stack...) and alive, like everything it reaches; a set of objects whose
/// counts are all explained by references from inside the set is
/// unreachable from everything outside it, so garbage. It finds every
/// garbage cycle made only of young objects; cycles that reach old objects
/// wait for a full collection ([`crate::trigger::due_generation`]).
pub fn collect_generation(hooks: &mut dyn GcHooks, generation: Generation) -> Option<Collection> {
    // Acquire/Release: one collection's header writes (holds, CLEARED
    // types) happen-before the next collection reads them. (The stops of
    // the world order them too; this keeps the claim self-contained.)
    if COLLECTING.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        return None;
    }
    let _claim = Claim;
    let mut stats = CollectStats { generation, ..CollectStats::default() };

    let t0 = Instant::now();
    let stw = skein_threading::stop_the_world();
    let dead_by_merge = merge_all_inboxes();
    // Every collection empties the young lists (frees the zombies, and the
    // survivors are old from now on); only a young one stops there.
    // SAFETY: the world is stopped.
    let young = unsafe { crate::young::take_all_stopped() };
    let blocks = match generation {
        Generation::Young => young,
        Generation::Full => {
            drop(young);
            walk_heaps()
        }
    };
    let mut graph = Graph::build(&blocks);
    drop(blocks);
    graph.subtract_internal_refs();
    graph.mark_reachable();
    stats.candidates = graph.len();
    stats.over_reported = graph.over_reported;
    let garbage: Vec<ObjRef> = graph
        .unreachable()
        .into_iter()
        // SAFETY: an unreachable candidate has count > 0, so it is live, and
        // the world is stopped: nobody can drop it while we take the hold.
        .map(|p| unsafe { ObjRef::clone_from_raw(p) })
        .collect();
    give_away_foreign(&garbage);
    trigger::after_collection(generation, graph.len() - garbage.len());
    drop(graph);
    if !garbage.is_empty() {
        hooks.unreachable_stopped(&garbage);
    }
    drop(stw);
    stats.pause_ns = t0.elapsed().as_nanos() as u64;

    drop(dead_by_merge);
    let mut garbage = garbage;
    if !garbage.is_empty() && hooks.finalize(&garbage) {
        let t1 = Instant::now();
        let stw = skein_threading::stop_the_world();
        let dead_by_merge = merge_all_inboxes();
        let resurrected = split_resurrected(&mut garbage);
        drop(stw);
        stats.pause_ns += t1.elapsed().as_nanos() as u64;
        stats.resurrected = resurrected.len();
        drop(resurrected);
        drop(dead_by_merge);
    }
    stats.unreachable = garbage.len();
    COLLECTIONS.fetch_add(1, Ordering::Relaxed);
    let kept = if hooks.keep_garbage() {
        garbage
    } else {
        delete_garbage(garbage);
        Vec::new()
    };
    trigger::reset_count();
    Some(Collection { stats, kept })
}

/// Releases the collector claim, also on unwind.
struct Claim;
impl Drop for Claim {
    fn drop(&mut self) {
        COLLECTING.store(false, Ordering::Release);
    }
}

/// Whether a collection is running now.
pub fn is_collecting() -> bool {
    COLLECTING.load(Ordering::Relaxed)
}

/// Merge every registered thread's refcount inbox on its behalf (the world
/// is stopped, so writing the owners' local counts races with nothing; the
/// restart publishes the writes). Objects whose count the merge takes to
/// zero are not destroyed here -- their dealloc must not run with the world
/// stopped -- but revived with one reference that the caller drops after
/// the restart (CPython's `objs_to_decref`).
fn merge_all_inboxes() -> Vec<ObjRef> {
    let mut dead = Vec::new();
    skein_threading::registry::for_each_thread(|ts| {
        ts.clear(skein_threading::registry::BREAKER_BRC_MERGE);
        for addr in ts.brc_inbox.take_all() {
            let Some(p) = NonNull::new(addr as *mut ObjHeader) else { continue };
            // SAFETY: a queue entry holds a reference: the object is alive.
            let h = unsafe { p.as_ref() };
            if brc::merge_queued(h, ts.tid) == brc::Fate::Dead {
                brc::revive_merged_dead(h);
                // SAFETY: revived with exactly one reference, owned here.
                dead.push(unsafe { ObjRef::from_raw(p) });
            }
        }
    });
    dead
}

/// Merge the counts of the garbage other threads own and give it up for
/// them (world stopped, so writing an owner's local count races with
/// nothing: CPython's `merge_refcount` on unreachable objects).
///
/// Tearing the garbage down after the restart drops references between
/// garbage objects from this thread. On an object still owned by another
/// thread, each such drop would find the shared count at 0 and queue the
/// object to its owner (a push, an eval-breaker ring, a merge there), and
/// the last drop would go the same way; once MERGED every drop is one
/// atomic subtraction and whoever reaches 0 frees. The collecting thread's
/// own garbage keeps its cheap owner counts.
fn give_away_foreign(garbage: &[ObjRef]) {
    let me = crate::thread::owner_tid();
    for r in garbage {
        let h = r.header();
        let tid = h.owner_tid();
        if tid != 0 && tid != me {
            // Our hold keeps the total at 1 or more, so this never frees.
            let fate = brc::merge(h, 0);
            debug_assert_eq!(fate, brc::Fate::Live, "a held object merged to zero");
        }
    }
}

/// Every allocated block of every object heap (world stopped).
fn walk_heaps() -> Vec<NonNull<ObjHeader>> {
    let mut blocks = Vec::new();
    // SAFETY: the world is stopped (the caller holds the guard), and the
    // visitor only records addresses: it neither allocates nor frees
    // objects.
    unsafe { crate::heap::visit_heap_objects(&mut |p| blocks.push(p)) };
    blocks
}

/// After finalizers ran: with the world stopped (and the inboxes merged
/// again), find the garbage objects that something outside the garbage set
/// references now, and everything they reach; move those out of `garbage`
/// (CPython's `handle_resurrected_objects`).
fn split_resurrected(garbage: &mut Vec<ObjRef>) -> Vec<ObjRef> {
    let ptrs: Vec<NonNull<ObjHeader>> = garbage.iter().map(ObjRef::as_ptr).collect();
    let mut graph = Graph::over(&ptrs, 1);
    graph.subtract_internal_refs();
    graph.mark_reachable();
    let (alive, dead): (Vec<ObjRef>, Vec<ObjRef>) =
        core::mem::take(garbage).into_iter().partition(|r| graph.is_reachable(r.as_ptr()));
    *garbage = dead;
    alive
}

/// The type record of a garbage object whose payload the collector already
/// dropped: freeing it must not drop the payload again, and it is not a
/// container any more.
static CLEARED: TypeInfo = TypeInfo { dealloc: dealloc_cleared, traverse: None, finalize: None };

/// `CLEARED`'s dealloc: the payload is already gone.
///
/// # Safety
/// Nothing to uphold: it touches nothing.
unsafe fn dealloc_cleared(_p: NonNull<ObjHeader>) {}

/// Break the cycles and free the garbage (world running; see the module
/// doc for why every payload is dropped before any hold is released).
fn delete_garbage(garbage: Vec<ObjRef>) {
    // Read every dealloc hook first: a type object in the set may lose its
    // payload (where its `TypeInfo` lives) before its instances do.
    let deallocs: Vec<unsafe fn(NonNull<ObjHeader>)> = garbage
        .iter()
        .map(|r| {
            // SAFETY: held, so alive, and its type record is intact: no
            // payload has been dropped yet.
            unsafe { (*r.header().type_info()).dealloc }
        })
        .collect();
    for (r, dealloc) in garbage.iter().zip(deallocs) {
        // SAFETY: `r` is unreachable from everything but other garbage
        // objects (checked after finalizers), so nobody else reads its
        // payload; it is dropped exactly once, here, and the object stays
        // allocated (held) until every garbage payload is gone.
        unsafe { dealloc(r.as_ptr()) };
        r.header().set_type_info(&CLEARED);
        trigger::on_container_free();
    }
    drop(garbage);
}

/// Every container alive now, each with a new reference (`gc.get_objects`,
/// `gc.get_referrers`). Stops the world for the walk.
pub fn tracked_objects() -> Vec<ObjRef> {
    tracked_objects_of(None)
}

/// The live containers of one generation, each with a new reference
/// (`gc.get_objects(generation)`): `Young` the young ones, `Full` the old
/// ones (every container not young), `None` all. Stops the world.
pub fn tracked_objects_of(generation: Option<Generation>) -> Vec<ObjRef> {
    let stw = skein_threading::stop_the_world();
    let dead_by_merge = merge_all_inboxes();
    let mut blocks = Vec::new();
    match generation {
        // SAFETY: the world is stopped; the visitor only records addresses.
        Some(Generation::Young) => unsafe { crate::young::visit_stopped(&mut |p| blocks.push(p)) },
        _ => blocks = walk_heaps(),
    }
    let objects: Vec<ObjRef> = blocks
        .into_iter()
        .filter(|&p| is_live_container(p))
        .filter(|&p| {
            // SAFETY: a live container (world stopped).
            let young = unsafe { p.as_ref() }.gc_bits().load(Ordering::Relaxed) & crate::header::GC_BIT_YOUNG != 0;
            generation != Some(Generation::Full) || !young
        })
        // SAFETY: live (count > 0) and the world is stopped.
        .map(|p| unsafe { ObjRef::clone_from_raw(p) })
        .collect();
    drop(stw);
    drop(dead_by_merge);
    objects
}

/// A block of a heap walk that is a live container (frozen or not).
fn is_live_container(p: NonNull<ObjHeader>) -> bool {
    // SAFETY: heap-walk blocks start with a header (see `collect_graph`).
    let h = unsafe { p.as_ref() };
    if h.refcount_stopped().is_none_or(|c| c <= 0) {
        return false;
    }
    let ty = h.type_info();
    // SAFETY: a live object's type record outlives it.
    !ty.is_null() && unsafe { (*ty).traverse.is_some() }
}

/// Set or clear `GC_BIT_FROZEN` on every live container; returns how many
/// containers carry it afterwards.
fn set_frozen(frozen: bool) -> usize {
    let stw = skein_threading::stop_the_world();
    let dead_by_merge = merge_all_inboxes();
    let mut count = 0;
    for p in walk_heaps() {
        if !is_live_container(p) {
            continue;
        }
        // SAFETY: live, world stopped.
        let bits = unsafe { p.as_ref() }.gc_bits();
        if frozen {
            bits.fetch_or(crate::header::GC_BIT_FROZEN, Ordering::Relaxed);
        } else {
            bits.fetch_and(!crate::header::GC_BIT_FROZEN, Ordering::Relaxed);
        }
        if bits.load(Ordering::Relaxed) & crate::header::GC_BIT_FROZEN != 0 {
            count += 1;
        }
    }
    drop(stw);
    drop(dead_by_merge);
    count
}

/// `gc.freeze()`: every container alive now becomes a root that the
/// collector never examines.
pub fn freeze_all() {
    set_frozen(true);
}

/// `gc.unfreeze()`.
pub fn unfreeze_all() {
    set_frozen(false);
}

/// `gc.get_freeze_count()`.
pub fn frozen_count() -> usize {
    let stw = skein_threading::stop_the_world();
    let dead_by_merge = merge_all_inboxes();
    let n = walk_heaps()
        .into_iter()
        .filter(|&p| {
            // SAFETY: as in `is_live_container`.
            is_live_container(p)
                && unsafe { p.as_ref() }.gc_bits().load(Ordering::Relaxed) & crate::header::GC_BIT_FROZEN != 0
        })
        .count();
    drop(stw);
    drop(dead_by_merge);
    n
}

/// The objects `obj` references, as its traverse hook reports them (none
/// for a non-container), each with a new reference (`gc.get_referents`).
/// Runs with the world stopped so the payload cannot change under the
/// traversal.
pub fn referents(obj: &ObjRef) -> Vec<ObjRef> {
    let Some(traverse) = container_traverse(obj.header()) else {
        return Vec::new();
    };
    let stw = skein_threading::stop_the_world();
    let mut out = Vec::new();
    // SAFETY: `obj` is held, so alive, and `traverse` is its type's hook;
    // every reported referent is alive (the payload holds it) and the
    // world is stopped, so taking a reference inside the visit is safe.
    unsafe { traverse(obj.as_ptr(), &mut |q| out.push(ObjRef::clone_from_raw(q))) };
    drop(stw);
    out
}

/// Every live container that references one of `targets` (`gc.get_referrers`),
/// each with a new reference. One stop-the-world heap walk.
pub fn referrers(targets: &[ObjRef]) -> Vec<ObjRef> {
    let wanted: std::collections::HashSet<usize> = targets.iter().map(|t| t.as_ptr().as_ptr() as usize).collect();
    let stw = skein_threading::stop_the_world();
    let dead_by_merge = merge_all_inboxes();
    let mut out = Vec::new();
    for p in walk_heaps() {
        if !is_live_container(p) {
            continue;
        }
        // SAFETY: a live container (count > 0, world stopped).
        let h = unsafe { p.as_ref() };
        let Some(traverse) = container_traverse(h) else { continue };
        let mut hit = false;
        // SAFETY: as above; the visitor only compares addresses.
        unsafe { traverse(p, &mut |q| hit |= wanted.contains(&(q.as_ptr() as usize))) };
        if hit {
            // SAFETY: live and the world is stopped.
            out.push(unsafe { ObjRef::clone_from_raw(p) });
        }
    }
    drop(stw);
    drop(dead_by_merge);
    out
}

/// The traverse hook of a live object's type, if it is a container.
fn container_traverse(h: &ObjHeader) -> Option<crate::header::TraverseFn> {
    let ty = h.type_info();
    if ty.is_null() {
        return None;
    }
    // SAFETY: a live object's type record outlives it.
    unsafe { (*ty).traverse }
}

/// Whether objects of this object's type are containers (`gc.is_tracked`).
pub fn is_container(obj: &ObjRef) -> bool {
    container_traverse(obj.header()).is_some()
}
