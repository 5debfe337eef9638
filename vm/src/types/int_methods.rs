//! Methods of `int` and `bool`.
//!
//! Operands are read with `Value::as_int` (tagged ints, `PyInt` of `int`
//! or a subclass, and `bool` as 0/1); an operand of any other type gives
//! `NotImplemented`, so the protocol can try the reflected method and
//! produce CPython's "unsupported operand type(s)" message. Results are
//! always exact `int`s built by `int_from_i64`/`int_from_bigint`, so they
//! are tagged whenever they fit (the invariant of `value.rs`).
//! Arithmetic on two tagged ints stays in `i64`: 63-bit operands cannot
//! overflow `+`, `-`, `//` or `%`, and `*` is checked.
//!
//! Mixed int/float arithmetic and comparisons are `float`'s business: as
//! in CPython, `int.__add__(1, 2.0)` is `NotImplemented`.

pub mod construct;
pub mod digits;
pub mod divide;
pub mod num_args;

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};
use skein_compiler::bytecode::{BinaryOp, CompareOp};

use crate::builtins::numeric::{int_divmod, int_modpow, round_int};
use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::protocol::hash::{hash_bigint, hash_i64};
use crate::types::exceptions::exc;
use crate::types::float::new_float;
use crate::types::float_methods::convert::{int_ref_to_f64, int_true_divide, DivError};
use crate::types::float_methods::float_pow;
use crate::types::int::{int_from_bigint, int_from_i64, IntRef, INT_TYPE};
use crate::types::int_methods::construct::{digits_limit_text, int_max_str_digits};
use crate::types::int_methods::num_args::{binary_pair, noargs_self, self_and_optional, ternary_args, unary_self};
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::small::{PyByteArray, PyBytes};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Shifts and exponents beyond this many bits (2 GiB of digits) fail with
/// `MemoryError` up front: big-integer arithmetic cannot report a failed
/// allocation, so letting it try would abort the process.
const MAX_RESULT_BITS: u64 = 1 << 34;

/// The receiver of an `int` method (the descriptor checked its type).
fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<IntRef<'a>> {
    match v.as_int() {
        Some(i) => Ok(i),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(format!("descriptor requires a 'int' object but received a '{t}'")))
        }
    }
}

/// A borrowed-or-owned big view of an integer.
fn big<'a>(x: &IntRef<'a>) -> Cow<'a, BigInt> {
    match x {
        IntRef::Small(i) => Cow::Owned(BigInt::from(*i)),
        IntRef::Big(b) => Cow::Borrowed(*b),
    }
}

fn is_negative(x: &IntRef<'_>) -> bool {
    match x {
        IntRef::Small(i) => *i < 0,
        IntRef::Big(b) => b.sign() == Sign::Minus,
    }
}

fn is_zero(x: &IntRef<'_>) -> bool {
    matches!(x, IntRef::Small(0))
}

/// The exact `int` with the value of `x` (drops subclass and bool-ness).
fn exact(x: &IntRef<'_>) -> Value {
    match x {
        IntRef::Small(i) => int_from_i64(*i),
        IntRef::Big(b) => int_from_bigint((*b).clone()),
    }
}

pub fn cmp_ints(x: &IntRef<'_>, y: &IntRef<'_>) -> Ordering {
    match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => a.cmp(b),
        _ => big(x).cmp(&big(y)),
    }
}

fn memory_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_exception_empty(&exc().memory_error)
}

// ---- decimal text --------------------------------------------------------------

/// `str(int)`, refusing more digits than `sys.get_int_max_str_digits()`.
pub fn int_to_decimal_string(vm: &mut Vm, x: &IntRef<'_>) -> PyResult<String> {
    let b = match x {
        IntRef::Small(i) => return Ok(i.to_string()),
        IntRef::Big(b) => b,
    };
    let limit = int_max_str_digits();
    if limit > 0 {
        // An n-bit number has at least floor((n - 1) * log10(2)) + 1
        // digits: reject hopeless cases before the quadratic conversion.
        let min_digits = ((b.bits() - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
        if min_digits > limit as u64 {
            return Err(str_limit_error(vm));
        }
    }
    let s = b.to_string();
    let digits = s.len() - usize::from(b.sign() == Sign::Minus);
    if limit > 0 && digits > limit {
        return Err(str_limit_error(vm));
    }
    Ok(s)
}

fn str_limit_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_value_error(format!(
        "Exceeds the limit ({}) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        digits_limit_text()
    ))
}

// ---- binary arithmetic -----------------------------------------------------------

type IntOp = fn(&mut Vm, &IntRef<'_>, &IntRef<'_>) -> PyResult<Value>;

fn binop(vm: &mut Vm, args: Args<'_>, name: &str, op: IntOp, reflected: bool) -> PyResult<Value> {
    let (a, b) = binary_pair(vm, &args, name)?;
    let x = this(vm, a)?;
    let Some(y) = b.as_int() else {
        return Ok(not_implemented());
    };
    if reflected {
        op(vm, &y, &x)
    } else {
        op(vm, &x, &y)
    }
}

/// `a op b` (`op` not in-place) for two operands of exact type `int`:
/// what `int.__op__` returns, without the method lookup, the call and its
/// argument array. `None` when an operand is not an exact `int` (a `bool`
/// or a subclass instance, whose methods may differ) or `op` is `@`.
pub fn exact_int_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOp) -> Option<PyResult<Value>> {
    use BinaryOp::*;
    let int_type = INT_TYPE.get();
    let exact = |v: &Value| v.is_small_int() || v.is_exact(int_type);
    if !(exact(a) && exact(b)) {
        return None;
    }
    let (x, y) = (a.as_int()?, b.as_int()?);
    let f: IntOp = match op {
        Add => op_add,
        Subtract => op_sub,
        Multiply => op_mul,
        FloorDivide => op_floordiv,
        Remainder => op_mod,
        TrueDivide => op_truediv,
        Lshift => op_lshift,
        Rshift => op_rshift,
        And => op_and,
        Or => op_or,
        Xor => op_xor,
        Power => return Some(pow_ints(vm, &x, &y, None)),
        _ => return None,
    };
    Some(f(vm, &x, &y))
}

fn op_add(_vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    Ok(match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a + b),
        _ => int_from_bigint(&*big(x) + &*big(y)),
    })
}

fn op_sub(_vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    Ok(match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a - b),
        _ => int_from_bigint(&*big(x) - &*big(y)),
    })
}

fn op_mul(_vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    if let (IntRef::Small(a), IntRef::Small(b)) = (x, y) {
        if let Some(p) = a.checked_mul(*b) {
            return Ok(int_from_i64(p));
        }
    }
    Ok(int_from_bigint(&*big(x) * &*big(y)))
}

fn op_floordiv(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    if is_zero(y) {
        return Err(vm.new_zero_division_error("integer division or modulo by zero"));
    }
    Ok(match (x, y) {
        // Tagged ints have 63 bits, so `MIN / -1` cannot overflow.
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a.div_floor(b)),
        _ => int_from_bigint(divide::div_mod_floor(&big(x), &big(y), false).0),
    })
}

fn op_mod(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    if is_zero(y) {
        return Err(vm.new_zero_division_error("integer modulo by zero"));
    }
    Ok(match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a.mod_floor(b)),
        _ => int_from_bigint(divide::mod_floor(&big(x), &big(y))),
    })
}

fn op_divmod(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    int_divmod(vm, x, y)
}

fn op_truediv(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    match int_true_divide(x, y) {
        Ok(f) => Ok(new_float(f)),
        Err(DivError::ZeroDivision) => Err(vm.new_zero_division_error("division by zero")),
        Err(DivError::Overflow) => Err(vm.new_overflow_error("integer division result too large for a float")),
    }
}

fn op_lshift(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    if is_negative(y) {
        return Err(vm.new_value_error("negative shift count"));
    }
    if is_zero(x) {
        return Ok(int_from_i64(0));
    }
    let n = match y.to_i64() {
        Some(n) if (n as u64) < MAX_RESULT_BITS => n as u64,
        _ => return Err(memory_error(vm)),
    };
    if let IntRef::Small(a) = x {
        if n < 64 {
            let wide = (*a as i128) << n;
            if let Ok(v) = i64::try_from(wide) {
                return Ok(int_from_i64(v));
            }
        }
    }
    Ok(int_from_bigint(&*big(x) << n))
}

fn op_rshift(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    if is_negative(y) {
        return Err(vm.new_value_error("negative shift count"));
    }
    let n = match y.to_i64() {
        Some(n) => n as u64,
        // Shifting by more bits than any int has leaves the sign.
        None => return Ok(int_from_i64(if is_negative(x) { -1 } else { 0 })),
    };
    Ok(match x {
        IntRef::Small(a) => int_from_i64(a >> n.min(63)),
        IntRef::Big(b) => int_from_bigint(*b >> n),
    })
}

fn op_and(_vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    Ok(match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a & b),
        _ => int_from_bigint(&*big(x) & &*big(y)),
    })
}

fn op_or(_vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    Ok(match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a | b),
        _ => int_from_bigint(&*big(x) | &*big(y)),
    })
}

fn op_xor(_vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    Ok(match (x, y) {
        (IntRef::Small(a), IntRef::Small(b)) => int_from_i64(a ^ b),
        _ => int_from_bigint(&*big(x) ^ &*big(y)),
    })
}

/// `x ** y` for a non-negative exponent.
fn pow_nonneg(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    // Bases whose powers never grow.
    match x {
        IntRef::Small(0) => return Ok(int_from_i64(if is_zero(y) { 1 } else { 0 })),
        IntRef::Small(1) => return Ok(int_from_i64(1)),
        IntRef::Small(-1) => {
            let odd = match y {
                IntRef::Small(e) => e & 1 == 1,
                IntRef::Big(b) => b.is_odd(),
            };
            return Ok(int_from_i64(if odd { -1 } else { 1 }));
        }
        _ => {}
    }
    let e = match y.to_i64() {
        Some(e) => e as u64,
        None => return Err(memory_error(vm)),
    };
    let bx = big(x);
    if bx.bits().saturating_mul(e) > MAX_RESULT_BITS {
        return Err(memory_error(vm));
    }
    if let IntRef::Small(a) = x {
        if let Some(p) = small_pow(*a, e) {
            return Ok(int_from_i64(p));
        }
    }
    Ok(int_from_bigint(num_traits::Pow::pow(&*bx, e)))
}

/// `a ** e` in `i64` if it does not overflow.
fn small_pow(a: i64, mut e: u64) -> Option<i64> {
    let mut result: i64 = 1;
    let mut base = a;
    loop {
        if e & 1 == 1 {
            result = result.checked_mul(base)?;
        }
        e >>= 1;
        if e == 0 {
            return Some(result);
        }
        base = base.checked_mul(base)?;
    }
}

/// `pow(x, y[, m])` for int operands (`m` not `None`).
fn pow_ints(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>, m: Option<&Value>) -> PyResult<Value> {
    if let Some(m) = m {
        let Some(mi) = m.as_int() else {
            return Ok(not_implemented());
        };
        return int_modpow(vm, x.to_bigint(), y.to_bigint(), mi.to_bigint());
    }
    if is_negative(y) {
        // A negative exponent means float arithmetic (`2 ** -1 == 0.5`).
        let fx = to_f64_or_overflow(vm, x)?;
        let fy = to_f64_or_overflow(vm, y)?;
        return float_pow(vm, fx, fy);
    }
    pow_nonneg(vm, x, y)
}

fn pow_impl(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let (a, b, m) = ternary_args(vm, &args, name)?;
    let x = this(vm, a)?;
    let Some(y) = b.as_int() else {
        return Ok(not_implemented());
    };
    if reflected {
        pow_ints(vm, &y, &x, m)
    } else {
        pow_ints(vm, &x, &y, m)
    }
}

fn int_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pow_impl(vm, args, "__pow__", false)
}

fn int_rpow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pow_impl(vm, args, "__rpow__", true)
}

/// An int as a float, with CPython's overflow error.
pub fn to_f64_or_overflow(vm: &mut Vm, x: &IntRef<'_>) -> PyResult<f64> {
    match int_ref_to_f64(x) {
        Some(f) => Ok(f),
        None => Err(vm.new_overflow_error("int too large to convert to float")),
    }
}

reflected_binops! {
    int_add, int_radd, "__add__", "__radd__" => op_add;
    int_sub, int_rsub, "__sub__", "__rsub__" => op_sub;
    int_mul, int_rmul, "__mul__", "__rmul__" => op_mul;
    int_floordiv, int_rfloordiv, "__floordiv__", "__rfloordiv__" => op_floordiv;
    int_mod, int_rmod, "__mod__", "__rmod__" => op_mod;
    int_divmod_m, int_rdivmod, "__divmod__", "__rdivmod__" => op_divmod;
    int_truediv, int_rtruediv, "__truediv__", "__rtruediv__" => op_truediv;
    int_lshift, int_rlshift, "__lshift__", "__rlshift__" => op_lshift;
    int_rshift, int_rrshift, "__rshift__", "__rrshift__" => op_rshift;
    int_and, int_rand, "__and__", "__rand__" => op_and;
    int_or, int_ror, "__or__", "__ror__" => op_or;
    int_xor, int_rxor, "__xor__", "__rxor__" => op_xor;
}

// ---- comparisons -------------------------------------------------------------------

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let (a, b) = binary_pair(vm, &args, name)?;
    let x = this(vm, a)?;
    let Some(y) = b.as_int() else {
        return Ok(not_implemented());
    };
    Ok(bool_value(ordering_matches(op, cmp_ints(&x, &y))))
}

/// Whether an ordering satisfies a comparison operator.
pub fn ordering_matches(op: CompareOp, o: Ordering) -> bool {
    match op {
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    }
}

fn int_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}
fn int_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}
fn int_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}
fn int_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}
fn int_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}
fn int_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

// ---- unary operations and conversions --------------------------------------------

fn int_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__neg__")?;
    Ok(match this(vm, v)? {
        IntRef::Small(a) => int_from_i64(-a),
        IntRef::Big(b) => int_from_bigint(-b),
    })
}

fn int_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__abs__")?;
    Ok(match this(vm, v)? {
        IntRef::Small(a) => int_from_i64(a.abs()),
        IntRef::Big(b) => int_from_bigint(b.abs()),
    })
}

fn int_invert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__invert__")?;
    Ok(match this(vm, v)? {
        IntRef::Small(a) => int_from_i64(!a),
        IntRef::Big(b) => int_from_bigint(!b),
    })
}

fn int_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__bool__")?;
    let x = this(vm, v)?;
    Ok(bool_value(!is_zero(&x)))
}

fn int_float(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__float__")?;
    let x = this(vm, v)?;
    Ok(new_float(to_f64_or_overflow(vm, &x)?))
}

/// `__pos__`, `__int__`, `__index__`, `__trunc__`, `__floor__`, `__ceil__`:
/// the value as an exact `int`.
fn exact_of(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let v = unary_self(vm, &args, name)?;
    if v.is_small_int() {
        return Ok(v.clone());
    }
    let x = this(vm, v)?;
    Ok(exact(&x))
}

fn int_pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_of(vm, args, "__pos__")
}
fn int_int(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_of(vm, args, "__int__")
}
fn int_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_of(vm, args, "__index__")
}

/// `__trunc__`, `__floor__`, `__ceil__`, `conjugate`: named methods
/// without arguments that return the exact value.
fn exact_noargs(vm: &mut Vm, args: Args<'_>, qualname: &str) -> PyResult<Value> {
    let v = noargs_self(vm, &args, qualname)?;
    let x = this(vm, v)?;
    Ok(exact(&x))
}

fn int_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_noargs(vm, args, "int.__trunc__")
}
fn int_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_noargs(vm, args, "int.__floor__")
}
fn int_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_noargs(vm, args, "int.__ceil__")
}
fn int_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_noargs(vm, args, "int.conjugate")
}

fn int_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    self_and_optional(vm, &args, "__round__")?;
    let x = this(vm, &args.pos[0])?.to_bigint();
    // Unlike float's, int's `__round__` takes `None` as an (invalid)
    // integer: `(5).__round__(None)` is a TypeError.
    round_int(vm, x, args.pos.get(1))
}

fn int_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__hash__")?;
    Ok(int_from_i64(match this(vm, v)? {
        IntRef::Small(a) => hash_i64(a),
        IntRef::Big(b) => hash_bigint(b),
    }))
}

fn int_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__repr__")?;
    let x = this(vm, v)?;
    if let IntRef::Small(i) = x {
        // Digits straight into the new string (no `fmt`, no `String`).
        return Ok(new_str(compact_str::ToCompactString::to_compact_string(&i)));
    }
    Ok(new_str(int_to_decimal_string(vm, &x)?))
}

fn int_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__format__", 2)?;
    let Some(spec) = a[1].downcast_ref::<PyStr>() else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.as_str().is_empty() {
        return vm.str(&a[0]);
    }
    let x = this(vm, &a[0])?.to_bigint();
    let t = a[0].class().name().to_string();
    let s = crate::types::str_methods::format_spec::format_int_named(vm, &x, spec.as_str(), &t)?;
    Ok(new_str(s))
}

fn int_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "int.__getnewargs__")?;
    let x = this(vm, v)?;
    Ok(new_tuple(vec![exact(&x)]))
}

fn int_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "int.__sizeof__")?;
    let x = this(vm, v)?;
    // CPython's layout: a 24-byte header plus 4 bytes per 30-bit digit
    // (at least one).
    let digits = match &x {
        IntRef::Small(0) => 0,
        _ => big(&x).bits().div_ceil(30).max(1),
    };
    Ok(int_from_i64(24 + 4 * digits.max(1) as i64))
}

// ---- named methods ---------------------------------------------------------------

fn int_bit_length(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "int.bit_length")?;
    Ok(int_from_i64(match this(vm, v)? {
        IntRef::Small(a) => 64 - a.unsigned_abs().leading_zeros() as i64,
        IntRef::Big(b) => b.bits() as i64,
    }))
}

fn int_bit_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "int.bit_count")?;
    Ok(int_from_i64(match this(vm, v)? {
        IntRef::Small(a) => a.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b.magnitude().count_ones() as i64,
    }))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "int.as_integer_ratio")?;
    let x = this(vm, v)?;
    Ok(new_tuple(vec![exact(&x), int_from_i64(1)]))
}

/// `length`, `byteorder` and `signed` of `to_bytes`/`from_bytes`:
/// positional-or-keyword parameters, `signed` keyword-only.
fn bytes_params(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    names: [&str; 2],
    first_required: bool,
) -> PyResult<(Option<Value>, bool, bool)> {
    let rest = args.skip_self();
    if rest.len() > 3 {
        return Err(vm.new_type_error(format!("{fname}() takes at most 3 arguments ({} given)", rest.len())));
    }
    if rest.pos.len() > 2 {
        return Err(
            vm.new_type_error(format!("{fname}() takes at most 2 positional arguments ({} given)", rest.pos.len()))
        );
    }
    let mut first = rest.pos.first().cloned();
    let mut order = rest.pos.get(1).cloned();
    let mut signed = None;
    for i in 0..rest.kwnames.len() {
        let name = rest.kwarg_name(i);
        let v = rest.kwvalues[i].clone();
        let (slot, pos) = if name == names[0] {
            (&mut first, 1)
        } else if name == names[1] {
            (&mut order, 2)
        } else if name == "signed" {
            (&mut signed, 0)
        } else {
            return Err(vm.new_type_error(format!("{fname}() got an unexpected keyword argument '{name}'")));
        };
        if slot.is_some() {
            return Err(
                vm.new_type_error(format!("argument for {fname}() given by name ('{name}') and position ({pos})"))
            );
        }
        *slot = Some(v);
    }
    if first_required && first.is_none() {
        return Err(vm.new_type_error(format!("{fname}() missing required argument '{}' (pos 1)", names[0])));
    }
    let little = match order {
        None => false,
        Some(o) => match o.downcast_ref::<PyStr>() {
            Some(s) if s.as_str() == "little" => true,
            Some(s) if s.as_str() == "big" => false,
            Some(_) => return Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
            None => {
                let t = o.class().name();
                return Err(vm.new_type_error(format!("{fname}() argument 'byteorder' must be str, not {t}")));
            }
        },
    };
    let signed = match signed {
        None => false,
        Some(s) => vm.truthy(&s)?,
    };
    Ok((first, little, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(recv) = args.pos.first() else {
        return Err(vm.new_type_error("to_bytes() needs an argument"));
    };
    let x = this(vm, recv)?;
    let (length, little, signed) = bytes_params(vm, &args, "to_bytes", ["length", "byteorder"], false)?;
    let length = match length {
        None => 1,
        Some(l) => {
            let l = vm.index(&l)?;
            match l.as_i64() {
                Some(n) if n < 0 => return Err(vm.new_value_error("length argument must be non-negative")),
                Some(n) => n as usize,
                None if l.as_int().is_some_and(|i| is_negative(&i)) => {
                    return Err(vm.new_value_error("length argument must be non-negative"))
                }
                None => return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
    };
    if length as u64 >= i64::MAX as u64 - 32 {
        return Err(vm.new_overflow_error("byte string is too large"));
    }
    let b = big(&x);
    let negative = b.sign() == Sign::Minus;
    if negative && !signed {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if b.is_zero() {
        Vec::new()
    } else if signed {
        b.to_signed_bytes_le()
    } else {
        b.magnitude().to_bytes_le()
    };
    if bytes.len() > length {
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    // A huge length is a MemoryError, as in CPython. Asking the
    // allocator is no test: with overcommit the reservation succeeds and
    // filling it gets the process killed.
    if length as u64 > MAX_RESULT_BITS / 8 || bytes.try_reserve_exact(length - bytes.len()).is_err() {
        return Err(memory_error(vm));
    }
    bytes.resize(length, if negative { 0xff } else { 0 });
    if !little {
        bytes.reverse();
    }
    Ok(crate::types::small::bytes_new(bytes))
}

/// The bytes of a `from_bytes` argument: bytes-like objects or an
/// iterable of ints in `range(256)`.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.downcast_ref::<PyByteArray>() {
        return Ok(b.data.lock().clone());
    }
    let t = v.class().name();
    if v.downcast_ref::<PyStr>().is_some()
        || v.class().lookup("__iter__").is_none() && v.class().lookup("__getitem__").is_none()
    {
        return Err(vm.new_type_error(format!("cannot convert '{t}' object to bytes")));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let i = vm.index(item)?;
        match i.as_i64() {
            Some(n) if (0..256).contains(&n) => out.push(n as u8),
            _ => return Err(vm.new_value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class
/// method: a subclass gets `cls(value)`).
fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("from_bytes() needs a type"));
    };
    let (data, little, signed) = bytes_params(vm, &args, "from_bytes", ["bytes", "byteorder"], true)?;
    let data = data.unwrap_or_else(|| crate::types::small::bytes_new(Vec::new()));
    let mut bytes = bytes_of(vm, &data)?;
    if !little {
        bytes.reverse();
    }
    let value = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(Sign::Plus, &bytes) };
    let v = int_from_bigint(value);
    if cls.is(INT_TYPE.get()) {
        return Ok(v);
    }
    vm.call(&cls.into_value(), &[v])
}

// ---- attributes --------------------------------------------------------------------

fn get_exact(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let x = this(vm, v)?;
    Ok(exact(&x))
}
fn get_zero(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?;
    Ok(int_from_i64(0))
}
fn get_one(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?;
    Ok(int_from_i64(1))
}

// ---- bool ------------------------------------------------------------------------

fn bool_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__repr__")?;
    let b = match v.as_bool_obj() {
        Some(b) => b,
        None => this(vm, v)?.to_i64() != Some(0),
    };
    Ok(crate::intern::intern(if b { "True" } else { "False" }))
}

type BoolOp = fn(bool, bool) -> bool;

/// `&`, `|`, `^` give a bool for two bools and fall back to int otherwise.
fn bool_binop(vm: &mut Vm, args: Args<'_>, name: &str, bop: BoolOp, iop: IntOp) -> PyResult<Value> {
    let (a, b) = binary_pair(vm, &args, name)?;
    if let (Some(x), Some(y)) = (a.as_bool_obj(), b.as_bool_obj()) {
        return Ok(bool_value(bop(x, y)));
    }
    let x = this(vm, a)?;
    let Some(y) = b.as_int() else {
        return Ok(not_implemented());
    };
    iop(vm, &x, &y)
}

fn bool_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_binop(vm, args, "__and__", |a, b| a & b, op_and)
}
fn bool_rand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_binop(vm, args, "__rand__", |a, b| a & b, op_and)
}
fn bool_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_binop(vm, args, "__or__", |a, b| a | b, op_or)
}
fn bool_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_binop(vm, args, "__ror__", |a, b| a | b, op_or)
}
fn bool_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_binop(vm, args, "__xor__", |a, b| a ^ b, op_xor)
}
fn bool_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_binop(vm, args, "__rxor__", |a, b| a ^ b, op_xor)
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.int;
    add_method_kind(t, "__new__", construct::int_new, MethodKind::Static);
    add_methods(t, BINOPS);
    add_methods(
        t,
        &[
            ("__pow__", int_pow),
            ("__rpow__", int_rpow),
            ("__lt__", int_lt),
            ("__le__", int_le),
            ("__eq__", int_eq),
            ("__ne__", int_ne),
            ("__gt__", int_gt),
            ("__ge__", int_ge),
            ("__neg__", int_neg),
            ("__pos__", int_pos),
            ("__abs__", int_abs),
            ("__invert__", int_invert),
            ("__bool__", int_bool),
            ("__int__", int_int),
            ("__float__", int_float),
            ("__index__", int_index),
            ("__trunc__", int_trunc),
            ("__floor__", int_floor),
            ("__ceil__", int_ceil),
            ("__round__", int_round),
            ("__hash__", int_hash),
            ("__repr__", int_repr),
            ("__format__", int_format),
            ("__getnewargs__", int_getnewargs),
            ("__sizeof__", int_sizeof),
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("as_integer_ratio", int_as_integer_ratio),
            ("conjugate", int_conjugate),
            ("to_bytes", int_to_bytes),
        ],
    );
    add_method_kind(t, "from_bytes", int_from_bytes, MethodKind::Class);
    add_getset(t, "real", get_exact, None);
    add_getset(t, "imag", get_zero, None);
    add_getset(t, "numerator", get_exact, None);
    add_getset(t, "denominator", get_one, None);

    let b = types.bool_;
    add_method_kind(b, "__new__", construct::bool_new, MethodKind::Static);
    add_methods(
        b,
        &[
            ("__repr__", bool_repr),
            ("__and__", bool_and),
            ("__rand__", bool_rand),
            ("__or__", bool_or),
            ("__ror__", bool_ror),
            ("__xor__", bool_xor),
            ("__rxor__", bool_rxor),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_powers() {
        assert_eq!(small_pow(3, 4), Some(81));
        assert_eq!(small_pow(-2, 3), Some(-8));
        assert_eq!(small_pow(2, 63), None);
        assert_eq!(small_pow(7, 0), Some(1));
    }

    #[test]
    fn orderings() {
        assert!(ordering_matches(CompareOp::Le, Ordering::Equal));
        assert!(!ordering_matches(CompareOp::Ne, Ordering::Equal));
        let b = BigInt::from(1) << 100usize;
        assert_eq!(cmp_ints(&IntRef::Small(5), &IntRef::Big(&b)), Ordering::Less);
    }
}
