//! Stress tests of the concurrency core (tests/*.rs), and the test object
//! type they share.
//!
//! [`TestNode`] is a minimal object: a header, an id, an optional child and
//! a pointer to its test's [`Tracker`]. Its `dealloc` proves the central
//! invariant of reference counting under threads -- every object is freed
//! exactly once, and never while someone can still reach it:
//! - each object gets a fresh id; `dealloc` flips that id's bit in the
//!   tracker and panics if it was already set (double free);
//! - a magic word is `ALIVE` from allocation to `dealloc`, which checks it
//!   and overwrites it; handles check it before use (use after free, best
//!   effort: the memory may have been reused);
//! - at the end a test asserts `allocated == freed` and every bit set.

use skein_gc::{alloc_object, ObjHeader, ObjRef, TypeInfo};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::Relaxed};

const ALIVE: u64 = 0xA11C_E0B7_A11C_E0B7;
const DEAD: u64 = 0xDEAD_DEAD_DEAD_DEAD;

/// Counts one test's allocations and frees.
pub struct Tracker {
    freed_bits: Vec<AtomicBool>,
    allocated: AtomicUsize,
    freed: AtomicUsize,
}

impl Tracker {
    /// A tracker for at most `capacity` objects, leaked so that objects
    /// outliving the test body can still report their free.
    pub fn new(capacity: usize) -> &'static Tracker {
        Box::leak(Box::new(Tracker {
            freed_bits: (0..capacity).map(|_| AtomicBool::new(false)).collect(),
            allocated: AtomicUsize::new(0),
            freed: AtomicUsize::new(0),
        }))
    }

    /// Objects allocated so far.
    pub fn allocated(&self) -> usize {
        self.allocated.load(Relaxed)
    }

    /// Objects freed so far.
    pub fn freed(&self) -> usize {
        self.freed.load(Relaxed)
    }

    /// Objects allocated and not freed.
    pub fn live(&self) -> usize {
        self.allocated() - self.freed()
    }

    /// Assert that every object allocated so far was freed exactly once.
    pub fn assert_all_freed(&self) {
        let allocated = self.allocated();
        assert_eq!(self.freed(), allocated, "objects leaked");
        let unfreed = self.freed_bits[..allocated].iter().filter(|b| !b.load(Relaxed)).count();
        assert_eq!(unfreed, 0, "objects never freed");
    }

    /// A new object owned by the calling thread.
    pub fn node(&'static self, child: Option<ObjRef>) -> ObjRef {
        let id = self.allocated.fetch_add(1, Relaxed);
        assert!(id < self.freed_bits.len(), "tracker capacity exceeded");
        // SAFETY: a static type record, valid for the whole process.
        let p = unsafe { alloc_object(size_of::<TestNode>(), align_of::<TestNode>(), &TEST_NODE_TYPE) };
        let node = p.cast::<TestNode>().as_ptr();
        // SAFETY: a fresh block with TestNode's layout; the header is
        // initialised, the payload fields are written here before anyone can
        // see the object.
        unsafe {
            (&raw mut (*node).id).write(id);
            (&raw mut (*node).magic).write(AtomicU64::new(ALIVE));
            (&raw mut (*node).tracker).write(self);
            (&raw mut (*node).child).write(child);
            ObjRef::from_raw(p)
        }
    }
}

/// The test object's layout.
#[repr(C)]
pub struct TestNode {
    header: ObjHeader,
    id: usize,
    magic: AtomicU64,
    tracker: &'static Tracker,
    child: Option<ObjRef>,
}

unsafe fn test_node_dealloc(p: NonNull<ObjHeader>) {
    let node = p.cast::<TestNode>().as_ptr();
    // SAFETY: the gc calls this once per dead TestNode, before freeing it;
    // the payload fields are initialised. Only fields are borrowed, never
    // the header (other threads' heap walks may still read it).
    let (magic, id, tracker, child) =
        unsafe { (&(*node).magic, (*node).id, (*node).tracker, (&raw mut (*node).child).replace(None)) };
    let old = magic.swap(DEAD, Relaxed);
    assert_eq!(old, ALIVE, "dealloc of an object that is not alive");
    let was_freed = tracker.freed_bits[id].swap(true, Relaxed);
    assert!(!was_freed, "object {id} freed twice");
    tracker.freed.fetch_add(1, Relaxed);
    // Dropping the child may free it too (nested, bounded by the trashcan).
    drop(child);
}

/// The test object's type.
pub static TEST_NODE_TYPE: TypeInfo = TypeInfo { dealloc: test_node_dealloc, traverse: None, finalize: None };

/// Check that `r` is a live test node and return its id.
pub fn check_alive(r: &ObjRef) -> usize {
    let node = r.as_ptr().cast::<TestNode>();
    // SAFETY: `r` holds a reference, so the node is alive and initialised.
    let node = unsafe { node.as_ref() };
    assert_eq!(node.magic.load(Relaxed), ALIVE, "use after free");
    node.id
}

/// The child of a test node.
pub fn child(r: &ObjRef) -> Option<&ObjRef> {
    // SAFETY: `r` holds a reference to a live, initialised TestNode; the
    // child is only written at creation and in dealloc.
    unsafe { r.as_ptr().cast::<TestNode>().as_ref().child.as_ref() }
}

/// A small, fast, deterministic random number generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// Seeded generator (any seed; 0 is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish value below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
