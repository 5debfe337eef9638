//! `str.format(*args, **kwargs)` and `str.format_map(mapping)`.
//!
//! A port of the behaviour of CPython 3.11's `unicode_format.h`: literal
//! text with `{{`/`}}` escapes; replacement fields
//! `{field_name!conversion:format_spec}` where the field name is an
//! argument index or keyword followed by `.attr` and `[key]` parts; auto
//! numbering (`{}`) that may not be mixed with manual numbering; format
//! specs that may themselves contain fields, expanded recursively to a
//! depth of two. Each value is rendered with `format(value, spec)`.
//! Scanning is byte-wise (all syntax is ASCII, so the slices taken stay
//! on UTF-8 boundaries).

use crate::types::exceptions::exc;
use crate::types::float::FLOAT_TYPE;
use crate::types::int::{int_from_i64, INT_TYPE};
use crate::types::str::{new_str, STR_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::format_spec;

/// Where keyword fields come from.
#[derive(Clone, Copy)]
pub enum Kwargs<'a> {
    /// `format(**kw)`: the call's keyword names and values.
    Call { names: &'a [Value], values: &'a [Value] },
    /// `format_map(m)`: `m[key]`.
    Mapping(&'a Value),
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Ctx<'a> {
    args: Option<&'a [Value]>,
    kwargs: Kwargs<'a>,
    auto: AutoState,
    next_auto: usize,
}

/// Formats `fmt`; `args` is `None` for `format_map`.
pub fn format(vm: &mut Vm, fmt: &str, args: Option<&[Value]>, kwargs: Kwargs<'_>) -> PyResult<String> {
    let mut ctx = Ctx { args, kwargs, auto: AutoState::Init, next_auto: 0 };
    let mut out = String::with_capacity(fmt.len() + 16);
    build(vm, fmt, &mut ctx, 2, &mut out)?;
    Ok(out)
}

/// CPython's `get_integer`: `Some(n)` for a non-empty run of decimal
/// digits (of any script).
fn get_integer(vm: &mut Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.chars().all(|c| crate::types::str_methods::decimal_value(c).is_some()) {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let d = crate::types::str_methods::decimal_value(c).unwrap_or(0) as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(vm.new_value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// One parsed replacement field (byte ranges into the format string).
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_needs_expanding: bool,
}

fn build(vm: &mut Vm, fmt: &str, ctx: &mut Ctx<'_>, depth: i32, out: &mut String) -> PyResult<()> {
    if depth <= 0 {
        return Err(vm.new_value_error("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        // Literal text up to the next brace.
        let start = pos;
        let mut brace = None;
        while pos < b.len() {
            let c = b[pos];
            pos += 1;
            if c == b'{' || c == b'}' {
                brace = Some(c);
                break;
            }
        }
        let at_end = pos >= b.len();
        let Some(c) = brace else {
            out.push_str(&fmt[start..pos]);
            break;
        };
        if c == b'}' && (at_end || b[pos] != b'}') {
            return Err(vm.new_value_error("Single '}' encountered in format string"));
        }
        if at_end && c == b'{' {
            return Err(vm.new_value_error("Single '{' encountered in format string"));
        }
        if b[pos] == c {
            // An escaped brace: literal text including one brace.
            out.push_str(&fmt[start..pos]);
            pos += 1;
            continue;
        }
        out.push_str(&fmt[start..pos - 1]);
        let field = parse_field(vm, fmt, &mut pos)?;
        render(vm, &field, ctx, depth, out)?;
    }
    Ok(())
}

/// CPython's `parse_field`, starting just after the opening `{`; leaves
/// `pos` after the closing `}`.
fn parse_field<'s>(vm: &mut Vm, fmt: &'s str, pos: &mut usize) -> PyResult<Field<'s>> {
    let b = fmt.as_bytes();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < b.len() {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(vm.new_value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < b.len() && b[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    let name_end = if matches!(c, b'}' | b':' | b'!') { *pos - 1 } else { *pos };
    let mut field = Field { name: &fmt[name_start..name_end], conversion: None, spec: "", spec_needs_expanding: false };
    if c == b'!' || c == b':' {
        if c == b'!' {
            let Some(conv) = fmt.get(*pos..).and_then(|r| r.chars().next()) else {
                return Err(vm.new_value_error("end of string while looking for conversion specifier"));
            };
            field.conversion = Some(conv);
            *pos += conv.len_utf8();
            if *pos < b.len() {
                let n = b[*pos];
                *pos += 1;
                if n == b'}' {
                    return Ok(field);
                }
                if n != b':' {
                    return Err(vm.new_value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < b.len() {
            let ch = b[*pos];
            *pos += 1;
            match ch {
                b'{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = &fmt[spec_start..*pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.new_value_error("unmatched '{' in format spec"));
    }
    if c != b'}' {
        return Err(vm.new_value_error("expected '}' before end of string"));
    }
    Ok(field)
}

fn render(vm: &mut Vm, field: &Field<'_>, ctx: &mut Ctx<'_>, depth: i32, out: &mut String) -> PyResult<()> {
    let mut obj = get_field_object(vm, field.name, ctx)?;
    if let Some(conv) = field.conversion {
        obj = match conv {
            'r' => vm.repr(&obj)?,
            's' => vm.str(&obj)?,
            'a' => crate::builtins::ascii_of(vm, &obj)?,
            c => {
                let u = c as u32;
                let msg = if u > 32 && u < 127 {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{u:x}")
                };
                return Err(vm.new_value_error(msg));
            }
        };
    }
    let expanded;
    let spec = if field.spec_needs_expanding {
        let mut s = String::new();
        build(vm, field.spec, ctx, depth - 1, &mut s)?;
        expanded = s;
        expanded.as_str()
    } else {
        field.spec
    };
    // Exact str, int and float are formatted directly, as CPython's
    // `render_field` does, skipping the `__format__` lookup.
    if obj.is_exact(STR_TYPE.get()) {
        let text = obj.as_str().unwrap_or("");
        if spec.is_empty() {
            out.push_str(text);
        } else {
            out.push_str(&format_spec::format_str(vm, text, spec)?);
        }
        return Ok(());
    }
    if let Some(i) = obj.as_small_int() {
        out.push_str(&format_spec::format_i64(vm, i, spec)?);
        return Ok(());
    }
    if obj.is_exact(INT_TYPE.get()) {
        if let Some(i) = obj.as_int() {
            out.push_str(&format_spec::format_int_arg(vm, (&i).into(), spec, "int")?);
            return Ok(());
        }
    }
    if obj.is_exact(FLOAT_TYPE.get()) {
        if let Some(x) = obj.as_float() {
            out.push_str(&format_spec::format_float(vm, x, spec)?);
            return Ok(());
        }
    }
    let r = vm.format(&obj, &new_str(spec))?;
    out.push_str(r.as_str().unwrap_or(""));
    Ok(())
}

/// CPython's `field_name_split` + `get_field_object`.
fn get_field_object(vm: &mut Vm, name: &str, ctx: &mut Ctx<'_>) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut index = get_integer(vm, first)?;
    let empty = first.is_empty();
    let numeric = empty || index.is_some();
    if numeric {
        if ctx.auto == AutoState::Init {
            ctx.auto = if empty { AutoState::Auto } else { AutoState::Manual };
        }
        if ctx.auto == AutoState::Manual && empty {
            return Err(
                vm.new_value_error("cannot switch from manual field specification to automatic field numbering")
            );
        }
        if ctx.auto == AutoState::Auto && !empty {
            return Err(
                vm.new_value_error("cannot switch from automatic field numbering to manual field specification")
            );
        }
        if empty {
            index = Some(ctx.next_auto);
            ctx.next_auto += 1;
        }
    }
    let mut obj = match index {
        None => {
            let key = new_str(first);
            match ctx.kwargs {
                Kwargs::Call { names, values } => match names.iter().position(|n| n.as_str() == Some(first)) {
                    Some(i) => values[i].clone(),
                    None => return Err(vm.new_key_error(key)),
                },
                Kwargs::Mapping(m) => vm.get_item(m, &key)?,
            }
        }
        Some(i) => {
            let Some(args) = ctx.args else {
                return Err(vm.new_value_error("Format string contains positional fields"));
            };
            match args.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.new_exception_msg(
                        &exc().index_error,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    ))
                }
            }
        }
    };
    // The rest: `.attr` and `[key]` parts (CPython's FieldNameIterator).
    let b = name.as_bytes();
    let mut pos = first_end;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'.' => {
                let start = pos;
                while pos < b.len() && b[pos] != b'.' && b[pos] != b'[' {
                    pos += 1;
                }
                let attr = &name[start..pos];
                if attr.is_empty() {
                    return Err(vm.new_value_error("Empty attribute in format string"));
                }
                obj = vm.get_attr(&obj, &new_str(attr))?;
            }
            b'[' => {
                let start = pos;
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
                if pos >= b.len() {
                    return Err(vm.new_value_error("Missing ']' in format string"));
                }
                let key = &name[start..pos];
                pos += 1;
                let idx = get_integer(vm, key)?;
                if key.is_empty() {
                    return Err(vm.new_value_error("Empty attribute in format string"));
                }
                let k = match idx {
                    Some(i) => int_from_i64(i as i64),
                    None => new_str(key),
                };
                obj = vm.get_item(&obj, &k)?;
            }
            _ => {
                return Err(vm.new_value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        }
    }
    Ok(obj)
}
