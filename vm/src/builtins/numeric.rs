//! Numeric builtins: `abs`, `bin`, `oct`, `hex`, `divmod`, `pow`, `round`,
//! `sum`, `min`, `max`, and the conversions to and from `f64` that `math`,
//! `time` and `sys` share (`float_arg`, `float_to_int`).
//!
//! Exact builtin `int`/`float` operands take direct paths; anything else goes
//! through the special methods (`__abs__`, `__divmod__`, `__round__`, ...)
//! with CPython's reflected-operand rules and error messages.
//!
//! `round(float, n)` is exact: the float's binary value is scaled by `10**n`
//! with big integers, rounded half-to-even, and the decimal result parsed
//! back (correctly rounded), which is what CPython's dtoa-based
//! `double_round` computes.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};
use skein_compiler::bytecode::{BinaryOp, CompareOp};

use crate::builtins::{builtin_base_name, missing_arg, not_none, take_kwargs};
use crate::function::args::Args;
use crate::types::float::{new_float, FLOAT_TYPE};
use crate::types::int::{int_from_bigint, int_from_i64, IntRef};
use crate::types::str::PyStr;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ---- conversions ---------------------------------------------------------------

/// An integer as an `f64`, correctly rounded; `OverflowError` if too big.
pub fn int_to_f64(vm: &mut Vm, i: &IntRef<'_>) -> PyResult<f64> {
    match i {
        IntRef::Small(x) => Ok(*x as f64),
        IntRef::Big(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                return Err(vm.new_overflow_error("int too large to convert to float"));
            }
            Ok(f)
        }
    }
}

/// A "real number" argument as an `f64` (CPython's `PyFloat_AsDouble`):
/// floats, ints, objects with `__float__` or `__index__`.
pub fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = v.as_int() {
        return int_to_f64(vm, &i);
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
            return int_to_f64(vm, &i);
        }
    }
    let t = v.class().name();
    Err(vm.new_type_error(format!("must be real number, not {t}")))
}

/// The integer part of a float as an `int`, with CPython's errors for
/// infinities and NaN.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(int_from_i64(t as i64));
    }
    Ok(int_from_bigint(BigInt::from_f64(t).unwrap_or_default()))
}

/// An `int` argument as a `BigInt` via `__index__`.
pub fn index_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        return Ok(i.to_bigint());
    }
    let r = vm.index(v)?;
    Ok(r.as_int().map(|i| i.to_bigint()).unwrap_or_default())
}

/// An `int` argument via `__index__`, clamped to `i64` (as CPython's
/// `PyNumber_AsSsize_t(o, NULL)` clamps).
pub fn index_clamped(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let b = index_bigint(vm, v)?;
    Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

fn is_exact_float(v: &Value) -> bool {
    v.is_exact(FLOAT_TYPE.get())
}

/// An int or float of a builtin (not user-defined) type.
fn builtin_real(v: &Value) -> bool {
    !v.class().is_heap_type() && (v.as_int().is_some() || v.as_float().is_some())
}

// ---- abs, bin, oct, hex ------------------------------------------------------------

/// `abs(x)`.
pub fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "abs", 1)?;
    let v = &a[0];
    if let Some(i) = v.as_small_int() {
        return Ok(int_from_i64(i.abs()));
    }
    if !v.class().is_heap_type() {
        if let Some(f) = v.as_float() {
            return Ok(new_float(f.abs()));
        }
        if let Some(i) = v.as_int() {
            return Ok(int_from_bigint(i.to_bigint().abs()));
        }
    }
    match vm.call_special(v, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(format!("bad operand type for abs(): '{t}'")))
        }
    }
}

fn radix_string(vm: &mut Vm, v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let b = index_bigint(vm, v)?;
    let digits = b.magnitude().to_str_radix(radix);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(crate::types::str::new_str(format!("{sign}{prefix}{digits}")))
}

/// `bin(x)`.
pub fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "bin", 1)?;
    radix_string(vm, &a[0], 2, "0b")
}

/// `oct(x)`.
pub fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "oct", 1)?;
    radix_string(vm, &a[0], 8, "0o")
}

/// `hex(x)`.
pub fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "hex", 1)?;
    radix_string(vm, &a[0], 16, "0x")
}

// ---- divmod --------------------------------------------------------------------

/// CPython's `float_divmod` (the sign of the remainder follows the divisor).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Dispatches a binary special method pair with the reflected operand
/// first when its type is a proper subclass; `None` if both decline.
fn binary_special(vm: &mut Vm, a: &Value, b: &Value, name: &str, rname: &str) -> PyResult<Option<Value>> {
    let ta = a.class_ref();
    let tb = b.class_ref();
    let same = ta.is(&tb);
    let fa = ta.lookup(name);
    let fb = if same { None } else { tb.lookup(rname) };
    let mut fb_done = false;
    if let Some(fbv) = &fb {
        if tb.is_subtype(&ta) && !fa.as_ref().is_some_and(|f| f.is(fbv)) {
            fb_done = true;
            let r = vm.call_unbound(fbv, b, &[b.clone(), a.clone()])?;
            if !r.is_not_implemented() {
                return Ok(Some(r));
            }
        }
    }
    if let Some(f) = fa {
        let r = vm.call_unbound(&f, a, &[a.clone(), b.clone()])?;
        if !r.is_not_implemented() {
            return Ok(Some(r));
        }
    }
    if !fb_done {
        if let Some(f) = fb {
            let r = vm.call_unbound(&f, b, &[b.clone(), a.clone()])?;
            if !r.is_not_implemented() {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// `divmod(a, b)` for two builtin ints.
pub fn int_divmod(vm: &mut Vm, x: &IntRef<'_>, y: &IntRef<'_>) -> PyResult<Value> {
    if let (IntRef::Small(a), IntRef::Small(b)) = (x, y) {
        if *b == 0 {
            return Err(vm.new_zero_division_error("integer division or modulo by zero"));
        }
        // Tagged ints have 63 bits, so `MIN / -1` cannot overflow i64.
        let (q, r) = a.div_mod_floor(b);
        return Ok(new_tuple(vec![int_from_i64(q), int_from_i64(r)]));
    }
    let (a, b) = (x.to_bigint(), y.to_bigint());
    if b.is_zero() {
        return Err(vm.new_zero_division_error("integer division or modulo by zero"));
    }
    let (q, r) = a.div_mod_floor(&b);
    Ok(new_tuple(vec![int_from_bigint(q), int_from_bigint(r)]))
}

/// `divmod(a, b)`.
pub fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "divmod", 2)?;
    let (x, y) = (&a[0], &a[1]);
    if builtin_real(x) && builtin_real(y) {
        if let (Some(i), Some(j)) = (x.as_int(), y.as_int()) {
            return int_divmod(vm, &i, &j);
        }
        let fx = float_arg(vm, x)?;
        let fy = float_arg(vm, y)?;
        if fy == 0.0 {
            return Err(vm.new_zero_division_error("float divmod()"));
        }
        let (q, r) = float_divmod(fx, fy);
        return Ok(new_tuple(vec![new_float(q), new_float(r)]));
    }
    match binary_special(vm, x, y, "__divmod__", "__rdivmod__")? {
        Some(r) => Ok(r),
        None => {
            let (tx, ty) = (x.class().name(), y.class().name());
            Err(vm.new_type_error(format!("unsupported operand type(s) for divmod(): '{tx}' and '{ty}'")))
        }
    }
}

// ---- pow -------------------------------------------------------------------------

/// `pow(base, exp, mod)` for ints, with CPython's errors and sign rules
/// (a negative exponent uses the modular inverse).
pub fn int_modpow(vm: &mut Vm, base: BigInt, exp: BigInt, modulus: BigInt) -> PyResult<Value> {
    if modulus.is_zero() {
        return Err(vm.new_value_error("pow() 3rd argument cannot be 0"));
    }
    let negative_mod = modulus.is_negative();
    let m = modulus.abs();
    if m.is_one() {
        return Ok(int_from_i64(0));
    }
    let mut b = base.mod_floor(&m);
    let mut e = exp;
    if e.is_negative() {
        match b.modinv(&m) {
            Some(inv) => b = inv,
            None => return Err(vm.new_value_error("base is not invertible for the given modulus")),
        }
        e = -e;
    }
    let mut r = b.modpow(&e, &m);
    if negative_mod && !r.is_zero() {
        r -= &m;
    }
    Ok(int_from_bigint(r))
}

/// `pow(base, exp[, mod])`.
pub fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.bind(vm, "pow", &["base", "exp", "mod"], 0)?;
    let mut s = s.into_iter();
    let base = s.next().flatten();
    let exp = s.next().flatten();
    let modulus = not_none(s.next().flatten());
    let Some(base) = base else {
        return Err(missing_arg(vm, "pow", "base", 1));
    };
    let Some(exp) = exp else {
        return Err(missing_arg(vm, "pow", "exp", 2));
    };
    match modulus {
        None => vm.binary_op(&base, &exp, BinaryOp::Power),
        Some(m) => ternary_pow(vm, &base, &exp, &m),
    }
}

/// The numeric family whose `nb_power` slot a builtin value's type uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PowKind {
    Int,
    Float,
    Complex,
    Other,
}

fn pow_kind(v: &Value) -> PowKind {
    if v.as_int().is_some() {
        PowKind::Int
    } else if v.as_float().is_some() {
        PowKind::Float
    } else if builtin_base_name(v) == "complex" {
        PowKind::Complex
    } else {
        PowKind::Other
    }
}

/// `pow(base, exp, mod)` with CPython's `ternary_op` order: the slots of
/// the distinct types of base, exp and mod, in that order. A class's
/// Python `__pow__` is only ever called on the base (`slot_nb_power`).
fn ternary_pow(vm: &mut Vm, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    let operands = [base, exp, m];
    let mut seen: Vec<&crate::types::type_::PyType> = Vec::with_capacity(3);
    for v in operands {
        let t = v.class();
        if seen.iter().any(|s| std::ptr::eq(*s, t)) {
            continue;
        }
        seen.push(t);
        if t.is_heap_type() {
            if let Some(f) = t.lookup("__pow__") {
                if f.downcast_ref::<crate::function::native::PyMethodDescriptor>().is_none() {
                    if std::ptr::eq(t, base.class()) {
                        let r = vm.call_unbound(&f, base, &[base.clone(), exp.clone(), m.clone()])?;
                        if !r.is_not_implemented() {
                            return Ok(r);
                        }
                    }
                    continue;
                }
            }
        }
        let (kb, ke) = (pow_kind(base), pow_kind(exp));
        match pow_kind(v) {
            PowKind::Int => {
                if let (Some(b), Some(e), Some(mo)) = (base.as_int(), exp.as_int(), m.as_int()) {
                    let (b, e, mo) = (b.to_bigint(), e.to_bigint(), mo.to_bigint());
                    return int_modpow(vm, b, e, mo);
                }
            }
            PowKind::Float => {
                // `float.__pow__` rejects any modulus before looking at the
                // other operands.
                return Err(vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            PowKind::Complex => {
                if kb != PowKind::Other && ke != PowKind::Other {
                    return Err(vm.new_value_error("complex modulo"));
                }
            }
            PowKind::Other => {}
        }
    }
    let (a, b, c) = (base.class().name(), exp.class().name(), m.class().name());
    Err(vm.new_type_error(format!("unsupported operand type(s) for ** or pow(): '{a}', '{b}', '{c}'")))
}

// ---- round -------------------------------------------------------------------------

/// `round(number[, ndigits])`.
pub fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.bind(vm, "round", &["number", "ndigits"], 0)?;
    let mut s = s.into_iter();
    let Some(number) = s.next().flatten() else {
        return Err(missing_arg(vm, "round", "number", 1));
    };
    let ndigits = not_none(s.next().flatten());
    if !number.class().is_heap_type() {
        if let Some(f) = number.as_float() {
            return round_float(vm, f, ndigits.as_ref());
        }
        if let Some(i) = number.as_int() {
            let b = i.to_bigint();
            return round_int(vm, b, ndigits.as_ref());
        }
    }
    let r = match &ndigits {
        None => vm.call_special(&number, "__round__", &[])?,
        Some(n) => vm.call_special(&number, "__round__", std::slice::from_ref(n))?,
    };
    if let Some(r) = r {
        return Ok(r);
    }
    if let Some(f) = number.as_float() {
        return round_float(vm, f, ndigits.as_ref());
    }
    if let Some(i) = number.as_int() {
        let b = i.to_bigint();
        return round_int(vm, b, ndigits.as_ref());
    }
    let t = number.class().name();
    Err(vm.new_type_error(format!("type {t} doesn't define __round__ method")))
}

/// `int.__round__(x, ndigits)`: half-to-even at the `10**-ndigits` place.
pub fn round_int(vm: &mut Vm, x: BigInt, ndigits: Option<&Value>) -> PyResult<Value> {
    let Some(nd) = ndigits else {
        return Ok(int_from_bigint(x));
    };
    let n = index_clamped(vm, nd)?;
    if n >= 0 {
        return Ok(int_from_bigint(x));
    }
    let k = n.unsigned_abs();
    // |x| < 10**digits, so for k > digits the result is 0.
    let digits = (x.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 1;
    if k > digits {
        return Ok(int_from_i64(0));
    }
    let p = BigInt::from(10u32).pow(k as u32);
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = r << 1usize;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    Ok(int_from_bigint(q * p))
}

/// `float.__round__(x, ndigits)`.
pub fn round_float(vm: &mut Vm, x: f64, ndigits: Option<&Value>) -> PyResult<Value> {
    let Some(nd) = ndigits else {
        return float_to_int(vm, x.round_ties_even());
    };
    let n = index_clamped(vm, nd)?;
    if !x.is_finite() || x == 0.0 || n > 323 {
        return Ok(new_float(x));
    }
    if n < -308 {
        return Ok(new_float(0.0 * x));
    }
    match round_decimal(x, n) {
        Some(y) => Ok(new_float(y)),
        None => Err(vm.new_overflow_error("rounded value too large to represent")),
    }
}

/// Rounds finite non-zero `x` half-to-even to `n` decimal places exactly;
/// `None` if the result overflows.
fn round_decimal(x: f64, n: i64) -> Option<f64> {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_bits - 1075) };
    // |x| = m * 2**e exactly; compute |x| * 10**n as num / den.
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let ten = BigInt::from(10u32);
    if n >= 0 {
        num *= ten.pow(n as u32);
    } else {
        den *= ten.pow((-n) as u32);
    }
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q += 1,
        std::cmp::Ordering::Equal if q.is_odd() => q += 1,
        _ => {}
    }
    let y: f64 = format!("{q}e{}", -n).parse().ok()?;
    if y.is_infinite() {
        return None;
    }
    Some(if negative { -y } else { y })
}

// ---- sum -----------------------------------------------------------------------------

/// `sum(iterable, /, start=0)`.
pub fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let total = args.len();
    if total > 2 {
        return Err(vm.new_type_error(format!("sum() takes at most 2 arguments ({total} given)")));
    }
    if args.pos.is_empty() {
        return Err(vm.new_type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    let [kw_start] = take_kwargs(vm, &args, "sum", ["start"])?;
    if kw_start.is_some() && args.pos.len() == 2 {
        return Err(vm.new_type_error("argument for sum() given by name ('start') and position (2)"));
    }
    let start = args.pos.get(1).cloned().or(kw_start).unwrap_or_else(|| int_from_i64(0));
    if start.downcast_ref::<PyStr>().is_some() {
        return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    match builtin_base_name(&start).as_str() {
        "bytes" => return Err(vm.new_type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        "bytearray" => return Err(vm.new_type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = vm.iter(&args.pos[0])?;
    sum_iter(vm, &it, start)
}

/// The running total of `sum`: machine ints and floats stay unboxed.
enum Acc {
    Int(i64),
    Float(f64),
    Obj(Value),
}

fn sum_iter(vm: &mut Vm, it: &Value, start: Value) -> PyResult<Value> {
    let mut acc = match (start.as_small_int(), is_exact_float(&start)) {
        (Some(i), _) => Acc::Int(i),
        (None, true) => Acc::Float(start.as_float().unwrap_or(0.0)),
        _ => Acc::Obj(start),
    };
    loop {
        let Some(x) = vm.next(it)? else { break };
        acc = match acc {
            Acc::Int(a) => match x.as_small_int() {
                Some(b) => match a.checked_add(b) {
                    Some(s) => Acc::Int(s),
                    None => Acc::Obj(int_from_bigint(BigInt::from(a) + b)),
                },
                None if is_exact_float(&x) => Acc::Float(a as f64 + x.as_float().unwrap_or(0.0)),
                None => Acc::Obj(vm.binary_op(&int_from_i64(a), &x, BinaryOp::Add)?),
            },
            Acc::Float(a) => {
                if is_exact_float(&x) {
                    Acc::Float(a + x.as_float().unwrap_or(0.0))
                } else if let Some(b) = x.as_small_int() {
                    Acc::Float(a + b as f64)
                } else {
                    Acc::Obj(vm.binary_op(&new_float(a), &x, BinaryOp::Add)?)
                }
            }
            Acc::Obj(a) => {
                let r = vm.binary_op(&a, &x, BinaryOp::Add)?;
                match (r.as_small_int(), is_exact_float(&r)) {
                    (Some(i), _) => Acc::Int(i),
                    (None, true) => Acc::Float(r.as_float().unwrap_or(0.0)),
                    _ => Acc::Obj(r),
                }
            }
        };
    }
    Ok(match acc {
        Acc::Int(i) => int_from_i64(i),
        Acc::Float(f) => new_float(f),
        Acc::Obj(v) => v,
    })
}

// ---- min / max -----------------------------------------------------------------------

/// `min(iterable, *[, default, key])` / `min(a, b, *args[, key])`.
pub fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, false)
}

/// `max(iterable, *[, default, key])` / `max(a, b, *args[, key])`.
pub fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, true)
}

fn min_max(vm: &mut Vm, args: Args<'_>, is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    let nkw = args.kwvalues.len();
    if nkw > 2 {
        return Err(vm.new_type_error(format!("{fname}() takes at most 2 keyword arguments ({nkw} given)")));
    }
    if args.pos.is_empty() {
        return Err(vm.new_type_error(format!("{fname} expected at least 1 argument, got 0")));
    }
    let [key, default] = take_kwargs(vm, &args, fname, ["key", "default"])?;
    let key = not_none(key);
    if args.pos.len() > 1 && default.is_some() {
        return Err(
            vm.new_type_error(format!("Cannot specify a default for {fname}() with multiple positional arguments"))
        );
    }
    let op = if is_max { CompareOp::Gt } else { CompareOp::Lt };
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, bk)) => match (k.as_small_int(), bk.as_small_int()) {
                (Some(x), Some(y)) => {
                    if is_max {
                        x > y
                    } else {
                        x < y
                    }
                }
                _ => {
                    // Tuple keys of ints and strings (`key=lambda wc: (wc[1], wc[0])`).
                    let (lo, hi) = if is_max { (bk, &k) } else { (&k, bk) };
                    match crate::types::tuple_methods::exact_tuple_lt(lo, hi) {
                        Some(b) => b,
                        None => {
                            let r = vm.rich_compare(&k, bk, op)?;
                            vm.truthy(&r)?
                        }
                    }
                }
            },
        };
        if better {
            best = Some((item, k));
        }
        Ok(())
    };
    if args.pos.len() == 1 {
        let it = vm.iter(&args.pos[0])?;
        while let Some(x) = vm.next(&it)? {
            consider(vm, x)?;
        }
    } else {
        for x in args.pos {
            consider(vm, x.clone())?;
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.new_value_error(format!("{fname}() arg is an empty sequence"))),
        },
    }
}
