//! `Locked<T>`: mutable object state behind a one-byte per-object mutex.
//!
//! Every mutable field of a shared Python object lives in a `Locked` so that
//! any thread may touch it. The rule that keeps user code from deadlocking
//! the runtime: a guard is never held while calling back into Python code
//! (`__eq__`, `__hash__`, `__del__`, ...). Code that must call out copies
//! what it needs, drops the guard, calls, and re-validates afterwards.
#![allow(unsafe_code)]

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};

use skein_threading::obj_mutex::RawObjMutex;

pub struct Locked<T> {
    mutex: RawObjMutex,
    data: UnsafeCell<T>,
}

// SAFETY: access to `data` is serialised by `mutex` (see `lock`).
unsafe impl<T: Send> Sync for Locked<T> {}
// SAFETY: moving the cell moves the data; no thread can hold a guard then.
unsafe impl<T: Send> Send for Locked<T> {}

impl<T> Locked<T> {
    pub fn new(value: T) -> Self {
        Locked { mutex: RawObjMutex::new(), data: UnsafeCell::new(value) }
    }

    /// Locks the cell. Never call Python code while the guard lives.
    #[inline]
    pub fn lock(&self) -> LockedGuard<'_, T> {
        self.mutex.lock();
        LockedGuard { cell: self }
    }

    /// Exclusive access without locking, when we own the cell uniquely.
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }

    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

impl<T: Default> Default for Locked<T> {
    fn default() -> Self {
        Locked::new(T::default())
    }
}

pub struct LockedGuard<'a, T> {
    cell: &'a Locked<T>,
}

impl<T> Deref for LockedGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the mutex, so no other reference exists.
        unsafe { &*self.cell.data.get() }
    }
}

impl<T> DerefMut for LockedGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the mutex exclusively.
        unsafe { &mut *self.cell.data.get() }
    }
}

impl<T> Drop for LockedGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.mutex.unlock();
    }
}
