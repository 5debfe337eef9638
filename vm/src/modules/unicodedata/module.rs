//! The Python-level functions of `unicodedata`, with CPython's argument
//! checks and messages.

use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::PyRef;
use crate::types::float::new_float;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::bool_value;
use crate::types::str::{new_str, str_from_code_point, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::Form;

/// The code point of a one-character `str` argument.
fn char_arg(vm: &mut Vm, v: &Value, fname: &str, numbered: bool) -> PyResult<u32> {
    match v.downcast_ref::<PyStr>() {
        Some(s) if s.char_len() == 1 => Ok(s.code_point_at(0)),
        _ => {
            let which = if numbered { "argument 1" } else { "argument" };
            let t = v.class().name();
            Err(vm.new_type_error(format!("{fname}() {which} must be a unicode character, not {t}")))
        }
    }
}

/// The one argument of a single-argument function.
fn one(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<u32> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("unicodedata.{fname}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.new_type_error(format!("unicodedata.{fname}() takes exactly one argument ({n} given)")));
    }
    char_arg(vm, &args.pos[0], fname, false)
}

/// `(chr, default)` of `name`, `decimal`, `digit` and `numeric`.
fn with_default(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(u32, Option<Value>)> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("unicodedata.{fname}() takes no keyword arguments")));
    }
    let a = args.range(vm, fname, 1, 2)?;
    let cp = char_arg(vm, &a[0], fname, true)?;
    Ok((cp, a.get(1).cloned()))
}

fn ud_category(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cp = one(vm, &args, "category")?;
    Ok(new_str(super::category(cp)))
}

fn ud_bidirectional(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cp = one(vm, &args, "bidirectional")?;
    Ok(new_str(super::bidirectional(cp)))
}

fn ud_east_asian_width(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cp = one(vm, &args, "east_asian_width")?;
    Ok(new_str(super::east_asian_width(cp)))
}

fn ud_combining(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cp = one(vm, &args, "combining")?;
    Ok(int_from_i64(super::combining(cp) as i64))
}

fn ud_mirrored(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cp = one(vm, &args, "mirrored")?;
    Ok(int_from_i64(super::mirrored(cp) as i64))
}

fn ud_decomposition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cp = one(vm, &args, "decomposition")?;
    let Some((tag, cps)) = super::decomposition(cp) else { return Ok(new_str("")) };
    let mut parts: Vec<String> = Vec::with_capacity(cps.len() + 1);
    if !tag.is_empty() {
        parts.push(tag.to_string());
    }
    parts.extend(cps.iter().map(|c| format!("{c:04X}")));
    Ok(new_str(parts.join(" ")))
}

fn ud_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cp, default) = with_default(vm, &args, "name")?;
    match (super::char_name(cp), default) {
        (Some(n), _) => Ok(new_str(n)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.new_value_error("no such name")),
    }
}

/// `decimal`, `digit` and `numeric`.
fn number(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult<Value> {
    let (cp, default) = with_default(vm, &args, fname)?;
    let value = super::numeric(cp).and_then(|(v, decimal, digit)| match fname {
        "decimal" if decimal => Some(int_from_i64(v as i64)),
        "digit" if digit => Some(int_from_i64(v as i64)),
        "numeric" => Some(new_float(v)),
        _ => None,
    });
    match (value, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.new_value_error(match fname {
            "decimal" => "not a decimal",
            "digit" => "not a digit",
            _ => "not a numeric character",
        })),
    }
}

fn ud_decimal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    number(vm, args, "decimal")
}

fn ud_digit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    number(vm, args, "digit")
}

fn ud_numeric(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    number(vm, args, "numeric")
}

fn ud_lookup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.new_type_error("unicodedata.lookup() takes no keyword arguments"));
    }
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return Err(vm.new_type_error(format!("unicodedata.lookup() takes exactly one argument ({n} given)")));
    }
    let v = &args.pos[0];
    let name: String = if let Some(s) = v.downcast_ref::<PyStr>() {
        s.as_str().to_string()
    } else if let Some(b) = crate::types::bytes_methods::buf_of(v) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        let t = v.class().name();
        return Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    if name.len() > 256 {
        return Err(vm.new_key_error(new_str("name too long")));
    }
    match super::lookup_name(&name) {
        Some(cp) => Ok(str_from_code_point(cp)),
        None => Err(vm.new_key_error(new_str(format!("undefined character name '{name}'")))),
    }
}

/// `(form, unistr)` of `normalize` and `is_normalized`.
fn form_args<'a>(vm: &mut Vm, args: &Args<'a>, fname: &str) -> PyResult<(Form, &'a PyStr)> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("unicodedata.{fname}() takes no keyword arguments")));
    }
    let a = args.range(vm, fname, 2, 2)?;
    let Some(form) = a[0].downcast_ref::<PyStr>() else {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("{fname}() argument 1 must be str, not {t}")));
    };
    let Some(text) = a[1].downcast_ref::<PyStr>() else {
        let t = a[1].class().name();
        return Err(vm.new_type_error(format!("{fname}() argument 2 must be str, not {t}")));
    };
    match Form::parse(form.as_str()) {
        Some(f) => Ok((f, text)),
        None => Err(vm.new_value_error("invalid normalization form")),
    }
}

fn ud_normalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (form, text) = form_args(vm, &args, "normalize")?;
    if text.is_ascii() {
        return Ok(args.pos[1].clone());
    }
    let out = super::normalize(form, text.code_points());
    if out.iter().copied().eq(text.code_points()) {
        return Ok(args.pos[1].clone());
    }
    Ok(PyRef::new(PyStr::from_code_points(out)).into_value())
}

fn ud_is_normalized(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (form, text) = form_args(vm, &args, "is_normalized")?;
    if text.is_ascii() {
        return Ok(bool_value(true));
    }
    let out = super::normalize(form, text.code_points());
    Ok(bool_value(out.iter().copied().eq(text.code_points())))
}

pub fn make_unicodedata_module() -> PyRef<PyModule> {
    let m = PyModule::new("unicodedata");
    m.set_attr(
        "__doc__",
        new_str(
            "This module provides access to the Unicode Character Database which\n\
             defines character properties for all Unicode characters.",
        ),
    );
    let funcs: &[(&'static str, NativeFn)] = &[
        ("bidirectional", ud_bidirectional),
        ("category", ud_category),
        ("combining", ud_combining),
        ("decimal", ud_decimal),
        ("decomposition", ud_decomposition),
        ("digit", ud_digit),
        ("east_asian_width", ud_east_asian_width),
        ("is_normalized", ud_is_normalized),
        ("lookup", ud_lookup),
        ("mirrored", ud_mirrored),
        ("name", ud_name),
        ("normalize", ud_normalize),
        ("numeric", ud_numeric),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "unicodedata"));
    }
    m.set_attr("unidata_version", new_str(super::UNIDATA_VERSION));
    m
}
