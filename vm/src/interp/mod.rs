//! The interpreter: frames, argument binding, the dispatch loop,
//! exception unwinding and generators.

pub mod attr_cache;
pub mod bind;
pub mod bind_inplace;
pub mod call_ops;
pub mod eval;
pub mod except_star;
pub mod frame;
pub mod frame_object;
pub mod generator_attrs;
pub mod global_cache;
pub mod inline_cache;
pub mod iter_ops;
pub mod native_call;
pub mod number_ops;
pub mod patterns;
pub mod suggest;
pub mod trace;
pub mod traceback;
pub mod traceback_object;
