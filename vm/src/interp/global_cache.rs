//! `LOAD_GLOBAL` through the per-thread inline caches.
//!
//! A global name is looked up in the frame's globals dict and then in its
//! builtins dict: two hash probes for every `len(...)` or `range(...)`. The
//! cache remembers the answer with the versions both dicts had (every
//! change to a dict moves its version), so while neither dict changes the
//! load is two atomic loads and two compares. Only values that need no
//! reference count (tagged ints and immortal objects: module-level
//! functions and classes, builtins, modules) are cached, and only for
//! immortal dicts (module dicts, the builtins), whose addresses are never
//! reused by another dict.

use crate::interp::frame::Frame;
use crate::interp::inline_cache::{cached_value, Entry, Slots};
use crate::value::Value;

/// The value of global `names[name]` in frame `f`, or `None` if it is
/// unbound. The hit path is small enough to inline into the dispatch loop;
/// the name is only indexed on a miss.
#[inline(always)]
pub fn load_global(slots: Slots, slot: usize, f: &Frame, names: &[Value], name: usize) -> Option<Value> {
    if let Entry::Global { globals, gver, bver, value } = slots.get(slot, 0) {
        let g = f.globals();
        if globals == g.header_ptr().as_ptr() as usize
            && g.version() == gver
            && (bver == u64::MAX || f.builtins().version() == bver)
        {
            return Some(cached_value(value));
        }
    }
    load_global_slow(slots, slot, f, &names[name])
}

/// The two dict lookups, filling the cache when the answer may be kept.
#[inline(never)]
fn load_global_slow(slots: Slots, slot: usize, f: &Frame, name: &Value) -> Option<Value> {
    let gaddr = f.globals().header_ptr().as_ptr() as usize;
    let gver = f.globals().version();
    let (v, bver) = match f.globals().get_str_value(name) {
        Some(v) => (v, u64::MAX),
        None => {
            let bver = f.builtins().version();
            (f.builtins().get_str_value(name)?, bver)
        }
    };
    let dicts_immortal = f.globals().as_obj_ref().header().is_immortal()
        && (bver == u64::MAX || f.builtins().as_obj_ref().header().is_immortal());
    if let (Some(value), true) = (v.immortal_word(), dicts_immortal) {
        slots.set(slot, 0, Entry::Global { globals: gaddr, gver, bver, value });
    }
    Some(v)
}
