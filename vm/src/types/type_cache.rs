//! A per-thread cache of attribute lookups on types.
//!
//! `PyType::lookup` walks the MRO and probes one dict per class; the cache
//! remembers the result (including "not found") keyed by the type, its
//! version and the name. A type's version changes whenever its dict or a
//! base's dict changes (`PyType::modified` bumps the type and, recursively,
//! its subclasses), so a stale entry can never match. Each thread has its
//! own cache: no locks, no shared cache lines, and entries own their values,
//! so nothing they point to can be freed under them.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::value::Value;

const SIZE: usize = 4096;

/// Bumped when type dicts change outside `PyType::modified` (builtin types
/// getting their methods at start-up): part of every key.
static EPOCH: AtomicU64 = AtomicU64::new(0);

/// Forgets every cached lookup in every thread.
pub fn invalidate_all() {
    EPOCH.fetch_add(1, Ordering::Release);
}

#[inline]
fn epoch() -> u64 {
    EPOCH.load(Ordering::Acquire)
}

#[derive(Default)]
struct Entry {
    ty: usize,
    version: u64,
    epoch: u64,
    hash: i64,
    name: Option<Value>,
    value: Option<Value>,
}

thread_local! {
    static CACHE: RefCell<Vec<Entry>> = RefCell::new((0..SIZE).map(|_| Entry::default()).collect());
}

#[inline]
fn slot(ty: usize, version: u64, hash: i64) -> usize {
    let h = (ty >> 4) as u64 ^ version.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ hash as u64;
    (h as usize ^ (h >> 29) as usize) & (SIZE - 1)
}

/// `Some(result)` on a hit (`result` is `None` for a cached miss).
#[inline]
pub fn get(ty: usize, version: u64, hash: i64, name: &str) -> Option<Option<Value>> {
    CACHE.with(|c| {
        let c = c.borrow();
        let e = &c[slot(ty, version, hash)];
        if e.ty == ty
            && e.version == version
            && e.epoch == epoch()
            && e.hash == hash
            && e.name.as_ref().and_then(|n| n.as_str()) == Some(name)
        {
            Some(e.value.clone())
        } else {
            None
        }
    })
}

/// `get` for an interned name value: identity compare, cached hash.
#[inline]
pub fn get_value(ty: usize, version: u64, hash: i64, name: &Value) -> Option<Option<Value>> {
    CACHE.with(|c| {
        let c = c.borrow();
        let e = &c[slot(ty, version, hash)];
        if e.ty == ty
            && e.version == version
            && e.epoch == epoch()
            && e.hash == hash
            && e.name.as_ref().is_some_and(|n| n.is(name) || n.as_str() == name.as_str())
        {
            Some(e.value.clone())
        } else {
            None
        }
    })
}

/// Records a lookup result.
#[inline]
pub fn put(ty: usize, version: u64, hash: i64, name: &str, value: Option<Value>) {
    let name_v = crate::intern::intern_cached(name);
    let old = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let e = &mut c[slot(ty, version, hash)];
        std::mem::replace(e, Entry { ty, version, epoch: epoch(), hash, name: Some(name_v), value })
    });
    // Dropped outside the borrow: a destructor may run Python code.
    drop(old);
}

/// Empties this thread's cache. Its entries own their values, and a cached
/// method may lead back to its class (a `__class__` cell, default values):
/// an explicit `gc.collect()` drops them first so that such classes are not
/// kept alive from outside the heap. Other threads' entries stay until
/// overwritten (at most `SIZE` per thread).
pub fn clear_thread() {
    let old = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        std::mem::replace(&mut *c, (0..SIZE).map(|_| Entry::default()).collect())
    });
    // Dropped outside the borrow: a destructor may run Python code.
    drop(old);
}
