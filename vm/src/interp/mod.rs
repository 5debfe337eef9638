//! The interpreter: frames, argument binding, the dispatch loop,
//! exception unwinding and generators.

pub mod bind;
pub mod eval;
pub mod frame;
pub mod patterns;
pub mod suggest;
pub mod traceback;
