//! Functions, lambdas and classes.
//!
//! A `def` pushes its decorators, then the defaults tuple, kw-defaults
//! dict and annotations tuple that `MAKE_FUNCTION` consumes, compiles the
//! body into a nested code object, builds the closure, applies the
//! decorators and stores the name.  A class body is compiled like a
//! function and passed to `__build_class__`.

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{Constant, Intrinsic1, MakeFunctionFlags, Opcode};
use crate::symtable::{mangle, node_key};

use super::constant::literal;
use super::ir::{Label, Op};
use super::{split_docstring, CResult, Compiler};

impl<'a> Compiler<'a> {
    fn scope_of_node(&self, key: usize, range: TextRange) -> CResult<usize> {
        self.table.scope_for(key).ok_or_else(|| self.error("internal error: no symbol table scope for node", range))
    }

    /// Pushes defaults (0x01) and keyword-only defaults (0x02); returns the
    /// `MAKE_FUNCTION` flags.
    fn compile_defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a ast::Expr> =
            p.posonlyargs.iter().chain(&p.args).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            let consts: Option<Vec<Constant>> = defaults.iter().map(|d| literal(d)).collect();
            match consts {
                Some(c) => self.load_const(Constant::Tuple(c)),
                None => {
                    for d in &defaults {
                        self.compile_expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
                }
            }
            flags |= MakeFunctionFlags::DEFAULTS;
        }
        let mut n = 0;
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                let name = mangle(self.ur().private.as_deref(), &a.parameter.name);
                self.load_const(Constant::Str(name));
                self.compile_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Opcode::BUILD_MAP, n);
            flags |= MakeFunctionFlags::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the annotations tuple (0x04) if there are annotations.
    fn compile_annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a ast::Expr>) -> CResult<u32> {
        let mut n = 0;
        let params = p.posonlyargs.iter().chain(&p.args).map(|a| &a.parameter);
        let params = params.chain(p.vararg.as_deref());
        let params = params.chain(p.kwonlyargs.iter().map(|a| &a.parameter)).chain(p.kwarg.as_deref());
        for param in params {
            if let Some(ann) = &param.annotation {
                let name = mangle(self.ur().private.as_deref(), &param.name);
                self.load_const(Constant::Str(name));
                self.compile_annotation(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.compile_annotation(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Opcode::BUILD_TUPLE, 2 * n);
        Ok(MakeFunctionFlags::ANNOTATIONS)
    }

    /// `def f(__debug__)` is rejected at the definition.
    fn check_param_names(&self, p: &ast::Parameters, range: TextRange) -> CResult {
        let names = p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs).map(|a| &a.parameter.name);
        let names = names.chain(p.vararg.as_deref().map(|v| &v.name)).chain(p.kwarg.as_deref().map(|k| &k.name));
        for n in names {
            if n.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", range));
            }
        }
        Ok(())
    }

    fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
    }

    fn decorated_first_line(&self, decorators: &[ast::Decorator], range: TextRange) -> u32 {
        decorators.first().map_or_else(|| self.line_of(range), |d| self.line_of(d.range))
    }

    pub(crate) fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        if let Some(tp) = &f.type_params {
            return Err(self.error("type parameter lists are not supported (Python 3.11)", tp.range));
        }
        self.check_param_names(&f.parameters, f.range)?;
        for d in &f.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        let first_line = self.decorated_first_line(&f.decorator_list, f.range);
        let mut flags = self.compile_defaults(&f.parameters)?;
        flags |= self.compile_annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self.scope_of_node(node_key(f), f.range)?;
        let private = self.ur().private.clone();
        self.enter_unit(scope, &f.name, first_line, private);
        self.set_arg_counts(&f.parameters);
        let body = match split_docstring(&f.body) {
            Some((doc, rest)) => {
                let i = self.add_const(Constant::Str(doc));
                self.u().docstring = Some(i);
                rest
            }
            None => &f.body[..],
        };
        let sc = &self.table.scopes[scope];
        let handler = self.begin_generator_wrapper(sc.is_generator || sc.is_coroutine);
        self.compile_body(body)?;
        // The implicit `return None` is artificial: it returns on the line
        // of whatever ran last (CPython 3.11).
        let last = f.body.last().map_or(f.range, |s| s.range());
        let old = self.unset_loc();
        self.return_const(Constant::None);
        self.set_loc(last);
        self.end_generator_wrapper(handler);
        self.restore_loc(old);
        let code = self.exit_unit()?;
        self.make_closure(code, flags)?;
        self.call_decorators(&f.decorator_list);
        self.name_op(&f.name, ast::ExprContext::Store, f.name.range)
    }

    /// Generators run their body under a handler that turns an escaping
    /// `StopIteration` into `RuntimeError` (PEP 479).
    fn begin_generator_wrapper(&mut self, generator: bool) -> Option<Label> {
        if !generator {
            return None;
        }
        let handler = self.new_label();
        self.emit_pseudo(Op::SetupCleanup, Some(handler));
        Some(handler)
    }

    fn end_generator_wrapper(&mut self, handler: Option<Label>) {
        if let Some(h) = handler {
            // No line: an exception leaving the generator reports none
            // (CPython 3.11 converts StopIteration outside the frame).
            self.bind(h);
            let old = self.unset_loc();
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::StopIterationError as u32);
            self.emit(Opcode::RERAISE, 1);
            self.restore_loc(old);
        }
    }

    pub(crate) fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let mut flags = 0;
        if let Some(p) = &l.parameters {
            self.check_param_names(p, l.range)?;
            flags = self.compile_defaults(p)?;
        }
        let scope = self.scope_of_node(node_key(l), l.range)?;
        let private = self.ur().private.clone();
        let line = self.line_of(l.range);
        self.enter_unit(scope, "<lambda>", line, private);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        let generator = self.table.scopes[scope].is_generator;
        let handler = self.begin_generator_wrapper(generator);
        self.compile_expr(&l.body)?;
        if generator {
            self.emit(Opcode::POP_TOP, 0);
            self.return_const(Constant::None);
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        self.end_generator_wrapper(handler);
        let code = self.exit_unit()?;
        self.make_closure(code, flags)
    }

    pub(crate) fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        if let Some(tp) = &c.type_params {
            return Err(self.error("type parameter lists are not supported (Python 3.11)", tp.range));
        }
        for d in &c.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        let first_line = self.decorated_first_line(&c.decorator_list, c.range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        let scope = self.scope_of_node(node_key(c), c.range)?;
        self.enter_unit(scope, &c.name, first_line, Some(c.name.to_string()));
        let r = c.range;
        self.name_op("__name__", ast::ExprContext::Load, r)?;
        self.name_op("__module__", ast::ExprContext::Store, r)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", ast::ExprContext::Store, r)?;
        let body = match split_docstring(&c.body) {
            Some((doc, rest)) => {
                let i = self.add_const(Constant::Str(doc));
                self.u().docstring = Some(i);
                self.emit(Opcode::LOAD_CONST, i);
                self.name_op("__doc__", ast::ExprContext::Store, r)?;
                rest
            }
            None => &c.body[..],
        };
        if super::stmt::has_annotations(&c.body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        self.compile_body(body)?;
        let last = c.body.last().map_or(c.range, |s| s.range());
        let old = self.set_loc(last);
        if self.table.scopes[scope].needs_class_closure {
            let slot = self.ur().deref_index.get("__class__").copied().unwrap_or(0);
            self.emit(Opcode::LOAD_CLOSURE, slot);
            self.emit(Opcode::COPY, 1);
            self.name_op("__classcell__", ast::ExprContext::Store, r)?;
            self.emit(Opcode::RETURN_VALUE, 0);
        } else {
            self.return_const(Constant::None);
        }
        self.restore_loc(old);
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(c.name.to_string()));
        match &c.arguments {
            Some(args) => self.call_helper(2, &args.args, &args.keywords)?,
            None => self.emit(Opcode::CALL, 2),
        }
        self.call_decorators(&c.decorator_list);
        self.name_op(&c.name, ast::ExprContext::Store, c.name.range)
    }
}
