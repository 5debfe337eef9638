//! The frozen standard library: code objects that vm/build.rs compiled
//! from `vm/lib` at build time, in `skein_compiler::marshal`'s form.
//!
//! Importing an embedded module loads its code object from here instead of
//! parsing and compiling the source (which was ~90% of `import logging`).
//! Each entry carries a hash of the source it was compiled from, so an
//! entry that does not match the embedded text is never used; build.rs ran
//! the verifier on every entry, so the loaded code is not verified again.

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

/// The code object compiled at build time from exactly `source` for the
/// embedded module `name`, if there is one.
pub(crate) fn code_for(name: &str, source: &str) -> Option<skein_compiler::CodeObject> {
    let (_, hash, bytes) = FROZEN.iter().find(|(n, _, _)| *n == name)?;
    if *hash != skein_compiler::marshal::source_hash(source) {
        return None;
    }
    skein_compiler::marshal::load(bytes).ok()
}
