//! Literals and constant folding.
//!
//! [`literal`] turns literal expressions (numbers, strings, bytes, `True`,
//! `None`, `...`, `__debug__`) into [`Constant`]s, and folds what CPython's
//! AST optimizer folds cheaply: unary `-`/`+`/`~` on numbers and tuples of
//! constants.  [`const_key`] gives the deduplication key of a constant.

use num_bigint::BigInt;
use ruff_python_ast as ast;

use crate::bytecode::Constant;

/// Deduplication key: equal keys mean the constants are interchangeable
/// (same type and value; floats compared by bits).  Code objects are never
/// deduplicated.
pub(crate) fn const_key(c: &Constant) -> Option<String> {
    use std::fmt::Write;
    let mut out = String::new();
    fn go(c: &Constant, out: &mut String) -> Option<()> {
        match c {
            Constant::None => out.push('N'),
            Constant::Ellipsis => out.push('E'),
            Constant::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
            Constant::Int(i) => {
                let _ = write!(out, "i{i};");
            }
            Constant::Float(f) => {
                let _ = write!(out, "f{:x};", f.to_bits());
            }
            Constant::Complex { re, im } => {
                let _ = write!(out, "c{:x},{:x};", re.to_bits(), im.to_bits());
            }
            Constant::Str(s) => {
                let _ = write!(out, "s{}:{s}", s.len());
            }
            Constant::SurrogateStr(b) => {
                let _ = write!(out, "w{}:", b.len());
                for x in b {
                    let _ = write!(out, "{x:02x}");
                }
            }
            Constant::Bytes(b) => {
                let _ = write!(out, "b{}:", b.len());
                for x in b {
                    let _ = write!(out, "{x:02x}");
                }
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                out.push(if matches!(c, Constant::Tuple(_)) { '(' } else { '{' });
                let _ = write!(out, "{}:", items.len());
                for i in items {
                    go(i, out)?;
                }
                out.push(')');
            }
            Constant::Code(_) => return None,
        }
        Some(())
    }
    go(c, &mut out)?;
    Some(out)
}

/// Parses the text of a big int literal (`0x_FFFF...`, `1_000...`).
fn big_int(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn int_constant(i: &ast::Int) -> Option<Constant> {
    if let Some(v) = i.as_u64() {
        return Some(Constant::Int(BigInt::from(v)));
    }
    big_int(&i.to_string()).map(Constant::Int)
}

/// The constant value of a literal expression, folding unary operators and
/// tuples.  `None` if `e` is not constant.
pub(crate) fn literal(e: &ast::Expr) -> Option<Constant> {
    use ast::Expr;
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => int_constant(i)?,
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex { re: *real, im: *imag },
        },
        // U+FFFD may stand for a lone surrogate (see `surrogate_literal`),
        // which only the code generator can tell: not folded.
        Expr::StringLiteral(s) if s.value.to_str().contains('\u{FFFD}') => return None,
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => Constant::Bool(true),
        Expr::UnaryOp(u) => fold_unary(u.op, literal(&u.operand)?)?,
        Expr::BinOp(b) => fold_binary(b.op, literal(&b.left)?, literal(&b.right)?)?,
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let items: Option<Vec<Constant>> = t.elts.iter().map(literal).collect();
            Constant::Tuple(items?)
        }
        _ => return None,
    })
}

fn fold_unary(op: ast::UnaryOp, v: Constant) -> Option<Constant> {
    use ast::UnaryOp;
    Some(match (op, v) {
        (UnaryOp::USub, Constant::Int(i)) => Constant::Int(-i),
        (UnaryOp::USub, Constant::Float(f)) => Constant::Float(-f),
        (UnaryOp::USub, Constant::Complex { re, im }) => Constant::Complex { re: -re, im: -im },
        (UnaryOp::UAdd, c @ (Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. })) => c,
        (UnaryOp::Invert, Constant::Int(i)) => Constant::Int(-i - 1),
        (UnaryOp::Not, Constant::Bool(b)) => Constant::Bool(!b),
        _ => return None,
    })
}

/// A number as `(re, im)` if it converts exactly enough (ints up to 2**53).
fn as_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Int(i) => {
            let small: i64 = i.try_into().ok()?;
            (small.unsigned_abs() <= 1 << 53).then_some((small as f64, 0.0))
        }
        Constant::Float(f) => Some((*f, 0.0)),
        Constant::Complex { re, im } => Some((*re, *im)),
        _ => None,
    }
}

/// Limits on folded results, as CPython's AST optimizer (`MAX_INT_SIZE`,
/// `MAX_STR_SIZE`): larger results are computed at run time.
const MAX_INT_BITS: u64 = 128;
const MAX_STR_LEN: usize = 4096;

/// Python's floor division and modulo on ints (`None` for division by 0).
fn floor_div_mod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    use num_bigint::Sign;
    if b.sign() == Sign::NoSign {
        return None;
    }
    let (mut q, mut r) = (a / b, a % b);
    if r.sign() != Sign::NoSign && (r.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

fn fold_ints(op: ast::Operator, a: &BigInt, b: &BigInt) -> Option<BigInt> {
    use ast::Operator::*;
    use num_bigint::Sign;
    let small = |x: &BigInt| x.bits() <= MAX_INT_BITS;
    let shift = || -> Option<u64> { u64::try_from(b).ok() };
    let r = match op {
        Add => a + b,
        Sub => a - b,
        Mult if a.bits() + b.bits() <= MAX_INT_BITS => a * b,
        Pow if b.sign() != Sign::Minus => {
            let e = u32::try_from(b).ok()?;
            if a.bits().saturating_mul(u64::from(e)) > MAX_INT_BITS {
                return None;
            }
            a.pow(e)
        }
        LShift => {
            let s = shift()?;
            if a.bits() + s > MAX_INT_BITS {
                return None;
            }
            a << s
        }
        RShift => a >> shift()?.min(MAX_INT_BITS + 64),
        BitAnd => a & b,
        BitOr => a | b,
        BitXor => a ^ b,
        FloorDiv => floor_div_mod(a, b)?.0,
        Mod => floor_div_mod(a, b)?.1,
        _ => return None,
    };
    small(&r).then_some(r)
}

/// Folds binary operators on constants: ints (bounded), `+ - *` on
/// floats and complex numbers (so `1-2j` is a constant), and `+`/`*` on
/// str and bytes (bounded).
fn fold_binary(op: ast::Operator, l: Constant, r: Constant) -> Option<Constant> {
    use ast::Operator::{Add, Mult, Sub};
    match (&l, &r) {
        (Constant::Int(a), Constant::Int(b)) => return fold_ints(op, a, b).map(Constant::Int),
        (Constant::Str(a), Constant::Str(b)) if op == Add && a.len() + b.len() <= MAX_STR_LEN => {
            return Some(Constant::Str(format!("{a}{b}")));
        }
        (Constant::Bytes(a), Constant::Bytes(b)) if op == Add && a.len() + b.len() <= MAX_STR_LEN => {
            return Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()));
        }
        (Constant::Str(s), Constant::Int(n)) | (Constant::Int(n), Constant::Str(s)) if op == Mult => {
            let n = usize::try_from(n).ok()?;
            return (s.len().saturating_mul(n) <= MAX_STR_LEN).then(|| Constant::Str(s.repeat(n)));
        }
        (Constant::Bytes(s), Constant::Int(n)) | (Constant::Int(n), Constant::Bytes(s)) if op == Mult => {
            let n = usize::try_from(n).ok()?;
            return (s.len().saturating_mul(n) <= MAX_STR_LEN).then(|| Constant::Bytes(s.repeat(n)));
        }
        _ => {}
    }
    let (a, b) = (as_complex(&l)?, as_complex(&r)?);
    let complex = matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. });
    if !complex {
        let (x, y) = (a.0, b.0);
        return Some(Constant::Float(match op {
            Add => x + y,
            Sub => x - y,
            Mult => x * y,
            _ => return None,
        }));
    }
    let (re, im) = match op {
        Add => (a.0 + b.0, a.1 + b.1),
        Sub => (a.0 - b.0, a.1 - b.1),
        _ => return None,
    };
    Some(Constant::Complex { re, im })
}

/// A string literal whose escapes wrote lone surrogates (which the parser
/// turned into U+FFFD), rebuilt from the source: `None` for any other.
/// Each U+FFFD in a part's value is matched, in order, with what wrote it
/// in the source: a `\u`/`\U` escape (maybe of a surrogate), `\N{...}`,
/// or a literal U+FFFD. F-strings are not rebuilt.
pub(crate) fn surrogate_literal(s: &ast::ExprStringLiteral, source: &str) -> Option<Constant> {
    if !s.value.to_str().contains('\u{FFFD}') {
        return None;
    }
    let mut out = Vec::new();
    let mut any = false;
    for part in s.value.as_slice() {
        let value: &str = &part.value;
        if part.flags.prefix().is_raw() || !value.contains('\u{FFFD}') {
            out.extend_from_slice(value.as_bytes());
            continue;
        }
        let origins = fffd_origins(source.get(std::ops::Range::<usize>::from(part.content_range()))?);
        if origins.len() != value.matches('\u{FFFD}').count() {
            return None;
        }
        let mut next = origins.into_iter();
        for c in value.chars() {
            match (c, if c == '\u{FFFD}' { next.next().flatten() } else { None }) {
                (_, Some(cp)) => {
                    any = true;
                    out.extend_from_slice(&[
                        0xE0 | (cp >> 12) as u8,
                        0x80 | ((cp >> 6) & 0x3F) as u8,
                        0x80 | (cp & 0x3F) as u8,
                    ]);
                }
                (c, None) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            }
        }
    }
    any.then_some(Constant::SurrogateStr(out))
}

/// For each thing in a literal's source that decodes to U+FFFD, the lone
/// surrogate it really was (`Some`) or `None` for a real U+FFFD.
fn fffd_origins(src: &str) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut it = src.chars();
    let hex = |it: &mut std::str::Chars<'_>, n: usize| {
        let digits: String = it.by_ref().take(n).collect();
        u32::from_str_radix(&digits, 16).ok()
    };
    while let Some(c) = it.next() {
        if c == '\u{FFFD}' {
            out.push(None);
            continue;
        }
        if c != '\\' {
            continue;
        }
        let v = match it.next() {
            Some('u') => hex(&mut it, 4),
            Some('U') => hex(&mut it, 8),
            Some('N') => {
                let name: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                name.eq_ignore_ascii_case("REPLACEMENT CHARACTER").then_some(0xFFFD)
            }
            _ => None,
        };
        match v {
            Some(0xFFFD) => out.push(None),
            Some(cp @ 0xD800..=0xDFFF) => out.push(Some(cp)),
            _ => {}
        }
    }
    out
}

/// True if `e` is a literal whose truth value is known: `Some(truth)`.
pub(crate) fn truth_value(e: &ast::Expr) -> Option<bool> {
    let c = literal(e)?;
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => b,
        Constant::Int(i) => i != BigInt::from(0),
        Constant::Float(f) => f != 0.0,
        Constant::Complex { re, im } => re != 0.0 || im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::SurrogateStr(b) | Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_ints() {
        assert_eq!(big_int("0x_ff"), Some(BigInt::from(255)));
        assert_eq!(big_int("1_000"), Some(BigInt::from(1000)));
        assert_eq!(big_int("0B101"), Some(BigInt::from(5)));
    }

    #[test]
    fn int_folding_is_pythonic() {
        use ast::Operator::*;
        let f = |op, a: i64, b: i64| fold_ints(op, &BigInt::from(a), &BigInt::from(b)).map(|x| x.to_string());
        assert_eq!(f(FloorDiv, -7, 2).as_deref(), Some("-4"));
        assert_eq!(f(Mod, -7, 2).as_deref(), Some("1"));
        assert_eq!(f(Mod, 7, -2).as_deref(), Some("-1"));
        assert_eq!(f(FloorDiv, 1, 0), None);
        assert_eq!(f(Pow, 2, 10).as_deref(), Some("1024"));
        assert_eq!(f(Pow, 2, 200), None);
        assert_eq!(f(Pow, 2, -1), None);
        assert_eq!(f(LShift, 1, 100).as_deref(), Some("1267650600228229401496703205376"));
        assert_eq!(f(RShift, -5, 1).as_deref(), Some("-3"));
    }

    #[test]
    fn keys_distinguish_types() {
        let k = |c: Constant| const_key(&c).unwrap();
        assert_ne!(k(Constant::Int(1.into())), k(Constant::Bool(true)));
        assert_ne!(k(Constant::Float(0.0)), k(Constant::Float(-0.0)));
        assert_ne!(k(Constant::Str("ab".into())), k(Constant::Bytes(b"ab".to_vec())));
        assert_ne!(
            k(Constant::Tuple(vec![Constant::Str("a,".into())])),
            k(Constant::Tuple(vec![Constant::Str("a".into()), Constant::Str(",".into())]))
        );
    }
}
