//! An instance's attribute values, stored by index into its class's shared
//! layout (`types/shared_keys.rs`) instead of in a `__dict__`: CPython
//! 3.11's inline values.
//!
//! The instance holds one word, `block`:
//! - `0` (fresh): no attribute stored yet and no dict;
//! - a pointer to a [`Block`] (inline mode): the value of the layout's name
//!   `i` is word `i` of the block (0 = absent);
//! - [`DICT_MODE`]: the instance keeps its attributes in its `__dict__`
//!   (`InstanceExt::dict`) for good. An instance moves there when something
//!   needs a real dict (`obj.__dict__`, `vars()`, a deletion, a name the
//!   layout cannot hold, `__dict__` or `__class__` assignment).
//!
//! Writers (stores, growing the block, leaving inline mode) hold the
//! instance's lock ([`LfState`]). Readers load `block` and the value word
//! without it and count the value, as the lock-free containers do
//! (`lockfree.rs`), and for the same reasons that is sound:
//! - A replaced value is released through QSBR when the instance is shared
//!   (a thread other than its creator has used it), at once otherwise (then
//!   the only lock-free reader is the writer itself).
//! - A replaced block (grown, or left for a dict) is freed the same way, so
//!   a reader still holding its pointer reads valid memory; the values it
//!   finds there are alive: moved ones are owned by the new block, and a
//!   block left for a dict keeps its own references until it is freed.
//! - Leaving inline mode publishes the dict (Release) before `block`
//!   becomes [`DICT_MODE`] (Release): a reader that sees `DICT_MODE`
//!   (Acquire) finds the dict. A reader that still sees the old block reads
//!   the values as they were just before (a linearisable snapshot).
//! - Stores check the mode under the lock, so no store lands in a block
//!   after its values were copied to the dict.
//! - A detached thread is not covered by QSBR and reads under the lock.
//!
//! `__slots__` members are words of their own array, read and written the
//! same way (a member descriptor's index picks the word).
//!
//! The block also records the order in which names were first stored
//! (one byte per index), so a dict made from it iterates in the instance's
//! own insertion order, as CPython's does.
#![allow(unsafe_code)]

use skein_threading::qsbr;
use skein_threading::sync::{AtomicUsize, Ordering};

use super::lockfree::{clone_word, from_word, into_word, release_replaced, LfGuard, LfState};
use crate::types::shared_keys::{SharedKeys, MAX_KEYS};
use crate::value::Value;

/// `block` of an instance whose attributes live in its `__dict__`.
const DICT_MODE: usize = 1;

/// Header words: capacity, layout pointer, number of names in the order.
const HEADER: usize = 3;

fn block_words(cap: usize) -> usize {
    HEADER + cap + cap.div_ceil(8)
}

/// A view of a block: `HEADER` words, then `cap` value words, then the
/// insertion order packed eight indices to a word. Every word is atomic:
/// readers load value words while a writer (under the lock) stores them.
#[derive(Clone, Copy)]
struct Block(*const AtomicUsize);

impl Block {
    /// A new empty block for `keys` with room for `cap` values.
    fn alloc(keys: &SharedKeys, cap: usize) -> Block {
        let v: Vec<AtomicUsize> = (0..block_words(cap)).map(|_| AtomicUsize::new(0)).collect();
        let p = Box::into_raw(v.into_boxed_slice()) as *const AtomicUsize;
        let b = Block(p);
        b.word(0).store(cap, Ordering::Relaxed);
        b.word(1).store(keys as *const SharedKeys as usize, Ordering::Relaxed);
        b
    }

    #[inline(always)]
    fn word(self, i: usize) -> &'static AtomicUsize {
        // SAFETY: callers index below `block_words(cap)`; the block is
        // alive while its pointer is reachable from the instance or a
        // reader is within its QSBR grace period (module doc). The
        // 'static is never stored.
        unsafe { &*self.0.add(i) }
    }

    #[inline(always)]
    fn cap(self) -> usize {
        self.word(0).load(Ordering::Relaxed)
    }

    fn keys(self) -> &'static SharedKeys {
        // SAFETY: the layout is boxed inside the instance's type, which
        // outlives the instance; a block never outlives its instance's
        // type (a `__class__` assignment leaves inline mode first).
        unsafe { &*(self.word(1).load(Ordering::Relaxed) as *const SharedKeys) }
    }

    #[inline(always)]
    fn value(self, i: usize) -> &'static AtomicUsize {
        self.word(HEADER + i)
    }

    fn order_len(self) -> usize {
        self.word(2).load(Ordering::Relaxed)
    }

    fn order_at(self, k: usize) -> usize {
        let w = self.word(HEADER + self.cap() + k / 8).load(Ordering::Relaxed);
        (w >> ((k % 8) * 8)) & 0xff
    }

    /// Appends `index` to the insertion order (under the lock).
    fn push_order(self, index: usize) {
        let k = self.order_len();
        let slot = self.word(HEADER + self.cap() + k / 8);
        let w = slot.load(Ordering::Relaxed) | (index << ((k % 8) * 8));
        slot.store(w, Ordering::Relaxed);
        self.word(2).store(k + 1, Ordering::Relaxed);
    }

    /// The indices of the stored names, in insertion order.
    fn order(self) -> impl Iterator<Item = usize> {
        (0..self.order_len()).map(move |k| self.order_at(k))
    }

    /// Frees the memory (not the values).
    ///
    /// # Safety
    /// No thread can reach the block any more, and it is freed once.
    unsafe fn free(self) {
        let n = block_words(self.cap());
        let s = std::ptr::slice_from_raw_parts_mut(self.0 as *mut AtomicUsize, n);
        // SAFETY: the boxed slice made in `alloc`, of that length.
        drop(unsafe { Box::from_raw(s) });
    }

    /// Releases the values it owns, then the memory.
    ///
    /// # Safety
    /// As [`Block::free`]; its value words are references it owns.
    unsafe fn drop_all(self) {
        for i in 0..self.cap() {
            let w = self.value(i).swap(0, Ordering::Relaxed);
            if w != 0 {
                // SAFETY: the block's own reference, released once.
                drop(unsafe { from_word(w) });
            }
        }
        // SAFETY: forwarded contract.
        unsafe { self.free() };
    }
}

/// # Safety
/// `arg` is a block pointer handed to QSBR by `retire` with `values`.
unsafe fn run_drop_all(arg: *mut ()) {
    // SAFETY: the grace period is over; nobody reaches the block.
    unsafe { Block(arg as *const AtomicUsize).drop_all() }
}

/// # Safety
/// `arg` is a block pointer handed to QSBR by `retire` without `values`.
unsafe fn run_free(arg: *mut ()) {
    // SAFETY: as `run_drop_all`; its values moved to another block.
    unsafe { Block(arg as *const AtomicUsize).free() }
}

/// Gets rid of a block no longer reachable from its instance, with its
/// values (`values`) or without (they moved). Call after unlocking.
fn retire(b: Block, values: bool, shared: bool) {
    if shared {
        let run = if values { run_drop_all } else { run_free };
        // SAFETY: the block is unreachable from the instance; readers that
        // loaded it before are done once the grace period is over, and the
        // deferred function runs once.
        unsafe { qsbr::defer(run, b.0 as *mut (), block_words(b.cap()) * 8) };
    } else if values {
        // SAFETY: unshared: the only lock-free reader is this thread.
        unsafe { b.drop_all() };
    } else {
        // SAFETY: as above.
        unsafe { b.free() };
    }
}

/// What [`InlineValues::load`] found.
pub enum Load {
    Hit(Value),
    /// Inline mode (or fresh) and no value at that index.
    Missing,
    /// The instance keeps its attributes in its `__dict__`.
    Dict,
}

pub struct InlineValues {
    block: AtomicUsize,
    /// `__slots__` values (0 = unset), by member index: read and written
    /// like the block's words, under the same lock.
    slots: Box<[AtomicUsize]>,
    lf: LfState,
}

impl Drop for InlineValues {
    fn drop(&mut self) {
        for s in self.slots.iter() {
            let w = s.swap(0, Ordering::Acquire);
            if w != 0 {
                // SAFETY: the instance is being destroyed; its own reference.
                drop(unsafe { from_word(w) });
            }
        }
        let b = self.block.swap(0, Ordering::Acquire);
        if b > DICT_MODE {
            // SAFETY: the instance is being destroyed: nobody else reaches
            // the block.
            unsafe { Block(b as *const AtomicUsize).drop_all() };
        }
    }
}

impl InlineValues {
    pub fn new(slot_count: usize) -> InlineValues {
        InlineValues {
            block: AtomicUsize::new(0),
            slots: (0..slot_count).map(|_| AtomicUsize::new(0)).collect(),
            lf: LfState::new(),
        }
    }

    /// How many `__slots__` members the instance has.
    pub fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// The value of `__slots__` member `index`, if set.
    #[inline]
    pub fn slot_get(&self, index: usize) -> Option<Value> {
        let s = self.slots.get(index)?;
        if !self.lf.lockfree_ok() {
            return self.slot_get_locked(s);
        }
        // Acquire: pairs with `slot_swap`'s swap.
        let w = s.load(Ordering::Acquire);
        // SAFETY: the slot's reference, or one whose release is deferred
        // past this attached thread's next quiescent state (or, unshared,
        // done only by this thread).
        (w != 0).then(|| unsafe { clone_word(w) })
    }

    #[cold]
    fn slot_get_locked(&self, s: &AtomicUsize) -> Option<Value> {
        let g = self.lf.lock_read();
        let w = s.load(Ordering::Acquire);
        // SAFETY: under the lock the word is the slot's live reference.
        let v = (w != 0).then(|| unsafe { clone_word(w) });
        drop(g);
        v
    }

    /// Sets (`Some`) or clears (`None`) `__slots__` member `index`;
    /// `None` if there is no such member, else whether it was set.
    #[inline(always)]
    pub fn slot_swap(&self, index: usize, v: Option<Value>) -> Option<bool> {
        let s = self.slots.get(index)?;
        let g = self.lf.lock_write();
        // Release: the value's contents before its word.
        let old = s.swap(v.map_or(0, into_word), Ordering::AcqRel);
        let shared = g.shared;
        drop(g);
        if old != 0 {
            // SAFETY: the slot's reference to the replaced value.
            release_replaced(unsafe { from_word(old) }, shared);
        }
        Some(old != 0)
    }

    /// Whether the instance has moved to its `__dict__`.
    #[inline]
    pub fn is_dict_mode(&self) -> bool {
        self.block.load(Ordering::Acquire) == DICT_MODE
    }

    /// The value at layout index `index`.
    #[inline]
    pub fn load(&self, index: usize) -> Load {
        if !self.lf.lockfree_ok() {
            return self.load_locked(index);
        }
        // Acquire: pairs with the Release publishing a block or DICT_MODE.
        let b = self.block.load(Ordering::Acquire);
        // SAFETY: a block loaded from the instance stays valid while this
        // attached thread does not reach a quiescent state (module doc).
        unsafe { Self::load_from(b, index) }
    }

    /// # Safety
    /// `b` is the instance's `block` word, loaded under the lock or by an
    /// attached thread allowed to read lock-free.
    #[inline(always)]
    unsafe fn load_from(b: usize, index: usize) -> Load {
        if b <= DICT_MODE {
            return if b == 0 { Load::Missing } else { Load::Dict };
        }
        let blk = Block(b as *const AtomicUsize);
        if index >= blk.cap() {
            return Load::Missing;
        }
        // Acquire: pairs with the store's swap, so the value is complete.
        let w = blk.value(index).load(Ordering::Acquire);
        if w == 0 {
            return Load::Missing;
        }
        // SAFETY: the word is a reference owned by the block or one whose
        // release QSBR (or, unshared, this thread) has not done yet.
        Load::Hit(unsafe { clone_word(w) })
    }

    #[cold]
    fn load_locked(&self, index: usize) -> Load {
        let g = self.lf.lock_read();
        let b = self.block.load(Ordering::Acquire);
        // SAFETY: under the lock no writer changes the block or its words.
        let r = unsafe { Self::load_from(b, index) };
        drop(g);
        r
    }

    /// Whether the instance has neither stored an attribute nor a dict.
    pub fn is_fresh(&self) -> bool {
        self.block.load(Ordering::Acquire) == 0
    }

    /// Whether the instance (in inline mode) has a value at `index`; no
    /// count is taken. `None` in dict mode.
    #[inline]
    pub fn has(&self, index: usize) -> Option<bool> {
        if !self.lf.lockfree_ok() {
            return match self.load_locked(index) {
                Load::Hit(_) => Some(true),
                Load::Missing => Some(false),
                Load::Dict => None,
            };
        }
        // Acquire: as in `load`; the block stays valid as there.
        let b = self.block.load(Ordering::Acquire);
        if b <= DICT_MODE {
            return if b == 0 { Some(false) } else { None };
        }
        let blk = Block(b as *const AtomicUsize);
        Some(index < blk.cap() && blk.value(index).load(Ordering::Relaxed) != 0)
    }

    /// Stores `value` at layout index `index` of `keys` (the instance's
    /// class's layout); `Err(value)` back when the instance is in dict mode.
    #[inline(always)]
    pub fn store(&self, keys: &SharedKeys, index: usize, value: Value) -> Result<(), Value> {
        let g = self.lf.lock_write();
        let b = self.block.load(Ordering::Relaxed);
        if b == DICT_MODE {
            drop(g);
            return Err(value);
        }
        let blk = if b != 0 && index < Block(b as *const AtomicUsize).cap() {
            Block(b as *const AtomicUsize)
        } else {
            self.grow(&g, keys, b, index)
        };
        // Release: the value's contents before its word (readers Acquire).
        let old = blk.value(index).swap(into_word(value), Ordering::AcqRel);
        if old == 0 {
            blk.push_order(index);
        }
        let shared = g.shared;
        drop(g);
        if old != 0 {
            // SAFETY: the block's reference to the replaced value, given up.
            release_replaced(unsafe { from_word(old) }, shared);
        }
        Ok(())
    }

    /// A block with room for `index` replacing `b` (0 or a block), the
    /// values and order moved over. Under the lock.
    #[cold]
    fn grow(&self, g: &LfGuard<'_>, keys: &SharedKeys, b: usize, index: usize) -> Block {
        let cap = keys.len().max(index + 1).max(4).min(MAX_KEYS);
        let new = Block::alloc(keys, cap);
        if b != 0 {
            let old = Block(b as *const AtomicUsize);
            for i in 0..old.cap() {
                new.value(i).store(old.value(i).load(Ordering::Relaxed), Ordering::Relaxed);
            }
            for k in old.order() {
                new.push_order(k);
            }
            // Release: the copied words before the block's pointer.
            self.block.store(new.0 as usize, Ordering::Release);
            retire(old, false, g.shared);
        } else {
            self.block.store(new.0 as usize, Ordering::Release);
        }
        new
    }

    /// Moves the instance to dict mode for good: `publish` receives the
    /// attributes in insertion order (new references) and must make them
    /// the instance's dict without running Python code. Does nothing if the
    /// instance is in dict mode already.
    pub fn to_dict_mode(&self, publish: impl FnOnce(Vec<(Value, Value)>)) {
        if self.is_dict_mode() {
            return;
        }
        let g = self.lf.lock_write();
        let b = self.block.load(Ordering::Relaxed);
        if b == DICT_MODE {
            return;
        }
        let mut items = Vec::new();
        if b != 0 {
            let blk = Block(b as *const AtomicUsize);
            let keys = blk.keys();
            for i in blk.order() {
                let w = blk.value(i).load(Ordering::Relaxed);
                // SAFETY: under the lock the word is the block's live
                // reference.
                items.push((keys.name_at(i), unsafe { clone_word(w) }));
            }
        }
        publish(items);
        // Release: the dict's publication before the mode change.
        self.block.store(DICT_MODE, Ordering::Release);
        let shared = g.shared;
        drop(g);
        if b != 0 {
            retire(Block(b as *const AtomicUsize), true, shared);
        }
    }

    /// Visits the values (for the collector, with the world stopped).
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for s in self.slots.iter() {
            let w = s.load(Ordering::Acquire);
            if w != 0 {
                // SAFETY: the slot's live reference, borrowed for the visit.
                let v = unsafe { super::lockfree::borrow_word(w) };
                visit(&v);
            }
        }
        let b = self.block.load(Ordering::Acquire);
        if b <= DICT_MODE {
            return;
        }
        let blk = Block(b as *const AtomicUsize);
        for i in 0..blk.cap() {
            let w = blk.value(i).load(Ordering::Acquire);
            if w != 0 {
                // SAFETY: the block's live reference, borrowed for the visit.
                let v = unsafe { super::lockfree::borrow_word(w) };
                visit(&v);
            }
        }
    }
}
