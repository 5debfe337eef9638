//! A class's shared attribute layout: the names its instances store in
//! inline values (`object/inline_values.rs`), each at a fixed index.
//!
//! CPython 3.11's "shared keys": instances of one class usually set the
//! same attributes, so the names live once on the class and each instance
//! keeps only an array of values. `LOAD_ATTR` caches the index of a name
//! and reads the instance's word at that index.
//!
//! Invariants:
//! - Append-only: an index, once given to a name, never changes and is
//!   never reused, so a cached index stays valid for the life of the type.
//! - Names are the interned `str` objects (immortal, one per text), held
//!   as their words: reading one needs no count and no lock, and an
//!   interned name matches by identity alone.
//! - `bloom` has bit `bloom_bit(w)` set for every name word `w` (set before
//!   the name's word is published), so most names that are not in the
//!   layout (method names, checked on every `obj.method()`) are turned
//!   away by one load.
//! - A name's word is stored before `len` is raised (Release); readers load
//!   `len` (Acquire) and then only the words below it.
//! - Appends are serialised by `append`'s mutex.

use skein_threading::sync::{AtomicUsize, Ordering};

use crate::intern::intern;
use crate::interp::inline_cache::cached_value;
use crate::types::str::PyStr;
use crate::value::Value;

/// How many names a layout holds; an instance storing a further name
/// moves to a real dict (as CPython's `SHARED_KEYS_MAX_SIZE`).
pub const MAX_KEYS: usize = 48;

pub struct SharedKeys {
    len: AtomicUsize,
    bloom: AtomicUsize,
    names: [AtomicUsize; MAX_KEYS],
    append: parking_lot::Mutex<()>,
}

impl Default for SharedKeys {
    fn default() -> Self {
        SharedKeys::new()
    }
}

impl SharedKeys {
    pub fn new() -> SharedKeys {
        SharedKeys {
            len: AtomicUsize::new(0),
            bloom: AtomicUsize::new(0),
            names: std::array::from_fn(|_| AtomicUsize::new(0)),
            append: parking_lot::Mutex::new(()),
        }
    }

    /// How many names have an index.
    #[inline]
    pub fn len(&self) -> usize {
        // Acquire: pairs with the Release in `index_or_add`, so every word
        // below the length is visible.
        self.len.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name at `index` (below [`SharedKeys::len`]).
    #[inline]
    pub fn name_at(&self, index: usize) -> Value {
        cached_value(self.names[index].load(Ordering::Relaxed))
    }

    /// The index of `name`, an interned `str` (a name from a code object).
    #[inline]
    pub fn index_of_interned(&self, name: &Value) -> Option<usize> {
        let w = name.raw_word();
        if self.bloom.load(Ordering::Acquire) & bloom_bit(w) == 0 {
            return None;
        }
        let n = self.len();
        self.names[..n].iter().position(|x| x.load(Ordering::Relaxed) == w)
    }

    /// The index of `name`, an exact `str`, interned or not.
    pub fn index_of(&self, name: &Value) -> Option<usize> {
        let n = self.len();
        let w = name.raw_word();
        if let Some(i) = self.names[..n].iter().position(|x| x.load(Ordering::Relaxed) == w) {
            return Some(i);
        }
        self.index_by_text(name, n)
    }

    /// A name equal to `name` that is a different object (a `str` built at
    /// run time rather than interned).
    #[cold]
    fn index_by_text(&self, name: &Value, n: usize) -> Option<usize> {
        let s = name.downcast_ref::<PyStr>()?;
        let (text, hash) = (s.as_str(), s.hash());
        (0..n).find(|&i| {
            let k = self.name_at(i);
            k.downcast_ref::<PyStr>().is_some_and(|ks| ks.hash() == hash && ks.as_str() == text)
        })
    }

    /// The index of `name`, given one if it has none and there is room;
    /// `None` for names that cannot be shared (not an exact `str`) or a
    /// full layout.
    pub fn index_or_add(&self, name: &Value) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        if !name.class().is_str_exact() {
            return None;
        }
        let w = intern(name.as_str()?).immortal_word()?;
        let _g = self.append.lock();
        // Another thread may have added it meanwhile.
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        let n = self.len.load(Ordering::Relaxed);
        if n >= MAX_KEYS {
            return None;
        }
        // Release: a reader whose bloom test passes sees the name (and
        // one that fails was before the append).
        self.bloom.fetch_or(bloom_bit(w), Ordering::Release);
        self.names[n].store(w, Ordering::Relaxed);
        // Release: the name's word before the length that covers it.
        self.len.store(n + 1, Ordering::Release);
        Some(n)
    }
}

/// A name word's bit in `SharedKeys::bloom` (objects are at least 16-byte
/// aligned, so the low bits carry nothing).
#[inline(always)]
fn bloom_bit(w: usize) -> usize {
    1 << ((w >> 4) & (usize::BITS as usize - 1))
}
