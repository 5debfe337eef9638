//! `str`: immutable Unicode text.
//!
//! Stored as UTF-8 with its length in code points and a cached hash. ASCII
//! strings (the common case for identifiers and most data) index in O(1);
//! others walk the UTF-8 (an index table can be added without changing the
//! API).
//!
//! Lone surrogates (`"\ud800"`, `surrogateescape` decoding) are rare and
//! must not cost other strings anything, so such a string keeps two forms:
//! `data`, valid UTF-8 with each surrogate replaced by U+FFFD (what
//! `as_str` returns and code unaware of surrogates sees), and its exact
//! text in generalized UTF-8 (`str_wtf8.rs`), kept in a side table keyed
//! by the address of `data`'s buffer (unique while the string lives, and
//! unmoved when the `PyStr` moves) and dropped with the string. The top
//! bit of `char_len` marks these strings, so `PyStr` keeps its size and
//! `as_str`, `is_ascii` and the hash of other strings are unchanged. Both
//! encodings spend three bytes on a surrogate, so byte offsets and code
//! point counts agree between them, and a byte range found in `data` can be
//! cut from the exact text. Equality, ordering and hashing use the exact
//! form; the `str` methods that must keep surrogates (indexing, slicing,
//! iteration, concatenation, `join`, `repr`, `encode`, `in`) read it;
//! other methods see U+FFFD.

use std::cmp::Ordering as CmpOrdering;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::OnceLock;

use skein_threading::sync::{Arc, Mutex};

#[path = "str_wtf8.rs"]
pub mod str_wtf8;

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static STR_TYPE: TypeCell = TypeCell::new();

pub struct PyStr {
    data: Box<str>,
    /// Code points; the top bit (`SURROGATES`) marks a string with lone
    /// surrogates, whose exact text is in `surrogate_texts()`.
    char_len: usize,
    /// -1 until computed; a racing double computation stores the same value.
    hash: AtomicI64,
}

/// The `char_len` flag of strings with lone surrogates. No string is that
/// long: lengths never exceed `isize::MAX`.
const SURROGATES: usize = 1 << (usize::BITS - 1);

/// The exact texts of the strings with lone surrogates, by `data` address.
fn surrogate_texts() -> &'static Mutex<HashMap<usize, Arc<[u8]>>> {
    static TEXTS: OnceLock<Mutex<HashMap<usize, Arc<[u8]>>>> = OnceLock::new();
    TEXTS.get_or_init(|| Mutex::new(HashMap::new()))
}

impl Drop for PyStr {
    #[inline]
    fn drop(&mut self) {
        if self.char_len & SURROGATES != 0 {
            let old = surrogate_texts().lock().remove(&(self.data.as_ptr() as usize));
            drop(old);
        }
    }
}

/// The exact text of a string: its own UTF-8, or a shared generalized
/// UTF-8 copy for strings with surrogates.
pub enum Wtf8<'a> {
    Borrowed(&'a [u8]),
    Shared(Arc<[u8]>),
}

impl std::ops::Deref for Wtf8<'_> {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        match self {
            Wtf8::Borrowed(b) => b,
            Wtf8::Shared(a) => a,
        }
    }
}

impl PyPayload for PyStr {
    fn class() -> &'static PyRef<PyType> {
        STR_TYPE.get()
    }
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let data: Box<str> = s.into();
        let char_len = if data.is_ascii() { data.len() } else { data.chars().count() };
        PyStr { data, char_len, hash: AtomicI64::new(-1) }
    }

    /// A string from generalized UTF-8 (which may encode lone surrogates).
    pub fn from_wtf8(bytes: Vec<u8>) -> PyStr {
        let (text, wtf8) = str_wtf8::split_lossy(bytes);
        let mut s = PyStr::new(text);
        if let Some(w) = wtf8 {
            // A surrogate takes three bytes, so `data` is never empty here
            // and its buffer address identifies this string.
            surrogate_texts().lock().insert(s.data.as_ptr() as usize, w.into());
            s.char_len |= SURROGATES;
        }
        s
    }

    /// A string of arbitrary code points (each below 0x110000).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        let mut b = Vec::new();
        for cp in cps {
            str_wtf8::push_code_point(&mut b, cp);
        }
        PyStr::from_wtf8(b)
    }

    /// Whether the text holds lone surrogates (so `as_str` is lossy).
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.char_len & SURROGATES != 0
    }

    /// The exact text as generalized UTF-8 (plain UTF-8 without surrogates).
    #[inline]
    pub fn wtf8(&self) -> Wtf8<'_> {
        if !self.has_surrogates() {
            return Wtf8::Borrowed(self.data.as_bytes());
        }
        match surrogate_texts().lock().get(&(self.data.as_ptr() as usize)) {
            Some(w) => Wtf8::Shared(w.clone()),
            None => Wtf8::Borrowed(self.data.as_bytes()),
        }
    }

    /// The exact code points.
    pub fn code_points(&self) -> str_wtf8::CodePoints<Wtf8<'_>> {
        str_wtf8::CodePoints::new(self.wtf8())
    }

    /// The code point at index `i` (0 <= i < char_len), surrogates included.
    pub fn code_point_at(&self, i: usize) -> u32 {
        let c = self.char_at(i);
        if c != '\u{FFFD}' || !self.has_surrogates() {
            return c as u32;
        }
        let b = self.byte_offset(i);
        str_wtf8::decode_at(&self.wtf8(), b).map(|(cp, _)| cp).unwrap_or(0xFFFD)
    }

    /// The substring of bytes `a..b` (character boundaries of `as_str`),
    /// keeping any surrogates in it.
    pub fn byte_substr(&self, a: usize, b: usize) -> PyStr {
        if self.has_surrogates() {
            PyStr::from_wtf8(self.wtf8().get(a..b).unwrap_or_default().to_vec())
        } else {
            PyStr::new(self.data.get(a..b).unwrap_or_default())
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.data
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len & !SURROGATES
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.data.len()
    }

    /// Python's `hash(s)`; never -1.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = if self.has_surrogates() { hash_text_bytes(&self.wtf8()) } else { hash_str(&self.data) };
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.data.as_bytes()[i] as char
        } else {
            self.data.chars().nth(i).unwrap_or('\0')
        }
    }

    /// Byte offset of code point index `i` (i may equal char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.data.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.data.len())
        }
    }

    /// Substring by code point range.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.data[a..b]
    }
}

/// Text equality: the exact code points (surrogates included).
impl PartialEq for PyStr {
    #[inline]
    fn eq(&self, other: &PyStr) -> bool {
        self.data == other.data
            && self.char_len == other.char_len
            && (!self.has_surrogates() || *self.wtf8() == *other.wtf8())
    }
}

/// Code point order: generalized UTF-8 sorts bytewise in code point order.
impl PartialOrd for PyStr {
    #[inline]
    fn partial_cmp(&self, other: &PyStr) -> Option<CmpOrdering> {
        if !self.has_surrogates() && !other.has_surrogates() {
            return Some(self.data.cmp(&other.data));
        }
        Some(self.wtf8().cmp(&other.wtf8()))
    }
}

/// A fast 64-bit string hash (FNV-1a over 8-byte words, then mixed).
/// Python does not define str hashes across runs, so any good mix is valid.
#[inline]
pub fn hash_str(s: &str) -> i64 {
    hash_text_bytes(s.as_bytes())
}

/// `hash_str` over the generalized UTF-8 of a string.
pub fn hash_text_bytes(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x100000001b3).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^= h >> 33;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A new `str` value.
pub fn new_str(s: impl Into<Box<str>>) -> Value {
    PyRef::new(PyStr::new(s)).into_value()
}

/// A new `str` value from generalized UTF-8 (may hold lone surrogates).
pub fn new_str_wtf8(bytes: Vec<u8>) -> Value {
    PyRef::new(PyStr::from_wtf8(bytes)).into_value()
}

/// `chr(cp)` for `0 <= cp < 0x110000`, lone surrogates included.
pub fn str_from_code_point(cp: u32) -> Value {
    match char::from_u32(cp) {
        Some(c) => crate::types::str_methods::char_str(c),
        None => PyRef::new(PyStr::from_code_points([cp])).into_value(),
    }
}

impl Value {
    /// The text of an exact or subclassed `str`.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.downcast_ref::<PyStr>().map(|s| s.as_str())
    }
}
