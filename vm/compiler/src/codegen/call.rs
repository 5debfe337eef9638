//! Calls: `CALL` with `KW_NAMES`, the method-call form, and
//! `CALL_FUNCTION_EX` for `*args`/`**kwargs`.
//!
//! Stack shapes (see `docs/bytecode.md`): `CALL n` expects
//! `[NULL callable args..]` or `[meth self args..]`; `CALL_FUNCTION_EX`
//! expects `[NULL callable args_iterable kwargs_dict?]`.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use crate::bytecode::{Constant, Opcode};

use super::expr::STACK_USE_GUARD;
use super::{CResult, Compiler};

fn has_star(args: &[ast::Expr], keywords: &[ast::Keyword]) -> bool {
    args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) || keywords.iter().any(|k| k.arg.is_none())
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult {
        self.check_caller(&c.func);
        self.check_keywords(&c.arguments.keywords)?;
        let args = &c.arguments.args;
        let keywords = &c.arguments.keywords;
        // obj.meth(args): LOAD_ATTR in method form.
        if let ast::Expr::Attribute(attr) = &*c.func {
            if !has_star(args, keywords) && args.len() + keywords.len() < STACK_USE_GUARD {
                self.compile_expr(&attr.value)?;
                let old = self.set_loc(self.attr_range(attr, attr.range));
                let i = self.add_mangled_name(&attr.attr);
                self.emit(Opcode::LOAD_ATTR, (i << 1) | 1);
                self.restore_loc(old);
                for a in args.iter() {
                    self.compile_expr(a)?;
                }
                self.call_keywords_simple(keywords)?;
                let old = self.set_loc(self.attr_range(attr, c.range));
                self.emit(Opcode::CALL, (args.len() + keywords.len()) as u32);
                self.restore_loc(old);
                return Ok(());
            }
        }
        match &*c.func {
            ast::Expr::Name(n) => {
                let old = self.set_loc(n.range);
                self.load_name_for_call(&n.id, n.range)?;
                self.restore_loc(old);
            }
            f => {
                self.emit(Opcode::PUSH_NULL, 0);
                self.compile_expr(f)?;
            }
        }
        self.call_helper(0, args, keywords)
    }

    /// CPython's `validate_keywords`.
    pub(crate) fn check_keywords(&self, keywords: &[ast::Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", k.range));
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_ref().is_some_and(|o| o.as_str() == name.as_str()) {
                    return Err(self.error(format!("keyword argument repeated: {name}"), other.range));
                }
            }
        }
        Ok(())
    }

    /// Keyword arguments of a call without `**`: values, then `KW_NAMES`.
    fn call_keywords_simple(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        if keywords.is_empty() {
            return Ok(());
        }
        let mut names = Vec::with_capacity(keywords.len());
        for k in keywords {
            self.compile_expr(&k.value)?;
            names.push(Constant::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()));
        }
        let i = self.add_const(Constant::Tuple(names));
        self.emit(Opcode::KW_NAMES, i);
        Ok(())
    }

    /// The arguments and the call, with `n` positional arguments already
    /// pushed (the class name and body function for `__build_class__`).
    pub(crate) fn call_helper(&mut self, n: u32, args: &'a [ast::Expr], keywords: &'a [ast::Keyword]) -> CResult {
        self.check_keywords(keywords)?;
        if !has_star(args, keywords) && args.len() + keywords.len() + (n as usize) < STACK_USE_GUARD {
            for a in args {
                self.compile_expr(a)?;
            }
            self.call_keywords_simple(keywords)?;
            self.emit(Opcode::CALL, n + (args.len() + keywords.len()) as u32);
            return Ok(());
        }
        // Positional arguments as one iterable.
        if n == 0 && args.len() == 1 {
            if let ast::Expr::Starred(s) = &args[0] {
                self.compile_expr(&s.value)?;
            } else {
                self.starunpack(args, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
            }
        } else {
            self.starunpack(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
        }
        // Keyword arguments as one fresh dict.
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut seen = 0usize;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[keywords.len() - seen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    /// A dict of `name=value` keyword arguments.
    fn subkwargs(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        if keywords.len() > 1 {
            let mut names = Vec::new();
            for k in keywords {
                self.compile_expr(&k.value)?;
                names.push(Constant::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()));
            }
            self.load_const(Constant::Tuple(names));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, keywords.len() as u32);
        } else {
            for k in keywords {
                self.load_const(Constant::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()));
                self.compile_expr(&k.value)?;
            }
            self.emit(Opcode::BUILD_MAP, keywords.len() as u32);
        }
        Ok(())
    }

    /// Applies decorators pushed before the function: `[deco func]` +
    /// `CALL 0` calls `deco(func)` through the method form of `CALL`.
    pub(crate) fn call_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        for d in decorators.iter().rev() {
            let old = self.set_loc(d.expression.range());
            self.emit(Opcode::CALL, 0);
            self.restore_loc(old);
        }
    }
}
