//! Where weak references live: a sharded side table from a referent's
//! address to the weak reference objects that point at it (objects have no
//! weak-list slot; CPython's `tp_weaklistoffset` list, kept outside).
//!
//! Invariants (each shard's map is guarded by the shard's mutex):
//! - An entry `referent -> [w1, w2, ...]` lists, in CPython's weak-list
//!   order, the header addresses of weak reference objects whose
//!   `referent` field holds that address. The table counts none of them.
//! - A weak reference object is in its referent's list from its creation
//!   until (a) its own payload is dropped (`PyWeakRef`'s `Drop` removes it)
//!   or (b) the referent is destroyed or collected (the whole entry goes).
//!   Both happen under the shard's lock, so while the lock is held every
//!   listed address is allocated memory, and so is every referent whose
//!   address is still stored in a listed weak reference.
//! - A weak reference's `referent` only moves from the address to 0, under
//!   the shard's lock, by a thread that holds a strong reference to the
//!   weak reference object (so never while that object is being dropped:
//!   its `Drop` reads the field with no writer racing it).
//! - Every weak reference object is MAYBE_WEAKREF from birth (set before
//!   it is listed), so `try_incref` on a listed one fails only when it is
//!   really dying, whichever thread owns it.
//! - Dereferencing = lock the shard, re-read `referent`, `try_incref` the
//!   referent (`skein_gc::weak`), unlock. `try_incref` fails exactly when
//!   the referent's count already reached zero, so a dying object is never
//!   handed out, and the destroying thread clears the entry (under the same
//!   lock) before the memory is freed.
//! - Nothing is dropped and no Python code runs while a shard lock is held
//!   (a drop may destroy a weak reference, whose `Drop` takes a shard lock;
//!   callbacks run after unlocking). Shard locks are leaves: no other lock
//!   is taken while one is held.
#![allow(unsafe_code)]

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ptr::NonNull;
use std::sync::atomic::Ordering;
use std::sync::OnceLock;

use parking_lot::Mutex;
use skein_gc::{ObjHeader, ObjRef};

use crate::object::{alloc, PyObject, PyRef};
use crate::types::weakref::{basic_type_info, has_weakrefs, PendingCallbacks, PyWeakRef, WeakKind};
use crate::value::Value;

const SHARDS: usize = 64;

/// Addresses are already well spread above their alignment bits.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only addresses are hashed")
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Lists = HashMap<usize, Vec<usize>, BuildHasherDefault<AddrHasher>>;

struct Table {
    shards: Vec<Mutex<Lists>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table { shards: (0..SHARDS).map(|_| Mutex::new(Lists::default())).collect() })
}

fn shard(addr: usize) -> &'static Mutex<Lists> {
    // Objects are at least 16 apart; mix higher bits in so that neighbours
    // of one allocation burst spread over the shards.
    let i = ((addr >> 4) ^ (addr >> 10)) % SHARDS;
    &table().shards[i]
}

/// The weak reference payload of a listed header address.
///
/// # Safety
/// `w` is listed in some entry and the caller holds that entry's shard lock
/// (so the object is allocated and its layout is `PyWeakRef`, possibly as
/// the base of an `Instance`).
unsafe fn payload<'a>(w: usize) -> &'a PyWeakRef {
    // SAFETY: forwarded contract; `payload_unchecked` is valid for
    // `PyObject<PyWeakRef>` and for instances of its subclasses.
    unsafe { alloc::payload_unchecked::<PyWeakRef>(&*(w as *const ObjHeader)) }
}

/// A strong reference to the listed object at `addr`, unless it is dying.
///
/// # Safety
/// The caller holds the shard lock that keeps `addr` allocated (a listed
/// weak reference, or the referent of one whose `referent` is still set).
unsafe fn try_take(addr: usize) -> Option<ObjRef> {
    // SAFETY: forwarded contract; listed addresses are non-null.
    unsafe { ObjRef::try_from_weak(NonNull::new_unchecked(addr as *mut ObjHeader)) }
}

/// The referent of `w`, if it is still alive.
pub fn deref(w: &PyWeakRef) -> Option<Value> {
    // Acquire pairs with the Release store of 0 in `detach_all`: a reader
    // that sees 0 needs nothing more; one that sees the address re-reads it
    // under the lock.
    let addr = w.referent.load(Ordering::Acquire);
    if addr == 0 {
        return None;
    }
    let guard = shard(addr).lock();
    if w.referent.load(Ordering::Relaxed) == 0 {
        return None;
    }
    // SAFETY: `referent` is still set and we hold its shard lock, so the
    // referent has not been cleared by its destroyer and is allocated.
    let r = unsafe { try_take(addr) };
    drop(guard);
    r.map(Value::from_ref)
}

/// The header address of a weak reference payload.
fn header_of(w: &PyWeakRef) -> usize {
    // Payloads live at this offset in `PyObject<PyWeakRef>` and in
    // `PyObject<Instance<PyWeakRef>>` alike (see `object/alloc.rs`).
    w as *const PyWeakRef as usize - std::mem::offset_of!(PyObject<PyWeakRef>, payload)
}

/// Whether `w` (listed) is a basic reference: exact type and no callback,
/// the kind `ref(o)` / `proxy(o)` hand out again; which kind, if so.
fn basic_kind(w: &PyWeakRef) -> Option<WeakKind> {
    let h = header_of(w) as *const ObjHeader;
    // SAFETY: the caller holds the lock that keeps `w` allocated; a live
    // object's type pointer is valid.
    let ty = unsafe { (*h).type_info() };
    (std::ptr::eq(ty, basic_type_info(w.kind)) && !w.has_callback()).then_some(w.kind)
}

/// The basic weak reference of `kind` to `obj`, if one exists and is alive.
pub fn find_basic(obj: usize, kind: WeakKind) -> Option<PyRef<PyWeakRef>> {
    let guard = shard(obj).lock();
    let found = find_basic_locked(&guard, obj, kind);
    drop(guard);
    found
}

fn find_basic_locked(lists: &Lists, obj: usize, kind: WeakKind) -> Option<PyRef<PyWeakRef>> {
    let list = lists.get(&obj)?;
    // Basic references sit at the head of the list (at most one `ref`,
    // then at most one proxy).
    for &w in list.iter().take(2) {
        // SAFETY: listed and under the lock.
        let p = unsafe { payload(w) };
        if basic_kind(p) == Some(kind) {
            // SAFETY: listed and under the lock.
            let r = unsafe { try_take(w) }?;
            // SAFETY: the object's layout is `PyWeakRef` (it is listed).
            return Some(unsafe { PyRef::from_obj_unchecked(r) });
        }
    }
    None
}

/// Lists `w` under its referent `obj`, unless `basic` and a basic reference
/// of the same kind appeared meanwhile (then that one is returned and `w`
/// stays unlisted). CPython's order: a basic `ref` at the head, a basic
/// proxy after it, every other reference right after those.
pub fn insert(obj: usize, w: &PyRef<PyWeakRef>, basic: bool) -> Option<PyRef<PyWeakRef>> {
    let mut guard = shard(obj).lock();
    if basic {
        if let Some(existing) = find_basic_locked(&guard, obj, w.kind) {
            return Some(existing);
        }
    }
    let me = w.header_ptr().as_ptr() as usize;
    let list = guard.entry(obj).or_default();
    // The basic references at the head of the list (at most two).
    let mut heads = Vec::with_capacity(2);
    for &x in list.iter().take(2) {
        // SAFETY: listed and under the lock.
        match basic_kind(unsafe { payload(x) }) {
            Some(k) => heads.push(k),
            None => break,
        }
    }
    let at = match (basic, w.kind) {
        (true, WeakKind::Ref) => 0,
        (true, _) => usize::from(heads.first() == Some(&WeakKind::Ref)),
        (false, _) => heads.len(),
    };
    list.insert(at, me);
    None
}

/// `Drop` of a weak reference payload: leave the referent's list.
pub fn unlink(w: &PyWeakRef, referent: usize) {
    let me = header_of(w);
    let mut guard = shard(referent).lock();
    if let Some(list) = guard.get_mut(&referent) {
        if let Some(i) = list.iter().position(|&x| x == me) {
            list.remove(i);
        }
        if list.is_empty() {
            guard.remove(&referent);
        }
    }
}

/// The live weak references to `obj`, in list order (`getweakrefs`), or
/// only their number (`getweakrefcount`).
pub fn refs_to(obj: usize) -> Vec<Value> {
    let guard = shard(obj).lock();
    let mut out = Vec::new();
    if let Some(list) = guard.get(&obj) {
        for &w in list {
            // SAFETY: listed and under the lock.
            if let Some(r) = unsafe { try_take(w) } {
                out.push(Value::from_ref(r));
            }
        }
    }
    drop(guard);
    out
}

pub fn count_refs(obj: usize) -> usize {
    shard(obj).lock().get(&obj).map_or(0, Vec::len)
}

/// Removes `obj`'s entry and clears every weak reference in it; returns
/// strong references to those that were not dying themselves, in list
/// order (their callbacks are the caller's business, after this returns).
pub fn detach_all(obj: usize) -> Vec<PyRef<PyWeakRef>> {
    let mut guard = shard(obj).lock();
    let Some(list) = guard.remove(&obj) else { return Vec::new() };
    let mut live = Vec::with_capacity(list.len());
    for w in list {
        // SAFETY: it was listed until just now, under this lock.
        let Some(r) = (unsafe { try_take(w) }) else {
            // Dying: its `Drop` will find no entry and leave `referent`
            // alone; nobody can dereference it any more.
            continue;
        };
        // SAFETY: the object's layout is `PyWeakRef` (it was listed).
        let r: PyRef<PyWeakRef> = unsafe { PyRef::from_obj_unchecked(r) };
        // Release pairs with `deref`'s Acquire load.
        r.referent.store(0, Ordering::Release);
        live.push(r);
    }
    drop(guard);
    live
}

/// Called by every `dealloc` before the payload is dropped: clears weak
/// references to the dying object and runs their callbacks. One bit test
/// for objects that never had a weak reference.
///
/// The bit is visible here: it was set by a thread holding a strong
/// reference, whose release is ordered before the destroying thread's
/// decision to free (the decrements are AcqRel; docs/gc.md).
///
/// # Safety
/// `p` is an object whose count reached zero, not yet freed.
#[inline]
pub unsafe fn clear_on_dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the caller keeps the memory allocated.
    if has_weakrefs(unsafe { p.as_ref() }) {
        crate::types::weakref::clear_dead_referent(p.as_ptr() as usize);
    }
}

/// For the cycle collector (CPython's `handle_weakrefs`): clear every weak
/// reference to the objects in `garbage` *before* any of them is cleared
/// or freed, so that no callback or other code can reach garbage through a
/// weak reference. Callbacks are kept only for weak references that are
/// not garbage themselves (a garbage weak reference dies with its
/// referent, and its callback -- possibly garbage too -- must not run).
///
/// Runs no Python code and takes only table shard locks, so it may be
/// called with the world stopped. Run the result with
/// [`PendingCallbacks::run`] once the world runs again and before the
/// garbage is torn down, or drop it (after restarting the world: dropping
/// may destroy weak reference objects).
///
/// # Safety
/// Every pointer in `garbage` is an allocated object for the duration of
/// the call (the collector holds them).
pub unsafe fn clear_for_collection(garbage: &[NonNull<ObjHeader>]) -> PendingCallbacks {
    // Built on first need: most collections find no weakly referenced
    // garbage, and this runs inside the pause.
    let mut set: Option<HashSet<usize, BuildHasherDefault<AddrHasher>>> = None;
    let mut calls = Vec::new();
    let mut discard = Vec::new();
    for &p in garbage {
        // SAFETY: the caller keeps `p` allocated.
        if !has_weakrefs(unsafe { p.as_ref() }) {
            continue;
        }
        let set = set.get_or_insert_with(|| garbage.iter().map(|p| p.as_ptr() as usize).collect());
        let live = detach_all(p.as_ptr() as usize);
        let (keep, dead): (Vec<_>, Vec<_>) =
            live.into_iter().partition(|w| !set.contains(&(w.header_ptr().as_ptr() as usize)));
        // A garbage weak reference loses its callback without running it.
        // Nothing is released here: a release could destroy an object and
        // run its weak references' callbacks with the world stopped.
        for w in dead {
            discard.extend(w.take_callback());
            discard.push(w.into_value());
        }
        for w in keep {
            match w.take_callback() {
                Some(cb) => calls.push((w, cb)),
                None => discard.push(w.into_value()),
            }
        }
    }
    PendingCallbacks::new(calls, discard)
}

/// [`clear_for_collection`] for a collector that holds the garbage as
/// `ObjRef`s (so every object stays allocated): the callbacks are kept for
/// [`run_collection_callbacks`] (the collector's "before free" step, world
/// running). A second collection before that step runs adds to them.
pub fn clear_for_collection_held(garbage: &[ObjRef]) {
    let ptrs: Vec<NonNull<ObjHeader>> = garbage.iter().map(ObjRef::as_ptr).collect();
    // SAFETY: the collector's `ObjRef`s keep every object allocated.
    let pending = unsafe { clear_for_collection(&ptrs) };
    COLLECTION_PENDING.lock().push(pending);
}

/// Runs the callbacks [`clear_for_collection_held`] kept; whether any ran
/// (Python code may then have resurrected garbage).
pub fn run_collection_callbacks(vm: &mut crate::vm::Vm) -> bool {
    let batches = std::mem::take(&mut *COLLECTION_PENDING.lock());
    let mut ran = false;
    for p in batches {
        ran |= !p.is_empty();
        p.run(vm);
    }
    ran
}

static COLLECTION_PENDING: Mutex<Vec<PendingCallbacks>> = Mutex::new(Vec::new());
