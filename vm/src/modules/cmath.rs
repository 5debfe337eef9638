//! The `cmath` module: complex functions with CPython 3.11's algorithms,
//! branch cuts and special values.
//!
//! Each function mirrors `cmathmodule.c`: an infinite or NaN part selects
//! an entry of a special-value table (`cmath/special_values.rs`, generated
//! from CPython), except where CPython computes the signs (`exp`, `cosh`,
//! `sinh`, `tanh`, `rect` of an infinite real part); finite arguments use
//! Kahan-style formulas that avoid spurious overflow. A function reports
//! C's `errno` next to its result: `Domain` becomes
//! `ValueError("math domain error")`, `Range` becomes
//! `OverflowError("math range error")`. Arguments convert like
//! `PyComplex_AsCComplex` (`complex`, `__complex__`, then anything
//! `float()` accepts).

#[path = "cmath/special_values.rs"]
mod special_values;

use std::f64::consts::{E, LN_2, PI};

use crate::builtins::numeric::float_arg;
use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::PyRef;
use crate::types::float::new_float;
use crate::types::module::PyModule;
use crate::types::singletons::bool_value;
use crate::types::small::{complex_new, PyComplex};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use special_values as sv;

#[derive(Clone, Copy, Debug, PartialEq)]
struct C {
    re: f64,
    im: f64,
}

const fn c(re: f64, im: f64) -> C {
    C { re, im }
}

/// C's `errno` after a computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Errno {
    Ok,
    Domain,
    Range,
}

use Errno::{Domain, Range};

type R = (C, Errno);

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// sqrt(LARGE_DOUBLE) and log(LARGE_DOUBLE), as CPython computes them.
fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}
fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn ldexp(x: f64, e: i32) -> f64 {
    crate::modules::math::ldexp(x, e as i64)
}

/// CPython's `special_type`: the row/column of a special-value table.
fn class(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, false) => 1,
            (false, false) => 2,
            (false, true) => 3,
            (true, true) => 4,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

/// The table entry for a non-finite `z`, or `None` for a finite one.
fn special(z: C, table: &sv::Table) -> Option<R> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    let (re, im) = table[class(z.re)][class(z.im)];
    Some((c(re, im), Errno::Ok))
}

fn asinh_real(x: f64) -> f64 {
    crate::modules::math::libm::asinh(x)
}

fn c_sqrt(z: C) -> R {
    if let Some(r) = special(z, &sv::SQRT) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 { c(s, d.copysign(z.im)) } else { c(d, s.copysign(z.im)) };
    (r, Errno::Ok)
}

fn c_acos(z: C) -> R {
    if let Some(r) = special(z, &sv::ACOS) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = z.im.abs().atan2(z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let im = if z.re < 0.0 { -l.copysign(z.im) } else { l.copysign(-z.im) };
        c(re, im)
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(2.0 * s1.re.atan2(s2.re), asinh_real(s2.re * s1.im - s2.im * s1.re))
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C) -> R {
    if let Some(r) = special(z, &sv::ACOSH) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0, z.im.atan2(z.re))
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(asinh_real(s1.re * s2.re + s1.im * s2.im), 2.0 * s1.im.atan2(s2.re))
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C) -> R {
    if let Some(r) = special(z, &sv::ASINH) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        c(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(asinh_real(s1.re * s2.im - s2.re * s1.im), z.im.atan2(s1.re * s2.re - s1.im * s2.im))
    };
    (r, Errno::Ok)
}

/// `f(i*z)` rotated back by `-i`: asin from asinh, atan from atanh, ...
fn via_i(z: C, f: fn(C) -> R) -> R {
    let (s, e) = f(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_atanh(z: C) -> R {
    if let Some(r) = special(z, &sv::ATANH) {
        return r;
    }
    if z.re < 0.0 {
        // atanh is odd.
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        // Large |z|: atanh(z) ~ 1/z +- i*pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        (c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)), Errno::Ok)
    } else if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            (c(f64::INFINITY, z.im), Domain)
        } else {
            let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
            (c(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)), Errno::Ok)
        }
    } else {
        let one_m = 1.0 - z.re;
        let re = (4.0 * z.re / (one_m * one_m + ay * ay)).ln_1p() / 4.0;
        let im = -(-2.0 * z.im).atan2(one_m * (1.0 + z.re) - ay * ay) / 2.0;
        (c(re, im), Errno::Ok)
    }
}

fn c_cosh(z: C) -> R {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let s = if z.re > 0.0 { 1.0 } else { -1.0 };
            c(f64::INFINITY.copysign(z.im.cos()), (s * f64::INFINITY).copysign(s * z.im.sin()))
        } else {
            let (re, im) = sv::COSH[class(z.re)][class(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.cosh() * E, z.im.sin() * x1.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    (r, overflow(r))
}

fn overflow(r: C) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Range
    } else {
        Errno::Ok
    }
}

fn c_sinh(z: C) -> R {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let s = if z.re > 0.0 { 1.0 } else { -1.0 };
            c((s * f64::INFINITY).copysign(s * z.im.cos()), f64::INFINITY.copysign(z.im.sin()))
        } else {
            let (re, im) = sv::SINH[class(z.re)][class(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.sinh() * E, z.im.sin() * x1.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    (r, overflow(r))
}

fn c_tanh(z: C) -> R {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            let (re, im) = sv::TANH[class(z.re)][class(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && z.re.is_finite() { Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        c(1.0f64.copysign(z.re), 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp())
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_exp(z: C) -> R {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(f64::INFINITY.copysign(z.im.cos()), f64::INFINITY.copysign(z.im.sin()))
            } else {
                c(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            }
        } else {
            let (re, im) = sv::EXP[class(z.re)][class(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Domain
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re > log_large_double() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    (r, overflow(r))
}

fn c_log(z: C) -> R {
    if let Some(r) = special(z, &sv::LOG) {
        return r;
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal.
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return (c(f64::NEG_INFINITY, z.im.atan2(z.re)), Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

/// `_Py_c_quot`: Smith's complex division; division by zero is EDOM.
fn quot(a: C, b: C) -> R {
    let (abr, abi) = (b.re.abs(), b.im.abs());
    if abr >= abi {
        if abr == 0.0 {
            return (c(0.0, 0.0), Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom), Errno::Ok)
    } else if abi >= abr {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom), Errno::Ok)
    } else {
        (c(f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// `c_atan2`: the phase of `z`, with C99's special cases.
fn c_atan2(z: C) -> f64 {
    if z.re.is_nan() || z.im.is_nan() {
        return f64::NAN;
    }
    if z.im.is_infinite() {
        if z.re.is_infinite() {
            return if z.re.is_sign_positive() { (0.25 * PI).copysign(z.im) } else { (0.75 * PI).copysign(z.im) };
        }
        return (0.5 * PI).copysign(z.im);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        return if z.re.is_sign_positive() { 0.0f64.copysign(z.im) } else { PI.copysign(z.im) };
    }
    z.im.atan2(z.re)
}

/// `_Py_c_abs`: infinities win over NaNs; overflow is ERANGE.
fn c_abs(z: C) -> (f64, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = z.re.hypot(z.im);
    (r, if r.is_finite() { Errno::Ok } else { Range })
}

// ---- Python-level wrappers ----------------------------------------------------------

/// `PyComplex_AsCComplex`.
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(z) = v.downcast_ref::<PyComplex>() {
        return Ok(c(z.re, z.im));
    }
    if let Some(r) = vm.call_special(v, "__complex__", &[])? {
        return match r.downcast_ref::<PyComplex>() {
            Some(z) => Ok(c(z.re, z.im)),
            None => {
                let t = r.class().name();
                Err(vm.new_type_error(format!("__complex__ returned non-complex (type {t})")))
            }
        };
    }
    Ok(c(float_arg(vm, v)?, 0.0))
}

fn check(vm: &mut Vm, e: Errno) -> PyResult<()> {
    match e {
        Errno::Ok => Ok(()),
        Domain => Err(vm.new_value_error("math domain error")),
        Range => Err(vm.new_overflow_error("math range error")),
    }
}

fn one_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<C> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("cmath.{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.new_type_error(format!("cmath.{name}() takes exactly one argument ({n} given)")));
    }
    complex_arg(vm, &args.pos[0])
}

fn unary(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(C) -> R) -> PyResult<Value> {
    let z = one_arg(vm, &args, name)?;
    let (r, e) = f(z);
    check(vm, e)?;
    Ok(complex_new(r.re, r.im))
}

macro_rules! unary_fns {
    ($($fn_name:ident, $py_name:literal, $f:expr;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                unary(vm, args, $py_name, $f)
            }
        )*
    };
}

unary_fns! {
    cm_sqrt, "sqrt", c_sqrt;
    cm_acos, "acos", c_acos;
    cm_acosh, "acosh", c_acosh;
    cm_asin, "asin", |z| via_i(z, c_asinh);
    cm_asinh, "asinh", c_asinh;
    cm_atan, "atan", |z| via_i(z, c_atanh);
    cm_atanh, "atanh", c_atanh;
    cm_cos, "cos", |z| c_cosh(c(-z.im, z.re));
    cm_cosh, "cosh", c_cosh;
    cm_exp, "exp", c_exp;
    cm_sin, "sin", |z| via_i(z, c_sinh);
    cm_sinh, "sinh", c_sinh;
    cm_tan, "tan", |z| via_i(z, c_tanh);
    cm_tanh, "tanh", c_tanh;
    cm_log10, "log10", |z| {
        let (r, e) = c_log(z);
        (c(r.re / std::f64::consts::LN_10, r.im / std::f64::consts::LN_10), e)
    };
}

fn cm_log(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "log", 1, 2)?;
    let x = complex_arg(vm, &a[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = a.get(1) {
        let base = complex_arg(vm, b)?;
        // As in CPython, the base's log and the division set errno anew.
        let (lb, eb) = c_log(base);
        let (q, eq) = quot(r, lb);
        r = q;
        e = if eq != Errno::Ok { eq } else { eb };
    }
    check(vm, e)?;
    Ok(complex_new(r.re, r.im))
}

fn cm_phase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = one_arg(vm, &args, "phase")?;
    Ok(new_float(c_atan2(z)))
}

fn cm_polar(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = one_arg(vm, &args, "polar")?;
    let phi = c_atan2(z);
    let (r, e) = c_abs(z);
    check(vm, e)?;
    Ok(new_tuple(vec![new_float(r), new_float(phi)]))
}

fn cm_rect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "rect", 2, 2)?;
    let r = float_arg(vm, &a[0])?;
    let phi = float_arg(vm, &a[1])?;
    let (z, e) = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let s = if r > 0.0 { 1.0 } else { -1.0 };
            c((s * f64::INFINITY).copysign(s * phi.cos()), (s * f64::INFINITY).copysign(s * phi.sin()))
        } else {
            let (re, im) = sv::RECT[class(r)][class(phi)];
            c(re, im)
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Domain } else { Errno::Ok };
        (z, e)
    } else if phi == 0.0 {
        (c(r, r * phi), Errno::Ok)
    } else {
        (c(r * phi.cos(), r * phi.sin()), Errno::Ok)
    };
    check(vm, e)?;
    Ok(complex_new(z.re, z.im))
}

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(C) -> bool) -> PyResult<Value> {
    let z = one_arg(vm, &args, name)?;
    Ok(bool_value(f(z)))
}

fn cm_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isfinite", |z| z.re.is_finite() && z.im.is_finite())
}

fn cm_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isinf", |z| z.re.is_infinite() || z.im.is_infinite())
}

fn cm_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isnan", |z| z.re.is_nan() || z.im.is_nan())
}

fn cm_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b, rel_tol, abs_tol) = crate::modules::math::isclose_args(vm, &args)?;
    let a = complex_arg(vm, &a)?;
    let b = complex_arg(vm, &b)?;
    if a.re == b.re && a.im == b.im {
        return Ok(bool_value(true));
    }
    if [a.re, a.im, b.re, b.im].iter().any(|x| x.is_infinite()) {
        return Ok(bool_value(false));
    }
    let diff = c_abs(c(a.re - b.re, a.im - b.im)).0;
    let close = crate::modules::math::within_tolerance(diff, c_abs(a).0, c_abs(b).0, rel_tol, abs_tol);
    Ok(bool_value(close))
}

pub fn make_cmath_module() -> PyRef<PyModule> {
    let m = PyModule::new("cmath");
    m.set_attr(
        "__doc__",
        crate::types::str::new_str("This module provides access to mathematical functions for complex\nnumbers."),
    );
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", cm_acos),
        ("acosh", cm_acosh),
        ("asin", cm_asin),
        ("asinh", cm_asinh),
        ("atan", cm_atan),
        ("atanh", cm_atanh),
        ("cos", cm_cos),
        ("cosh", cm_cosh),
        ("exp", cm_exp),
        ("isclose", cm_isclose),
        ("isfinite", cm_isfinite),
        ("isinf", cm_isinf),
        ("isnan", cm_isnan),
        ("log", cm_log),
        ("log10", cm_log10),
        ("phase", cm_phase),
        ("polar", cm_polar),
        ("rect", cm_rect),
        ("sin", cm_sin),
        ("sinh", cm_sinh),
        ("sqrt", cm_sqrt),
        ("tan", cm_tan),
        ("tanh", cm_tanh),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "cmath"));
    }
    m.set_attr("pi", new_float(PI));
    m.set_attr("e", new_float(E));
    m.set_attr("tau", new_float(std::f64::consts::TAU));
    m.set_attr("inf", new_float(f64::INFINITY));
    m.set_attr("infj", complex_new(0.0, f64::INFINITY));
    m.set_attr("nan", new_float(f64::NAN));
    m.set_attr("nanj", complex_new(0.0, f64::NAN));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_cuts_and_specials() {
        assert_eq!(c_sqrt(c(-1.0, 0.0)).0, c(0.0, 1.0));
        assert_eq!(c_sqrt(c(-1.0, -0.0)).0, c(0.0, -1.0));
        assert_eq!(c_log(c(0.0, 0.0)).1, Domain);
        assert_eq!(c_exp(c(1000.0, 0.0)).1, Range);
        assert_eq!(c_atan2(c(f64::NEG_INFINITY, f64::INFINITY)), 0.75 * PI);
        let (r, e) = c_sqrt(c(f64::NEG_INFINITY, f64::NAN));
        assert!(r.re.is_nan() && r.im.is_infinite() && e == Errno::Ok);
    }
}
