//! Thread states, parking, per-object mutex, stop-the-world, the optional GIL.
//!
//! This crate knows nothing of Python objects. Layers above it (`gc`, `vm`)
//! build on:
//! - [`sync`]: the only place concurrency primitives are named (std or loom);
//! - [`registry`]: thread states with small ids, eval-breaker bits, inboxes;
//! - [`stop_the_world`]: attach / detach / safepoints and the stop-the-world
//!   guard.
//!
//! The protocols and their invariants are described in docs/threading.md.

pub mod inbox;
pub mod registry;
pub mod stop_the_world;
pub mod sync;

pub use inbox::{Closed, Inbox};
