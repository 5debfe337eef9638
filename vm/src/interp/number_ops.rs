//! `BINARY_OP` and `COMPARE_OP` on two tagged floats or two tagged ints,
//! done on the operand stack in place.
//!
//! The two operands stay in their slots while they are tested and read;
//! the result overwrites the lower one and the upper one is dropped from
//! the stack. Tagged values own no reference, so neither slot needs the
//! drop checks (or the pop and push) of the generic arm; that is about a
//! third of the instructions of a float operation.
//!
//! Only cases whose result is certain go here: for ints `+`, `-`, `*`,
//! the bitwise operators, and `//`, `%` with a non-zero divisor; for
//! floats `+`, `-`, `*` always; `/`
//! with a non-zero divisor; `**` with a positive base and a finite
//! exponent when the result is finite (what `float.__pow__` returns
//! without an error). A float mixed with an int computes as `float`'s
//! methods do (the int converted exactly, |i| <= 2**53). Everything else
//! -- boxed operands, big ints, errors, other operators -- is left to the
//! caller's general path, with the stack untouched.

use skein_compiler::bytecode::CompareOp;

use crate::protocol::compare::cmp_result;
use crate::types::float::new_float;
use crate::types::int::int_from_i64;
use crate::value::Value;

/// Codes of `BINARY_OP`'s argument (plain, then in-place: 13 later).
const ADD: u32 = 0;
const AND: u32 = 1;
const FLOOR_DIVIDE: u32 = 2;
const MULTIPLY: u32 = 5;
const REMAINDER: u32 = 6;
const OR: u32 = 7;
const POWER: u32 = 8;
const SUBTRACT: u32 = 10;
const TRUE_DIVIDE: u32 = 11;
const XOR: u32 = 12;
const INPLACE: u32 = 13;
const INPLACE_AND: u32 = AND + INPLACE;
const INPLACE_FLOOR_DIVIDE: u32 = FLOOR_DIVIDE + INPLACE;
const INPLACE_REMAINDER: u32 = REMAINDER + INPLACE;
const INPLACE_OR: u32 = OR + INPLACE;
const INPLACE_XOR: u32 = XOR + INPLACE;
const INPLACE_ADD: u32 = ADD + INPLACE;
const INPLACE_MULTIPLY: u32 = MULTIPLY + INPLACE;
const INPLACE_POWER: u32 = POWER + INPLACE;
const INPLACE_SUBTRACT: u32 = SUBTRACT + INPLACE;
const INPLACE_TRUE_DIVIDE: u32 = TRUE_DIVIDE + INPLACE;

/// Runs `BINARY_OP arg` on the top two values of `stack` when both are
/// tagged floats or tagged ints and the operation is one of the certain
/// cases above; returns whether it did. Two non-zero floats are tested and
/// decoded first, with one check for both.
#[inline(always)]
pub fn binary_in_place(stack: &mut Vec<Option<Value>>, arg: u32) -> bool {
    let [.., Some(a), Some(b)] = stack.as_mut_slice() else { return false };
    let r = if let Some((x, y)) = Value::tagged_float_pair(a, b) {
        match float_result(x, y, arg) {
            Some(f) => new_float(f),
            None => return false,
        }
    } else if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        match small_int_result(x, y, arg) {
            Some(v) => v,
            None => return false,
        }
    } else if let Some((x, y)) = mixed_pair(a, b) {
        if y == 0.0 && (arg == TRUE_DIVIDE || arg == INPLACE_TRUE_DIVIDE) {
            return false;
        }
        match float_result(x, y, arg) {
            Some(f) => new_float(f),
            None => return false,
        }
    } else {
        return false;
    };
    // Both operands are tagged: forgetting them releases nothing.
    std::mem::forget(std::mem::replace(a, r));
    std::mem::forget(stack.pop());
    true
}

/// `COMPARE_OP arg` on the top two values of `stack` when both are tagged
/// floats (neither `+0.0`) or both tagged ints: pops them and returns the
/// result; `None` (stack untouched) for everything else. Tagged floats are
/// never NaN, so the comparison is the plain one.
#[inline(always)]
pub fn compare_in_place(stack: &mut Vec<Option<Value>>, op: CompareOp) -> Option<bool> {
    let [.., Some(a), Some(b)] = stack.as_slice() else { return None };
    let r = if let Some((x, y)) = Value::tagged_float_pair(a, b) {
        cmp_result(op, x, y)
    } else if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        cmp_result(op, x, y)
    } else {
        return None;
    };
    // Both operands are tagged: forgetting them releases nothing.
    std::mem::forget(stack.pop());
    std::mem::forget(stack.pop());
    Some(r)
}

/// A float and an int (either order), or floats one of which is `+0.0`,
/// as doubles: what `float.__add__` & co. compute with, when the int
/// converts exactly (|i| <= 2**53).
#[inline(always)]
fn mixed_pair(a: &Value, b: &Value) -> Option<(f64, f64)> {
    const EXACT: i64 = 1 << 53;
    let operand = |v: &Value| match v.as_small_int() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => Some(i as f64),
        Some(_) => None,
        None => v.as_tagged_float(),
    };
    if a.is_small_int() && b.is_small_int() {
        return None; // int op int has int results
    }
    Some((operand(a)?, operand(b)?))
}

/// The float result of a certain case, `None` for the general path.
#[inline(always)]
fn float_result(x: f64, y: f64, arg: u32) -> Option<f64> {
    match arg {
        ADD | INPLACE_ADD => Some(x + y),
        SUBTRACT | INPLACE_SUBTRACT => Some(x - y),
        MULTIPLY | INPLACE_MULTIPLY => Some(x * y),
        // The caller has excluded a zero divisor.
        TRUE_DIVIDE | INPLACE_TRUE_DIVIDE => Some(x / y),
        POWER | INPLACE_POWER if x > 0.0 => {
            // A positive finite base: `float.__pow__` has no special case,
            // and an infinite result is its OverflowError.
            let r = x.powf(y);
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

/// `+`, `-`, `*`, `//`, `%`, `&`, `|`, `^` of two tagged ints (63 bits: a
/// sum cannot overflow `i64`, nor can `MIN // -1`; a product is checked),
/// `None` otherwise (a zero divisor raises on the general path).
#[inline(always)]
fn small_int_result(x: i64, y: i64, arg: u32) -> Option<Value> {
    match arg {
        ADD | INPLACE_ADD => Some(int_from_i64(x + y)),
        SUBTRACT | INPLACE_SUBTRACT => Some(int_from_i64(x - y)),
        MULTIPLY | INPLACE_MULTIPLY => x.checked_mul(y).map(int_from_i64),
        FLOOR_DIVIDE | INPLACE_FLOOR_DIVIDE if y != 0 => {
            let q = x / y;
            Some(int_from_i64(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }))
        }
        REMAINDER | INPLACE_REMAINDER if y != 0 => {
            let r = x % y;
            Some(int_from_i64(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }))
        }
        AND | INPLACE_AND => Some(int_from_i64(x & y)),
        OR | INPLACE_OR => Some(int_from_i64(x | y)),
        XOR | INPLACE_XOR => Some(int_from_i64(x ^ y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_place_codes_are_the_plain_ones_plus_thirteen() {
        use skein_compiler::bytecode::BinaryOp;
        for (code, op) in [(ADD, BinaryOp::Add), (MULTIPLY, BinaryOp::Multiply), (POWER, BinaryOp::Power)] {
            assert_eq!(BinaryOp::from_arg(code), Some(op));
        }
        for (code, op) in [
            (AND, BinaryOp::And),
            (FLOOR_DIVIDE, BinaryOp::FloorDivide),
            (REMAINDER, BinaryOp::Remainder),
            (OR, BinaryOp::Or),
            (XOR, BinaryOp::Xor),
            (INPLACE_AND, BinaryOp::InplaceAnd),
            (INPLACE_FLOOR_DIVIDE, BinaryOp::InplaceFloorDivide),
            (INPLACE_REMAINDER, BinaryOp::InplaceRemainder),
            (INPLACE_OR, BinaryOp::InplaceOr),
            (INPLACE_XOR, BinaryOp::InplaceXor),
        ] {
            assert_eq!(BinaryOp::from_arg(code), Some(op));
        }
        assert_eq!(BinaryOp::from_arg(SUBTRACT), Some(BinaryOp::Subtract));
        assert_eq!(BinaryOp::from_arg(TRUE_DIVIDE), Some(BinaryOp::TrueDivide));
        assert_eq!(BinaryOp::from_arg(ADD + INPLACE), Some(BinaryOp::InplaceAdd));
        assert_eq!(BinaryOp::from_arg(SUBTRACT + INPLACE), Some(BinaryOp::InplaceSubtract));
        assert_eq!(BinaryOp::from_arg(MULTIPLY + INPLACE), Some(BinaryOp::InplaceMultiply));
        assert_eq!(BinaryOp::from_arg(POWER + INPLACE), Some(BinaryOp::InplacePower));
        assert_eq!(BinaryOp::from_arg(TRUE_DIVIDE + INPLACE), Some(BinaryOp::InplaceTrueDivide));
    }

    fn run(a: Value, b: Value, arg: u32) -> Option<Value> {
        let mut stack = vec![None, Some(a), Some(b)];
        if !binary_in_place(&mut stack, arg) {
            assert_eq!(stack.len(), 3, "the stack is untouched when the case is not taken");
            return None;
        }
        assert_eq!(stack.len(), 2);
        stack.pop().flatten()
    }

    fn f(x: f64) -> Value {
        new_float(x)
    }

    #[test]
    fn comparisons() {
        let cmp = |a: Value, b: Value, arg: u32| {
            // COMPARE_OP's argument order: < <= == != > >=.
            const OPS: [CompareOp; 6] =
                [CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge];
            let mut stack = vec![None, Some(a), Some(b)];
            let r = compare_in_place(&mut stack, OPS[arg as usize]);
            assert_eq!(stack.len(), if r.is_some() { 1 } else { 3 });
            r
        };
        let si = Value::from_small_int;
        for (arg, want) in [(0, true), (1, true), (2, false), (3, true), (4, false), (5, false)] {
            assert_eq!(cmp(f(1.5), f(2.5), arg), Some(want), "arg {arg}");
            assert_eq!(cmp(si(-3), si(7), arg), Some(want), "arg {arg}");
        }
        assert_eq!(cmp(f(2.5), f(2.5), 2), Some(true));
        assert_eq!(cmp(si(4), si(4), 5), Some(true));
        // Zero words and mixes take the general path.
        assert_eq!(cmp(f(0.0), f(2.5), 0), None);
        assert_eq!(cmp(si(1), f(2.5), 0), None);
    }

    #[test]
    fn floats_and_ints() {
        let got = |v: Option<Value>| v.and_then(|v| v.as_tagged_float());
        assert_eq!(got(run(f(1.5), f(2.25), ADD)), Some(3.75));
        assert_eq!(got(run(f(1.5), f(2.25), SUBTRACT + INPLACE)), Some(-0.75));
        assert_eq!(got(run(f(1.5), f(2.0), MULTIPLY)), Some(3.0));
        assert_eq!(got(run(f(3.0), f(2.0), TRUE_DIVIDE)), Some(1.5));
        assert_eq!(got(run(f(2.0), f(0.5), POWER)), Some(2f64.sqrt()));
        // A zero result gets the zero word (results that need a box are
        // covered by conformance/numbers/arith_fast_paths.py: boxing needs
        // the runtime's types).
        assert_eq!(run(f(1.5), f(1.5), SUBTRACT).and_then(|v| v.as_tagged_float()), Some(0.0));
        // Not taken: zero operands, negative bases, overflow, other ops, mixes.
        assert_eq!(got(run(f(0.0), f(1.5), ADD)), Some(1.5));
        assert_eq!(got(run(Value::from_small_int(3), f(1.5), TRUE_DIVIDE)), Some(2.0));
        assert_eq!(got(run(f(1.5), Value::from_small_int(-2), MULTIPLY + INPLACE)), Some(-3.0));
        assert_eq!(got(run(Value::from_small_int(4), f(0.5), POWER)), Some(2.0));
        assert!(run(f(1.0), f(0.0), TRUE_DIVIDE).is_none());
        assert!(run(f(1.0), Value::from_small_int(0), TRUE_DIVIDE + INPLACE).is_none());
        assert!(run(f(1.0), Value::from_small_int(1 << 60), ADD).is_none());
        assert!(run(f(-8.0), f(1.0 / 3.0), POWER).is_none());
        assert!(run(f(1e70), f(10.0), POWER).is_none());
        assert!(run(f(7.0), f(2.0), 2).is_none());
        let int = |v: Option<Value>| v.and_then(|v| v.as_small_int());
        assert_eq!(int(run(Value::from_small_int(40), Value::from_small_int(2), ADD + INPLACE)), Some(42));
        assert_eq!(int(run(Value::from_small_int(40), Value::from_small_int(2), SUBTRACT)), Some(38));
        assert_eq!(int(run(Value::from_small_int(-4), Value::from_small_int(5), MULTIPLY)), Some(-20));
        assert!(run(Value::from_small_int(7), Value::from_small_int(2), TRUE_DIVIDE).is_none());
        let si = Value::from_small_int;
        for (x, y, q, r) in [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1), (6, -3, -2, 0)] {
            assert_eq!(int(run(si(x), si(y), FLOOR_DIVIDE)), Some(q), "{x} // {y}");
            assert_eq!(int(run(si(x), si(y), INPLACE_REMAINDER)), Some(r), "{x} % {y}");
        }
        assert!(run(si(7), si(0), FLOOR_DIVIDE).is_none() && run(si(7), si(0), REMAINDER).is_none());
        assert_eq!(int(run(si(12), si(10), AND)), Some(8));
        assert_eq!(int(run(si(12), si(10), INPLACE_OR)), Some(14));
        assert_eq!(int(run(si(12), si(-10), XOR)), Some(12 ^ -10));
    }
}
