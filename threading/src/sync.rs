//! The one place where concurrency primitives are named.
//!
//! Every atomic, lock, condition variable, `UnsafeCell`, thread spawn and
//! thread-local used by a concurrency protocol in Skein must be imported from
//! here, never from `std` directly. Under `--cfg loom` this module swaps in
//! loom's mock types so that `loom::model` sees (and can reorder) every racy
//! operation; code that bypasses this module is invisible to the model.
//!
//! What you get under both configurations, with the same names and the same
//! call syntax:
//!
//! | name | normal build | `cfg(loom)` |
//! |------|--------------|-------------|
//! | `AtomicBool`, `AtomicU8`..`AtomicU64`, `AtomicUsize`, `AtomicIsize`, `AtomicPtr`, `Ordering`, `fence` | `std::sync::atomic` | `loom::sync::atomic` |
//! | `Arc` | `std::sync::Arc` | `loom::sync::Arc` |
//! | `Mutex`, `MutexGuard`, `Condvar`, `WaitTimeoutResult` | `parking_lot` (no poisoning, `lock()` returns the guard, `Condvar::wait(&mut guard)`) | a thin wrapper over loom's with the parking_lot call syntax |
//! | `spawn`, `yield_now`, `JoinHandle` | `std::thread` | `loom::thread` |
//! | `UnsafeCell` (`new`, `with`, `with_mut`, `into_inner`) | a `#[repr(transparent)]` wrapper over `core::cell::UnsafeCell` | `loom::cell::UnsafeCell` |
//! | `spin_loop_hint()` | `std::hint::spin_loop` | `loom::thread::yield_now` (a spin loop must yield for loom to make progress) |
//! | `thread_local!` | `std::thread_local!` | `loom::thread_local!` |
//!
//! Differences to keep in mind:
//! - Constructors are `const fn` only in the normal build (`Mutex::new`,
//!   `Condvar::new`, atomics, `UnsafeCell::new`), so statics must be built with
//!   `loom::lazy_static!` under loom.
//! - The return values of `Condvar::notify_one` / `notify_all` are not part of
//!   the shim (loom does not report them); do not use them.
//! - Under loom, `Condvar::wait_for` does not sleep: it releases the lock,
//!   yields and reports a time-out. That models "the timer may fire at any
//!   moment", which is exactly what a timed wait promises.
//! - `thread_local!` under loom does not accept std's `const { .. }`
//!   initialiser; declare such thread-locals twice, one per configuration.

#[cfg(not(loom))]
mod imp {
    pub use parking_lot::{Condvar, Mutex, MutexGuard, WaitTimeoutResult};
    pub use std::sync::atomic::{
        fence, AtomicBool, AtomicIsize, AtomicPtr, AtomicU16, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering,
    };
    pub use std::sync::Arc;
    pub use std::thread::{spawn, yield_now, JoinHandle};
    pub use std::thread_local;

    /// Tell the CPU we are in a spin-wait loop.
    #[inline(always)]
    pub fn spin_loop_hint() {
        std::hint::spin_loop();
    }

    /// `core::cell::UnsafeCell` with loom's closure-based access API.
    ///
    /// Accessing the data only through `with` / `with_mut` lets the same code
    /// run under loom, which checks that no `with_mut` overlaps another access.
    #[repr(transparent)]
    #[derive(Debug, Default)]
    pub struct UnsafeCell<T: ?Sized>(core::cell::UnsafeCell<T>);

    impl<T> UnsafeCell<T> {
        /// Wrap `value`.
        #[inline(always)]
        pub const fn new(value: T) -> Self {
            UnsafeCell(core::cell::UnsafeCell::new(value))
        }

        /// Unwrap the value.
        #[inline(always)]
        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }

    impl<T: ?Sized> UnsafeCell<T> {
        /// Run `f` with a shared raw pointer to the contents. The caller's
        /// protocol must guarantee that no `with_mut` access overlaps it.
        #[inline(always)]
        pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
            f(self.0.get())
        }

        /// Run `f` with an exclusive raw pointer to the contents. The caller's
        /// protocol must guarantee that no other access overlaps it.
        #[inline(always)]
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }
    }
}

#[cfg(loom)]
mod imp {
    use std::ops::{Deref, DerefMut};
    use std::sync::PoisonError;
    use std::time::Duration;

    pub use loom::cell::UnsafeCell;
    pub use loom::sync::atomic::{
        fence, AtomicBool, AtomicIsize, AtomicPtr, AtomicU16, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering,
    };
    pub use loom::sync::Arc;
    pub use loom::thread::{spawn, yield_now, JoinHandle};
    pub use loom::thread_local;

    /// Under loom a spin loop must yield so the scheduler runs someone else.
    #[inline(always)]
    pub fn spin_loop_hint() {
        loom::thread::yield_now();
    }

    /// loom's mutex with parking_lot's call syntax (no poisoning).
    #[derive(Debug)]
    pub struct Mutex<T>(loom::sync::Mutex<T>);

    /// Guard of [`Mutex`]. The inner guard is an `Option` only so that
    /// [`Condvar::wait`] can move it out and back through `&mut`.
    pub struct MutexGuard<'a, T> {
        mutex: &'a Mutex<T>,
        inner: Option<loom::sync::MutexGuard<'a, T>>,
    }

    impl<T> Mutex<T> {
        /// Wrap `value`.
        pub fn new(value: T) -> Self {
            Mutex(loom::sync::Mutex::new(value))
        }

        /// Block until the lock is held.
        pub fn lock(&self) -> MutexGuard<'_, T> {
            let inner = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            MutexGuard { mutex: self, inner: Some(inner) }
        }

        /// Take the lock if it is free.
        pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
            let inner = self.0.try_lock().ok()?;
            Some(MutexGuard { mutex: self, inner: Some(inner) })
        }
    }

    impl<T: Default> Default for Mutex<T> {
        fn default() -> Self {
            Mutex::new(T::default())
        }
    }

    impl<T> Deref for MutexGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            self.inner.as_ref().expect("guard always holds the lock outside wait")
        }
    }

    impl<T> DerefMut for MutexGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            self.inner.as_mut().expect("guard always holds the lock outside wait")
        }
    }

    /// Result of [`Condvar::wait_for`].
    #[derive(Debug, Clone, Copy)]
    pub struct WaitTimeoutResult(bool);

    impl WaitTimeoutResult {
        /// Whether the wait ended because the time ran out.
        pub fn timed_out(self) -> bool {
            self.0
        }
    }

    /// loom's condition variable with parking_lot's call syntax.
    #[derive(Debug, Default)]
    pub struct Condvar(loom::sync::Condvar);

    impl Condvar {
        /// A condition variable with no waiters.
        pub fn new() -> Self {
            Condvar(loom::sync::Condvar::new())
        }

        /// Release the lock, wait for a notification, take the lock again.
        pub fn wait<T>(&self, guard: &mut MutexGuard<'_, T>) {
            let inner = guard.inner.take().expect("guard holds the lock");
            let inner = self.0.wait(inner).unwrap_or_else(PoisonError::into_inner);
            guard.inner = Some(inner);
        }

        /// A timed wait. loom has no clock, so this models the timer firing
        /// right away: release the lock, let another thread run, retake it.
        pub fn wait_for<T>(&self, guard: &mut MutexGuard<'_, T>, _timeout: Duration) -> WaitTimeoutResult {
            drop(guard.inner.take());
            loom::thread::yield_now();
            let inner = guard.mutex.0.lock().unwrap_or_else(PoisonError::into_inner);
            guard.inner = Some(inner);
            WaitTimeoutResult(true)
        }

        /// Wake one waiter.
        pub fn notify_one(&self) {
            self.0.notify_one();
        }

        /// Wake every waiter.
        pub fn notify_all(&self) {
            self.0.notify_all();
        }
    }
}

pub use imp::*;
