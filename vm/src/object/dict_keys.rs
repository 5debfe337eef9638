//! `DictStore`: a dict's hash table, readable without the lock.
//!
//! One allocation per table, published through an `AtomicPtr` (CPython's
//! `PyDictKeysObject`): a header, the sparse index array (`i32` per slot:
//! `EMPTY`, `DUMMY` or an entry position) and the dense entry array in
//! insertion order (hash, key word, value word; 0 words = deleted). The
//! probing algorithms live in `types/dict.rs`; this module owns the memory
//! and the lock-free lookup.
//!
//! Invariants, within one table (a resize or clear publishes a new one):
//! - an index slot only moves `EMPTY -> ix -> DUMMY -> ix' -> ...`, never
//!   back to `EMPTY`, and at most `cap < size` slots are ever non-empty,
//!   so every probe sequence meets an `EMPTY` slot;
//! - an entry is written once (hash, key, value) before the index slot
//!   that points at it is published (Release / Acquire); afterwards only
//!   its value changes, until it is deleted (key and value set to 0). An
//!   entry position is never reused for another key;
//! - every non-zero key or value word a reader can load is alive until its
//!   next quiescent state (the dict owns it, or dropped it through QSBR:
//!   see `lockfree.rs`); replaced tables are freed through QSBR once the
//!   dict is shared.
//!
//! So a lock-free lookup that finds its key returns a value the key had at
//! some moment during the lookup, and one that meets `EMPTY` reports a
//! moment when the key was absent. Anything it cannot decide without
//! Python code (`__eq__`) or that looks inconsistent falls back to the
//! locked path.
#![allow(unsafe_code)]

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ptr::NonNull;

use skein_threading::qsbr;
use skein_threading::sync::{AtomicPtr, AtomicU32, AtomicU64, AtomicUsize, Ordering};

use super::lockfree::{borrow_word, clone_word, from_word, into_word, LfGuard, LfState, Removed};
use crate::value::Value;

/// Index slot: never used.
pub const EMPTY: i32 = -1;
/// Index slot: its entry was deleted.
pub const DUMMY: i32 = -2;
/// CPython's probe perturbation shift.
pub const PERTURB_SHIFT: u32 = 5;

/// CPython's open-addressing probe sequence for `hash` in a table of
/// `mask + 1` slots; endless (the caller stops at a match or `EMPTY`).
#[inline]
pub fn probe_seq(hash: i64, mask: usize) -> impl Iterator<Item = usize> {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    let mut first = true;
    std::iter::from_fn(move || {
        if !first {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        first = false;
        Some(i)
    })
}

/// A live entry, as seen under the lock. Same layout as an entry slot.
#[repr(C)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Index slots hold `i32` bit patterns; hashes `i64` ones (the sync facade
/// has unsigned atomics only).
#[repr(C)]
struct EntrySlot {
    hash: AtomicU64,
    key: AtomicUsize,
    value: AtomicUsize,
}

const _: () = assert!(std::mem::size_of::<Entry>() == std::mem::size_of::<EntrySlot>());

#[repr(C)]
struct KeysHeader {
    /// Index slots (a power of two).
    size: usize,
    /// Entry slots.
    cap: usize,
    /// Entries used so far (live or deleted). Written under the lock only.
    nentries: AtomicUsize,
}

/// Byte offsets of the index array and of the entry array.
#[inline(always)]
fn array_offsets(size: usize) -> (usize, usize) {
    let head = std::mem::size_of::<KeysHeader>();
    (head, (head + size * 4 + 7) & !7)
}

/// The allocation's layout and array offsets (sizes checked: a table too
/// large to describe is an allocation failure).
fn offsets(size: usize, cap: usize) -> (Layout, usize, usize) {
    let total = size
        .checked_mul(4)
        .and_then(|b| b.checked_add(std::mem::size_of::<KeysHeader>() + 7))
        .and_then(|b| cap.checked_mul(std::mem::size_of::<EntrySlot>()).and_then(|e| e.checked_add(b & !7)));
    match total.and_then(|t| Layout::from_size_align(t, 8).ok()) {
        Some(l) => {
            let (idx_off, ent_off) = array_offsets(size);
            (l, idx_off, ent_off)
        }
        None => handle_alloc_error(Layout::new::<KeysHeader>()),
    }
}

/// A new table: every index `EMPTY`, every entry zero.
fn alloc_keys(size: usize, cap: usize) -> NonNull<KeysHeader> {
    debug_assert!(size.is_power_of_two() && cap < size);
    let (l, idx_off, ent_off) = offsets(size, cap);
    // SAFETY: the layout is non-empty (header).
    let p = unsafe { alloc(l) };
    let Some(p) = NonNull::new(p) else { handle_alloc_error(l) };
    // SAFETY: fresh allocation of layout `l`: the header, `size` i32s at
    // `idx_off` and `cap` entry slots at `ent_off` all lie inside it.
    unsafe {
        (p.as_ptr() as *mut KeysHeader).write(KeysHeader { size, cap, nentries: AtomicUsize::new(0) });
        std::ptr::write_bytes(p.as_ptr().add(idx_off), 0xff, size * 4);
        std::ptr::write_bytes(p.as_ptr().add(ent_off), 0, cap * std::mem::size_of::<EntrySlot>());
    }
    p.cast()
}

/// # Safety
/// `k` came from `alloc_keys`; freed once, when no thread can read it.
unsafe fn free_keys(k: NonNull<KeysHeader>) {
    // SAFETY: forwarded contract; the header still holds the sizes.
    unsafe {
        let (size, cap) = ((*k.as_ptr()).size, (*k.as_ptr()).cap);
        dealloc(k.as_ptr() as *mut u8, offsets(size, cap).0);
    }
}

/// The index and entry arrays of table `k`.
///
/// # Safety
/// `k` is alive for `'a` (current, or retired through QSBR and the caller
/// not past a quiescent state).
#[inline(always)]
unsafe fn parts<'a>(k: NonNull<KeysHeader>) -> (&'a KeysHeader, &'a [AtomicU32], &'a [EntrySlot]) {
    // SAFETY: forwarded contract; the layout is the one `alloc_keys` made,
    // and every field is an atomic or written before publication.
    unsafe {
        let h = &*k.as_ptr();
        let (idx_off, ent_off) = array_offsets(h.size);
        let base = k.as_ptr() as *mut u8;
        let idx = std::slice::from_raw_parts(base.add(idx_off) as *const AtomicU32, h.size);
        let ents = std::slice::from_raw_parts(base.add(ent_off) as *const EntrySlot, h.cap);
        (h, idx, ents)
    }
}

/// Deferred: free a table whose references moved elsewhere.
///
/// # Safety
/// `arg` is a retired table, freed once.
unsafe fn run_free_keys(arg: *mut ()) {
    // SAFETY: forwarded contract.
    unsafe { free_keys(NonNull::new_unchecked(arg as *mut KeysHeader)) };
}

/// Deferred: release the references a retired table still owns, then free
/// it.
///
/// # Safety
/// `arg` is a retired table owning its non-zero key and value words, run
/// once.
unsafe fn run_free_keys_and_items(arg: *mut ()) {
    // SAFETY: forwarded contract.
    let k = unsafe { NonNull::new_unchecked(arg as *mut KeysHeader) };
    // SAFETY: as above: nobody reads the table any more.
    // A drop below may run Python code, but nothing can reach this table,
    // so it stays untouched until freed after the loop.
    let (_, _, ents) = unsafe { parts(k) };
    for e in ents {
        for w in [e.key.load(Ordering::Relaxed), e.value.load(Ordering::Relaxed)] {
            if w != 0 {
                // SAFETY: the table owned this reference and gives it up.
                drop(unsafe { from_word(w) });
            }
        }
    }
    // SAFETY: as above; its references are all released.
    unsafe { free_keys(k) };
}

/// Retires an unpublished table: through QSBR when shared, else now.
fn retire(k: NonNull<KeysHeader>, shared: bool, with_items: bool) {
    if shared {
        // SAFETY: only readers that loaded `k` before can reach it, and
        // QSBR waits for them; the header is intact.
        let bytes = unsafe { offsets((*k.as_ptr()).size, (*k.as_ptr()).cap).0.size() };
        let run = if with_items { run_free_keys_and_items } else { run_free_keys };
        // SAFETY: `run` frees `k` once, on any thread, after the grace
        // period; dropping the items may run Python code, allowed there.
        unsafe { qsbr::defer(run, k.as_ptr() as *mut (), bytes) };
    } else if with_items {
        // SAFETY: unshared: no other thread reads the dict lock-free.
        unsafe { run_free_keys_and_items(k.as_ptr() as *mut ()) };
    } else {
        // SAFETY: as above.
        unsafe { free_keys(k) };
    }
}

/// A dict's table, length and version.
pub struct DictStore {
    state: LfState,
    keys: AtomicPtr<KeysHeader>,
    used: AtomicUsize,
    /// Bumped on every change, under the lock.
    version: AtomicU64,
}

impl Default for DictStore {
    fn default() -> Self {
        DictStore::new()
    }
}

impl Drop for DictStore {
    fn drop(&mut self) {
        // The dict is being destroyed: nobody holds a reference, so nobody
        // reads it.
        if let Some(k) = NonNull::new(self.keys.swap(std::ptr::null_mut(), Ordering::Acquire)) {
            // SAFETY: unpublished and unreachable.
            unsafe { run_free_keys_and_items(k.as_ptr() as *mut ()) };
        }
    }
}

impl DictStore {
    /// Calls `f` on every live key and value without taking the lock: for
    /// the cycle collector's traverse, which runs only with the world
    /// stopped, when no writer is inside its critical section (none holds
    /// a dict lock across a safepoint). Never marks the dict shared.
    pub fn for_each_stopped(&self, mut f: impl FnMut(&Value)) {
        let Some(k) = NonNull::new(self.keys.load(Ordering::Acquire)) else { return };
        // SAFETY: the current table is alive: the world is stopped, so
        // nobody replaces or frees it.
        let (h, _, ents) = unsafe { parts(k) };
        for e in ents.iter().take(h.nentries.load(Ordering::Acquire)) {
            let kw = e.key.load(Ordering::Acquire);
            if kw == 0 {
                continue; // deleted
            }
            // SAFETY: a live entry's key and value are references the dict
            // owns, borrowed for `f`.
            f(&*unsafe { borrow_word(kw) });
            let vw = e.value.load(Ordering::Relaxed);
            if vw != 0 {
                // SAFETY: as above.
                f(&*unsafe { borrow_word(vw) });
            }
        }
    }

    pub fn new() -> DictStore {
        DictStore {
            state: LfState::new(),
            keys: AtomicPtr::new(std::ptr::null_mut()),
            used: AtomicUsize::new(0),
            version: AtomicU64::new(0),
        }
    }

    /// Number of items (one atomic load).
    #[inline]
    pub fn len(&self) -> usize {
        self.used.load(Ordering::Relaxed)
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The version (bumped by every change).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }

    /// Whether writers defer frees (for tests).
    pub fn is_shared(&self) -> bool {
        self.state.is_shared()
    }

    /// Looks `hash` up without the lock. `matches(candidate)` decides key
    /// equality without running Python code (`None`: it cannot). Returns
    /// `None` when the caller must use the locked path, else the value or
    /// `Some(None)` for a missing key.
    #[inline]
    pub fn lookup_lockfree(&self, hash: i64, matches: impl FnMut(&Value) -> Option<bool>) -> Option<Option<Value>> {
        self.lookup_lockfree_at(hash, matches).map(|r| r.map(|(v, _)| v))
    }

    /// The value at entry `ix` if that entry's key is the object whose word
    /// is `key_word` (an interned name the caller holds), without the lock;
    /// `None` when it is not (the caller probes). An index remembered by an
    /// inline cache makes `self.x` a load and a compare.
    ///
    /// Sound for the same reasons as [`DictStore::lookup_lockfree`]: an
    /// entry position is never reused for another key in one table, its
    /// key is written before the entry is published and cleared before its
    /// value on deletion, so a non-zero value loaded after a matching key
    /// was the key's value at some moment of the read; the value word is
    /// alive until our next quiescent state.
    #[inline]
    pub fn get_at_lockfree(&self, ix: usize, key_word: usize) -> Option<Value> {
        if !self.state.lockfree_ok() {
            return None;
        }
        let k = NonNull::new(self.keys.load(Ordering::Acquire))?;
        // SAFETY: as in `lookup_lockfree`.
        let (_, _, ents) = unsafe { parts(k) };
        let e = ents.get(ix)?;
        if e.key.load(Ordering::Acquire) != key_word {
            return None;
        }
        let vw = e.value.load(Ordering::Acquire);
        if vw == 0 {
            return None;
        }
        // SAFETY: a non-zero value word is alive until our next quiescent
        // state (module invariants).
        Some(unsafe { clone_word(vw) })
    }

    /// [`DictStore::lookup_lockfree`], also giving the entry position of a
    /// found key.
    #[inline]
    pub fn lookup_lockfree_at(
        &self,
        hash: i64,
        mut matches: impl FnMut(&Value) -> Option<bool>,
    ) -> Option<Option<(Value, usize)>> {
        if !self.state.lockfree_ok() {
            return None;
        }
        let Some(k) = NonNull::new(self.keys.load(Ordering::Acquire)) else {
            return Some(None);
        };
        // SAFETY: published when loaded; we are attached and not past a
        // quiescent state (or the unshared owner: nobody else frees it).
        let (h, idx, ents) = unsafe { parts(k) };
        for i in probe_seq(hash, h.size - 1) {
            let ix = idx[i].load(Ordering::Acquire) as i32;
            if ix == EMPTY {
                return Some(None);
            }
            if ix < 0 {
                continue;
            }
            let e = ents.get(ix as usize)?;
            let kw = e.key.load(Ordering::Acquire);
            if kw == 0 || e.hash.load(Ordering::Relaxed) as i64 != hash {
                continue;
            }
            // SAFETY: a non-zero key word is alive until our next
            // quiescent state (module invariants).
            let key = unsafe { borrow_word(kw) };
            match matches(&key)? {
                false => continue,
                true => {
                    let vw = e.value.load(Ordering::Acquire);
                    if vw == 0 {
                        return None;
                    }
                    // SAFETY: as for the key.
                    return Some(Some((unsafe { clone_word(vw) }, ix as usize)));
                }
            }
        }
        None
    }

    /// Locks for a change. Never call Python code with the guard held.
    #[inline]
    pub fn lock(&self) -> DictGuard<'_> {
        DictGuard { store: self, guard: Some(self.state.lock_write()), removed: Removed::default() }
    }

    /// Locks for reading; marks the dict shared when a non-owner reads it.
    #[inline]
    pub fn lock_read(&self) -> DictGuard<'_> {
        DictGuard { store: self, guard: Some(self.state.lock_read()), removed: Removed::default() }
    }
}

/// A dict's lock, held: read the table, change it through the methods
/// (which keep the invariants above). Removed values are dropped, or
/// deferred when the dict is shared, after the lock is released.
pub struct DictGuard<'a> {
    store: &'a DictStore,
    guard: Option<LfGuard<'a>>,
    removed: Removed,
}

impl Drop for DictGuard<'_> {
    fn drop(&mut self) {
        let shared = self.shared();
        drop(self.guard.take());
        self.removed.release(shared);
    }
}

impl<'a> DictGuard<'a> {
    fn shared(&self) -> bool {
        self.guard.as_ref().is_none_or(|g| g.shared)
    }

    fn table(&self) -> Option<(&KeysHeader, &[AtomicU32], &[EntrySlot])> {
        let k = NonNull::new(self.store.keys.load(Ordering::Relaxed))?;
        // SAFETY: the current table, alive while we hold the lock.
        Some(unsafe { parts(k) })
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.store.used.load(Ordering::Relaxed)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.store.version.load(Ordering::Relaxed)
    }

    /// Marks a change (for lookups that unlocked, and for caches).
    pub fn bump_version(&mut self) {
        let v = self.version() + 1;
        self.store.version.store(v, Ordering::Release);
    }

    /// Index slots (0 when there is no table yet).
    pub fn size(&self) -> usize {
        self.table().map_or(0, |t| t.0.size)
    }

    /// Entry slots of the table.
    pub fn capacity(&self) -> usize {
        self.table().map_or(0, |t| t.0.cap)
    }

    /// Entry slots used so far (live and deleted).
    pub fn nentries(&self) -> usize {
        self.table().map_or(0, |t| t.0.nentries.load(Ordering::Relaxed))
    }

    /// Index slot `i` (`i < size`).
    pub fn index(&self, i: usize) -> i32 {
        self.table().map_or(EMPTY, |t| t.1[i].load(Ordering::Relaxed) as i32)
    }

    /// Points index slot `i` at entry `ix` (or `DUMMY`).
    pub fn set_index(&mut self, i: usize, ix: i32) {
        if let Some((_, idx, _)) = self.table() {
            idx[i].store(ix as u32, Ordering::Release);
        }
    }

    /// The live entry at position `ix`.
    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        let (_, _, ents) = self.table()?;
        let e = ents.get(ix)?;
        if e.key.load(Ordering::Relaxed) == 0 {
            return None;
        }
        // SAFETY: we hold the lock, so nobody writes the entry while the
        // view (a borrow of this guard) lives; its key and value words are
        // non-zero values the dict owns, and `Entry` has the slot's layout.
        Some(unsafe { &*(e as *const EntrySlot as *const Entry) })
    }

    /// The live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        (0..self.nentries()).filter_map(move |ix| self.entry(ix))
    }

    /// The live entry at position `pos` or later, for iterators.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        (pos..self.nentries()).find_map(|ix| self.entry(ix).map(|e| (ix, e)))
    }

    /// Appends an entry (the caller made room: `nentries < capacity`) and
    /// returns its position; publish it with `set_index`.
    pub fn push_entry(&mut self, hash: i64, key: Value, value: Value) -> usize {
        let (h, _, ents) = self.table().expect("push_entry needs a table");
        let ix = h.nentries.load(Ordering::Relaxed);
        let e = &ents[ix];
        e.hash.store(hash as u64, Ordering::Relaxed);
        e.value.store(into_word(value), Ordering::Relaxed);
        e.key.store(into_word(key), Ordering::Release);
        h.nentries.store(ix + 1, Ordering::Relaxed);
        self.store.used.store(self.len() + 1, Ordering::Relaxed);
        self.bump_version();
        ix
    }

    /// Replaces the value of live entry `ix`; the old one is dropped after
    /// unlocking.
    pub fn replace_value(&mut self, ix: usize, value: Value) {
        let Some((_, _, ents)) = self.table() else { return };
        let old = ents[ix].value.swap(into_word(value), Ordering::AcqRel);
        self.bump_version();
        if old != 0 {
            // SAFETY: the entry owned this reference and gives it up.
            self.removed.push(unsafe { from_word(old) });
        }
    }

    /// Deletes live entry `ix` (its index slot must already be `DUMMY`)
    /// and returns its key and value (new references when the dict is
    /// shared; the dict's own are released after the grace period).
    pub fn take_entry(&mut self, ix: usize) -> Option<(Value, Value)> {
        let (_, _, ents) = self.table()?;
        let e = &ents[ix];
        let kw = e.key.swap(0, Ordering::AcqRel);
        let vw = e.value.swap(0, Ordering::AcqRel);
        if kw == 0 || vw == 0 {
            return None;
        }
        self.store.used.store(self.len() - 1, Ordering::Relaxed);
        self.bump_version();
        // SAFETY: the entry owned these references and gives them up.
        let (k, v) = unsafe { (from_word(kw), from_word(vw)) };
        let out = if self.shared() {
            let out = (k.clone(), v.clone());
            self.removed.push(k);
            self.removed.push(v);
            out
        } else {
            (k, v)
        };
        if self.is_empty() {
            // Start again from no table (deleted entries are never reused).
            self.install(None);
        }
        Some(out)
    }

    /// Replaces the table by one with `size` index slots (a power of two)
    /// and `size * 2 / 3` entry slots, holding the live entries in order.
    pub fn resize(&mut self, size: usize) {
        let new = alloc_keys(size, size * 2 / 3);
        // SAFETY: fresh and unpublished.
        let (nh, nidx, nents) = unsafe { parts(new) };
        let mut n = 0;
        if let Some((_, _, ents)) = self.table() {
            for e in ents {
                let kw = e.key.load(Ordering::Relaxed);
                if kw == 0 {
                    continue;
                }
                let hash = e.hash.load(Ordering::Relaxed) as i64;
                let d = &nents[n];
                d.hash.store(hash as u64, Ordering::Relaxed);
                d.key.store(kw, Ordering::Relaxed);
                d.value.store(e.value.load(Ordering::Relaxed), Ordering::Relaxed);
                let slot = probe_seq(hash, size - 1)
                    .find(|&i| nidx[i].load(Ordering::Relaxed) as i32 == EMPTY)
                    .expect("a fresh table has empty slots");
                nidx[slot].store(n as u32, Ordering::Relaxed);
                n += 1;
            }
        }
        nh.nentries.store(n, Ordering::Relaxed);
        // The references moved into the new table; the old one goes
        // without releasing them.
        self.install(Some(new));
    }

    /// Publishes `new` (Release: its contents before the pointer) and
    /// retires the current table, whose references have moved.
    fn install(&mut self, new: Option<NonNull<KeysHeader>>) {
        let p = new.map_or(std::ptr::null_mut(), |k| k.as_ptr());
        let old = self.store.keys.swap(p, Ordering::AcqRel);
        if let Some(old) = NonNull::new(old) {
            retire(old, self.shared(), false);
        }
    }

    /// Removes every entry; the references go after unlocking (one deferred
    /// item for a shared dict).
    pub fn clear(&mut self) {
        self.store.used.store(0, Ordering::Relaxed);
        self.bump_version();
        let old = self.store.keys.swap(std::ptr::null_mut(), Ordering::AcqRel);
        let Some(old) = NonNull::new(old) else { return };
        if self.shared() {
            retire(old, true, true);
            return;
        }
        // SAFETY: unpublished; the dict is unshared, so nobody else reads.
        let (_, _, ents) = unsafe { parts(old) };
        for e in ents {
            for w in [e.key.load(Ordering::Relaxed), e.value.load(Ordering::Relaxed)] {
                if w != 0 {
                    // SAFETY: the table owned this reference.
                    self.removed.push(unsafe { from_word(w) });
                }
            }
        }
        retire(old, false, false);
    }
}
