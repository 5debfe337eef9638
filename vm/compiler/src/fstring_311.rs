//! f-strings as Python 3.11 tokenizes them.
//!
//! ruff parses f-strings with PEP 701's grammar (Python 3.12), where an
//! expression part may reuse the enclosing quote, contain a backslash or a
//! comment. Skein runs Python 3.11, whose tokenizer ends the f-string at the
//! first matching quote and whose f-string parser rejects backslashes and
//! `#` in expression parts. ruff flags each such use as an "unsupported
//! syntax error" for a 3.11 target; this module turns the first one into the
//! `SyntaxError` CPython 3.11 raises.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::{UnsupportedSyntaxError, UnsupportedSyntaxErrorKind};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{CompileError, LineIndex};

/// Where the first f-string that needs PEP 701 starts to need it.
pub(crate) fn first_position(unsupported: &[UnsupportedSyntaxError]) -> Option<TextSize> {
    unsupported
        .iter()
        .filter(|e| matches!(e.kind, UnsupportedSyntaxErrorKind::Pep701FString(_)))
        .map(|e| e.range.start())
        .min()
}

/// The error CPython 3.11 reports for the first f-string that needs PEP 701,
/// if any.
pub(crate) fn first_error(
    unsupported: &[UnsupportedSyntaxError],
    tokens: &Tokens,
    lines: &LineIndex<'_>,
) -> Option<CompileError> {
    let first = unsupported
        .iter()
        .filter(|e| matches!(e.kind, UnsupportedSyntaxErrorKind::Pep701FString(_)))
        .min_by_key(|e| e.range.start())?;
    let at = first.range.start();
    // The parser does not export the kind's payload; the flagged text tells
    // the three cases apart (a quote, a backslash or a comment).
    match lines.source()[first.range].chars().next()? {
        '\'' | '"' => {
            // 3.11's f-string ends at this quote: what it saw of the
            // replacement field is the text from its `{` up to here.
            let field = field_text(lines.source(), at);
            let message = match unclosed_bracket(field) {
                Some(b) => format!("f-string: unmatched '{b}'"),
                None => "f-string: expecting '}'".to_string(),
            };
            let caret = at + TextSize::from(1);
            Some(lines.syntax_error(message, TextRange::new(caret, caret + TextSize::from(1))))
        }
        c => {
            let message = if c == '\\' {
                "f-string expression part cannot include a backslash"
            } else {
                "f-string expression part cannot include '#'"
            };
            // 3.11 points just past the end of the whole string literal.
            let end = tokens
                .iter()
                .find(|t| t.kind() == TokenKind::FStringEnd && t.start() >= at)
                .map_or(first.range.end(), Ranged::end);
            Some(lines.syntax_error(message, TextRange::new(end, end + TextSize::from(1))))
        }
    }
}

/// The replacement field's text before `at`: from just after the nearest
/// unescaped `{` that opens a field.
fn field_text(src: &str, at: TextSize) -> &str {
    let before = &src[..u32::from(at) as usize];
    match before.rfind('{') {
        Some(i) => &before[i + 1..],
        None => "",
    }
}

/// The innermost bracket left open in `text`, as 3.11's f-string scanner
/// reports it.
fn unclosed_bracket(text: &str) -> Option<char> {
    let mut stack = Vec::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}
