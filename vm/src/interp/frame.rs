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

use std::mem::{ManuallyDrop, MaybeUninit};

use crate::function::{Decoded, PyCode, PyFunction};
use crate::interp::inline_cache::Slots;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::value::Value;

/// Slots reserved above a frame's verified operand depth: an instruction may
/// push before it pops (`BEFORE_WITH`, method `LOAD_ATTR`), and an exception
/// handler is entered with up to two values above its recorded depth.
pub const STACK_SLACK: usize = 4;

/// A frame record.
///
/// `code`, `globals` and `builtins` are what the dispatch loop reads on
/// every frame entry. In a function's frame they are *borrowed*: bitwise
/// copies of the function's own handles, owning no count, kept alive by the
/// one reference the frame holds to the function (`func`), which never
/// changes while the record lives (the field is private) and whose own
/// `code`, `globals` and `builtins` never change either. So a call counts
/// one object up and down instead of four. A frame without a function
/// (module and class bodies, `exec`) owns them, and `Drop` releases them.
pub struct Frame {
    code: ManuallyDrop<PyRef<PyCode>>,
    globals: ManuallyDrop<PyRef<PyDict>>,
    builtins: ManuallyDrop<PyRef<PyDict>>,
    func: Option<PyRef<PyFunction>>,
    /// This thread's inline caches for `code`, looked up once when the
    /// frame is pushed (the table stays put while `code` is alive, see
    /// `inline_cache.rs`), so re-entering the frame after a call returns
    /// costs no lookup.
    pub slots: Slots,
    /// The locals mapping of module and class bodies (`LOAD_NAME`).
    pub locals: Option<Value>,
    /// Index of `localsplus[0]` in the value stack.
    pub base: usize,
    /// Saved instruction index while the frame is not running.
    pub pc: usize,
    /// The instruction that is executing (for tracebacks and `f_lineno`).
    pub lasti: usize,
    /// Where the caller's stack is cut back to when this frame returns
    /// (below the callable of the `CALL` that made it).
    pub ret_sp: usize,
    /// Set while running a generator's frame: where to send the window back.
    pub generator: Option<Value>,
    /// A generator frame resumed inline by the caller's `FOR_ITER`
    /// (`generator` is set, `is_entry` is not): the caller's handled
    /// exception, restored when the frame yields or ends, and where the
    /// caller continues when the generator is exhausted.
    pub saved_handled: Option<Value>,
    pub exit_pc: usize,
    /// Returning from this frame leaves the dispatch loop (it was entered
    /// from Rust: a native call, a generator resume, the top level).
    pub is_entry: bool,
    /// Suspended at a `YIELD_VALUE 1` (inside `yield from`).
    pub yield_from: bool,
    /// An `__init__` run inline for `cls(...)` (`call_ops.rs`): its result
    /// must be `None`, and the call's result is the instance that waits in
    /// the caller's slot at `ret_sp`.
    pub returns_instance: bool,
    /// Tracing (`interp/trace.rs`) has reported this frame's start (the
    /// 'call' event), or the frame was running when tracing began.
    pub trace_started: bool,
    /// The frame's Python frame object, once something asked for it
    /// (`interp/frame_object.rs`); snapshotted when the frame ends.
    pub frame_obj: Option<crate::value::Value>,
    /// `func` is a bitwise copy owning no count: a generator's frame
    /// borrows the generator's function, kept alive by the generator,
    /// which `generator` holds for as long as the record exists and whose
    /// `func` never changes ([`FrameStack::push_generator_record`]).
    func_borrowed: bool,
}

impl Frame {
    /// A frame running `func`, whose fast locals start at `base`.
    #[inline(always)]
    pub fn for_function(func: PyRef<PyFunction>, base: usize, slots: Slots, is_entry: bool) -> Frame {
        // SAFETY: bitwise copies that own no count (never dropped: they are
        // `ManuallyDrop` and `Drop` skips them when `func` is set). `func`
        // is moved into the record below and keeps the function -- and so
        // the handles it owns, which are immutable fields -- alive for as
        // long as the record exists.
        let (code, globals, builtins) = unsafe {
            (
                ManuallyDrop::new(std::ptr::read(&func.code)),
                ManuallyDrop::new(std::ptr::read(&func.globals)),
                ManuallyDrop::new(std::ptr::read(&func.builtins)),
            )
        };
        Frame::at_start(code, globals, builtins, Some(func), None, base, slots, is_entry)
    }

    /// A frame without a function (module or class body, `exec`); it owns
    /// the three references.
    pub fn for_code(
        code: PyRef<PyCode>,
        globals: PyRef<PyDict>,
        builtins: PyRef<PyDict>,
        locals: Option<Value>,
        base: usize,
        slots: Slots,
    ) -> Frame {
        let (code, globals, builtins) =
            (ManuallyDrop::new(code), ManuallyDrop::new(globals), ManuallyDrop::new(builtins));
        Frame::at_start(code, globals, builtins, None, locals, base, slots, true)
    }

    /// A record about to run its first instruction (both constructors).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn at_start(
        code: ManuallyDrop<PyRef<PyCode>>,
        globals: ManuallyDrop<PyRef<PyDict>>,
        builtins: ManuallyDrop<PyRef<PyDict>>,
        func: Option<PyRef<PyFunction>>,
        locals: Option<Value>,
        base: usize,
        slots: Slots,
        is_entry: bool,
    ) -> Frame {
        Frame {
            code,
            globals,
            builtins,
            func,
            slots,
            locals,
            base,
            pc: 0,
            lasti: 0,
            ret_sp: base,
            generator: None,
            saved_handled: None,
            exit_pc: 0,
            is_entry,
            yield_from: false,
            returns_instance: false,
            trace_started: false,
            frame_obj: None,
            func_borrowed: false,
        }
    }

    #[inline(always)]
    pub fn code(&self) -> &PyRef<PyCode> {
        &self.code
    }

    #[inline(always)]
    pub fn globals(&self) -> &PyRef<PyDict> {
        &self.globals
    }

    #[inline(always)]
    pub fn builtins(&self) -> &PyRef<PyDict> {
        &self.builtins
    }

    /// The function this frame runs (none for module and class bodies).
    #[inline(always)]
    pub fn func(&self) -> Option<&PyRef<PyFunction>> {
        self.func.as_ref()
    }

    /// `Drop`'s rare case, out of line: the record had a frame object.
    #[cold]
    #[inline(never)]
    fn detach_frame_object(&mut self) {
        if let Some(f) = self.frame_obj.take() {
            crate::interp::frame_object::detach(&f);
        }
    }
}

impl Drop for Frame {
    #[inline]
    fn drop(&mut self) {
        if self.frame_obj.is_some() {
            self.detach_frame_object();
        }
        if self.func.is_none() {
            // SAFETY: without a function the record owns the three handles
            // (`for_code`), and this is the only place they are released.
            unsafe {
                ManuallyDrop::drop(&mut self.code);
                ManuallyDrop::drop(&mut self.globals);
                ManuallyDrop::drop(&mut self.builtins);
            }
        } else if self.func_borrowed {
            // A borrowed function owns no count (see the field).
            std::mem::forget(self.func.take());
        }
    }
}

/// What [`FrameStack::pop_suspended`] hands back of a generator's record.
pub struct Suspended {
    pub generator: Option<Value>,
    pub saved_handled: Option<Value>,
    pub base: usize,
    pub pc: usize,
    pub lasti: usize,
    pub yield_from: bool,
}

#[derive(Default)]
pub struct FrameStack {
    pub values: Vec<Option<Value>>,
    pub frames: Vec<Frame>,
    /// The instruction the top record is executing, exact wherever
    /// Python code or a frame inspection can look from (a `__add__`, a
    /// property, a finalizer, `sys._getframe` in a native call). The
    /// plain dispatch loop writes it only in the instructions that can
    /// reach such code -- every instruction but the few that only move
    /// values (`LOAD_FAST`, `STORE_FAST`, `LOAD_CONST`, jumps, ...) and
    /// the fast paths of the others, which run no Python code --, in its
    /// error path and before a finalizer point runs finalizers; the
    /// traced loop writes it before every instruction (as CPython's
    /// `prev_instr`), since its trace calls can look from anywhere. The
    /// records below the top keep theirs in `Frame::lasti`, written when
    /// they call (`CALL`) or enter a nested loop
    /// ([`FrameStack::enter_nested`]).
    pub lasti_now: usize,
}

impl FrameStack {
    pub fn new() -> FrameStack {
        FrameStack { values: Vec::with_capacity(1024), frames: Vec::with_capacity(64), lasti_now: 0 }
    }

    /// A nested dispatch loop starts over the record just pushed: the
    /// record below it was the top, executing `lasti_now`; it keeps that
    /// in its own record. Returns what to restore when the loop ends.
    #[inline(always)]
    pub fn enter_nested(&mut self) -> usize {
        let now = self.lasti_now;
        let n = self.frames.len();
        if n >= 2 {
            self.frames[n - 2].lasti = now;
        }
        now
    }

    /// The instruction record `idx` is executing.
    #[inline]
    pub fn lasti_of(&self, idx: usize) -> usize {
        if idx + 1 == self.frames.len() {
            self.lasti_now
        } else {
            self.frames[idx].lasti
        }
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

    /// Makes room for a frame of `code` at `base` and extends the stack
    /// with unbound slots up to `base + nlocalsplus` (the arguments are
    /// already in place below that).
    #[inline(always)]
    pub fn enter_window(&mut self, base: usize, code: &PyCode) {
        self.reserve_frame(base, code);
        let len = self.values.len();
        let end = base + code.nlocalsplus;
        if end > len {
            // SAFETY: `reserve_frame` made `end <= capacity`; the slots
            // `len..end` are allocated and uninitialised, each is written
            // once before `set_len` makes it part of the vector.
            unsafe {
                let p = self.values.as_mut_ptr();
                for i in len..end {
                    p.add(i).write(None);
                }
                self.values.set_len(end);
            }
        }
    }

    /// Moves the function in `values[i]` out of the stack as a typed
    /// handle (the slot becomes unbound); `None`, changing nothing, when
    /// the slot holds anything else.
    #[inline(always)]
    pub fn take_function(&mut self, i: usize) -> Option<PyRef<PyFunction>> {
        let slot = &mut self.values[i];
        slot.as_ref()?.downcast_ref::<PyFunction>()?;
        let obj = slot.take()?.into_ref().ok()?;
        // SAFETY: the object's layout was checked to be `PyFunction` just
        // above; the reference the slot owned moves into the handle.
        Some(unsafe { PyRef::from_obj_unchecked(obj) })
    }

    /// Ends the top frame when it is a plain function frame (no locals
    /// mapping, not a generator's, no saved exception, not an `__init__`
    /// handing back an instance): drops its window and, for a frame called
    /// by `CALL`, the callable slots below it (everything from `ret_sp`
    /// up), then the record. `None`, having done nothing, for any other
    /// frame; else whether it was an entry frame. (Dropping values runs no
    /// Python code: nothing can push onto the stacks meanwhile.)
    #[inline(always)]
    pub fn pop_plain_frame(&mut self) -> Option<bool> {
        let n = self.frames.len();
        let f = self.frames.last()?;
        if f.returns_instance
            || f.generator.is_some()
            || f.func_borrowed
            || f.func.is_none()
            || f.locals.is_some()
            || f.saved_handled.is_some()
            || f.frame_obj.is_some()
        {
            return None;
        }
        let is_entry = f.is_entry;
        let ret_sp = f.ret_sp;
        self.cut_values(ret_sp);
        // SAFETY: the record at `n - 1` is initialised; after `set_len` the
        // vector no longer owns it and it is read here once. Of its owned
        // fields only `func` holds anything (checked above: no locals
        // mapping, generator, saved exception or frame object), so taking `func` out and
        // dropping it releases everything the record owned; with `func`
        // set, the other handles are borrowed (see `Frame`) and need no
        // release.
        unsafe {
            self.frames.set_len(n - 1);
            drop(std::ptr::read(&(*self.frames.as_ptr().add(n - 1)).func));
        }
        Some(is_entry)
    }

    /// Pops the top record, a function frame that just yielded (a
    /// generator's), and hands back what the generator keeps of it; its
    /// window stays on the value stack for the caller to move. Reads the
    /// record's fields in place instead of moving the whole record out and
    /// running its generic drop. `None`, having done nothing, when the top
    /// record runs no function or has a locals mapping (never a
    /// generator's).
    #[inline(always)]
    pub fn pop_suspended(&mut self) -> Option<Suspended> {
        let n = self.frames.len();
        let f = self.frames.last()?;
        if f.func.is_none() || f.locals.is_some() {
            return None;
        }
        // SAFETY: the record at `n - 1` is initialised; after `set_len` the
        // vector no longer owns it, and each of its owned fields is read
        // out here exactly once: `func`, `generator`, `saved_handled` and
        // `frame_obj` (moved into locals below and released or returned),
        // `locals` (checked `None`). With `func` set, `code`, `globals` and
        // `builtins` are borrowed copies (see `Frame`) that need no release;
        // the other fields are plain data.
        let borrowed = f.func_borrowed;
        let (s, func, frame_obj) = unsafe {
            self.frames.set_len(n - 1);
            let p = self.frames.as_ptr().add(n - 1);
            let s = Suspended {
                generator: std::ptr::read(&(*p).generator),
                saved_handled: std::ptr::read(&(*p).saved_handled),
                base: (*p).base,
                pc: (*p).pc,
                lasti: (*p).lasti,
                yield_from: (*p).yield_from,
            };
            (s, std::ptr::read(&(*p).func), std::ptr::read(&(*p).frame_obj))
        };
        if let Some(fo) = frame_obj {
            crate::interp::frame_object::detach(&fo);
        }
        if borrowed {
            // Owns no count (see `Frame::func_borrowed`).
            std::mem::forget(func);
        } else {
            drop(func);
        }
        Some(s)
    }

    /// `values.truncate(to)` with the drops inlined: a returning frame's
    /// window is a few slots, mostly unbound or tagged, which the generic
    /// slice drop (an out-of-line call) spends more on than they need.
    #[inline(always)]
    pub fn cut_values(&mut self, to: usize) {
        let len = self.values.len();
        if to >= len {
            return;
        }
        // SAFETY: `to..len` are initialised slots. Shrinking the length
        // first hands their ownership to this loop, which moves each value
        // out exactly once and drops it.
        unsafe {
            self.values.set_len(to);
            let p = self.values.as_ptr();
            for i in to..len {
                drop(p.add(i).read());
            }
        }
    }

    /// Pushes the record of a function frame (its window already entered).
    #[inline(always)]
    pub fn push_function_record(&mut self, func: PyRef<PyFunction>, base: usize, slots: Slots, ret_sp: usize) {
        self.frames.reserve(1);
        let n = self.frames.len();
        // SAFETY: `reserve` made room for one more record at `n`, written
        // once before `set_len` makes it part of the vector. Writing in
        // place spares a copy of the record through the machine stack.
        unsafe {
            let p = self.frames.as_mut_ptr().add(n);
            p.write(Frame::for_function(func, base, slots, false));
            (*p).ret_sp = ret_sp;
            self.frames.set_len(n + 1);
        }
    }

    /// Pushes the record of a generator's frame resuming at `pc` (its
    /// window already on the value stack from `base`, room reserved with
    /// [`FrameStack::reserve_frame`]). The record borrows `func`, the
    /// generator's own function: it holds `generator`, which keeps the
    /// function alive and never replaces it, so a resumption counts no
    /// function up and down. Written in place, as `push_function_record`.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub fn push_generator_record(
        &mut self,
        func: &PyRef<PyFunction>,
        generator: Value,
        base: usize,
        slots: Slots,
        is_entry: bool,
        pc: usize,
        lasti: usize,
        saved_handled: Option<Value>,
        exit_pc: usize,
    ) {
        self.frames.reserve(1);
        let n = self.frames.len();
        // SAFETY: `borrowed` is a bitwise copy of the generator's handle
        // that owns no count: the record marks it `func_borrowed`, so no
        // path releases it (`Drop`, `pop_suspended`), and `generator`,
        // stored in the same record, keeps the function alive for the
        // record's whole life. `reserve` made room for one more record at
        // `n`, written once before `set_len` makes it part of the vector.
        unsafe {
            let borrowed = std::ptr::read(func);
            let p = self.frames.as_mut_ptr().add(n);
            p.write(Frame::for_function(borrowed, base, slots, is_entry));
            (*p).func_borrowed = true;
            (*p).pc = pc;
            (*p).lasti = lasti;
            (*p).generator = Some(generator);
            (*p).saved_handled = saved_handled;
            (*p).exit_pc = exit_pc;
            self.frames.set_len(n + 1);
        }
    }

    /// `COPY_FREE_VARS n`: the first `n` cells of the closure of frame
    /// `fidx`'s function into the slots from `start` (the frame's free
    /// variables), without counting the closure tuple itself.
    #[inline]
    pub fn copy_free_vars(&mut self, fidx: usize, start: usize, n: usize) {
        let FrameStack { values, frames, .. } = self;
        let Some(cl) = frames[fidx].func().and_then(|f| f.closure.as_ref()) else { return };
        for (slot, c) in values[start..start + n].iter_mut().zip(cl.items()) {
            *slot = Some(c.clone());
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

    /// Pushes `a` then `b` (one length update).
    #[inline(always)]
    pub fn push_two_ops(&mut self, a: Option<Value>, b: Option<Value>) {
        let len = self.values.len();
        assert_capacity(len + 1, self.values.capacity());
        // SAFETY: as in `push_op`, for two slots: the instruction's verified
        // stack effect covers both, so `len + 1 < capacity`.
        unsafe {
            let p = self.values.as_mut_ptr().add(len);
            p.write(a);
            p.add(1).write(b);
            self.values.set_len(len + 2);
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

    /// `SWAP n`: exchanges the top operand with the `n`th from the top.
    #[inline(always)]
    pub fn swap_top(&mut self, n: usize) {
        let len = self.values.len();
        debug_assert!(n >= 1 && n <= len);
        // SAFETY: operand depth >= n at a verified `SWAP n` (as in
        // `peek_op`), so both slots are initialised; `swap` allows them to
        // be the same slot.
        unsafe {
            let p = self.values.as_mut_ptr();
            std::ptr::swap(p.add(len - 1), p.add(len - n));
        }
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

    /// Moves the slots of a `CALL` -- `values[callable_idx..]`: the callable
    /// (or a NULL marker, then the callable), then the arguments -- into
    /// `ops` (which must be empty), leaving the stack cut at `callable_idx`.
    /// `false` (nothing moved) when there are more than
    /// [`CALL_OPERANDS_MAX`] slots.
    #[inline(always)]
    pub fn take_call_operands(&mut self, callable_idx: usize, ops: &mut CallOperands) -> bool {
        let len = self.values.len();
        let n = len.wrapping_sub(callable_idx);
        if !(2..=CALL_OPERANDS_MAX).contains(&n) || ops.len != 0 {
            return false;
        }
        // SAFETY: `callable_idx..len` are initialised slots and `n` fits the
        // buffer. Each is moved out once: the vector forgets them by
        // shrinking its length, and from then on `ops` alone owns them (its
        // `len` covers exactly the moved slots) and drops each once.
        unsafe {
            self.values.set_len(callable_idx);
            let src = self.values.as_ptr().add(callable_idx);
            for i in 0..n {
                ops.buf[i].write(src.add(i).read());
            }
        }
        ops.len = n;
        ops.args = if ops.slot_mut(0).is_none() { 2 } else { 1 };
        // The callable and every argument must be a value (a `None` slot
        // reads as the `None` object, as the generic path does).
        for i in ops.args - 1..n {
            let s = ops.slot_mut(i);
            if s.is_none() {
                *s = Some(crate::types::singletons::none());
            }
        }
        true
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

/// Most slots a [`CallOperands`] holds: the callable, a NULL marker or the
/// receiver, and up to eight more arguments.
pub const CALL_OPERANDS_MAX: usize = 10;

/// The operands of one `CALL`, moved off the value stack (see
/// [`FrameStack::take_call_operands`]). The callee may grow and so move the
/// value stack, so arguments cannot stay borrowed from it; this buffer owns
/// them on the Rust stack instead: no heap allocation and no reference
/// counting to pass them. Invariant: `buf[..len]` are initialised,
/// `buf[args - 1..len]` are all `Some`.
pub struct CallOperands {
    buf: [MaybeUninit<Option<Value>>; CALL_OPERANDS_MAX],
    len: usize,
    args: usize,
}

impl CallOperands {
    /// An empty buffer, for [`FrameStack::take_call_operands`] to fill.
    #[inline(always)]
    pub fn new() -> CallOperands {
        CallOperands { buf: [const { MaybeUninit::uninit() }; CALL_OPERANDS_MAX], len: 0, args: 0 }
    }

    #[inline(always)]
    fn slot_mut(&mut self, i: usize) -> &mut Option<Value> {
        debug_assert!(i < self.len);
        // SAFETY: `i < len`, and `buf[..len]` are initialised.
        unsafe { self.buf[i].assume_init_mut() }
    }

    /// The value called.
    #[inline(always)]
    pub fn callable(&self) -> &Value {
        &self.values()[0]
    }

    /// The arguments (receiver first for a method call), keyword values last.
    #[inline(always)]
    pub fn args(&self) -> &[Value] {
        &self.values()[1..]
    }

    /// The callable followed by the arguments (the argument row of a
    /// class's `__new__`).
    #[inline(always)]
    pub fn values(&self) -> &[Value] {
        let from = self.args - 1;
        // SAFETY: `buf[args - 1..len]` are initialised and all `Some`
        // (the invariant); `Value` is a `repr(transparent)` non-zero word,
        // so `Option<Value>` has its layout and a `Some` is the value itself.
        unsafe { std::slice::from_raw_parts(self.buf.as_ptr().add(from).cast::<Value>(), self.len - from) }
    }
}

impl Default for CallOperands {
    fn default() -> Self {
        CallOperands::new()
    }
}

impl Drop for CallOperands {
    #[inline]
    fn drop(&mut self) {
        for i in 0..self.len {
            // SAFETY: `buf[..len]` are initialised and owned; each is
            // dropped once, here.
            unsafe { self.buf[i].assume_init_drop() };
        }
    }
}

/// Instruction `pc` of a running code's decoded instructions (`PyCode::instrs`).
///
/// Unchecked because every `pc` the dispatch loop reads is in range: the
/// loop starts at 0 or at a saved `pc`, steps by an entry's `len` (which
/// never passes `co.code.len()`, and `instrs` has one extra terminating
/// entry there, see `PyCode::instrs`), or jumps to a target that the
/// verifier checked is an instruction start (jumps, `FOR_ITER`/`SEND`
/// exits, exception handlers); every code object the loop runs was verified
/// (`import::compile_source`). Checked in debug builds.
#[inline(always)]
pub fn fetch(instrs: &[Decoded], pc: usize) -> &Decoded {
    debug_assert!(pc < instrs.len(), "instruction index {pc} outside the code");
    // SAFETY: `pc < instrs.len()` by the argument above.
    unsafe { instrs.get_unchecked(pc) }
}

#[inline(always)]
fn assert_capacity(len: usize, cap: usize) {
    debug_assert!(len < cap, "value stack push beyond the reserved window");
}
