//! Maps ruff parse errors to CPython's `SyntaxError` messages and positions.

use ruff_python_parser::{ParseError, ParseErrorType};
use ruff_text_size::Ranged;

use crate::error::{CompileError, ErrorKind, LineIndex};

/// The error CPython would report first, converted.
pub(crate) fn first_error(errors: &[ParseError], lines: &LineIndex<'_>) -> Option<CompileError> {
    let first = errors.iter().min_by_key(|e| e.range().start())?;
    Some(convert(first, lines))
}

fn convert(err: &ParseError, lines: &LineIndex<'_>) -> CompileError {
    let (kind, msg) = match &err.error {
        ParseErrorType::UnexpectedIndentation => {
            (ErrorKind::IndentationError, "unexpected indent".to_string())
        }
        _ => (ErrorKind::SyntaxError, "invalid syntax".to_string()),
    };
    lines.error(kind, msg, err.range())
}
