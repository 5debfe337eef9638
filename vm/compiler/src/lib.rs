//! Skein's compiler: Python source text to plain-data code objects.
//!
//! The crate does not depend on the runtime.  [`bytecode`] defines the
//! instruction set and [`bytecode::CodeObject`], the contract with the
//! interpreter (see `docs/bytecode.md`).  [`compile`] runs the pipeline:
//! parse (ruff's parser; errors mapped to CPython's messages by
//! `parse_error`), `from __future__` checks, symbol table ([`symtable`]),
//! code generation and assembly (`codegen`).

extern crate rustpython_ruff_python_ast as ruff_python_ast;
extern crate rustpython_ruff_python_parser as ruff_python_parser;
extern crate rustpython_ruff_text_size as ruff_text_size;

pub mod arg_kind;
pub mod bytecode;
pub mod code_bytes;
mod codegen;
pub mod dis;
pub mod error;
mod fstring_311;
pub mod marshal;
mod parse_error;
pub mod pyast;
mod scan;
pub mod symtable;
pub mod verify;
pub mod warnings;

use ruff_python_ast as ast;
use ruff_python_parser::{Mode as ParseMode, ParseOptions};
use ruff_text_size::Ranged;

pub use bytecode::{disassemble, CodeObject, Constant};
pub use error::{CompileError, ErrorKind};
pub use warnings::{CompileWarning, WarningKind};

use error::LineIndex;

/// What the source text is (the `mode` argument of `compile()`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression; the code returns its value.
    Eval,
    /// One interactive statement: expression statements print their value
    /// through `sys.displayhook` (`CALL_INTRINSIC_1 INTRINSIC_PRINT`).
    Single,
}

/// Compiles `source` to a module-level code object.  Compile-time
/// warnings are dropped; see [`compile_with_warnings`].
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    compile_with_warnings(source, filename, mode).map(|(code, _)| code)
}

/// Expressions nesting deeper than this (by the scanner's estimate, an
/// upper bound) are refused with `RecursionError`.  CPython's limit is
/// lower (about 3000 levels); ours only guards the compiler's stack, so
/// some sources CPython refuses compile here.
const MAX_EXPR_DEPTH: usize = 20_000;
/// Above this estimated depth the parser and code generator run on a
/// thread with a large stack, so that deep (but legal) nesting cannot
/// overflow the caller's stack.
const INLINE_EXPR_DEPTH: usize = 100;
const BIG_STACK: usize = 512 << 20;

/// Compiles `source`, also returning the `SyntaxWarning`s and
/// `DeprecationWarning`s CPython 3.11 would issue, in its order.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<(CodeObject, Vec<CompileWarning>), CompileError> {
    let (tok_error, depth) = scan::scan_with_depth(source);
    if let Some(e) = tok_error.filter(|e| e.message.starts_with("too many")) {
        // Past CPython's tokenizer limits the parser must not even start.
        let lines = LineIndex::new(source);
        return Err(parse_error::tok_error(&e, &lines));
    }
    if depth > MAX_EXPR_DEPTH {
        return Err(recursion_error());
    }
    if depth <= INLINE_EXPR_DEPTH {
        return compile_inner(source, filename, mode);
    }
    // A scoped thread: it borrows `source` and is joined before returning.
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("skein-compile".into())
            .stack_size(BIG_STACK)
            .spawn_scoped(scope, || compile_inner(source, filename, mode));
        match worker.map(|h| h.join()) {
            Ok(Ok(result)) => result,
            _ => Err(CompileError {
                kind: ErrorKind::RecursionError,
                message: "maximum recursion depth exceeded during compilation".into(),
                line: 0,
                col: 0,
                end_line: 0,
                end_col: 0,
                text: String::new(),
            }),
        }
    })
}

/// `compile(..., 'single')` takes one statement: one compound statement, or
/// the simple statements of the first logical line (`a = 1; b = 2`).
/// CPython reports more as "multiple statements" at the end of that line,
/// or as "invalid syntax" at the statement after a compound one.
fn single_statement_check(
    body: &[ast::Stmt],
    tokens: &ruff_python_ast::token::Tokens,
    lines: &LineIndex,
) -> Result<(), CompileError> {
    let compound = |s: &ast::Stmt| {
        matches!(
            s,
            ast::Stmt::FunctionDef(_)
                | ast::Stmt::ClassDef(_)
                | ast::Stmt::If(_)
                | ast::Stmt::For(_)
                | ast::Stmt::While(_)
                | ast::Stmt::With(_)
                | ast::Stmt::Try(_)
                | ast::Stmt::Match(_)
        )
    };
    let line = |at| lines.line_col(at).0;
    for k in 1..body.len() {
        let (prev, next) = (&body[k - 1], &body[k]);
        if compound(prev) {
            let tok = tokens
                .iter()
                .find(|t| t.start() >= next.start() && !t.range().is_empty())
                .map_or(next.range(), |t| t.range());
            return Err(lines.syntax_error("invalid syntax", tok));
        }
        if line(next.start()) != line(prev.end()) {
            let end = ruff_text_size::TextRange::empty(prev.end());
            return Err(lines.syntax_error("multiple statements found while compiling a single statement", end));
        }
    }
    Ok(())
}

/// CPython 3.11's position of a generic "invalid syntax" at the end of
/// a line: it ends where it starts (not on the next line), and in `eval`
/// and `single` mode, where no newline is added to the input, the end of
/// the input is column 0 (`compile('1 +', '', 'eval')`).
fn end_of_input_position(err: &mut CompileError, source: &str, mode: Mode, lines: &LineIndex) {
    if err.message != "invalid syntax" || err.line == 0 {
        return;
    }
    let text = lines.line_text(err.line);
    let line_end = text.chars().count() as i32 + 1;
    if err.col != line_end {
        return;
    }
    let last_line = source.lines().count() as u32;
    if mode != Mode::Exec && !source.ends_with('\n') && err.line == last_line.max(1) {
        err.col = 0;
        err.end_col = 0;
        err.end_line = err.line;
    } else if err.end_line > err.line && err.end_col <= 1 {
        err.end_line = err.line;
        err.end_col = err.col;
    }
}

fn compile_inner(source: &str, filename: &str, mode: Mode) -> Result<(CodeObject, Vec<CompileWarning>), CompileError> {
    let lines = LineIndex::new(source);
    let parse_mode = if mode == Mode::Eval { ParseMode::Expression } else { ParseMode::Module };
    let options = ParseOptions::from(parse_mode).with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    // 3.11 stops at an f-string that needs PEP 701 before any later error
    // (a `#` in a one-line f-string is also a parse error under 3.12 rules).
    let fstring_err = fstring_311::first_error(parsed.unsupported_syntax_errors(), parsed.tokens(), &lines);
    let first_parse_error = parsed.errors().iter().map(|e| e.range().start()).min();
    if let Some((err, at)) = fstring_err.as_ref().zip(fstring_311::first_position(parsed.unsupported_syntax_errors())) {
        if first_parse_error.is_none_or(|p| at < p) {
            return Err(err.clone());
        }
    }
    if let Some(mut err) = parse_error::first_error(parsed.errors(), &lines) {
        end_of_input_position(&mut err, source, mode, &lines);
        return Err(err);
    }
    let mut warnings = warnings::escape_warnings(parsed.tokens(), &lines);
    let (code, more) = match parsed.syntax() {
        ast::Mod::Module(module) => {
            let body = &module.body;
            if mode == Mode::Single {
                single_statement_check(body, parsed.tokens(), &lines)?;
            }
            let future_annotations = codegen::scan_future(body, &lines)?;
            let table = symtable::build_module(body, &lines, future_annotations)?;
            codegen::Compiler::new(&lines, filename, table, mode == Mode::Single, future_annotations)
                .compile_module(body)?
        }
        ast::Mod::Expression(expr) => {
            let table = symtable::build_expression(&expr.body, &lines)?;
            codegen::Compiler::new(&lines, filename, table, false, false).compile_eval(&expr.body)?
        }
    };
    warnings.extend(more);
    Ok((code, warnings))
}

/// Builds the symbol table of a module (for the `symtable` module and
/// tests).
pub fn symbol_table(source: &str) -> Result<symtable::SymbolTable, CompileError> {
    let lines = LineIndex::new(source);
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(ParseMode::Module));
    if let Some(err) = parse_error::first_error(parsed.errors(), &lines) {
        return Err(err);
    }
    let ast::Mod::Module(module) = parsed.syntax() else {
        return Err(lines.syntax_error("invalid syntax", Default::default()));
    };
    let future_annotations = codegen::scan_future(&module.body, &lines)?;
    symtable::build_module(&module.body, &lines, future_annotations)
}

/// The error for source nested deeper than the compiler follows
/// (CPython's "maximum recursion depth exceeded during compilation").
pub(crate) fn recursion_error() -> CompileError {
    CompileError {
        kind: ErrorKind::RecursionError,
        message: "maximum recursion depth exceeded during compilation".into(),
        line: 0,
        col: 0,
        end_line: 0,
        end_col: 0,
        text: String::new(),
    }
}

#[cfg(test)]
mod tests;
