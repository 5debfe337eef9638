//! The Skein virtual machine: object model, protocols, interpreter loop,
//! builtins and modules.
//!
//! The runtime modules are being brought up across several sessions; until
//! the whole set compiles they sit behind the `runtime` cargo feature so that
//! the workspace (and CI) stay green. See `docs/status.md`.
#![deny(unsafe_code)]

#[cfg(feature = "runtime")]
pub mod builtins;
#[cfg(feature = "runtime")]
pub mod finalize;
#[cfg(feature = "runtime")]
pub mod function;
#[cfg(feature = "runtime")]
pub mod gc_driver;
#[cfg(feature = "runtime")]
pub mod import;
#[cfg(feature = "runtime")]
pub mod intern;
#[cfg(feature = "runtime")]
pub mod interp;
#[cfg(feature = "runtime")]
pub mod modules;
#[cfg(feature = "runtime")]
pub mod object;
#[cfg(feature = "runtime")]
pub mod protocol;
#[cfg(feature = "runtime")]
pub mod runtime;
#[cfg(feature = "runtime")]
pub mod signals;
#[cfg(feature = "runtime")]
pub mod stats;
#[cfg(feature = "runtime")]
pub mod types;
#[cfg(feature = "runtime")]
pub mod value;
#[cfg(feature = "runtime")]
pub mod vm;

/// The version `skein --version` reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
