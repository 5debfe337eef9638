//! `Value`: one machine word that is either a tagged small int or an owned
//! reference to a heap object.
//!
//! Layout of the word:
//! - low bit 1: a 63-bit signed integer stored in the upper 63 bits. Small
//!   ints never allocate and never touch a reference count, so `i + 1`,
//!   comparisons and `range` loops stay in registers.
//! - low bit 0: a non-null pointer to an object's `ObjHeader`; the `Value`
//!   owns one strong reference, released on drop. All count arithmetic lives
//!   in `skein_gc` (`incref`/`decref`); this file only decides *whether* a
//!   word is a reference.
//!
//! Invariants: an integer that fits in 63 bits is always represented tagged
//! (never as a heap `int` of exact type), so equality of two tagged words is
//! integer equality and a heap `int` is known to be big.
#![allow(unsafe_code)]

use std::mem::ManuallyDrop;
use std::num::NonZeroUsize;
use std::ptr::NonNull;

use skein_gc::{ObjHeader, ObjRef};

/// Smallest and largest integers that fit in a tagged word.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

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

    /// The header pointer, if this is an object.
    #[inline(always)]
    pub fn as_header_ptr(&self) -> Option<NonNull<ObjHeader>> {
        if self.is_small_int() {
            None
        } else {
            NonNull::new(self.0.get() as *mut ObjHeader)
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

    /// Converts into an owned `ObjRef`, or gives the int back.
    #[inline(always)]
    pub fn into_ref(self) -> Result<ObjRef, i64> {
        match self.as_header_ptr() {
            None => Err(self.small_int_unchecked()),
            Some(p) => {
                std::mem::forget(self);
                // SAFETY: the reference owned by `self` moves into the ObjRef.
                Ok(unsafe { ObjRef::from_raw(p) })
            }
        }
    }

    /// Makes the object immortal (no-op for ints): its count never changes
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
    /// or an immortal object -- so a cache can keep it without owning a
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
    /// # Safety
    /// `p` must point to a live object.
    #[inline(always)]
    pub unsafe fn clone_from_header(p: NonNull<ObjHeader>) -> Value {
        // SAFETY: forwarded contract: `p` is live.
        Value::from_ref(unsafe { ObjRef::clone_from_raw(p) })
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
        match self.as_small_int() {
            Some(i) => write!(f, "Value({i})"),
            None => write!(f, "Value({:#x})", self.0.get()),
        }
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
}
