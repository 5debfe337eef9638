//! Per-thread frame stack.
//!
//! One contiguous value stack per thread (`values`): a frame is a window
//! `[base, base + nlocalsplus)` of fast locals followed by its operand stack,
//! which grows at the end of the vector. A Python-to-Python call puts the
//! arguments straight into the callee's local slots and pushes a `Frame`
//! record; nothing is allocated on the heap per call once the vectors have
//! grown. `None` in a slot is an unbound local or a NULL stack marker.
//!
//! Capacity invariant (what makes the dispatch loop's unchecked pushes
//! sound): whenever a frame is on top of the stack, `values.capacity()` is
//! at least `base + nlocalsplus + max_stack_depth + STACK_SLACK` of that
//! frame. Every frame is entered through [`FrameStack::reserve_frame`]; a
//! `Vec` never gives capacity back, so nested calls that grow (and move)
//! the vector keep it true for the frames below them. `max_stack_depth` is
//! verified against the bytecode when the code object is loaded
//! (`skein_compiler::verify`), and the loop only pushes within the operand
//! depth that the verifier checked. The loop never holds a pointer into
//! `values` across anything that may call out (which may reallocate it).
#![allow(unsafe_code)]

use crate::function::{PyCode, PyFunction};
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::value::Value;

/// Slots reserved above a frame's verified operand depth: an instruction may
/// push before it pops (`BEFORE_WITH`, method `LOAD_ATTR`), and an exception
/// handler is entered with up to two values above its recorded depth.
pub const STACK_SLACK: usize = 4;

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
    /// A generator frame resumed inline by the caller's `FOR_ITER`
    /// (`generator` is set, `is_entry` is not): the caller's handled
    /// exception, restored when the frame yields or ends, and where the
    /// caller continues when the generator is exhausted.
    pub saved_handled: Option<Value>,
    pub exit_pc: usize,
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

    /// Makes room for the whole window of a frame of `code` starting at
    /// `base` (see the module doc); call before the frame first runs.
    #[inline]
    pub fn reserve_frame(&mut self, base: usize, code: &PyCode) {
        let end = base + code.nlocalsplus + code.co.max_stack_depth as usize + STACK_SLACK;
        if end > self.values.capacity() {
            self.values.reserve(end - self.values.len());
        }
    }

    /// Pushes onto the running frame's operand stack.
    #[inline(always)]
    pub fn push_op(&mut self, v: Option<Value>) {
        let len = self.values.len();
        assert_capacity(len, self.values.capacity());
        // SAFETY: `len < capacity` by the module's capacity invariant (the
        // running frame was reserved and pushes stay within its verified
        // depth; checked in debug builds), so the slot is allocated and
        // uninitialised; it becomes part of the vector by `set_len`.
        unsafe {
            self.values.as_mut_ptr().add(len).write(v);
            self.values.set_len(len + 1);
        }
    }

    /// Pops the running frame's operand stack top (`None`: a NULL marker).
    #[inline(always)]
    pub fn pop_op(&mut self) -> Option<Value> {
        let len = self.values.len();
        debug_assert!(len > 0);
        // SAFETY: the verifier proved the operand depth never goes negative,
        // so `len - 1` is an initialised slot of the running frame; after
        // `set_len` the vector no longer owns it, so the value is moved out
        // exactly once.
        unsafe {
            self.values.set_len(len - 1);
            self.values.as_ptr().add(len - 1).read()
        }
    }

    /// The `n`th operand from the top (1 = top), borrowed.
    #[inline(always)]
    pub fn peek_op(&self, n: usize) -> &Option<Value> {
        let len = self.values.len();
        debug_assert!(n >= 1 && n <= len);
        // SAFETY: operand depth >= n at every instruction that peeks (the
        // verifier's stack-effect check), so the slot is initialised.
        unsafe { &*self.values.as_ptr().add(len - n) }
    }

    /// Moves `values[base..]` to the end of `dst` (a generator's window
    /// going back to its heap buffer at a `yield`) with one copy.
    pub fn move_tail_into(&mut self, base: usize, dst: &mut Vec<Option<Value>>) {
        let len = self.values.len();
        let n = len - base.min(len);
        dst.reserve(n);
        // SAFETY: `base..len` are initialised slots; `dst` has room for `n`
        // more after `reserve`. The values are copied bitwise and then owned
        // by `dst` alone: `values` forgets them by shrinking its length, so
        // each is dropped exactly once. `Option<Value>` has no drop-time
        // invariants tied to its address.
        unsafe {
            let dlen = dst.len();
            std::ptr::copy_nonoverlapping(self.values.as_ptr().add(len - n), dst.as_mut_ptr().add(dlen), n);
            self.values.set_len(len - n);
            dst.set_len(dlen + n);
        }
    }

    /// Moves the operands `values[start..]` (call arguments: never NULL
    /// markers, a `None` would read as the `None` object) into `dst`, in
    /// order, leaving the stack cut at `start`.
    #[inline]
    pub fn drain_operands_into(&mut self, start: usize, dst: &mut smallvec::SmallVec<[Value; 8]>) {
        let len = self.values.len();
        let start = start.min(len);
        dst.reserve(len - start);
        // SAFETY: `start..len` are initialised slots. Shrinking the length
        // first hands their ownership to this loop, which moves each value
        // out exactly once.
        unsafe {
            self.values.set_len(start);
            let src = self.values.as_ptr();
            for i in start..len {
                match src.add(i).read() {
                    Some(v) => dst.push(v),
                    None => dst.push(crate::types::singletons::none()),
                }
            }
        }
    }

    /// Fast local `i` of the running frame at `base`, borrowed. `i` is the
    /// operand of a verified `LOAD_FAST`-family instruction.
    #[inline(always)]
    pub fn local(&self, base: usize, i: usize) -> &Option<Value> {
        debug_assert!(base + i < self.values.len());
        // SAFETY: the verifier checked `i < co.varnames.len() <= nlocalsplus`
        // and the running frame's window `[base, base + nlocalsplus)` is
        // always initialised (its operand stack only grows above it).
        unsafe { &*self.values.as_ptr().add(base + i) }
    }

    /// Fast local `i` of the running frame at `base`, mutably (same contract
    /// as [`FrameStack::local`]).
    #[inline(always)]
    pub fn local_mut(&mut self, base: usize, i: usize) -> &mut Option<Value> {
        debug_assert!(base + i < self.values.len());
        // SAFETY: as in `local`; `&mut self` makes the borrow unique.
        unsafe { &mut *self.values.as_mut_ptr().add(base + i) }
    }
}

#[inline(always)]
fn assert_capacity(len: usize, cap: usize) {
    debug_assert!(len < cap, "value stack push beyond the reserved window");
}
