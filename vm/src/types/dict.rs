//! `dict`: CPython's compact, insertion-ordered hash table.
//!
//! A sparse index table (open addressing with CPython's perturbed probing)
//! points into a dense entry array kept in insertion order. The memory and
//! its invariants are `object/dict_keys.rs`'s; this file has the hashing
//! algorithms and the Python-facing operations.
//!
//! Lookups whose key comparisons need no Python code (`fast_eq`: exact
//! `str`, `int`, `float`, identity) run without the lock; any other lookup,
//! and every change, locks. The lock is never held while Python code runs:
//! when two keys' equality needs `__eq__`, the lookup copies the candidate
//! key, unlocks, compares, relocks and restarts if the table changed
//! meanwhile (`version` moved), as CPython does when a dict mutates during a
//! lookup. `len()` and `version()` are single atomic loads.

use crate::object::dict_keys::{probe_seq, DictGuard, DictStore, DUMMY, EMPTY};
use crate::object::{PyPayload, PyRef};
use crate::protocol::fast_eq;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use crate::object::dict_keys::Entry;

pub static DICT_TYPE: TypeCell = TypeCell::new();

const MIN_SIZE: usize = 8;

/// The locked table, as `PyDict::lock` hands it out.
pub type DictTable<'a> = DictGuard<'a>;

pub struct PyDict {
    store: DictStore,
}

impl PyPayload for PyDict {
    fn class() -> &'static PyRef<PyType> {
        DICT_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Traverse hooks run with the world stopped (skein_gc::TypeInfo).
        self.store.for_each_stopped(visit);
    }
}

enum Probe {
    Found(usize),
    /// Not present.
    Missing,
    /// Need Python-level equality against `entries[ix]`.
    NeedEq {
        ix: usize,
        key: Value,
        version: u64,
    },
}

/// Probes for `key`. `skip` lists entry indices already compared unequal
/// by the slow path during this lookup.
fn probe(t: &DictGuard<'_>, key: &Value, hash: i64, skip: &[usize]) -> Probe {
    let size = t.size();
    if size == 0 {
        return Probe::Missing;
    }
    for i in probe_seq(hash, size - 1) {
        let ix = t.index(i);
        if ix == EMPTY {
            return Probe::Missing;
        }
        if ix == DUMMY {
            continue;
        }
        let ix = ix as usize;
        if let Some(e) = t.entry(ix) {
            if e.key.is(key) {
                return Probe::Found(ix);
            }
            if e.hash == hash && !skip.contains(&ix) {
                match fast_eq(&e.key, key) {
                    Some(true) => return Probe::Found(ix),
                    Some(false) => {}
                    None => return Probe::NeedEq { ix, key: e.key.clone(), version: t.version() },
                }
            }
        }
    }
    Probe::Missing
}

/// The first slot of `hash`'s probe sequence that holds no entry.
fn find_empty_slot(t: &DictGuard<'_>, hash: i64) -> usize {
    probe_seq(hash, t.size() - 1).find(|&i| t.index(i) < 0).unwrap_or(0)
}

/// Inserts a key known to be absent; returns its entry position.
fn insert_new(t: &mut DictGuard<'_>, hash: i64, key: Value, value: Value) -> usize {
    if t.size() == 0 || t.nentries() + 1 > t.capacity() {
        let min_used = (t.len() + 1) * 3;
        let mut size = MIN_SIZE;
        while size * 2 < min_used * 3 {
            size <<= 1;
        }
        t.resize(size);
    }
    let slot = find_empty_slot(t, hash);
    let ix = t.push_entry(hash, key, value);
    t.set_index(slot, ix as i32);
    ix
}

/// Deletes live entry `ix`; returns its key and value.
fn remove_at(t: &mut DictGuard<'_>, ix: usize) -> Option<(Value, Value)> {
    let hash = t.entry(ix)?.hash;
    let slot = probe_seq(hash, t.size() - 1).find(|&i| t.index(i) == ix as i32)?;
    t.set_index(slot, DUMMY);
    t.take_entry(ix)
}

/// A `str` key's lookup: identity, or an exact `str` with the same text.
#[inline]
fn str_key_matches(k: &Value, name: &str, ident: Option<&Value>) -> bool {
    ident.is_some_and(|i| i.is(k)) || (k.as_str() == Some(name) && k.class().is_str_exact())
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict { store: DictStore::new() }
    }

    pub fn new_ref() -> PyRef<PyDict> {
        PyRef::new(PyDict::new())
    }

    /// The table, locked for reading (iteration, snapshots). Changes go
    /// through `PyDict`'s methods. Never call Python code with it locked.
    pub fn lock(&self) -> DictGuard<'_> {
        self.store.lock_read()
    }

    /// The number of items (one atomic load).
    #[inline]
    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether other threads have used this dict, so that it defers frees
    /// (for tests and diagnostics).
    pub fn is_shared(&self) -> bool {
        self.store.is_shared()
    }

    /// Runs a lookup under the lock, doing slow equality checks with the
    /// lock released.
    fn lookup<R>(
        &self,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
        write: bool,
        mut on_result: impl FnMut(&mut DictGuard<'_>, Option<usize>) -> R,
    ) -> PyResult<R> {
        let lock = || if write { self.store.lock() } else { self.store.lock_read() };
        let mut skip: Vec<usize> = Vec::new();
        loop {
            let probe = {
                let mut t = lock();
                match probe(&t, key, hash, &skip) {
                    Probe::Found(ix) => return Ok(on_result(&mut t, Some(ix))),
                    Probe::Missing => return Ok(on_result(&mut t, None)),
                    Probe::NeedEq { ix, key, version } => (ix, key, version),
                }
            };
            let (ix, candidate, version) = probe;
            let equal = vm.eq(&candidate, key)?;
            drop(candidate);
            if self.store.version() != version {
                skip.clear();
                continue;
            }
            if equal {
                let mut t = lock();
                if t.version() == version {
                    return Ok(on_result(&mut t, Some(ix)));
                }
                skip.clear();
                continue;
            }
            skip.push(ix);
        }
    }

    pub fn get_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_item_hashed(vm, key, hash)
    }

    pub fn get_item_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        if let Some(r) = self.store.lookup_lockfree(hash, |k| fast_eq(k, key)) {
            return Ok(r);
        }
        self.lookup(vm, key, hash, false, |t, r| r.and_then(|ix| t.entry(ix).map(|e| e.value.clone())))
    }

    /// Lookup by a `str` value (usually interned), using its cached hash.
    /// Never runs Python code.
    #[inline]
    pub fn get_str_value(&self, key: &Value) -> Option<Value> {
        let s = key.downcast_ref::<crate::types::str::PyStr>()?;
        self.get_str_hashed(s.as_str(), s.hash(), Some(key))
    }

    /// Lookup by a `str` key; never runs Python code.
    pub fn get_str(&self, name: &str) -> Option<Value> {
        self.get_str_hashed(name, crate::types::str::hash_str(name), None)
    }

    #[inline]
    fn get_str_hashed(&self, name: &str, hash: i64, ident: Option<&Value>) -> Option<Value> {
        if let Some(r) = self.store.lookup_lockfree(hash, |k| Some(str_key_matches(k, name, ident))) {
            return r;
        }
        self.get_str_locked(name, hash, ident)
    }

    #[cold]
    fn get_str_locked(&self, name: &str, hash: i64, ident: Option<&Value>) -> Option<Value> {
        let t = self.store.lock_read();
        let ix = find_str(&t, name, hash, ident, true)?;
        t.entry(ix).map(|e| e.value.clone())
    }

    pub fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        // One locked probe settles keys whose comparisons need no Python
        // code (the usual case); the general loop below handles `__eq__`.
        {
            let mut t = self.store.lock();
            match probe(&t, &key, hash, &[]) {
                Probe::Found(ix) => {
                    t.replace_value(ix, value);
                    return Ok(());
                }
                Probe::Missing => {
                    insert_new(&mut t, hash, key, value);
                    return Ok(());
                }
                // The candidate key it cloned is still in the dict, so
                // dropping the clone here (locked) cannot free it.
                Probe::NeedEq { .. } => {}
            }
        }
        let mut value = Some(value);
        // A replaced value is dropped by the guard after the lock is
        // released, because its destructor may run Python code.
        self.lookup(vm, &key, hash, true, |t, r| {
            if let Some(v) = value.take() {
                match r {
                    Some(ix) => t.replace_value(ix, v),
                    None => {
                        insert_new(t, hash, key.clone(), v);
                    }
                }
            }
        })
    }

    /// The value of `key` if present, else inserts `value` -- in one
    /// locked step once the key is found or known absent, so two threads
    /// never both insert (`dict.setdefault`, `**` merging). Returns the
    /// value now in the dict and whether it was inserted.
    pub fn get_or_insert_hashed(&self, vm: &mut Vm, key: &Value, hash: i64, value: Value) -> PyResult<(Value, bool)> {
        if let Some(Some(v)) = self.store.lookup_lockfree(hash, |k| fast_eq(k, key)) {
            return Ok((v, false));
        }
        let mut value = Some(value);
        self.lookup(vm, key, hash, true, |t, r| match r.and_then(|ix| t.entry(ix).map(|e| e.value.clone())) {
            Some(v) => (v, false),
            None => {
                let v = value.take().unwrap_or_else(crate::types::singletons::none);
                insert_new(t, hash, key.clone(), v.clone());
                (v, true)
            }
        })
    }

    /// Stores under a `str` key (the key value must be a `str`).
    pub fn set_str_key(&self, key: Value, value: Value) {
        let mut no_hint = u32::MAX;
        self.set_str_key_hinted(key, value, &mut no_hint);
    }

    /// [`PyDict::set_str_key`] trying entry `*hint` first (an inline
    /// cache's guess: instances of one class usually store their
    /// attributes in the same order); records the entry used.
    #[inline]
    pub fn set_str_key_hinted(&self, key: Value, value: Value, hint: &mut u32) {
        let Some(s) = key.downcast_ref::<crate::types::str::PyStr>() else { return };
        let hash = s.hash();
        let mut t = self.store.lock();
        let h = *hint as usize;
        if t.entry(h).is_some_and(|e| e.key.is(&key)) {
            t.replace_value(h, value);
            return;
        }
        let found = key.as_str().and_then(|name| find_str(&t, name, hash, Some(&key), false));
        let ix = match found {
            Some(ix) => {
                t.replace_value(ix, value);
                ix
            }
            None => insert_new(&mut t, hash, key, value),
        };
        *hint = u32::try_from(ix).unwrap_or(u32::MAX);
        // The guard drops a replaced value after unlocking.
    }

    /// [`PyDict::get_str_value`] trying entry `*hint` first (see
    /// `set_str_key_hinted`); records where the key was found.
    #[inline]
    pub fn get_str_value_hinted(&self, key: &Value, hint: &mut u32) -> Option<Value> {
        if let Some(v) = self.store.get_at_lockfree(*hint as usize, key.raw_word()) {
            return Some(v);
        }
        let s = key.downcast_ref::<crate::types::str::PyStr>()?;
        let (name, hash) = (s.as_str(), s.hash());
        match self.store.lookup_lockfree_at(hash, |k| Some(str_key_matches(k, name, Some(key)))) {
            Some(Some((v, ix))) => {
                *hint = u32::try_from(ix).unwrap_or(u32::MAX);
                Some(v)
            }
            Some(None) => None,
            None => self.get_str_locked(name, hash, Some(key)),
        }
    }

    /// Removes `key`; returns its value, or `None` if absent.
    pub fn pop_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let removed = self.lookup(vm, key, hash, true, |t, r| r.and_then(|ix| remove_at(t, ix)))?;
        Ok(removed.map(|(_, v)| v))
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        Ok(self.get_item(vm, key)?.is_some())
    }

    /// Snapshot of the keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.store.lock_read().iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.store.lock_read().iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.store.lock_read().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    pub fn clear(&self) {
        // The guard drops (or defers) the old entries after unlocking.
        self.store.lock().clear();
    }

    /// Bumped by every change (one atomic load).
    pub fn version(&self) -> u64 {
        self.store.version()
    }

    /// Removes and returns the last item (LIFO), as `dict.popitem`.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut t = self.store.lock();
        let ix = (0..t.nentries()).rev().find(|&ix| t.entry(ix).is_some())?;
        remove_at(&mut t, ix)
    }

    /// A copy with the same items.
    pub fn copy(&self) -> PyDict {
        let new = PyDict::new();
        {
            let src = self.store.lock_read();
            let mut dst = new.store.lock();
            for e in src.iter() {
                insert_new(&mut dst, e.hash, e.key.clone(), e.value.clone());
            }
        }
        new
    }

    /// Stores `str` keys and their values under one lock (a `**kwargs` dict
    /// being filled): the same as [`PyDict::set_str_key`] for each pair,
    /// without a lock and guard per key. Pairs whose key is not a `str` are
    /// skipped, as `set_str_key` skips them.
    pub fn set_str_keys(&self, pairs: impl Iterator<Item = (Value, Value)>) {
        let mut t = self.store.lock();
        for (key, value) in pairs {
            let Some(s) = key.downcast_ref::<crate::types::str::PyStr>() else { continue };
            let hash = s.hash();
            let found = key.as_str().and_then(|name| find_str(&t, name, hash, Some(&key), false));
            match found {
                Some(ix) => t.replace_value(ix, value),
                None => {
                    insert_new(&mut t, hash, key, value);
                }
            }
        }
        // The guard drops replaced values after unlocking.
    }

    /// Copies every item into `dst`, which must be empty and private to this
    /// thread (a `**` merge's fresh target; the two locks are taken source
    /// first, which is safe only because no other thread can lock `dst`).
    /// Keys go in with their stored hashes and without probing for
    /// duplicates: `dst` had none and the source's keys are distinct.
    /// `false`, nothing copied, when `dst` is not empty, is `self`, or (with
    /// `str_keys`) a key is not a `str` (the caller reports it).
    pub fn copy_into_empty(&self, dst: &PyDict, str_keys: bool) -> bool {
        if std::ptr::eq(self, dst) {
            return false;
        }
        let src = self.store.lock_read();
        if str_keys && src.iter().any(|e| e.key.downcast_ref::<crate::types::str::PyStr>().is_none()) {
            return false;
        }
        let mut t = dst.store.lock();
        if t.len() != 0 {
            return false;
        }
        for e in src.iter() {
            insert_new(&mut t, e.hash, e.key.clone(), e.value.clone());
        }
        true
    }

    /// Inserts an entry whose hash is known and whose key is known absent or
    /// equal by identity only (used when copying between dicts).
    pub fn insert_hashed_unique(&self, hash: i64, key: Value, value: Value) {
        insert_new(&mut self.store.lock(), hash, key, value);
    }
}

/// The entry of a `str` key under the lock (never runs Python code);
/// `exact`: only an exact `str` key with the same text matches.
fn find_str(t: &DictGuard<'_>, name: &str, hash: i64, ident: Option<&Value>, exact: bool) -> Option<usize> {
    let size = t.size();
    if size == 0 {
        return None;
    }
    for i in probe_seq(hash, size - 1) {
        let ix = t.index(i);
        if ix == EMPTY {
            return None;
        }
        if ix >= 0 {
            if let Some(e) = t.entry(ix as usize) {
                // Identity first: keys are usually the same interned string.
                if ident.is_some_and(|k| k.is(&e.key))
                    || (e.hash == hash && e.key.as_str() == Some(name) && (!exact || e.key.class().is_str_exact()))
                {
                    return Some(ix as usize);
                }
            }
        }
    }
    None
}
