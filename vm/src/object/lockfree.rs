//! What lock-free container reads share: the container's lock and sharing
//! state, values as raw words, and deferred drops through QSBR.
//!
//! `list` and `dict` (`shared_vec.rs`, `dict_keys.rs`) let readers load
//! their published storage without taking the lock, as CPython 3.13t does.
//! Writers still lock. Two rules make that sound:
//!
//! 1. **Storage outlives its readers.** Replaced item arrays and dict
//!    tables are freed through QSBR (`skein_threading::qsbr`): only after
//!    every attached thread has passed a quiescent point.
//! 2. **Items outlive their readers.** A reader increments the count of an
//!    item it loaded from a slot. That item may be removed concurrently,
//!    and Skein's allocator does not keep freed objects' counts readable
//!    (CPython's try-incref relies on that), so the reference a container
//!    drops is released through QSBR too: the item stays alive until every
//!    reader that might have loaded it has moved on. A reader therefore
//!    only ever increments a live object.
//!
//! Deferral costs a little, so it is paid only by *shared* containers.
//! Each container records the thread that created it (`owner`) and a
//! `shared` flag ([`LfState`]), as CPython's `_PyObject_GC_IS_SHARED`:
//!
//! - The owner reads without the lock whenever it is attached.
//! - Any other attached thread reads without the lock only once `shared`
//!   is set; its first read takes the lock and sets it.
//! - A writer other than the owner sets `shared` (under the lock) before it
//!   changes anything, since the owner may be reading concurrently.
//! - A writer defers frees and drops iff `shared` is set (checked under the
//!   lock). An unshared container is only ever read lock-free by its owner,
//!   which is then the writer itself, so frees can be immediate.
//!
//! `shared` is stored with Release and loaded with Acquire, so a thread
//! that sees it set also sees every write made under the lock before it was
//! set. A detached thread reads under the lock: QSBR does not wait for it.
//!
//! `unsafe` here: turning words back into values, and running deferred
//! drops. Both rely on the word coming from [`into_word`].
#![allow(unsafe_code)]

use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use skein_gc::{ObjHeader, ObjRef};
use skein_threading::obj_mutex::RawObjMutex;
use skein_threading::qsbr;
use skein_threading::sync::{AtomicBool, Ordering};

use crate::value::Value;

// `Value` is one word (`#[repr(transparent)]` over `NonZeroUsize`), so a
// slot holding a value's word can be viewed as a `Value` (`shared_vec.rs`,
// `dict_keys.rs`).
const _: () = assert!(std::mem::size_of::<Value>() == std::mem::size_of::<usize>());
const _: () = assert!(std::mem::align_of::<Value>() == std::mem::align_of::<usize>());

/// A container's lock, owner and `shared` flag (8 bytes).
pub struct LfState {
    mutex: RawObjMutex,
    shared: AtomicBool,
    /// The tid that created the container while attached, or 0 (no owner:
    /// every reader needs `shared`). Tids are unique among live threads
    /// and an exited owner's last access happens-before the tid's reuse,
    /// so two threads never act as owner at once.
    owner: u32,
}

impl Default for LfState {
    fn default() -> Self {
        LfState::new()
    }
}

impl LfState {
    #[inline]
    pub fn new() -> Self {
        let owner = u32::try_from(qsbr::online_tid()).unwrap_or(0);
        LfState { mutex: RawObjMutex::new(), shared: AtomicBool::new(false), owner }
    }

    /// Whether the calling thread may read without the lock now.
    #[inline(always)]
    pub fn lockfree_ok(&self) -> bool {
        let me = qsbr::online_tid();
        me != 0 && (me == self.owner as usize || self.shared.load(Ordering::Acquire))
    }

    /// Whether writers defer frees (the flag is only set, never cleared).
    #[inline]
    pub fn is_shared(&self) -> bool {
        self.shared.load(Ordering::Acquire)
    }

    /// Locks for a read that did not go lock-free; marks the container
    /// shared if an attached non-owner reads it, so its next reads can.
    pub fn lock_read(&self) -> LfGuard<'_> {
        self.mutex.lock();
        let me = qsbr::online_tid();
        if me != 0 && me != self.owner as usize && !self.shared.load(Ordering::Relaxed) {
            self.shared.store(true, Ordering::Release);
        }
        LfGuard { state: self, shared: true }
    }

    /// Locks for a write. The guard says whether removed storage and
    /// references must go through QSBR.
    #[inline]
    pub fn lock_write(&self) -> LfGuard<'_> {
        self.mutex.lock();
        let shared = if self.shared.load(Ordering::Relaxed) {
            true
        } else if self.owner != 0 && qsbr::online_tid() == self.owner as usize {
            false
        } else {
            // Another thread writes: the owner may be reading lock-free.
            self.shared.store(true, Ordering::Release);
            true
        };
        LfGuard { state: self, shared }
    }
}

/// Holds an [`LfState`]'s lock.
pub struct LfGuard<'a> {
    state: &'a LfState,
    /// Removals must be deferred (see the module doc).
    pub shared: bool,
}

impl Drop for LfGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        self.state.mutex.unlock();
    }
}

// ---- values as words ----------------------------------------------------------------

/// The word of `v`; the reference `v` owned (if it is an object) now
/// belongs to the word.
#[inline(always)]
pub fn into_word(v: Value) -> usize {
    v.into_raw_word()
}

/// Takes back the value (and reference) of a word from [`into_word`].
///
/// # Safety
/// `w` came from `into_word` and its reference has not been taken back.
#[inline(always)]
pub unsafe fn from_word(w: usize) -> Value {
    // SAFETY: forwarded contract.
    unsafe { Value::from_raw_word(w) }
}

/// A new value for word `w` (a new reference if it is an object).
///
/// # Safety
/// `w` came from `into_word` and its object, if any, is alive (some
/// reference to it is held, possibly one whose release QSBR defers).
#[inline(always)]
pub unsafe fn clone_word(w: usize) -> Value {
    // SAFETY: forwarded contract.
    unsafe { Value::clone_raw_word(w) }
}

/// A view of word `w` as a value without owning a reference.
///
/// # Safety
/// As [`clone_word`], for as long as the view is used.
#[inline(always)]
pub unsafe fn borrow_word(w: usize) -> ManuallyDrop<Value> {
    // SAFETY: forwarded contract; `ManuallyDrop` never releases it.
    ManuallyDrop::new(unsafe { from_word(w) })
}

// ---- deferred drops -------------------------------------------------------------------

/// Rough size of an object a deferred drop may free, for QSBR's memory
/// bound.
const OBJECT_BYTES: usize = 64;

/// # Safety
/// `arg` is an object pointer whose reference was handed to `defer_drop`.
unsafe fn run_decref(arg: *mut ()) {
    // SAFETY: the reference handed over in `defer_drop`, released once.
    drop(unsafe { ObjRef::from_raw(NonNull::new_unchecked(arg as *mut ObjHeader)) });
}

/// # Safety
/// `arg` is a `Box<Vec<Value>>` handed over by `defer_drop_all`.
unsafe fn run_drop_vec(arg: *mut ()) {
    // SAFETY: the box made in `defer_drop_all`, dropped once.
    drop(unsafe { Box::from_raw(arg as *mut Vec<Value>) });
}

/// Releases `v` once every lock-free reader that may have loaded it from a
/// container has moved on. Ints and immortal objects are dropped at once.
pub fn defer_drop(v: Value) {
    let Some(h) = v.header() else { return };
    if h.is_immortal() {
        return;
    }
    let p = into_word(v) as *mut ();
    // SAFETY: `run_decref` releases the one reference `v` owned, on any
    // thread; dropping a value may run Python code, which the eval breaker
    // (where QSBR runs deferred work) allows.
    unsafe { qsbr::defer(run_decref, p, OBJECT_BYTES) };
}

/// Releases a value a container store replaced: at once when no other
/// thread has read the container (`shared` is false: nobody can still hold
/// its word), else through [`defer_drop`].
#[inline]
pub fn release_replaced(v: Value, shared: bool) {
    if shared {
        defer_drop(v);
    } else {
        drop(v);
    }
}

/// [`defer_drop`] for many values at once (one deferred item).
pub fn defer_drop_all(mut vs: Vec<Value>) {
    vs.retain(|v| v.header().is_some_and(|h| !h.is_immortal()));
    match vs.len() {
        0 => {}
        1 => defer_drop(vs.pop().expect("one value")),
        n => {
            let p = Box::into_raw(Box::new(vs)) as *mut ();
            // SAFETY: as in `defer_drop`; `run_drop_vec` owns the box.
            unsafe { qsbr::defer(run_drop_vec, p, n * OBJECT_BYTES) };
        }
    }
}

/// Values a container gave up under its lock, released once the lock is
/// released (a drop may run Python code): at once for an unshared
/// container, through QSBR for a shared one.
///
/// The first value has its own field, so the common change (a store that
/// replaces one value) releases with one test; seven more fit inline (a
/// short slice assignment), so only larger removals allocate. A shared
/// container's single value goes to QSBR as its own word (`defer_drop`),
/// with no box either.
#[derive(Default)]
pub struct Removed {
    one: Option<Value>,
    more: smallvec::SmallVec<[Value; 7]>,
}

impl Removed {
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.one.is_none() {
            self.one = Some(v);
        } else {
            self.more.push(v);
        }
    }

    /// Releases everything. Call after unlocking.
    ///
    /// Why an unshared container may drop at once. The race to rule out:
    /// a reader loads a slot's word, the writer replaces the slot and
    /// drops the old value (freeing it), the reader increments freed
    /// memory. In an unshared container the only lock-free reader is the
    /// owner, and the owner is then the writer: its reads and writes are
    /// sequential, and it never writes in the middle of a read (a read
    /// runs no Python code). Any other thread reads or writes under the
    /// lock and sets `shared` while holding it; a writer decides `shared`
    /// after taking the same lock, so either the other thread's store of
    /// `shared` happened before the writer locked (the writer sees it and
    /// defers), or the writer's unlock happened before that thread locked
    /// (the old value was already unlinked, so it cannot load it). The
    /// value is dropped after unlocking, which is still sound: nobody can
    /// reach it any more.
    #[inline]
    pub fn release(&mut self, shared: bool) {
        let Some(v) = self.one.take() else { return };
        if shared {
            defer_drop(v);
            if !self.more.is_empty() {
                defer_drop_all(self.more.drain(..).collect());
            }
        } else {
            drop(v);
            if !self.more.is_empty() {
                self.more.clear();
            }
        }
    }
}
