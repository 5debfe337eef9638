//! Assignment targets: stores (with star unpacking), deletions and
//! augmented assignment.
//!
//! Invariant: `compile_store` consumes the value on top of the stack.

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{Constant, Opcode};

use super::expr::{binary_op, is_two_element_slice};
use super::{CResult, Compiler};

impl<'a> Compiler<'a> {
    /// Stores the value on top of the stack into `target`.
    pub(crate) fn compile_store(&mut self, target: &'a ast::Expr) -> CResult {
        let old = self.set_loc(target.range());
        let r = self.compile_store_inner(target);
        self.restore_loc(old);
        r
    }

    fn compile_store_inner(&mut self, target: &'a ast::Expr) -> CResult {
        use ast::Expr;
        match target {
            Expr::Name(n) => self.name_op(&n.id, ast::ExprContext::Store, n.range),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let i = self.add_mangled_name(&a.attr);
                let old = self.set_loc(self.attr_range(a, a.range));
                self.emit(Opcode::STORE_ATTR, i);
                self.restore_loc(old);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                if is_two_element_slice(&s.slice) {
                    self.compile_slice_bounds(&s.slice)?;
                    self.emit(Opcode::STORE_SLICE, 0);
                } else {
                    self.compile_expr(&s.slice)?;
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
                Ok(())
            }
            Expr::Tuple(t) => self.unpack_into(&t.elts, t.range),
            Expr::List(l) => self.unpack_into(&l.elts, l.range),
            Expr::Starred(s) => Err(self.error("starred assignment target must be in a list or tuple", s.range)),
            other => Err(self.error(cannot_assign_message(other, "assign to"), other.range())),
        }
    }

    /// `a, *b, c = value`: UNPACK_SEQUENCE or UNPACK_EX, then the stores.
    fn unpack_into(&mut self, elts: &'a [ast::Expr], range: TextRange) -> CResult {
        let mut star: Option<usize> = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, ast::Expr::Starred(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 16) {
                    return Err(self.error("too many expressions in star-unpacking assignment", range));
                }
                self.emit(Opcode::UNPACK_EX, (i as u32) | ((after as u32) << 8));
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, elts.len() as u32),
        }
        for e in elts {
            match e {
                ast::Expr::Starred(s) => self.compile_store(&s.value)?,
                _ => self.compile_store(e)?,
            }
        }
        Ok(())
    }

    pub(crate) fn compile_delete(&mut self, target: &'a ast::Expr) -> CResult {
        let old = self.set_loc(target.range());
        let r = self.compile_delete_inner(target);
        self.restore_loc(old);
        r
    }

    fn compile_delete_inner(&mut self, target: &'a ast::Expr) -> CResult {
        use ast::Expr;
        match target {
            Expr::Name(n) => self.name_op(&n.id, ast::ExprContext::Del, n.range),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let i = self.add_mangled_name(&a.attr);
                let old = self.set_loc(self.attr_range(a, a.range));
                self.emit(Opcode::DELETE_ATTR, i);
                self.restore_loc(old);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Opcode::DELETE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.compile_delete(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.compile_delete(e)),
            other => Err(self.error(cannot_assign_message(other, "delete"), other.range())),
        }
    }

    pub(crate) fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binary_op(a.op, true) as u32;
        match &*a.target {
            ast::Expr::Name(n) => {
                let old = self.set_loc(n.range);
                self.name_op(&n.id, ast::ExprContext::Load, n.range)?;
                self.restore_loc(old);
                self.compile_expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op);
                let old = self.set_loc(n.range);
                self.name_op(&n.id, ast::ExprContext::Store, n.range)?;
                self.restore_loc(old);
            }
            ast::Expr::Attribute(t) => {
                self.compile_expr(&t.value)?;
                self.emit(Opcode::COPY, 1);
                let i = self.add_mangled_name(&t.attr);
                let old = self.set_loc(t.range);
                self.emit(Opcode::LOAD_ATTR, i << 1);
                self.restore_loc(old);
                self.compile_expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op);
                let old = self.set_loc(t.range);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_ATTR, i);
                self.restore_loc(old);
            }
            ast::Expr::Subscript(t) => {
                // Loads and stores carry the target's position, the
                // operator the statement's (as CPython 3.11).
                self.compile_expr(&t.value)?;
                let stmt_loc = self.set_loc(t.range);
                if is_two_element_slice(&t.slice) {
                    self.compile_slice_bounds(&t.slice)?;
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::BINARY_SLICE, 0);
                    self.compile_expr(&a.value)?;
                    let t_loc = std::mem::replace(&mut self.u().loc, stmt_loc);
                    self.emit(Opcode::BINARY_OP, op);
                    self.u().loc = t_loc;
                    self.emit(Opcode::SWAP, 4);
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SLICE, 0);
                } else {
                    self.compile_expr(&t.slice)?;
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::BINARY_SUBSCR, 0);
                    self.compile_expr(&a.value)?;
                    let t_loc = std::mem::replace(&mut self.u().loc, stmt_loc);
                    self.emit(Opcode::BINARY_OP, op);
                    self.u().loc = t_loc;
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
                self.restore_loc(stmt_loc);
            }
            other => {
                return Err(self.error(
                    format!("'{}' is an illegal expression for augmented assignment", describe_expr(other)),
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    /// `a, b = b, a` without building a tuple: evaluate the values, then
    /// swap them into unpacking order (CPython's flowgraph rewrite of
    /// `BUILD_TUPLE n; UNPACK_SEQUENCE n`).  Returns false if not applicable.
    pub(crate) fn try_swap_assign(&mut self, targets: &'a [ast::Expr], value: &'a ast::Expr) -> CResult<bool> {
        let [target] = targets else { return Ok(false) };
        let (telts, velts) = match (target, value) {
            (ast::Expr::Tuple(t), ast::Expr::Tuple(v)) => (&t.elts, &v.elts),
            (ast::Expr::List(t), ast::Expr::Tuple(v)) => (&t.elts, &v.elts),
            _ => return Ok(false),
        };
        let n = telts.len();
        if n != velts.len()
            || !(2..=3).contains(&n)
            || telts.iter().chain(velts.iter()).any(|e| matches!(e, ast::Expr::Starred(_)))
            || super::constant::literal(value).is_some()
        {
            return Ok(false);
        }
        for v in velts {
            self.compile_expr(v)?;
        }
        self.emit(Opcode::SWAP, n as u32);
        for t in telts {
            self.compile_store(t)?;
        }
        Ok(true)
    }

    /// `None` constant for `name = None; del name` after an except body.
    pub(crate) fn clear_name(&mut self, name: &str, range: TextRange) -> CResult {
        self.load_const(Constant::None);
        self.name_op(name, ast::ExprContext::Store, range)?;
        self.name_op(name, ast::ExprContext::Del, range)
    }
}

/// What CPython calls an expression in "cannot assign to ..." messages.
pub(crate) fn describe_expr(e: &ast::Expr) -> &'static str {
    use ast::Expr;
    match e {
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Named(_) => "named expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Compare(_) => "comparison",
        Expr::Call(_) => "function call",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

pub(crate) fn cannot_assign_message(e: &ast::Expr, verb: &str) -> String {
    format!("cannot {verb} {}", describe_expr(e))
}
