//! Every concurrency primitive outside `src/sync.rs` must come from the
//! `sync` facade, or loom cannot see it. (A clippy.toml ban cannot express
//! this: the facade's re-exports resolve to the very same std types.) This
//! scans the non-test part of each source file for the std / parking_lot
//! names that would bypass it.
#![cfg(not(loom))]

const FORBIDDEN: &[&str] = &[
    "std::sync::atomic",
    "core::sync::atomic",
    "std::sync::Mutex",
    "std::sync::Condvar",
    "std::sync::Arc",
    "std::sync::RwLock",
    "std::thread::spawn",
    "std::thread_local",
    "cell::UnsafeCell",
    "parking_lot::",
];

#[test]
fn primitives_come_from_the_sync_facade() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "sync.rs" || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests at the end of a file may use real threads and std
        // primitives for their own bookkeeping.
        let code = text.split("#[cfg(all(test, not(loom)))]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap();
            for bad in FORBIDDEN {
                // parking.rs is the one wrapper around parking_lot_core.
                if line.contains(bad) && !(name == "parking.rs" && *bad == "parking_lot::") {
                    offenders.push(format!("{name}:{}: {bad}", n + 1));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "primitives bypassing crate::sync:\n{}", offenders.join("\n"));
}
