//! Attach, detach and safepoints (placeholder until the full protocol lands).

use crate::registry::{ThreadState, ATTACHED, DETACHED};
use crate::sync::Ordering;

impl ThreadState {
    /// Start running Python code on this thread.
    pub fn attach(&self) {
        self.status.store(ATTACHED, Ordering::SeqCst);
    }

    /// Stop running Python code on this thread (around blocking calls).
    pub fn detach(&self) {
        self.status.store(DETACHED, Ordering::SeqCst);
    }
}
