//! Thread states, parking, per-object mutex, stop-the-world, the optional GIL.
//!
//! This crate knows nothing of Python objects. Layers above it (`gc`, `vm`)
//! build on:
//! - [`sync`]: the only place concurrency primitives are named (std or loom);
//! - [`registry`]: thread states with small ids, eval-breaker bits, inboxes;
//! - [`inbox`]: the lock-free multi-producer inbox each thread owns;
//! - [`obj_mutex`]: the one-byte per-object mutex;
//! - [`stop_the_world`]: attach / detach / safepoints and the stop-the-world
//!   guard;
//! - [`gil`]: the optional GIL, taken in attach and released in detach;
//! - [`pylock`]: the lock behind Python's `_thread.lock` (spins, then sleeps
//!   detached; GIL-aware);
//! - [`qsbr`]: quiescent-state-based reclamation for memory that lock-free
//!   readers may still see (container item arrays, dropped references);
//! - [`stats`]: the event counters behind `-X stats` (slow paths only).
//!
//! The protocols and their invariants are described in docs/threading.md.
//! `unsafe` lives only in `inbox` (node ownership), `parking` (the
//! `parking_lot_core` calls), `qsbr` (running deferred callbacks, whose
//! contract `defer`'s caller accepts) and `sync` (the `UnsafeCell` wrapper
//! has none, it hands out raw pointers).

pub mod gil;
pub mod inbox;
pub mod obj_mutex;
mod parking;
pub mod pylock;
pub mod qsbr;
pub mod registry;
pub mod stats;
pub mod stop_the_world;
pub mod sync;

pub use inbox::{Closed, Inbox};
pub use obj_mutex::{ObjMutexGuard, RawObjMutex};
pub use registry::{ThreadState, ThreadStatus};
pub use stop_the_world::{stop_the_world, StopTheWorldGuard};
