//! Symbol tables: which scope every name belongs to.
//!
//! Built in two passes over the AST, as CPython's `symtable.c`:
//! 1. [`Builder`] walks the tree, creating one [`Scope`] per module, class,
//!    function, lambda and comprehension (3.11: comprehensions are their
//!    own functions), and records per name how it is used ([`flags`]).
//!    Declaration errors (`global` after use, duplicate parameters, ...) are
//!    raised here with CPython's messages.
//! 2. [`analyze`] resolves every name to a [`SymbolScope`] top-down, passing
//!    the sets of names bound in enclosing functions, and bottom-up the free
//!    names, turning locals captured by inner functions into cells.
//!
//! Names are stored mangled (`__x` in class `C` is `_C__x`).  Scopes are
//! identified by the address of their AST node ([`node_key`]); the AST must
//! not move between building the table and code generation.

use std::collections::{HashMap, HashSet};

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::error::{CompileError, LineIndex};

/// Per-name usage bits (CPython's `DEF_*`).
pub mod flags {
    /// Declared `global`.
    pub const GLOBAL: u32 = 1;
    /// Assigned in this scope.
    pub const LOCAL: u32 = 2;
    /// A parameter.
    pub const PARAM: u32 = 4;
    /// Declared `nonlocal`.
    pub const NONLOCAL: u32 = 8;
    /// Read in this scope.
    pub const USE: u32 = 16;
    /// Free in a child scope while bound in this class scope.
    pub const FREE_CLASS: u32 = 32;
    /// Bound by an import.
    pub const IMPORT: u32 = 64;
    /// Annotated (`x: int`).
    pub const ANNOT: u32 = 128;
    /// A comprehension iteration variable.
    pub const COMP_ITER: u32 = 256;
    /// Any binding.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives at run time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SymbolScope {
    /// Not resolved (compiler-generated names such as `__module__`).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// The kind of a scope.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    /// A comprehension or generator expression (a function in 3.11).
    Comprehension(ComprehensionKind),
}

/// Which comprehension (for names and error messages).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

impl ComprehensionKind {
    /// The code object name (`<listcomp>` ...).
    pub fn code_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        }
    }
    fn describe(self) -> &'static str {
        match self {
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
            ComprehensionKind::Generator => "generator expression",
        }
    }
}

/// One name in one scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: SymbolScope,
    /// Where a `global`/`nonlocal` declaration of it was (for errors).
    decl: Option<TextRange>,
}

/// One scope (CPython's symtable entry).
#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in code-object order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    /// Nested in a function (directly or through classes).
    pub nested: bool,
    pub has_free: bool,
    pub child_has_free: bool,
    /// A class scope whose methods use `__class__`/`super`.
    pub needs_class_closure: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// An `async def` (await, async for/with are allowed directly in it).
    pub is_async: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// Line of the defining statement.
    pub line: u32,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>, nested: bool, line: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            nested,
            has_free: false,
            child_has_free: false,
            needs_class_closure: false,
            is_generator: false,
            is_coroutine: false,
            is_async: false,
            has_varargs: false,
            has_varkeywords: false,
            line,
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The symbol for an (already mangled) name.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// Resolved scope of an (already mangled) name.
    pub fn scope_of(&self, name: &str) -> SymbolScope {
        self.lookup(name).map_or(SymbolScope::Unknown, |s| s.scope)
    }

    fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// True for function-like scopes (fast locals).
    pub fn is_function(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_))
    }

    /// Cell variable names, sorted (as CPython's `co_cellvars`).
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.symbols.iter().filter(|s| s.scope == SymbolScope::Cell).map(|s| s.name.clone()).collect();
        if self.needs_class_closure {
            v.push("__class__".to_string());
        }
        v.sort();
        v
    }

    /// Free variable names, sorted (as CPython's `co_freevars`).
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Free || s.flags & flags::FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }

    /// Plain fast locals that are not parameters, in order of appearance.
    pub fn plain_locals(&self) -> Vec<String> {
        if !self.is_function() {
            return Vec::new();
        }
        self.symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Local && s.flags & flags::PARAM == 0)
            .map(|s| s.name.clone())
            .collect()
    }
}

/// All scopes of a compilation unit; scope 0 is the module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    /// The scope created for an AST node (function, class, lambda,
    /// comprehension).
    pub fn scope_for(&self, key: usize) -> Option<usize> {
        self.by_node.get(&key).copied()
    }
}

/// Identity of an AST node: its address.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's `_Py_Mangle`: `__name` inside class `C` becomes `_C__name`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds and analyzes the symbol table of a module or expression.
pub(crate) fn build_module(
    body: &[ast::Stmt],
    lines: &LineIndex<'_>,
    future_annotations: bool,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder::new(lines, future_annotations);
    b.visit_body(body)?;
    b.finish()
}

/// Builds the table for an `eval` expression.
pub(crate) fn build_expression(expr: &ast::Expr, lines: &LineIndex<'_>) -> Result<SymbolTable, CompileError> {
    let mut b = Builder::new(lines, false);
    b.visit_expr(expr)?;
    b.finish()
}

struct Builder<'l, 's> {
    lines: &'l LineIndex<'s>,
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    /// Class names for mangling, innermost last (None outside classes).
    private: Vec<Option<String>>,
    future_annotations: bool,
}

type R = Result<(), CompileError>;

const GLOBAL_MSGS: [&str; 4] = [
    "name '{}' is parameter and global",
    "name '{}' is used prior to global declaration",
    "annotated name '{}' can't be global",
    "name '{}' is assigned to before global declaration",
];
const NONLOCAL_MSGS: [&str; 4] = [
    "name '{}' is parameter and nonlocal",
    "name '{}' is used prior to nonlocal declaration",
    "annotated name '{}' can't be nonlocal",
    "name '{}' is assigned to before nonlocal declaration",
];

impl<'l, 's> Builder<'l, 's> {
    fn new(lines: &'l LineIndex<'s>, future_annotations: bool) -> Self {
        Builder {
            lines,
            scopes: vec![Scope::new(ScopeKind::Module, "top", None, false, 1)],
            by_node: HashMap::new(),
            stack: vec![0],
            private: vec![None],
            future_annotations,
        }
    }

    fn finish(self) -> Result<SymbolTable, CompileError> {
        let mut table = SymbolTable { scopes: self.scopes, by_node: self.by_node };
        analyze(&mut table).map_err(|(msg, range)| self.lines.syntax_error(msg, range))?;
        Ok(table)
    }

    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("scope stack never empty");
        &mut self.scopes[id]
    }

    fn cur_id(&self) -> usize {
        *self.stack.last().expect("scope stack never empty")
    }

    fn err(&self, msg: String, range: TextRange) -> CompileError {
        self.lines.syntax_error(msg, range)
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.last().and_then(|p| p.as_deref()), name)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize, range: TextRange) {
        let parent = self.cur_id();
        let p = &self.scopes[parent];
        let nested = p.nested || p.is_function();
        let line = self.lines.line_col(range.start()).0;
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(parent), nested, line));
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// Records `flag` for `name` in the current scope.
    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let id = self.cur_id();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: usize, name: &str, flag: u32, range: TextRange) -> R {
        let mangled = self.mangled(name);
        let scope = &mut self.scopes[id];
        let val = match scope.index.get(&mangled) {
            Some(&i) => {
                let old = scope.symbols[i].flags;
                if flag & flags::PARAM != 0 && old & flags::PARAM != 0 {
                    return Err(self.err(format!("duplicate argument '{mangled}' in function definition"), range));
                }
                old | flag
            }
            None => flag,
        };
        let val = if scope.comp_iter_target {
            if val & (flags::GLOBAL | flags::NONLOCAL) != 0 {
                return Err(self.err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{mangled}'"),
                    range,
                ));
            }
            val | flags::COMP_ITER
        } else {
            val
        };
        if flag & flags::PARAM != 0 {
            scope.params.push(mangled.clone());
        }
        match scope.index.get(&mangled) {
            Some(&i) => scope.symbols[i].flags = val,
            None => {
                scope.index.insert(mangled.clone(), scope.symbols.len());
                scope.symbols.push(Symbol {
                    name: mangled.clone(),
                    flags: val,
                    scope: SymbolScope::Unknown,
                    decl: None,
                });
            }
        }
        if flag & (flags::GLOBAL | flags::NONLOCAL) != 0 {
            let i = scope.index[&mangled];
            scope.symbols[i].decl.get_or_insert(range);
        }
        if flag & flags::GLOBAL != 0 && id != 0 {
            // As CPython, a `global` declaration anywhere also marks the
            // name global in the module scope.
            let module = &mut self.scopes[0];
            match module.index.get(&mangled) {
                Some(&i) => module.symbols[i].flags |= flags::GLOBAL,
                None => {
                    module.index.insert(mangled.clone(), module.symbols.len());
                    module.symbols.push(Symbol {
                        name: mangled,
                        flags: flags::GLOBAL,
                        scope: SymbolScope::Unknown,
                        decl: None,
                    });
                }
            }
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[ast::Stmt]) -> R {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[ast::Expr]) -> R {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_opt(&mut self, e: Option<&ast::Expr>) -> R {
        e.map_or(Ok(()), |e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, stmt: &ast::Stmt) -> R {
        use ast::Stmt;
        match stmt {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, flags::LOCAL, f.name.range)?;
                self.visit_defaults(&f.parameters)?;
                self.visit_param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.visit_annotation(r)?;
                }
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Function, &f.name, node_key(f), f.range);
                if f.is_async {
                    self.cur().is_coroutine = true;
                    self.cur().is_async = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, flags::LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    self.visit_exprs(&args.args)?;
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Class, &c.name, node_key(c), c.range);
                self.private.push(Some(c.name.to_string()));
                self.visit_body(&c.body)?;
                self.private.pop();
                self.exit();
            }
            Stmt::Return(r) => self.visit_opt(r.value.as_deref())?,
            Stmt::Delete(d) => self.visit_exprs(&d.targets)?,
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    let cur = self.scopes[self.cur_id()].flags_of(&self.mangled(&n.id));
                    if cur & (flags::GLOBAL | flags::NONLOCAL) != 0 && self.cur_id() != 0 && a.simple {
                        let msg = if cur & flags::GLOBAL != 0 { GLOBAL_MSGS[2] } else { NONLOCAL_MSGS[2] };
                        return Err(self.err(msg.replace("{}", &n.id), a.range));
                    }
                    if a.simple {
                        self.add_def(&n.id, flags::ANNOT | flags::LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, flags::LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                self.visit_opt(a.value.as_deref())?;
            }
            Stmt::TypeAlias(t) => {
                return Err(self.err("type alias statements are not supported (Python 3.11)".into(), t.range));
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.visit_opt(clause.test.as_ref())?;
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    self.visit_opt(item.optional_vars.as_deref())?;
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(case.guard.as_deref())?;
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                self.visit_opt(r.exc.as_deref())?;
                self.visit_opt(r.cause.as_deref())?;
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.visit_opt(h.type_.as_deref())?;
                    if let Some(name) = &h.name {
                        self.add_def(name, flags::LOCAL, name.range())?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                self.visit_opt(a.msg.as_deref())?;
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.declare(name, true, g.range)?;
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.declare(name, false, n.range)?;
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn declare(&mut self, name: &ast::Identifier, global: bool, range: TextRange) -> R {
        let cur = self.scopes[self.cur_id()].flags_of(&self.mangled(name));
        if cur & (flags::PARAM | flags::LOCAL | flags::USE | flags::ANNOT) != 0 {
            let msgs = if global { GLOBAL_MSGS } else { NONLOCAL_MSGS };
            let msg = if cur & flags::PARAM != 0 {
                msgs[0]
            } else if cur & flags::USE != 0 {
                msgs[1]
            } else if cur & flags::ANNOT != 0 {
                msgs[2]
            } else {
                msgs[3]
            };
            return Err(self.err(msg.replace("{}", name), range));
        }
        self.add_def(name, if global { flags::GLOBAL } else { flags::NONLOCAL }, range)
    }

    fn visit_alias(&mut self, alias: &ast::Alias) -> R {
        if alias.name.as_str() == "*" {
            if self.scopes[self.cur_id()].kind != ScopeKind::Module {
                return Err(self.err("import * only allowed at module level".into(), alias.range));
            }
            return Ok(());
        }
        let stored = match &alias.asname {
            Some(a) => a.to_string(),
            None => alias.name.split('.').next().unwrap_or("").to_string(),
        };
        self.add_def(&stored, flags::IMPORT, alias.range)
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args) {
            self.visit_opt(a.default.as_deref())?;
        }
        for a in &p.kwonlyargs {
            self.visit_opt(a.default.as_deref())?;
        }
        Ok(())
    }

    fn visit_param_annotations(&mut self, p: &ast::Parameters) -> R {
        let all = p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs).map(|a| &a.parameter);
        let all = all.chain(p.vararg.as_deref()).chain(p.kwarg.as_deref());
        for param in all {
            if let Some(a) = &param.annotation {
                self.visit_annotation(a)?;
            }
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &ast::Expr) -> R {
        // With `from __future__ import annotations` annotations are never
        // evaluated, so they bind and use nothing.
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(&a.parameter.name, flags::PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, flags::PARAM, v.name.range)?;
            self.cur().has_varargs = true;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name, flags::PARAM, k.name.range)?;
            self.cur().has_varkeywords = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> R {
        use ast::Pattern;
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(rest) = &m.rest {
                    self.add_def(rest, flags::LOCAL, rest.range())?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.arguments.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                c.arguments.keywords.iter().try_for_each(|k| self.visit_pattern(&k.pattern))
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n, flags::LOCAL, n.range()),
                None => Ok(()),
            },
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n, flags::LOCAL, n.range()),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
        }
    }

    fn visit_expr(&mut self, expr: &ast::Expr) -> R {
        use ast::Expr;
        match expr {
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::Named(n) => self.visit_named(n)?,
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "lambda", node_key(l), l.range);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    self.visit_opt(item.key.as_ref())?;
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.visit_comprehension(node_key(c), ComprehensionKind::List, &c.generators, &c.elt, None, c.range)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(node_key(c), ComprehensionKind::Set, &c.generators, &c.elt, None, c.range)?
            }
            Expr::DictComp(c) => self.visit_comprehension(
                node_key(c),
                ComprehensionKind::Dict,
                &c.generators,
                &c.key,
                Some(&c.value),
                c.range,
            )?,
            Expr::Generator(c) => self.visit_comprehension(
                node_key(c),
                ComprehensionKind::Generator,
                &c.generators,
                &c.elt,
                None,
                c.range,
            )?,
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.cur().is_coroutine = true;
            }
            Expr::Yield(y) => {
                self.visit_opt(y.value.as_deref())?;
                self.mark_yield(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.mark_yield(y.range)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => {
                return Err(self.err("template strings are not supported (Python 3.11)".into(), t.range));
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = if n.ctx == ast::ExprContext::Load { flags::USE } else { flags::LOCAL };
                self.add_def(&n.id, flag, n.range)?;
                if n.ctx == ast::ExprContext::Load
                    && self.scopes[self.cur_id()].is_function()
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", flags::USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                self.visit_opt(s.lower.as_deref())?;
                self.visit_opt(s.upper.as_deref())?;
                self.visit_opt(s.step.as_deref())?;
            }
        }
        Ok(())
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> R {
        let scope = self.cur();
        scope.is_generator = true;
        if let ScopeKind::Comprehension(kind) = scope.kind {
            return Err(self.err(format!("'yield' inside {}", kind.describe()), range));
        }
        Ok(())
    }

    fn visit_named(&mut self, n: &ast::ExprNamed) -> R {
        if self.scopes[self.cur_id()].comp_iter_expr > 0 {
            return Err(
                self.err("assignment expression cannot be used in a comprehension iterable expression".into(), n.range)
            );
        }
        if matches!(self.scopes[self.cur_id()].kind, ScopeKind::Comprehension(_)) {
            if let ast::Expr::Name(target) = &*n.target {
                self.extend_named_scope(target)?;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing
    /// non-comprehension scope (PEP 572).
    fn extend_named_scope(&mut self, target: &ast::ExprName) -> R {
        let name = target.id.as_str();
        let mangled = self.mangled(name);
        for idx in (0..self.stack.len()).rev() {
            let id = self.stack[idx];
            match self.scopes[id].kind {
                ScopeKind::Comprehension(_) => {
                    if self.scopes[id].flags_of(&mangled) & flags::COMP_ITER != 0 {
                        return Err(self.err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            target.range,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let global = self.scopes[id].flags_of(&mangled) & flags::GLOBAL != 0;
                    self.add_def(name, if global { flags::GLOBAL } else { flags::NONLOCAL }, target.range)?;
                    return self.add_def_in(id, name, flags::LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, flags::GLOBAL, target.range)?;
                    return self.add_def_in(id, name, flags::GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        target.range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        key: usize,
        kind: ComprehensionKind,
        generators: &[ast::Comprehension],
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        range: TextRange,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(ScopeKind::Comprehension(kind), kind.code_name().trim_matches(['<', '>']), key, range);
        if outermost.is_async {
            self.cur().is_coroutine = true;
        }
        self.add_def(".0", flags::PARAM, range)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == ComprehensionKind::Generator;
        let scope = self.cur();
        scope.is_generator |= is_generator;
        let is_async = scope.is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }
}

// ---- analysis --------------------------------------------------------------

type Names = HashSet<String>;
type AnalysisError = (String, TextRange);

/// Resolves every symbol's [`SymbolScope`] (CPython's `analyze_block`).
fn analyze(table: &mut SymbolTable) -> Result<(), AnalysisError> {
    let mut free = Names::new();
    analyze_block(table, 0, None, &mut free, Names::new())
}

/// `bound`: names bound in enclosing function scopes (None at module
/// level); `free`: receives the names free in this block or its children;
/// `global`: names declared global in enclosing scopes.
fn analyze_block(
    table: &mut SymbolTable,
    id: usize,
    mut bound: Option<Names>,
    free: &mut Names,
    mut global: Names,
) -> Result<(), AnalysisError> {
    let is_class = table.scopes[id].kind == ScopeKind::Class;
    let is_func = table.scopes[id].is_function();
    let mut local = Names::new();
    let mut scopes: Vec<SymbolScope> = Vec::with_capacity(table.scopes[id].symbols.len());
    let mut newglobal = Names::new();
    let mut newfree = Names::new();
    let mut newbound = Names::new();

    // A class namespace is invisible to nested functions: what they see is
    // what the class itself sees, before its own declarations.
    if is_class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = &bound {
            newbound.extend(b.iter().cloned());
        }
    }
    for i in 0..table.scopes[id].symbols.len() {
        let sc = analyze_name(&mut table.scopes[id], i, bound.as_mut(), &mut local, free, &mut global)?;
        scopes.push(sc);
    }
    if !is_class {
        if is_func {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree = Names::new();
    let children = table.scopes[id].children.clone();
    for child in children {
        let mut child_free = newfree.clone();
        analyze_block(table, child, Some(newbound.clone()), &mut child_free, newglobal.clone())?;
        allfree.extend(child_free);
        let c = &table.scopes[child];
        if c.has_free || c.child_has_free {
            table.scopes[id].child_has_free = true;
        }
    }
    newfree.extend(allfree);

    if is_func {
        // Locals captured by children become cells.
        for (i, sc) in scopes.iter_mut().enumerate() {
            let name = &table.scopes[id].symbols[i].name;
            if *sc == SymbolScope::Local && newfree.remove(name) {
                *sc = SymbolScope::Cell;
            }
        }
    } else if is_class && newfree.remove("__class__") {
        table.scopes[id].needs_class_closure = true;
    }

    // CPython's update_symbols.
    let scope = &mut table.scopes[id];
    for (sym, sc) in scope.symbols.iter_mut().zip(&scopes) {
        sym.scope = *sc;
    }
    let mut pending: Vec<&String> = newfree.iter().collect();
    pending.sort();
    for name in pending {
        if let Some(&i) = scope.index.get(name) {
            let sym = &mut scope.symbols[i];
            if is_class && sym.flags & (flags::BOUND | flags::GLOBAL) != 0 {
                sym.flags |= flags::FREE_CLASS;
            }
            continue;
        }
        if bound.as_ref().is_some_and(|b| !b.contains(name)) {
            // Free in a child but bound nowhere above: a global.
            continue;
        }
        // Passes through this scope on its way to the child's closure.
        scope.index.insert(name.clone(), scope.symbols.len());
        scope.symbols.push(Symbol { name: name.clone(), flags: 0, scope: SymbolScope::Free, decl: None });
    }
    free.extend(newfree);
    Ok(())
}

fn analyze_name(
    scope: &mut Scope,
    i: usize,
    bound: Option<&mut Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> Result<SymbolScope, AnalysisError> {
    let sym = &scope.symbols[i];
    let (name, fl) = (sym.name.clone(), sym.flags);
    let decl = sym.decl.unwrap_or_default();
    if fl & flags::GLOBAL != 0 {
        if fl & flags::NONLOCAL != 0 {
            return Err((format!("name '{name}' is nonlocal and global"), decl));
        }
        if let Some(b) = bound {
            b.remove(&name);
        }
        global.insert(name);
        return Ok(SymbolScope::GlobalExplicit);
    }
    if fl & flags::NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(("nonlocal declaration not allowed at module level".into(), decl));
        };
        if !b.contains(&name) {
            return Err((format!("no binding for nonlocal '{name}' found"), decl));
        }
        scope.has_free = true;
        free.insert(name);
        return Ok(SymbolScope::Free);
    }
    if fl & flags::BOUND != 0 {
        global.remove(&name);
        local.insert(name);
        return Ok(SymbolScope::Local);
    }
    if bound.is_some_and(|b| b.contains(&name)) {
        scope.has_free = true;
        free.insert(name);
        return Ok(SymbolScope::Free);
    }
    if global.contains(&name) {
        return Ok(SymbolScope::GlobalImplicit);
    }
    if scope.nested {
        scope.has_free = true;
    }
    Ok(SymbolScope::GlobalImplicit)
}
