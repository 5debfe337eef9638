//! Maps ruff parse errors to CPython 3.11's `SyntaxError` messages.
//!
//! CPython reports two kinds of errors: tokenizer errors (brackets,
//! unterminated strings, inconsistent indentation), raised when the parser
//! reaches them or, if the parser only found a generic "invalid syntax",
//! anywhere in the file; and parser errors, many with specific messages
//! from its `invalid_*` rules.  ruff's parser recovers and reports its own
//! errors, so this module re-derives the tokenizer errors with a small
//! scanner ([`scan`]) and translates ruff's error kinds, using the source
//! text around the error where CPython's message needs more context.

use ruff_python_ast as ast;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{CompileError, ErrorKind, LineIndex};
use crate::scan::{scan, TokError};

/// A scanner error as a `CompileError`.
pub(crate) fn tok_error(t: &TokError, lines: &LineIndex<'_>) -> CompileError {
    let at = TextSize::from(t.pos as u32);
    let mut e = lines.error(t.kind, t.message.clone(), TextRange::empty(at));
    if let Some(col) = t.col {
        e.col = col;
    }
    if let Some(end) = t.end_col {
        e.end_col = end;
    }
    e
}

/// The error CPython would report, converted from ruff's errors.
pub(crate) fn first_error(errors: &[ParseError], lines: &LineIndex<'_>) -> Option<CompileError> {
    let src = lines.source();
    let tok = scan(src);
    let parse = errors.iter().min_by_key(|e| e.range().start());
    let tok_err = |t: &TokError| tok_error(t, lines);
    let Some(p) = parse else {
        return tok.as_ref().map(tok_err);
    };
    let pstart = u32::from(p.range().start()) as usize;
    if let Some(t) = tok.as_ref().filter(|t| !t.message.ends_with("was never closed")) {
        if t.pos <= pstart {
            return Some(tok_err(t));
        }
    }
    let converted = convert(p, lines);
    match &tok {
        Some(t) if t.message.ends_with("was never closed") => {
            // CPython reports an unclosed bracket when its parser ran into
            // the end of the input, or when the parser's error lies on a
            // later line than the bracket (the tokenizer's full-source
            // check); an error on the bracket's own line wins.
            let at_eof = src.get(pstart..).is_some_and(|rest| rest.trim().is_empty());
            let bracket_line = lines.line_col(TextSize::from(t.pos as u32)).0;
            if t.pos <= pstart && (at_eof || converted.line > bracket_line) {
                Some(tok_err(t))
            } else {
                Some(converted)
            }
        }
        Some(t) if converted.message == "invalid syntax" => Some(tok_err(t)),
        _ => Some(converted),
    }
}

fn convert(err: &ParseError, lines: &LineIndex<'_>) -> CompileError {
    let src = lines.source();
    let range = err.range();
    let start = u32::from(range.start()) as usize;
    let syntax = |msg: &str, r: TextRange| lines.error(ErrorKind::SyntaxError, msg, r);
    use ParseErrorType as P;
    match &err.error {
        P::UnexpectedIndentation => {
            let mut e = lines.error(ErrorKind::IndentationError, "unexpected indent", range);
            e.col = lines.line_char_col(range.end()).1.saturating_sub(1).max(1) as i32;
            e.end_col = -1;
            e
        }
        P::OtherError(msg) if msg.starts_with("Expected an indented block after ") => {
            let what = indented_block_clause(&msg["Expected an indented block after ".len()..]);
            let header_line = header_line_before(src, start, lines);
            lines.error(
                ErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {header_line}"),
                range,
            )
        }
        P::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => {
            if start >= src.trim_end().len() {
                let mut e = syntax("expected 'except' or 'finally' block", range);
                e.end_col = -1;
                e
            } else {
                syntax("expected 'except' or 'finally' block", one(start))
            }
        }
        P::ExpectedToken { expected, found } => {
            use ast::token::TokenKind as T;
            match (expected, found) {
                (T::Colon, T::Equal) => {
                    let s = primary_start(src, start);
                    // The range covers `target = value`, up to the ':'.
                    let line_end = src[start..].find('\n').map_or(src.len(), |e| start + e);
                    let colon = src[start..line_end].rfind(':').map_or(line_end, |c| start + c);
                    let end = s.max(start + 1).max(src[..colon].trim_end().len());
                    syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", span(s, end))
                }
                (T::Colon, _) => syntax("expected ':'", at(start)),
                (T::Else, _) => {
                    let s = src[..start].rfind(" if ").map_or(start, |p| primary_start(src, p));
                    syntax("expected 'else' after 'if' expression", span(s, start))
                }
                (T::Comma, f) if starts_expression(*f) && inside_brackets(src, start) => {
                    let s = primary_start(src, start);
                    let end = u32::from(range.end()) as usize;
                    syntax("invalid syntax. Perhaps you forgot a comma?", span(s, end))
                }
                _ => syntax("invalid syntax", range),
            }
        }
        P::InvalidAssignmentTarget => target_error(src, range, "assign to", lines),
        P::InvalidAugmentedAssignmentTarget => {
            let what = expr_kind(&src[range]);
            syntax(&format!("'{what}' is an illegal expression for augmented assignment"), range)
        }
        P::InvalidDeleteTarget => syntax(&format!("cannot delete {}", expr_kind(&src[range])), range),
        P::InvalidNamedAssignmentTarget => {
            syntax(&format!("cannot use assignment expressions with {}", expr_kind(&src[range])), range)
        }
        P::InvalidAnnotatedAssignmentTarget => syntax("illegal target for annotation", range),
        P::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument", range),
        P::ExpectedKeywordParam => {
            let s = src[..u32::from(range.end()) as usize].rfind('*').map_or(start, |p| {
                if p > 0 && src.as_bytes()[p - 1] == b'*' {
                    src[..p - 1].rfind('*').unwrap_or(p)
                } else {
                    p
                }
            });
            syntax("named arguments must follow bare *", one(s))
        }
        P::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking", one(start))
        }
        P::PositionalAfterKeywordArgument => {
            syntax("positional argument follows keyword argument", one(next_token(src, range)))
        }
        P::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking", one(next_token(src, range)))
        }
        P::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized", range),
        P::DuplicateKeywordArgumentError(name) => syntax(&format!("keyword argument repeated: {name}"), range),
        P::SimpleStatementsOnSameLine => {
            let b = src.as_bytes();
            if start > 0 && b[start - 1].is_ascii_digit() {
                return number_syntax_error(src, start, lines);
            }
            let line_start = src[..start].rfind('\n').map_or(0, |p| p + 1);
            let before = src[line_start..start].trim();
            if before == "print" || before == "exec" {
                let s = line_start + src[line_start..].find(before).unwrap_or(0);
                let end = src[start..].find('\n').map_or(src.len(), |e| start + e);
                return syntax(
                    &format!("Missing parentheses in call to '{before}'. Did you mean {before}(...)?"),
                    TextRange::new(TextSize::from(s as u32), TextSize::from(end as u32)),
                );
            }
            syntax("invalid syntax", range)
        }
        P::FStringError(e) => {
            use ruff_python_parser::InterpolatedStringErrorType as F;
            let msg = match e {
                F::InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                F::UnclosedLbrace => "f-string: expecting '}'",
                F::SingleRbrace => "f-string: single '}' is not allowed",
                F::LambdaWithoutParentheses => "f-string: lambda expressions are not allowed without parentheses",
                _ => "f-string: invalid syntax",
            };
            syntax(msg, range)
        }
        P::Lexical(lex) => lexical_error(lex, src, range, lines),
        _ => syntax("invalid syntax", range),
    }
}

fn at(pos: usize) -> TextRange {
    TextRange::empty(TextSize::from(pos as u32))
}

fn span(start: usize, end: usize) -> TextRange {
    TextRange::new(TextSize::from(start as u32), TextSize::from(end.max(start) as u32))
}

/// One character (byte) at `pos`.
fn one(pos: usize) -> TextRange {
    span(pos, pos + 1)
}

fn lexical_error(lex: &LexicalErrorType, src: &str, range: TextRange, lines: &LineIndex<'_>) -> CompileError {
    let syntax = |msg: &str, r: TextRange| lines.error(ErrorKind::SyntaxError, msg, r);
    let text = &src[range];
    match lex {
        LexicalErrorType::UnrecognizedToken { tok } => {
            let c = *tok;
            if c.is_ascii() {
                syntax("invalid syntax", range)
            } else if c.is_control() || (c as u32) < 0xa0 {
                let mut e = syntax(&format!("invalid non-printable character U+{:04X}", c as u32), range);
                e.col += 1;
                e
            } else {
                syntax(&format!("invalid character '{c}' (U+{:04X})", c as u32), range)
            }
        }
        LexicalErrorType::OtherError(m) if m.contains("decimal integer") || m.contains("ParseIntError") => {
            number_syntax_error(src, u32::from(range.start()) as usize, lines)
        }
        LexicalErrorType::IndentationError => {
            lines.error(ErrorKind::IndentationError, "unindent does not match any outer indentation level", range)
        }
        LexicalErrorType::UnclosedStringError => {
            let line = lines.line_col(range.end()).0;
            let triple = text.contains("'''") || text.contains("\"\"\"");
            let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
            syntax(&format!("{what} (detected at line {line})"), TextRange::empty(range.start()))
        }
        LexicalErrorType::Eof => syntax("unexpected EOF while parsing", range),
        LexicalErrorType::LineContinuationError => {
            syntax("unexpected character after line continuation character", range)
        }
        _ => syntax("invalid syntax", range),
    }
}

/// A malformed number literal: the leading-zero error covers the first
/// digit, the others point at `pos`.
fn number_syntax_error(src: &str, pos: usize, lines: &LineIndex<'_>) -> CompileError {
    let msg = number_error(src, pos);
    let range = if msg.starts_with("leading zeros") {
        let b = src.as_bytes();
        let mut s = pos.min(b.len());
        while s > 0 && b[s - 1].is_ascii_alphanumeric() {
            s -= 1;
        }
        one(s)
    } else {
        at(pos)
    };
    lines.error(ErrorKind::SyntaxError, msg, range)
}

/// CPython's messages for malformed number literals around `pos`.
fn number_error(src: &str, pos: usize) -> String {
    let b = src.as_bytes();
    let mut s = pos.min(b.len());
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] == b'.') {
        s -= 1;
    }
    let mut e = pos.min(b.len());
    while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'_') {
        e += 1;
    }
    let lit = src[s..e].to_ascii_lowercase();
    if lit.starts_with("0x") {
        "invalid hexadecimal literal".into()
    } else if let Some(digits) = lit.strip_prefix("0o") {
        match digits.chars().find(|c| c.is_ascii_digit() && *c > '7') {
            Some(d) => format!("invalid digit '{d}' in octal literal"),
            None => "invalid octal literal".into(),
        }
    } else if let Some(digits) = lit.strip_prefix("0b") {
        match digits.chars().find(|c| c.is_ascii_digit() && *c > '1') {
            Some(d) => format!("invalid digit '{d}' in binary literal"),
            None => "invalid binary literal".into(),
        }
    } else if lit.len() > 1 && lit.starts_with('0') && lit.bytes().all(|c| c.is_ascii_digit() || c == b'_') {
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into()
    } else {
        "invalid decimal literal".into()
    }
}

/// CPython's wording for the clause in "expected an indented block".
fn indented_block_clause(ruff: &str) -> &'static str {
    let inner = ruff.split('`').nth(1).unwrap_or("");
    match inner {
        "if" => "'if' statement",
        "elif" => "'elif' statement",
        "else" => "'else' statement",
        "for" => "'for' statement",
        "while" => "'while' statement",
        "with" => "'with' statement",
        "try" => "'try' statement",
        "except" => "'except' statement",
        "finally" => "'finally' statement",
        "match" => "'match' statement",
        "case" => "'case' statement",
        "class" => "class definition",
        _ => "function definition",
    }
}

/// Line of the `:` that opened the block whose body is missing.
fn header_line_before(src: &str, pos: usize, lines: &LineIndex<'_>) -> u32 {
    let colon = src[..pos.min(src.len())].rfind(':').unwrap_or(0);
    lines.line_col(TextSize::from(colon as u32)).0
}

fn inside_brackets(src: &str, pos: usize) -> bool {
    let mut depth = 0i32;
    let b = src.as_bytes();
    let mut i = 0;
    while i < pos.min(b.len()) {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    depth > 0
}

fn starts_expression(t: ast::token::TokenKind) -> bool {
    use ast::token::TokenKind as T;
    matches!(
        t,
        T::Name
            | T::Int
            | T::Float
            | T::Complex
            | T::String
            | T::FStringStart
            | T::Lbrace
            | T::Lsqb
            | T::Tilde
            | T::None
            | T::True
            | T::False
            | T::Lambda
            | T::Not
            | T::Ellipsis
    )
}

/// Start of the expression that ends just before `pos`: walks back over
/// whitespace, then names with dots, bracketed groups and strings.
fn primary_start(src: &str, pos: usize) -> usize {
    let b = src.as_bytes();
    let mut i = pos.min(b.len());
    let skip_ws = |i: &mut usize| {
        while *i > 0 && matches!(b[*i - 1], b' ' | b'\t') {
            *i -= 1;
        }
    };
    skip_ws(&mut i);
    loop {
        if i == 0 {
            return 0;
        }
        let c = b[i - 1];
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            while i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] >= 0x80) {
                i -= 1;
            }
        } else if matches!(c, b')' | b']' | b'}') {
            let mut depth = 0;
            while i > 0 {
                i -= 1;
                match b[i] {
                    b')' | b']' | b'}' => depth += 1,
                    b'(' | b'[' | b'{' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        } else if c == b'\'' || c == b'"' {
            i -= 1;
            while i > 0 && b[i - 1] != c {
                i -= 1;
            }
            i = i.saturating_sub(1);
            while i > 0 && b[i - 1].is_ascii_alphabetic() {
                i -= 1;
            }
            // Implicit concatenation: "a" "b".
            let mut j = i;
            while j > 0 && b[j - 1] == b' ' {
                j -= 1;
            }
            if j > 0 && (b[j - 1] == b'\'' || b[j - 1] == b'"') {
                i = j;
                continue;
            }
        } else {
            return i;
        }
        if i > 0 && b[i - 1] == b'.' {
            i -= 1;
            continue;
        }
        if i > 0
            && matches!(b[i], b'(' | b'[')
            && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || matches!(b[i - 1], b')' | b']'))
        {
            continue;
        }
        return i;
    }
}

/// The first non-space position at or after the end of `range`.
fn next_token(src: &str, range: TextRange) -> usize {
    let mut i = u32::from(range.end()) as usize;
    let b = src.as_bytes();
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b',') {
        i += 1;
    }
    i
}

/// CPython's name for the expression in `text` (for "cannot assign to").
fn expr_kind(text: &str) -> &'static str {
    match ruff_python_parser::parse_expression(text.trim()) {
        Ok(parsed) => crate::codegen::describe_expr(parsed.expr()),
        Err(_) => {
            if text.trim_start().starts_with("yield") {
                "yield expression"
            } else {
                "expression"
            }
        }
    }
}

fn target_error(src: &str, range: TextRange, verb: &str, lines: &LineIndex<'_>) -> CompileError {
    let text = &src[range];
    let kind = expr_kind(text);
    if kind == "yield expression" {
        return lines.syntax_error("assignment to yield expression not possible", range);
    }
    // `f() = 1` as a whole statement: CPython suggests `==`.
    let start = u32::from(range.start()) as usize;
    let end = u32::from(range.end()) as usize;
    let line_start = src[..start].rfind('\n').map_or(0, |p| p + 1);
    let at_stmt_start = src[line_start..start].trim().is_empty();
    let rest = src[end..].split('\n').next().unwrap_or("");
    let rest_t = rest.trim_start();
    let single_eq = rest_t.starts_with('=') && !rest_t.starts_with("==");
    let more_eq = rest_t.get(1..).is_some_and(|r| r.split("==").collect::<Vec<_>>().concat().contains('='));
    let plain = !matches!(kind, "True" | "False" | "None" | "tuple" | "list" | "starred" | "ellipsis");
    if at_stmt_start && single_eq && !more_eq && plain {
        return lines.syntax_error(format!("cannot {verb} {kind} here. Maybe you meant '==' instead of '='?"), range);
    }
    lines.syntax_error(format!("cannot {verb} {kind}"), range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_starts() {
        assert_eq!(primary_start("f(a b)", 4), 2);
        assert_eq!(primary_start("f(a.b c.d)", 6), 2);
        assert_eq!(primary_start("f(\"a\" \"b\" c)", 10), 2);
        assert_eq!(primary_start("x = (g(1)[2] y)", 13), 5);
    }
}
