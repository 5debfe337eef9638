//! Loom model: the inline-values protocol of instance attributes
//! (`vm/src/object/inline_values.rs`), reduced to its orderings.
//!
//! An instance holds a mode word: a pointer to a block of value words
//! (inline mode) or `DICT_MODE`, plus a dict cell. Writers (a store, a
//! store that grows the block, leaving inline mode for a dict) hold the
//! instance lock; readers load the mode word, then a value word (or the
//! dict) without it. Values are plain numbers here: their lifetime (QSBR
//! deferral of replaced values and blocks) is `loom_qsbr.rs`'s model; the
//! model leaks retired blocks and dicts until the end instead.
//!
//! Checked: a reader never finds an attribute missing that every writer
//! keeps present (the dict is published before the mode says `DICT_MODE`,
//! and a grown block is filled before it is published); a store racing a
//! move to dict mode is never lost (stores check the mode under the lock).
#![cfg(loom)]

use skein_threading::sync::{spawn, yield_now, Arc, AtomicPtr, AtomicUsize, Ordering};
use skein_threading::RawObjMutex;

const DICT_MODE: usize = 1;

struct Block {
    values: Vec<AtomicUsize>,
}

struct Dict {
    values: Vec<AtomicUsize>,
}

struct Instance {
    lock: RawObjMutex,
    mode: AtomicUsize,
    dict: AtomicPtr<Dict>,
    /// Blocks and dicts no longer reachable, freed at the end.
    retired: std::sync::Mutex<Vec<usize>>,
}

fn new_block(values: &[usize]) -> *mut Block {
    Box::into_raw(Box::new(Block { values: values.iter().map(|&v| AtomicUsize::new(v)).collect() }))
}

impl Instance {
    fn new(values: &[usize]) -> Arc<Instance> {
        Arc::new(Instance {
            lock: RawObjMutex::new(),
            mode: AtomicUsize::new(new_block(values) as usize),
            dict: AtomicPtr::new(std::ptr::null_mut()),
            retired: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// A lock-free read of attribute `i` (0 = missing).
    fn load(&self, i: usize) -> usize {
        // Acquire: pairs with the Release stores of the mode word.
        let m = self.mode.load(Ordering::Acquire);
        if m == DICT_MODE {
            // Acquire: pairs with the dict's publication.
            let d = self.dict.load(Ordering::Acquire);
            assert!(!d.is_null(), "dict mode without a dict");
            // SAFETY: dicts are never freed while the model runs.
            let d = unsafe { &*d };
            return d.values[i].load(Ordering::Acquire);
        }
        // SAFETY: blocks are never freed while the model runs (QSBR's part).
        let b = unsafe { &*(m as *const Block) };
        b.values.get(i).map_or(0, |w| w.load(Ordering::Acquire))
    }

    /// Stores `v` at `i`, growing the block if needed, or into the dict.
    fn store(&self, i: usize, v: usize) {
        let _g = self.lock.guard();
        let m = self.mode.load(Ordering::Relaxed);
        if m == DICT_MODE {
            let d = self.dict.load(Ordering::Relaxed);
            // SAFETY: as in `load`.
            unsafe { &*d }.values[i].store(v, Ordering::Release);
            return;
        }
        // SAFETY: as in `load`.
        let b = unsafe { &*(m as *const Block) };
        if i < b.values.len() {
            b.values[i].swap(v, Ordering::AcqRel);
            return;
        }
        let mut words: Vec<usize> = b.values.iter().map(|w| w.load(Ordering::Relaxed)).collect();
        words.resize(i + 1, 0);
        words[i] = v;
        // Release: the copied words before the new block's pointer.
        self.mode.store(new_block(&words) as usize, Ordering::Release);
        self.retired.lock().unwrap().push(m);
    }

    /// Leaves inline mode for a dict made from the block.
    fn to_dict_mode(&self, width: usize) {
        let _g = self.lock.guard();
        let m = self.mode.load(Ordering::Relaxed);
        if m == DICT_MODE {
            return;
        }
        // SAFETY: as in `load`.
        let b = unsafe { &*(m as *const Block) };
        let mut values: Vec<AtomicUsize> = (0..width).map(|_| AtomicUsize::new(0)).collect();
        for (i, w) in b.values.iter().enumerate() {
            values[i] = AtomicUsize::new(w.load(Ordering::Relaxed));
        }
        // Release: the dict's contents before its pointer.
        self.dict.store(Box::into_raw(Box::new(Dict { values })), Ordering::Release);
        // Release: the dict's publication before the mode change.
        self.mode.store(DICT_MODE, Ordering::Release);
        self.retired.lock().unwrap().push(m);
    }

    fn free_all(&self) {
        let m = self.mode.load(Ordering::Relaxed);
        let mut blocks = std::mem::take(&mut *self.retired.lock().unwrap());
        if m != DICT_MODE {
            blocks.push(m);
        }
        for b in blocks {
            // SAFETY: every thread has finished; each block is freed once.
            drop(unsafe { Box::from_raw(b as *mut Block) });
        }
        let d = self.dict.load(Ordering::Relaxed);
        if !d.is_null() {
            // SAFETY: as above.
            drop(unsafe { Box::from_raw(d) });
        }
    }
}

/// A store and a move to dict mode race a reader: the reader always finds
/// the attribute, and the store survives the move.
#[test]
fn store_races_materialize() {
    loom::model(|| {
        let inst = Instance::new(&[1]);
        let writer = {
            let inst = inst.clone();
            spawn(move || inst.store(0, 2))
        };
        let mover = {
            let inst = inst.clone();
            spawn(move || inst.to_dict_mode(2))
        };
        // Loom runs the spawned threads only where this thread yields or
        // blocks: without the yield the reader always read first, and the
        // model passed even with the dict published after the mode change.
        yield_now();
        let seen = inst.load(0);
        assert!(seen == 1 || seen == 2, "reader saw {seen}");
        writer.join().unwrap();
        mover.join().unwrap();
        assert_eq!(inst.load(0), 2, "store lost");
        assert_eq!(inst.mode.load(Ordering::Relaxed), DICT_MODE);
        inst.free_all();
    });
}

/// A store that grows the block races a reader of another attribute and a
/// move to dict mode: the old attribute is always there, the new one once
/// stored.
#[test]
fn grow_races_reader_and_materialize() {
    loom::model(|| {
        let inst = Instance::new(&[1]);
        let writer = {
            let inst = inst.clone();
            spawn(move || inst.store(1, 7))
        };
        let mover = {
            let inst = inst.clone();
            spawn(move || inst.to_dict_mode(2))
        };
        // As in `store_races_materialize`: let the writers run first.
        yield_now();
        assert_eq!(inst.load(0), 1);
        yield_now();
        let new = inst.load(1);
        assert!(new == 0 || new == 7, "reader saw {new}");
        writer.join().unwrap();
        mover.join().unwrap();
        assert_eq!((inst.load(0), inst.load(1)), (1, 7));
        inst.free_all();
    });
}
