//! `return`, `break`, `continue` and the frame-block unwinding they need;
//! `try`/`except`/`else`/`finally` and `with` (CPython 3.12 shapes, see
//! `docs/bytecode.md`).
//!
//! Invariant: every `Setup*` pseudo instruction is matched by a `PopBlock`
//! on each path that leaves its region normally.

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{Constant, Opcode};

use super::constant::literal;
use super::ir::Op;
use super::{CResult, Compiler, FBlock};

impl<'a> Compiler<'a> {
    pub(crate) fn compile_return(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if !self.table.scopes[self.ur().scope].is_function() {
            return Err(self.error("'return' outside function", r.range));
        }
        let scope = &self.table.scopes[self.ur().scope];
        if scope.is_coroutine && scope.is_generator && r.value.is_some() {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        let constant = r.value.as_deref().and_then(literal);
        let preserve = r.value.is_some() && constant.is_none();
        if preserve {
            if let Some(v) = &r.value {
                self.compile_expr(v)?;
            }
        } else if let Some(v) = &r.value {
            // Line markers (CPython 3.11's `compiler_return`): the
            // unwinding below may run other lines before the return.
            let old = self.set_loc(v.range());
            self.emit(Opcode::NOP, 0);
            self.restore_loc(old);
        }
        if r.value.as_deref().is_none_or(|v| self.line_of(v.range()) != self.line_of(r.range)) {
            self.emit(Opcode::NOP, 0);
        }
        // CPython positions errors from unwinding at the value when it is
        // on the statement's line.
        let at = match r.value.as_deref() {
            Some(v) if self.line_of(v.range()) == self.line_of(r.range) => v.range(),
            _ => r.range,
        };
        self.unwind_fblock_stack(preserve, false, at)?;
        match (preserve, constant) {
            (true, _) => self.emit(Opcode::RETURN_VALUE, 0),
            (false, Some(c)) => self.return_const(c),
            (false, None) => self.return_const(Constant::None),
        }
        Ok(())
    }

    pub(crate) fn compile_break(&mut self, range: TextRange) -> CResult {
        // A line marker: the unwinding may run other lines first.
        self.emit(Opcode::NOP, 0);
        match self.unwind_fblock_stack(false, true, range)? {
            Some(fb @ (FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. })) => {
                self.unwind_fblock(&fb, false)?;
                self.jump(exit);
                Ok(())
            }
            _ => Err(self.error("'break' outside loop", range)),
        }
    }

    pub(crate) fn compile_continue(&mut self, range: TextRange) -> CResult {
        self.emit(Opcode::NOP, 0);
        match self.unwind_fblock_stack(false, true, range)? {
            Some(FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. }) => {
                self.jump(start);
                Ok(())
            }
            _ => Err(self.error("'continue' not properly in loop", range)),
        }
    }

    /// Emits the cleanup of every frame block from the innermost outwards;
    /// with `stop_at_loop`, stops at (and returns) the innermost loop.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top, FBlock::ExceptionGroupHandler) {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block", range));
        }
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = self
            .unwind_fblock(&top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(preserve_tos, stop_at_loop, range));
        self.u().fblocks.push(top);
        r
    }

    /// Cleanup for leaving one frame block early (CPython's
    /// `compiler_unwind_fblock`).  With `preserve_tos` a return value sits
    /// on top of the block's stack items and must stay there.
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match fb {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::TryExcept => self.emit_pseudo(Op::PopBlock, None),
            FBlock::FinallyTry { body } => {
                self.emit_pseudo(Op::PopBlock, None);
                if preserve_tos {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let body: &'a [ast::Stmt] = body;
                let r = self.compile_body(body);
                if preserve_tos {
                    self.u().fblocks.pop();
                }
                r?;
                // The finally body appears to run after the statement that
                // left: what follows it (the return, the jump) is
                // artificial (CPython 3.11).
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::With { loc, is_async } => {
                let old = std::mem::replace(&mut self.u().loc, *loc);
                self.emit_pseudo(Op::PopBlock, None);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.await_result(2);
                }
                self.emit(Opcode::POP_TOP, 0);
                // As after a finally body: the rest is artificial.
                let _ = old;
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock, None);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.clear_name(n, TextRange::default())?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// `[exit]` -> `[result]`: calls `exit(None, None, None)`.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::CALL, 2);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1` for `[prev lasti exc]`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    pub(crate) fn compile_try(&mut self, t: &'a ast::StmtTry) -> CResult {
        // The `try:` line has an instruction of its own (CPython's
        // SETUP_FINALLY turned NOP), so tracing reports it.
        self.emit(Opcode::NOP, 0);
        if t.finalbody.is_empty() {
            self.compile_try_except(t)
        } else {
            self.compile_try_finally(t)
        }
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_pseudo(Op::SetupFinally, Some(end));
        self.u().fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.compile_body(&t.body)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.emit_pseudo(Op::PopBlock, None);
        self.u().fblocks.pop();
        self.compile_body(&t.finalbody)?;
        self.jump_noline(exit);
        // The exceptional path: the finally body runs as a handler; its
        // entry and re-raise are artificial (CPython 3.11).
        self.bind(end);
        let old = self.unset_loc();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.compile_body(&t.finalbody)?;
        self.u().fblocks.pop();
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.restore_loc(old);
        self.bind(exit);
        Ok(())
    }

    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.is_star {
            return self.compile_try_star_except(t);
        }
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.u().fblocks.push(FBlock::TryExcept);
        self.compile_body(&t.body)?;
        self.u().fblocks.pop();
        self.emit_pseudo(Op::PopBlock, None);
        self.compile_body(&t.orelse)?;
        self.jump_noline(end);

        // The handler's entry has no line (CPython 3.11): the `except`
        // clause reports its own.
        self.bind(except);
        let outer = self.unset_loc();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::ExceptionHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next_except = self.new_label();
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next_except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.name_op(name, ast::ExprContext::Store, name.range)?;
                self.emit_pseudo(Op::SetupCleanup, Some(cleanup_end));
                self.u().fblocks.push(FBlock::HandlerCleanup { name: Some(name.to_string()) });
                self.compile_body(&h.body)?;
                self.u().fblocks.pop();
                // `name = None; del name` after the body is artificial.
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock, None);
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.clear_name(name, name.range)?;
                self.jump(end);
                self.bind(cleanup_end);
                self.clear_name(name, name.range)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                self.emit(Opcode::POP_TOP, 0);
                self.u().fblocks.push(FBlock::HandlerCleanup { name: None });
                self.compile_body(&h.body)?;
                self.u().fblocks.pop();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.jump(end);
            }
            self.restore_loc(old);
            self.bind(next_except);
        }
        self.u().fblocks.pop();
        self.unset_loc();
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.restore_loc(outer);
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* E as n: ...` (PEP 654, CPython 3.12's shape).
    /// Handler stack: `[prev orig raised_list rest]`; each clause splits
    /// `rest` with `CHECK_EG_MATCH`, collects what its body raises into the
    /// list, and `CALL_INTRINSIC_2 PREP_RERAISE_STAR` decides what escapes.
    fn compile_try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        let reraise = self.new_label();
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.u().fblocks.push(FBlock::TryExcept);
        self.compile_body(&t.body)?;
        self.u().fblocks.pop();
        self.emit_pseudo(Op::PopBlock, None);
        self.compile_body(&t.orelse)?;
        self.jump_noline(end);

        self.bind(except);
        let outer = self.unset_loc();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().fblocks.push(FBlock::ExceptionGroupHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_loc(h.range);
            let next_except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            let cleanup_end = self.new_label();
            if i == 0 {
                // [prev orig] -> [prev orig [] orig]
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::COPY, 2);
            }
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
            }
            match &h.name {
                Some(name) => self.name_op(name, ast::ExprContext::Store, name.range)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.emit_pseudo(Op::SetupCleanup, Some(cleanup_end));
            self.u().fblocks.push(FBlock::HandlerCleanup { name: h.name.as_ref().map(|n| n.to_string()) });
            self.compile_body(&h.body)?;
            self.u().fblocks.pop();
            // The rest of the clause is artificial.
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock, None);
            if let Some(name) = &h.name {
                self.clear_name(name, name.range)?;
            }
            self.jump(next_except);
            // The body raised: [.. rest lasti exc] -> record exc.
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.clear_name(name, name.range)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.jump(except_with_error);
            self.bind(next_except);
            self.jump(except_with_error);
            self.bind(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                // The unhandled rest joins the list too.
                self.emit(Opcode::LIST_APPEND, 1);
                self.jump(reraise_star);
            }
            self.restore_loc(old);
        }
        self.u().fblocks.pop();
        self.unset_loc();
        self.bind(reraise_star);
        self.emit(Opcode::CALL_INTRINSIC_2, crate::bytecode::Intrinsic2::PrepReraiseStar as u32);
        self.emit(Opcode::COPY, 1);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(end);
        self.bind(reraise);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.restore_loc(outer);
        self.bind(end);
        Ok(())
    }

    /// `with` items from `pos` on, each nesting the next.
    /// `[awaitable]` -> `[result]`: `GET_AWAITABLE kind` and the `yield
    /// from` loop (kind 0: `await`, 1: after `__aenter__`, 2: after
    /// `__aexit__`).
    pub(crate) fn await_result(&mut self, kind: u32) {
        self.emit(Opcode::GET_AWAITABLE, kind);
        self.load_const(Constant::None);
        self.yield_from_loop();
    }

    /// `async for` (3.12's shape): `GET_AITER`, then each item is
    /// `GET_ANEXT` + await under a handler that ends the loop with
    /// `END_ASYNC_FOR` on `StopAsyncIteration`.
    pub(crate) fn compile_async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        if !self.in_async_function() {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.new_label();
        let except = self.new_label();
        let exit = self.new_label();
        self.compile_expr(&f.iter)?;
        // GET_AITER and the `__anext__` await carry the whole statement's
        // position, as in CPython 3.11 (a traceback through them shows no
        // carets); END_ASYNC_FOR takes the iterable's.
        self.emit(Opcode::GET_AITER, 0);
        self.bind(start);
        self.u().fblocks.push(FBlock::ForLoop { start, exit });
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.emit_pseudo(Op::PopBlock, None);
        self.compile_store(&f.target)?;
        self.compile_body(&f.body)?;
        self.jump_noline(start);
        let old = self.set_loc(f.iter.range());
        self.u().fblocks.pop();
        self.bind(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.restore_loc(old);
        self.compile_body(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// True in an `async def` body (where `await`, `async for` and `async
    /// with` are allowed).
    pub(crate) fn in_async_function(&self) -> bool {
        self.table.scopes[self.ur().scope].is_async
    }

    pub(crate) fn compile_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        if w.is_async && pos == 0 && !self.in_async_function() {
            return Err(self.error("'async with' outside async function", w.range));
        }
        let Some(item) = w.items.get(pos) else {
            return self.compile_body(&w.body);
        };
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.compile_expr(&item.context_expr)?;
        let old = self.set_loc(w.range);
        let with_loc = self.ur().loc;
        if w.is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
            self.await_result(1);
        } else {
            self.emit(Opcode::BEFORE_WITH, 0);
        }
        self.emit_pseudo(Op::SetupWith, Some(final_));
        self.restore_loc(old);
        self.u().fblocks.push(FBlock::With { loc: with_loc, is_async: w.is_async });
        match &item.optional_vars {
            Some(v) => self.compile_store(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        self.compile_with(w, pos + 1)?;
        self.u().fblocks.pop();
        let old = self.set_loc(w.range);
        self.emit_pseudo(Op::PopBlock, None);
        self.call_exit_with_nones();
        if w.is_async {
            self.await_result(2);
        }
        self.emit(Opcode::POP_TOP, 0);
        self.jump(exit);

        self.bind(final_);
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if w.is_async {
            self.await_result(2);
        }
        // CPython's `compiler_with_except_finish`: artificial.
        self.unset_loc();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 2);
        self.bind(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.restore_loc(old);
        Ok(())
    }
}
