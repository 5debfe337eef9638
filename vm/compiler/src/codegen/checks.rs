//! CPython 3.11's compile-time `SyntaxWarning`s for code that will surely
//! fail or not do what it says: `is` with a literal, calling or indexing a
//! literal ("perhaps you missed a comma?"), `assert (x, msg)`.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use crate::bytecode::Constant;

use super::constant::literal;
use super::Compiler;

/// The type name of a constant, as `type(c).__name__`.
fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) | Constant::SurrogateStr(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Ellipsis => "ellipsis",
        Constant::Code(_) => "code",
    }
}

/// CPython's `infer_type`: the type an expression surely has, if known.
fn infer_type(e: &ast::Expr) -> Option<&'static str> {
    use ast::Expr;
    if let Some(c) = literal(e) {
        return Some(constant_type(&c));
    }
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        Expr::Slice(_) => "slice",
        _ => return None,
    })
}

/// `check_is_arg`: false for a literal other than None, True, False, `...`.
fn is_arg_ok(e: &ast::Expr) -> bool {
    match literal(e) {
        None => true,
        Some(c) => matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
    }
}

impl<'a> Compiler<'a> {
    /// `"is" with a literal. Did you mean "=="?`
    pub(crate) fn check_compare(&mut self, c: &ast::ExprCompare) {
        let mut left = is_arg_ok(&c.left);
        for (op, right_expr) in c.ops.iter().zip(c.comparators.iter()) {
            let right = is_arg_ok(right_expr);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && !(left && right) {
                let msg = if *op == ast::CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg, c.range);
                return;
            }
            left = right;
        }
    }

    /// Calling a literal or display: `'str' object is not callable; ...`.
    pub(crate) fn check_caller(&mut self, func: &ast::Expr) {
        use ast::Expr;
        let flagged = literal(func).is_some()
            || matches!(
                func,
                Expr::Tuple(_)
                    | Expr::List(_)
                    | Expr::ListComp(_)
                    | Expr::Dict(_)
                    | Expr::DictComp(_)
                    | Expr::Set(_)
                    | Expr::SetComp(_)
                    | Expr::Generator(_)
                    | Expr::FString(_)
            );
        if let (true, Some(ty)) = (flagged, infer_type(func)) {
            self.warn(format!("'{ty}' object is not callable; perhaps you missed a comma?"), func.range());
        }
    }

    /// Indexing something that cannot be indexed, or a sequence with a
    /// non-integer literal (`[1, 2][3, 4]`).
    pub(crate) fn check_subscript(&mut self, value: &ast::Expr, slice: &ast::Expr) {
        use ast::Expr;
        let constant = literal(value);
        let unsubscriptable = match &constant {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::Bool(_)
                    | Constant::FrozenSet(_)
            ),
            None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
        };
        if unsubscriptable {
            if let Some(ty) = infer_type(value) {
                self.warn(format!("'{ty}' object is not subscriptable; perhaps you missed a comma?"), value.range());
            }
            return;
        }
        let Some(index_type) = infer_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool" | "slice") {
            return;
        }
        let sequence = match &constant {
            Some(c) => {
                matches!(c, Constant::Str(_) | Constant::SurrogateStr(_) | Constant::Bytes(_) | Constant::Tuple(_))
            }
            None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
        };
        if let (true, Some(ty)) = (sequence, infer_type(value)) {
            self.warn(
                format!("{ty} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"),
                value.range(),
            );
        }
    }
}
