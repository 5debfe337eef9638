//! Statements: dispatch, assignments, loops, `if`, imports, `assert`,
//! annotations and `from __future__` handling.

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::{Constant, Intrinsic1, Opcode};
use crate::error::{CompileError, LineIndex};
use crate::symtable::{mangle, ScopeKind};

use super::constant::{literal, truth_value};
use super::{CResult, Compiler, FBlock};

/// True if `body` contains an annotated assignment outside nested
/// functions and classes (CPython's `find_ann`): the scope then needs
/// `SETUP_ANNOTATIONS`.
pub(crate) fn has_annotations(body: &[ast::Stmt]) -> bool {
    use ast::Stmt;
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Validates `from __future__ import ...` statements (only allowed at the
/// top, after the docstring) and returns whether `annotations` is on.
pub(crate) fn scan_future(body: &[ast::Stmt], lines: &LineIndex<'_>) -> Result<bool, CompileError> {
    let mut annotations = false;
    let mut at_top = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            ast::Stmt::ImportFrom(f)
                if f.module.as_ref().is_some_and(|m| m.as_str() == "__future__") && f.level == 0 =>
            {
                if !at_top {
                    return Err(lines
                        .syntax_error("from __future__ imports must occur at the beginning of the file", s.range()));
                }
                for alias in &f.names {
                    let name = alias.name.as_str();
                    let no_end = |mut e: CompileError| {
                        // CPython leaves end_offset unset here.
                        e.end_col = 0;
                        e.end_line = e.line;
                        e
                    };
                    if name == "braces" {
                        return Err(no_end(lines.syntax_error("not a chance", s.range())));
                    }
                    if !FUTURE_FEATURES.contains(&name) {
                        return Err(no_end(
                            lines.syntax_error(format!("future feature {name} is not defined"), s.range()),
                        ));
                    }
                    annotations |= name == "annotations";
                }
            }
            ast::Stmt::Expr(e) if i == 0 && matches!(&*e.value, ast::Expr::StringLiteral(_)) => {}
            _ => at_top = false,
        }
    }
    Ok(annotations)
}

impl<'a> Compiler<'a> {
    /// CPython's position of a statement: a decorated `def`/`class` starts
    /// at its keyword, not at the first decorator.
    fn stmt_range(&self, s: &ast::Stmt) -> TextRange {
        let decorators = match s {
            ast::Stmt::FunctionDef(f) => &f.decorator_list,
            ast::Stmt::ClassDef(c) => &c.decorator_list,
            _ => return s.range(),
        };
        let Some(last) = decorators.last() else {
            return s.range();
        };
        let src = self.lines.source().as_bytes();
        let mut i = u32::from(last.range.end()) as usize;
        while i < src.len() {
            match src[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => i += 1,
                b'#' => {
                    while i < src.len() && src[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(TextSize::from(i as u32), s.range().end())
    }

    pub(crate) fn compile_stmt(&mut self, s: &'a ast::Stmt) -> CResult {
        let old = self.set_loc(self.stmt_range(s));
        let r = self.compile_stmt_inner(s);
        self.restore_loc(old);
        r
    }

    fn compile_stmt_inner(&mut self, s: &'a ast::Stmt) -> CResult {
        use ast::Stmt;
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(f),
            Stmt::ClassDef(c) => self.compile_class_def(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.compile_delete(t)),
            Stmt::Assign(a) => {
                if self.try_swap_assign(&a.targets, &a.value)? {
                    return Ok(());
                }
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_augassign(a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::TypeAlias(t) => Err(self.error("type alias statements are not supported", t.range)),
            Stmt::For(f) if f.is_async => self.compile_async_for(f),
            Stmt::For(f) => self.compile_for(f),
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(i),
            Stmt::With(w) => self.compile_with(w, 0),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => self.compile_raise(r),
            Stmt::Try(t) => self.compile_try(t),
            Stmt::Assert(a) => self.compile_assert(a),
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            // A line marker, so that tracing reports the line (CPython's
            // NOP; the assembler drops it where another instruction
            // carries the line).
            Stmt::Pass(_) => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            Stmt::Expr(e) => self.compile_expr_stmt(e),
            Stmt::Break(b) => self.compile_break(b.range),
            Stmt::Continue(c) => self.compile_continue(c.range),
            Stmt::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    fn compile_expr_stmt(&mut self, e: &'a ast::StmtExpr) -> CResult {
        if self.interactive && self.units.len() == 1 {
            self.compile_expr(&e.value)?;
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::Print as u32);
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if literal(&e.value).is_some() {
            // A constant statement (docstring-like) does nothing but mark
            // its line, as `pass`.
            self.emit(Opcode::NOP, 0);
            return Ok(());
        }
        self.compile_expr(&e.value)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.compile_expr(v)?;
            self.compile_store(&a.target)?;
        }
        let module_or_class = matches!(self.ur().kind, ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            ast::Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                if a.simple && module_or_class {
                    self.compile_annotation(&a.annotation)?;
                    let i = self.add_name("__annotations__");
                    self.emit(Opcode::LOAD_NAME, i);
                    let mangled = mangle(self.ur().private.as_deref(), &n.id);
                    self.load_const(Constant::Str(mangled));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ast::Expr::Attribute(t) => {
                if a.value.is_none() {
                    self.compile_expr(&t.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            ast::Expr::Subscript(t) => {
                if a.value.is_none() {
                    self.compile_expr(&t.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.compile_expr(&t.slice)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            other => return Err(self.error(super::target::cannot_assign_message(other, "annotate"), other.range())),
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.compile_expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    /// Pushes an annotation value: the expression, or its source text
    /// under `from __future__ import annotations`.
    pub(crate) fn compile_annotation(&mut self, e: &'a ast::Expr) -> CResult {
        if let (ast::Expr::Starred(s), false) = (e, self.future_annotations) {
            // `*args: *Ts` (PEP 646) evaluates `[*Ts][0]`, as CPython 3.11.
            self.compile_expr(&s.value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
            return Ok(());
        }
        if self.future_annotations {
            let text = self.source_text(e.range()).to_string();
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.compile_expr(e)
        }
    }

    fn compile_if(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, next, false)?;
        self.compile_body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.jump_noline(end);
            self.bind(next);
            next = self.new_label();
            let old = self.set_loc(clause.range);
            if let Some(test) = &clause.test {
                self.jump_if(test, next, false)?;
            }
            self.restore_loc(old);
            self.compile_body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let exit = self.new_label();
        if truth_value(&w.test) == Some(false) {
            // The folded test still marks the line.
            let old = self.set_loc(w.test.range());
            self.emit(Opcode::NOP, 0);
            self.restore_loc(old);
            self.compile_body(&w.orelse)?;
            return Ok(());
        }
        if truth_value(&w.test) == Some(true) {
            // `while True:` has no test: a NOP marks its line on entry (and
            // for `continue`), and the back edge carries it, so each
            // iteration reports it (CPython 3.11's folded test).
            self.bind(start);
            let old = self.set_loc(w.test.range());
            self.emit(Opcode::NOP, 0);
            self.restore_loc(old);
            let body = self.new_label();
            self.bind(body);
            self.u().fblocks.push(FBlock::WhileLoop { start, exit });
            self.compile_body(&w.body)?;
            self.u().fblocks.pop();
            self.jump(body);
            self.bind(anchor);
            self.compile_body(&w.orelse)?;
            self.bind(exit);
            return Ok(());
        }
        self.bind(start);
        self.jump_if(&w.test, anchor, false)?;
        self.u().fblocks.push(FBlock::WhileLoop { start, exit });
        self.compile_body(&w.body)?;
        self.u().fblocks.pop();
        // Artificial: the test it goes back to reports the line.
        self.jump_noline(start);
        self.bind(anchor);
        self.compile_body(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        match super::expr::constant_container(&f.iter) {
            Some(c) => {
                let old = self.set_loc(f.iter.range());
                self.load_const(c);
                self.restore_loc(old);
            }
            None => self.compile_expr(&f.iter)?,
        }
        // GET_ITER and FOR_ITER carry the whole statement's position, as in
        // CPython 3.11 (a traceback through FOR_ITER shows no carets).
        self.emit(Opcode::GET_ITER, 0);
        self.bind(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.u().fblocks.push(FBlock::ForLoop { start, exit });
        self.compile_store(&f.target)?;
        self.compile_body(&f.body)?;
        self.u().fblocks.pop();
        // Artificial: `FOR_ITER`, reached backwards, reports the line.
        self.jump_noline(start);
        self.bind(cleanup);
        self.compile_body(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn compile_assert(&mut self, a: &'a ast::StmtAssert) -> CResult {
        let always_true = match &*a.test {
            ast::Expr::Tuple(t) => !t.elts.is_empty(),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?", a.range);
        }
        let end = self.new_label();
        self.last_jump_compare = None;
        self.jump_if(&a.test, end, true)?;
        // CPython 3.11 positions the raise at the last comparison of the
        // test, if any, else at the statement (traceback carets).
        let at = self.last_jump_compare.take().unwrap_or(a.range);
        let old = self.set_loc(at);
        self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
        if let Some(msg) = &a.msg {
            self.compile_expr(msg)?;
            self.emit(Opcode::CALL, 0);
        }
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.restore_loc(old);
        self.bind(end);
        Ok(())
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            let n = self.add_name(&alias.name);
            self.emit(Opcode::IMPORT_NAME, n);
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = alias.name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, part) in parts[1..].iter().enumerate() {
                            let n = self.add_name(part);
                            self.emit(Opcode::IMPORT_FROM, n);
                            if k + 2 < parts.len() {
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.name_op(asname, ast::ExprContext::Store, asname.range)?;
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.name_op(asname, ast::ExprContext::Store, asname.range)?;
                    }
                }
                None => {
                    let first = alias.name.split('.').next().unwrap_or("");
                    self.name_op(first, ast::ExprContext::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        self.load_const(Constant::Int(i.level.into()));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        let n = self.add_name(module);
        self.emit(Opcode::IMPORT_NAME, n);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ImportStar as u32);
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        for alias in &i.names {
            let n = self.add_name(&alias.name);
            self.emit(Opcode::IMPORT_FROM, n);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store, ast::ExprContext::Store, alias.range)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn compile_raise(&mut self, r: &'a ast::StmtRaise) -> CResult {
        let mut n = 0;
        if let Some(exc) = &r.exc {
            self.compile_expr(exc)?;
            n = 1;
            if let Some(cause) = &r.cause {
                self.compile_expr(cause)?;
                n = 2;
            }
        }
        self.emit(Opcode::RAISE_VARARGS, n);
        Ok(())
    }
}
