//! `SwapCell`: one optional value that attached threads read without a
//! lock (an instance's `__dict__`).
//!
//! The cell owns one reference, published as a word (0 = empty). Readers
//! load the word and borrow the value; they never count it. That is sound
//! because the cell's reference is never released while a reader might
//! still hold the word:
//!
//! - Filling an empty cell is a compare-and-swap from 0 (Release, so the
//!   value's construction is visible to an Acquire load); the loser drops
//!   its own value and uses the winner's.
//! - Replacing (`obj.__dict__ = d`, rare) swaps the word and hands the old
//!   reference to QSBR (`lockfree::defer_drop`): it is released only once
//!   every attached thread has passed a quiescent state, so a reader that
//!   loaded the old word is done with it by then.
//! - A borrow ([`SwapCell::with`]) must not reach a quiescent state: the
//!   closure runs no Python code (which could pass an eval breaker).
//! - A thread that is not attached is not covered by QSBR, so it reads
//!   under the cell's mutex, which replacement also takes: the reference
//!   it counts then is the cell's current one.
#![allow(unsafe_code)]

use skein_threading::obj_mutex::RawObjMutex;
use skein_threading::qsbr;
use skein_threading::sync::{AtomicUsize, Ordering};

use super::lockfree::{borrow_word, clone_word, defer_drop, from_word, into_word};
use crate::value::Value;

pub struct SwapCell {
    word: AtomicUsize,
    /// Taken by replacements and by readers that are not attached.
    mutex: RawObjMutex,
}

impl Default for SwapCell {
    fn default() -> Self {
        SwapCell::new()
    }
}

impl Drop for SwapCell {
    fn drop(&mut self) {
        // The owning object is being destroyed: no thread can read the
        // cell any more, so its reference goes at once.
        let w = self.word.swap(0, Ordering::Acquire);
        if w != 0 {
            // SAFETY: the cell's own reference, released once.
            drop(unsafe { from_word(w) });
        }
    }
}

impl SwapCell {
    pub fn new() -> SwapCell {
        SwapCell { word: AtomicUsize::new(0), mutex: RawObjMutex::new() }
    }

    /// Runs `f` on the value, if any, without counting it. `f` must not
    /// run Python code or otherwise reach a quiescent state.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&Value) -> R) -> Option<R> {
        if qsbr::online_tid() == 0 {
            return self.get_locked().map(|v| f(&v));
        }
        // Acquire: pairs with the Release of `get_or_init`/`replace`.
        let w = self.word.load(Ordering::Acquire);
        if w == 0 {
            return None;
        }
        // SAFETY: `w` is the cell's reference or one whose release QSBR
        // defers past our next quiescent state, which `f` does not reach
        // (module doc); the view never releases it.
        let v = unsafe { borrow_word(w) };
        Some(f(&v))
    }

    /// A new reference to the value, if any.
    #[inline]
    pub fn get(&self) -> Option<Value> {
        self.with(Value::clone)
    }

    #[cold]
    fn get_locked(&self) -> Option<Value> {
        self.mutex.lock();
        let w = self.word.load(Ordering::Acquire);
        // SAFETY: under the mutex the word cannot be replaced, so it is the
        // cell's live reference.
        let v = (w != 0).then(|| unsafe { clone_word(w) });
        self.mutex.unlock();
        v
    }

    /// The value, made by `init` if the cell is empty (a new reference).
    #[inline]
    pub fn get_or_init(&self, init: impl FnOnce() -> Value) -> Value {
        if let Some(v) = self.get() {
            return v;
        }
        self.init_slow(init)
    }

    #[cold]
    fn init_slow(&self, init: impl FnOnce() -> Value) -> Value {
        let new = init();
        let out = new.clone();
        let w = into_word(new);
        // Release: the new value's contents before its word.
        match self.word.compare_exchange(0, w, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => out,
            Err(_) => {
                drop(out);
                // SAFETY: our word was never published; take it back.
                drop(unsafe { from_word(w) });
                self.get().unwrap_or_else(crate::types::singletons::none)
            }
        }
    }

    /// Replaces the value; the old one is released through QSBR (readers
    /// may still be borrowing it).
    pub fn replace(&self, v: Option<Value>) {
        let w = v.map_or(0, into_word);
        self.mutex.lock();
        let old = self.word.swap(w, Ordering::AcqRel);
        self.mutex.unlock();
        if old != 0 {
            // SAFETY: the cell's reference, given up here.
            defer_drop(unsafe { from_word(old) });
        }
    }
}
