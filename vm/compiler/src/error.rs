//! Compile errors and source positions.
//!
//! [`CompileError`] carries what CPython's `SyntaxError` carries: the kind
//! (`SyntaxError`, `IndentationError`, `TabError`), the message, and the
//! position, with 1-based lines and 1-based *character* columns (CPython's
//! `SyntaxError.offset`/`end_offset`).  [`LineIndex`] converts the parser's
//! byte offsets into lines and columns.

use std::fmt;

use ruff_text_size::{TextRange, TextSize};

use crate::bytecode::Location;

/// Which exception class the error maps to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Source nested too deeply to compile (CPython's `RecursionError:
    /// maximum recursion depth exceeded during compilation`); the position
    /// fields are 0.
    RecursionError,
}

impl ErrorKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A compile-time error, positioned as CPython positions it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub message: String,
    /// 1-based line (0 if unknown).
    pub line: u32,
    /// 1-based column in characters (CPython's `offset`; 0 if unknown).
    pub col: i32,
    pub end_line: u32,
    /// 1-based exclusive end column in characters (`end_offset`).  As in
    /// CPython it can be 0 or -1 for some tokenizer errors (then no caret
    /// range is drawn).
    pub end_col: i32,
    /// The text of line `line` (without its newline), for the caret
    /// display; empty if unknown.
    pub text: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {}, column {})", self.kind.name(), self.message, self.line, self.col)
    }
}

impl std::error::Error for CompileError {}

/// Line starts of a source text, for offset -> (line, column) conversion.
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset of the start of each line; `starts[0] == 0`.
    starts: Vec<u32>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        let mut starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, starts }
    }

    pub(crate) fn source(&self) -> &'a str {
        self.source
    }

    /// 0-based line index containing byte `offset`.
    fn line_of(&self, offset: u32) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// (1-based line, 0-based byte column).
    pub(crate) fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset).min(self.source.len() as u32);
        let line = self.line_of(off);
        (line as u32 + 1, off - self.starts[line])
    }

    /// (1-based line, 1-based character column) as CPython reports
    /// `SyntaxError.offset`.
    pub(crate) fn line_char_col(&self, offset: TextSize) -> (u32, u32) {
        let off = (u32::from(offset) as usize).min(self.source.len());
        let line = self.line_of(off as u32);
        let start = self.starts[line] as usize;
        let mut off = off;
        while !self.source.is_char_boundary(off) {
            off -= 1;
        }
        let chars = self.source[start..off].chars().count();
        (line as u32 + 1, chars as u32 + 1)
    }

    /// Text of 1-based line `line` without its line terminator.
    pub(crate) fn line_text(&self, line: u32) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1) as usize) else {
            return "";
        };
        let end = self.starts.get(line as usize).map_or(self.source.len(), |&e| e as usize);
        self.source[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Bytecode location of a range.
    pub(crate) fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start());
        let (end_line, end_col) = self.line_col(range.end());
        Location { line, end_line, col, end_col }
    }

    /// A `SyntaxError` spanning `range`.
    pub(crate) fn error(&self, kind: ErrorKind, message: impl Into<String>, range: TextRange) -> CompileError {
        let (line, col) = self.line_char_col(range.start());
        let (end_line, end_col) = self.line_char_col(range.end());
        CompileError {
            kind,
            message: message.into(),
            line,
            col: col as i32,
            end_line,
            end_col: end_col as i32,
            text: self.line_text(line).to_string(),
        }
    }

    pub(crate) fn syntax_error(&self, message: impl Into<String>, range: TextRange) -> CompileError {
        self.error(ErrorKind::SyntaxError, message, range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let idx = LineIndex::new("ab\nc\u{e9}d\r\nx");
        assert_eq!(idx.line_col(TextSize::from(0)), (1, 0));
        assert_eq!(idx.line_col(TextSize::from(3)), (2, 0));
        assert_eq!(idx.line_col(TextSize::from(6)), (2, 3));
        assert_eq!(idx.line_char_col(TextSize::from(6)), (2, 3));
        assert_eq!(idx.line_col(TextSize::from(9)), (3, 0));
        assert_eq!(idx.line_text(2), "c\u{e9}d");
        assert_eq!(idx.line_text(3), "x");
        assert_eq!(idx.line_text(7), "");
    }
}
