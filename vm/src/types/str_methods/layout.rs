//! Trimming, padding and character mapping: `strip` `lstrip` `rstrip`
//! `center` `ljust` `rjust` `zfill` `expandtabs` `translate` and the
//! static `maketrans`.

use std::collections::HashMap;

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::str::new_str;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{char_count, exact_copy, is_space, memory_error, method_args, ssize_arg, str_arg, this};

// -------------------------------------------------------------- strip

/// `qual` is the qualified name (`str.strip`), used in messages.
fn strip_common(vm: &mut Vm, args: Args<'_>, qual: &str, left: bool, right: bool) -> PyResult<Value> {
    args.no_kwargs(vm, qual)?;
    let name = qual.strip_prefix("str.").unwrap_or(qual);
    let a = args.skip_self().range(vm, name, 0, 1)?;
    let s = this(vm, &args)?;
    let text = s.as_str();
    let out = match a.first() {
        None => trim(text, left, right, is_space),
        Some(v) if v.is_none() => trim(text, left, right, is_space),
        Some(v) => {
            let Some(chars) = v.as_str() else {
                return Err(vm.new_type_error(format!("{name} arg must be None or str")));
            };
            if chars.is_ascii() && chars.len() <= 8 {
                let set = chars.as_bytes();
                trim_bytes(text, left, right, |b| set.contains(&b))
            } else {
                let set: Vec<char> = chars.chars().collect();
                trim(text, left, right, |c| set.contains(&c))
            }
        }
    };
    if out.len() == text.len() {
        return Ok(exact_copy(&args.pos[0], s));
    }
    if s.is_ascii() {
        return Ok(crate::types::str::new_str_ascii(out));
    }
    Ok(new_str(out))
}

fn trim(text: &str, left: bool, right: bool, p: impl Fn(char) -> bool) -> &str {
    let mut t = text;
    if left {
        t = t.trim_start_matches(&p);
    }
    if right {
        t = t.trim_end_matches(&p);
    }
    t
}

/// `trim` for an ASCII character set: bytes below 0x80 are whole
/// characters, and non-ASCII bytes never match, so slicing stays on
/// character boundaries.
fn trim_bytes(text: &str, left: bool, right: bool, p: impl Fn(u8) -> bool) -> &str {
    let b = text.as_bytes();
    let mut i = 0;
    let mut j = b.len();
    if left {
        while i < j && p(b[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && p(b[j - 1]) {
            j -= 1;
        }
    }
    &text[i..j]
}

pub(super) fn str_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "str.strip", true, true)
}
pub(super) fn str_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "str.lstrip", true, false)
}
pub(super) fn str_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "str.rstrip", false, true)
}

// ------------------------------------------------------------ padding

/// `left` + text + `right` copies of `fill`, or a MemoryError.
fn padded(vm: &mut Vm, text: &str, left: usize, right: usize, fill: char) -> PyResult<Value> {
    let total = (left + right).checked_mul(fill.len_utf8()).and_then(|x| x.checked_add(text.len()));
    let mut out = String::new();
    if total.map(|t| out.try_reserve_exact(t).is_err()).unwrap_or(true) {
        return Err(memory_error(vm));
    }
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_str(out))
}

fn justify(vm: &mut Vm, args: Args<'_>, qual: &str, how: char) -> PyResult<Value> {
    args.no_kwargs(vm, qual)?;
    let a = args.skip_self().range(vm, qual.strip_prefix("str.").unwrap_or(qual), 1, 2)?;
    let s = this(vm, &args)?;
    let width = ssize_arg(vm, &a[0])?;
    let fill = match a.get(1) {
        None => ' ',
        Some(v) => {
            let Some(f) = v.as_str() else {
                let t = v.class().name();
                return Err(vm.new_type_error(format!("The fill character must be a unicode character, not {t}")));
            };
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.new_type_error("The fill character must be exactly one character long")),
            }
        }
    };
    let len = s.char_len() as isize;
    if width <= len {
        return Ok(exact_copy(&args.pos[0], s));
    }
    let marg = (width - len) as usize;
    let (left, right) = match how {
        '<' => (0, marg),
        '>' => (marg, 0),
        // CPython's `pad` rounding: odd margins go left when width is odd.
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    padded(vm, s.as_str(), left, right, fill)
}

pub(super) fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(vm, args, "str.center", '^')
}
pub(super) fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(vm, args, "str.ljust", '<')
}
pub(super) fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(vm, args, "str.rjust", '>')
}

pub(super) fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_args(vm, &args, "str.zfill", 1)?;
    let s = this(vm, &args)?;
    let width = ssize_arg(vm, &a[1])?;
    let len = s.char_len() as isize;
    if width <= len {
        return Ok(exact_copy(&a[0], s));
    }
    let fill = (width - len) as usize;
    let text = s.as_str();
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') | Some(b'-') => text.split_at(1),
        _ => ("", text),
    };
    let mut out = String::new();
    if out.try_reserve_exact(text.len() + fill).is_err() {
        return Err(memory_error(vm));
    }
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(new_str(out))
}

pub(super) fn str_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = args.skip_self().bind(vm, "expandtabs", &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    // CPython takes a C int.
    if tabsize > i32::MAX as isize || tabsize < i32::MIN as isize {
        return Err(vm.new_overflow_error("Python int too large to convert to C int"));
    }
    let text = s.as_str();
    if !text.contains('\t') {
        return Ok(exact_copy(&args.pos[0], s));
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut col: usize = 0;
    for c in text.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize as usize - col % tabsize as usize;
                if out.try_reserve(n).is_err() {
                    return Err(vm.new_overflow_error("new string is too long"));
                }
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(new_str(out))
}

// -------------------------------------------------------- translation

/// What a translation table says about one character.
enum Mapped {
    Keep,
    Delete,
    Text(String),
}

fn lookup(vm: &mut Vm, table: &Value, c: char) -> PyResult<Mapped> {
    let key = int_from_i64(c as i64);
    let v = match vm.get_item(table, &key) {
        Ok(v) => v,
        Err(e) if vm.err_matches(&e, &exc().lookup_error) => return Ok(Mapped::Keep),
        Err(e) => return Err(e),
    };
    if v.is_none() {
        return Ok(Mapped::Delete);
    }
    if let Some(i) = v.as_int() {
        let cp = i.to_i64().unwrap_or(-1);
        if !(0..0x110000).contains(&cp) {
            return Err(vm.new_value_error("character mapping must be in range(0x110000)"));
        }
        return match char::from_u32(cp as u32) {
            Some(ch) => Ok(Mapped::Text(ch.to_string())),
            None => Err(vm.new_value_error(format!(
                "character mapping {cp:#x} is a lone surrogate, which Skein strings cannot hold"
            ))),
        };
    }
    if let Some(t) = v.as_str() {
        return Ok(Mapped::Text(t.to_string()));
    }
    Err(vm.new_type_error("character mapping must return integer, None or str"))
}

pub(super) fn str_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_args(vm, &args, "str.translate", 1)?;
    let s = this(vm, &args)?;
    let table = &a[1];
    let text = s.as_str();
    let mut out = String::with_capacity(text.len());
    // Each distinct character is looked up once (tables are usually
    // dicts, and Python-level __getitem__ may be slow).
    let mut ascii: [Option<Option<String>>; 128] = std::array::from_fn(|_| None);
    let mut other: HashMap<char, Option<String>> = HashMap::new();
    for c in text.chars() {
        let cached = if c.is_ascii() { ascii[c as usize].as_ref() } else { other.get(&c) };
        let m = match cached {
            Some(m) => m.clone(),
            None => {
                let m = match lookup(vm, table, c)? {
                    Mapped::Keep => Some(c.to_string()),
                    Mapped::Delete => None,
                    Mapped::Text(t) => Some(t),
                };
                if c.is_ascii() {
                    ascii[c as usize] = Some(m.clone());
                } else {
                    other.insert(c, m.clone());
                }
                m
            }
        };
        if let Some(t) = m {
            out.push_str(&t);
        }
    }
    Ok(new_str(out))
}

/// `str.maketrans(x[, y[, z]])`.
pub(super) fn str_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "str.maketrans")?;
    let a = args.range(vm, "maketrans", 1, 3)?;
    let d = PyDict::new_ref();
    if a.len() == 1 {
        let Some(src) = a[0].downcast_ref::<PyDict>() else {
            return Err(vm.new_type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in src.items() {
            let key = if let Some(ks) = k.as_str() {
                let mut it = ks.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => int_from_i64(c as i64),
                    _ => return Err(vm.new_value_error("string keys in translate table must be of length 1")),
                }
            } else if k.as_int().is_some() {
                k
            } else {
                return Err(vm.new_type_error("keys in translate table must be strings or integers"));
            };
            d.set_item(vm, key, v)?;
        }
        return Ok(d.into_value());
    }
    let Some(x) = a[0].as_str() else {
        return Err(vm.new_type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let y = str_arg(vm, &a[1], |t| format!("maketrans() argument 2 must be str, not {t}"))?;
    let z = match a.get(2) {
        Some(v) => Some(str_arg(vm, v, |t| format!("maketrans() argument 3 must be str, not {t}"))?),
        None => None,
    };
    if char_count(x) != char_count(y) {
        return Err(vm.new_value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        d.set_item(vm, int_from_i64(cx as i64), int_from_i64(cy as i64))?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            d.set_item(vm, int_from_i64(c as i64), crate::types::singletons::none())?;
        }
    }
    Ok(d.into_value())
}

pub(super) fn install(t: &PyRef<PyType>) {
    add_methods(
        t,
        &[
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("translate", str_translate),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims() {
        assert_eq!(trim("  a b \u{a0}", true, true, is_space), "a b");
        assert_eq!(trim_bytes("xxaxx", true, false, |b| b == b'x'), "axx");
        assert_eq!(trim_bytes("éxx", false, true, |b| b == b'x'), "é");
    }
}
