//! Payloads of `slice`, `set`/`frozenset`, `bytes`/`bytearray` and
//! `complex`: the data and constructors the core needs. Their full method
//! suites live with each type's methods (`set_methods.rs`, ...).
//!
//! `set` is CPython's table (`Objects/setobject.c`), kept bit-for-bit so that
//! iteration order matches CPython for the same hashes: open addressing
//! where each probe looks at up to 10 neighbouring slots before jumping
//! with the perturbed recurrence `i = 5*i + 1 + perturb`; deleted slots
//! become dummies (reused by later insertions, dropped at resize); the
//! table grows to `used*4` (`used*2` past 50000) when `fill*5 >= mask*3`.
//!
//! Invariants of `SetTable`: `entries.len()` is a power of two >= 8; at
//! least one slot is empty (so probes terminate); `fill` counts live and
//! dummy slots, `used` live ones; `version` changes on every mutation.
//! The table lives behind the set's `Locked`; lookups that need Python
//! `__eq__` copy the candidate key, unlock, compare, relock, and start over
//! if `version` moved, which is what CPython does when a comparison
//! mutates the set.

use std::mem::ManuallyDrop;

use crate::object::{Locked, LockedGuard, PyPayload, PyRef};
use crate::protocol::fast_eq;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static SLICE_TYPE: TypeCell = TypeCell::new();
pub static SET_TYPE: TypeCell = TypeCell::new();
pub static FROZENSET_TYPE: TypeCell = TypeCell::new();
pub static BYTES_TYPE: TypeCell = TypeCell::new();
pub static BYTEARRAY_TYPE: TypeCell = TypeCell::new();
pub static COMPLEX_TYPE: TypeCell = TypeCell::new();

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl PyPayload for PySlice {
    fn class() -> &'static PyRef<PyType> {
        SLICE_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One slot: empty (`key: None, hash: 0`), dummy (`key: None, hash: -1`)
/// or live.
///
/// The key is `ManuallyDrop` so that a slot has no drop glue: freeing a
/// table would otherwise visit every slot (32 for a set of five keys)
/// through `drop_in_place`; `SetTable`'s `Drop` releases the `used` live
/// keys and stops at the last one. Every path that removes a live key
/// takes it out with `ManuallyDrop::into_inner` (see `take_key`).
#[derive(Clone)]
pub struct SetEntry {
    pub hash: i64,
    key: Option<ManuallyDrop<Value>>,
}

impl SetEntry {
    const EMPTY: SetEntry = SetEntry { hash: 0, key: None };
    const DUMMY: SetEntry = SetEntry { hash: -1, key: None };

    #[inline]
    fn live(hash: i64, key: Value) -> SetEntry {
        SetEntry { hash, key: Some(ManuallyDrop::new(key)) }
    }

    /// The live key, if any.
    #[inline]
    pub fn key(&self) -> Option<&Value> {
        self.key.as_deref()
    }

    /// Takes the live key out (the slot's reference moves to the caller).
    #[inline]
    fn take_key(&mut self) -> Option<Value> {
        self.key.take().map(ManuallyDrop::into_inner)
    }
}

pub struct SetTable {
    entries: Vec<SetEntry>,
    fill: usize,
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
    /// Cached `frozenset` hash, -1 until computed.
    pub hash: i64,
    version: u64,
}

/// Outcome of a probe for a key.
enum Probe {
    Found(usize),
    /// Absent: the empty slot that ended the search, and the last dummy
    /// passed on the way (where CPython puts a new key).
    Missing {
        slot: usize,
        freeslot: Option<usize>,
    },
    /// The live entry at `ix` has the same hash; ask `__eq__`.
    NeedEq {
        ix: usize,
        key: Value,
        version: u64,
    },
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl Drop for SetTable {
    fn drop(&mut self) {
        // Live keys are `used` of the slots; past the last one there is
        // nothing to release (the slots themselves have no drop glue).
        let mut left = self.used;
        for e in &mut self.entries {
            if left == 0 {
                break;
            }
            if let Some(k) = e.take_key() {
                left -= 1;
                drop(k);
            }
        }
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { entries: vec![SetEntry::EMPTY; MIN_SIZE], fill: 0, used: 0, finger: 0, hash: -1, version: 0 }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.entries.len() - 1
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

    /// Live and dummy slots.
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// What `set_merge` into a new, empty set makes of `other` (CPython's
    /// `set_copy`: presized for `other.used`, then `other`'s layout copied
    /// when the sizes match and it has no dummies, else its keys reinserted
    /// in table order), built in one allocation.
    pub fn copy_of(other: &SetTable) -> SetTable {
        let n = other.used;
        let mut size = MIN_SIZE;
        if n * 5 >= (MIN_SIZE - 1) * 3 {
            while size <= n * 2 {
                size <<= 1;
            }
        }
        let entries = if size == other.entries.len() && other.fill == other.used {
            other.entries.clone()
        } else {
            let mut entries = vec![SetEntry::EMPTY; size];
            for (h, k) in other.iter() {
                SetTable::insert_clean(&mut entries, k.clone(), h);
            }
            entries
        };
        SetTable { entries, fill: n, used: n, finger: 0, hash: -1, version: 0 }
    }

    /// `set_add_entry` on a table no other thread or Python code can reach
    /// (a result being built): `__eq__` runs with nothing locked, and
    /// nothing can change the table meanwhile.
    pub fn add_private(&mut self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        let mut skip: smallvec::SmallVec<[usize; 4]> = smallvec::SmallVec::new();
        loop {
            match self.probe(&key, hash, &skip) {
                Probe::Found(_) => return Ok(()),
                Probe::Missing { slot, freeslot } => {
                    self.insert_at(slot, freeslot, key, hash);
                    return Ok(());
                }
                Probe::NeedEq { ix, key: other, .. } => {
                    if vm.eq(&other, &key)? {
                        return Ok(());
                    }
                    skip.push(ix);
                }
            }
        }
    }

    /// The slots in table order (live, dummy and empty).
    pub fn slots(&self) -> &[SetEntry] {
        &self.entries
    }

    /// Live `(hash, key)` pairs in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.entries.iter().filter_map(|e| e.key().map(|k| (e.hash, k)))
    }

    /// The first live slot at or after `pos`.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Value)> {
        self.entries.iter().enumerate().skip(pos).find_map(|(i, e)| e.key().map(|k| (i, k)))
    }

    #[inline]
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        let entries = &self.entries[..];
        let mask = entries.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let end = if i + LINEAR_PROBES <= mask { i + LINEAR_PROBES + 1 } else { i + 1 };
            for (ix, e) in (i..end).zip(&entries[i..end]) {
                match e.key() {
                    None if e.hash == 0 => return Probe::Missing { slot: ix, freeslot },
                    None => freeslot = Some(ix),
                    Some(k) if e.hash == hash => {
                        if k.is(key) {
                            return Probe::Found(ix);
                        }
                        match fast_eq(k, key) {
                            Some(true) => return Probe::Found(ix),
                            Some(false) => {}
                            None if skip.contains(&ix) => {}
                            None => return Probe::NeedEq { ix, key: k.clone(), version: self.version },
                        }
                    }
                    Some(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Puts a key known to be absent into a table without dummies.
    fn insert_clean(entries: &mut [SetEntry], key: Value, hash: i64) {
        let mask = entries.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for slot in &mut entries[i..=i + probes] {
                if slot.key.is_none() {
                    *slot = SetEntry::live(hash, key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Rebuilds the table with the smallest power-of-two size above
    /// `minused`, dropping dummies.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MIN_SIZE && self.entries.len() == MIN_SIZE && self.fill == self.used {
            // CPython keeps its small table as is when there is nothing to purge.
            return;
        }
        let mut old = std::mem::replace(&mut self.entries, vec![SetEntry::EMPTY; newsize]);
        // Every live key moves to the new slots (none is left behind in
        // `old`, whose slots have no drop glue).
        for e in &mut old {
            if let Some(k) = e.take_key() {
                SetTable::insert_clean(&mut self.entries, k, e.hash);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }

    fn grow_size(&self) -> usize {
        if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Stores a new key where a probe said it belongs.
    fn insert_at(&mut self, slot: usize, freeslot: Option<usize>, key: Value, hash: i64) {
        self.version += 1;
        self.hash = -1;
        if let Some(f) = freeslot {
            self.entries[f] = SetEntry::live(hash, key);
            self.used += 1;
            return;
        }
        self.entries[slot] = SetEntry::live(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let n = self.grow_size();
            self.resize(n);
        }
    }

    /// Turns a live slot into a dummy; returns the key.
    fn remove_at(&mut self, ix: usize) -> Value {
        let mut e = std::mem::replace(&mut self.entries[ix], SetEntry::DUMMY);
        self.used -= 1;
        self.version += 1;
        self.hash = -1;
        e.take_key().expect("live slot")
    }

    /// `set.pop()`: the first live slot from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.entries[i].key.is_none() {
            i = if i == mask { 0 } else { i + 1 };
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// Empties the table; the old table is returned so that the caller
    /// drops the keys after unlocking.
    pub fn take_all(&mut self) -> SetTable {
        let version = self.version + 1;
        let old = std::mem::take(self);
        self.version = version;
        old
    }

    /// Makes room in one step before merging `extra` keys, as `set_merge`.
    pub fn presize_for(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// `set_merge` when this table is empty: copies `other`'s layout when
    /// sizes match and it has no dummies, else reinserts cleanly. Returns
    /// false (nothing done) when this table is not empty.
    pub fn merge_into_empty(&mut self, other: &SetTable) -> bool {
        if self.fill != 0 {
            return false;
        }
        if other.used == 0 {
            return true;
        }
        self.version += 1;
        self.hash = -1;
        if self.mask() == other.mask() && other.fill == other.used {
            // `self` has no live keys (`fill == 0`): nothing to release.
            self.entries = other.entries.clone();
        } else {
            for (h, k) in other.iter() {
                SetTable::insert_clean(&mut self.entries, k.clone(), h);
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// Whether more than a quarter of the slots are dummies, after which
    /// `difference_update` compacts.
    pub fn compact_after_removals(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let n = self.grow_size();
            self.resize(n);
        }
    }

    /// A structural copy (same layout), for snapshots taken under the lock.
    pub fn clone_table(&self) -> SetTable {
        SetTable {
            entries: self.entries.clone(),
            fill: self.fill,
            used: self.used,
            finger: 0,
            hash: self.hash,
            version: 0,
        }
    }

    /// Swaps contents (`set_swap_bodies`), used by in-place intersection.
    pub fn swap_bodies(&mut self, other: &mut SetTable) {
        std::mem::swap(&mut self.entries, &mut other.entries);
        std::mem::swap(&mut self.fill, &mut other.fill);
        std::mem::swap(&mut self.used, &mut other.used);
        self.version += 1;
        other.version += 1;
        self.hash = -1;
        other.hash = -1;
    }

    /// Inserts a compile-time constant: equality is decided by
    /// `constant_eq`, which never runs Python code.
    fn insert_native(&mut self, key: Value, hash: i64) {
        let mut skip = Vec::new();
        loop {
            match self.probe(&key, hash, &skip) {
                Probe::Found(_) => return,
                Probe::Missing { slot, freeslot } => return self.insert_at(slot, freeslot, key, hash),
                Probe::NeedEq { ix, key: other, .. } => {
                    if constant_eq(&other, &key) {
                        return;
                    }
                    skip.push(ix);
                }
            }
        }
    }

    /// CPython's `frozenset.__hash__` over the live entries (the empty and
    /// dummy slots CPython folds in cancel out, so they are skipped).
    pub fn compute_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.iter() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

/// A `set` or `frozenset` (the type tells which).
pub struct PySet {
    table: Locked<SetTable>,
}

impl PyPayload for PySet {
    fn class() -> &'static PyRef<PyType> {
        SET_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for (_, k) in self.table.lock().iter() {
            visit(k);
        }
    }
}

impl Default for PySet {
    fn default() -> Self {
        PySet::new()
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet { table: Locked::new(SetTable::new()) }
    }

    pub fn from_table(t: SetTable) -> PySet {
        PySet { table: Locked::new(t) }
    }

    /// The table. Never call Python code (or drop keys) while it is held.
    pub fn lock(&self) -> LockedGuard<'_, SetTable> {
        self.table.lock()
    }

    pub fn len(&self) -> usize {
        self.table.lock().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys in iteration order.
    pub fn snapshot(&self) -> Vec<Value> {
        self.table.lock().iter().map(|(_, k)| k.clone()).collect()
    }

    /// `(hash, key)` pairs in iteration order.
    pub fn snapshot_hashed(&self) -> Vec<(i64, Value)> {
        self.table.lock().iter().map(|(h, k)| (h, k.clone())).collect()
    }

    /// Runs a probe, doing slow equality checks with the lock released.
    /// `on_result` gets `Ok(slot)` for a live match, or `Err((slot, freeslot))`.
    fn lookup<R>(
        &self,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
        mut on_result: impl FnMut(&mut SetTable, Result<usize, (usize, Option<usize>)>) -> R,
    ) -> PyResult<R> {
        let mut skip: Vec<usize> = Vec::new();
        loop {
            let (ix, candidate, version) = {
                let mut t = self.table.lock();
                match t.probe(key, hash, &skip) {
                    Probe::Found(ix) => return Ok(on_result(&mut t, Ok(ix))),
                    Probe::Missing { slot, freeslot } => return Ok(on_result(&mut t, Err((slot, freeslot)))),
                    Probe::NeedEq { ix, key, version } => (ix, key, version),
                }
            };
            let equal = vm.eq(&candidate, key)?;
            drop(candidate);
            let mut t = self.table.lock();
            if t.version != version {
                skip.clear();
                continue;
            }
            if equal {
                return Ok(on_result(&mut t, Ok(ix)));
            }
            drop(t);
            skip.push(ix);
        }
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        // First pass without the retry machinery: most probes end without
        // asking Python's `__eq__`.
        match self.table.lock().probe(key, hash, &[]) {
            Probe::Found(_) => return Ok(true),
            Probe::Missing { .. } => return Ok(false),
            Probe::NeedEq { .. } => {}
        }
        self.lookup(vm, key, hash, |_, r| r.is_ok())
    }

    #[inline]
    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, key, hash)
    }

    /// Adds `key`; true if it was new.
    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<bool> {
        let mut slot_key = Some(key.clone());
        self.lookup(vm, &key, hash, |t, r| match r {
            Ok(_) => false,
            Err((slot, freeslot)) => {
                if let Some(k) = slot_key.take() {
                    t.insert_at(slot, freeslot, k, hash);
                }
                true
            }
        })
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<bool> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    /// Removes `key`; true if it was present.
    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        let removed = self.lookup(vm, key, hash, |t, r| match r {
            Ok(ix) => Some(t.remove_at(ix)),
            Err(_) => None,
        })?;
        // The removed key is dropped here, unlocked.
        Ok(removed.is_some())
    }

    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.discard_hashed(vm, key, hash)
    }

    /// Removes every key (dropped after unlocking).
    pub fn clear(&self) {
        let old = self.table.lock().take_all();
        drop(old);
    }

    /// Adds keys whose equality never needs Python code (constants).
    pub fn insert_native(&self, key: Value, hash: i64) {
        self.table.lock().insert_native(key, hash);
    }
}

/// Whether `v` is a `frozenset` (or subclass) rather than a `set`.
pub fn is_frozenset(v: &Value) -> bool {
    v.class().is_subtype(FROZENSET_TYPE.get())
}

pub struct PyBytes {
    pub data: Box<[u8]>,
}

impl PyPayload for PyBytes {
    fn class() -> &'static PyRef<PyType> {
        BYTES_TYPE.get()
    }
}

pub struct PyByteArray {
    pub data: Locked<Vec<u8>>,
    /// Live memoryview exports; while non-zero the size may not change.
    /// Changed and checked with `data` locked (see `types/memoryview.rs`).
    pub exports: skein_threading::sync::AtomicUsize,
}

impl PyPayload for PyByteArray {
    fn class() -> &'static PyRef<PyType> {
        BYTEARRAY_TYPE.get()
    }
}

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

impl PyPayload for PyComplex {
    fn class() -> &'static PyRef<PyType> {
        COMPLEX_TYPE.get()
    }
}

/// The hash of `bytes`: the same function as `str` applies to its UTF-8,
/// so `hash(b"abc") == hash("abc")` as in CPython.
pub fn hash_bytes(b: &[u8]) -> i64 {
    match std::str::from_utf8(b) {
        Ok(s) => crate::types::str::hash_str(s),
        Err(_) => {
            // Not text: same mixing steps over the raw bytes.
            let mut h: u64 = 0xcbf29ce484222325 ^ (b.len() as u64);
            let mut chunks = b.chunks_exact(8);
            for c in &mut chunks {
                let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
                h = (h ^ w).wrapping_mul(0x100000001b3).rotate_left(29);
            }
            for &x in chunks.remainder() {
                h = (h ^ x as u64).wrapping_mul(0x100000001b3);
            }
            h ^= h >> 33;
            h = h.wrapping_mul(0xff51afd7ed558ccd);
            h ^= h >> 33;
            if h as i64 == -1 {
                -2
            } else {
                h as i64
            }
        }
    }
}

/// CPython's `complex.__hash__`.
pub fn hash_complex(re: f64, im: f64) -> i64 {
    use crate::protocol::hash::hash_float;
    let h = (hash_float(re) as u64).wrapping_add((hash_float(im) as u64).wrapping_mul(1000003)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of a compile-time constant, computed without running Python
/// code (constants are ints, floats, complex, str, bytes, bool, None,
/// Ellipsis, tuples and frozensets of those).
pub fn constant_hash(v: &Value) -> i64 {
    use crate::protocol::hash::{hash_bigint, hash_float, hash_i64, hash_pointer, hash_tuple_items};
    if let Some(i) = v.as_small_int() {
        return hash_i64(i);
    }
    if let Some(s) = v.downcast_ref::<crate::types::str::PyStr>() {
        return s.hash();
    }
    if let Some(i) = v.downcast_ref::<crate::types::int::PyInt>() {
        return hash_bigint(&i.value);
    }
    if let Some(b) = v.downcast_ref::<crate::types::singletons::PyBool>() {
        return b.0 as i64;
    }
    if let Some(f) = v.as_float() {
        return hash_float(f);
    }
    if let Some(c) = v.downcast_ref::<PyComplex>() {
        return hash_complex(c.re, c.im);
    }
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return hash_bytes(&b.data);
    }
    if let Some(t) = v.as_tuple() {
        return hash_tuple_items(t.iter().map(constant_hash).collect::<Vec<_>>().into_iter());
    }
    if let Some(s) = v.downcast_ref::<PySet>() {
        let mut t = s.lock();
        if t.hash == -1 {
            t.hash = t.compute_hash();
        }
        return t.hash;
    }
    hash_pointer(v.raw_word())
}

/// Equality of two compile-time constants (numbers compare by value
/// across int, bool, float and complex; bytes and tuples by contents;
/// anything else by identity).
pub fn constant_eq(a: &Value, b: &Value) -> bool {
    use num_bigint::BigInt;
    use num_traits::FromPrimitive;
    if let Some(r) = fast_eq(a, b) {
        return r;
    }
    /// A number's real part (exact for integers) and imaginary part.
    enum Real {
        Int(BigInt),
        Float(f64),
    }
    fn num(v: &Value) -> Option<(Real, f64)> {
        if let Some(i) = v.as_int() {
            return Some((Real::Int(i.to_bigint()), 0.0));
        }
        if let Some(f) = v.as_float() {
            return Some((Real::Float(f), 0.0));
        }
        v.downcast_ref::<PyComplex>().map(|c| (Real::Float(c.re), c.im))
    }
    if let (Some((x, xi)), Some((y, yi))) = (num(a), num(b)) {
        if xi != yi {
            return false;
        }
        return match (x, y) {
            (Real::Int(p), Real::Int(q)) => p == q,
            (Real::Float(p), Real::Float(q)) => p == q,
            (Real::Int(p), Real::Float(q)) | (Real::Float(q), Real::Int(p)) => {
                q.fract() == 0.0 && BigInt::from_f64(q).is_some_and(|q| q == p)
            }
        };
    }
    if let (Some(x), Some(y)) = (a.downcast_ref::<PyBytes>(), b.downcast_ref::<PyBytes>()) {
        return x.data == y.data;
    }
    if let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) {
        return x.len() == y.len() && x.iter().zip(y).all(|(p, q)| constant_eq(p, q));
    }
    false
}

pub fn slice_new(start: Value, stop: Value, step: Value) -> Value {
    PyRef::new(PySlice { start, stop, step }).into_value()
}

/// `{a, b, ...}` (`BUILD_SET`): adds the items in order.
pub fn set_from_values(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    // The table is private until the set is made: no locking per key.
    let mut t = SetTable::new();
    for v in items {
        let hash = vm.hash(&v)?;
        t.add_private(vm, v, hash)?;
    }
    Ok(PyRef::new(PySet::from_table(t)).into_value())
}

/// A `frozenset` constant (int/str/... items; no Python code runs).
///
/// CPython's compiler builds such a constant from the items in source
/// order, then rebuilds it from its own iteration order when it merges
/// constants; both passes are reproduced since each decides slot order.
pub fn frozenset_new(items: Vec<Value>) -> Value {
    let mut first = SetTable::new();
    for v in items {
        let h = constant_hash(&v);
        first.insert_native(v, h);
    }
    let mut t = SetTable::new();
    for (h, k) in first.iter() {
        t.insert_native(k.clone(), h);
    }
    drop(first);
    PyRef::new_with_type(PySet::from_table(t), FROZENSET_TYPE.get()).into_value()
}

/// A `frozenset` of arbitrary values.
pub fn frozenset_new_vm(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = PySet::new();
    for v in items {
        s.add(vm, v)?;
    }
    Ok(PyRef::new_with_type(s, FROZENSET_TYPE.get()).into_value())
}

pub fn bytes_new(data: Vec<u8>) -> Value {
    PyRef::new(PyBytes { data: data.into_boxed_slice() }).into_value()
}

pub fn complex_new(re: f64, im: f64) -> Value {
    PyRef::new(PyComplex { re, im }).into_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_of(keys: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &k in keys {
            t.insert_native(Value::from_small_int(k), crate::protocol::hash::hash_i64(k));
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter().map(|(_, k)| k.as_small_int().unwrap_or(i64::MIN)).collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        // print({3, 1, 2, 100, 33}) -> {1, 2, 3, 100, 33}
        assert_eq!(order(&table_of(&[3, 1, 2, 100, 33])), vec![1, 2, 3, 100, 33]);
        // set(range(20, 0, -3)) -> {2, 5, 8, 11, 14, 17, 20}
        assert_eq!(order(&table_of(&[20, 17, 14, 11, 8, 5, 2])), vec![2, 5, 8, 11, 14, 17, 20]);
    }

    #[test]
    fn resize_thresholds() {
        let t = table_of(&[0, 1, 2, 3, 4]);
        assert_eq!(t.entries.len(), 32);
        let t = table_of(&[0, 1, 2, 3]);
        assert_eq!(t.entries.len(), 8);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        assert_eq!(table_of(&[1, 2, 3]).compute_hash(), -272375401224217160);
        assert_eq!(SetTable::new().compute_hash(), 133146708735736);
    }
}
