//! `match` statements (PEP 634), following CPython's pattern compiler.
//!
//! A pattern consumes the subject on top of the stack.  Captured values are
//! kept on the stack, rotated below the `on_top` items still being matched,
//! and stored to their names only once the whole pattern matched.  On
//! failure the code jumps to `fail_pop[n]`, which pops the `n` items
//! (in-flight values plus captures) and falls into `fail_pop[0]`.

use std::collections::HashSet;

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{BinaryOp, CompareOp, Constant, Opcode};

use super::constant::{const_key, literal};
use super::ir::Label;
use super::{CResult, Compiler};

struct PatternContext {
    /// Names captured so far, in the order their values are stored.
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
    /// The pattern compiled last (CPython positions some errors there).
    last_range: TextRange,
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.compile_expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let has_default = cases > 1 && m.cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        let last_checked = cases - usize::from(has_default);
        for (i, case) in m.cases[..last_checked].iter().enumerate() {
            let old = self.set_loc(case.pattern.range());
            let copy_subject = i + 1 != last_checked;
            if copy_subject {
                self.emit(Opcode::COPY, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                fail_pop: Vec::new(),
                on_top: 0,
                last_range: case.pattern.range(),
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.name_op(name, ast::ExprContext::Store, case.pattern.range())?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if copy_subject {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.restore_loc(old);
            self.compile_body(&case.body)?;
            self.jump_noline(end);
            let old = self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
            self.restore_loc(old);
        }
        if has_default {
            if let Some(case) = m.cases.last() {
                // `case _:` has no code of its own: a NOP marks its line.
                let old = self.set_loc(case.pattern.range());
                self.emit(Opcode::NOP, 0);
                if let Some(guard) = &case.guard {
                    self.jump_if(guard, end, false)?;
                }
                self.restore_loc(old);
                self.compile_body(&case.body)?;
            }
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Option<Opcode>) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        match op {
            Some(op) => self.emit_jump(op, target),
            None => self.jump(target),
        }
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn pattern_store_name(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
        range: TextRange,
    ) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if name.as_str() == "__debug__" {
            return Err(self.error("cannot assign to __debug__", range));
        }
        if pc.stores.iter().any(|s| s == name.as_str()) {
            return Err(self.error(format!("multiple assignments to name '{name}' in pattern"), range));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn compile_subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.compile_pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn compile_pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> CResult {
        pc.last_range = p.range();
        let old = self.set_loc(p.range());
        let r = self.compile_pattern_inner(p, pc);
        self.restore_loc(old);
        r
    }

    fn compile_pattern_inner(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> CResult {
        use ast::Pattern;
        match p {
            Pattern::MatchValue(v) => {
                self.compile_expr(&v.value)?;
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
            }
            Pattern::MatchSequence(s) => self.compile_sequence_pattern(&s.patterns, s.range, pc)?,
            Pattern::MatchMapping(m) => self.compile_mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.compile_class_pattern(c, pc)?,
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_ref(), pc, s.range)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(msg, a.range));
                    }
                    self.pattern_store_name(a.name.as_ref(), pc, a.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.compile_pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(a.name.as_ref(), pc, a.range)?;
                }
            },
            Pattern::MatchOr(o) => self.compile_or_pattern(o, pc)?,
        }
        Ok(())
    }

    fn compile_sequence_pattern(
        &mut self,
        patterns: &'a [ast::Pattern],
        range: TextRange,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, ast::Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", p.range()));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size.into()));
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int((size - 1).into()));
                self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
                self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(0), pc)?;
        } else {
            // Unpack and match each item.
            match star {
                Some(i) => {
                    let after = size - i - 1;
                    if i >= 256 || after >= (1 << 16) {
                        return Err(self.error("too many expressions in star-unpacking sequence pattern", range));
                    }
                    self.emit(Opcode::UNPACK_EX, (i as u32) | ((after as u32) << 8));
                }
                None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.compile_subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    /// `[a, *_, b]`: index the subject instead of unpacking it.
    fn sequence_subscr(&mut self, patterns: &'a [ast::Pattern], star: usize, pc: &mut PatternContext) -> CResult {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Opcode::COPY, 1);
            if i < star {
                self.load_const(Constant::Int(i.into()));
            } else {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int((size - i).into()));
                self.emit(Opcode::BINARY_OP, BinaryOp::Subtract as u32);
            }
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn compile_mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error("keys and patterns of a mapping pattern differ in length", m.range));
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Constant::Int(size.into()));
            self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
        }
        let mut seen: HashSet<String> = HashSet::new();
        for key in &m.keys {
            if let Some(c) = literal(key) {
                if let Some(k) = const_key(&c) {
                    if !seen.insert(k) {
                        return Err(self.error(format!("mapping pattern checks duplicate key ({})", c.repr()), m.range));
                    }
                }
            } else if !matches!(key, ast::Expr::Attribute(_)) {
                return Err(
                    self.error("mapping pattern keys may only match literals and attribute lookups", key.range())
                );
            }
            self.compile_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            // rest = dict(subject); del rest[k] for each matched key.
            self.emit(Opcode::BUILD_MAP, 0);
            self.emit(Opcode::SWAP, 3);
            self.emit(Opcode::DICT_UPDATE, 2);
            self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
            let mut left = size;
            while left > 0 {
                self.emit(Opcode::COPY, 1 + left as u32);
                left -= 1;
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            self.pattern_store_name(Some(rest), pc, rest.range)?;
        } else {
            self.emit(Opcode::POP_TOP, 0);
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn compile_class_pattern(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        for (i, k) in args.keywords.iter().enumerate() {
            if k.attr.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", k.attr.range));
            }
            if args.keywords[..i].iter().any(|o| o.attr.as_str() == k.attr.as_str()) {
                return Err(
                    self.error(format!("attribute name repeated in class pattern: {}", k.attr), k.pattern.range())
                );
            }
        }
        self.compile_expr(&c.cls)?;
        let names: Vec<Constant> = args.keywords.iter().map(|k| Constant::Str(k.attr.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::MATCH_CLASS, nargs as u32);
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Some(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all = args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn compile_or_pattern(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_allow = pc.allow_irrefutable;
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.compile_pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return Err(self.error("alternative patterns bind different names", pc.last_range));
                    }
                    // Reorder the captures to the first alternative's order.
                    for icontrol in (0..ctl.len()).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names", pc.last_range));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, n) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, n);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: drop the subject and fail.
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, None);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern"), o.range));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
