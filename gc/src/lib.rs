//! Object header, biased reference counting, per-thread object heaps.
//!
//! | module      | job                                                         |
//! |-------------|-------------------------------------------------------------|
//! | [`header`]  | `ObjHeader` (32 bytes, CPython's free-threaded layout), `TypeInfo` |
//! | [`handle`]  | `ObjRef`, `incref`, `decref`: the inline fast paths          |
//! | `brc`       | the biased refcount state machine (slow paths, merging)      |
//! | `dealloc`   | destroying dead objects; the trashcan bounds stack depth     |
//! | [`heap`]    | per-thread mimalloc heaps, `alloc_object`, heap walking      |
//! | [`thread`]  | attaching threads, `process_queued_merges`, the exit protocol |
//!
//! `unsafe` code lives in `header`, `handle`, `dealloc`, `heap` and the raw
//! heap backends; `brc` and `thread` are safe code on top of them.
//! The protocol, field by field, is documented in docs/gc.md.

pub mod handle;
pub mod header;
pub mod heap;
pub mod thread;

mod brc;
mod dealloc;

pub use dealloc::{trashcan_depth, TRASHCAN_LIMIT};
pub use handle::{decref, incref, ObjRef};
pub use header::{ObjHeader, RawObjMutex, TraverseFn, TypeInfo};
pub use heap::{alloc_object, visit_heap_objects};
pub use thread::{attach_thread, is_attached, process_queued_merges, ThreadAttachment};

#[cfg(feature = "stats")]
pub use heap::live_objects;

/// Whether the block at `p` is allocated and not freed (loom models only:
/// the loom heap keeps freed memory readable and tracks liveness).
#[cfg(loom)]
pub fn loom_block_is_live(p: core::ptr::NonNull<ObjHeader>) -> bool {
    heap::loom_is_live(p)
}
