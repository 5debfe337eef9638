//! `int(x)`, `int(str, base)`, `bool(x)`, and the decimal digit limit
//! of `sys.set_int_max_str_digits`.
//!
//! `int()` follows CPython's `PyNumber_Long`: `__int__`, then `__index__`,
//! then `__trunc__`, then text (`str`, `bytes`, `bytearray`). Text is
//! rewritten to ASCII first (see `digits.rs`) and parsed by
//! `parse_int`, which implements `PyLong_FromString`: whitespace, a sign,
//! an optional base prefix (`0x`/`0o`/`0b`, required to match `base` when
//! given, deciding the base when `base == 0`), single underscores between
//! digits or right after the prefix, and "all zeros" for a leading `0`
//! when `base == 0`.

use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use crate::function::args::Args;
use crate::object::PyRef;
use crate::types::int::{int_from_bigint, PyInt, INT_TYPE};
use crate::types::int_methods::digits::{to_ascii_number, trim_ascii_space};
use crate::types::singletons::bool_value;
use crate::types::small::{PyByteArray, PyBytes};
use crate::types::str::PyStr;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero limit `sys.set_int_max_str_digits` accepts.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// A process-wide setting read on every conversion; a plain value with no
/// ordering duties, hence `Relaxed`.
static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`: 0 means unlimited.
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`, with CPython's validation.
pub fn set_int_max_str_digits(vm: &mut Vm, n: i64) -> PyResult<()> {
    if n != 0 && n < MAX_STR_DIGITS_THRESHOLD as i64 {
        return Err(vm.new_value_error(format!("maxdigits must be 0 or larger than {MAX_STR_DIGITS_THRESHOLD}")));
    }
    MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(())
}

/// `sys.get_int_max_str_digits()`, ready to be registered by `sys`.
pub fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact(vm, "get_int_max_str_digits", 0)?;
    Ok(crate::types::int::int_from_i64(int_max_str_digits() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`, ready to be registered by
/// `sys`.
pub fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let slots = args.bind(vm, "set_int_max_str_digits", &["maxdigits"], 0)?;
    let Some(Some(n)) = slots.into_iter().next() else {
        return Err(vm.new_type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
    };
    let i = vm.index(&n)?;
    let n = match i.as_i64() {
        Some(n) if i32::try_from(n).is_ok() => n,
        _ => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
    };
    set_int_max_str_digits(vm, n)?;
    Ok(crate::types::singletons::none())
}

/// Why a literal was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    Invalid,
    /// More decimal digits than `sys.get_int_max_str_digits()` allows.
    TooManyDigits(usize),
}

/// Parses an ASCII integer literal in `base` (0 or 2..=36).
pub fn parse_int(s: &[u8], base: u32) -> Result<BigInt, IntParseError> {
    let s = trim_ascii_space(s);
    let (negative, mut s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut base = base;
    let mut zeros_only = false;
    let prefix = |s: &[u8]| -> Option<u32> {
        if s.len() >= 2 && s[0] == b'0' {
            match s[1] {
                b'x' | b'X' => return Some(16),
                b'o' | b'O' => return Some(8),
                b'b' | b'B' => return Some(2),
                _ => {}
            }
        }
        None
    };
    let p = prefix(s);
    if base == 0 {
        match p {
            Some(b) => base = b,
            None => {
                // An old-style octal literal: only zero is still allowed.
                zeros_only = s.first() == Some(&b'0');
                base = 10;
            }
        }
    }
    let mut after_prefix = false;
    if p == Some(base) {
        s = &s[2..];
        after_prefix = true;
    }
    // One underscore may follow the prefix; none may lead otherwise.
    if after_prefix && s.first() == Some(&b'_') {
        s = &s[1..];
    }
    let mut digits: Vec<u8> = Vec::with_capacity(s.len());
    let mut prev_underscore = false;
    for (i, &c) in s.iter().enumerate() {
        if c == b'_' {
            if i == 0 || prev_underscore {
                return Err(IntParseError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            _ => return Err(IntParseError::Invalid),
        };
        if d >= base {
            return Err(IntParseError::Invalid);
        }
        digits.push(d as u8);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(IntParseError::Invalid);
    }
    let limit = int_max_str_digits();
    if limit > 0 && !base.is_power_of_two() && digits.len() > limit {
        return Err(IntParseError::TooManyDigits(digits.len()));
    }
    let mag = BigUint::from_radix_be(&digits, base).unwrap_or_default();
    if zeros_only && !mag.is_zero() {
        return Err(IntParseError::Invalid);
    }
    Ok(BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, mag))
}

/// The message for a literal over the digit limit.
pub fn too_many_digits_message(n: usize) -> String {
    format!(
        "Exceeds the limit ({}) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit",
        digits_limit_text()
    )
}

/// `"4300 digits"`, as the limit appears in messages.
pub fn digits_limit_text() -> String {
    format!("{} digits", int_max_str_digits())
}

/// `int(text, base)` for `str`, `bytes` and `bytearray`; `Ok(None)` if `v`
/// is none of those.
pub fn int_from_text(vm: &mut Vm, v: &Value, base: u32) -> PyResult<Option<BigInt>> {
    let (ascii, is_str) = if let Some(s) = v.downcast_ref::<PyStr>() {
        (to_ascii_number(s.as_str()), true)
    } else if let Some(b) = v.downcast_ref::<PyBytes>() {
        (b.data.to_vec(), false)
    } else if let Some(b) = v.downcast_ref::<PyByteArray>() {
        (b.data.lock().clone(), false)
    } else {
        return Ok(None);
    };
    match parse_int(&ascii, base) {
        Ok(b) => Ok(Some(b)),
        Err(IntParseError::TooManyDigits(n)) => Err(vm.new_value_error(too_many_digits_message(n))),
        Err(IntParseError::Invalid) => {
            let shown = if is_str {
                // `%.200R`: the repr, cut to 200 characters.
                let r = vm.repr_string(v)?;
                r.chars().take(200).collect::<String>()
            } else {
                // Bytes show the repr of their first 200 bytes.
                let head: Vec<u8> = ascii.iter().take(200).copied().collect();
                vm.repr_string(&crate::types::small::bytes_new(head))?
            };
            Err(vm.new_value_error(format!("invalid literal for int() with base {base}: {shown}")))
        }
    }
}

/// `int(v)` with no base: CPython's `PyNumber_Long`.
pub fn int_from_object(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        if v.is_small_int() || !v.class().is_heap_type() {
            return Ok(i.to_bigint());
        }
    }
    if let Some(r) = vm.call_special(v, "__int__", &[])? {
        return match r.as_int() {
            Some(i) => Ok(i.to_bigint()),
            None => Err(vm.new_type_error(format!("__int__ returned non-int (type {})", r.class().name()))),
        };
    }
    if v.class().lookup("__index__").is_some() {
        let r = vm.index(v)?;
        return Ok(r.as_int().map(|i| i.to_bigint()).unwrap_or_default());
    }
    if let Some(r) = vm.call_special(v, "__trunc__", &[])? {
        if let Some(i) = r.as_int() {
            return Ok(i.to_bigint());
        }
        if r.class().lookup("__index__").is_none() {
            return Err(vm.new_type_error(format!("__trunc__ returned non-Integral (type {})", r.class().name())));
        }
        let i = vm.index(&r)?;
        return Ok(i.as_int().map(|i| i.to_bigint()).unwrap_or_default());
    }
    if let Some(b) = int_from_text(vm, v, 10)? {
        return Ok(b);
    }
    Err(vm.new_type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        v.class().name()
    )))
}

/// An `int` of type `cls` (tagged when `cls` is `int` itself).
pub fn new_int_of_type(vm: &mut Vm, cls: &PyRef<PyType>, value: BigInt) -> PyResult<Value> {
    if cls.is(INT_TYPE.get()) {
        return Ok(int_from_bigint(value));
    }
    if !cls.is_subtype(INT_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("int.__new__({n}): {n} is not a subtype of int")));
    }
    if cls.layout != std::any::TypeId::of::<PyInt>() {
        // Only `bool` derives from int with another layout.
        let n = cls.name();
        return Err(vm.new_type_error(format!("int.__new__({n}) is not safe, use {n}.__new__()")));
    }
    Ok(PyRef::new_with_type(PyInt { value }, cls).into_value())
}

/// `int.__new__(cls, x=0, /, base=10)`.
pub fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first() else {
        return Err(vm.new_type_error("int.__new__(): not enough arguments"));
    };
    let Some(cls) = cls.downcast::<PyType>() else {
        let t = cls.class().name();
        return Err(vm.new_type_error(format!("int.__new__(X): X is not a type object ({t})")));
    };
    let rest = args.skip_self();
    let mut x = rest.pos.first().cloned();
    let mut base = rest.pos.get(1).cloned();
    if rest.pos.len() > 2 {
        return Err(vm.new_type_error(format!("int() takes at most 2 arguments ({} given)", rest.len())));
    }
    for i in 0..rest.kwnames.len() {
        let name = rest.kwarg_name(i);
        match name {
            "base" if base.is_none() => base = Some(rest.kwvalues[i].clone()),
            "base" => return Err(vm.new_type_error("argument for int() given by name ('base') and position (2)")),
            _ => return Err(vm.new_type_error(format!("'{name}' is an invalid keyword argument for int()"))),
        }
    }
    let value = match (x.take(), base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(vm.new_type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, &x)?,
        (Some(x), Some(b)) => {
            let b = vm.index(&b)?;
            let base = match b.as_i64() {
                Some(n) if n == 0 || (2..=36).contains(&n) => n as u32,
                _ => return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match int_from_text(vm, &x, base)? {
                Some(v) => v,
                None => return Err(vm.new_type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    new_int_of_type(vm, &cls, value)
}

/// `bool.__new__(cls, x=False, /)`.
pub fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = if args.pos.is_empty() { args } else { args.skip_self() };
    rest.no_kwargs(vm, "bool")?;
    match rest.pos.len() {
        0 => Ok(bool_value(false)),
        1 => {
            let b = vm.truthy(&rest.pos[0])?;
            Ok(bool_value(b))
        }
        n => Err(vm.new_type_error(format!("bool expected at most 1 argument, got {n}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: u32) -> Option<String> {
        parse_int(s.as_bytes(), base).ok().map(|b| b.to_string())
    }

    #[test]
    fn literals() {
        assert_eq!(p("ff", 16).as_deref(), Some("255"));
        assert_eq!(p("0xff", 16).as_deref(), Some("255"));
        assert_eq!(p("0xff", 0).as_deref(), Some("255"));
        assert_eq!(p("  -0x_1f ", 0).as_deref(), Some("-31"));
        assert_eq!(p("0o17", 0).as_deref(), Some("15"));
        assert_eq!(p("0b101", 0).as_deref(), Some("5"));
        assert_eq!(p("17", 0).as_deref(), Some("17"));
        assert_eq!(p("0_0", 0).as_deref(), Some("0"));
        assert_eq!(p("  +1_0  ", 16).as_deref(), Some("16"));
        assert_eq!(p("z", 36).as_deref(), Some("35"));
        for (s, b) in [
            ("08", 0),
            ("0_7", 0),
            ("0x", 16),
            ("1__0", 10),
            ("_10", 10),
            ("10_", 10),
            ("", 10),
            ("9", 8),
            (" 1 2", 10),
            ("-", 10),
            ("0x1", 10),
        ] {
            assert_eq!(p(s, b), None, "{s:?} base {b}");
        }
    }
}
