//! A light re-implementation of CPython's tokenizer checks: brackets,
//! strings, comments, line continuations and indentation, to report the
//! tokenizer errors CPython reports (which ruff's parser words differently
//! or recovers from), and to estimate how deeply expressions nest before
//! the recursive parser sees them.

use crate::error::ErrorKind;

/// A tokenizer-level error found by [`scan`].
pub(crate) struct TokError {
    /// Byte offset where CPython positions it.
    pub(crate) pos: usize,
    pub(crate) kind: ErrorKind,
    pub(crate) message: String,
    /// Column override (1-based chars), where CPython's differs from `pos`.
    pub(crate) col: Option<i32>,
    /// End column override (CPython's `end_offset`).
    pub(crate) end_col: Option<i32>,
}

impl TokError {
    fn at(pos: usize, kind: ErrorKind, message: impl Into<String>) -> TokError {
        TokError { pos, kind, message: message.into(), col: None, end_col: None }
    }
}

/// CPython's tokenizer limits (`MAXLEVEL`, `MAXINDENT`).
const MAX_BRACKETS: usize = 200;
const MAX_INDENT: usize = 100;

/// Keywords that may add a level of expression nesting.
const NESTING_KEYWORDS: [&str; 9] = ["not", "and", "or", "if", "else", "lambda", "await", "in", "is"];

/// Scans brackets, strings, comments and indentation like CPython's
/// tokenizer, returning the first error.
pub(crate) fn scan(src: &str) -> Option<TokError> {
    Scanner::new(src).run().err()
}

/// As [`scan`], and an upper estimate of the nesting depth of the deepest
/// expression (see [`Scanner`]).
pub(crate) fn scan_with_depth(src: &str) -> (Option<TokError>, usize) {
    let mut s = Scanner::new(src);
    let r = s.run().err();
    (r, s.max_depth)
}

/// The scanner state.  The depth estimate counts operators and nesting
/// keywords per bracket level (reset by `,`, `;` and new logical lines);
/// an opening bracket counts one in the level that contains it.  Every
/// AST nesting level needs one of these, so the sum over the open levels
/// bounds the depth of the expression being scanned.
struct Scanner<'s> {
    src: &'s str,
    b: &'s [u8],
    i: usize,
    brackets: Vec<(u8, usize)>,
    indents: Vec<(usize, usize)>,
    line_no: usize,
    levels: Vec<usize>,
    depth: usize,
    max_depth: usize,
}

impl<'s> Scanner<'s> {
    fn new(src: &'s str) -> Self {
        Scanner {
            src,
            b: src.as_bytes(),
            i: 0,
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            line_no: 1,
            levels: vec![0],
            depth: 0,
            max_depth: 0,
        }
    }

    fn bump(&mut self, n: usize) {
        if let Some(top) = self.levels.last_mut() {
            *top += n;
        }
        self.depth += n;
        self.max_depth = self.max_depth.max(self.depth);
    }

    fn reset_level(&mut self) {
        if let Some(top) = self.levels.last_mut() {
            self.depth -= *top;
            *top = 0;
        }
    }

    fn run(&mut self) -> Result<(), TokError> {
        let mut line_start = true;
        while self.i < self.b.len() {
            if line_start && self.brackets.is_empty() {
                line_start = false;
                self.reset_level();
                self.indentation()?;
                continue;
            }
            let c = self.b[self.i];
            match c {
                b'#' => {
                    while self.i < self.b.len() && !matches!(self.b[self.i], b'\n' | b'\r') {
                        self.i += 1;
                    }
                    continue;
                }
                b'\n' | b'\r' => {
                    if c == b'\r' && self.b.get(self.i + 1) == Some(&b'\n') {
                        self.i += 1;
                    }
                    self.line_no += 1;
                    line_start = self.brackets.is_empty();
                }
                b'\\' => {
                    // Line continuation: the next line is not a logical line.
                    match (self.b.get(self.i + 1), self.b.get(self.i + 2)) {
                        (Some(b'\r'), Some(b'\n')) => self.i += 2,
                        (Some(b'\n' | b'\r'), _) => self.i += 1,
                        _ => {}
                    }
                    self.line_no += 1;
                }
                b'\'' | b'"' => {
                    self.string(c)?;
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if self.brackets.len() >= MAX_BRACKETS {
                        return Err(TokError::at(self.i, ErrorKind::SyntaxError, "too many nested parentheses"));
                    }
                    self.bump(1);
                    self.brackets.push((c, self.i));
                    self.levels.push(0);
                }
                b')' | b']' | b'}' => self.close(c)?,
                b',' | b';' => self.reset_level(),
                b'+' | b'-' | b'*' | b'/' | b'%' | b'@' | b'&' | b'|' | b'^' | b'~' | b'<' | b'>' | b'=' | b'!' => {
                    self.bump(1)
                }
                b'.' => {
                    // A decimal point is not an attribute access.
                    let digit_before = self.i > 0 && self.b[self.i - 1].is_ascii_digit();
                    if !digit_before {
                        self.bump(1);
                    }
                }
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                    let start = self.i;
                    while self.i < self.b.len()
                        && (self.b[self.i].is_ascii_alphanumeric() || self.b[self.i] == b'_' || self.b[self.i] >= 0x80)
                    {
                        self.i += 1;
                    }
                    if NESTING_KEYWORDS.contains(&&self.src[start..self.i]) {
                        self.bump(1);
                    }
                    continue;
                }
                _ => {}
            }
            self.i += 1;
        }
        match self.brackets.last() {
            Some(&(o, pos)) => Err(TokError {
                end_col: Some(0),
                ..TokError::at(pos, ErrorKind::SyntaxError, format!("'{}' was never closed", o as char))
            }),
            None => Ok(()),
        }
    }

    /// Measures the indentation of a logical line (CPython's `col`/`altcol`
    /// comparison, tabs to multiples of 8 vs. tabs as 1).
    fn indentation(&mut self) -> Result<(), TokError> {
        let b = self.b;
        let start = self.i;
        let (mut col, mut alt) = (0usize, 0usize);
        while self.i < b.len() && matches!(b[self.i], b' ' | b'\t' | b'\x0c') {
            match b[self.i] {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                _ => {
                    col = 0;
                    alt = 0;
                }
            }
            self.i += 1;
        }
        let blank = self.i >= b.len() || matches!(b[self.i], b'#' | b'\n' | b'\r');
        if blank {
            return Ok(());
        }
        let tab_error = || TokError {
            col: Some(1),
            end_col: Some(0),
            ..TokError::at(start, ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation")
        };
        let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != alttop {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= alttop {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT {
                return Err(TokError {
                    col: Some(1),
                    end_col: Some(0),
                    ..TokError::at(start, ErrorKind::IndentationError, "too many levels of indentation")
                });
            }
            self.indents.push((col, alt));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |x| x.0) {
                self.indents.pop();
            }
            let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let end = self.src[start..].find(['\n', '\r']).map_or(self.src.len(), |e| start + e);
                let width = self.src[start..end].chars().count() as i32;
                return Err(TokError {
                    col: Some(width + 1),
                    end_col: Some(-1),
                    ..TokError::at(
                        start,
                        ErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                    )
                });
            }
            if alt != alttop {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// Skips a string literal starting at the quote `q`.
    fn string(&mut self, q: u8) -> Result<(), TokError> {
        let b = self.b;
        let start = self.i;
        let triple = b.get(self.i + 1) == Some(&q) && b.get(self.i + 2) == Some(&q);
        self.i += if triple { 3 } else { 1 };
        let start_line = self.line_no;
        while self.i < b.len() {
            match b[self.i] {
                b'\\' => {
                    self.i += 1;
                    if self.i < b.len() && matches!(b[self.i], b'\n' | b'\r') {
                        self.line_no += 1;
                    }
                    self.i += 1;
                    continue;
                }
                b'\n' | b'\r' if !triple => break,
                b'\n' => self.line_no += 1,
                x if x == q => {
                    if !triple {
                        self.i += 1;
                        return Ok(());
                    }
                    if b.get(self.i + 1) == Some(&q) && b.get(self.i + 2) == Some(&q) {
                        self.i += 3;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        // CPython reports the line of the last character.
        let body = self.src.strip_suffix('\n').unwrap_or(self.src);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let last_line = body.matches('\n').count() + 1;
        let (what, line) = if triple {
            ("unterminated triple-quoted string literal", last_line.max(start_line))
        } else {
            ("unterminated string literal", start_line)
        };
        // Include the string prefix in the position.
        let mut p = start;
        while p > 0 && b[p - 1].is_ascii_alphabetic() {
            p -= 1;
        }
        Err(TokError::at(p, ErrorKind::SyntaxError, format!("{what} (detected at line {line})")))
    }

    /// A closing bracket: must match the innermost open one.
    fn close(&mut self, c: u8) -> Result<(), TokError> {
        let open = match c {
            b')' => b'(',
            b']' => b'[',
            _ => b'{',
        };
        match self.brackets.pop() {
            None => Err(TokError::at(self.i, ErrorKind::SyntaxError, format!("unmatched '{}'", c as char))),
            Some((o, opos)) if o != open => {
                let lines_before = self.src[..opos].matches('\n').count() + 1;
                let here = self.src[..self.i].matches('\n').count() + 1;
                let tail = if lines_before != here { format!(" on line {lines_before}") } else { String::new() };
                Err(TokError::at(
                    self.i,
                    ErrorKind::SyntaxError,
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'{tail}",
                        c as char, o as char
                    ),
                ))
            }
            Some(_) => {
                if let Some(n) = self.levels.pop() {
                    self.depth -= n;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_finds_bracket_errors() {
        assert_eq!(scan("x = (1, [2").map(|e| (e.pos, e.message)), Some((8, "'[' was never closed".into())));
        assert_eq!(scan("x = )").map(|e| e.message), Some("unmatched ')'".into()));
        assert!(scan("x = '(' # (\ny = [\n]\n").is_none());
        assert!(scan("s = '''a\n(\n'''\n").is_none());
        assert_eq!(scan("if x:\n\tx\n        y\n").map(|e| e.kind), Some(ErrorKind::TabError));
    }
}
