//! `Value`: one machine word that is either a tagged small int or an owned
//! reference to a heap object.
//!
//! Layout of the word:
//! - low bit 1: a 63-bit signed integer stored in the upper 63 bits. Small
//!   ints never allocate and never touch a reference count, so `i + 1`,
//!   comparisons and `range` loops stay in registers.
//! - low bits `10`: a tagged `float` (see "Tagged floats" below). Like small
//!   ints, these never allocate and are never counted.
//! - low bits `00`: a non-null pointer to an object's `ObjHeader`; the
//!   `Value` owns one strong reference, released on drop. All count
//!   arithmetic lives in `skein_gc` (`incref`/`decref`); this file only
//!   decides *whether* a word is a reference.
//!
//! Invariants: an integer that fits in 63 bits is always represented tagged
//! (never as a heap `int` of exact type), so equality of two tagged words is
//! integer equality and a heap `int` is known to be big. A `float` of exact
//! type whose value is encodable is always tagged, never boxed (so boxed
//! exact floats hold only 0 < |x| < 2**-255, |x| >= 2**257, -0.0, inf and
//! nan); `float` subclass instances are always boxed.
//!
//! Tagged floats (the "flonum" encoding of Ruby's VM, rewritten here): a
//! double whose top three exponent bits are `011` or `100` -- magnitudes in
//! [2**-255, 2**257), nearly every float a program computes -- keeps all
//! its information when bits 62 and 61 (which then differ) are replaced by
//! one of them. The word is the double rotated left by 3, so sign, bit 62
//! and bit 61 land in bits 2..0, with bits 1..0 overwritten by the tag `10`;
//! decoding restores bits 62..61 from bit 60 (now bit 63). `+0.0` gets the
//! one word that would otherwise encode 2**-255 (which is therefore boxed).
//! Floats are thus as cheap as small ints: no allocation, no count, and
//! peak memory for float-heavy programs far below one boxed object each.
#![allow(unsafe_code)]

use std::mem::ManuallyDrop;
use std::num::NonZeroUsize;
use std::ptr::NonNull;

use skein_gc::{ObjHeader, ObjRef};

/// Smallest and largest integers that fit in a tagged word.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

/// Low two bits of a tagged float.
const FLOAT_TAG: usize = 0b10;
/// The word of `+0.0` (otherwise the encoding of 2**-255).
const FLOAT_ZERO_WORD: usize = 0x8000_0000_0000_0002;
/// The bits of 2**-255, whose encoding `+0.0` takes.
const FLOAT_ZERO_ALIAS_BITS: u64 = 0x3000_0000_0000_0000;

#[repr(transparent)]
pub struct Value(NonZeroUsize);

// SAFETY: a Value is either an integer or an owned ObjRef, and ObjRef is
// Send + Sync (biased reference counting makes cross-thread clone/drop safe).
unsafe impl Send for Value {}
// SAFETY: see above; shared access only reads the word.
unsafe impl Sync for Value {}

impl Value {
    /// A tagged small int. The caller guarantees the range.
    #[inline(always)]
    pub fn from_small_int(i: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        let word = ((i << 1) | 1) as usize;
        // SAFETY: the low bit is set, so the word is never zero.
        Value(unsafe { NonZeroUsize::new_unchecked(word) })
    }

    /// Tagged int if it fits, else `None`.
    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value::from_small_int(i))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.0.get() & 1 == 1
    }

    /// A tagged float, if `f` is encodable (see the module doc); the caller
    /// boxes it otherwise.
    #[inline(always)]
    pub fn try_tagged_float(f: f64) -> Option<Value> {
        let bits = f.to_bits();
        // Top three exponent bits 011 or 100: (x - 3) is 0 or 1.
        let top = (bits >> 60) & 7;
        let word = if top.wrapping_sub(3) <= 1 && bits != FLOAT_ZERO_ALIAS_BITS {
            ((bits.rotate_left(3) & !3) | FLOAT_TAG as u64) as usize
        } else if bits == 0 {
            FLOAT_ZERO_WORD
        } else {
            return None;
        };
        // SAFETY: the tag bit 1 is set, so the word is never zero.
        Some(Value(unsafe { NonZeroUsize::new_unchecked(word) }))
    }

    #[inline(always)]
    pub fn is_tagged_float(&self) -> bool {
        self.0.get() & 3 == FLOAT_TAG
    }

    /// The value of a tagged float (not of a boxed one: see `as_float`).
    #[inline(always)]
    pub fn as_tagged_float(&self) -> Option<f64> {
        let w = self.0.get();
        if w & 3 != FLOAT_TAG {
            return None;
        }
        if w == FLOAT_ZERO_WORD {
            return Some(0.0);
        }
        Some(decode_nonzero_float(w))
    }

    /// The values of two tagged floats, neither of them `+0.0`: the
    /// arithmetic fast path's one test for both operands (a zero operand,
    /// whose word needs a fix-up to decode, takes the general path).
    #[inline(always)]
    pub fn tagged_float_pair(a: &Value, b: &Value) -> Option<(f64, f64)> {
        let (wa, wb) = (a.0.get(), b.0.get());
        if ((wa ^ FLOAT_TAG) | (wb ^ FLOAT_TAG)) & 3 != 0 || wa == FLOAT_ZERO_WORD || wb == FLOAT_ZERO_WORD {
            return None;
        }
        Some((decode_nonzero_float(wa), decode_nonzero_float(wb)))
    }

    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0.get() as i64) >> 1)
        } else {
            None
        }
    }

    /// The integer of a value known to be tagged.
    #[inline(always)]
    pub fn small_int_unchecked(&self) -> i64 {
        debug_assert!(self.is_small_int());
        (self.0.get() as i64) >> 1
    }

    /// Takes ownership of one reference.
    #[inline(always)]
    pub fn from_ref(r: ObjRef) -> Value {
        let p = r.into_raw();
        // SAFETY: object pointers are at least 8-aligned, so bit 0 is clear
        // and the pointer is non-null.
        Value(unsafe { NonZeroUsize::new_unchecked(p.as_ptr() as usize) })
    }

    /// Whether this is a reference to a heap object (not a tagged int or
    /// float).
    #[inline(always)]
    pub fn is_object(&self) -> bool {
        self.0.get() & 3 == 0
    }

    /// The header pointer, if this is an object.
    #[inline(always)]
    pub fn as_header_ptr(&self) -> Option<NonNull<ObjHeader>> {
        if self.is_object() {
            // SAFETY: the word is non-zero (NonZeroUsize).
            Some(unsafe { NonNull::new_unchecked(self.0.get() as *mut ObjHeader) })
        } else {
            None
        }
    }

    /// The header of an object value.
    #[inline(always)]
    pub fn header(&self) -> Option<&ObjHeader> {
        // SAFETY: a non-int Value owns a reference, so the object lives at
        // least as long as `self`.
        self.as_header_ptr().map(|p| unsafe { p.as_ref() })
    }

    /// A borrowed view of this value as an `ObjRef` (no count change).
    #[inline(always)]
    pub fn with_ref<R>(&self, f: impl FnOnce(&ObjRef) -> R) -> Option<R> {
        let p = self.as_header_ptr()?;
        // SAFETY: we hold a reference through `self`; ManuallyDrop makes sure
        // the temporary handle does not release it.
        let r = ManuallyDrop::new(unsafe { ObjRef::from_raw(p) });
        Some(f(&r))
    }

    /// Converts into an owned `ObjRef`, or gives a tagged value back.
    #[inline(always)]
    pub fn into_ref(self) -> Result<ObjRef, Value> {
        match self.as_header_ptr() {
            None => Err(self),
            Some(p) => {
                std::mem::forget(self);
                // SAFETY: the reference owned by `self` moves into the ObjRef.
                Ok(unsafe { ObjRef::from_raw(p) })
            }
        }
    }

    /// Makes the object immortal (no-op for tagged values): its count never changes
    /// again and it is never freed. Used for objects every thread touches
    /// (module-level functions and classes, modules, builtins) so that
    /// sharing them costs no cache-line traffic, as CPython 3.13t does.
    pub fn make_immortal(&self) {
        self.with_ref(|r| r.make_immortal());
    }

    /// Identity: same int or same object.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// The raw word; used for identity hashing (`id()`) and caches.
    #[inline(always)]
    pub fn raw_word(&self) -> usize {
        self.0.get()
    }

    /// The word of a value that needs no reference counting -- a tagged int
    /// or float, or an immortal object -- so a cache can keep it without owning a
    /// reference. `None` for every other value.
    #[inline(always)]
    pub fn immortal_word(&self) -> Option<usize> {
        match self.header() {
            None => Some(self.0.get()),
            Some(h) if h.is_immortal() => Some(self.0.get()),
            Some(_) => None,
        }
    }

    /// Rebuilds a value from a word `immortal_word` returned.
    ///
    /// # Safety
    /// `w` must come from [`Value::immortal_word`]: such objects are never
    /// freed and their counts never change, so copies need no reference.
    #[inline(always)]
    pub unsafe fn from_immortal_word(w: usize) -> Value {
        debug_assert!(w != 0);
        // SAFETY: forwarded contract: a non-zero word of a tagged int or an
        // immortal object.
        Value(unsafe { NonZeroUsize::new_unchecked(w) })
    }

    /// Rebuilds a value from a raw object pointer, adding a reference.
    ///
    /// A tagged word passed here as a "pointer" (code that keeps values as
    /// raw words and tells ints from objects by bit 0 alone) comes back as
    /// the tagged value it is, with nothing counted.
    ///
    /// # Safety
    /// `p` must point to a live object, or be the word of a tagged value.
    #[inline(always)]
    pub unsafe fn clone_from_header(p: NonNull<ObjHeader>) -> Value {
        let w = p.as_ptr() as usize;
        if w & 3 != 0 {
            // SAFETY: `p` is non-null, so the word is non-zero.
            return Value(unsafe { NonZeroUsize::new_unchecked(w) });
        }
        // SAFETY: forwarded contract: `p` is live.
        Value::from_ref(unsafe { ObjRef::clone_from_raw(p) })
    }

    /// Gives the value up as its word; the reference it owned (if it is an
    /// object) now belongs to the word. [`Value::from_raw_word`] takes it
    /// back. Containers that store words (lock-free reads) use these three
    /// functions instead of decoding tags themselves.
    #[inline(always)]
    pub fn into_raw_word(self) -> usize {
        let w = self.0.get();
        std::mem::forget(self);
        w
    }

    /// Takes back the value (and reference) of a word from
    /// [`Value::into_raw_word`].
    ///
    /// # Safety
    /// `w` came from `into_raw_word`, and its reference is taken back once.
    #[inline(always)]
    pub unsafe fn from_raw_word(w: usize) -> Value {
        debug_assert!(w != 0);
        // SAFETY: forwarded contract: a non-zero word whose reference, if
        // it is an object, the caller hands over.
        Value(unsafe { NonZeroUsize::new_unchecked(w) })
    }

    /// A new value for a word from [`Value::into_raw_word`], adding a
    /// reference when it is an object.
    ///
    /// # Safety
    /// `w` came from `into_raw_word` and its object (if any) is alive.
    #[inline(always)]
    pub unsafe fn clone_raw_word(w: usize) -> Value {
        // SAFETY: forwarded contract.
        let v = ManuallyDrop::new(unsafe { Value::from_raw_word(w) });
        (*v).clone()
    }
}

/// How many values a [`ValueRow`] holds.
pub const VALUE_ROW_LEN: usize = 8;

/// A short row of values borrowed from elsewhere, as one slice: bitwise
/// copies that own no reference, are never dropped, and cannot outlive the
/// values they copy (`'a`). Builds an argument array with a receiver in
/// front (`Args::prepend`) without counting every argument up and down.
pub struct ValueRow<'a> {
    buf: [std::mem::MaybeUninit<Value>; VALUE_ROW_LEN],
    len: usize,
    _borrows: std::marker::PhantomData<&'a Value>,
}

impl<'a> ValueRow<'a> {
    #[inline]
    pub fn new() -> ValueRow<'a> {
        ValueRow {
            buf: [const { std::mem::MaybeUninit::uninit() }; VALUE_ROW_LEN],
            len: 0,
            _borrows: std::marker::PhantomData,
        }
    }

    /// Appends a copy of `v`; `false` (nothing appended) when full.
    #[inline]
    pub fn push(&mut self, v: &'a Value) -> bool {
        if self.len == VALUE_ROW_LEN {
            return false;
        }
        // A copy of the word: `v` keeps the object alive for 'a, which the
        // row cannot outlive, and the copy is never dropped (MaybeUninit).
        self.buf[self.len].write(Value(v.0));
        self.len += 1;
        true
    }

    #[inline]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: the first `len` entries were written by `push`; `Value` is
        // `repr(transparent)`, so `MaybeUninit<Value>` has its layout. The
        // copies are valid values while 'a lasts, and the slice borrows
        // `self`, which lives no longer than 'a.
        unsafe { std::slice::from_raw_parts(self.buf.as_ptr().cast::<Value>(), self.len) }
    }
}

impl Default for ValueRow<'_> {
    fn default() -> Self {
        ValueRow::new()
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(p) = self.as_header_ptr() {
            // SAFETY: `self` holds a reference, so the object is live.
            unsafe { skein_gc::incref(p) };
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(p) = self.as_header_ptr() {
            // SAFETY: `self` owns exactly one reference, released here once.
            unsafe { skein_gc::decref(p) };
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(i) = self.as_small_int() {
            return write!(f, "Value({i})");
        }
        if let Some(x) = self.as_tagged_float() {
            return write!(f, "Value({x:?})");
        }
        write!(f, "Value({:#x})", self.0.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_int_round_trip() {
        for i in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX] {
            let v = Value::from_small_int(i);
            assert!(v.is_small_int());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::try_small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn tagged_float_round_trip() {
        let cases = [
            0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            -2.75,
            std::f64::consts::PI,
            1e-70,
            -1e70,
            f64::from_bits(0x3000_0000_0000_0001),
            f64::from_bits(0x4fff_ffff_ffff_ffff),
            -f64::from_bits(0x4fff_ffff_ffff_ffff),
            f64::from_bits(0xb000_0000_0000_0000),
        ];
        for f in cases {
            let v = Value::try_tagged_float(f).unwrap_or_else(|| panic!("{f:e} should be tagged"));
            assert!(v.is_tagged_float() && !v.is_small_int() && !v.is_object());
            assert_eq!(v.as_tagged_float().map(f64::to_bits), Some(f.to_bits()), "{f:e}");
            assert_eq!(v.as_small_int(), None);
        }
        // Boxed: zero's alias, -0.0, out-of-range exponents, inf, nan.
        for f in [
            f64::from_bits(0x3000_0000_0000_0000),
            -0.0,
            1e-80,
            1e80,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::from_bits(0x2fff_ffff_ffff_ffff),
            f64::from_bits(0x5000_0000_0000_0000),
        ] {
            assert!(Value::try_tagged_float(f).is_none(), "{f:e} should be boxed");
        }
        // Pairs decode as singles do; `+0.0` and ints are refused.
        let zero = Value::try_tagged_float(0.0).unwrap();
        for f in cases.into_iter().filter(|f| *f != 0.0) {
            let (v, one) = (Value::try_tagged_float(f).unwrap(), Value::try_tagged_float(1.0).unwrap());
            let pair = Value::tagged_float_pair(&v, &one).map(|(x, y)| (x.to_bits(), y.to_bits()));
            assert_eq!(pair, Some((f.to_bits(), 1f64.to_bits())), "{f:e}");
            assert!(Value::tagged_float_pair(&v, &zero).is_none() && Value::tagged_float_pair(&zero, &v).is_none());
            assert!(Value::tagged_float_pair(&v, &Value::from_small_int(3)).is_none());
            assert!(Value::tagged_float_pair(&Value::from_small_int(1), &v).is_none());
        }
        // Distinct floats get distinct words; ints are never floats.
        let a = Value::try_tagged_float(1.0).unwrap();
        let b = Value::try_tagged_float(1.0 + f64::EPSILON).unwrap();
        assert!(!a.is(&b));
        assert_eq!(Value::from_small_int(1).as_tagged_float(), None);
    }

    #[test]
    fn value_row_holds_copies_up_to_its_length() {
        let vals: Vec<Value> = (0..VALUE_ROW_LEN as i64 + 1).map(Value::from_small_int).collect();
        let mut row = ValueRow::new();
        for v in &vals[..VALUE_ROW_LEN] {
            assert!(row.push(v));
        }
        assert!(!row.push(&vals[VALUE_ROW_LEN]), "a full row refuses more");
        let s = row.as_slice();
        assert_eq!(s.len(), VALUE_ROW_LEN);
        assert!(s.iter().zip(&vals).all(|(a, b)| a.is(b)));
    }

    #[test]
    fn raw_words_of_tagged_values_round_trip() {
        for v in
            [Value::from_small_int(-5), Value::try_tagged_float(2.5).unwrap(), Value::try_tagged_float(0.0).unwrap()]
        {
            let w = v.clone().into_raw_word();
            // SAFETY: words from `into_raw_word`, each taken back once.
            let (back, copy) = unsafe { (Value::from_raw_word(w), Value::clone_raw_word(w)) };
            assert!(back.is(&v) && copy.is(&v));
            // SAFETY: a tagged word passed as a pointer comes back as is.
            let again = unsafe { Value::clone_from_header(NonNull::new_unchecked(w as *mut ObjHeader)) };
            assert!(again.is(&v));
        }
    }
}

/// The double in a tagged-float word other than `+0.0`'s: bits 1..0 go
/// back to the two top exponent bits (`01` when bit 60 of the double, now
/// bit 63 of the word, is 1; `10` when it is 0).
#[inline(always)]
fn decode_nonzero_float(w: usize) -> f64 {
    let w = w as u64;
    f64::from_bits(((w & !3) | (2 - (w >> 63))).rotate_right(3))
}
