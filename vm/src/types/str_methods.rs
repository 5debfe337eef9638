//! The methods of `str` and its iterator.
//!
//! This file holds the object protocol (`__new__`, `__repr__`, comparison,
//! indexing, `+`, `*`, `%`, `__format__`, iteration) and `install`; the
//! named methods live in the child modules by family: `search` (find,
//! count, split, replace, partition, ...), `case` (case mappings and the
//! `is*` predicates over the Unicode tables in `unicode_db`), `layout`
//! (strip, justify, tabs, translate) and `codec` (encode/decode for the
//! codecs the runtime knows). The format mini-languages are in
//! `format_spec`, `percent_format` and `str_format`.
//!
//! Invariants: a `PyStr` is immutable, so every method works on a borrowed
//! `&str` with no lock. Indices in the Python API count code points;
//! ASCII strings (where code points equal bytes) take byte-level paths,
//! and the rest convert between code point and byte offsets with at most
//! a constant number of linear walks per call, so no method is quadratic.

#[path = "format_spec.rs"]
pub mod format_spec;
#[path = "percent_format.rs"]
pub mod percent_format;
#[path = "str_format.rs"]
pub mod str_format;

pub mod case;
pub mod codec;
mod keep_surrogates;
mod layout;
mod search;
mod unicode_db;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::iterators::NativeIterator;
use crate::types::singletons::{bool_value, not_implemented};
use crate::types::small::{PyBytes, PySlice};
use crate::types::str::{new_str, str_wtf8, PyStr, STR_TYPE};
use crate::types::tuple::new_tuple;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub use case::{decimal_value, is_printable, is_space};

pub static STR_ITER_TYPE: TypeCell = TypeCell::new();
pub static STR_ASCII_ITER_TYPE: TypeCell = TypeCell::new();

// ------------------------------------------------------------ helpers

/// The receiver of a `str` method (the descriptor already checked it).
fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a PyStr> {
    match args.pos.first().and_then(|v| v.downcast_ref::<PyStr>()) {
        Some(s) => Ok(s),
        None => Err(vm.new_type_error("descriptor requires a 'str' object")),
    }
}

/// Checks the argument count of a named method (`n` arguments besides
/// the receiver) with CPython's METH_NOARGS/METH_O messages; returns all
/// positional arguments, the receiver first.
fn method_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.pos.is_empty() {
        return Err(vm.new_type_error(format!("unbound method {name}() needs an argument")));
    }
    args.skip_self().exact(vm, name, n)?;
    Ok(args.pos)
}

/// The same for special methods, with the slot wrappers' messages.
fn wrapper_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let got = args.pos.len().saturating_sub(1);
    if args.pos.is_empty() || got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!("expected {n} argument{s}, got {got}")));
    }
    Ok(args.pos)
}

/// A `str` result: the receiver itself when it is an exact `str` whose
/// text is unchanged (CPython returns `self` in those cases too).
fn same_or_new(recv: &Value, s: &PyStr, out: &str) -> Value {
    if recv.is_exact(STR_TYPE.get()) && out.len() == s.as_str().len() && out == s.as_str() {
        recv.clone()
    } else {
        new_str(out)
    }
}

/// An exact-`str` copy of the receiver (for results equal to the input).
fn exact_copy(recv: &Value, s: &PyStr) -> Value {
    if recv.is_exact(STR_TYPE.get()) {
        recv.clone()
    } else {
        PyRef::new(s.byte_substr(0, s.as_str().len())).into_value()
    }
}

/// A `str` argument, or `TypeError(msg(type name))`.
fn str_arg<'a>(vm: &mut Vm, v: &'a Value, msg: impl FnOnce(&str) -> String) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => {
            let t = v.class().name();
            Err(vm.new_type_error(msg(&t)))
        }
    }
}

/// An index-sized integer argument (`__index__`), with CPython's
/// "Python int too large to convert to C ssize_t" on overflow.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    vm.index_ssize(v).map(|n| n as isize)
}

/// `MemoryError()` for results too large to allocate.
fn memory_error(vm: &mut Vm) -> PyErr {
    vm.new_exception_empty(&exc().memory_error)
}

/// Code point count of a `&str` (byte length for ASCII).
#[inline]
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `i` (`0 <= i <= n`) in `text` of `n` code
/// points, walking from whichever end is nearer.
pub(crate) fn char_offset(text: &str, n: usize, i: usize) -> usize {
    if n == text.len() {
        return i;
    }
    if i >= n {
        return text.len();
    }
    if i <= n / 2 {
        text.char_indices().nth(i).map(|(b, _)| b).unwrap_or(text.len())
    } else {
        text.char_indices().rev().nth(n - 1 - i).map(|(b, _)| b).unwrap_or(0)
    }
}

/// The text of code points `[start, end)` (`start <= end <= n`).
pub(crate) fn char_slice(s: &PyStr, start: usize, end: usize) -> &str {
    let text = s.as_str();
    let n = s.char_len();
    if n == text.len() {
        return &text[start..end];
    }
    let a = char_offset(text, n, start);
    // The end is found from the start or from the end, whichever is nearer.
    let b = if n - end < end - start {
        char_offset(text, n, end)
    } else {
        a + text[a..].char_indices().nth(end - start).map(|(b, _)| b).unwrap_or(text.len() - a)
    };
    &text[a..b]
}

/// The one-character strings U+0000..U+00FF, interned (immortal) once so
/// that indexing and iteration over Latin-1 text do not allocate.
fn latin1_chars() -> &'static [Value] {
    static CHARS: OnceLock<Vec<Value>> = OnceLock::new();
    CHARS.get_or_init(|| {
        (0u32..256).map(|c| crate::intern::intern(char::from_u32(c).unwrap_or('\0').encode_utf8(&mut [0; 4]))).collect()
    })
}

/// A one-character `str`.
#[inline]
pub fn char_str(c: char) -> Value {
    let cp = c as usize;
    if cp < 256 {
        latin1_chars()[cp].clone()
    } else {
        new_str(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

// --------------------------------------------------------------- repr

/// `repr(s)`: CPython's quoting (single quotes unless the text has single
/// and no double quotes) and escapes (`\\`, `\t`, `\n`, `\r`, other
/// non-printable characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`).
pub fn repr_str(s: &str) -> String {
    repr_chars(s, s.chars())
}

/// `repr` of a `str` value, lone surrogates included (as `\udxxx`).
pub fn repr_pystr(s: &PyStr) -> String {
    if s.has_surrogates() {
        repr_chars(s.as_str(), s.code_points().map(|cp| char::from_u32(cp).ok_or(cp)))
    } else {
        repr_str(s.as_str())
    }
}

/// A code point for `repr_chars`: a `char`, or a lone surrogate.
trait ReprChar: Copy {
    fn get(self) -> Result<char, u32>;
}

impl ReprChar for char {
    #[inline]
    fn get(self) -> Result<char, u32> {
        Ok(self)
    }
}

impl ReprChar for Result<char, u32> {
    #[inline]
    fn get(self) -> Result<char, u32> {
        self
    }
}

/// The body of `repr` over `chars`; `text` decides the quote.
fn repr_chars<C: ReprChar>(text: &str, chars: impl Iterator<Item = C>) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in chars {
        let c = match c.get() {
            Ok(c) => c,
            Err(cp) => {
                out.push_str(&format!("\\u{cp:04x}"));
                continue;
            }
        };
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

// ------------------------------------------------------ object protocol

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls_v) = args.pos.first() else {
        return Err(vm.new_type_error("str.__new__(): not enough arguments"));
    };
    let Some(cls) = cls_v.downcast::<PyType>() else {
        let t = cls_v.class().name();
        return Err(vm.new_type_error(format!("str.__new__(X): X is not a type object ({t})")));
    };
    if !cls.is_subtype(STR_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("str.__new__({n}): {n} is not a subtype of str")));
    }
    let a = args.skip_self().bind(vm, "str", &["object", "encoding", "errors"], 0)?;
    let text: Value = match (&a[0], &a[1], &a[2]) {
        (None, _, _) => new_str(""),
        (Some(obj), None, None) => vm.str(obj)?,
        (Some(obj), enc, errs) => {
            let encoding = match enc {
                Some(e) => str_arg(vm, e, |t| format!("str() argument 'encoding' must be str, not {t}"))?,
                None => "utf-8",
            };
            let errors = match errs {
                Some(e) => str_arg(vm, e, |t| format!("str() argument 'errors' must be str, not {t}"))?,
                None => "strict",
            };
            let decoded = if let Some(b) = obj.downcast_ref::<PyBytes>() {
                codec::decode(vm, &b.data, obj, encoding, errors)?
            } else if let Some(data) = crate::types::bytes_methods::buf_of(obj) {
                // UnicodeDecodeError.object is always a bytes object.
                let as_bytes = crate::types::bytes_new(data.to_vec());
                codec::decode(vm, &data, &as_bytes, encoding, errors)?
            } else if obj.downcast_ref::<PyStr>().is_some() {
                return Err(vm.new_type_error("decoding str is not supported"));
            } else {
                let t = obj.class().name();
                return Err(vm.new_type_error(format!("decoding to str: need a bytes-like object, {t} found")));
            };
            PyRef::new(decoded).into_value()
        }
    };
    if cls.is(STR_TYPE.get()) {
        return Ok(text);
    }
    let copy = match text.downcast_ref::<PyStr>() {
        Some(t) => t.byte_substr(0, t.as_str().len()),
        None => PyStr::new(""),
    };
    Ok(PyRef::new_with_type(copy, &cls).into_value())
}

fn str_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__repr__", 0)?;
    let s = this(vm, &args)?;
    Ok(new_str(repr_pystr(s)))
}

fn str_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__str__", 0)?;
    let s = this(vm, &args)?;
    Ok(exact_copy(&args.pos[0], s))
}

fn str_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__hash__", 0)?;
    let s = this(vm, &args)?;
    Ok(int_from_i64(s.hash()))
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&PyStr, &PyStr) -> bool) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, name, 1)?;
    let s = this(vm, &args)?;
    match a[1].downcast_ref::<PyStr>() {
        Some(o) => Ok(bool_value(f(s, o))),
        None => Ok(not_implemented()),
    }
}

fn str_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__eq__", |a, b| a == b)
}
fn str_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ne__", |a, b| a != b)
}
fn str_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__lt__", |a, b| a < b)
}
fn str_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__le__", |a, b| a <= b)
}
fn str_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__gt__", |a, b| a > b)
}
fn str_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ge__", |a, b| a >= b)
}

fn str_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__len__", 0)?;
    let s = this(vm, &args)?;
    Ok(int_from_i64(s.char_len() as i64))
}

/// `s[i]` for a normalised index.
fn item_at(s: &PyStr, i: usize) -> Value {
    if s.is_ascii() {
        latin1_chars()[s.as_str().as_bytes()[i] as usize].clone()
    } else {
        let text = s.as_str();
        let b = char_offset(text, s.char_len(), i);
        char_at_byte(s, b)
    }
}

/// The one-character string at byte offset `b` of a non-ASCII string.
#[inline]
fn char_at_byte(s: &PyStr, b: usize) -> Value {
    let c = s.as_str()[b..].chars().next().unwrap_or('\0');
    if c == '\u{FFFD}' && s.has_surrogates() {
        if let Some(cp) = str_wtf8::surrogate_at(&s.wtf8()[b..]) {
            return crate::types::str::str_from_code_point(cp);
        }
    }
    char_str(c)
}

/// `s[start:stop:step]` with indices already clamped by `slice_indices`.
fn slice_of(s: &PyStr, start: i64, stop: i64, step: i64) -> Value {
    if s.has_surrogates() {
        return slice_of_surrogates(s, start, stop, step);
    }
    new_str(slice_text(s, start, stop, step))
}

/// `slice_of` for a string with lone surrogates: the same slice of the
/// exact code points.
fn slice_of_surrogates(s: &PyStr, start: i64, stop: i64, step: i64) -> Value {
    if step == 1 {
        if stop <= start {
            return new_str("");
        }
        let text = char_slice(s, start as usize, stop as usize);
        let a = text.as_ptr() as usize - s.as_str().as_ptr() as usize;
        return PyRef::new(s.byte_substr(a, a + text.len())).into_value();
    }
    let cps: Vec<u32> = s.code_points().collect();
    let n = crate::types::tuple_methods::slice_len(start, stop, step);
    let picked = (0..n).filter_map(|k| cps.get((start + k as i64 * step) as usize).copied());
    PyRef::new(PyStr::from_code_points(picked)).into_value()
}

fn slice_text(s: &PyStr, start: i64, stop: i64, step: i64) -> String {
    let text = s.as_str();
    if step == 1 {
        if stop <= start {
            return String::new();
        }
        return char_slice(s, start as usize, stop as usize).to_string();
    }
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    if count <= 0 {
        return String::new();
    }
    if s.is_ascii() {
        let b = text.as_bytes();
        let mut out = Vec::with_capacity(count as usize);
        let mut i = start;
        for _ in 0..count {
            out.push(b[i as usize]);
            i += step;
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(count as usize);
    let mut i = start;
    for _ in 0..count {
        if let Some(c) = chars.get(i as usize) {
            out.push(*c);
        }
        i += step;
    }
    out
}

fn str_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__getitem__", 1)?;
    let s = this(vm, &args)?;
    let key = &a[1];
    if let Some(sl) = key.downcast_ref::<PySlice>() {
        let n = s.char_len() as i64;
        let (start, stop, step) = crate::types::list_methods::slice_indices(vm, sl, n)?;
        if step == 1 && start <= 0 && stop >= n {
            return Ok(exact_copy(&a[0], s));
        }
        return Ok(slice_of(s, start, stop, step));
    }
    let i = if let Some(i) = key.as_small_int() {
        i
    } else if key.as_int().is_some() || key.class().lookup("__index__").is_some() {
        vm.index_isize(key)? as i64
    } else {
        let t = key.class().name();
        return Err(vm.new_type_error(format!("string indices must be integers, not '{t}'")));
    };
    match crate::protocol::sequence::normalize_index(i, s.char_len()) {
        Some(j) => Ok(item_at(s, j)),
        None => Err(vm.new_index_error("string index out of range")),
    }
}

fn str_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__contains__", 1)?;
    let s = this(vm, &args)?;
    let sub = str_arg(vm, &a[1], |t| format!("'in <string>' requires string as left operand, not {t}"))?;
    if let Some(o) = a[1].downcast_ref::<PyStr>().filter(|o| o.has_surrogates() || s.has_surrogates()) {
        // Generalized UTF-8 is self-synchronizing: a byte match is a match.
        let (h, n) = (s.wtf8(), o.wtf8());
        return Ok(bool_value(n.is_empty() || h.windows(n.len()).any(|w| w == &n[..])));
    }
    Ok(bool_value(s.as_str().contains(sub)))
}

fn str_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__add__", 1)?;
    let s = this(vm, &args)?;
    let Some(o) = a[1].as_str() else {
        // A class may still handle `str + x` with `__radd__`; builtin
        // types never do, and CPython reports the concatenation error.
        let ot = a[1].class();
        if ot.is_heap_type() && ot.lookup("__radd__").is_some() {
            return Ok(not_implemented());
        }
        let t = ot.name();
        return Err(vm.new_type_error(format!("can only concatenate str (not \"{t}\") to str")));
    };
    let (x, y) = (s.as_str(), o);
    if y.is_empty() && a[0].is_exact(STR_TYPE.get()) {
        return Ok(a[0].clone());
    }
    if x.is_empty() && a[1].is_exact(STR_TYPE.get()) {
        return Ok(a[1].clone());
    }
    if let Some(v) = concat_surrogates(s, &a[1]) {
        return Ok(v);
    }
    match crate::types::str::concat2(x, y) {
        Some(v) => Ok(v),
        None => Err(memory_error(vm)),
    }
}

/// `a + b` when either holds lone surrogates (joining the exact texts).
fn concat_surrogates(a: &PyStr, b: &Value) -> Option<Value> {
    let b = b.downcast_ref::<PyStr>()?;
    if !a.has_surrogates() && !b.has_surrogates() {
        return None;
    }
    Some(crate::types::str::new_str_wtf8([&a.wtf8()[..], &b.wtf8()[..]].concat()))
}

/// `s * n` (shared by `__mul__` and `__rmul__`).
fn repeat(vm: &mut Vm, recv: &Value, s: &PyStr, n: &Value) -> PyResult<Value> {
    let count = if let Some(i) = n.as_small_int() {
        i
    } else if n.as_int().is_some() || n.class().lookup("__index__").is_some() {
        let r = vm.index(n)?;
        match r.as_i64() {
            Some(i) => i,
            None => return Err(vm.new_overflow_error("cannot fit 'int' into an index-sized integer")),
        }
    } else {
        let nt = n.class();
        if nt.is_heap_type() && nt.lookup("__rmul__").is_some() {
            return Ok(not_implemented());
        }
        let t = nt.name();
        return Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{t}'")));
    };
    if count <= 0 || s.as_str().is_empty() {
        return Ok(new_str(""));
    }
    if count == 1 {
        return Ok(exact_copy(recv, s));
    }
    if s.has_surrogates() {
        let total = s.wtf8().len().checked_mul(count as usize).filter(|&t| t <= isize::MAX as usize);
        let Some(_) = total else { return Err(memory_error(vm)) };
        return Ok(crate::types::str::new_str_wtf8(s.wtf8().repeat(count as usize)));
    }
    let len = s.as_str().len();
    let total = match len.checked_mul(count as usize) {
        Some(t) if t <= isize::MAX as usize => t,
        _ => return Err(memory_error(vm)),
    };
    let mut out = String::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(memory_error(vm));
    }
    // Doubling copies: log2(count) memcpy calls instead of `count`.
    out.push_str(s.as_str());
    while out.len() * 2 <= total {
        out.extend_from_within(..);
    }
    let rest = total - out.len();
    out.extend_from_within(..rest);
    Ok(new_str(out))
}

fn str_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__mul__", 1)?;
    let s = this(vm, &args)?;
    repeat(vm, &a[0], s, &a[1])
}

fn str_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__rmul__", 1)?;
    let s = this(vm, &args)?;
    repeat(vm, &a[0], s, &a[1])
}

fn str_mod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__mod__", 1)?;
    let s = this(vm, &args)?;
    let out = percent_format::percent_format(vm, s.as_str(), &a[1])?;
    Ok(new_str(out))
}

fn str_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__rmod__", 1)?;
    Ok(not_implemented())
}

fn str_format_dunder(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__format__", 1)?;
    let s = this(vm, &args)?;
    let spec = str_arg(vm, &a[1], |t| format!("__format__() argument must be str, not {t}"))?;
    if spec.is_empty() {
        return if a[0].is_exact(STR_TYPE.get()) { Ok(a[0].clone()) } else { vm.str(&a[0]) };
    }
    let tname = a[0].class().name();
    let out = format_spec::format_str_named(vm, s.as_str(), spec, &tname)?;
    Ok(new_str(out))
}

fn str_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__getnewargs__", 0)?;
    let s = this(vm, &args)?;
    Ok(new_tuple(vec![PyRef::new(s.byte_substr(0, s.as_str().len())).into_value()]))
}

fn str_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__sizeof__", 0)?;
    let s = this(vm, &args)?;
    // CPython's compact layout: a 40/56/64/72-byte header plus the text.
    let (head, unit) = match s.as_str().chars().map(|c| c as u32).max().unwrap_or(0) {
        0..=0x7f => (49, 1),
        0x80..=0xff => (73, 1),
        0x100..=0xffff => (74, 2),
        _ => (76, 4),
    };
    Ok(int_from_i64((head + unit * s.char_len()) as i64))
}

// -------------------------------------------------------------- join

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_args(vm, &args, "str.join", 1)?;
    let sep = this(vm, &args)?;
    let items = if let Some(t) = a[1].as_tuple() {
        t.to_vec()
    } else if let Some(l) = a[1].downcast_ref::<crate::types::list::PyList>() {
        l.snapshot()
    } else {
        let it = match vm.iter(&a[1]) {
            Ok(it) => it,
            Err(e) if vm.err_matches(&e, &exc().type_error) => {
                return Err(vm.new_type_error("can only join an iterable"));
            }
            Err(e) => return Err(e),
        };
        let mut v = Vec::new();
        while let Some(x) = vm.next(&it)? {
            v.push(x);
        }
        v
    };
    if items.len() == 1 && items[0].is_exact(STR_TYPE.get()) {
        return Ok(items[0].clone());
    }
    let mut total = sep.as_str().len() * items.len().saturating_sub(1);
    for (i, x) in items.iter().enumerate() {
        match x.as_str() {
            Some(t) => total += t.len(),
            None => {
                let t = x.class().name();
                return Err(vm.new_type_error(format!("sequence item {i}: expected str instance, {t} found")));
            }
        }
    }
    let wide = |x: &Value| x.downcast_ref::<PyStr>().is_some_and(|s| s.has_surrogates());
    if sep.has_surrogates() || items.iter().any(wide) {
        let mut out = Vec::with_capacity(total);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&sep.wtf8());
            }
            if let Some(s) = x.downcast_ref::<PyStr>() {
                out.extend_from_slice(&s.wtf8());
            }
        }
        return Ok(crate::types::str::new_str_wtf8(out));
    }
    let Ok(mut out) = compact_str::CompactString::try_with_capacity(total) else {
        return Err(memory_error(vm));
    };
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        out.push_str(x.as_str().unwrap_or(""));
    }
    Ok(new_str(out))
}

// ---------------------------------------------------- format, format_map

fn str_format_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let kw = str_format::Kwargs::Call { names: args.kwnames, values: args.kwvalues };
    let out = str_format::format(vm, s.as_str(), Some(&args.pos[1..]), kw)?;
    Ok(new_str(out))
}

fn str_format_map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_args(vm, &args, "str.format_map", 1)?;
    let s = this(vm, &args)?;
    let out = str_format::format(vm, s.as_str(), None, str_format::Kwargs::Mapping(&a[1]))?;
    Ok(new_str(out))
}

// ------------------------------------------- interpreter fast paths

/// `a + b` when both are exact `str` (for `BINARY_OP`); `None` otherwise
/// (or when the result cannot be allocated), meaning "take the slow path".
pub fn concat_exact(a: &Value, b: &Value) -> Option<Value> {
    let t = STR_TYPE.get();
    if !a.is_exact(t) || !b.is_exact(t) {
        return None;
    }
    let (x, y) = (a.as_str()?, b.as_str()?);
    if y.is_empty() {
        return Some(a.clone());
    }
    if x.is_empty() {
        return Some(b.clone());
    }
    if let Some(v) = concat_surrogates(a.downcast_ref::<PyStr>()?, b) {
        return Some(v);
    }
    crate::types::str::concat2(x, y)
}

/// `s[i]` for an exact `str` and an in-range index (for `BINARY_SUBSCR`);
/// `None` otherwise, so the slow path raises the errors.
pub fn getitem_exact(s: &Value, i: i64) -> Option<Value> {
    if !s.is_exact(STR_TYPE.get()) {
        return None;
    }
    let st = s.downcast_ref::<PyStr>()?;
    let j = crate::protocol::sequence::normalize_index(i, st.char_len())?;
    Some(item_at(st, j))
}

// ----------------------------------------------------------- iterator

/// `iter(str)`: walks the text by byte offset, so each step is O(1) for
/// any string. The offset is only ever stored at a character boundary
/// (compare-and-swap from the offset the character was read at), so
/// threads racing on one iterator each get distinct characters.
pub struct PyStrIter {
    text: PyRef<PyStr>,
    pos: AtomicUsize,
}

impl PyPayload for PyStrIter {
    fn class() -> &'static PyRef<PyType> {
        STR_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.text.to_value());
    }
}

impl NativeIterator for PyStrIter {
    #[inline]
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let s = self.text.as_str();
        loop {
            let p = self.pos.load(Ordering::Relaxed);
            let Some(c) = s.get(p..).and_then(|rest| rest.chars().next()) else {
                return Ok(None);
            };
            // Pairs with other threads' swaps on this iterator only; the
            // text itself is immutable.
            if self.pos.compare_exchange(p, p + c.len_utf8(), Ordering::Relaxed, Ordering::Relaxed).is_ok() {
                if c == '\u{FFFD}' && self.text.has_surrogates() {
                    return Ok(Some(char_at_byte(&self.text, p)));
                }
                return Ok(Some(char_str(c)));
            }
        }
    }
}

fn str_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_args(vm, &args, "__iter__", 0)?;
    let Some(text) = args.pos[0].downcast::<PyStr>() else {
        return Err(vm.new_type_error("descriptor '__iter__' requires a 'str' object"));
    };
    let cls = if text.is_ascii() { STR_ASCII_ITER_TYPE.get() } else { STR_ITER_TYPE.get() };
    let it = PyStrIter { text, pos: AtomicUsize::new(0) };
    Ok(PyRef::new_with_type(it, cls).into_value())
}

fn iter_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyStrIter> {
    match v.downcast_ref::<PyStrIter>() {
        Some(i) => Ok(i),
        None => Err(vm.new_type_error("descriptor requires a 'str_iterator' object")),
    }
}

fn striter_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__iter__", 0)?;
    Ok(a[0].clone())
}

fn striter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__next__", 0)?;
    let it = iter_of(vm, &a[0])?;
    match it.next(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn striter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = wrapper_args(vm, &args, "__length_hint__", 0)?;
    let it = iter_of(vm, &a[0])?;
    let s = it.text.as_str();
    let p = it.pos.load(Ordering::Relaxed).min(s.len());
    Ok(int_from_i64(s.get(p..).map(char_count).unwrap_or(0) as i64))
}

// ------------------------------------------------------------ install

/// Adds `str`'s methods to its type dict and creates the iterator types.
pub(crate) fn install(types: &crate::types::Types) {
    let t = types.str_;
    add_method_kind(t, "__new__", str_new, MethodKind::Static);
    add_method_kind(t, "maketrans", layout::str_maketrans, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__repr__", str_repr),
            ("__str__", str_str),
            ("__hash__", str_hash),
            ("__eq__", str_eq),
            ("__ne__", str_ne),
            ("__lt__", str_lt),
            ("__le__", str_le),
            ("__gt__", str_gt),
            ("__ge__", str_ge),
            ("__len__", str_len),
            ("__getitem__", str_getitem),
            ("__contains__", str_contains),
            ("__iter__", str_iter),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_rmul),
            ("__mod__", str_mod),
            ("__rmod__", str_rmod),
            ("__format__", str_format_dunder),
            ("__getnewargs__", str_getnewargs),
            ("__sizeof__", str_sizeof),
            ("join", str_join),
            ("format", str_format_method),
            ("format_map", str_format_map),
        ],
    );
    search::install(t);
    case::install(t);
    layout::install(t);
    codec::install(t);
    keep_surrogates::install(t);
    for (cell, name) in [(&STR_ITER_TYPE, "str_iterator"), (&STR_ASCII_ITER_TYPE, "str_ascii_iterator")] {
        let it = PyType::new_builtin::<PyStrIter>(name, Some(types.object), 0, false);
        it.set_dict(crate::types::dict::PyDict::new_ref());
        cell.set(it);
        add_methods(
            cell.get(),
            &[("__iter__", striter_iter), ("__next__", striter_next), ("__length_hint__", striter_length_hint)],
        );
    }
}
