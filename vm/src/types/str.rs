//! `str`: immutable Unicode text.
//!
//! Stored as UTF-8 with its length in code points and a cached hash. ASCII
//! strings (the common case for identifiers and most data) index in O(1);
//! others walk the UTF-8 (an index table can be added without changing the
//! API). Limitation: lone surrogates cannot be represented.

use std::sync::atomic::{AtomicI64, Ordering};

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static STR_TYPE: TypeCell = TypeCell::new();

pub struct PyStr {
    data: Box<str>,
    char_len: usize,
    /// -1 until computed; a racing double computation stores the same value.
    hash: AtomicI64,
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

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.data
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
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
        let h = hash_str(&self.data);
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

/// A fast 64-bit string hash (FNV-1a over 8-byte words, then mixed).
/// Python does not define str hashes across runs, so any good mix is valid.
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ (s.len() as u64);
    let bytes = s.as_bytes();
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

impl Value {
    /// The text of an exact or subclassed `str`.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.downcast_ref::<PyStr>().map(|s| s.as_str())
    }
}
