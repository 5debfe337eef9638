//! Expressions (loads), conditional jumps, boolean operators, comparisons,
//! container displays and f-strings.
//!
//! Invariant: `compile_expr` leaves exactly one value on the stack and
//! `jump_if` leaves the stack as it found it on both paths.

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{BinaryOp, CompareOp, Constant, FormatFlags, Intrinsic1, Location, Opcode};
use crate::symtable::ScopeKind;

use super::constant::literal;
use super::ir::Label;
use super::{CResult, Compiler};

/// Above this many items a display is built incrementally (CPython's
/// `STACK_USE_GUARD`) to bound the stack depth.
pub(crate) const STACK_USE_GUARD: usize = 30;

pub(crate) fn binary_op(op: ast::Operator, inplace: bool) -> BinaryOp {
    use ast::Operator::*;
    let base = match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Subtract,
        Mult => BinaryOp::Multiply,
        MatMult => BinaryOp::MatrixMultiply,
        Div => BinaryOp::TrueDivide,
        Mod => BinaryOp::Remainder,
        Pow => BinaryOp::Power,
        LShift => BinaryOp::Lshift,
        RShift => BinaryOp::Rshift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDivide,
    };
    if inplace {
        match base {
            BinaryOp::Add => BinaryOp::InplaceAdd,
            BinaryOp::And => BinaryOp::InplaceAnd,
            BinaryOp::FloorDivide => BinaryOp::InplaceFloorDivide,
            BinaryOp::Lshift => BinaryOp::InplaceLshift,
            BinaryOp::MatrixMultiply => BinaryOp::InplaceMatrixMultiply,
            BinaryOp::Multiply => BinaryOp::InplaceMultiply,
            BinaryOp::Remainder => BinaryOp::InplaceRemainder,
            BinaryOp::Or => BinaryOp::InplaceOr,
            BinaryOp::Power => BinaryOp::InplacePower,
            BinaryOp::Rshift => BinaryOp::InplaceRshift,
            BinaryOp::Subtract => BinaryOp::InplaceSubtract,
            BinaryOp::TrueDivide => BinaryOp::InplaceTrueDivide,
            BinaryOp::Xor => BinaryOp::InplaceXor,
            other => other,
        }
    } else {
        base
    }
}

/// A list or set display whose items are all constants, as the tuple or
/// frozenset constant that can replace it where only iteration or
/// membership is observable (`x in [1, 2]`, `for x in [1, 2]`).
pub(crate) fn constant_container(e: &ast::Expr) -> Option<Constant> {
    match e {
        ast::Expr::List(l) if !l.elts.is_empty() => {
            l.elts.iter().map(literal).collect::<Option<Vec<_>>>().map(Constant::Tuple)
        }
        ast::Expr::Set(s) => s.elts.iter().map(literal).collect::<Option<Vec<_>>>().map(Constant::FrozenSet),
        _ => None,
    }
}

/// The position CPython gives an expression: a generator expression that
/// is the sole argument of a call (`f(x for x in y)`) includes the call's
/// parentheses.
pub(crate) fn expr_range(e: &ast::Expr, source: &str) -> TextRange {
    match e {
        ast::Expr::Generator(g) if !g.parenthesized => {
            let b = source.as_bytes();
            let (mut s, mut t) = (u32::from(g.range.start()) as usize, u32::from(g.range.end()) as usize);
            while s > 0 && b[s - 1].is_ascii_whitespace() {
                s -= 1;
            }
            while t < b.len() && b[t].is_ascii_whitespace() {
                t += 1;
            }
            if s > 0 && b[s - 1] == b'(' && t < b.len() && b[t] == b')' {
                let size = |x: usize| ruff_text_size::TextSize::from(x as u32);
                return TextRange::new(size(s - 1), size(t + 1));
            }
            g.range
        }
        _ => e.range(),
    }
}

/// True if `slice` is `a:b` without a step (compiled with the `*_SLICE`
/// opcodes).
pub(crate) fn is_two_element_slice(slice: &ast::Expr) -> bool {
    matches!(slice, ast::Expr::Slice(s) if s.step.is_none())
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_expr(&mut self, e: &'a ast::Expr) -> CResult {
        let old = self.set_loc(expr_range(e, self.lines.source()));
        let r = self.compile_expr_inner(e);
        self.restore_loc(old);
        r
    }

    fn compile_expr_inner(&mut self, e: &'a ast::Expr) -> CResult {
        use ast::Expr;
        if let Expr::StringLiteral(s) = e {
            let c = super::constant::surrogate_literal(s, self.lines.source())
                .unwrap_or_else(|| Constant::Str(s.value.to_str().to_string()));
            self.load_const(c);
            return Ok(());
        }
        if let Some(c) = literal(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => self.compile_boolop(b)?,
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.compile_store(&n.target)?;
            }
            Expr::BinOp(b) => {
                if self.try_compile_percent_format(b)? {
                    return Ok(());
                }
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binary_op(b.op, false) as u32);
            }
            Expr::UnaryOp(u) => {
                self.compile_expr(&u.operand)?;
                match u.op {
                    ast::UnaryOp::Not => self.emit(Opcode::UNARY_NOT, 0),
                    ast::UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0),
                    ast::UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0),
                    ast::UnaryOp::UAdd => self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::UnaryPositive as u32),
                }
            }
            Expr::Lambda(l) => self.compile_lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.compile_expr(&i.body)?;
                self.jump(end);
                self.bind(next);
                self.compile_expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => {
                self.starunpack(&s.elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false)?
            }
            Expr::List(l) => {
                self.starunpack(&l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)?
            }
            Expr::Tuple(t) => {
                self.starunpack(&t.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.compile_comprehension(e)?
            }
            Expr::Await(a) => {
                let scope = &self.table.scopes[self.ur().scope];
                if !scope.is_function() {
                    return Err(self.error("'await' outside function", a.range));
                }
                if !scope.is_async && !matches!(scope.kind, ScopeKind::Comprehension(_)) {
                    return Err(self.error("'await' outside async function", a.range));
                }
                self.compile_expr(&a.value)?;
                self.await_result(0);
            }
            Expr::Yield(y) => {
                self.check_yield_allowed(y.range, false)?;
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                self.check_yield_allowed(y.range, true)?;
                self.compile_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => self.compile_fstring(f)?,
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let old = self.set_loc(self.attr_range(a, a.range));
                let i = self.add_mangled_name(&a.attr);
                self.emit(Opcode::LOAD_ATTR, i << 1);
                self.restore_loc(old);
            }
            Expr::Subscript(s) => {
                self.check_subscript(&s.value, &s.slice);
                self.compile_expr(&s.value)?;
                if is_two_element_slice(&s.slice) {
                    self.compile_slice_bounds(&s.slice)?;
                    self.emit(Opcode::BINARY_SLICE, 0);
                } else {
                    self.compile_expr(&s.slice)?;
                    self.emit(Opcode::BINARY_SUBSCR, 0);
                }
            }
            Expr::Starred(s) => return Err(self.error("can't use starred expression here", s.range)),
            Expr::Name(n) => self.name_op(&n.id, ast::ExprContext::Load, n.range)?,
            Expr::Slice(s) => {
                let n = if s.step.is_some() { 3 } else { 2 };
                self.compile_slice_bounds(e)?;
                if let Some(step) = &s.step {
                    self.compile_expr(step)?;
                }
                self.emit(Opcode::BUILD_SLICE, n);
            }
            Expr::TString(t) => return Err(self.error("template strings are not supported", t.range)),
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                return Err(self.error("invalid literal", e.range()));
            }
        }
        Ok(())
    }

    /// CPython 3.11's position of an attribute operation (and of the call
    /// of a method): when the attribute spans lines, it starts at the
    /// attribute name, so tracebacks point at `.name(...)`, not at the
    /// start of the receiver.  `outer` is the expression's own range.
    pub(crate) fn attr_range(&self, a: &ast::ExprAttribute, outer: TextRange) -> TextRange {
        if self.line_of(a.range) == self.line_of(TextRange::empty(a.range.end())) {
            return outer;
        }
        TextRange::new(a.attr.range.start(), outer.end().max(a.attr.range.start()))
    }

    /// Pushes `lower` and `upper` of a slice (None when absent).
    pub(crate) fn compile_slice_bounds(&mut self, slice: &'a ast::Expr) -> CResult {
        let ast::Expr::Slice(s) = slice else {
            return self.compile_expr(slice);
        };
        match &s.lower {
            Some(l) => self.compile_expr(l)?,
            None => self.load_const(Constant::None),
        }
        match &s.upper {
            Some(u) => self.compile_expr(u)?,
            None => self.load_const(Constant::None),
        }
        Ok(())
    }

    fn check_yield_allowed(&self, range: TextRange, from: bool) -> CResult {
        let scope = &self.table.scopes[self.ur().scope];
        if !scope.is_function() || self.ur().kind == ScopeKind::Module {
            return Err(self.error("'yield' outside function", range));
        }
        if from && scope.is_async {
            return Err(self.error("'yield from' inside async function", range));
        }
        Ok(())
    }

    /// `YIELD_VALUE 0`, wrapping the value first in an async generator.
    pub(crate) fn emit_yield(&mut self) {
        let scope = &self.table.scopes[self.ur().scope];
        if scope.is_generator && scope.is_coroutine {
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::AsyncGenWrap as u32);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
    }

    /// `[receiver value]` -> `[result]`: the `yield from` loop.
    pub(crate) fn yield_from_loop(&mut self) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Opcode::SEND, exit);
        self.emit_pseudo(super::ir::Op::SetupFinally, Some(fail));
        self.emit(Opcode::YIELD_VALUE, 1);
        self.emit_pseudo(super::ir::Op::PopBlock, None);
        self.emit_jump(Opcode::JUMP_BACKWARD_NO_INTERRUPT, send);
        self.bind(fail);
        self.emit(Opcode::CLEANUP_THROW, 0);
        self.bind(exit);
        self.emit(Opcode::END_SEND, 0);
    }

    fn compile_boolop(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let end = self.new_label();
        let jump = if b.op == ast::BoolOp::And { Opcode::POP_JUMP_IF_FALSE } else { Opcode::POP_JUMP_IF_TRUE };
        let (last, rest) = b.values.split_last().ok_or_else(|| self.error("empty boolean operation", b.range))?;
        for v in rest {
            self.compile_expr(v)?;
            self.emit(Opcode::COPY, 1);
            self.emit_jump(jump, end);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    pub(crate) fn emit_compare(&mut self, op: ast::CmpOp) {
        use ast::CmpOp::*;
        match op {
            Eq => self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32),
            NotEq => self.emit(Opcode::COMPARE_OP, CompareOp::Ne as u32),
            Lt => self.emit(Opcode::COMPARE_OP, CompareOp::Lt as u32),
            LtE => self.emit(Opcode::COMPARE_OP, CompareOp::Le as u32),
            Gt => self.emit(Opcode::COMPARE_OP, CompareOp::Gt as u32),
            GtE => self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32),
            Is => self.emit(Opcode::IS_OP, 0),
            IsNot => self.emit(Opcode::IS_OP, 1),
            In => self.emit(Opcode::CONTAINS_OP, 0),
            NotIn => self.emit(Opcode::CONTAINS_OP, 1),
        }
    }

    /// The last right operand of a comparison: for `in`/`not in`, a list or
    /// set display of constants becomes a tuple or frozenset constant (as
    /// CPython's AST optimizer; only the last one, as the others are also
    /// left operands of the next comparison).
    fn compile_comparator(&mut self, op: ast::CmpOp, e: &'a ast::Expr) -> CResult {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            if let Some(c) = constant_container(e) {
                let old = self.set_loc(e.range());
                self.load_const(c);
                self.restore_loc(old);
                return Ok(());
            }
        }
        self.compile_expr(e)
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.check_compare(c);
        self.compile_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compile_comparator(c.ops[0], &c.comparators[0])?;
            self.emit_compare(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&c.comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(c.ops[i]);
            self.emit(Opcode::COPY, 1);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.compile_comparator(c.ops[n - 1], &c.comparators[n - 1])?;
        self.emit_compare(c.ops[n - 1]);
        self.jump(end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` if `bool(e) == cond`, else falls through, without
    /// materializing intermediate booleans (CPython's `compiler_jump_if`).
    pub(crate) fn jump_if(&mut self, e: &'a ast::Expr, target: Label, cond: bool) -> CResult {
        let outer = self.ur().loc;
        self.jump_if_at(e, target, cond, outer)
    }

    /// `jump_if` whose jumps carry `outer`, the location of the statement
    /// or expression that tests (CPython 3.11's `compiler_jump_if` emits
    /// them at the current location; the operands carry their own).
    fn jump_if_at(&mut self, e: &'a ast::Expr, target: Label, cond: bool, outer: Location) -> CResult {
        let old = self.set_loc(e.range());
        let r = self.jump_if_inner(e, target, cond, outer);
        self.restore_loc(old);
        r
    }

    fn jump_if_inner(&mut self, e: &'a ast::Expr, target: Label, cond: bool, outer: Location) -> CResult {
        use ast::Expr;
        if let Expr::Compare(_) = e {
            self.last_jump_compare = Some(e.range());
        }
        let pop_jump = |cond: bool| if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not && literal(e).is_none() => {
                return self.jump_if_at(&u.operand, target, !cond, outer);
            }
            Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let next2 = if is_or != cond { Some(self.new_label()) } else { None };
                let inner = next2.unwrap_or(target);
                let (last, rest) =
                    b.values.split_last().ok_or_else(|| self.error("empty boolean operation", b.range))?;
                for v in rest {
                    self.jump_if_at(v, inner, is_or, outer)?;
                }
                self.jump_if_at(last, target, cond, outer)?;
                if let Some(n) = next2 {
                    self.bind(n);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if_at(&i.test, next2, false, outer)?;
                self.jump_if_at(&i.body, target, cond, outer)?;
                self.jump_noline(end);
                self.bind(next2);
                self.jump_if_at(&i.orelse, target, cond, outer)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                let cleanup = self.new_label();
                let end = self.new_label();
                self.compile_expr(&c.left)?;
                let n = c.ops.len();
                for i in 0..n - 1 {
                    self.compile_expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit_compare(c.ops[i]);
                    self.emit_jump_at(Opcode::POP_JUMP_IF_FALSE, cleanup, outer);
                }
                self.compile_comparator(c.ops[n - 1], &c.comparators[n - 1])?;
                self.emit_compare(c.ops[n - 1]);
                self.emit_jump_at(pop_jump(cond), target, outer);
                self.jump_noline(end);
                self.bind(cleanup);
                let inner = self.set_loc_to(outer);
                self.emit(Opcode::POP_TOP, 0);
                self.restore_loc(inner);
                if !cond {
                    self.jump_noline(target);
                }
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c)
                if matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                self.check_compare(c);
                // `x is None` -> POP_JUMP_IF_NONE (a 3.12 flowgraph rewrite).
                self.compile_expr(&c.left)?;
                let is = c.ops[0] == ast::CmpOp::Is;
                let op = if is == cond { Opcode::POP_JUMP_IF_NONE } else { Opcode::POP_JUMP_IF_NOT_NONE };
                self.emit_jump_at(op, target, outer);
                return Ok(());
            }
            _ => {}
        }
        if let Some(truth) = super::constant::truth_value(e) {
            // A constant test folds away (CPython turns its load into a
            // NOP, which keeps the line when nothing else does).
            self.emit(Opcode::NOP, 0);
            if truth == cond {
                let inner = self.set_loc_to(outer);
                self.jump(target);
                self.restore_loc(inner);
            }
            return Ok(());
        }
        self.compile_expr(e)?;
        self.emit_jump_at(pop_jump(cond), target, outer);
        Ok(())
    }

    /// Builds a list/set/tuple from `elts` (CPython's `starunpack_helper`);
    /// `pushed` items are already on the stack and become the first items.
    pub(crate) fn starunpack(
        &mut self,
        elts: &'a [ast::Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        // A constant run: one LOAD_CONST of a tuple (or frozenset).
        if n > 2 || (tuple && n > 0) {
            let consts: Option<Vec<Constant>> = elts.iter().map(literal).collect();
            if let Some(items) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                    return Ok(());
                }
                if n > 2 {
                    self.emit(build, pushed);
                    let folded =
                        if build == Opcode::BUILD_SET { Constant::FrozenSet(items) } else { Constant::Tuple(items) };
                    self.load_const(folded);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ListToTuple as u32);
                    }
                    return Ok(());
                }
            }
        }
        let seen_star = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        let big = n + pushed as usize > STACK_USE_GUARD;
        if !seen_star && !big {
            for e in elts {
                self.compile_expr(e)?;
            }
            let total = n as u32 + pushed;
            self.emit(if tuple { Opcode::BUILD_TUPLE } else { build }, total);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ast::Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.compile_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.compile_expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if !built {
            self.emit(build, n as u32 + pushed);
        }
        if tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ListToTuple as u32);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let mut have_dict = false;
        let mut pending: Vec<&'a ast::DictItem> = Vec::new();
        for item in &d.items {
            if item.key.is_none() {
                if !pending.is_empty() {
                    self.dict_chunk(&pending)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    pending.clear();
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.compile_expr(&item.value)?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else {
                pending.push(item);
                if pending.len() == STACK_USE_GUARD / 2 && (have_dict || d.items.len() > pending.len()) {
                    self.dict_chunk(&pending)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    pending.clear();
                }
            }
        }
        if !pending.is_empty() || !have_dict {
            self.dict_chunk(&pending)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
        }
        Ok(())
    }

    /// One dict of `key: value` items (no `**`).
    fn dict_chunk(&mut self, items: &[&'a ast::DictItem]) -> CResult {
        let keys: Option<Vec<Constant>> = items.iter().map(|i| i.key.as_ref().and_then(literal)).collect();
        match keys {
            Some(keys) if items.len() > 1 => {
                for i in items {
                    self.compile_expr(&i.value)?;
                }
                self.load_const(Constant::Tuple(keys));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, items.len() as u32);
            }
            _ => {
                for i in items {
                    if let Some(k) = &i.key {
                        self.compile_expr(k)?;
                    }
                    self.compile_expr(&i.value)?;
                }
                self.emit(Opcode::BUILD_MAP, items.len() as u32);
            }
        }
        Ok(())
    }

    // ---- f-strings -----------------------------------------------------

    fn compile_fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut count = 0u32;
        let mut literal_buf = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => literal_buf.push_str(&l.value),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut literal_buf, &mut count)?;
                }
            }
        }
        if !literal_buf.is_empty() || count == 0 {
            self.load_const(Constant::Str(std::mem::take(&mut literal_buf)));
            count += 1;
        }
        if count > 1 {
            self.emit(Opcode::BUILD_STRING, count);
        }
        Ok(())
    }

    /// Emits the pieces of an f-string; literal text accumulates in `buf`
    /// so adjacent literals become one constant.
    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        buf: &mut String,
        count: &mut u32,
    ) -> CResult {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => buf.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = i.conversion;
                    if let Some(debug) = &i.debug_text {
                        buf.push_str(&debug.leading);
                        buf.push_str(self.source_text(i.expression.range()));
                        buf.push_str(&debug.trailing);
                        if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    if !buf.is_empty() {
                        self.load_const(Constant::Str(std::mem::take(buf)));
                        *count += 1;
                    }
                    self.compile_expr(&i.expression)?;
                    let mut flags = match conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => FormatFlags::STR,
                        ast::ConversionFlag::Repr => FormatFlags::REPR,
                        ast::ConversionFlag::Ascii => FormatFlags::ASCII,
                    };
                    if let Some(spec) = &i.format_spec {
                        let mut spec_buf = String::new();
                        let mut spec_count = 0;
                        self.fstring_elements(&spec.elements, &mut spec_buf, &mut spec_count)?;
                        if !spec_buf.is_empty() || spec_count == 0 {
                            self.load_const(Constant::Str(spec_buf));
                            spec_count += 1;
                        }
                        if spec_count > 1 {
                            self.emit(Opcode::BUILD_STRING, spec_count);
                        }
                        flags |= FormatFlags::HAVE_SPEC;
                    }
                    // Positioned at the whole f-string, as CPython 3.11.
                    self.emit(Opcode::FORMAT_VALUE, flags);
                    *count += 1;
                }
            }
        }
        Ok(())
    }
}
