//! Skein's compiler: Python source text to plain-data code objects.
//!
//! The crate does not depend on the runtime.  [`bytecode`] defines the
//! instruction set and [`bytecode::CodeObject`], the contract with the
//! interpreter (see `docs/bytecode.md`).

pub mod bytecode;
