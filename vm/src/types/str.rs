//! `str`: immutable Unicode text.
//!
//! A `PyStr` is 32 bytes, so a `str` object (32-byte header included) is 64
//! bytes and text of up to 24 bytes lives inside it: one allocation per
//! short string (CPython: 49 bytes + the text for ASCII). The fields:
//! the UTF-8 text (`CompactString`: inline up to 24 bytes, else one heap
//! buffer), its code point count with flags (`meta`) and a cached 32-bit
//! hash. ASCII strings (the common case for identifiers and most data)
//! index in O(1); others walk the UTF-8.
//!
//! Lone surrogates (`"\ud800"`, `surrogateescape` decoding) are rare and
//! must not cost other strings anything, so such a string keeps two forms:
//! `data`, valid UTF-8 with each surrogate replaced by U+FFFD (what
//! `as_str` returns and code unaware of surrogates sees), and its exact
//! text in generalized UTF-8 (`str_wtf8.rs`), kept in a side table under
//! an id stored in the `hash` field (these strings hash their exact text
//! on every call instead of caching) and dropped with the string. The
//! `SURROGATES` bit of `meta` marks them, so `as_str`, `is_ascii` and the
//! hash of other strings are unchanged. Both encodings spend three bytes
//! on a surrogate, so byte offsets and code point counts agree between
//! them, and a byte range found in `data` can be cut from the exact text.
//! Equality, ordering and hashing use the exact form; the `str` methods
//! that must keep surrogates read it (see architecture.md); other methods
//! see U+FFFD.

use std::cmp::Ordering as CmpOrdering;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use compact_str::CompactString;
use skein_threading::sync::{Arc, Mutex};

#[path = "str_wtf8.rs"]
pub mod str_wtf8;

use crate::object::{PyPayload, PyRef};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static STR_TYPE: TypeCell = TypeCell::new();

pub struct PyStr {
    data: CompactString,
    /// Code points in the low 31 bits (or `LONG_ASCII`/`LONG_OTHER` when
    /// the count does not fit); `SURROGATES` marks a string with lone
    /// surrogates, whose exact text is in `surrogate_texts()`.
    meta: u32,
    /// The hash as a 32-bit value, 0 until computed (a racing double
    /// computation stores the same value); the side-table id for strings
    /// with surrogates.
    hash: AtomicU32,
}

const _: () = assert!(std::mem::size_of::<PyStr>() == 32);

/// The `meta` flag of strings with lone surrogates.
const SURROGATES: u32 = 1 << 31;
const COUNT_MASK: u32 = SURROGATES - 1;
/// Counts that do not fit in 31 bits: an ASCII string (count = bytes) ...
const LONG_ASCII: u32 = COUNT_MASK;
/// ... or any other (counted when asked: such strings hold 2**31 code
/// points, so the count costs little next to building them).
const LONG_OTHER: u32 = COUNT_MASK - 1;

/// The exact texts of the strings with lone surrogates, by id.
struct SurrogateTexts {
    next: u32,
    texts: HashMap<u32, Arc<[u8]>>,
}

fn surrogate_texts() -> &'static Mutex<SurrogateTexts> {
    static TEXTS: OnceLock<Mutex<SurrogateTexts>> = OnceLock::new();
    TEXTS.get_or_init(|| Mutex::new(SurrogateTexts { next: 0, texts: HashMap::new() }))
}

/// Stores an exact text and returns its new id.
fn add_surrogate_text(text: Arc<[u8]>) -> u32 {
    let mut t = surrogate_texts().lock();
    // Ids wrap after 2**32 strings; skip any still in use.
    loop {
        let id = t.next;
        t.next = t.next.wrapping_add(1);
        if let std::collections::hash_map::Entry::Vacant(e) = t.texts.entry(id) {
            e.insert(text);
            return id;
        }
    }
}

impl Drop for PyStr {
    #[inline]
    fn drop(&mut self) {
        if self.meta & SURROGATES != 0 {
            let old = surrogate_texts().lock().texts.remove(&self.hash.load(Ordering::Relaxed));
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

/// `meta` for `text` (no surrogates).
#[inline]
fn meta_of(text: &str) -> u32 {
    if text.is_ascii() {
        if text.len() < LONG_OTHER as usize {
            text.len() as u32
        } else {
            LONG_ASCII
        }
    } else {
        let n = text.chars().count();
        if n < LONG_OTHER as usize {
            n as u32
        } else {
            LONG_OTHER
        }
    }
}

impl PyStr {
    pub fn new(s: impl Into<CompactString>) -> PyStr {
        let mut data: CompactString = s.into();
        if data.is_heap_allocated() && data.capacity() - data.len() > 32 + data.len() / 8 {
            // A `String` built with much spare room: keep only the text.
            data.shrink_to_fit();
        }
        let meta = meta_of(&data);
        PyStr { data, meta, hash: AtomicU32::new(0) }
    }

    /// A string of text the caller knows is ASCII (a piece or a case
    /// mapping of an ASCII string), without scanning it again.
    #[inline]
    pub fn new_ascii(s: impl Into<CompactString>) -> PyStr {
        let data: CompactString = s.into();
        debug_assert!(data.is_ascii());
        let meta = if data.len() < LONG_OTHER as usize { data.len() as u32 } else { LONG_ASCII };
        PyStr { data, meta, hash: AtomicU32::new(0) }
    }

    /// A string from generalized UTF-8 (which may encode lone surrogates).
    pub fn from_wtf8(bytes: Vec<u8>) -> PyStr {
        let (text, wtf8) = str_wtf8::split_lossy(bytes);
        let mut s = PyStr::new(text);
        if let Some(w) = wtf8 {
            s.hash = AtomicU32::new(add_surrogate_text(w.into()));
            s.meta |= SURROGATES;
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
        self.meta & SURROGATES != 0
    }

    /// The exact text as generalized UTF-8 (plain UTF-8 without surrogates).
    #[inline]
    pub fn wtf8(&self) -> Wtf8<'_> {
        if !self.has_surrogates() {
            return Wtf8::Borrowed(self.data.as_bytes());
        }
        self.wtf8_shared()
    }

    #[cold]
    fn wtf8_shared(&self) -> Wtf8<'_> {
        match surrogate_texts().lock().texts.get(&self.hash.load(Ordering::Relaxed)) {
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

    /// A `str` value for `part`, a slice of `self.as_str()` (as the
    /// search and split methods return): the same range of the exact
    /// text, so lone surrogates survive `split`, `strip`, `partition`...
    pub fn part_value(&self, part: &str) -> Value {
        if self.has_surrogates() {
            let base = self.data.as_ptr() as usize;
            let a = (part.as_ptr() as usize).wrapping_sub(base);
            if a <= self.data.len() && part.len() <= self.data.len() - a {
                return PyRef::new(self.byte_substr(a, a + part.len())).into_value();
            }
        }
        new_str(part)
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.data
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        let m = self.meta & COUNT_MASK;
        if m < LONG_OTHER {
            m as usize
        } else {
            self.long_char_len(m)
        }
    }

    #[cold]
    fn long_char_len(&self, m: u32) -> usize {
        if m == LONG_ASCII {
            self.data.len()
        } else {
            self.data.chars().count()
        }
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        let m = self.meta & COUNT_MASK;
        if m < LONG_OTHER {
            m as usize == self.data.len()
        } else {
            m == LONG_ASCII
        }
    }

    /// Python's `hash(s)`; never -1.
    #[inline]
    pub fn hash(&self) -> i64 {
        if self.has_surrogates() {
            return hash_text_bytes(&self.wtf8());
        }
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h as i32 as i64;
        }
        let h = hash_str(&self.data);
        self.hash.store(h as u32, Ordering::Relaxed);
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
        if (self.meta | other.meta) & SURROGATES == 0 {
            return self.data.as_bytes() == other.data.as_bytes();
        }
        // A string with a surrogate never equals one without.
        self.meta == other.meta && self.data == other.data && *self.wtf8() == *other.wtf8()
    }
}

/// Code point order: generalized UTF-8 sorts bytewise in code point order.
impl PartialOrd for PyStr {
    #[inline]
    fn partial_cmp(&self, other: &PyStr) -> Option<CmpOrdering> {
        if !self.has_surrogates() && !other.has_surrogates() {
            return Some(self.data.as_bytes().cmp(other.data.as_bytes()));
        }
        Some(self.wtf8().cmp(&other.wtf8()))
    }
}

/// A fast string hash (FNV-1a over 8-byte words, then mixed), folded to
/// 32 bits so `PyStr` can cache it in 4 bytes; never 0 (the "not yet"
/// mark) or -1. Python does not define str hashes across runs, so any
/// good mix is valid, and 32 bits index any dict that fits in memory.
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
    let h = (h >> 32) as u32 as i32;
    match h {
        0 => 1,
        -1 => -2,
        h => h as i64,
    }
}

/// A new `str` value.
pub fn new_str(s: impl Into<CompactString>) -> Value {
    PyRef::new(PyStr::new(s)).into_value()
}

/// [`new_str`] of text known to be ASCII ([`PyStr::new_ascii`]).
#[inline]
pub fn new_str_ascii(s: impl Into<CompactString>) -> Value {
    PyRef::new(PyStr::new_ascii(s)).into_value()
}

/// The concatenation of `parts` (f-strings' `BUILD_STRING`): one
/// allocation of the exact size; lone surrogates are kept.
pub fn concat_parts<'a>(parts: impl Iterator<Item = &'a Value> + Clone) -> Value {
    let mut total = 0;
    let mut wide = false;
    for p in parts.clone() {
        if let Some(s) = p.downcast_ref::<PyStr>() {
            total += s.data.len();
            wide |= s.has_surrogates();
        }
    }
    if wide {
        let mut out = Vec::with_capacity(total);
        for p in parts {
            if let Some(s) = p.downcast_ref::<PyStr>() {
                out.extend_from_slice(&s.wtf8());
            }
        }
        return new_str_wtf8(out);
    }
    let mut out = CompactString::with_capacity(total);
    for p in parts {
        out.push_str(p.as_str().unwrap_or(""));
    }
    new_str(out)
}

/// `a + b` as a new `str` (no surrogates in either); `None` when the
/// result cannot be allocated. Short results are built in place.
pub fn concat2(a: &str, b: &str) -> Option<Value> {
    let mut out = CompactString::try_with_capacity(a.len().checked_add(b.len())?).ok()?;
    out.push_str(a);
    out.push_str(b);
    Some(new_str(out))
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
