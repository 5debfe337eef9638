//! Methods of `float`.
//!
//! Operands may be floats or ints (converted exactly when possible,
//! `OverflowError` "int too large to convert to float" otherwise); any
//! other operand gives `NotImplemented`. Comparisons with ints are exact,
//! never through a rounded conversion. Division-like operations use
//! CPython's algorithms and messages (`float_divmod`, `float_rem`,
//! `float_pow`), so signs of zeros and remainders match.

pub mod convert;
pub mod repr;
pub mod text;

use std::cmp::Ordering;

use num_bigint::BigInt;
use skein_compiler::bytecode::CompareOp;

use crate::builtins::numeric::{float_divmod, float_to_int, round_float};
use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind, NativeFn};
use crate::object::PyRef;
use crate::protocol::hash::{hash_float, hash_pointer};
use crate::types::exceptions::{exc, new_exception};
use crate::types::float::{new_float, PyFloat, FLOAT_TYPE};
use crate::types::float_methods::convert::{cmp_int_float, float_parts, int_ref_to_f64};
use crate::types::float_methods::repr::float_repr;
use crate::types::float_methods::text::{float_fromhex, float_hex, parse_float, FromHexError};
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::int_methods::digits::to_ascii_number;
use crate::types::int_methods::num_args::{binary_pair, noargs_self, self_and_optional, ternary_args, unary_self};
use crate::types::int_methods::ordering_matches;
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::small::{PyByteArray, PyBytes};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The receiver of a `float` method.
fn this(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v.as_float() {
        Some(f) => Ok(f),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(format!("descriptor requires a 'float' object but received a '{t}'")))
        }
    }
}

/// An operand of float arithmetic: `Ok(None)` for types float does not
/// handle.
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = v.as_float() {
        return Ok(Some(f));
    }
    match v.as_int() {
        Some(i) => match int_ref_to_f64(&i) {
            Some(f) => Ok(Some(f)),
            None => Err(vm.new_overflow_error("int too large to convert to float")),
        },
        None => Ok(None),
    }
}

/// A float that is exactly a `float` (subclass instances are copied).
fn exact_float(v: &Value, f: f64) -> Value {
    if v.is_exact(FLOAT_TYPE.get()) {
        v.clone()
    } else {
        new_float(f)
    }
}

// ---- arithmetic ----------------------------------------------------------------------

type FloatOp = fn(&mut Vm, f64, f64) -> PyResult<Value>;

fn binop(vm: &mut Vm, args: Args<'_>, name: &str, op: FloatOp, reflected: bool) -> PyResult<Value> {
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

fn op_add(_vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    Ok(new_float(x + y))
}
fn op_sub(_vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    Ok(new_float(x - y))
}
fn op_mul(_vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    Ok(new_float(x * y))
}
fn op_truediv(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float division by zero"));
    }
    Ok(new_float(x / y))
}
fn op_floordiv(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float floor division by zero"));
    }
    Ok(new_float(float_divmod(x, y).0))
}
fn op_mod(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float modulo"));
    }
    Ok(new_float(float_divmod(x, y).1))
}
fn op_divmod(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod(x, y);
    Ok(new_tuple(vec![new_float(q), new_float(r)]))
}

/// Whether `w` is an odd integer (for signs of powers).
fn is_odd_integer(w: f64) -> bool {
    w.is_finite() && w.fract() == 0.0 && (w / 2.0).fract() != 0.0
}

/// `OverflowError(34, 'Numerical result out of range')`, the errno-style
/// error CPython raises when `pow` overflows.
fn range_error(vm: &mut Vm) -> PyErr {
    let args = vec![int_from_i64(34), new_str("Numerical result out of range")];
    let _ = vm;
    PyErr(new_exception(&exc().overflow_error, args))
}

/// `x ** y` for floats: CPython's `float_pow`, special cases first so the
/// results do not depend on the C library. A negative base with a
/// non-integer exponent gives a complex result.
pub fn float_pow(vm: &mut Vm, iv: f64, iw: f64) -> PyResult<Value> {
    if iw == 0.0 {
        return Ok(new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(new_float(iv));
    }
    if iw.is_nan() {
        return Ok(new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(new_float(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(new_float(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(new_float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            let (re, im) = crate::types::complex_methods::complex_pow(vm, (iv, 0.0), (iw, 0.0))?;
            return Ok(crate::types::small::complex_new(re, im));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(new_float(if negate { -r } else { r }))
}

fn pow_impl(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let (a, b, m) = ternary_args(vm, &args, name)?;
    let x = this(vm, a)?;
    let Some(y) = operand(vm, b)? else {
        return Ok(not_implemented());
    };
    if m.is_some() {
        return Err(vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    if reflected {
        float_pow(vm, y, x)
    } else {
        float_pow(vm, x, y)
    }
}

fn float_pow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pow_impl(vm, args, "__pow__", false)
}
fn float_rpow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pow_impl(vm, args, "__rpow__", true)
}

reflected_binops! {
    float_add, float_radd, "__add__", "__radd__" => op_add;
    float_sub, float_rsub, "__sub__", "__rsub__" => op_sub;
    float_mul, float_rmul, "__mul__", "__rmul__" => op_mul;
    float_truediv, float_rtruediv, "__truediv__", "__rtruediv__" => op_truediv;
    float_floordiv, float_rfloordiv, "__floordiv__", "__rfloordiv__" => op_floordiv;
    float_mod, float_rmod, "__mod__", "__rmod__" => op_mod;
    float_divmod_m, float_rdivmod, "__divmod__", "__rdivmod__" => op_divmod;
}

// ---- comparisons ---------------------------------------------------------------------

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let (a, b) = binary_pair(vm, &args, name)?;
    let x = this(vm, a)?;
    let ord = if let Some(y) = b.as_float() {
        x.partial_cmp(&y)
    } else if let Some(i) = b.as_int() {
        cmp_int_float(&i, x).map(Ordering::reverse)
    } else {
        return Ok(not_implemented());
    };
    // NaN is unordered: only `!=` holds.
    Ok(bool_value(match ord {
        Some(o) => ordering_matches(op, o),
        None => op == CompareOp::Ne,
    }))
}

fn float_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}
fn float_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}
fn float_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}
fn float_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}
fn float_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}
fn float_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

// ---- unary operations and conversions ------------------------------------------------

fn float_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__neg__")?;
    Ok(new_float(-this(vm, v)?))
}
fn float_pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__pos__")?;
    let f = this(vm, v)?;
    Ok(exact_float(v, f))
}
fn float_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__abs__")?;
    Ok(new_float(this(vm, v)?.abs()))
}
fn float_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__bool__")?;
    Ok(bool_value(this(vm, v)? != 0.0))
}
fn float_float(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__float__")?;
    let f = this(vm, v)?;
    Ok(exact_float(v, f))
}
fn float_int(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__int__")?;
    let f = this(vm, v)?;
    float_to_int(vm, f)
}
fn float_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.__trunc__")?;
    let f = this(vm, v)?;
    float_to_int(vm, f)
}
fn float_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.__floor__")?;
    let f = this(vm, v)?;
    float_to_int(vm, f.floor())
}
fn float_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.__ceil__")?;
    let f = this(vm, v)?;
    float_to_int(vm, f.ceil())
}
fn float_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, nd) = self_and_optional(vm, &args, "__round__")?;
    let f = this(vm, v)?;
    round_float(vm, f, nd)
}

fn float_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__hash__")?;
    let f = this(vm, v)?;
    // Since 3.10 a NaN hashes by identity, like an object without __hash__.
    Ok(int_from_i64(if f.is_nan() { hash_pointer(v.raw_word()) } else { hash_float(f) }))
}

fn float_repr_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = unary_self(vm, &args, "__repr__")?;
    Ok(new_str(float_repr(this(vm, v)?)))
}

fn float_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__format__", 2)?;
    let Some(spec) = a[1].downcast_ref::<PyStr>() else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.as_str().is_empty() {
        return vm.str(&a[0]);
    }
    let x = this(vm, &a[0])?;
    let t = a[0].class().name().to_string();
    let s = crate::types::str_methods::format_spec::format_float_named(vm, x, spec.as_str(), &t)?;
    Ok(new_str(s))
}

fn float_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.__getnewargs__")?;
    let f = this(vm, v)?;
    Ok(new_tuple(vec![new_float(f)]))
}

// ---- named methods -------------------------------------------------------------------

fn float_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.is_integer")?;
    let f = this(vm, v)?;
    Ok(bool_value(f.is_finite() && f == f.floor()))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.as_integer_ratio")?;
    let f = this(vm, v)?;
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = float_parts(f);
    let mut num = BigInt::from(m);
    let mut den = BigInt::from(1);
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    if f < 0.0 {
        num = -num;
    }
    Ok(new_tuple(vec![int_from_bigint(num), int_from_bigint(den)]))
}

fn float_hex_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.hex")?;
    Ok(new_str(float_hex(this(vm, v)?)))
}

/// A float result of a class method: `cls(value)` for subclasses.
fn of_class(vm: &mut Vm, cls: &Value, f: f64) -> PyResult<Value> {
    if cls.is(&FLOAT_TYPE.get().to_value()) {
        return Ok(new_float(f));
    }
    vm.call(cls, &[new_float(f)])
}

fn float_fromhex_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "fromhex", 2)?;
    let Some(s) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("bad argument type for built-in operation"));
    };
    let ascii = to_ascii_number(s.as_str());
    match float_fromhex(&ascii) {
        Ok(f) => of_class(vm, &a[0], f),
        Err(FromHexError::Invalid) => Err(vm.new_value_error("invalid hexadecimal floating-point string")),
        Err(FromHexError::Overflow) => {
            Err(vm.new_overflow_error("hexadecimal value too large to represent as a float"))
        }
    }
}

fn float_getformat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__getformat__", 2)?;
    match a[1].downcast_ref::<PyStr>() {
        Some(s) if s.as_str() == "double" || s.as_str() == "float" => Ok(new_str("IEEE, little-endian")),
        Some(_) => Err(vm.new_value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => {
            let t = a[1].class().name();
            Err(vm.new_type_error(format!("__getformat__() argument must be str, not {t}")))
        }
    }
}

fn float_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = noargs_self(vm, &args, "float.conjugate")?;
    let f = this(vm, v)?;
    Ok(exact_float(v, f))
}

fn get_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = this(vm, v)?;
    Ok(exact_float(v, f))
}
fn get_imag(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?;
    Ok(new_float(0.0))
}

// ---- construction --------------------------------------------------------------------

/// `float(text)` for `str`, `bytes` and `bytearray`; `Ok(None)` for other
/// types.
pub fn float_from_text(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    let ascii = if let Some(s) = v.downcast_ref::<PyStr>() {
        to_ascii_number(s.as_str())
    } else if let Some(b) = v.downcast_ref::<PyBytes>() {
        b.data.to_vec()
    } else if let Some(b) = v.downcast_ref::<PyByteArray>() {
        b.data.lock().clone()
    } else {
        return Ok(None);
    };
    match parse_float(&ascii) {
        Some(f) => Ok(Some(f)),
        None => {
            let r = vm.repr_string(v)?;
            Err(vm.new_value_error(format!("could not convert string to float: {r}")))
        }
    }
}

/// `float(v)`: CPython's `PyNumber_Float` (`__float__`, then
/// `__index__`, then text).
pub fn float_from_object(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        if v.is_exact(FLOAT_TYPE.get()) {
            return Ok(f);
        }
    }
    if let Some(i) = v.as_int() {
        if v.is_small_int() || !v.class().is_heap_type() {
            return match int_ref_to_f64(&i) {
                Some(f) => Ok(f),
                None => Err(vm.new_overflow_error("int too large to convert to float")),
            };
        }
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        return match r.as_float() {
            Some(f) => Ok(f),
            None => {
                let (t, rt) = (v.class().name(), r.class().name());
                Err(vm.new_type_error(format!("{t}.__float__ returned non-float (type {rt})")))
            }
        };
    }
    if v.class().lookup("__index__").is_some() {
        let i = vm.index(v)?;
        if let Some(i) = i.as_int() {
            return match int_ref_to_f64(&i) {
                Some(f) => Ok(f),
                None => Err(vm.new_overflow_error("int too large to convert to float")),
            };
        }
    }
    if let Some(f) = float_from_text(vm, v)? {
        return Ok(f);
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("float() argument must be a string or a real number, not '{t}'")))
}

/// `float.__new__(cls, x=0.0, /)`.
fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first() else {
        return Err(vm.new_type_error("float.__new__(): not enough arguments"));
    };
    let Some(cls) = cls.downcast::<PyType>() else {
        let t = cls.class().name();
        return Err(vm.new_type_error(format!("float.__new__(X): X is not a type object ({t})")));
    };
    let rest = args.skip_self();
    rest.no_kwargs(vm, "float")?;
    let f = match rest.pos.len() {
        0 => 0.0,
        1 => float_from_object(vm, &rest.pos[0])?,
        n => return Err(vm.new_type_error(format!("float expected at most 1 argument, got {n}"))),
    };
    new_float_of_type(vm, &cls, f)
}

/// A float of type `cls` (a subclass of `float`).
pub fn new_float_of_type(vm: &mut Vm, cls: &PyRef<PyType>, f: f64) -> PyResult<Value> {
    if cls.is(FLOAT_TYPE.get()) {
        return Ok(new_float(f));
    }
    if !cls.is_subtype(FLOAT_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("float.__new__({n}): {n} is not a subtype of float")));
    }
    Ok(PyRef::new_with_type(PyFloat(f), cls).into_value())
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.float;
    add_method_kind(t, "__new__", float_new, MethodKind::Static);
    add_methods(t, BINOPS);
    add_methods(
        t,
        &[
            ("__pow__", float_pow_m),
            ("__rpow__", float_rpow),
            ("__lt__", float_lt),
            ("__le__", float_le),
            ("__eq__", float_eq),
            ("__ne__", float_ne),
            ("__gt__", float_gt),
            ("__ge__", float_ge),
            ("__neg__", float_neg),
            ("__pos__", float_pos),
            ("__abs__", float_abs),
            ("__bool__", float_bool),
            ("__float__", float_float),
            ("__int__", float_int),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__round__", float_round),
            ("__hash__", float_hash),
            ("__repr__", float_repr_m),
            ("__format__", float_format),
            ("__getnewargs__", float_getnewargs),
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex_m),
            ("conjugate", float_conjugate),
        ],
    );
    add_method_kind(t, "fromhex", float_fromhex_m, MethodKind::Class);
    add_method_kind(t, "__getformat__", float_getformat, MethodKind::Class);
    add_getset(t, "real", get_real, None);
    add_getset(t, "imag", get_imag, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_integers() {
        assert!(is_odd_integer(3.0));
        assert!(is_odd_integer(-1.0));
        assert!(!is_odd_integer(2.0));
        assert!(!is_odd_integer(2.5));
        assert!(!is_odd_integer(1e300));
        assert!(!is_odd_integer(f64::INFINITY));
    }
}
