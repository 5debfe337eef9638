//! List/set/dict comprehensions and generator expressions, compiled as
//! nested functions (CPython 3.11, not 3.12's inlining).
//!
//! The nested code takes the iterator of the outermost `for` as its one
//! parameter `.0`; the outermost iterable itself is evaluated in the
//! enclosing scope.  Inside, `LIST_APPEND`/`SET_ADD`/`MAP_ADD` reach the
//! result below the stacked iterators: with `depth` iterators on the stack
//! the argument is `depth + 1`.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use crate::bytecode::{Constant, Opcode};
use crate::symtable::{node_key, ComprehensionKind};

use super::ir::Op;
use super::{CResult, Compiler, FBlock};

/// The pieces of any comprehension.
struct Comp<'a> {
    kind: ComprehensionKind,
    generators: &'a [ast::Comprehension],
    elt: &'a ast::Expr,
    value: Option<&'a ast::Expr>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_comprehension(&mut self, e: &'a ast::Expr) -> CResult {
        let (key, comp) = match e {
            ast::Expr::ListComp(c) => (
                node_key(c),
                Comp { kind: ComprehensionKind::List, generators: &c.generators, elt: &c.elt, value: None },
            ),
            ast::Expr::SetComp(c) => (
                node_key(c),
                Comp { kind: ComprehensionKind::Set, generators: &c.generators, elt: &c.elt, value: None },
            ),
            ast::Expr::DictComp(c) => (
                node_key(c),
                Comp { kind: ComprehensionKind::Dict, generators: &c.generators, elt: &c.key, value: Some(&c.value) },
            ),
            ast::Expr::Generator(c) => (
                node_key(c),
                Comp { kind: ComprehensionKind::Generator, generators: &c.generators, elt: &c.elt, value: None },
            ),
            _ => return Err(self.error("internal error: not a comprehension", e.range())),
        };
        let Some(outermost) = comp.generators.first() else {
            return Err(self.error("internal error: comprehension without generators", e.range()));
        };
        let scope = self
            .table
            .scope_for(key)
            .ok_or_else(|| self.error("internal error: no scope for comprehension", e.range()))?;
        let is_async = self.table.scopes[scope].is_coroutine;
        let outer_kind = self.ur().kind;
        if is_async
            && comp.kind != ComprehensionKind::Generator
            && !self.in_async_function()
            && !matches!(outer_kind, crate::symtable::ScopeKind::Comprehension(_))
        {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function", e.range()));
        }
        self.emit(Opcode::PUSH_NULL, 0);
        let private = self.ur().private.clone();
        let line = self.line_of(e.range());
        self.enter_unit(scope, comp.kind.code_name(), line, private);
        // Inside, the loop machinery carries the comprehension's position.
        self.set_loc(super::expr::expr_range(e, self.lines.source()));
        self.u().argcount = 1;
        let generator = comp.kind == ComprehensionKind::Generator;
        let handler = if generator || is_async {
            let h = self.new_label();
            self.emit_pseudo(super::ir::Op::SetupCleanup, Some(h));
            Some(h)
        } else {
            None
        };
        match comp.kind {
            ComprehensionKind::List => self.emit(Opcode::BUILD_LIST, 0),
            ComprehensionKind::Set => self.emit(Opcode::BUILD_SET, 0),
            ComprehensionKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            ComprehensionKind::Generator => {}
        }
        self.comprehension_generator(&comp, 0, 0)?;
        if generator {
            self.return_const(Constant::None);
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        if let Some(h) = handler {
            // No line, as a generator function's wrapper.
            self.bind(h);
            self.unset_loc();
            self.emit(Opcode::CALL_INTRINSIC_1, crate::bytecode::Intrinsic1::StopIterationError as u32);
            self.emit(Opcode::RERAISE, 1);
        }
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        self.compile_expr(&outermost.iter)?;
        self.emit(if outermost.is_async { Opcode::GET_AITER } else { Opcode::GET_ITER }, 0);
        self.emit(Opcode::CALL, 1);
        if is_async && comp.kind != ComprehensionKind::Generator {
            // An async list/set/dict comprehension is a coroutine: await it.
            self.await_result(0);
        }
        Ok(())
    }

    fn comprehension_generator(&mut self, comp: &Comp<'a>, index: usize, depth: u32) -> CResult {
        let gen = &comp.generators[index];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            // The outermost iterator is parameter `.0`.
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.compile_expr(&gen.iter)?;
            self.emit(if gen.is_async { Opcode::GET_AITER } else { Opcode::GET_ITER }, 0);
        }
        let depth = depth + 1;
        self.bind(start);
        if gen.is_async {
            // `async for` clause: await `__anext__()` under a handler that
            // ends the loop on StopAsyncIteration.
            self.u().fblocks.push(FBlock::AsyncComprehensionGenerator);
            self.emit_pseudo(Op::SetupFinally, Some(anchor));
            self.emit(Opcode::GET_ANEXT, 0);
            self.load_const(Constant::None);
            self.yield_from_loop();
            self.emit_pseudo(Op::PopBlock, None);
        } else {
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < comp.generators.len() {
            self.comprehension_generator(comp, index + 1, depth)?;
        } else {
            match comp.kind {
                ComprehensionKind::Generator => {
                    self.compile_expr(comp.elt)?;
                    self.emit_yield();
                    self.emit(Opcode::POP_TOP, 0);
                }
                ComprehensionKind::List => {
                    self.compile_expr(comp.elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1);
                }
                ComprehensionKind::Set => {
                    self.compile_expr(comp.elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1);
                }
                ComprehensionKind::Dict => {
                    self.compile_expr(comp.elt)?;
                    if let Some(v) = comp.value {
                        self.compile_expr(v)?;
                    }
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        self.bind(if_cleanup);
        self.jump(start);
        self.bind(anchor);
        if gen.is_async {
            self.u().fblocks.pop();
            self.emit(Opcode::END_ASYNC_FOR, 0);
        }
        Ok(())
    }
}
