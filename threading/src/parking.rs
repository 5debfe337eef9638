//! Parking threads on an address (a tiny facade over `parking_lot_core`).
//!
//! `park(key, validate)` puts the calling thread to sleep in the queue for
//! `key` if `validate()` still holds; `unpark_one(key, callback)` wakes one
//! thread from that queue and hands it the token `callback` returns. Both
//! run `validate` / `callback` with the queue for `key` locked, which is what
//! makes "check the lock word, then sleep" atomic with respect to "change the
//! lock word, then wake": a waker cannot slip between a waiter's check and
//! its sleep.
//!
//! The normal build uses `parking_lot_core`'s global hash table of queues.
//! Under loom the same interface is a single queue behind a loom `Mutex` and
//! `Condvar`, so a lost wake-up in a caller's protocol shows up as a
//! deadlock in the model.
//!
//! Rules for callers: `validate` and `callback` must not panic and must not
//! park or unpark (they run with a queue lock held). Use keys that are
//! addresses of your own data, so no other user of the parking lot shares
//! the queue.

/// What `unpark_one` found, passed to its callback.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnparkInfo {
    /// A thread was taken from the queue and is about to wake.
    pub(crate) unparked: bool,
    /// Threads are still parked on the key after this one.
    pub(crate) have_more: bool,
    /// Hint, true about every 0.5 ms per key: hand the lock over directly
    /// instead of letting the woken thread race for it, to bound unfairness.
    pub(crate) be_fair: bool,
}

#[cfg(not(loom))]
mod imp {
    use super::UnparkInfo;
    use parking_lot_core::{ParkResult, UnparkToken, DEFAULT_PARK_TOKEN};

    pub(crate) fn park(key: usize, validate: impl FnOnce() -> bool) -> Option<usize> {
        // SAFETY: callers use the address of their own data as `key` (module
        // doc), and `validate` only loads an atomic: it neither panics nor
        // calls into the parking lot. `before_sleep` and `timed_out` do
        // nothing, and there is no timeout.
        let result = unsafe { parking_lot_core::park(key, validate, || {}, |_, _| {}, DEFAULT_PARK_TOKEN, None) };
        match result {
            ParkResult::Unparked(UnparkToken(token)) => Some(token),
            ParkResult::Invalid | ParkResult::TimedOut => None,
        }
    }

    pub(crate) fn unpark_one(key: usize, callback: impl FnOnce(UnparkInfo) -> usize) {
        // SAFETY: `key` is the caller's own address, and `callback` only
        // stores an atomic: it neither panics nor calls into the parking lot.
        unsafe {
            parking_lot_core::unpark_one(key, |result| {
                UnparkToken(callback(UnparkInfo {
                    unparked: result.unparked_threads > 0,
                    have_more: result.have_more_threads,
                    be_fair: result.be_fair,
                }))
            });
        }
    }
}

#[cfg(loom)]
mod imp {
    use super::UnparkInfo;
    use crate::sync::{Condvar, Mutex};

    #[derive(Default)]
    struct Lot {
        /// Parked threads, oldest first: (key, ticket).
        parked: Vec<(usize, usize)>,
        /// Woken threads that have not noticed yet: (ticket, token).
        woken: Vec<(usize, usize)>,
        next_ticket: usize,
        /// Alternates `be_fair` so models cover both unlock paths.
        unparks: usize,
    }

    struct Shared {
        lot: Mutex<Lot>,
        wake: Condvar,
    }

    fn shared() -> &'static Shared {
        loom::lazy_static! {
            static ref SHARED: Shared = Shared {
                lot: Mutex::new(Lot::default()),
                wake: Condvar::new(),
            };
        }
        &SHARED
    }

    pub(crate) fn park(key: usize, validate: impl FnOnce() -> bool) -> Option<usize> {
        let shared = shared();
        let mut lot = shared.lot.lock();
        if !validate() {
            return None;
        }
        let ticket = lot.next_ticket;
        lot.next_ticket += 1;
        lot.parked.push((key, ticket));
        loop {
            if let Some(i) = lot.woken.iter().position(|&(t, _)| t == ticket) {
                return Some(lot.woken.swap_remove(i).1);
            }
            shared.wake.wait(&mut lot);
        }
    }

    pub(crate) fn unpark_one(key: usize, callback: impl FnOnce(UnparkInfo) -> usize) {
        let shared = shared();
        let mut lot = shared.lot.lock();
        let found = lot.parked.iter().position(|&(k, _)| k == key);
        let ticket = found.map(|i| lot.parked.remove(i).1);
        let have_more = ticket.is_some() && lot.parked.iter().any(|&(k, _)| k == key);
        let be_fair = lot.unparks % 2 == 1;
        lot.unparks += 1;
        let token = callback(UnparkInfo { unparked: ticket.is_some(), have_more, be_fair });
        if let Some(ticket) = ticket {
            lot.woken.push((ticket, token));
            shared.wake.notify_all();
        }
    }
}

pub(crate) use imp::{park, unpark_one};
