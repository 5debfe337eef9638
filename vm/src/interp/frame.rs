//! Per-thread frame stack.
//!
//! One contiguous value stack per thread (`values`): a frame is a window
//! `[base, base + nlocalsplus)` of fast locals followed by its operand stack,
//! which grows at the end of the vector. A Python-to-Python call puts the
//! arguments straight into the callee's local slots and pushes a `Frame`
//! record; nothing is allocated on the heap per call once the vectors have
//! grown. `None` in a slot is an unbound local or a NULL stack marker.

use crate::function::{PyCode, PyFunction};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::value::Value;

pub struct Frame {
    pub code: PyRef<PyCode>,
    pub func: Option<PyRef<PyFunction>>,
    pub globals: PyRef<PyDict>,
    pub builtins: PyRef<PyDict>,
    /// The locals mapping of module and class bodies (`LOAD_NAME`).
    pub locals: Option<Value>,
    /// Index of `localsplus[0]` in the value stack.
    pub base: usize,
    /// Saved instruction index while the frame is not running.
    pub pc: usize,
    /// The instruction that is executing (for tracebacks and `f_lineno`).
    pub lasti: usize,
    /// Returning from this frame leaves the dispatch loop (it was entered
    /// from Rust: a native call, a generator resume, the top level).
    pub is_entry: bool,
    /// Set while running a generator's frame: where to send the window back.
    pub generator: Option<Value>,
    /// Where the caller's stack is cut back to when this frame returns
    /// (below the callable of the `CALL` that made it).
    pub ret_sp: usize,
    /// Suspended at a `YIELD_VALUE 1` (inside `yield from`).
    pub yield_from: bool,
}

#[derive(Default)]
pub struct FrameStack {
    pub values: Vec<Option<Value>>,
    pub frames: Vec<Frame>,
}

impl FrameStack {
    pub fn new() -> FrameStack {
        FrameStack { values: Vec::with_capacity(1024), frames: Vec::with_capacity(64) }
    }

    #[inline]
    pub fn top(&self) -> &Frame {
        match self.frames.last() {
            Some(f) => f,
            None => panic!("frame stack is empty"),
        }
    }

    #[inline]
    pub fn top_mut(&mut self) -> &mut Frame {
        match self.frames.last_mut() {
            Some(f) => f,
            None => panic!("frame stack is empty"),
        }
    }

    pub fn depth(&self) -> usize {
        self.frames.len()
    }
}
