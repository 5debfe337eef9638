//! Per-thread inline caches for the dispatch loop.
//!
//! Code objects are immutable and shared by every thread, so the run-time
//! state that specialises an instruction (what kind of attribute `self.x`
//! found last time, which method `obj.m()` called) cannot live in the
//! bytecode. Each instruction with a `CACHE` unit owns a cache *slot*
//! (`0..n_cache_slots`, the unit's argument); each thread keeps its own
//! table of [`Entry`] per code object, found through the code's `cache_id`.
//!
//! Why per thread rather than atomic words in the code object: no entry is
//! ever written by two threads, so an entry is never torn and no cache line
//! is shared between cores (CPython 3.14t reaches the same end with
//! thread-local copies of specialised bytecode). The price is that every
//! thread warms its own caches, which takes a handful of executions.
//!
//! Invariants:
//! - An entry only ever holds plain numbers (type versions, slot indices)
//!   and the words of values that need no reference counting (tagged ints
//!   and immortal objects, see [`Value::immortal_word`]). Entries are
//!   `Copy`: reading one never touches a count and replacing one never runs
//!   a destructor, so a cache can be consulted and updated anywhere in the
//!   loop, even while Python code nested below uses the same code object.
//! - Every entry is validated on use by a version that changes whenever the
//!   cached fact could become false (a type's version moves on any change
//!   to its dict or a base's dict), so a stale entry is a miss, never a
//!   wrong answer.
//! - A table is replaced only when a *different* code object (one that
//!   reused a dead code's `cache_id`) asks for it; a code object is alive
//!   while any frame runs it, so the table a running frame uses stays put.
#![allow(unsafe_code)]

use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;

use crate::value::Value;

/// What one instruction learned the last time it ran on this thread.
#[derive(Clone, Copy, Default, Debug)]
pub enum Entry {
    #[default]
    Empty,
    /// `LOAD_ATTR` / `STORE_ATTR`: the type (at this version) has no data
    /// descriptor for the name and its instances keep attributes in a
    /// `__dict__`: go straight to the instance dict. `fallback` (0 for
    /// none) is what the class has under the name when that is a plain value
    /// needing no count (`self.CONSTANT`), returned when the dict lacks it.
    /// `hint` is the dict entry position where the name was last found (a
    /// guess, checked on use).
    InstanceDict { type_version: u64, fallback: usize, hint: u32 },
    /// `LOAD_ATTR` / `STORE_ATTR`: as `InstanceDict`, the name having
    /// index `index` in the class's shared layout: instances in inline mode
    /// keep its value in word `index` of their inline values.
    InstanceValue { type_version: u64, fallback: usize, index: u32 },
    /// `LOAD_ATTR` (method form): the type (at this version) maps the name
    /// to a plain method (immortal `function` or method descriptor); it is
    /// used unless the instance dict shadows it.
    Method { type_version: u64, func: usize, has_dict: bool },
    /// `LOAD_ATTR` on a module object: look in the module's dict.
    Module { type_version: u64 },
    /// `LOAD_ATTR` on a module object (`math.sin`): the value (needing no
    /// count) that the module whose dict is at address `dict` (immortal,
    /// so never reused) held under the name while its dict was at
    /// `version`; the dict's version moves with every store into it.
    ModuleValue { type_version: u64, dict: usize, version: u64, value: usize },
    /// `LOAD_ATTR` / `STORE_ATTR` of a `__slots__` member.
    Slot { type_version: u64, index: usize },
    /// `LOAD_ATTR` on a class object: an attribute found on the class that
    /// binds to itself (not a descriptor) and needs no count.
    ClassValue { type_version: u64, meta_version: u64, value: usize },
    /// `LOAD_GLOBAL`: the value (needing no count) found while the globals
    /// dict (identified by address; module dicts are immortal, so the
    /// address is never reused) was at version `gver` and, when it came from
    /// the builtins, the builtins dict at version `bver` (else `u64::MAX`).
    Global { globals: usize, gver: u64, bver: u64, value: usize },
    /// `CALL` of a class: at this version the class is made by
    /// `object.__new__` and runs `init` (an immortal Python function) as
    /// its `__init__` (`type_call::plain_python_init`).
    Init { type_version: u64, init: usize },
    /// Specialising failed: run the generic path this many more times
    /// before trying again.
    Backoff(u16),
}

/// How many generic executions follow a failed specialisation.
pub const BACKOFF: u16 = 64;

/// Entries per slot: a site that meets objects of a few types (a method
/// called on instances of four subclasses) keeps one entry per type instead
/// of re-specialising on every call. Entries are filled from way 0 up; an
/// `Empty` way ends the search.
pub const WAYS: usize = 4;

/// One code object's entries on one thread.
struct Table {
    serial: u64,
    entries: Box<[[Entry; WAYS]]>,
}

/// A thread's tables, indexed by `cache_id`.
#[derive(Default)]
pub struct InlineCaches {
    tables: Vec<Option<Box<Table>>>,
}

/// A running frame's view of its code's table on this thread.
#[derive(Clone, Copy)]
pub struct Slots {
    ptr: NonNull<[Entry; WAYS]>,
    len: usize,
}

impl InlineCaches {
    /// The table for the code with this id and serial, created (or reset,
    /// when the id was reused by a newer code object) as needed.
    #[inline(always)]
    pub fn slots(&mut self, ids: &CacheIds, n_slots: usize) -> Slots {
        if let Some(Some(t)) = self.tables.get_mut(ids.id as usize) {
            if t.serial == ids.serial {
                return Slots { ptr: NonNull::from(&mut t.entries[..]).cast(), len: t.entries.len() };
            }
        }
        self.slots_slow(ids, n_slots)
    }

    #[inline(never)]
    fn slots_slow(&mut self, ids: &CacheIds, n_slots: usize) -> Slots {
        let id = ids.id as usize;
        if id >= self.tables.len() {
            self.tables.resize_with(id + 1, || None);
        }
        let t = &mut self.tables[id];
        let fresh = !matches!(t, Some(t) if t.serial == ids.serial && t.entries.len() == n_slots);
        if fresh {
            *t = Some(Box::new(Table { serial: ids.serial, entries: vec![[Entry::Empty; WAYS]; n_slots].into() }));
        }
        match t {
            Some(t) => Slots { ptr: NonNull::from(&mut t.entries[..]).cast(), len: t.entries.len() },
            None => Slots::empty(),
        }
    }
}

impl Slots {
    pub fn empty() -> Slots {
        Slots { ptr: NonNull::dangling(), len: 0 }
    }

    /// Way `w` of slot `i` (empty when out of range).
    #[inline(always)]
    pub fn get(&self, i: usize, w: usize) -> Entry {
        if i < self.len && w < WAYS {
            // SAFETY: `ptr..ptr+len` is the boxed slice of a table that stays
            // allocated while the frame using these slots runs (module doc);
            // entries are `Copy` and only this thread touches them, and no
            // reference into the slice outlives this read.
            unsafe { (*self.ptr.as_ptr().add(i))[w] }
        } else {
            Entry::Empty
        }
    }

    /// Replaces way `w` of slot `i`.
    #[inline(always)]
    pub fn set(&self, i: usize, w: usize, e: Entry) {
        if i < self.len && w < WAYS {
            // SAFETY: as in `get`; the write goes through the raw pointer and
            // no Rust reference to the entry exists at the same time.
            unsafe { (*self.ptr.as_ptr().add(i))[w] = e }
        }
    }

    /// Adds `e` to slot `i`: into the first empty way, else in place of the
    /// oldest (way 0, the others moving down).
    pub fn insert(&self, i: usize, e: Entry) {
        for w in 0..WAYS {
            if matches!(self.get(i, w), Entry::Empty | Entry::Backoff(_)) {
                self.set(i, w, e);
                return;
            }
        }
        for w in 1..WAYS {
            self.set(i, w - 1, self.get(i, w));
        }
        self.set(i, WAYS - 1, e);
    }

    /// Empties slot `i`.
    pub fn clear(&self, i: usize) {
        for w in 0..WAYS {
            self.set(i, w, Entry::Empty);
        }
    }
}

/// A code object's identity for the caches: `id` indexes the per-thread
/// tables and is reused after the code dies; `serial` is never reused and
/// tells a reused id's new owner from the old one.
pub struct CacheIds {
    pub id: u32,
    pub serial: u64,
}

static SERIAL: AtomicU64 = AtomicU64::new(1);

struct IdPool {
    next: u32,
    free: Vec<u32>,
}

static IDS: Mutex<IdPool> = Mutex::new(IdPool { next: 0, free: Vec::new() });

impl CacheIds {
    /// Ids for a new code object (taken when the code object is created,
    /// which is rare next to running it).
    pub fn allocate() -> CacheIds {
        let id = {
            let mut p = IDS.lock();
            match p.free.pop() {
                Some(id) => id,
                None => {
                    p.next += 1;
                    p.next - 1
                }
            }
        };
        CacheIds { id, serial: SERIAL.fetch_add(1, Ordering::Relaxed) }
    }
}

impl Drop for CacheIds {
    fn drop(&mut self) {
        IDS.lock().free.push(self.id);
    }
}

/// A value held in an entry without a reference. Also how a code object's
/// constants (`PyCode::const_value`) and the singletons (`none()`,
/// `bool_value`) are copied: all immortal.
#[inline(always)]
pub fn cached_value(word: usize) -> Value {
    // SAFETY: every caller passes the word of a tagged int or an immortal
    // object: entries only hold words produced by `Value::immortal_word`,
    // constants are made immortal when their code object is built, the
    // singletons when they are created. Such objects are never freed and
    // their counts never change (immortality is never undone), so a copy
    // of the word is a valid `Value`.
    unsafe { Value::from_immortal_word(word) }
}
