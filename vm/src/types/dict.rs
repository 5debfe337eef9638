//! `dict`: CPython's compact, insertion-ordered hash table.
//!
//! A sparse index table (open addressing with CPython's perturbed probing)
//! points into a dense entry array kept in insertion order. All state sits in
//! one `Locked<DictTable>`; the lock is never held while Python code runs:
//! when two keys' equality needs `__eq__`, the lookup copies the candidate
//! key, unlocks, compares, relocks and restarts if the table changed
//! meanwhile (`version` moved), as CPython does when a dict mutates during a
//! lookup.

use crate::object::{Locked, PyPayload, PyRef};
use crate::protocol::fast_eq;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static DICT_TYPE: TypeCell = TypeCell::new();

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    indices: Vec<i32>,
    entries: Vec<Option<Entry>>,
    used: usize,
    /// Bumped on every mutation; lookups that unlock use it to detect
    /// concurrent changes, and caches use it to validate themselves.
    version: u64,
}

pub struct PyDict {
    table: Locked<DictTable>,
}

impl PyPayload for PyDict {
    fn class() -> &'static PyRef<PyType> {
        DICT_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let t = self.table.lock();
        for e in t.entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
    }
}

enum Probe {
    Found(usize),
    /// Not present; the slot where a new index would go.
    Missing(usize),
    /// Need Python-level equality against `entries[ix]`.
    NeedEq {
        ix: usize,
        key: Value,
        version: u64,
    },
}

impl DictTable {
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Probes for `key`. `skip_eq_for` lists entry indices already compared
    /// unequal by the slow path during this lookup.
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        if self.indices.is_empty() {
            return Probe::Missing(usize::MAX);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first_dummy = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Probe::Missing(first_dummy.unwrap_or(i));
            }
            if ix == DUMMY {
                first_dummy.get_or_insert(i);
            } else {
                let ix = ix as usize;
                if let Some(e) = &self.entries[ix] {
                    if e.key.is(key) {
                        return Probe::Found(ix);
                    }
                    if e.hash == hash && !skip.contains(&ix) {
                        match fast_eq(&e.key, key) {
                            Some(true) => return Probe::Found(ix),
                            Some(false) => {}
                            None => return Probe::NeedEq { ix, key: e.key.clone(), version: self.version },
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn find_empty_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        i
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 < min_used * 3 {
            size <<= 1;
        }
        let old: Vec<Option<Entry>> = std::mem::take(&mut self.entries);
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(size * 2 / 3 + 1);
        for e in old.into_iter().flatten() {
            let slot = self.find_empty_slot(e.hash);
            self.indices[slot] = self.entries.len() as i32;
            self.entries.push(Some(e));
        }
    }

    /// Inserts a key known to be absent.
    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 > self.indices.len() * 2 {
            self.resize((self.used + 1) * 3);
        }
        let slot = self.find_empty_slot(hash);
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
        self.version += 1;
    }

    fn remove_at(&mut self, ix: usize) -> Entry {
        // Find the index slot pointing at ix and mark it DUMMY.
        let e = self.entries[ix].take().expect("live entry");
        let mask = self.mask();
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        while self.indices[i] != ix as i32 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.indices[i] = DUMMY;
        self.used -= 1;
        self.version += 1;
        if self.used == 0 {
            self.indices.clear();
            self.entries.clear();
        }
        e
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The live entry at position `pos` or later, for iterators.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        self.entries.iter().enumerate().skip(pos).find_map(|(i, e)| e.as_ref().map(|e| (i, e)))
    }
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict { table: Locked::new(DictTable::default()) }
    }

    pub fn new_ref() -> PyRef<PyDict> {
        PyRef::new(PyDict::new())
    }

    /// Direct access to the table. Never call Python code with it locked.
    pub fn lock(&self) -> crate::object::LockedGuard<'_, DictTable> {
        self.table.lock()
    }

    pub fn len(&self) -> usize {
        self.table.lock().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a lookup, doing slow equality checks with the lock released.
    fn lookup<R>(
        &self,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
        mut on_result: impl FnMut(&mut DictTable, Result<usize, usize>) -> R,
    ) -> PyResult<R> {
        let mut skip: Vec<usize> = Vec::new();
        loop {
            let probe = {
                let mut t = self.table.lock();
                match t.probe(key, hash, &skip) {
                    Probe::Found(ix) => return Ok(on_result(&mut t, Ok(ix))),
                    Probe::Missing(slot) => return Ok(on_result(&mut t, Err(slot))),
                    Probe::NeedEq { ix, key, version } => (ix, key, version),
                }
            };
            let (ix, candidate, version) = probe;
            let equal = vm.eq(&candidate, key)?;
            drop(candidate);
            let t = self.table.lock();
            if t.version != version {
                skip.clear();
                continue;
            }
            drop(t);
            if equal {
                let mut t = self.table.lock();
                if t.version == version {
                    return Ok(on_result(&mut t, Ok(ix)));
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
        self.lookup(vm, key, hash, |t, r| match r {
            Ok(ix) => t.entries[ix].as_ref().map(|e| e.value.clone()),
            Err(_) => None,
        })
    }

    /// Lookup by a `str` value (usually interned), using its cached hash.
    /// Never runs Python code.
    #[inline]
    pub fn get_str_value(&self, key: &Value) -> Option<Value> {
        let Some(s) = key.downcast_ref::<crate::types::str::PyStr>() else { return None };
        self.get_str_hashed(s.as_str(), s.hash(), Some(key))
    }

    /// Lookup by a `str` key; never runs Python code.
    pub fn get_str(&self, name: &str) -> Option<Value> {
        self.get_str_hashed(name, crate::types::str::hash_str(name), None)
    }

    fn get_str_hashed(&self, name: &str, hash: i64, ident: Option<&Value>) -> Option<Value> {
        let t = self.table.lock();
        if t.indices.is_empty() {
            return None;
        }
        let mask = t.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                if let Some(e) = &t.entries[ix as usize] {
                    if ident.is_some_and(|k| k.is(&e.key)) {
                        return Some(e.value.clone());
                    }
                    if e.hash == hash && e.key.as_str() == Some(name) && e.key.class().is_str_exact() {
                        return Some(e.value.clone());
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    pub fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        let mut value = Some(value);
        let old = self.lookup(vm, &key, hash, |t, r| match r {
            Ok(ix) => {
                t.version += 1;
                let e = t.entries[ix].as_mut().expect("live entry");
                value.take().map(|v| std::mem::replace(&mut e.value, v))
            }
            Err(_) => {
                if let Some(v) = value.take() {
                    t.insert_new(hash, key.clone(), v);
                }
                None
            }
        })?;
        // The replaced value is dropped here, after the lock is released,
        // because its destructor may run Python code.
        drop(old);
        Ok(())
    }

    /// Stores under a `str` key (the key value must be a `str`).
    pub fn set_str_key(&self, key: Value, value: Value) {
        let hash = match key.downcast_ref::<crate::types::str::PyStr>() {
            Some(s) => s.hash(),
            None => return,
        };
        let old = {
            let mut t = self.table.lock();
            let mut found = None;
            if !t.indices.is_empty() {
                let mask = t.mask();
                let mut perturb = hash as u64;
                let mut i = (hash as u64 as usize) & mask;
                loop {
                    let ix = t.indices[i];
                    if ix == EMPTY {
                        break;
                    }
                    if ix >= 0 {
                        if let Some(e) = &t.entries[ix as usize] {
                            if e.key.is(&key) || (e.hash == hash && e.key.as_str() == key.as_str()) {
                                found = Some(ix as usize);
                                break;
                            }
                        }
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
                }
            }
            match found {
                Some(ix) => {
                    t.version += 1;
                    let e = t.entries[ix].as_mut().expect("live entry");
                    Some(std::mem::replace(&mut e.value, value))
                }
                None => {
                    t.insert_new(hash, key, value);
                    None
                }
            }
        };
        drop(old);
    }

    /// Removes `key`; returns its value, or `None` if absent.
    pub fn pop_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let removed = self.lookup(vm, key, hash, |t, r| match r {
            Ok(ix) => Some(t.remove_at(ix)),
            Err(_) => None,
        })?;
        Ok(removed.map(|e| e.value))
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        Ok(self.get_item(vm, key)?.is_some())
    }

    /// Snapshot of the keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.lock().iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.lock().iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.lock().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    pub fn clear(&self) {
        let old = {
            let mut t = self.table.lock();
            let version = t.version + 1;
            let old = std::mem::take(&mut *t);
            t.version = version;
            old
        };
        drop(old);
    }

    pub fn version(&self) -> u64 {
        self.table.lock().version
    }

    /// Removes and returns the last item (LIFO), as `dict.popitem`.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut t = self.table.lock();
        let ix = t.entries.iter().rposition(|e| e.is_some())?;
        let e = t.remove_at(ix);
        Some((e.key, e.value))
    }

    /// A copy with the same items.
    pub fn copy(&self) -> PyDict {
        let t = self.table.lock();
        let mut nt = DictTable::default();
        for e in t.iter() {
            nt.insert_new(e.hash, e.key.clone(), e.value.clone());
        }
        PyDict { table: Locked::new(nt) }
    }

    /// Inserts an entry whose hash is known and whose key is known absent or
    /// equal by identity only (used when copying between dicts).
    pub fn insert_hashed_unique(&self, hash: i64, key: Value, value: Value) {
        self.table.lock().insert_new(hash, key, value);
    }
}
