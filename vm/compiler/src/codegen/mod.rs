//! Code generation: AST + symbol table -> [`CodeObject`]s.
//!
//! One [`Unit`] per code object being compiled, stacked as the walk enters
//! functions, classes, lambdas and comprehensions.  Each unit appends to an
//! [`InstrList`]; [`assemble`](assemble::assemble) turns it into units of
//! bytecode when the unit is finished.  Families of syntax live in their
//! own files: `expr` (expressions), `call` (calls), `stmt` (simple
//! statements and loops), `target` (assignment targets), `func` (functions,
//! lambdas, classes), `comprehension`, `control` (try/with/raise and the
//! frame-block unwinding for return/break/continue), `pattern` (match) and
//! `constant` (literals and folding).
//!
//! Invariant: the symbol table was built from the same AST, so every
//! function/class/lambda/comprehension node has a scope, found by address.

mod assemble;
mod call;
mod checks;
mod comprehension;
pub(crate) mod constant;
mod control;
mod expr;
mod format;
mod func;
mod ir;
mod pattern;
mod stmt;

pub(crate) use stmt::scan_future;
pub(crate) use target::describe_expr;
mod target;

use std::collections::HashMap;
use std::sync::Arc;

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::{CodeFlags, CodeObject, Constant, LocalKind, Location, Opcode};
use crate::error::{CompileError, LineIndex};
use crate::symtable::{mangle, ScopeKind, SymbolScope, SymbolTable};

use ir::{InstrList, Label, Op};

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// A frame block: a construct that `return`, `break` and `continue` must
/// clean up when they jump out of it (CPython's `fblockinfo`).
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// Inside `try:` of a try/except: the handler region must be popped.
    TryExcept,
    /// Inside `try:` of a try/finally: the finally body runs on exit.
    FinallyTry {
        body: &'a [ast::Stmt],
    },
    /// Inside the exceptional finally body: `[prev_exc exc]` on the stack.
    FinallyEnd,
    /// Inside a `with` body: `exit` on the stack.
    With {
        loc: Location,
        is_async: bool,
    },
    /// Inside an `except` body: `[prev_exc]` on the stack; the name to
    /// clear if `as name`.
    HandlerCleanup {
        name: Option<String>,
    },
    /// A value to pop (the return value being preserved across a finally).
    PopValue,
    /// While matching `except` clauses: `[prev_exc exc]`.
    ExceptionHandler,
    /// Inside `except*` handling: leaving it early is a SyntaxError.
    ExceptionGroupHandler,
    /// The loop of an `async for` clause in a comprehension.
    AsyncComprehensionGenerator,
}

/// The code object being compiled.
pub(crate) struct Unit<'a> {
    scope: usize,
    kind: ScopeKind,
    name: String,
    qualname: String,
    list: InstrList,
    consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    fast_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    /// Localsplus slot of each cell and free variable, by name.
    deref_index: HashMap<String, u32>,
    localsplus_kinds: Vec<u8>,
    cell_slots: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    /// Class name for private-name mangling.
    private: Option<String>,
    loc: Location,
    first_line: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    docstring: Option<u32>,
}

/// Compilation state for one source text.
pub(crate) struct Compiler<'a> {
    lines: &'a LineIndex<'a>,
    filename: String,
    table: SymbolTable,
    units: Vec<Unit<'a>>,
    interactive: bool,
    future_annotations: bool,
    /// The last comparison compiled directly by `jump_if`: CPython 3.11
    /// leaves the current position there, which shows in the position of
    /// an `assert`'s raise.
    last_jump_compare: Option<TextRange>,
    /// SyntaxWarnings found so far, in CPython's order.
    pub(crate) warnings: Vec<crate::warnings::CompileWarning>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(
        lines: &'a LineIndex<'a>,
        filename: &str,
        table: SymbolTable,
        interactive: bool,
        future_annotations: bool,
    ) -> Self {
        Compiler {
            lines,
            filename: filename.to_string(),
            table,
            units: Vec::new(),
            interactive,
            future_annotations,
            last_jump_compare: None,
            warnings: Vec::new(),
        }
    }

    // ---- units ---------------------------------------------------------

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always active during codegen")
    }

    fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always active during codegen")
    }

    /// Starts a code object for symbol-table scope `scope`.
    pub(crate) fn enter_unit(&mut self, scope: usize, name: &str, first_line: u32, private: Option<String>) {
        let sc = &self.table.scopes[scope];
        let kind = sc.kind;
        let mut varnames: Vec<String> = sc.params.clone();
        varnames.extend(sc.plain_locals());
        let cellvars = sc.cellvars();
        let freevars = sc.freevars();
        let fast_index: HashMap<String, u32> =
            varnames.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let mut kinds = vec![LocalKind::LOCAL; varnames.len()];
        let mut deref_index = HashMap::new();
        let mut cell_slots = Vec::new();
        for c in &cellvars {
            let slot = match fast_index.get(c) {
                Some(&i) => {
                    kinds[i as usize] |= LocalKind::CELL;
                    i
                }
                None => {
                    kinds.push(LocalKind::CELL);
                    kinds.len() as u32 - 1
                }
            };
            cell_slots.push(slot);
            deref_index.insert(c.clone(), slot);
        }
        for f in &freevars {
            kinds.push(LocalKind::FREE);
            deref_index.insert(f.clone(), kinds.len() as u32 - 1);
        }
        let qualname = self.qualname_for(kind, name);
        let loc = Location { line: first_line, end_line: first_line, col: 0, end_col: 0 };
        let mut unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            list: InstrList::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            fast_index,
            cellvars,
            freevars,
            deref_index,
            localsplus_kinds: kinds,
            cell_slots,
            fblocks: Vec::new(),
            private,
            loc,
            first_line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            docstring: None,
        };
        // Prologue: cells, then free variables; no line (CPython runs them
        // before `RESUME`), so tracing reports no line for them.
        let mut cell_slots_sorted = unit.cell_slots.clone();
        cell_slots_sorted.sort_unstable();
        let none = Location::default();
        for slot in cell_slots_sorted {
            unit.list.push(Op::Real(Opcode::MAKE_CELL), slot, None, none);
        }
        if !unit.freevars.is_empty() {
            unit.list.push(Op::Real(Opcode::COPY_FREE_VARS), unit.freevars.len() as u32, None, none);
        }
        self.units.push(unit);
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: ScopeKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == SymbolScope::GlobalExplicit {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    /// Finishes the current unit and returns its code object.
    pub(crate) fn exit_unit(&mut self) -> CResult<CodeObject> {
        let unit = self.units.pop().expect("exit_unit with an active unit");
        let scope = &self.table.scopes[unit.scope];
        let mut flags = 0;
        if scope.is_function() {
            flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        }
        if scope.has_varargs {
            flags |= CodeFlags::VARARGS;
        }
        if scope.has_varkeywords {
            flags |= CodeFlags::VARKEYWORDS;
        }
        if scope.nested {
            flags |= CodeFlags::NESTED;
        }
        if scope.is_function() {
            flags |= match (scope.is_generator, scope.is_coroutine) {
                (true, true) => CodeFlags::ASYNC_GENERATOR,
                (true, false) => CodeFlags::GENERATOR,
                (false, true) => CodeFlags::COROUTINE,
                (false, false) => 0,
            };
        }
        let info = assemble::AsmInfo {
            n_params: scope.params.len(),
            n_varnames: unit.varnames.len(),
            optimized: scope.is_function(),
            first_line: unit.first_line,
        };
        let asm = assemble::assemble(unit.list, &info).map_err(|msg| CompileError {
            kind: crate::error::ErrorKind::SyntaxError,
            message: format!("internal compiler error in {}: {msg}", unit.qualname),
            line: unit.first_line,
            col: 0,
            end_line: unit.first_line,
            end_col: 0,
            text: String::new(),
        })?;
        Ok(CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            first_line: unit.first_line,
            flags: CodeFlags(flags),
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            code: asm.code,
            locations: asm.locations,
            constants: unit.consts.into_boxed_slice(),
            names: unit.names.into_boxed_slice(),
            varnames: unit.varnames.into_boxed_slice(),
            cellvars: unit.cellvars.into_boxed_slice(),
            freevars: unit.freevars.into_boxed_slice(),
            localsplus_kinds: unit.localsplus_kinds.into_boxed_slice(),
            cell_slots: unit.cell_slots.into_boxed_slice(),
            docstring: unit.docstring,
            max_stack_depth: asm.max_stack_depth,
            n_cache_slots: asm.n_cache_slots,
            exception_table: asm.exception_table,
        })
    }

    // ---- emission ------------------------------------------------------

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let loc = u.loc;
        u.list.push(Op::Real(op), arg, None, loc);
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label) {
        let u = self.u();
        let loc = u.loc;
        u.list.push(Op::Real(op), 0, Some(target), loc);
    }

    /// A jump at `loc` rather than the current location.
    pub(crate) fn emit_jump_at(&mut self, op: Opcode, target: Label, loc: Location) {
        self.u().list.push(Op::Real(op), 0, Some(target), loc);
    }

    /// Unconditional jump (forward or backward by layout).
    pub(crate) fn jump(&mut self, target: Label) {
        let u = self.u();
        let loc = u.loc;
        u.list.push(Op::Jump, 0, Some(target), loc);
    }

    /// An artificial unconditional jump (CPython's `ADDOP_JUMP_NOLINE`):
    /// it takes the line of the code before it.
    pub(crate) fn jump_noline(&mut self, target: Label) {
        self.u().list.push(Op::Jump, 0, Some(target), Location::default());
    }

    pub(crate) fn emit_pseudo(&mut self, op: Op, target: Option<Label>) {
        let u = self.u();
        let loc = u.loc;
        u.list.push(op, 0, target, loc);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.u().list.new_label()
    }

    pub(crate) fn bind(&mut self, label: Label) {
        self.u().list.bind(label);
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        let key = constant::const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = u.const_index.get(k) {
                return i;
            }
        }
        u.consts.push(c);
        let i = u.consts.len() as u32 - 1;
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub(crate) fn return_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::RETURN_CONST, i);
    }

    pub(crate) fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(name.to_string());
        let i = u.names.len() as u32 - 1;
        u.name_index.insert(name.to_string(), i);
        i
    }

    /// Adds a (not yet mangled) attribute-like name, mangled.
    pub(crate) fn add_mangled_name(&mut self, name: &str) -> u32 {
        let m = mangle(self.ur().private.as_deref(), name);
        self.add_name(&m)
    }

    // ---- locations and errors -----------------------------------------

    pub(crate) fn set_loc(&mut self, range: TextRange) -> Location {
        let new = self.lines.location(range);
        std::mem::replace(&mut self.u().loc, new)
    }

    /// Makes what follows artificial (CPython's `UNSET_LOC`): no location
    /// of its own, the assembler gives it the one before it
    /// (`codegen/lines.rs`). Returns the location to restore.
    pub(crate) fn unset_loc(&mut self) -> Location {
        std::mem::take(&mut self.u().loc)
    }

    /// Sets the current location; returns the one to restore.
    pub(crate) fn set_loc_to(&mut self, loc: Location) -> Location {
        std::mem::replace(&mut self.u().loc, loc)
    }

    pub(crate) fn restore_loc(&mut self, loc: Location) {
        self.u().loc = loc;
    }

    pub(crate) fn line_of(&self, range: TextRange) -> u32 {
        self.lines.line_col(range.start()).0
    }

    /// Records a `SyntaxWarning` at the line of `range`.
    pub(crate) fn warn(&mut self, msg: impl Into<String>, range: TextRange) {
        let line = self.line_of(range);
        self.warnings.push(crate::warnings::CompileWarning {
            kind: crate::warnings::WarningKind::SyntaxWarning,
            message: msg.into(),
            line,
        });
    }

    pub(crate) fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.lines.syntax_error(msg, range)
    }

    pub(crate) fn source_text(&self, range: TextRange) -> &'a str {
        &self.lines.source()[range]
    }

    // ---- names -----------------------------------------------------------

    fn is_function_unit(&self) -> bool {
        self.table.scopes[self.ur().scope].is_function()
    }

    /// Emits the load/store/delete of a variable, choosing the opcode
    /// family by the name's scope (CPython's `compiler_nameop`).
    pub(crate) fn name_op(&mut self, name: &str, ctx: ast::ExprContext, range: TextRange) -> CResult {
        if ctx != ast::ExprContext::Load && name == "__debug__" {
            let what = if ctx == ast::ExprContext::Del { "delete" } else { "assign to" };
            return Err(self.error(format!("cannot {what} __debug__"), range));
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let scope = self.table.scopes[self.ur().scope].scope_of(&mangled);
        let in_function = self.is_function_unit();
        enum Family {
            Fast,
            Deref,
            Global,
            Name,
        }
        let family = match scope {
            SymbolScope::Free | SymbolScope::Cell => Family::Deref,
            SymbolScope::Local if in_function => Family::Fast,
            SymbolScope::GlobalImplicit if in_function => Family::Global,
            SymbolScope::GlobalExplicit => Family::Global,
            _ => Family::Name,
        };
        use ast::ExprContext::{Del, Load};
        match family {
            Family::Fast => {
                let Some(&slot) = self.ur().fast_index.get(&mangled) else {
                    return Err(self.error(format!("internal error: no slot for '{mangled}'"), range));
                };
                let op = match ctx {
                    Load => Opcode::LOAD_FAST,
                    Del => Opcode::DELETE_FAST,
                    _ => Opcode::STORE_FAST,
                };
                self.emit(op, slot);
            }
            Family::Deref => {
                let Some(&slot) = self.ur().deref_index.get(&mangled) else {
                    return Err(self.error(format!("internal error: no cell for '{mangled}'"), range));
                };
                let op = match ctx {
                    Load if self.ur().kind == ScopeKind::Class => Opcode::LOAD_CLASSDEREF,
                    Load => Opcode::LOAD_DEREF,
                    Del => Opcode::DELETE_DEREF,
                    _ => Opcode::STORE_DEREF,
                };
                self.emit(op, slot);
            }
            Family::Global => {
                let i = self.add_name(&mangled);
                match ctx {
                    Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    Del => self.emit(Opcode::DELETE_GLOBAL, i),
                    _ => self.emit(Opcode::STORE_GLOBAL, i),
                }
            }
            Family::Name => {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    Load => Opcode::LOAD_NAME,
                    Del => Opcode::DELETE_NAME,
                    _ => Opcode::STORE_NAME,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// Loads a name for calling: `LOAD_GLOBAL` with the NULL bit if the
    /// name is a global, else `PUSH_NULL` + the load.
    pub(crate) fn load_name_for_call(&mut self, name: &str, range: TextRange) -> CResult {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let scope = self.table.scopes[self.ur().scope].scope_of(&mangled);
        let global = match scope {
            SymbolScope::GlobalExplicit => true,
            SymbolScope::GlobalImplicit => self.is_function_unit(),
            _ => false,
        };
        if global {
            let i = self.add_name(&mangled);
            self.emit(Opcode::LOAD_GLOBAL, (i << 1) | 1);
            Ok(())
        } else {
            self.emit(Opcode::PUSH_NULL, 0);
            self.name_op(name, ast::ExprContext::Load, range)
        }
    }

    /// Pushes the cell of `name` (for building a closure).
    fn load_closure(&mut self, name: &str) -> CResult {
        match self.ur().deref_index.get(name) {
            Some(&slot) => {
                self.emit(Opcode::LOAD_CLOSURE, slot);
                Ok(())
            }
            None => Err(self.lines.syntax_error(
                format!("internal error: no cell '{name}' in {}", self.ur().qualname),
                TextRange::default(),
            )),
        }
    }

    /// Emits a nested code object as a function: closure tuple (if it has
    /// free variables) and `MAKE_FUNCTION flags`.
    pub(crate) fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                self.load_closure(name)?;
            }
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32);
            flags |= crate::bytecode::MakeFunctionFlags::CLOSURE;
        }
        self.load_const(Constant::Code(Arc::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    // ---- entry points -----------------------------------------------------

    /// Compiles a module body (exec/single mode).
    pub(crate) fn compile_module(
        mut self,
        body: &'a [ast::Stmt],
    ) -> CResult<(CodeObject, Vec<crate::warnings::CompileWarning>)> {
        self.enter_unit(0, "<module>", 1, None);
        let mut rest = body;
        if !self.interactive {
            if let Some((doc, tail)) = split_docstring(body) {
                let old = self.set_loc(body[0].range());
                self.load_const(Constant::Str(doc));
                self.name_op("__doc__", ast::ExprContext::Store, body[0].range())?;
                self.restore_loc(old);
                rest = tail;
            }
        }
        if stmt::has_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        self.compile_body(rest)?;
        // Artificial, as a function's implicit return.
        self.unset_loc();
        self.return_const(Constant::None);
        let code = self.exit_unit()?;
        Ok((code, self.warnings))
    }

    /// Compiles an `eval` expression.
    pub(crate) fn compile_eval(
        mut self,
        expr: &'a ast::Expr,
    ) -> CResult<(CodeObject, Vec<crate::warnings::CompileWarning>)> {
        self.enter_unit(0, "<module>", 1, None);
        self.compile_expr(expr)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        Ok((code, self.warnings))
    }

    pub(crate) fn compile_body(&mut self, body: &'a [ast::Stmt]) -> CResult {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }
}

/// The docstring of a body, and the statements after it.
pub(crate) fn split_docstring(body: &[ast::Stmt]) -> Option<(String, &[ast::Stmt])> {
    let (first, rest) = body.split_first()?;
    if let ast::Stmt::Expr(e) = first {
        if let ast::Expr::StringLiteral(s) = &*e.value {
            return Some((s.value.to_str().to_string(), rest));
        }
    }
    None
}
