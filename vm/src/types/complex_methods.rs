//! Methods of `complex`.
//!
//! The arithmetic is CPython's (`Objects/complexobject.c`) operation by
//! operation, because the exact sequence of float operations decides
//! which results are `nan`/`inf` and which raise: products are computed
//! as written, quotients by Smith's method with the larger divisor part
//! as pivot, integer powers up to 100 by repeated squaring and others
//! through polar form, and any infinite power result is an
//! `OverflowError`. Operands may be complex, float or int; anything else
//! gives `NotImplemented`. Complex numbers are unordered: there are no
//! `__lt__`-style methods, so the protocol reports the TypeError.

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::object::PyRef;
use crate::protocol::hash::{hash_float, hash_pointer};
use crate::types::float::new_float;
use crate::types::float_methods::convert::{cmp_int_float, int_ref_to_f64};
use crate::types::float_methods::float_from_object;
use crate::types::float_methods::repr::float_repr_no_dot;
use crate::types::float_methods::text::strip_underscores;
use crate::types::int::int_from_i64;
use crate::types::int_methods::digits::{is_ascii_space, to_ascii_number};
use crate::types::int_methods::num_args::{binary_pair, noargs_self, ternary_args, unary_self};
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::small::{complex_new, PyComplex, COMPLEX_TYPE};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type C = (f64, f64);

/// CPython's `_PyHASH_IMAG`: the weight of the imaginary part's hash.
const HASH_IMAG: u64 = 1000003;

fn this(vm: &mut Vm, v: &Value) -> PyResult<C> {
    match v.downcast_ref::<PyComplex>() {
        Some(c) => Ok((c.re, c.im)),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(format!("descriptor requires a 'complex' object but received a '{t}'")))
        }
    }
}

/// An operand of complex arithmetic; `Ok(None)` for other types.
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(c) = v.downcast_ref::<PyComplex>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = v.as_float() {
        return Ok(Some((f, 0.0)));
    }
    match v.as_int() {
        Some(i) => match int_ref_to_f64(&i) {
            Some(f) => Ok(Some((f, 0.0))),
            None => Err(vm.new_overflow_error("int too large to convert to float")),
        },
        None => Ok(None),
    }
}

fn exact_complex(v: &Value, c: C) -> Value {
    if v.is_exact(COMPLEX_TYPE.get()) {
        v.clone()
    } else {
        complex_new(c.0, c.1)
    }
}

// ---- the arithmetic kernel (CPython's _Py_c_*) -------------------------------------------

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b`; `None` when `b` is zero.
fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one NaN in the divisor.
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** b` through polar form; `None` for zero to a negative or complex
/// power.
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: C, n: i64) -> Option<C> {
    if !(-100..=100).contains(&n) {
        c_pow(x, (n as f64, 0.0))
    } else if n > 0 {
        Some(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// `a ** b` with CPython's errors (also used by `float ** float` for a
/// negative base and a fractional exponent).
pub fn complex_pow(vm: &mut Vm, a: C, b: C) -> PyResult<C> {
    let n = b.0 as i64;
    let p = if b.1 == 0.0 && b.0 == n as f64 { c_powi(a, n) } else { c_pow(a, b) };
    match p {
        None => Err(vm.new_zero_division_error("0.0 to a negative or complex power")),
        Some(p) if p.0.is_infinite() || p.1.is_infinite() => Err(vm.new_overflow_error("complex exponentiation")),
        Some(p) => Ok(p),
    }
}

/// `abs(z)`; `None` if finite parts give an infinite result.
fn c_abs(z: C) -> Option<f64> {
    if !z.0.is_finite() || !z.1.is_finite() {
        return Some(if z.0.is_infinite() {
            z.0.abs()
        } else if z.1.is_infinite() {
            z.1.abs()
        } else {
            f64::NAN
        });
    }
    let r = z.0.hypot(z.1);
    r.is_finite().then_some(r)
}

// ---- methods ----------------------------------------------------------------------------

type ComplexOp = fn(&mut Vm, C, C) -> PyResult<Value>;

fn binop(vm: &mut Vm, args: Args<'_>, name: &str, op: ComplexOp, reflected: bool) -> PyResult<Value> {
    let (a, b) = binary_pair(vm, &args, name)?;
    let x = this(vm, a)?;
    let Some(y) = operand(vm, b)? else {
        return Ok(not_implemented());
    };
    if reflected {
        op(vm, y, x)
    } else {
        op(vm, x, y)
    }
}

fn op_add(_vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    Ok(complex_new(a.0 + b.0, a.1 + b.1))
}
fn op_sub(_vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    Ok(complex_new(a.0 - b.0, a.1 - b.1))
}
fn op_mul(_vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    let p = c_prod(a, b);
    Ok(complex_new(p.0, p.1))
}
fn op_truediv(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    match c_quot(a, b) {
        Some(q) => Ok(complex_new(q.0, q.1)),
        None => Err(vm.new_zero_division_error("complex division by zero")),
    }
}

reflected_binops! {
    complex_add, complex_radd, "__add__", "__radd__" => op_add;
    complex_sub, complex_rsub, "__sub__", "__rsub__" => op_sub;
    complex_mul, complex_rmul, "__mul__", "__rmul__" => op_mul;
    complex_truediv, complex_rtruediv, "__truediv__", "__rtruediv__" => op_truediv;
}

fn pow_impl(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let (a, b, m) = ternary_args(vm, &args, name)?;
    let x = this(vm, a)?;
    let Some(y) = operand(vm, b)? else {
        return Ok(not_implemented());
    };
    if m.is_some() {
        return Err(vm.new_value_error("complex modulo"));
    }
    let p = if reflected { complex_pow(vm, y, x)? } else { complex_pow(vm, x, y)? };
    Ok(complex_new(p.0, p.1))
}

fn complex_pow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pow_impl(vm, args, "__pow__", false)
}
fn complex_rpow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pow_impl(vm, args, "__rpow__", true)
}

/// `__eq__`/`__ne__`: exact against ints, floats and complex numbers.
fn equality(vm: &mut Vm, args: Args<'_>, name: &str, negate: bool) -> PyResult<Value> {
    let (a, b) = binary_pair(vm, &args, name)?;
    let z = this(vm, a)?;
    let eq = if let Some(c) = b.downcast_ref::<PyComplex>() {
        z.0 == c.re && z.1 == c.im
    } else if let Some(f) = b.as_float() {
        z.0 == f && z.1 == 0.0
    } else if let Some(i) = b.as_int() {
        z.1 == 0.0 && cmp_int_float(&i, z.0) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(not_implemented());
    };
    Ok(bool_value(eq != negate))
}

fn complex_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    equality(vm, args, "__eq__", false)
}
fn complex_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    equality(vm, args, "__ne__", true)
}

fn complex_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__neg__")?;
    let z = this(vm, v)?;
    Ok(complex_new(-z.0, -z.1))
}
fn complex_pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__pos__")?;
    let z = this(vm, v)?;
    Ok(exact_complex(v, z))
}
fn complex_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__abs__")?;
    let z = this(vm, v)?;
    match c_abs(z) {
        Some(r) => Ok(new_float(r)),
        None => Err(vm.new_overflow_error("absolute value too large")),
    }
}
fn complex_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__bool__")?;
    let z = this(vm, v)?;
    Ok(bool_value(z.0 != 0.0 || z.1 != 0.0))
}

fn complex_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__hash__")?;
    let z = this(vm, v)?;
    let part = |f: f64| {
        if f.is_nan() {
            hash_pointer(v.raw_word())
        } else {
            hash_float(f)
        }
    };
    let combined = (part(z.0) as u64).wrapping_add(HASH_IMAG.wrapping_mul(part(z.1) as u64)) as i64;
    Ok(int_from_i64(if combined == -1 { -2 } else { combined }))
}

/// `repr(z)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr_string(re: f64, im: f64) -> String {
    let im_s = float_repr_no_dot(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{im_s}j");
    }
    let sign = if im_s.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im_s}j)", float_repr_no_dot(re))
}

fn complex_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__repr__")?;
    let z = this(vm, v)?;
    Ok(new_str(complex_repr_string(z.0, z.1)))
}

fn complex_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__format__", 2)?;
    let Some(spec) = a[1].downcast_ref::<PyStr>() else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.as_str().is_empty() {
        return vm.str(&a[0]);
    }
    let z = this(vm, &a[0])?;
    let t = a[0].class().name().to_string();
    let s = crate::types::str_methods::format_spec::format_complex_named(vm, z.0, z.1, spec.as_str(), &t)?;
    Ok(new_str(s))
}

fn complex_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "complex.conjugate")?;
    let z = this(vm, v)?;
    Ok(complex_new(z.0, -z.1))
}

fn complex_complex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "complex.__complex__")?;
    let z = this(vm, v)?;
    Ok(exact_complex(v, z))
}

fn complex_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "complex.__getnewargs__")?;
    let z = this(vm, v)?;
    Ok(new_tuple(vec![new_float(z.0), new_float(z.1)]))
}

fn get_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(this(vm, v)?.0))
}
fn get_imag(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(this(vm, v)?.1))
}

// ---- construction ---------------------------------------------------------------------

/// The longest float literal at the start of `s` (CPython's
/// `PyOS_string_to_double` with an end pointer): its value and length.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+') | Some(b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(|b| b.to_ascii_lowercase()).collect();
    let special = if lower.starts_with(b"infinity") {
        Some(8)
    } else if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        Some(3)
    } else {
        None
    };
    let end = match special {
        Some(n) => i + n,
        None => {
            let mut j = i;
            let mut digits = 0;
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
                digits += 1;
            }
            if j < s.len() && s[j] == b'.' {
                j += 1;
                while j < s.len() && s[j].is_ascii_digit() {
                    j += 1;
                    digits += 1;
                }
            }
            if digits == 0 {
                return None;
            }
            // The exponent only counts when digits follow it.
            if j < s.len() && (s[j] == b'e' || s[j] == b'E') {
                let mut k = j + 1;
                if k < s.len() && (s[k] == b'+' || s[k] == b'-') {
                    k += 1;
                }
                let start = k;
                while k < s.len() && s[k].is_ascii_digit() {
                    k += 1;
                }
                if k > start {
                    j = k;
                }
            }
            j
        }
    };
    let v: f64 = std::str::from_utf8(&s[..end]).ok()?.parse().ok()?;
    Some((v, end))
}

/// A complex literal: `<float>`, `<float>j`, `<float><signed-float>j`,
/// also `<float><sign>j`, `<sign>j`, `j`; optional parentheses and
/// surrounding whitespace. `None` if malformed.
pub fn parse_complex(s: &[u8]) -> Option<C> {
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < s.len() && is_ascii_space(s[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j') | Some(b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, n)) = float_prefix(&s[i..]) {
        i += n;
        match s.get(i) {
            Some(b'+') | Some(b'-') => {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((w, m)) => {
                        y = w;
                        i += m;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(s.get(i)) {
                    return None;
                }
                i += 1;
            }
            b if is_j(b) => {
                y = z;
                i += 1;
            }
            _ => x = z,
        }
    } else {
        match s.get(i) {
            Some(b'+') => {
                y = 1.0;
                i += 1;
            }
            Some(b'-') => {
                y = -1.0;
                i += 1;
            }
            _ => y = 1.0,
        }
        if !is_j(s.get(i)) {
            return None;
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_space(&mut i);
    }
    (i == s.len()).then_some((x, y))
}

fn complex_from_str(vm: &mut Vm, v: &Value, s: &str) -> PyResult<C> {
    let ascii = to_ascii_number(s);
    let Some(clean) = strip_underscores(&ascii) else {
        let r = vm.repr_string(v)?;
        return Err(vm.new_value_error(format!("could not convert string to complex: {r}")));
    };
    match parse_complex(&clean) {
        Some(c) => Ok(c),
        None => Err(vm.new_value_error("complex() arg is a malformed string")),
    }
}

/// Whether `v` is a number `complex()` accepts (has `__float__` or
/// `__index__`, or is complex).
fn is_number(v: &Value) -> bool {
    v.is_small_int()
        || v.downcast_ref::<PyComplex>().is_some()
        || v.class().lookup("__float__").is_some()
        || v.class().lookup("__index__").is_some()
}

/// `complex.__new__(cls, real=0, imag=0)`, CPython's `complex_new_impl`.
fn complex_new_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first() else {
        return Err(vm.new_type_error("complex.__new__(): not enough arguments"));
    };
    let Some(cls) = cls.downcast::<PyType>() else {
        let t = cls.class().name();
        return Err(vm.new_type_error(format!("complex.__new__(X): X is not a type object ({t})")));
    };
    let rest = args.skip_self();
    if rest.len() > 2 {
        return Err(vm.new_type_error(format!("complex() takes at most 2 arguments ({} given)", rest.len())));
    }
    let mut slots = rest.bind(vm, "complex", &["real", "imag"], 0)?.into_iter();
    let r = slots.next().flatten();
    let i = slots.next().flatten();
    let exact_cls = cls.is(COMPLEX_TYPE.get());
    // A missing real part is the int 0 (so `complex(imag=1j) == -1`).
    let mut r = r.unwrap_or_else(|| int_from_i64(0));
    if exact_cls && i.is_none() && r.is_exact(COMPLEX_TYPE.get()) {
        return Ok(r);
    }
    if let Some(s) = r.downcast_ref::<PyStr>() {
        if i.is_some() {
            return Err(vm.new_type_error("complex() can't take second arg if first is a string"));
        }
        let s = s.as_str().to_string();
        let c = complex_from_str(vm, &r, &s)?;
        return new_complex_of_type(vm, &cls, c.0, c.1);
    }
    if let Some(iv) = &i {
        if iv.downcast_ref::<PyStr>().is_some() {
            return Err(vm.new_type_error("complex() second arg can't be a string"));
        }
    }
    if let Some(t) = vm.call_special(&r, "__complex__", &[])? {
        if t.downcast_ref::<PyComplex>().is_none() {
            let tn = t.class().name();
            return Err(vm.new_type_error(format!("__complex__ returned non-complex (type {tn})")));
        }
        r = t;
    }
    if !is_number(&r) {
        let t = r.class().name();
        return Err(vm.new_type_error(format!("complex() first argument must be a string or a number, not '{t}'")));
    }
    if let Some(iv) = &i {
        if !is_number(iv) {
            let t = iv.class().name();
            return Err(vm.new_type_error(format!("complex() second argument must be a number, not '{t}'")));
        }
    }
    let (cr, cr_is_complex) = match r.downcast_ref::<PyComplex>() {
        Some(c) => ((c.re, c.im), true),
        None => ((float_from_object(vm, &r)?, 0.0), false),
    };
    let (mut ci, ci_is_complex) = match &i {
        None => ((cr.1, 0.0), false),
        Some(iv) => match iv.downcast_ref::<PyComplex>() {
            Some(c) => ((c.re, c.im), true),
            None => ((float_from_object(vm, iv)?, 0.0), false),
        },
    };
    let mut re = cr.0;
    if ci_is_complex {
        re -= ci.1;
    }
    if cr_is_complex && i.is_some() {
        ci.0 += cr.1;
    }
    new_complex_of_type(vm, &cls, re, ci.0)
}

/// A complex of type `cls` (a subclass of `complex`).
pub fn new_complex_of_type(vm: &mut Vm, cls: &PyRef<PyType>, re: f64, im: f64) -> PyResult<Value> {
    if cls.is(COMPLEX_TYPE.get()) {
        return Ok(complex_new(re, im));
    }
    if !cls.is_subtype(COMPLEX_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("complex.__new__({n}): {n} is not a subtype of complex")));
    }
    Ok(PyRef::new_with_type(PyComplex { re, im }, cls).into_value())
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.complex;
    add_method_kind(t, "__new__", complex_new_m, MethodKind::Static);
    add_methods(t, BINOPS);
    add_methods(
        t,
        &[
            ("__pow__", complex_pow_m),
            ("__rpow__", complex_rpow),
            ("__eq__", complex_eq),
            ("__ne__", complex_ne),
            ("__neg__", complex_neg),
            ("__pos__", complex_pos),
            ("__abs__", complex_abs),
            ("__bool__", complex_bool),
            ("__hash__", complex_hash),
            ("__repr__", complex_repr),
            ("__format__", complex_format),
            ("__complex__", complex_complex),
            ("__getnewargs__", complex_getnewargs),
            ("conjugate", complex_conjugate),
        ],
    );
    add_getset(t, "real", get_real, None);
    add_getset(t, "imag", get_imag, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_literals() {
        assert_eq!(parse_complex(b"1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(b"-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex(b"j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex(b" 3.5 "), Some((3.5, 0.0)));
        assert_eq!(parse_complex(b" ( 1+2j ) "), Some((1.0, 2.0)));
        assert_eq!(parse_complex(b"1e3j"), Some((0.0, 1000.0)));
        assert_eq!(parse_complex(b"1-j"), Some((1.0, -1.0)));
        assert_eq!(parse_complex(b"(1)"), Some((1.0, 0.0)));
        assert!(parse_complex(b"-inf+infj").is_some_and(|c| c.0 == f64::NEG_INFINITY && c.1 == f64::INFINITY));
        for bad in [&b"1+"[..], b"()", b"1+1j)", b"", b"1e", b"j1", b"1+2"] {
            assert_eq!(parse_complex(bad), None, "{:?}", std::str::from_utf8(bad));
        }
    }

    #[test]
    fn reprs() {
        assert_eq!(complex_repr_string(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr_string(0.0, 1.0), "1j");
        assert_eq!(complex_repr_string(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr_string(0.0, 0.0), "0j");
        assert_eq!(complex_repr_string(f64::NAN, 1.0), "(nan+1j)");
        assert_eq!(complex_repr_string(1e16, -1e-5), "(1e+16-1e-05j)");
    }

    #[test]
    fn kernel() {
        assert_eq!(c_quot((1.0, 2.0), (0.0, 0.0)), None);
        assert_eq!(c_powu((1.0, 2.0), 3), (-11.0, -2.0));
        assert_eq!(c_powi((0.0, 0.0), -1), None);
        assert_eq!(c_abs((3.0, 4.0)), Some(5.0));
        assert_eq!(c_abs((1e308, 1e308)), Some(1e308f64.hypot(1e308)));
    }
}
