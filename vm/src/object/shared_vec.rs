//! `SharedVec`: a list's items, readable without the lock.
//!
//! Layout: a published length and a published pointer to an *item array*
//! (one allocation: its capacity, then that many word slots, each 0 or the
//! word of a value the list owns). Readers load the length, the array, one
//! slot, and take a reference; writers lock (`lock()`, a [`ListGuard`]).
//!
//! Invariants (between writes; a write may break them transiently, which
//! readers tolerate):
//! - slots `0..len` of the current array hold the list's items, each
//!   reference exactly once; slots `len..cap` are 0;
//! - a word a reader can load from any array it can still reach is 0 or a
//!   reference that is alive until the reader's next quiescent state:
//!   either the list still owns it, or its release was deferred through
//!   QSBR when the list dropped it (shared lists; see `lockfree.rs`);
//! - an array that was ever published is freed through QSBR once the list
//!   is shared, at once otherwise.
//!
//! Publication order: a writer stores slots before the length that makes
//! them visible, and a new array before a larger length (Release); readers
//! load the length, then the array, then the slot (Acquire). A reader that
//! meets anything inconsistent (no array, index past the capacity, an
//! empty slot) retries under the lock.
//!
//! Concurrent readers may see a list mid-update (an item moved by an
//! insert seen twice, say), as CPython's free-threaded lists do; they never
//! see a freed item or array.
#![allow(unsafe_code)]

use std::alloc::{alloc, alloc_zeroed, dealloc, handle_alloc_error, realloc, Layout};
use std::ops::Deref;
use std::ptr::NonNull;

use skein_threading::qsbr;
use skein_threading::sync::{AtomicPtr, AtomicUsize, Ordering};

use super::lockfree::{borrow_word, clone_word, from_word, into_word, LfGuard, LfState, Removed};
use crate::value::Value;

/// Header of an item array; `cap` word slots follow it.
#[repr(C)]
struct ArrayHeader {
    cap: usize,
}

fn layout(cap: usize) -> Layout {
    let bytes = cap.checked_mul(8).and_then(|b| b.checked_add(std::mem::size_of::<ArrayHeader>()));
    match bytes.and_then(|b| Layout::from_size_align(b, 8).ok()) {
        Some(l) => l,
        None => handle_alloc_error(Layout::new::<ArrayHeader>()),
    }
}

/// A new zeroed array with `cap >= 1` slots.
fn alloc_array(cap: usize) -> NonNull<ArrayHeader> {
    let l = layout(cap);
    // SAFETY: the layout has a non-zero size (the header).
    let p = unsafe { alloc_zeroed(l) } as *mut ArrayHeader;
    let Some(p) = NonNull::new(p) else { handle_alloc_error(l) };
    // SAFETY: fresh allocation, large enough for the header.
    unsafe { p.as_ptr().write(ArrayHeader { cap }) };
    p
}

/// Array `a` grown to `cap` slots (more than it has), its slots kept and
/// the new ones zeroed; `a` is gone.
///
/// # Safety
/// `a` came from `alloc_array` (or this function) and no other thread can
/// read it (an unshared list's array, its owner writing under the lock).
unsafe fn grow_array_in_place(a: NonNull<ArrayHeader>, cap: usize) -> NonNull<ArrayHeader> {
    // SAFETY: forwarded contract; the header holds the old capacity.
    let old_cap = unsafe { (*a.as_ptr()).cap };
    let l = layout(cap);
    // SAFETY: `a` was allocated with `layout(old_cap)`, the new size is
    // non-zero and its layout valid (built by `layout`).
    let p = unsafe { realloc(a.as_ptr() as *mut u8, layout(old_cap), l.size()) } as *mut ArrayHeader;
    let Some(p) = NonNull::new(p) else { handle_alloc_error(l) };
    // SAFETY: the new block holds the header and `cap` slots; the first
    // `old_cap` slots were copied by `realloc`, the rest are zeroed here
    // before anyone reads them.
    unsafe {
        p.as_ptr().write(ArrayHeader { cap });
        let first = (p.as_ptr() as *mut u8).add(std::mem::size_of::<ArrayHeader>()) as *mut usize;
        std::ptr::write_bytes(first.add(old_cap), 0, cap - old_cap);
    }
    p
}

/// # Safety
/// `a` came from `alloc_array` and is freed once, when no thread can read
/// it any more.
unsafe fn free_array(a: NonNull<ArrayHeader>) {
    // SAFETY: forwarded contract; the header still holds the capacity.
    unsafe {
        let cap = (*a.as_ptr()).cap;
        dealloc(a.as_ptr() as *mut u8, layout(cap));
    }
}

/// The slots of array `a`.
///
/// # Safety
/// `a` must be an array that is alive for `'a` (current, or retired
/// through QSBR and the caller not past a quiescent state).
unsafe fn slots<'a>(a: NonNull<ArrayHeader>) -> &'a [AtomicUsize] {
    // SAFETY: forwarded contract; the slots follow the 8-byte header and
    // are zero-initialised words (AtomicUsize has usize's layout).
    unsafe {
        let cap = (*a.as_ptr()).cap;
        let first = (a.as_ptr() as *mut u8).add(std::mem::size_of::<ArrayHeader>()) as *const AtomicUsize;
        std::slice::from_raw_parts(first, cap)
    }
}

/// Deferred: free an array whose references moved elsewhere.
///
/// # Safety
/// `arg` is a retired array pointer, freed once.
unsafe fn run_free_array(arg: *mut ()) {
    // SAFETY: forwarded contract.
    unsafe { free_array(NonNull::new_unchecked(arg as *mut ArrayHeader)) };
}

/// Deferred: release every reference left in a retired array, then free it.
///
/// # Safety
/// `arg` is a retired array that still owns the references in its
/// non-zero slots, run once.
unsafe fn run_free_array_and_items(arg: *mut ()) {
    // SAFETY: forwarded contract: nobody can read the array any more.
    let a = unsafe { NonNull::new_unchecked(arg as *mut ArrayHeader) };
    // SAFETY: as above. A drop below may run Python code, but nothing can
    // reach this array, so it stays untouched until freed after the loop.
    for s in unsafe { slots(a) } {
        let w = s.load(Ordering::Relaxed);
        if w != 0 {
            // SAFETY: the array owned this reference and gives it up here.
            drop(unsafe { from_word(w) });
        }
    }
    // SAFETY: as above; its references are all released.
    unsafe { free_array(a) };
}

/// Retires array `a` (no longer published): through QSBR if the list is
/// shared, else freed now. `with_items`: the array still owns the
/// references in its non-zero slots.
fn retire(a: NonNull<ArrayHeader>, shared: bool, with_items: bool) {
    // In shared mode only readers that loaded `a` before it was unpublished
    // can still see it, and QSBR waits for them; in unshared mode no other
    // thread reads the list without the lock.
    if shared {
        // SAFETY: `a` is alive until the deferred free below runs.
        let bytes = layout(unsafe { (*a.as_ptr()).cap }).size();
        let run = if with_items { run_free_array_and_items } else { run_free_array };
        // SAFETY: `run` frees `a` once, from any thread, after the grace
        // period; dropping the items may run Python code, allowed there.
        unsafe { qsbr::defer(run, a.as_ptr() as *mut (), bytes) };
    } else if with_items {
        // SAFETY: see above; the list is not shared, so nobody else reads.
        unsafe { run_free_array_and_items(a.as_ptr() as *mut ()) };
    } else {
        // SAFETY: see above.
        unsafe { free_array(a) };
    }
}

/// A list's storage.
pub struct SharedVec {
    state: LfState,
    len: AtomicUsize,
    array: AtomicPtr<ArrayHeader>,
}

impl Default for SharedVec {
    fn default() -> Self {
        SharedVec::new(Vec::new())
    }
}

impl Drop for SharedVec {
    fn drop(&mut self) {
        // The list is being destroyed: no thread holds a reference to it,
        // so none can be reading it, and its items can go at once.
        let p = self.array.swap(std::ptr::null_mut(), Ordering::Acquire);
        if let Some(a) = NonNull::new(p) {
            // SAFETY: unpublished and unreachable (see above).
            unsafe { run_free_array_and_items(a.as_ptr() as *mut ()) };
        }
    }
}

/// An array holding `items` (capacity `cap >= items.len()`), or null,
/// and how many items it holds (an iterator shorter than its claimed
/// length leaves the rest of the slots 0).
fn array_of(items: impl IntoIterator<Item = Value>, cap: usize) -> (*mut ArrayHeader, usize) {
    if cap == 0 {
        return (std::ptr::null_mut(), 0);
    }
    let l = layout(cap);
    // SAFETY: the layout has a non-zero size (the header). The block is
    // written below (header, then every slot) before anyone reads it: the
    // slots are filled, not zeroed first, since nearly all get an item.
    let p = unsafe { alloc(l) } as *mut ArrayHeader;
    let Some(a) = NonNull::new(p) else { handle_alloc_error(l) };
    let mut n = 0;
    // SAFETY: fresh, unpublished, large enough for the header and `cap`
    // word slots; each slot is written once (an item's word or 0).
    unsafe {
        a.as_ptr().write(ArrayHeader { cap });
        let first = (a.as_ptr() as *mut u8).add(std::mem::size_of::<ArrayHeader>()) as *mut usize;
        for v in items.into_iter().take(cap) {
            first.add(n).write(into_word(v));
            n += 1;
        }
        std::ptr::write_bytes(first.add(n), 0, cap - n);
    }
    (a.as_ptr(), n)
}

impl SharedVec {
    pub fn new(items: Vec<Value>) -> SharedVec {
        SharedVec::from_exact(items)
    }

    /// A list's storage filled straight from `items` (no intermediate
    /// vector).
    #[inline]
    pub fn from_exact<I>(items: I) -> SharedVec
    where
        I: IntoIterator<Item = Value>,
        I::IntoIter: ExactSizeIterator,
    {
        let it = items.into_iter();
        let cap = it.len();
        let (a, n) = array_of(it, cap);
        SharedVec { state: LfState::new(), len: AtomicUsize::new(n), array: AtomicPtr::new(a) }
    }

    /// The number of items (one atomic load).
    #[inline]
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether writers defer frees (for tests).
    pub fn is_shared(&self) -> bool {
        self.state.is_shared()
    }

    /// Item `i`, without the lock when the calling thread may.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        let index = |n: usize| (i < n).then_some(i);
        match self.try_get(index) {
            Some(r) => r,
            None => self.get_locked(index),
        }
    }

    /// Item `i` counted from the end when negative (Python indexing), both
    /// against the same length.
    #[inline]
    pub fn get_signed(&self, i: i64) -> Option<Value> {
        let norm = |n: usize| crate::protocol::sequence::normalize_index(i, n);
        match self.try_get(norm) {
            Some(r) => r,
            None => self.get_locked(norm),
        }
    }

    /// The lock-free read: `None` means "retry under the lock". `index`
    /// maps the length to a position `< len`, or `None` (out of range).
    #[inline(always)]
    fn try_get(&self, index: impl Fn(usize) -> Option<usize>) -> Option<Option<Value>> {
        if !self.state.lockfree_ok() {
            return None;
        }
        let n = self.len.load(Ordering::Acquire);
        let Some(i) = index(n) else { return Some(None) };
        let a = NonNull::new(self.array.load(Ordering::Acquire))?;
        // SAFETY: `a` was published when we loaded it and we are attached
        // and inside no quiescent state, so QSBR keeps it alive (or the
        // list is unshared and we are its owner, the only writer that can
        // free it -- not now, as we are here).
        let s = unsafe { slots(a) };
        let w = s.get(i)?.load(Ordering::Acquire);
        if w == 0 {
            return None;
        }
        // SAFETY: a non-zero slot word is a reference alive until our next
        // quiescent state (module invariants).
        Some(Some(unsafe { clone_word(w) }))
    }

    /// Walks the items without the lock or counting, calling `f` on a
    /// borrowed view of each until it returns `Some(r)`: then `Some((i,
    /// r))`; `None` after the last item. `f` must not run Python code (the
    /// views are alive only until our next quiescent state). Whenever the
    /// walk cannot go on lock-free (not allowed, a slot being rewritten) it
    /// stops with `Some((i, false))`, and the caller carries on from item
    /// `i` the ordinary way. Like any lock-free read, it may see a list in
    /// the middle of a concurrent change.
    #[inline]
    pub fn scan(&self, mut f: impl FnMut(&Value) -> Option<bool>) -> Option<(usize, bool)> {
        if !self.state.lockfree_ok() {
            return Some((0, false));
        }
        let n = self.len.load(Ordering::Acquire);
        let Some(a) = NonNull::new(self.array.load(Ordering::Acquire)) else {
            return if n == 0 { None } else { Some((0, false)) };
        };
        // SAFETY: as in `try_get`: the array stays alive while we are
        // attached and not at a quiescent state.
        let s = unsafe { slots(a) };
        for i in 0..n {
            let Some(slot) = s.get(i) else { return Some((i, false)) };
            let w = slot.load(Ordering::Acquire);
            if w == 0 {
                return Some((i, false));
            }
            // SAFETY: a non-zero slot word is alive until our next
            // quiescent state (module invariants); `f` reaches none.
            let v = unsafe { borrow_word(w) };
            if let Some(r) = f(&v) {
                return Some((i, r));
            }
        }
        None
    }

    #[cold]
    fn get_locked(&self, index: impl Fn(usize) -> Option<usize>) -> Option<Value> {
        let g = self.lock_read();
        let i = index(g.len())?;
        g.get(i).cloned()
    }

    /// `append(v)`: one lock, and no removal buffer (nothing leaves).
    #[inline]
    pub fn append(&self, v: Value) {
        let g = self.state.lock_write();
        let n = self.len.load(Ordering::Relaxed);
        let a = match NonNull::new(self.array.load(Ordering::Relaxed)) {
            // SAFETY: the current array, alive while we hold the lock.
            Some(a) if n < unsafe { (*a.as_ptr()).cap } => a,
            _ => self.grow_locked(n + 1, g.shared),
        };
        // SAFETY: as above (a grown array is current too).
        let s = unsafe { slots(a) };
        s[n].store(into_word(v), Ordering::Release);
        // Release: the slot before the length that makes it visible.
        self.len.store(n + 1, Ordering::Release);
        drop(g);
    }

    /// `self[i] = v`, negative `i` counting from the end: one lock, and the
    /// old item released after unlocking (deferred if the list is shared).
    /// Gives `v` back if `i` is out of range.
    #[inline]
    pub fn store_signed(&self, i: i64, v: Value) -> Result<(), Value> {
        let g = self.state.lock_write();
        let n = self.len.load(Ordering::Relaxed);
        let Some(j) = crate::protocol::sequence::normalize_index(i, n) else {
            drop(g);
            return Err(v);
        };
        let Some(a) = NonNull::new(self.array.load(Ordering::Relaxed)) else {
            drop(g);
            return Err(v);
        };
        // SAFETY: the current array, alive while we hold the lock; `j <
        // len <= cap`.
        let old = unsafe { slots(a) }[j].swap(into_word(v), Ordering::AcqRel);
        let shared = g.shared;
        drop(g);
        // SAFETY: the list owned this reference and gave it up above.
        super::lockfree::release_replaced(unsafe { from_word(old) }, shared);
        Ok(())
    }

    /// `insert(i, v)`: `i` clamped to `0..=len` as `list.insert` does (a
    /// negative one counting from the end); one lock.
    pub fn insert_clamped(&self, i: i64, v: Value) {
        let g = self.state.lock_write();
        let n = self.len.load(Ordering::Relaxed);
        let at = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
        let a = match NonNull::new(self.array.load(Ordering::Relaxed)) {
            // SAFETY: the current array, alive while we hold the lock.
            Some(a) if n < unsafe { (*a.as_ptr()).cap } => a,
            _ => self.grow_locked(n + 1, g.shared),
        };
        // SAFETY: as above; `n < cap`.
        let s = unsafe { slots(a) };
        for k in (at..n).rev() {
            s[k + 1].store(s[k].load(Ordering::Relaxed), Ordering::Release);
        }
        s[at].store(into_word(v), Ordering::Release);
        self.len.store(n + 1, Ordering::Release);
        drop(g);
    }

    /// `pop(i)` (negative from the end); one lock. `Err(true)` if the list
    /// is empty, `Err(false)` if `i` is out of range.
    pub fn pop_signed(&self, i: i64) -> Result<Value, bool> {
        let g = self.state.lock_write();
        let n = self.len.load(Ordering::Relaxed);
        if n == 0 {
            return Err(true);
        }
        let Some(j) = crate::protocol::sequence::normalize_index(i, n) else { return Err(false) };
        let Some(a) = NonNull::new(self.array.load(Ordering::Relaxed)) else { return Err(false) };
        // SAFETY: the current array, alive while we hold the lock; `j < n
        // <= cap`.
        let s = unsafe { slots(a) };
        let w = s[j].load(Ordering::Relaxed);
        for k in j..n - 1 {
            s[k].store(s[k + 1].load(Ordering::Relaxed), Ordering::Release);
        }
        s[n - 1].store(0, Ordering::Release);
        self.len.store(n - 1, Ordering::Release);
        let shared = g.shared;
        drop(g);
        // SAFETY: the list owned this reference and gave it up above.
        let v = unsafe { from_word(w) };
        if shared {
            // A lock-free reader may still hold the word: the list's
            // reference goes after the grace period, the caller gets a new one.
            let out = v.clone();
            super::lockfree::defer_drop(v);
            Ok(out)
        } else {
            Ok(v)
        }
    }

    /// `self[a:b] = src` when `bounds(len)`, under the lock, gives a start
    /// `a` with `b - a == src.len()` (the usual reversal of a prefix): the
    /// items trade places, so afterwards `src` holds the replaced values,
    /// which the caller releases (deferred if this returns `Some(true)`,
    /// the list being shared). `None`, having done nothing, when `bounds`
    /// says no.
    pub fn swap_range(&self, bounds: impl FnOnce(usize) -> Option<usize>, src: &mut [Value]) -> Option<bool> {
        let g = self.state.lock_write();
        let n = self.len.load(Ordering::Relaxed);
        let start = bounds(n)?;
        if src.is_empty() {
            return Some(g.shared);
        }
        let a = NonNull::new(self.array.load(Ordering::Relaxed))?;
        // SAFETY: the current array, alive while we hold the lock.
        let s = unsafe { slots(a) };
        let range = s.get(start..start + src.len()).filter(|_| start + src.len() <= n)?;
        for (slot, v) in range.iter().zip(src.iter_mut()) {
            let old = slot.load(Ordering::Relaxed);
            // SAFETY: the list gives up the reference in `old`, whose slot
            // gets the new item's word right below.
            let new = std::mem::replace(v, unsafe { from_word(old) });
            slot.store(into_word(new), Ordering::Release);
        }
        let shared = g.shared;
        drop(g);
        Some(shared)
    }

    /// Runs `f` on the items under the lock, as one consistent state. `f`
    /// must not run Python code or drop values (cloning is fine): no
    /// removal buffer comes with this lock.
    #[inline]
    pub fn read<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        let g = self.state.lock_read();
        let n = self.len.load(Ordering::Relaxed);
        let items: &[Value] = match NonNull::new(self.array.load(Ordering::Relaxed)) {
            None => &[],
            // SAFETY: we hold the lock, so the current array is alive and
            // unchanged while `f` runs (writers lock); its first `len`
            // slots hold live values' words, and a slot has the layout of
            // a `Value` (asserted in `lockfree.rs`).
            Some(a) => unsafe { std::slice::from_raw_parts(slots(a).as_ptr() as *const Value, n) },
        };
        let r = f(items);
        drop(g);
        r
    }

    /// Moves the items to an array with room for `need` (CPython's growth
    /// pattern) and returns it. Call with the lock held; `shared` is the
    /// guard's. An unshared list grows in place when the allocator can:
    /// only its owner, the writer now, reads it.
    #[inline(never)]
    fn grow_locked(&self, need: usize, shared: bool) -> NonNull<ArrayHeader> {
        let cap = (need.saturating_add(need >> 3).saturating_add(6) & !3).max(need);
        let old = NonNull::new(self.array.load(Ordering::Relaxed));
        if let (false, Some(old)) = (shared, old) {
            // SAFETY: unshared: no other thread reads the array (see
            // `lockfree.rs`, `Removed::release`), and we hold the lock.
            let new = unsafe { grow_array_in_place(old, cap) };
            self.array.store(new.as_ptr(), Ordering::Release);
            return new;
        }
        let n = self.len.load(Ordering::Relaxed);
        let new = alloc_array(cap);
        if let Some(old) = old {
            // SAFETY: `new` is fresh and unpublished; `old` is the current
            // array, alive while we hold the lock.
            let (dst, src) = unsafe { (slots(new), slots(old)) };
            for (d, s) in dst.iter().zip(src).take(n) {
                d.store(s.load(Ordering::Relaxed), Ordering::Relaxed);
            }
        }
        // Release: the copied slots before the pointer.
        let prev = self.array.swap(new.as_ptr(), Ordering::AcqRel);
        if let Some(prev) = NonNull::new(prev) {
            retire(prev, shared, false);
        }
        new
    }

    /// Calls `f` on every item without taking the lock: for the cycle
    /// collector's traverse, which runs only with the world stopped. No
    /// writer is then inside its critical section (none holds a list lock
    /// across a safepoint), so the array and its first `len` slots are
    /// stable. Unlike `lock_read`, this never marks the list shared.
    pub fn for_each_stopped(&self, mut f: impl FnMut(&Value)) {
        let n = self.len.load(Ordering::Acquire);
        if let Some(a) = NonNull::new(self.array.load(Ordering::Acquire)) {
            // SAFETY: the current array is alive (the world is stopped, so
            // nobody replaces or frees it), and its first `len` slots hold
            // the list's own references.
            for s in unsafe { slots(a) }.iter().take(n) {
                let w = s.load(Ordering::Relaxed);
                if w != 0 {
                    // SAFETY: a live value the list owns, borrowed for `f`.
                    f(&*unsafe { super::lockfree::borrow_word(w) });
                }
            }
        }
    }

    /// Locks the items for reading (marks the list shared if a non-owner
    /// reads it, so its later reads need no lock).
    pub fn lock_read(&self) -> ListGuard<'_> {
        ListGuard { vec: self, guard: Some(self.state.lock_read()), removed: Removed::default() }
    }

    /// Locks the items for writing. Never call Python code with the guard
    /// held; values it removes are dropped (or deferred) after unlocking.
    #[inline]
    pub fn lock(&self) -> ListGuard<'_> {
        ListGuard { vec: self, guard: Some(self.state.lock_write()), removed: Removed::default() }
    }

    /// A copy of the items, taken under the lock (one consistent state).
    pub fn snapshot(&self) -> Vec<Value> {
        self.lock_read().to_vec()
    }
}

/// The list's lock, held. Derefs to the items; changes go through its
/// methods, which keep the layout invariants and collect removed values,
/// dropped (unshared) or deferred (shared) after the lock is released.
pub struct ListGuard<'a> {
    vec: &'a SharedVec,
    guard: Option<LfGuard<'a>>,
    removed: Removed,
}

impl Drop for ListGuard<'_> {
    fn drop(&mut self) {
        let shared = self.shared();
        drop(self.guard.take());
        self.removed.release(shared);
    }
}

impl Deref for ListGuard<'_> {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        let n = self.vec.len.load(Ordering::Relaxed);
        match self.array() {
            None => &[],
            Some(a) => {
                // SAFETY: we hold the lock, so the current array is alive
                // and no thread writes it while this borrow of the guard
                // lasts (writes need `&mut` of the one guard); its first
                // `len` slots hold live values' words, and a slot has the
                // layout of a `Value` (asserted in `lockfree.rs`).
                unsafe { std::slice::from_raw_parts(slots(a).as_ptr() as *const Value, n) }
            }
        }
    }
}

impl ListGuard<'_> {
    fn shared(&self) -> bool {
        self.guard.as_ref().is_none_or(|g| g.shared)
    }

    fn array(&self) -> Option<NonNull<ArrayHeader>> {
        NonNull::new(self.vec.array.load(Ordering::Relaxed))
    }

    fn slots(&self) -> &[AtomicUsize] {
        match self.array() {
            // SAFETY: the current array, alive while the lock is held.
            Some(a) => unsafe { slots(a) },
            None => &[],
        }
    }

    /// Slot capacity of the current array.
    pub fn capacity(&self) -> usize {
        self.slots().len()
    }

    fn set_len(&mut self, n: usize) {
        self.vec.len.store(n, Ordering::Release);
    }

    /// A value leaving the list that the caller gets: moved out if the
    /// list is unshared, else a new reference (the list's own reference is
    /// released after the grace period).
    fn hand_out(&mut self, w: usize) -> Value {
        // SAFETY: `w` is a reference the list owned and gives up now.
        let v = unsafe { from_word(w) };
        if self.shared() {
            let out = v.clone();
            self.removed.push(v);
            out
        } else {
            v
        }
    }

    /// A value leaving the list that nobody needs: dropped or deferred
    /// after unlocking.
    fn discard(&mut self, w: usize) {
        // SAFETY: as in `hand_out`.
        self.discard_value(unsafe { from_word(w) });
    }

    /// A tagged value (int or float) holds no reference (nothing to
    /// release or defer), so it is not kept.
    #[inline(always)]
    fn discard_value(&mut self, v: Value) {
        if v.header().is_some() {
            self.removed.push(v);
        }
    }

    /// Makes room for `extra` more items, moving to a larger array if
    /// needed (CPython's growth pattern).
    pub fn reserve(&mut self, extra: usize) {
        let n = self.len();
        let need = n.saturating_add(extra);
        if need <= self.capacity() {
            return;
        }
        self.vec.grow_locked(need, self.shared());
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        let n = self.len();
        if n == self.capacity() {
            self.reserve(1);
        }
        self.slots()[n].store(into_word(v), Ordering::Release);
        self.set_len(n + 1);
    }

    pub fn extend(&mut self, items: impl IntoIterator<Item = Value>) {
        let it = items.into_iter();
        self.reserve(it.size_hint().0);
        for v in it {
            self.push(v);
        }
    }

    /// Inserts at `at <= len`.
    pub fn insert(&mut self, at: usize, v: Value) {
        let n = self.len();
        assert!(at <= n, "insert index out of range");
        if n == self.capacity() {
            self.reserve(1);
        }
        let s = self.slots();
        for k in (at..n).rev() {
            s[k + 1].store(s[k].load(Ordering::Relaxed), Ordering::Release);
        }
        s[at].store(into_word(v), Ordering::Release);
        self.set_len(n + 1);
    }

    /// Removes and returns item `j < len`.
    pub fn remove(&mut self, j: usize) -> Value {
        let n = self.len();
        assert!(j < n, "remove index out of range");
        let s = self.slots();
        let w = s[j].load(Ordering::Relaxed);
        for k in j..n - 1 {
            s[k].store(s[k + 1].load(Ordering::Relaxed), Ordering::Release);
        }
        s[n - 1].store(0, Ordering::Release);
        self.set_len(n - 1);
        self.hand_out(w)
    }

    pub fn pop(&mut self) -> Option<Value> {
        let n = self.len();
        (n > 0).then(|| self.remove(n - 1))
    }

    /// Replaces item `j < len`; the old value is dropped after unlocking.
    pub fn set(&mut self, j: usize, v: Value) {
        let old = self.slots()[j].swap(into_word(v), Ordering::AcqRel);
        self.discard(old);
    }

    /// Replaces `start..end` with `items` (`start <= end <= len`); the
    /// removed values are dropped after unlocking.
    pub fn splice<I>(&mut self, start: usize, end: usize, items: I)
    where
        I: IntoIterator<Item = Value>,
        I::IntoIter: ExactSizeIterator,
    {
        let items = items.into_iter();
        let n = self.len();
        assert!(start <= end && end <= n, "splice range out of bounds");
        let k = items.len();
        let new_len = n - (end - start) + k;
        if new_len > self.capacity() {
            self.reserve(new_len - n);
        }
        let Some(a) = self.array() else {
            // No array: nothing to remove, and nothing to insert (else
            // `reserve` made one).
            return;
        };
        // SAFETY: the current array (after any move above), alive while
        // the lock is held; the borrow is detached from `self` so removed
        // values can be collected while the slots are rewritten.
        let s = unsafe { slots(a) };
        for w in &s[start..end] {
            // SAFETY: the list gives up this reference; its slot is
            // overwritten below before the lock is released.
            self.discard_value(unsafe { from_word(w.load(Ordering::Relaxed)) });
        }
        // Move the tail to its new place (direction by which way it moves).
        let tail = n - end;
        let dst = start + k;
        if dst > end {
            for t in (0..tail).rev() {
                s[dst + t].store(s[end + t].load(Ordering::Relaxed), Ordering::Release);
            }
        } else if dst < end {
            for t in 0..tail {
                s[dst + t].store(s[end + t].load(Ordering::Relaxed), Ordering::Release);
            }
        }
        let mut stored = 0;
        for (slot, v) in s[start..start + k].iter().zip(items) {
            slot.store(into_word(v), Ordering::Release);
            stored += 1;
        }
        // A short iterator would leave removed words in live slots.
        assert_eq!(stored, k, "splice: iterator shorter than its length");
        for slot in &s[new_len..n.max(new_len)] {
            slot.store(0, Ordering::Release);
        }
        self.set_len(new_len);
    }

    /// Removes the items at `positions` (ascending, each `< len`).
    pub fn delete_positions(&mut self, positions: &[usize]) {
        let n = self.len();
        let Some(a) = self.array() else { return };
        // SAFETY: the current array, alive while the lock is held (see
        // `splice`).
        let s = unsafe { slots(a) };
        let mut next = positions.iter().peekable();
        let mut w = 0;
        for r in 0..n {
            let word = s[r].load(Ordering::Relaxed);
            if next.peek() == Some(&&r) {
                next.next();
                // SAFETY: the list gives this reference up; the compaction
                // below overwrites or clears its slot.
                self.removed.push(unsafe { from_word(word) });
            } else {
                if w != r {
                    s[w].store(word, Ordering::Release);
                }
                w += 1;
            }
        }
        for slot in &s[w..n] {
            slot.store(0, Ordering::Release);
        }
        self.set_len(w);
    }

    /// Exchanges items `i` and `j` (both `< len`): the list keeps owning
    /// both references, so no count changes (`_heapq`'s sift steps).
    pub fn swap(&mut self, i: usize, j: usize) {
        let n = self.len();
        assert!(i < n && j < n, "swap index out of range");
        let s = self.slots();
        let (a, b) = (s[i].load(Ordering::Relaxed), s[j].load(Ordering::Relaxed));
        s[i].store(b, Ordering::Release);
        s[j].store(a, Ordering::Release);
    }

    /// Reverses in place.
    pub fn reverse(&mut self) {
        let n = self.len();
        let s = self.slots();
        for k in 0..n / 2 {
            let (a, b) = (s[k].load(Ordering::Relaxed), s[n - 1 - k].load(Ordering::Relaxed));
            s[k].store(b, Ordering::Release);
            s[n - 1 - k].store(a, Ordering::Release);
        }
    }

    /// Empties the list; its items are dropped after unlocking.
    pub fn clear(&mut self) {
        self.set_len(0);
        let old = self.vec.array.swap(std::ptr::null_mut(), Ordering::AcqRel);
        if let Some(old) = NonNull::new(old) {
            if self.shared() {
                // One deferred item for the array and everything in it.
                retire(old, true, true);
            } else {
                // SAFETY: unpublished; unshared, so no other reader.
                let s = unsafe { slots(old) };
                for slot in s {
                    let w = slot.load(Ordering::Relaxed);
                    if w != 0 {
                        self.discard(w);
                    }
                }
                retire(old, false, false);
            }
        }
    }

    /// Replaces all items; the old ones are dropped after unlocking.
    pub fn replace_all(&mut self, items: Vec<Value>) {
        self.clear();
        let cap = items.len();
        let (a, n) = array_of(items, cap);
        self.vec.array.store(a, Ordering::Release);
        self.set_len(n);
    }

    /// Takes every item out for `list.sort`, leaving the list empty with no
    /// array. Sound without deferring the references: they stay alive in
    /// the returned vector, and the caller must give every one back with
    /// [`ListGuard::restore_sorted`].
    pub fn take_for_sort(&mut self) -> Vec<Value> {
        let n = self.len();
        self.set_len(0);
        let old = self.vec.array.swap(std::ptr::null_mut(), Ordering::AcqRel);
        let Some(old) = NonNull::new(old) else { return Vec::new() };
        // SAFETY: unpublished now; still alive (retired below).
        let s = unsafe { slots(old) };
        // SAFETY: each of the first `n` slots holds a reference the list
        // owned; it moves into the vector.
        let items: Vec<Value> = s[..n].iter().map(|w| unsafe { from_word(w.load(Ordering::Relaxed)) }).collect();
        retire(old, self.shared(), false);
        items
    }

    /// Puts sorted items back (see `take_for_sort`); whatever was stored in
    /// the list meanwhile is dropped after unlocking. Returns whether
    /// anything had been stored (CPython's "list modified during sort").
    pub fn restore_sorted(&mut self, items: Vec<Value>) -> bool {
        let modified = !self.is_empty() || self.array().is_some();
        self.replace_all(items);
        modified
    }
}
