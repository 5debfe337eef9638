//! `"..." % (a, b)` with only `%s`/`%r`/`%a` units compiles like an
//! f-string (CPython 3.11's AST optimizer, `optimize_format`): the format is
//! parsed at compile time, so the run time only formats the values.
//!
//! Invariant: the rewrite only applies when every unit is supported and the
//! number of units equals the number of tuple items; anything else (other
//! conversions, `*` items, a count mismatch) is compiled as a plain `%`, so
//! errors stay the run-time ones.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use crate::bytecode::{Constant, FormatFlags, Opcode};

use super::{CResult, Compiler};

/// A piece of a parsed format string.
#[derive(Debug, PartialEq)]
enum Piece {
    Literal(String),
    /// A `%s`/`%r`/`%a` unit with its format spec (`>5`, `.3`, ...).
    Value {
        conversion: char,
        spec: String,
    },
}

/// Largest width/precision digit count CPython accepts here.
const MAX_DIGITS: usize = 3;

/// Parses `fmt` for `nargs` values; `None` if it is not a simple format.
fn parse(fmt: &str, nargs: usize) -> Option<Vec<Piece>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let mut count = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            lit.push('%');
            i += 2;
            continue;
        }
        i += 1;
        let mut ljust = false;
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => ljust = true,
                '+' | ' ' | '#' | '0' => {}
                _ => break,
            }
            i += 1;
        }
        let digits = |i: &mut usize| -> Option<Option<u32>> {
            let start = *i;
            while chars.get(*i).is_some_and(char::is_ascii_digit) {
                *i += 1;
            }
            if *i - start >= MAX_DIGITS {
                return None;
            }
            Some((*i > start).then(|| chars[start..*i].iter().collect::<String>().parse().unwrap_or(0)))
        };
        let width = digits(&mut i)?;
        let mut prec = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            prec = Some(digits(&mut i)?.unwrap_or(0));
        }
        let conversion = *chars.get(i)?;
        if !matches!(conversion, 's' | 'r' | 'a') {
            return None;
        }
        i += 1;
        let mut spec = String::new();
        if let Some(w) = width {
            if !ljust && w > 0 {
                spec.push('>');
            }
            spec.push_str(&w.to_string());
        }
        if let Some(p) = prec {
            spec.push_str(&format!(".{p}"));
        }
        if !lit.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(Piece::Value { conversion, spec });
        count += 1;
    }
    if !lit.is_empty() {
        pieces.push(Piece::Literal(lit));
    }
    (count == nargs).then_some(pieces)
}

impl<'a> Compiler<'a> {
    /// Compiles `fmt % (items)` as an f-string if possible; returns false
    /// (having emitted nothing) otherwise.
    pub(crate) fn try_compile_percent_format(&mut self, b: &'a ast::ExprBinOp) -> CResult<bool> {
        let (ast::Operator::Mod, ast::Expr::StringLiteral(fmt), ast::Expr::Tuple(t)) = (b.op, &*b.left, &*b.right)
        else {
            return Ok(false);
        };
        // U+FFFD may stand for a lone surrogate the pieces would lose.
        if t.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) || fmt.value.to_str().contains('\u{FFFD}') {
            return Ok(false);
        }
        let Some(pieces) = parse(fmt.value.to_str(), t.elts.len()) else {
            return Ok(false);
        };
        let mut args = t.elts.iter();
        let mut n = 0;
        for piece in pieces {
            match piece {
                Piece::Literal(s) => self.load_const(Constant::Str(s)),
                Piece::Value { conversion, spec } => {
                    let Some(arg) = args.next() else {
                        return Ok(false);
                    };
                    self.compile_expr(arg)?;
                    let mut flags = match conversion {
                        's' => FormatFlags::STR,
                        'r' => FormatFlags::REPR,
                        _ => FormatFlags::ASCII,
                    };
                    if !spec.is_empty() {
                        self.load_const(Constant::Str(spec));
                        flags |= FormatFlags::HAVE_SPEC;
                    }
                    // Positioned at the value (CPython's FormattedValue node).
                    let old = self.set_loc(arg.range());
                    self.emit(Opcode::FORMAT_VALUE, flags);
                    self.restore_loc(old);
                }
            }
            n += 1;
        }
        match n {
            0 => self.load_const(Constant::Str(String::new())),
            1 => {}
            _ => self.emit(Opcode::BUILD_STRING, n),
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_simple_formats() {
        let v = |c, s: &str| Piece::Value { conversion: c, spec: s.to_string() };
        let l = |s: &str| Piece::Literal(s.to_string());
        assert_eq!(parse("%s=%r", 2), Some(vec![v('s', ""), l("="), v('r', "")]));
        assert_eq!(parse("100%% %-5s|%5.2a", 2), Some(vec![l("100% "), v('s', "5"), l("|"), v('a', ">5.2")]));
        assert_eq!(parse("%d", 1), None);
        assert_eq!(parse("%s %s", 1), None);
        assert_eq!(parse("%s", 2), None);
        assert_eq!(parse("%1000s", 1), None);
        assert_eq!(parse("", 0), Some(vec![]));
    }
}
