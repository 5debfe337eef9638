//! The young generation: every container allocated since the last
//! collection, listed per thread, so that a young collection examines
//! those and nothing else (no heap walk).
//!
//! Each attached thread has a list of addresses (`List`). Allocating a
//! container pushes its address and sets `GC_BIT_YOUNG`. The collector,
//! with the world stopped, takes every list ([`take_all_stopped`]), clears
//! the bit of every object it found (they are old from then on) and runs
//! trial deletion over them alone (a subset of the heap: `collect.rs` says
//! why that is sound).
//!
//! The hard part is that young objects also die by reference counting
//! between collections, and a list entry must never point at memory that
//! was freed (and maybe reused by an object of another size class, whose
//! "header" would be payload bytes). So a young container's memory is
//! freed only by whoever removes its entry:
//! - the thread that owns the list, when the object dies on that thread
//!   and its entry is among the last `RECENT` pushed (the common case: a
//!   temporary tuple or dict) -- it removes the entry and frees at once;
//! - otherwise the object becomes a *zombie*: its payload is dropped as
//!   usual, but the block stays allocated with `ob_type = ZOMBIE` and
//!   `ob_tid = 0` (count 0), and the collector frees it when it empties the
//!   lists.
//!
//! Invariants:
//! - `GC_BIT_YOUNG` set <=> the object's address is in exactly one list
//!   (a thread's or the orphans') and its memory is not freed. The bit is
//!   set before the object is published and cleared only with the world
//!   stopped, together with removing the entry.
//! - A list is read or written only by its thread, or by the collector
//!   with the world stopped (every attached thread parked at a safepoint,
//!   none inside an allocation or a destruction step between two of these
//!   accesses); registering, unregistering and the collector's pass take
//!   the registry lock, so an exiting thread's hand-over never overlaps a
//!   pass.
//! - A destroyer reads the bit *after* the type's `dealloc`: if a
//!   collection ran while that dealloc was parked at a safepoint, the bit
//!   is already clear and the entry gone, and the memory is freed normally
//!   (never zombified into no list, which would leak the block).
//! - Zombies have count 0 and `ob_tid` 0: heap walks skip them (count 0),
//!   an exiting owner's walk never takes them for its own (tid 0).

use crate::header::{ObjHeader, TypeInfo, GC_BIT_YOUNG};
use core::cell::Cell;
use core::ptr::NonNull;
use skein_threading::sync::{Arc, Mutex, Ordering::Relaxed, UnsafeCell};

/// How many of the most recent entries a dying object's own thread checks
/// before making it a zombie.
const RECENT: usize = 8;

/// A thread's list reached this length: its thread frees the zombies in it
/// (no stop of the world needed, see [`compact_own`]), so the memory that
/// zombies hold stays bounded even with the collector disabled.
#[cfg(not(loom))]
const COMPACT_AT: usize = 16 * 1024;
/// Small under loom, so that a model exercises compaction.
#[cfg(loom)]
const COMPACT_AT: usize = 2;

/// The type record of a zombie: nothing to drop, not a container.
static ZOMBIE: TypeInfo = TypeInfo { dealloc: dealloc_zombie, traverse: None, finalize: None };

/// # Safety
/// Nothing to uphold: never called (zombies have count 0 and are freed
/// by the collector directly), and it touches nothing.
unsafe fn dealloc_zombie(_p: NonNull<ObjHeader>) {}

struct List {
    entries: UnsafeCell<Vec<usize>>,
}

// SAFETY: the entries are accessed only by the list's thread or by the
// collector with that thread parked (module invariants); the registry
// lock orders registration and hand-over against the collector's pass.
unsafe impl Sync for List {}
// SAFETY: as above; a `Vec<usize>` may move between threads.
unsafe impl Send for List {}

const_thread_local! {
    /// Length of this thread's list at which it compacts next.
    static COMPACT_NEXT: Cell<usize> = Cell::new(COMPACT_AT);
}

/// The registered lists and the entries of lists whose threads detached.
struct Registry {
    lists: Vec<Arc<List>>,
    orphans: Vec<usize>,
}

#[cfg(not(loom))]
fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: Mutex<Registry> = Mutex::new(Registry { lists: Vec::new(), orphans: Vec::new() });
    &REGISTRY
}

/// Fresh for each loom execution (loom objects cannot outlive one).
#[cfg(loom)]
fn registry() -> &'static Mutex<Registry> {
    loom::lazy_static! {
        static ref REGISTRY: Mutex<Registry> = Mutex::new(Registry { lists: Vec::new(), orphans: Vec::new() });
    }
    &REGISTRY
}

const_thread_local! {
    /// This thread's list while attached (the registry holds the `Arc`).
    static MINE: Cell<*const List> = Cell::new(core::ptr::null());
}

/// Gives the calling thread a list (attach).
pub(crate) fn attach() {
    if !MINE.with(Cell::get).is_null() {
        return;
    }
    let list = Arc::new(List { entries: UnsafeCell::new(Vec::new()) });
    MINE.with(|m| m.set(&*list as *const List));
    registry().lock().lists.push(list);
}

/// Hands the calling thread's entries to the orphans and forgets its list
/// (end of the exit protocol). Objects it allocates afterwards are not
/// young.
pub(crate) fn detach() {
    let mine = MINE.with(Cell::get);
    if mine.is_null() {
        return;
    }
    MINE.with(|m| m.set(core::ptr::null()));
    let mut reg = registry().lock();
    if let Some(i) = reg.lists.iter().position(|l| core::ptr::eq(&**l, mine)) {
        let list = reg.lists.swap_remove(i);
        // SAFETY: our own list, and the registry lock keeps the collector's
        // pass out.
        let entries = list.entries.with_mut(|v| core::mem::take(unsafe { &mut *v }));
        reg.orphans.extend(entries);
    }
}

/// A container was just allocated at `p` (header written, not yet
/// published): list it.
#[inline]
pub(crate) fn on_alloc(p: NonNull<ObjHeader>) {
    let mine = MINE.with(Cell::get);
    if mine.is_null() {
        return;
    }
    // SAFETY: the header was just written and nobody else sees it.
    unsafe { p.as_ref() }.gc_bits().store(GC_BIT_YOUNG, Relaxed);
    // SAFETY: `mine` is our registered list (alive while registered: the
    // registry holds it until `detach`, which clears `MINE` first); only
    // this thread or a stopped-world collector touch it.
    let len = unsafe { &*mine }.entries.with_mut(|v| {
        // SAFETY: exclusive per the invariant above.
        let v = unsafe { &mut *v };
        v.push(p.as_ptr() as usize);
        v.len()
    });
    if len >= COMPACT_NEXT.with(Cell::get) {
        // SAFETY: `mine` is this thread's registered list.
        unsafe { compact_own(&*mine) };
    }
}

/// Frees the zombies in this thread's own list, with the world running.
///
/// Why no stop is needed: an entry's block is freed only by whoever
/// removes the entry, and only this thread or a stopped-world collector
/// (which cannot run while we are here, between safepoints) removes
/// entries of this list. A zombie is complete once its type reads `ZOMBIE`
/// (the destroyer's last write, Release; our load is Acquire): nobody
/// touches it again. Live entries stay: their objects may be dying on other
/// threads right now, and those destroyers rely on the entry to decide.
///
/// # Safety
/// `list` is the calling thread's own registered list.
#[cold]
#[inline(never)]
unsafe fn compact_own(list: &List) {
    let zombies = list.entries.with_mut(|v| {
        // SAFETY: exclusive (see `on_alloc`).
        let v = unsafe { &mut *v };
        let mut zombies = Vec::new();
        v.retain(|&a| {
            // SAFETY: listed entries are allocated blocks.
            let h = unsafe { &*(a as *const ObjHeader) };
            let zombie = core::ptr::eq(h.type_info(), &ZOMBIE);
            if zombie {
                zombies.push(a);
            }
            !zombie
        });
        COMPACT_NEXT.with(|c| c.set((2 * v.len()).max(COMPACT_AT)));
        zombies
    });
    for a in zombies {
        // SAFETY: a zombie whose entry we just removed: its block is ours
        // to free, once.
        unsafe { crate::heap::free_object_memory(NonNull::new_unchecked(a as *mut ObjHeader)) };
    }
}

/// Called by the destroy path after a container's `dealloc` ran. Returns
/// `true` when the block must not be freed: it became a zombie that the
/// collector will free.
///
/// # Safety
/// `p` is dead, its payload dropped, its memory still allocated, and the
/// caller frees it (when this returns false) or forgets it.
pub(crate) unsafe fn keep_as_zombie(p: NonNull<ObjHeader>) -> bool {
    // SAFETY: allocated (the caller's contract).
    let h = unsafe { p.as_ref() };
    if h.gc_bits().load(Relaxed) & GC_BIT_YOUNG == 0 {
        return false;
    }
    let mine = MINE.with(Cell::get);
    if !mine.is_null() {
        let addr = p.as_ptr() as usize;
        // SAFETY: as in `on_alloc`.
        let removed = unsafe { &*mine }.entries.with_mut(|v| {
            // SAFETY: exclusive (see `on_alloc`).
            let v = unsafe { &mut *v };
            let from = v.len().saturating_sub(RECENT);
            match v[from..].iter().rposition(|&a| a == addr) {
                Some(i) => {
                    v.swap_remove(from + i);
                    true
                }
                None => false,
            }
        });
        if removed {
            return false;
        }
    }
    h.ob_tid.store(0, Relaxed);
    h.set_type_info(&ZOMBIE);
    true
}

/// Empties every list (world stopped): frees the zombies, clears
/// `GC_BIT_YOUNG` on every other entry, and returns those (the young
/// generation, now promoted; some may be mid-destruction with count 0).
///
/// # Safety
/// The world is stopped (see the module doc).
pub(crate) unsafe fn take_all_stopped() -> Vec<NonNull<ObjHeader>> {
    let mut reg = registry().lock();
    let mut all = core::mem::take(&mut reg.orphans);
    for list in &reg.lists {
        // SAFETY: the world is stopped: the owner is parked.
        list.entries.with_mut(|v| all.append(unsafe { &mut *v }));
    }
    drop(reg);
    let mut live = Vec::with_capacity(all.len());
    for a in all {
        // SAFETY: listed entries are allocated blocks (module invariant).
        let p = unsafe { NonNull::new_unchecked(a as *mut ObjHeader) };
        // SAFETY: as above.
        let h = unsafe { p.as_ref() };
        if core::ptr::eq(h.type_info(), &ZOMBIE) {
            // SAFETY: a zombie is dead and its entry (just removed) was the
            // only thing that kept the block; freed once, here.
            unsafe { crate::heap::free_object_memory(p) };
        } else {
            h.gc_bits().fetch_and(!GC_BIT_YOUNG, Relaxed);
            live.push(p);
        }
    }
    live
}

/// Calls `f` on every listed young object that is not a zombie, without
/// emptying the lists (`gc.get_objects(0)`).
///
/// # Safety
/// The world is stopped.
pub(crate) unsafe fn visit_stopped(f: &mut dyn FnMut(NonNull<ObjHeader>)) {
    let reg = registry().lock();
    let mut visit = |a: usize| {
        // SAFETY: listed entries are allocated blocks.
        let p = unsafe { NonNull::new_unchecked(a as *mut ObjHeader) };
        // SAFETY: as above.
        if !core::ptr::eq(unsafe { p.as_ref() }.type_info(), &ZOMBIE) {
            f(p);
        }
    };
    reg.orphans.iter().for_each(|&a| visit(a));
    for list in &reg.lists {
        // SAFETY: the world is stopped: the owner is parked.
        list.entries.with(|v| unsafe { &*v }.iter().for_each(|&a| visit(a)));
    }
}
