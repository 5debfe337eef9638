//! The `math` module.
//!
//! Float functions follow CPython's `math_1`/`math_2` conventions: a NaN
//! result from non-NaN input is `ValueError("math domain error")`; an
//! infinite result from finite input is `OverflowError("math range error")`
//! where the function can overflow (`exp`, `cosh`, ...) and a domain error
//! otherwise. Arguments convert like `PyFloat_AsDouble` (ints exactly or
//! `OverflowError`, `__float__`, `__index__`; else "must be real number").
//!
//! Integer functions (`factorial`, `gcd`, `lcm`, `isqrt`, `comb`, `perm`)
//! take any `__index__` value and work on big integers. `log` of a huge
//! int uses its binary exponent, so `log(2**10000)` is finite. `fsum` is
//! exact (Shewchuk's partials with CPython's final half-even correction),
//! and `hypot`/`dist` use CPython 3.11's compensated `vector_norm`.
//! The functions where Rust's `std` and glibc differ in the last bit live in
//! `math/libm.rs` (see there).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use skein_compiler::bytecode::BinaryOp;

use crate::builtins::numeric::{float_arg, float_to_int, index_bigint};
use crate::builtins::take_kwargs;
use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::PyRef;
use crate::types::float::{new_float, FLOAT_TYPE};
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::module::PyModule;
use crate::types::singletons::bool_value;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn domain_error(vm: &mut Vm) -> PyErr {
    vm.new_value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> PyErr {
    vm.new_overflow_error("math range error")
}

/// A float argument: a tagged float or small int read in place (the usual
/// `math.sin(x)`), anything else through [`float_arg`]'s conversions.
#[inline(always)]
fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(x) = v.as_tagged_float() {
        return Ok(x);
    }
    if let Some(i) = v.as_small_int() {
        // Rounds to nearest, ties to even, as `PyLong_AsDouble` does.
        return Ok(i as f64);
    }
    float_arg(vm, v)
}

/// CPython's `math_1`: applies `f` and turns NaN/inf results into errors.
fn math_1(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let a = args.exact(vm, name, 1)?;
    let x = real_arg(vm, &a[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(new_float(r))
}

/// CPython's `math_2` for two-argument float functions.
fn math_2(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let a = args.exact(vm, name, 2)?;
    let x = real_arg(vm, &a[0])?;
    let y = real_arg(vm, &a[1])?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(new_float(r))
}

/// Declares a one-argument float function of the module.
macro_rules! unary {
    ($fn_name:ident, $py_name:literal, $f:expr, $overflow:literal) => {
        fn $fn_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            math_1(vm, args, concat!("math.", $py_name), $f, $overflow)
        }
    };
}

unary!(math_acos, "acos", f64::acos, false);
unary!(math_acosh, "acosh", libm::acosh, false);
unary!(math_asin, "asin", f64::asin, false);
unary!(math_asinh, "asinh", libm::asinh, false);
unary!(math_atan, "atan", f64::atan, false);
unary!(math_atanh, "atanh", libm::atanh, false);
unary!(math_cbrt, "cbrt", libm::cbrt, false);
unary!(math_cos, "cos", f64::cos, false);
unary!(math_cosh, "cosh", f64::cosh, true);
unary!(math_exp, "exp", f64::exp, true);
unary!(math_exp2, "exp2", f64::exp2, true);
unary!(math_expm1, "expm1", f64::exp_m1, true);
unary!(math_fabs, "fabs", f64::abs, false);
unary!(math_log1p, "log1p", f64::ln_1p, false);
unary!(math_sin, "sin", f64::sin, false);
unary!(math_sinh, "sinh", f64::sinh, true);
unary!(math_sqrt, "sqrt", f64::sqrt, false);
unary!(math_tan, "tan", f64::tan, false);
unary!(math_tanh, "tanh", f64::tanh, false);

fn math_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "fmod", |x, y| if y.is_infinite() && x.is_finite() { x } else { x % y })
}

fn math_atan2(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "atan2", f64::atan2)
}

fn math_copysign(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "copysign", f64::copysign)
}

/// IEEE 754 remainder (CPython's `m_remainder`): `x - n*y` with `n` the
/// integer nearest `x/y`, ties to even; computed exactly.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: pick the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn math_remainder(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "remainder", remainder)
}

// ---- logarithms ------------------------------------------------------------------

/// `(m, e)` with `b = m * 2**e`, `0.5 <= m < 1`, `m` correctly rounded;
/// `b` must be positive.
fn bigint_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    if bits <= 64 {
        let m = b.to_f64().unwrap_or(0.0);
        let (fm, fe) = frexp(m);
        return (fm, fe as i64);
    }
    let shift = bits - 64;
    let mut top = (b >> shift).to_u64().unwrap_or(u64::MAX);
    // Sticky bit: any lower bit set makes the u64 -> f64 rounding exact.
    if b.trailing_zeros().is_some_and(|tz| tz < shift) {
        top |= 1;
    }
    let (m, e) = frexp(top as f64);
    (m, e as i64 + shift as i64)
}

/// `log`-family helper: ints of any size, then floats (CPython's
/// `loghelper` and `m_log`).
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(x) = v.as_tagged_float() {
        return if x > 0.0 { Ok(f(x)) } else { Err(domain_error(vm)) };
    }
    if let Some(i) = v.as_int() {
        let b = i.to_bigint();
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        let (m, e) = bigint_frexp(&b);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = float_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

fn math_log(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.log")?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(vm.new_type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(vm, &args.pos[0], f64::ln)?;
    let Some(base) = args.pos.get(1) else {
        return Ok(new_float(num));
    };
    let den = log_helper(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(vm.new_zero_division_error("float division by zero"));
    }
    Ok(new_float(num / den))
}

fn math_log2(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.log2", 1)?;
    Ok(new_float(log_helper(vm, &a[0], f64::log2)?))
}

fn math_log10(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.log10", 1)?;
    Ok(new_float(log_helper(vm, &a[0], f64::log10)?))
}

// ---- pow ---------------------------------------------------------------------------

/// `math.pow` with C99 special cases and CPython's errors.
fn math_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "pow", 2)?;
    let x = float_arg(vm, &a[0])?;
    let y = float_arg(vm, &a[1])?;
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if x > 0.0 {
                if y > 0.0 {
                    x
                } else {
                    0.0
                }
            } else if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(new_float(r));
    }
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain_error(vm) } else { range_error(vm) });
    }
    Ok(new_float(r))
}

// ---- rounding to integers ------------------------------------------------------------

/// `math.floor`/`math.ceil`: exact floats and ints directly, else the
/// type's `__floor__`/`__ceil__`, else via `float`.
fn floor_ceil(vm: &mut Vm, args: Args<'_>, name: &str, method: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = args.exact(vm, name, 1)?;
    let v = &a[0];
    if let Some(x) = v.as_tagged_float() {
        return float_to_int(vm, f(x));
    }
    if v.is_exact(FLOAT_TYPE.get()) {
        return float_to_int(vm, f(v.as_float().unwrap_or(0.0)));
    }
    if !v.class().is_heap_type() {
        if let Some(i) = v.as_int() {
            return Ok(int_from_bigint(i.to_bigint()));
        }
    }
    if let Some(r) = vm.call_special(v, method, &[])? {
        return Ok(r);
    }
    if let Some(i) = v.as_int() {
        return Ok(int_from_bigint(i.to_bigint()));
    }
    let x = float_arg(vm, v)?;
    float_to_int(vm, f(x))
}

fn math_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    floor_ceil(vm, args, "math.floor", "__floor__", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    floor_ceil(vm, args, "math.ceil", "__ceil__", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.trunc", 1)?;
    let v = &a[0];
    if v.is_exact(FLOAT_TYPE.get()) {
        return float_to_int(vm, v.as_float().unwrap_or(0.0).trunc());
    }
    if !v.class().is_heap_type() {
        if let Some(i) = v.as_int() {
            return Ok(int_from_bigint(i.to_bigint()));
        }
    }
    if let Some(r) = vm.call_special(v, "__trunc__", &[])? {
        return Ok(r);
    }
    if let Some(i) = v.as_int() {
        return Ok(int_from_bigint(i.to_bigint()));
    }
    if let Some(f) = v.as_float() {
        return float_to_int(vm, f.trunc());
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("type {t} doesn't define __trunc__ method")))
}

// ---- float decomposition -----------------------------------------------------------

/// C's `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` (or `x` itself for
/// zero, infinities and NaN, with `e = 0`).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x43f0_0000_0000_0000)); // 2**64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `2**k` for `-1074 <= k <= 1023`, exactly.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// C's `ldexp` for any exponent, rounding once (also into subnormals).
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, xe) = frexp(x);
    let ne = (xe as i64).saturating_add(e);
    if ne > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if ne < -1074 {
        // Below half the smallest subnormal: rounds to zero.
        return 0.0f64.copysign(x);
    }
    // |m| is in [0.5, 1): one multiplication by an exact power of two, so
    // the result (normal or subnormal) is rounded once.
    if ne >= -1021 {
        m * 2.0 * pow2(ne - 1)
    } else {
        m * pow2(ne)
    }
}

fn math_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.frexp", 1)?;
    let x = float_arg(vm, &a[0])?;
    let (m, e) = frexp(x);
    Ok(new_tuple(vec![new_float(m), int_from_i64(e as i64)]))
}

fn math_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "ldexp", 2)?;
    let x = float_arg(vm, &a[0])?;
    let Some(i) = a[1].as_int() else {
        return Err(vm.new_type_error("Expected an int as second argument to ldexp."));
    };
    let e = i.to_i64().unwrap_or(if i.to_bigint().is_negative() { i64::MIN } else { i64::MAX });
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    let r = ldexp(x, e);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(new_float(r))
}

fn math_modf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.modf", 1)?;
    let x = float_arg(vm, &a[0])?;
    if x.is_infinite() {
        return Ok(new_tuple(vec![new_float(0.0f64.copysign(x)), new_float(x)]));
    }
    let i = x.trunc();
    let frac = (x - i).copysign(x);
    Ok(new_tuple(vec![new_float(frac), new_float(i)]))
}

fn math_nextafter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "nextafter", 2)?;
    let x = float_arg(vm, &a[0])?;
    let y = float_arg(vm, &a[1])?;
    Ok(new_float(next_after(x, y)))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn math_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.ulp", 1)?;
    let x = float_arg(vm, &a[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(new_float(x));
    }
    let next = next_after(x, f64::INFINITY);
    if next.is_infinite() {
        let prev = next_after(x, 0.0);
        return Ok(new_float(x - prev));
    }
    Ok(new_float(next - x))
}

// ---- predicates and conversions ----------------------------------------------------

fn math_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.isfinite", 1)?;
    Ok(bool_value(float_arg(vm, &a[0])?.is_finite()))
}

fn math_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.isinf", 1)?;
    Ok(bool_value(float_arg(vm, &a[0])?.is_infinite()))
}

fn math_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.isnan", 1)?;
    Ok(bool_value(float_arg(vm, &a[0])?.is_nan()))
}

fn math_degrees(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.degrees", 1)?;
    Ok(new_float(float_arg(vm, &a[0])? * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.radians", 1)?;
    Ok(new_float(float_arg(vm, &a[0])? * (std::f64::consts::PI / 180.0)))
}

/// The arguments of `math.isclose` and `cmath.isclose`: `a`, `b` and the
/// two tolerances (checked non-negative), with CPython's messages.
pub(crate) fn isclose_args(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Value, Value, f64, f64)> {
    if args.pos.len() > 2 {
        let n = args.pos.len();
        return Err(vm.new_type_error(format!("isclose() takes exactly 2 positional arguments ({n} given)")));
    }
    let [ka, kb, rel, abs] = take_kwargs(vm, args, "isclose", ["a", "b", "rel_tol", "abs_tol"])?;
    let Some(a) = args.pos.first().cloned().or(ka) else {
        return Err(crate::builtins::missing_arg(vm, "isclose", "a", 1));
    };
    let Some(b) = args.pos.get(1).cloned().or(kb) else {
        return Err(crate::builtins::missing_arg(vm, "isclose", "b", 2));
    };
    let rel_tol = match rel {
        Some(v) => float_arg(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => float_arg(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    Ok((a, b, rel_tol, abs_tol))
}

/// The closeness test shared by both `isclose`s, on the magnitudes of the
/// difference and of the two operands (finite, not equal).
pub(crate) fn within_tolerance(diff: f64, a_abs: f64, b_abs: f64, rel_tol: f64, abs_tol: f64) -> bool {
    diff <= rel_tol * b_abs || diff <= rel_tol * a_abs || diff <= abs_tol
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn math_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b, rel_tol, abs_tol) = isclose_args(vm, &args)?;
    let a = float_arg(vm, &a)?;
    let b = float_arg(vm, &b)?;
    if a == b {
        return Ok(bool_value(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(bool_value(false));
    }
    Ok(bool_value(within_tolerance((b - a).abs(), a.abs(), b.abs(), rel_tol, abs_tol)))
}

// ---- integer functions ----------------------------------------------------------------

/// Product of the integers in `lo..hi`, by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn math_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.factorial", 1)?;
    let n = index_bigint(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.new_overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(int_from_bigint(range_product(1, n as u64 + 1)))
}

fn math_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.gcd")?;
    let mut g = BigInt::zero();
    for v in args.pos {
        let x = index_bigint(vm, v)?;
        g = g.gcd(&x);
    }
    Ok(int_from_bigint(g))
}

fn math_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.lcm")?;
    let mut l = BigInt::one();
    for v in args.pos {
        let x = index_bigint(vm, v)?;
        if l.is_zero() {
            continue;
        }
        l = if x.is_zero() { BigInt::zero() } else { l.lcm(&x) };
    }
    Ok(int_from_bigint(l.abs()))
}

fn math_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.isqrt", 1)?;
    let n = index_bigint(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int_from_bigint(n.sqrt()))
}

/// Validates `n` and `k` of `comb`/`perm`.
fn comb_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_bigint(vm, n)?;
    let k = index_bigint(vm, k)?;
    if n.is_negative() {
        return Err(vm.new_value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.new_value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn math_comb(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "comb", 2)?;
    let (n, k) = comb_args(vm, &a[0], &a[1])?;
    if k > n {
        return Ok(int_from_i64(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.new_overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(int_from_bigint(r))
}

fn math_perm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "perm", 1, 2)?;
    let k = match a.get(1).filter(|k| !k.is_none()) {
        Some(k) => k.clone(),
        None => a[0].clone(),
    };
    let (n, k) = comb_args(vm, &a[0], &k)?;
    if k > n {
        return Ok(int_from_i64(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.new_overflow_error("k must not exceed 9223372036854775807"));
    };
    if let Some(n) = n.to_u64() {
        return Ok(int_from_bigint(range_product(n - k + 1, n + 1)));
    }
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(int_from_bigint(r))
}

// ---- sums and products -----------------------------------------------------------------

/// `prod(iterable, *, start=1)`.
fn math_prod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.new_type_error(format!("prod() takes exactly 1 positional argument ({n} given)")));
    }
    let [start] = take_kwargs(vm, &args, "prod", ["start"])?;
    let mut acc = start.unwrap_or_else(|| int_from_i64(1));
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if let (Some(a), Some(b)) = (acc.as_small_int(), x.as_small_int()) {
            if let Some(p) = a.checked_mul(b) {
                acc = int_from_i64(p);
                continue;
            }
        }
        if acc.is_exact(FLOAT_TYPE.get()) && x.is_exact(FLOAT_TYPE.get()) {
            acc = new_float(acc.as_float().unwrap_or(0.0) * x.as_float().unwrap_or(0.0));
            continue;
        }
        acc = vm.binary_op(&acc, &x, BinaryOp::Multiply)?;
    }
    Ok(acc)
}

/// `fsum(iterable)`: the correctly rounded sum (Shewchuk's algorithm).
fn math_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.fsum", 1)?;
    let it = vm.iter(&a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(&it)? {
        let xsave = float_arg(vm, &item)?;
        let mut x = xsave;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite sum comes from an inf/nan summand or from
                // intermediate overflow.
                if xsave.is_finite() {
                    return Err(vm.new_overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.new_value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        // Sum from the top while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across several partials: if the rest points
        // the same way as `lo`, the true sum is past the half-way point.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(new_float(hi))
}

/// CPython 3.11's `vector_norm`: the Euclidean norm with a lossless
/// scaling, compensated summation of the squares and a final correction.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: work on normalised values.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -(max_e as i64));
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for &v in vec.iter() {
        let x = v * scale;
        let hi = x * x;
        let lo = x.mul_add(x, -hi);
        let s = csum + hi;
        let s_lo = hi - (s - csum);
        csum = s;
        frac1 += lo;
        frac2 += s_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let hi = -h * h;
    let lo = (-h).mul_add(h, -hi);
    let s = csum + hi;
    let s_lo = hi - (s - csum);
    csum = s;
    frac1 += lo;
    frac2 += s_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn math_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.hypot")?;
    // Up to eight coordinates (the usual two or three) stay on the stack.
    let mut small = [0.0f64; 8];
    let mut large = Vec::new();
    let coords: &mut [f64] = if args.pos.len() <= small.len() {
        &mut small[..args.pos.len()]
    } else {
        large.resize(args.pos.len(), 0.0);
        &mut large
    };
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (c, v) in coords.iter_mut().zip(args.pos) {
        let x = real_arg(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        *c = x;
    }
    Ok(new_float(vector_norm(coords, max, found_nan)))
}

fn math_dist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "dist", 2)?;
    let p = vm.collect(&a[0])?;
    let q = vm.collect(&a[1])?;
    if p.len() != q.len() {
        return Err(vm.new_value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (x, y) in p.iter().zip(&q) {
        let d = (float_arg(vm, x)? - float_arg(vm, y)?).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        diffs.push(d);
    }
    Ok(new_float(vector_norm(&mut diffs, max, found_nan)))
}

// ---- gamma and error functions ------------------------------------------------------

pub(crate) mod libm;

use libm::MathErr;

fn special_result(vm: &mut Vm, r: Result<f64, MathErr>) -> PyResult<Value> {
    match r {
        Ok(v) => Ok(new_float(v)),
        Err(MathErr::Domain) => Err(domain_error(vm)),
        Err(MathErr::Range) => Err(range_error(vm)),
    }
}

fn math_gamma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.gamma", 1)?;
    let x = float_arg(vm, &a[0])?;
    special_result(vm, libm::tgamma(x))
}

fn math_lgamma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "math.lgamma", 1)?;
    let x = float_arg(vm, &a[0])?;
    special_result(vm, libm::lgamma(x))
}

unary!(math_erf, "erf", libm::erf, false);
unary!(math_erfc, "erfc", libm::erfc, false);

// ---- the module --------------------------------------------------------------------

/// Creates the `math` module.
pub fn make_math_module() -> PyRef<PyModule> {
    let m = PyModule::new("math");
    m.set_attr(
        "__doc__",
        crate::types::str::new_str(
            "This module provides access to the mathematical functions\ndefined by the C standard.",
        ),
    );
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", math_acos),
        ("acosh", math_acosh),
        ("asin", math_asin),
        ("asinh", math_asinh),
        ("atan", math_atan),
        ("atan2", math_atan2),
        ("atanh", math_atanh),
        ("cbrt", math_cbrt),
        ("ceil", math_ceil),
        ("comb", math_comb),
        ("copysign", math_copysign),
        ("cos", math_cos),
        ("cosh", math_cosh),
        ("degrees", math_degrees),
        ("dist", math_dist),
        ("erf", math_erf),
        ("erfc", math_erfc),
        ("exp", math_exp),
        ("exp2", math_exp2),
        ("expm1", math_expm1),
        ("fabs", math_fabs),
        ("factorial", math_factorial),
        ("floor", math_floor),
        ("fmod", math_fmod),
        ("frexp", math_frexp),
        ("fsum", math_fsum),
        ("gamma", math_gamma),
        ("gcd", math_gcd),
        ("hypot", math_hypot),
        ("isclose", math_isclose),
        ("isfinite", math_isfinite),
        ("isinf", math_isinf),
        ("isnan", math_isnan),
        ("isqrt", math_isqrt),
        ("lcm", math_lcm),
        ("ldexp", math_ldexp),
        ("lgamma", math_lgamma),
        ("log", math_log),
        ("log10", math_log10),
        ("log1p", math_log1p),
        ("log2", math_log2),
        ("modf", math_modf),
        ("nextafter", math_nextafter),
        ("perm", math_perm),
        ("pow", math_pow),
        ("prod", math_prod),
        ("radians", math_radians),
        ("remainder", math_remainder),
        ("sin", math_sin),
        ("sinh", math_sinh),
        ("sqrt", math_sqrt),
        ("tan", math_tan),
        ("tanh", math_tanh),
        ("trunc", math_trunc),
        ("ulp", math_ulp),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "math"));
    }
    m.set_attr("pi", new_float(std::f64::consts::PI));
    m.set_attr("e", new_float(std::f64::consts::E));
    m.set_attr("tau", new_float(std::f64::consts::TAU));
    m.set_attr("inf", new_float(f64::INFINITY));
    m.set_attr("nan", new_float(f64::NAN));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_and_ldexp_round_trip() {
        for x in [1.0, 0.1, -3.5, 1e300, 5e-324, 2.2250738585072014e-308, f64::MAX] {
            let (m, e) = frexp(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}");
            assert_eq!(ldexp(m, e as i64), x, "{x}");
        }
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(1.5, -1075), 5e-324);
    }

    #[test]
    fn remainder_matches_cpython() {
        assert_eq!(remainder(7.0, 4.0), -1.0);
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(6.0, 4.0), -2.0);
        assert_eq!(remainder(-7.0, 4.0), 1.0);
    }

    #[test]
    fn norm_is_exact_on_pythagorean_triples() {
        assert_eq!(vector_norm(&mut [3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(vector_norm(&mut [3.0, 4.0, 12.0], 12.0, false), 13.0);
    }

    #[test]
    fn big_frexp_is_correctly_rounded() {
        let b = BigInt::one() << 2000usize;
        assert_eq!(bigint_frexp(&b), (0.5, 2001));
        // 2**100 - 1 rounds up to 2**100.
        let b = (BigInt::one() << 100usize) - 1;
        assert_eq!(bigint_frexp(&b), (0.5, 101));
        let b = BigInt::from(3u32) << 200usize;
        assert_eq!(bigint_frexp(&b), (0.75, 202));
    }
}
