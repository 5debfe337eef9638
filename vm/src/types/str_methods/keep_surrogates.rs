//! Lone surrogates through the `&str`-based methods.
//!
//! Most `str` methods work on `PyStr::as_str`, where a lone surrogate reads
//! as U+FFFD, so `"a\ud800".split("\ufffd")` would split and the result
//! would lose the surrogate. When an argument holds surrogates, `remap`
//! instead runs the method on copies of the string arguments in which each
//! surrogate U+D800+k became U+E000+k (or U+E800+k, U+F000+k: a private-use
//! block that none of the arguments uses), and maps the block back to
//! surrogates in the results (a `str`, or a list or tuple of them).
//!
//! This is exact, not an approximation: the stand-ins are, like
//! surrogates, one code point of three UTF-8 bytes, unassigned to any
//! case mapping, neither alphanumeric, space, printable nor a line break,
//! and distinct from every other character of the arguments. Strings
//! without surrogates (nearly all) pay one flag test per argument.

use crate::function::args::Args;
use crate::object::PyRef;
use crate::types::list::{new_list, PyList};
use crate::types::str::{str_wtf8, PyStr};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// First code points of the 2048-wide private-use blocks a surrogate can
/// stand in for.
const BLOCKS: [u32; 3] = [0xE000, 0xE800, 0xF000];

#[inline]
fn has_surrogates(v: &Value) -> bool {
    match v.downcast_ref::<PyStr>() {
        Some(s) => s.has_surrogates(),
        None => v
            .as_tuple()
            .is_some_and(|t| t.iter().any(|x| x.downcast_ref::<PyStr>().is_some_and(|s| s.has_surrogates()))),
    }
}

/// Runs `f` on `args`, with surrogates swapped for stand-ins when an
/// argument (or an item of a tuple argument) holds any.
#[inline]
pub(super) fn remap(
    vm: &mut Vm,
    args: Args<'_>,
    f: impl FnOnce(&mut Vm, Args<'_>) -> PyResult<Value>,
) -> PyResult<Value> {
    if !args.pos.iter().chain(args.kwvalues).any(has_surrogates) {
        return f(vm, args);
    }
    remap_slow(vm, args, f)
}

#[cold]
fn remap_slow(vm: &mut Vm, args: Args<'_>, f: impl FnOnce(&mut Vm, Args<'_>) -> PyResult<Value>) -> PyResult<Value> {
    let mut texts = Vec::new();
    for v in args.pos.iter().chain(args.kwvalues) {
        collect_texts(v, &mut texts);
    }
    let free = BLOCKS.iter().copied().find(|&b| !texts.iter().any(|t| t.chars().any(|c| in_block(c as u32, b))));
    let Some(base) = free else {
        // Every stand-in block is in use: fall back to U+FFFD.
        return f(vm, args);
    };
    let pos: Vec<Value> = args.pos.iter().map(|v| encode_value(v, base)).collect();
    let kw: Vec<Value> = args.kwvalues.iter().map(|v| encode_value(v, base)).collect();
    let r = f(vm, Args { pos: &pos, kwnames: args.kwnames, kwvalues: &kw })?;
    Ok(decode_value(r, base))
}

fn collect_texts<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    if let Some(s) = v.downcast_ref::<PyStr>() {
        out.push(s.as_str());
    } else if let Some(t) = v.as_tuple() {
        out.extend(t.iter().filter_map(|x| x.downcast_ref::<PyStr>()).map(|s| s.as_str()));
    }
}

#[inline]
fn in_block(cp: u32, base: u32) -> bool {
    (base..base + 0x800).contains(&cp)
}

/// `v` with its surrogates (or those of its tuple items) as stand-ins.
fn encode_value(v: &Value, base: u32) -> Value {
    if let Some(s) = v.downcast_ref::<PyStr>() {
        if !s.has_surrogates() {
            return v.clone();
        }
        let text: String = s
            .code_points()
            .map(|cp| if str_wtf8::is_surrogate(cp) { base + (cp - 0xD800) } else { cp })
            .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
            .collect();
        return crate::types::str::new_str(text);
    }
    if let Some(t) = v.as_tuple() {
        if t.iter().any(has_surrogates) {
            return new_tuple(t.iter().map(|x| encode_value(x, base)).collect());
        }
    }
    v.clone()
}

/// A result with the stand-ins turned back into surrogates.
fn decode_value(v: Value, base: u32) -> Value {
    if let Some(s) = v.downcast_ref::<PyStr>() {
        let text = s.as_str();
        if text.is_ascii() || !text.chars().any(|c| in_block(c as u32, base)) {
            return v;
        }
        let cps = text.chars().map(|c| c as u32).map(|cp| if in_block(cp, base) { 0xD800 + (cp - base) } else { cp });
        // `str` methods return exact strings, so the result is one too.
        return PyRef::new(PyStr::from_code_points(cps)).into_value();
    }
    if let Some(t) = v.as_tuple() {
        return new_tuple(t.iter().map(|x| decode_value(x.clone(), base)).collect());
    }
    if let Some(l) = v.downcast_ref::<PyList>() {
        return new_list(l.snapshot().into_iter().map(|x| decode_value(x, base)).collect());
    }
    v
}

/// Wrappers that run the named methods through `remap`.
macro_rules! keeping_surrogates {
    ($($py:literal => $w:ident = $($seg:ident)::+,)*) => {
        mod wrapped {
            use super::*;
            $(pub(super) fn $w(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                remap(vm, args, super::super::$($seg)::+)
            })*
        }

        /// Replaces the plain methods with their surrogate-keeping wrappers.
        pub(super) fn install(t: &PyRef<crate::types::type_::PyType>) {
            crate::function::native::add_methods(t, &[$(($py, wrapped::$w),)*]);
        }
    };
}

keeping_surrogates! {
    "find" => str_find = search::str_find,
    "rfind" => str_rfind = search::str_rfind,
    "index" => str_index = search::str_index,
    "rindex" => str_rindex = search::str_rindex,
    "count" => str_count = search::str_count,
    "startswith" => str_startswith = search::str_startswith,
    "endswith" => str_endswith = search::str_endswith,
    "partition" => str_partition = search::str_partition,
    "rpartition" => str_rpartition = search::str_rpartition,
    "replace" => str_replace = search::str_replace,
    "split" => str_split = search::str_split,
    "rsplit" => str_rsplit = search::str_rsplit,
    "splitlines" => str_splitlines = search::str_splitlines,
    "removeprefix" => str_removeprefix = search::str_removeprefix,
    "removesuffix" => str_removesuffix = search::str_removesuffix,
    "strip" => str_strip = layout::str_strip,
    "lstrip" => str_lstrip = layout::str_lstrip,
    "rstrip" => str_rstrip = layout::str_rstrip,
    "center" => str_center = layout::str_center,
    "ljust" => str_ljust = layout::str_ljust,
    "rjust" => str_rjust = layout::str_rjust,
    "zfill" => str_zfill = layout::str_zfill,
    "expandtabs" => str_expandtabs = layout::str_expandtabs,
    "lower" => str_lower = case::str_lower,
    "upper" => str_upper = case::str_upper,
    "casefold" => str_casefold = case::str_casefold,
    "swapcase" => str_swapcase = case::str_swapcase,
    "title" => str_title = case::str_title,
    "capitalize" => str_capitalize = case::str_capitalize,
    "isalpha" => str_isalpha = case::str_isalpha,
    "isalnum" => str_isalnum = case::str_isalnum,
    "isspace" => str_isspace = case::str_isspace,
    "isprintable" => str_isprintable = case::str_isprintable,
    "isidentifier" => str_isidentifier = case::str_isidentifier,
    "islower" => str_islower = case::str_islower,
    "isupper" => str_isupper = case::str_isupper,
    "istitle" => str_istitle = case::str_istitle,
    "__mod__" => str_mod = str_mod,
    "__format__" => str_format_dunder = str_format_dunder,
    "format" => str_format_method = str_format_method,
}
