//! Module-level data becomes immortal when the first extra thread starts.
//!
//! Threads that read the same module-level table (`DATA[i]`, `TABLE[key]`,
//! `KEYS[j]`) otherwise change the reference counts of that list, that dict
//! and the strings inside them on every access: each `LOAD_GLOBAL` pushes a
//! new reference and each subscript drops one, atomic operations on one
//! cache line that every core then takes in turn. Two threads reading one
//! shared list ran slower than one thread.
//!
//! CPython 3.13t answers the same problem by making the objects every
//! thread touches immortal when the first extra thread starts (3.14t later
//! replaced that with deferred counting, which needs a collector that scans
//! thread stacks; Skein has none yet). Skein already makes module-level
//! functions, code, classes, modules and their dicts immortal; this module
//! adds the *data*: values of module globals whose exact type is `list`,
//! `dict`, `tuple`, `str`, `bytes`, `int` or `float`, and, two levels down,
//! the items, keys and values of such containers of the same types; the
//! same for the attributes of classes held in module globals. Once
//! immortal, a value read through `LOAD_GLOBAL` is cached per thread
//! (`interp/global_cache.rs`) and costs no count traffic at all.
//!
//! Why these types only: none of them can have a finalizer or a weak
//! reference, so the only visible effect is memory (and
//! `sys.getrefcount`): an object immortalized here lives until exit even
//! if the program drops it later. That leak is bounded by what module
//! globals held at that moment (at most `BUDGET` objects), and it happens
//! once per process, as in CPython 3.13t. Sets (weak-referenceable),
//! instances of classes (finalizers) and anything else keep normal counts.
//!
//! Safety of changing counts: `make_immortal` overwrites an object's count
//! words, which only the owner may do while other threads can touch the
//! object. It runs here only while the calling thread is the only
//! registered thread (checked), before the new thread exists, and only on
//! objects that thread owns whose shared count word is 0: no other thread
//! holds a counted reference and no biased-counting queue entry is pending
//! (a pending entry would later subtract from the immortal's shared word).
//! Objects in any other state keep normal counts.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::types::dict::{PyDict, DICT_TYPE};
use crate::types::float::FLOAT_TYPE;
use crate::types::int::INT_TYPE;
use crate::types::list::{PyList, LIST_TYPE};
use crate::types::module::PyModule;
use crate::types::small::BYTES_TYPE;
use crate::types::str::STR_TYPE;
use crate::types::tuple::{PyTuple, TUPLE_TYPE};
use crate::types::type_::PyType;
use crate::value::Value;

/// Set once the first thread start has been seen (whether or not it walked).
static DONE: AtomicBool = AtomicBool::new(false);

/// At most this many objects are made immortal.
const BUDGET: usize = 1 << 17;

/// Module globals are level 0; items of their containers level 1, items of
/// those level 2.
const MAX_LEVEL: u32 = 2;

/// Called by the thread that is about to start another thread.
pub fn before_thread_start() {
    // Relaxed: only the flag itself matters; the walk below is ordered
    // before the new thread's first access by the thread spawn.
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    if skein_threading::registry::thread_count() != 1 || !crate::vm::interp_ready() {
        return;
    }
    let mut budget = BUDGET;
    for m in crate::vm::interp().modules.values() {
        let Some(m) = m.downcast_ref::<PyModule>() else { continue };
        if !is_immortal(&m.dict.to_value()) {
            continue;
        }
        for v in m.dict.values() {
            share(&v, 0, &mut budget);
            // Class attributes (`Config.TABLE`) are module-level data too.
            if let Some(t) = v.downcast_ref::<PyType>() {
                if is_immortal(&t.dict().to_value()) {
                    for cv in t.dict().values() {
                        share(&cv, 0, &mut budget);
                    }
                }
            }
            if budget == 0 {
                return;
            }
        }
    }
}

fn is_immortal(v: &Value) -> bool {
    v.header().is_some_and(|h| h.is_immortal())
}

/// Owned by the calling thread, nothing in the shared word (module doc).
fn privately_owned(v: &Value) -> bool {
    v.header().is_some_and(|h| h.owner_tid() == skein_threading::registry::current_tid() && h.ref_shared_word() == 0)
}

/// Makes `v` immortal if its type qualifies, then its items while the
/// budget and the level allow.
fn share(v: &Value, level: u32, budget: &mut usize) {
    if *budget == 0 || !v.is_object() || is_immortal(v) {
        return;
    }
    let leaf = v.is_exact(STR_TYPE.get())
        || v.is_exact(INT_TYPE.get())
        || v.is_exact(FLOAT_TYPE.get())
        || v.is_exact(BYTES_TYPE.get());
    let container = v.is_exact(LIST_TYPE.get()) || v.is_exact(DICT_TYPE.get()) || v.is_exact(TUPLE_TYPE.get());
    if (!leaf && !container) || !privately_owned(v) {
        return;
    }
    v.make_immortal();
    *budget -= 1;
    if leaf || level >= MAX_LEVEL {
        return;
    }
    let items: Vec<Value> = if let Some(l) = v.downcast_ref::<PyList>() {
        if l.len() > *budget {
            return;
        }
        l.snapshot()
    } else if let Some(d) = v.downcast_ref::<PyDict>() {
        if 2 * d.len() > *budget {
            return;
        }
        d.items().into_iter().flat_map(|(k, v)| [k, v]).collect()
    } else if let Some(t) = v.downcast_ref::<PyTuple>() {
        if t.items().len() > *budget {
            return;
        }
        t.items().to_vec()
    } else {
        return;
    };
    for item in &items {
        share(item, level + 1, budget);
    }
}
