//! Per-module import locks: CPython's `_ModuleLock` (importlib._bootstrap).
//!
//! A module is in `sys.modules` from the moment its body starts running.
//! Without a lock, a second thread importing it meanwhile would get the
//! half-initialised module and fail on a missing attribute. So the thread
//! that loads a module holds that module's lock until the body has run, and
//! a thread that finds the module in `sys.modules` while a load is under
//! way waits for the lock first (`wait_until_loaded`).
//!
//! Locks are re-entrant (a module may import itself through a cycle in the
//! same thread), and, as in CPython, a wait that would close a cycle of
//! threads each waiting for a module another one is loading is not a
//! deadlock: the waiter takes the partially initialised module instead
//! (a circular import across threads behaves like one within a thread).
//!
//! The table is one mutex for the whole process, touched only while some
//! import is loading: `LOADING` counts the locks held, so the import of an
//! already loaded module (`import json` inside a hot function) reads one
//! shared word and takes no lock. Waiters are detached, so they block
//! neither the GIL nor a stop-the-world, and they look for Ctrl-C.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use skein_threading::registry::BREAKER_SIGNAL;

use crate::vm::{PyResult, Vm};

/// Number of module locks currently held (loads under way).
static LOADING: AtomicUsize = AtomicUsize::new(0);
static TABLE: Mutex<Option<Table>> = Mutex::new(None);
/// Signalled whenever a lock is released.
static RELEASED: Condvar = Condvar::new();

#[derive(Default)]
struct Table {
    /// Module name -> (thread id of the loader, re-entry depth).
    owners: HashMap<String, (usize, u32)>,
    /// Thread id -> the module whose lock it waits for.
    waiting_for: HashMap<usize, String>,
}

impl Table {
    /// Whether `me` waiting for `name` would close a cycle of waits.
    fn would_deadlock(&self, me: usize, name: &str) -> bool {
        let mut module = name;
        // Each step moves to another thread; more steps than threads
        // waiting means a cycle that does not include us.
        for _ in 0..=self.waiting_for.len() {
            let Some(&(owner, _)) = self.owners.get(module) else { return false };
            if owner == me {
                return true;
            }
            match self.waiting_for.get(&owner) {
                Some(next) => module = next,
                None => return false,
            }
        }
        false
    }
}

fn table() -> MutexGuard<'static, Option<Table>> {
    // A panic while holding it cannot leave the maps inconsistent (each
    // update is a single insert or remove).
    TABLE.lock().unwrap_or_else(|p| p.into_inner())
}

/// The lock on one module, held by the thread loading it.
pub(crate) struct ModuleLock {
    name: String,
    tid: usize,
}

impl Drop for ModuleLock {
    fn drop(&mut self) {
        let mut guard = table();
        let t = guard.get_or_insert_with(Table::default);
        if let Some(entry) = t.owners.get_mut(&self.name) {
            if entry.0 == self.tid {
                entry.1 -= 1;
                if entry.1 == 0 {
                    t.owners.remove(&self.name);
                }
            }
        }
        drop(guard);
        LOADING.fetch_sub(1, Ordering::Release);
        RELEASED.notify_all();
    }
}

/// Takes the lock on `name` for loading it. `Ok(None)` when waiting would
/// deadlock (the caller proceeds without it, as CPython's callers that
/// accept a partially initialised module do).
pub(crate) fn acquire(vm: &mut Vm, name: &str) -> PyResult<Option<ModuleLock>> {
    let me = vm.thread.tid();
    let mut guard = table();
    loop {
        let t = guard.get_or_insert_with(Table::default);
        match t.owners.get_mut(name) {
            None => {
                t.owners.insert(name.to_string(), (me, 1));
                // Counted under the table lock, so a thread that reads 0
                // cannot miss a load that has already inserted its entry
                // and published the module (Acquire in `busy`).
                LOADING.fetch_add(1, Ordering::Release);
                return Ok(Some(ModuleLock { name: name.to_string(), tid: me }));
            }
            Some(entry) if entry.0 == me => {
                entry.1 += 1;
                LOADING.fetch_add(1, Ordering::Release);
                return Ok(Some(ModuleLock { name: name.to_string(), tid: me }));
            }
            Some(_) => {
                if t.would_deadlock(me, name) {
                    return Ok(None);
                }
                t.waiting_for.insert(me, name.to_string());
                // Detached while waiting (no GIL held, counts as stopped).
                // The table lock is held from the check above into the
                // wait, so a release in between cannot be missed.
                vm.thread.detach();
                let (mut g, _) =
                    RELEASED.wait_timeout(guard, crate::signals::SIGNAL_POLL).unwrap_or_else(|p| p.into_inner());
                g.get_or_insert_with(Table::default).waiting_for.remove(&me);
                // Never attach (which may wait for the GIL or a restart)
                // while holding the table lock.
                drop(g);
                vm.thread.attach();
                if vm.thread.breaker_bits() & BREAKER_SIGNAL != 0 {
                    crate::runtime::check_signals(vm)?;
                }
                guard = table();
            }
        }
    }
}

/// Whether any module is being loaded right now (one shared read).
#[inline]
pub(crate) fn busy() -> bool {
    LOADING.load(Ordering::Acquire) != 0
}

/// Waits until no other thread is loading `name` (CPython's
/// `_lock_unlock_module`), unless that would deadlock.
pub(crate) fn wait_until_loaded(vm: &mut Vm, name: &str) -> PyResult<()> {
    let owned_by_other = {
        let guard = table();
        let me = vm.thread.tid();
        guard.as_ref().and_then(|t| t.owners.get(name)).is_some_and(|&(owner, _)| owner != me)
    };
    if owned_by_other {
        drop(acquire(vm, name)?);
    }
    Ok(())
}
