//! Compile-time warnings, as CPython 3.11 emits them.
//!
//! The compiler never prints: [`crate::compile_with_warnings`] returns the
//! warnings in the order CPython issues them (escape-sequence warnings
//! from the tokenizer first, then the code generator's), and the
//! interpreter passes each to `warnings.warn_explicit(message, category,
//! filename, line)`.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange};

use crate::error::LineIndex;

/// The warning class.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WarningKind {
    SyntaxWarning,
    DeprecationWarning,
}

impl WarningKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            WarningKind::SyntaxWarning => "SyntaxWarning",
            WarningKind::DeprecationWarning => "DeprecationWarning",
        }
    }
}

/// One warning: category, message and the 1-based line it concerns.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CompileWarning {
    pub kind: WarningKind,
    pub message: String,
    pub line: u32,
}

/// `DeprecationWarning: invalid escape sequence '\d'` for every unknown
/// backslash escape in a non-raw string, bytes or f-string literal piece.
pub(crate) fn escape_warnings(tokens: &Tokens, lines: &LineIndex<'_>) -> Vec<CompileWarning> {
    let src = lines.source();
    let mut out = Vec::new();
    let mut fstring_raw: Vec<bool> = Vec::new();
    for tok in tokens.iter() {
        let range = tok.range();
        let text = &src[range];
        match tok.kind() {
            TokenKind::String => {
                let prefix_len = text.find(['\'', '"']).unwrap_or(0);
                let prefix = text[..prefix_len].to_ascii_lowercase();
                if !prefix.contains('r') {
                    check_escapes(&text[prefix_len..], prefix.contains('b'), range, lines, &mut out);
                }
            }
            TokenKind::FStringStart => {
                fstring_raw.push(text.to_ascii_lowercase().contains('r'));
            }
            TokenKind::FStringEnd => {
                fstring_raw.pop();
            }
            TokenKind::FStringMiddle if !fstring_raw.last().copied().unwrap_or(false) => {
                check_escapes(text, false, range, lines, &mut out);
            }
            _ => {}
        }
    }
    out
}

fn check_escapes(body: &str, bytes: bool, range: TextRange, lines: &LineIndex<'_>, out: &mut Vec<CompileWarning>) {
    let mut chars = body.chars().peekable();
    let line = lines.line_col(range.start()).0;
    while let Some(c) = chars.next() {
        if c != '\\' {
            continue;
        }
        let Some(next) = chars.next() else { break };
        let valid =
            matches!(next, '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' | '0'..='7')
                || (!bytes && matches!(next, 'N' | 'u' | 'U'));
        // A backslash before a non-ASCII character is kept literally
        // without a warning (CPython rewrites it to `\u005c` first).
        if !valid && next.is_ascii() {
            out.push(CompileWarning {
                kind: WarningKind::DeprecationWarning,
                message: format!("invalid escape sequence '\\{next}'"),
                line,
            });
        }
    }
}
