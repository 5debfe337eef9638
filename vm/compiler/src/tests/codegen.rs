//! Disassembly of small snippets.

use super::dis;

#[test]
fn placeholder() {
    assert!(!dis("x = 1", None).is_empty());
}
