//! Methods of `bytes` and `bytearray`: construction, `repr`, the sequence
//! protocol, comparisons, hashing, the codecs (`decode`, and `encode_str`
//! through `str_methods::codec`), `hex`/`fromhex`, the
//! bytearray mutators, and the two iterator types. The str-like methods
//! (`split`, `strip`, `find`, ...) and `%` formatting are in `bytes_text.rs`.
//!
//! A bytearray's buffer is read by copying it out under its lock (or by
//! indexing one byte), and written in one locked step after any Python
//! code (`__index__`, iteration) has run.

#[path = "bytes_text.rs"]
mod text;

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use skein_compiler::bytecode::CompareOp;

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::protocol::sequence::normalize_index;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::iterators::NativeIterator;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::small::{bytes_new, PyByteArray, PyBytes, BYTEARRAY_TYPE, BYTES_TYPE};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple_methods::{
    check_repeat_size, compare_methods, descr_error, gather, noargs, one_arg, pos_range, repeat_count, seq_key,
    slot_args, Key, RichCompare,
};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static BYTES_ITER_TYPE: TypeCell = TypeCell::new();
pub static BYTEARRAY_ITER_TYPE: TypeCell = TypeCell::new();

// ---- buffers ----------------------------------------------------------------------

/// The bytes of a `bytes` (borrowed), `bytearray`, `array.array` or
/// `memoryview` (copied) value.
pub fn buf_of(v: &Value) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Some(Cow::Borrowed(&b.data));
    }
    if let Some(b) = v.downcast_ref::<PyByteArray>() {
        return Some(Cow::Owned(b.data.lock().clone()));
    }
    if let Some(b) = crate::modules::array::array_bytes(v) {
        return Some(Cow::Owned(b));
    }
    crate::types::memoryview::memoryview_bytes(v).map(Cow::Owned)
}

/// A bytes-like argument: TypeError "a bytes-like object is required, not 'X'".
pub(crate) fn need_buf<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match buf_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.new_type_error(format!("a bytes-like object is required, not '{}'", v.class().name()))),
    }
}

/// The receiver's bytes.
pub(crate) fn recv<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match buf_of(v) {
        Some(b) => Ok(b),
        None => Err(descr_error(vm, "bytes", v)),
    }
}

pub(crate) fn is_bytearray(v: &Value) -> bool {
    v.downcast_ref::<PyByteArray>().is_some()
}

fn bytearray_payload(data: Vec<u8>) -> PyByteArray {
    PyByteArray { data: crate::object::Locked::new(data), exports: skein_threading::sync::AtomicUsize::new(0) }
}

pub fn bytearray_new(data: Vec<u8>) -> Value {
    PyRef::new(bytearray_payload(data)).into_value()
}

/// The data of a bytearray about to change size, locked; BufferError while
/// memoryviews export it (CPython's `_canresize`). `same_size` operations
/// skip the check, as `PyByteArray_Resize` does.
fn lock_resizable<'a>(
    vm: &mut Vm,
    ba: &'a PyByteArray,
    new_len: impl FnOnce(usize) -> usize,
) -> PyResult<crate::object::LockedGuard<'a, Vec<u8>>> {
    let d = ba.data.lock();
    if new_len(d.len()) != d.len() && ba.exports.load(skein_threading::sync::Ordering::Acquire) > 0 {
        drop(d);
        return Err(vm.new_exception_msg(&exc().buffer_error, "Existing exports of data: object cannot be re-sized"));
    }
    Ok(d)
}

/// A result of the receiver's kind: `bytearray` for bytearrays, else `bytes`.
pub(crate) fn like(recv: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(recv) {
        bytearray_new(data)
    } else {
        bytes_new(data)
    }
}

fn type_name(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// One byte from an int-like value: "byte must be in range(0, 256)".
pub(crate) fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match v.as_small_int() {
        Some(i) => i,
        None => {
            let i = vm.index(v)?;
            i.as_i64().unwrap_or(-1)
        }
    };
    match u8::try_from(i) {
        Ok(b) => Ok(b),
        Err(_) => Err(vm.new_value_error("byte must be in range(0, 256)")),
    }
}

// ---- codecs -----------------------------------------------------------------------
//
// The codecs themselves (UTF-8, ASCII, Latin-1, UTF-16/32, cp1252, error
// handlers, CPython's UnicodeError arguments) live with `str.encode` in
// `str_methods::codec`; bytes only parse their arguments.

/// A `str` argument of `name()`: "decode() argument 'encoding' must be str, not int".
fn str_arg<'a>(vm: &mut Vm, v: &'a Value, fname: &str, arg: &str) -> PyResult<&'a str> {
    match v.downcast_ref::<PyStr>() {
        Some(s) => Ok(s.as_str()),
        None => Err(vm.new_type_error(format!("{fname}() argument '{arg}' must be str, not {}", v.class().name()))),
    }
}

fn bytes_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'decode' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "decode", &["encoding", "errors"], 0)?;
    let data = recv(vm, s)?;
    let encoding = match &slots[0] {
        Some(v) => str_arg(vm, v, "decode", "encoding")?,
        None => "utf-8",
    };
    let errors = match &slots[1] {
        Some(v) => str_arg(vm, v, "decode", "errors")?,
        None => "strict",
    };
    // UnicodeDecodeError.object is always a bytes object.
    let obj = if is_bytearray(s) { bytes_new(data.to_vec()) } else { s.clone() };
    Ok(PyRef::new(crate::types::str_methods::codec::decode(vm, &data, &obj, encoding, errors)?).into_value())
}

// ---- construction -------------------------------------------------------------------

/// The bytes of `source` for `bytes(source, encoding, errors)` and
/// `bytearray(...)`, with CPython's checks and messages.
fn bytes_from_args(vm: &mut Vm, args: &Args<'_>, what: &str) -> PyResult<Vec<u8>> {
    let slots = args.skip_self().bind(vm, what, &["source", "encoding", "errors"], 0)?;
    let [source, encoding, errors] = [&slots[0], &slots[1], &slots[2]];
    let Some(x) = source else {
        if encoding.is_some() {
            return Err(vm.new_type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.new_type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(enc) = encoding {
        let Some(s) = x.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error("encoding without a string argument"));
        };
        let enc = str_arg(vm, enc, what, "encoding")?;
        let errs = match errors {
            Some(e) => str_arg(vm, e, what, "errors")?,
            None => "strict",
        };
        return crate::types::str_methods::codec::encode(vm, s, x, enc, errs);
    }
    if errors.is_some() {
        let msg = if x.downcast_ref::<PyStr>().is_some() {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        };
        return Err(vm.new_type_error(msg));
    }
    if what == "bytes" {
        if let Some(f) = x.class().lookup("__bytes__") {
            let r = vm.call_unbound(&f, x, std::slice::from_ref(x))?;
            return match r.downcast_ref::<PyBytes>() {
                Some(b) => Ok(b.data.to_vec()),
                None => Err(vm.new_type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name()))),
            };
        }
    }
    if x.downcast_ref::<PyStr>().is_some() {
        return Err(vm.new_type_error("string argument without an encoding"));
    }
    if x.as_int().is_some() || x.class().lookup("__index__").is_some() {
        match vm.index_isize(x) {
            Ok(n) if n < 0 => return Err(vm.new_value_error("negative count")),
            Ok(n) => {
                // An impossible size is a MemoryError, not an abort.
                let mut v = Vec::new();
                if v.try_reserve_exact(n as usize).is_err() {
                    return Err(vm.new_exception_empty(&exc().memory_error));
                }
                v.resize(n as usize, 0);
                return Ok(v);
            }
            Err(e) if vm.err_matches(&e, &exc().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    if let Some(b) = buf_of(x) {
        return Ok(b.into_owned());
    }
    let t = x.class();
    if t.lookup("__iter__").is_none_or(|f| f.is_none()) && t.lookup("__getitem__").is_none() {
        return Err(vm.new_type_error(format!("cannot convert '{}' object to {what}", t.name())));
    }
    let items = vm.collect(x)?;
    let mut out = Vec::with_capacity(items.len());
    for v in &items {
        match byte_of(vm, v) {
            Ok(b) => out.push(b),
            Err(e) if what == "bytes" && vm.err_matches(&e, &exc().value_error) => {
                return Err(vm.new_value_error("bytes must be in range(0, 256)"))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn bytes_new_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("bytes.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(BYTES_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "bytes.__new__({}): {} is not a subtype of bytes",
            cls.name(),
            cls.name()
        )));
    }
    let exact = cls.is(BYTES_TYPE.get());
    if exact && args.pos.len() == 2 && !args.has_kwargs() && args.pos[1].is_exact(BYTES_TYPE.get()) {
        return Ok(args.pos[1].clone());
    }
    let data = bytes_from_args(vm, &args, "bytes")?;
    if exact {
        return Ok(bytes_new(data));
    }
    Ok(PyRef::new_with_type(PyBytes { data: data.into_boxed_slice() }, &cls).into_value())
}

fn bytearray_new_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("bytearray.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(BYTEARRAY_TYPE.get()) {
        return Err(vm.new_type_error(format!(
            "bytearray.__new__({}): {} is not a subtype of bytearray",
            cls.name(),
            cls.name()
        )));
    }
    let payload = bytearray_payload(Vec::new());
    Ok(PyRef::new_with_type(payload, &cls).into_value())
}

fn bytearray_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' needs an argument"));
    };
    let Some(ba) = s.downcast_ref::<PyByteArray>() else {
        return Err(descr_error(vm, "bytearray", s));
    };
    let data = bytes_from_args(vm, &args, "bytearray")?;
    // CPython empties the array first, then fills it: both resize.
    let n = data.len();
    let old = std::mem::replace(&mut *lock_resizable(vm, ba, |old| if old == 0 { n } else { usize::MAX })?, data);
    drop(old);
    Ok(none())
}

// ---- repr, hex ----------------------------------------------------------------------

/// `b'...'` with CPython's quoting and escapes. Single quotes unless the
/// data has `'` but no `"`; bytearray's repr escapes `'` even inside
/// double quotes, as CPython's does.
pub fn bytes_repr_text(data: &[u8], bytearray: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::with_capacity(data.len() + 3);
    s.push('b');
    s.push(quote);
    for &b in data {
        match b {
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\\' => s.push_str("\\\\"),
            _ if b as char == quote || (bytearray && b == b'\'') => {
                s.push('\\');
                s.push(b as char);
            }
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s.push(quote);
    s
}

fn bytes_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let data = recv(vm, &a[0])?;
    let text = bytes_repr_text(&data, is_bytearray(&a[0]));
    if is_bytearray(&a[0]) {
        return Ok(new_str(format!("{}({text})", a[0].class().name())));
    }
    Ok(new_str(text))
}

fn bytes_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'hex' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "hex", &["sep", "bytes_per_sep"], 0)?;
    let data = recv(vm, s)?;
    hex_string(vm, &data, slots[0].as_ref(), slots[1].as_ref())
}

/// `bytes.hex(sep, bytes_per_sep)` of `data` (shared with memoryview).
pub(crate) fn hex_string(vm: &mut Vm, data: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<Value> {
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else {
        return Ok(new_str(hex.concat()));
    };
    let sep: String = if let Some(t) = sep.downcast_ref::<PyStr>() {
        t.as_str().to_string()
    } else if let Some(b) = buf_of(sep) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        vm.len(sep)?;
        return Err(vm.new_type_error("sep must be str or bytes."));
    };
    if sep.chars().count() != 1 {
        return Err(vm.new_value_error("sep must be length 1."));
    }
    let per = match per {
        Some(v) => vm.index_isize(v)? as i64,
        None => 1,
    };
    if per == 0 || hex.is_empty() {
        return Ok(new_str(hex.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let n = hex.len();
    let mut out = String::new();
    for (i, h) in hex.iter().enumerate() {
        // Groups count from the right for a positive size, else the left.
        let boundary = if per > 0 { (n - i).is_multiple_of(k) } else { i % k == 0 };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(h);
    }
    Ok(new_str(out))
}

fn bytes_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, s) = one_arg(vm, &args, "fromhex")?;
    let Some(text) = s.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!("fromhex() argument must be str, not {}", s.class().name())));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let digit = |c: Option<&char>| c.and_then(|c| c.to_digit(16));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let (Some(hi), Some(lo)) = (digit(chars.get(i)), digit(chars.get(i + 1))) else {
            let at = if digit(chars.get(i)).is_none() { i } else { i + 1 };
            return Err(vm.new_value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}")));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    if cls.is(&BYTES_TYPE.get().to_value()) {
        return Ok(bytes_new(out));
    }
    if cls.is(&BYTEARRAY_TYPE.get().to_value()) {
        return Ok(bytearray_new(out));
    }
    let b = if cls.downcast_ref::<PyType>().is_some_and(|t| t.is_subtype(BYTEARRAY_TYPE.get())) {
        bytearray_new(out)
    } else {
        bytes_new(out)
    };
    vm.call(cls, &[b])
}

// ---- sequence protocol -----------------------------------------------------------

fn bytes_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    if let Some(b) = a[0].downcast_ref::<PyByteArray>() {
        return Ok(int_from_i64(b.data.lock().len() as i64));
    }
    Ok(int_from_i64(recv(vm, &a[0])?.len() as i64))
}

fn bytes_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let ba = is_bytearray(&a[0]);
    let what = if ba { "bytearray" } else { "byte" };
    let key = seq_key(vm, &a[1], what)?;
    let data = recv(vm, &a[0])?;
    match key {
        Key::Index(i) => match normalize_index(i, data.len()) {
            Some(j) => Ok(int_from_i64(data[j] as i64)),
            None => Err(vm.new_index_error(if ba { "bytearray index out of range" } else { "index out of range" })),
        },
        Key::Slice(sp) => {
            let (start, _, step, n) = sp.adjust(data.len());
            if !ba && step == 1 && n == data.len() && a[0].is_exact(BYTES_TYPE.get()) {
                return Ok(a[0].clone());
            }
            Ok(like(&a[0], gather(&data, start, step, n)))
        }
    }
}

/// `x in b`: an int in range(256) or a bytes-like subsequence.
fn bytes_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let data = recv(vm, &a[0])?;
    if a[1].as_int().is_some() || a[1].class().lookup("__index__").is_some() {
        let b = byte_of(vm, &a[1])?;
        return Ok(bool_value(data.contains(&b)));
    }
    let sub = need_buf(vm, &a[1])?;
    Ok(bool_value(text::find_sub(&data, &sub, 0, data.len()).is_some()))
}

/// Iterator over a bytes or bytearray value, by index.
pub struct PyBytesIter {
    source: Value,
    pos: AtomicUsize,
}

impl PyPayload for PyBytesIter {
    fn class() -> &'static PyRef<PyType> {
        BYTES_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.source);
    }
}

impl NativeIterator for PyBytesIter {
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.pos.load(Ordering::Relaxed);
        let b = if let Some(b) = self.source.downcast_ref::<PyBytes>() {
            b.data.get(i).copied()
        } else if let Some(b) = self.source.downcast_ref::<PyByteArray>() {
            b.data.lock().get(i).copied()
        } else {
            None
        };
        match b {
            Some(b) => {
                self.pos.store(i + 1, Ordering::Relaxed);
                Ok(Some(int_from_i64(b as i64)))
            }
            None => {
                self.pos.store(usize::MAX / 2, Ordering::Relaxed);
                Ok(None)
            }
        }
    }
}

fn bytes_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    recv(vm, &a[0])?;
    let cell = if is_bytearray(&a[0]) { &BYTEARRAY_ITER_TYPE } else { &BYTES_ITER_TYPE };
    let it = PyBytesIter { source: a[0].clone(), pos: AtomicUsize::new(0) };
    Ok(PyRef::new_with_type(it, cell.get()).into_value())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(it) = a[0].downcast_ref::<PyBytesIter>() else {
        return Err(descr_error(vm, "bytes_iterator", &a[0]));
    };
    match it.next(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__length_hint__")?;
    let Some(it) = s.downcast_ref::<PyBytesIter>() else {
        return Err(descr_error(vm, "bytes_iterator", s));
    };
    let n = buf_of(&it.source).map(|b| b.len()).unwrap_or(0);
    Ok(int_from_i64(n.saturating_sub(it.pos.load(Ordering::Relaxed)) as i64))
}

fn self_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

fn bytes_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let x = recv(vm, &a[0])?;
    let Some(y) = buf_of(&a[1]) else {
        if let Some(f) = crate::types::tuple_methods::python_level(&a[1], "__radd__") {
            let r = vm.call_unbound(&f, &a[1], &[a[1].clone(), a[0].clone()])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        return Err(vm.new_type_error(format!("can't concat {} to {}", a[1].class().name(), type_name(&a[0]))));
    };
    let mut v = x.into_owned();
    v.extend_from_slice(&y);
    Ok(like(&a[0], v))
}

fn repeat(vm: &mut Vm, s: &Value, n: &Value, reflected: bool) -> PyResult<Value> {
    let data = recv(vm, s)?;
    let Some(n) = repeat_count(vm, n)? else {
        if !reflected {
            if let Some(f) = crate::types::tuple_methods::python_level(n, "__rmul__") {
                let r = vm.call_unbound(&f, n, &[n.clone(), s.clone()])?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        return Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{}'", n.class().name())));
    };
    check_repeat_size(vm, data.len(), n)?;
    Ok(like(s, data.repeat(n.max(0) as usize)))
}

fn bytes_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    repeat(vm, &a[0], &a[1], false)
}

fn bytes_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    repeat(vm, &a[0], &a[1], true)
}

struct BytesCmp;

impl RichCompare for BytesCmp {
    fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let x = recv(vm, a)?;
        let Some(y) = buf_of(b) else {
            return Ok(not_implemented());
        };
        let r = match op {
            CompareOp::Lt => *x < *y,
            CompareOp::Le => *x <= *y,
            CompareOp::Eq => *x == *y,
            CompareOp::Ne => *x != *y,
            CompareOp::Gt => *x > *y,
            CompareOp::Ge => *x >= *y,
        };
        Ok(bool_value(r))
    }
}

fn bytes_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let data = recv(vm, &a[0])?;
    Ok(int_from_i64(crate::types::small::hash_bytes(&data)))
}

fn bytes_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "bytes.__bytes__")?;
    if s.is_exact(BYTES_TYPE.get()) {
        return Ok(s.clone());
    }
    Ok(bytes_new(recv(vm, s)?.into_owned()))
}

fn bytes_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "bytes.__getnewargs__")?;
    let data = recv(vm, s)?.into_owned();
    Ok(crate::types::tuple::new_tuple(vec![bytes_new(data)]))
}

// ---- bytearray mutation --------------------------------------------------------------

fn ba_this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyByteArray> {
    match v.downcast_ref::<PyByteArray>() {
        Some(b) => Ok(b),
        None => Err(descr_error(vm, "bytearray", v)),
    }
}

/// The bytes of an iterable of ints or a bytes-like value (slice
/// assignment, `extend`).
fn bytes_of_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buf_of(v) {
        return Ok(b.into_owned());
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_of(vm, x)?);
    }
    Ok(out)
}

fn ba_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 2)?;
    let ba = ba_this(vm, &a[0])?;
    match seq_key(vm, &a[1], "bytearray")? {
        Key::Index(i) => {
            let b = byte_of(vm, &a[2])?;
            let mut d = ba.data.lock();
            match normalize_index(i, d.len()) {
                Some(j) => {
                    d[j] = b;
                    Ok(none())
                }
                None => {
                    drop(d);
                    Err(vm.new_index_error("bytearray index out of range"))
                }
            }
        }
        Key::Slice(sp) => {
            let src = if a[2].as_int().is_some() || a[2].downcast_ref::<PyStr>().is_some() {
                return Err(vm.new_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
            } else {
                bytes_of_iterable(vm, &a[2])?
            };
            let mut d = ba.data.lock();
            let (start, stop, step, n) = sp.adjust(d.len());
            if step == 1 {
                let (a, b) = (start as usize, stop.max(start) as usize);
                if b - a != src.len() {
                    drop(d);
                    d = lock_resizable(vm, ba, |_| usize::MAX)?;
                    if b > d.len() {
                        drop(d);
                        return Err(vm.new_index_error("bytearray index out of range"));
                    }
                }
                d.splice(a..b, src);
                return Ok(none());
            }
            if src.len() != n {
                drop(d);
                return Err(vm.new_value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    src.len()
                )));
            }
            for (k, b) in src.into_iter().enumerate() {
                d[(start + k as i64 * step) as usize] = b;
            }
            Ok(none())
        }
    }
}

fn ba_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let ba = ba_this(vm, &a[0])?;
    match seq_key(vm, &a[1], "bytearray")? {
        Key::Index(i) => {
            let mut d = lock_resizable(vm, ba, |n| n.wrapping_sub(1))?;
            match normalize_index(i, d.len()) {
                Some(j) => {
                    d.remove(j);
                    Ok(none())
                }
                None => {
                    drop(d);
                    Err(vm.new_index_error("bytearray index out of range"))
                }
            }
        }
        Key::Slice(sp) => {
            let mut d = ba.data.lock();
            let (start, stop, step, n) = sp.adjust(d.len());
            if n > 0 {
                drop(d);
                d = lock_resizable(vm, ba, |_| usize::MAX)?;
                if sp.adjust(d.len()) != (start, stop, step, n) {
                    drop(d);
                    return Err(vm.new_index_error("bytearray index out of range"));
                }
            }
            if step == 1 {
                d.drain(start as usize..stop.max(start) as usize);
            } else {
                let mut pos: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                pos.sort_unstable();
                for p in pos.into_iter().rev() {
                    d.remove(p);
                }
            }
            Ok(none())
        }
    }
}

fn ba_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let ba = ba_this(vm, &a[0])?;
    let Some(y) = buf_of(&a[1]) else {
        return Err(vm.new_type_error(format!("can't concat {} to bytearray", a[1].class().name())));
    };
    lock_resizable(vm, ba, |n| n + y.len())?.extend_from_slice(&y);
    Ok(a[0].clone())
}

fn ba_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let ba = ba_this(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Err(vm.new_type_error(format!("can't multiply sequence by non-int of type '{}'", a[1].class().name())));
    };
    let len = ba.data.lock().len();
    check_repeat_size(vm, len, n)?;
    let mut d = lock_resizable(vm, ba, |len| len * n.max(0) as usize)?;
    let v = d.repeat(n.max(0) as usize);
    *d = v;
    Ok(a[0].clone())
}

fn ba_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "bytearray.append")?;
    let ba = ba_this(vm, s)?;
    let b = byte_of(vm, x)?;
    lock_resizable(vm, ba, |n| n + 1)?.push(b);
    Ok(none())
}

fn ba_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "bytearray.extend")?;
    let ba = ba_this(vm, s)?;
    if buf_of(x).is_none() {
        let t = x.class();
        if t.lookup("__iter__").is_none_or(|f| f.is_none()) && t.lookup("__getitem__").is_none() {
            return Err(vm.new_type_error(format!("can't extend bytearray with {}", t.name())));
        }
    }
    let data = bytes_of_iterable(vm, x)?;
    lock_resizable(vm, ba, |n| n + data.len())?.extend_from_slice(&data);
    Ok(none())
}

fn ba_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "insert", 2, 2)?;
    let ba = ba_this(vm, s)?;
    let i = vm.index_isize(&rest[0])? as i64;
    let b = byte_of(vm, &rest[1])?;
    let mut d = lock_resizable(vm, ba, |n| n + 1)?;
    let n = d.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(at as usize, b);
    Ok(none())
}

fn ba_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "pop", 0, 1)?;
    let ba = ba_this(vm, s)?;
    let i = match rest.first() {
        Some(v) => vm.index_isize(v)? as i64,
        None => -1,
    };
    let mut d = ba.data.lock();
    if d.is_empty() {
        drop(d);
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    match normalize_index(i, d.len()) {
        Some(_) if ba.exports.load(skein_threading::sync::Ordering::Acquire) > 0 => {
            drop(d);
            lock_resizable(vm, ba, |_| usize::MAX).map(|_| none())
        }
        Some(j) => Ok(int_from_i64(d.remove(j) as i64)),
        None => {
            drop(d);
            Err(vm.new_index_error("pop index out of range"))
        }
    }
}

fn ba_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "bytearray.remove")?;
    let ba = ba_this(vm, s)?;
    let b = byte_of(vm, x)?;
    let mut d = ba.data.lock();
    match d.iter().position(|&c| c == b) {
        Some(_) if ba.exports.load(skein_threading::sync::Ordering::Acquire) > 0 => {
            drop(d);
            lock_resizable(vm, ba, |_| usize::MAX).map(|_| none())
        }
        Some(p) => {
            d.remove(p);
            Ok(none())
        }
        None => {
            drop(d);
            Err(vm.new_value_error("value not found in bytearray"))
        }
    }
}

fn ba_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "bytearray.clear")?;
    let ba = ba_this(vm, s)?;
    lock_resizable(vm, ba, |_| 0)?.clear();
    Ok(none())
}

fn ba_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "bytearray.copy")?;
    let d = ba_this(vm, s)?.data.lock().clone();
    Ok(bytearray_new(d))
}

fn ba_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "bytearray.reverse")?;
    ba_this(vm, s)?.data.lock().reverse();
    Ok(none())
}

fn make_type<T: PyPayload>(cell: &'static TypeCell, name: &str, object: &PyRef<PyType>) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(object), 0, false);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    cell.set(t);
    cell.get()
}

/// Adds this module's methods to the type dicts.
pub(crate) fn install(types: &crate::types::Types) {
    let common: [(&'static str, crate::function::native::NativeFn); 10] = [
        ("__repr__", bytes_repr),
        ("__len__", bytes_len),
        ("__getitem__", bytes_getitem),
        ("__contains__", bytes_contains),
        ("__iter__", bytes_iter),
        ("__add__", bytes_add),
        ("__mul__", bytes_mul),
        ("__rmul__", bytes_rmul),
        ("decode", bytes_decode),
        ("hex", bytes_hex),
    ];
    for t in [types.bytes, types.bytearray] {
        add_methods(t, &common);
        add_methods(t, &compare_methods::<BytesCmp>());
        add_method_kind(t, "fromhex", bytes_fromhex, MethodKind::Class);
        text::install(t);
    }
    let b = types.bytes;
    add_method_kind(b, "__new__", bytes_new_method, MethodKind::Static);
    add_methods(b, &[("__hash__", bytes_hash), ("__bytes__", bytes_bytes), ("__getnewargs__", bytes_getnewargs)]);
    let ba = types.bytearray;
    add_method_kind(ba, "__new__", bytearray_new_method, MethodKind::Static);
    add_methods(
        ba,
        &[
            ("__init__", bytearray_init),
            ("__setitem__", ba_setitem),
            ("__delitem__", ba_delitem),
            ("__iadd__", ba_iadd),
            ("__imul__", ba_imul),
            ("append", ba_append),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("clear", ba_clear),
            ("copy", ba_copy),
            ("reverse", ba_reverse),
        ],
    );
    ba.dict().set_str_key(crate::intern::intern("__hash__"), none());
    for (cell, name) in [(&BYTES_ITER_TYPE, "bytes_iterator"), (&BYTEARRAY_ITER_TYPE, "bytearray_iterator")] {
        let it = make_type::<PyBytesIter>(cell, name, types.object);
        add_methods(it, &[("__iter__", self_iter), ("__next__", iter_next), ("__length_hint__", iter_length_hint)]);
    }
}
