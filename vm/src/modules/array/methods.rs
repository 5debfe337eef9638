//! The named methods of `array.array` and pickling
//! (`__reduce_ex__`, `_array_reconstructor`), with CPython 3.11's
//! argument checks and messages. Arguments are converted before the
//! array's lock is taken; each change is one critical section.

use super::codes::{Code, Item};
use super::seq::{find, unicode_value};
use super::{
    check_multiple, encode_values, extend_from_iterable, new_array, new_array_of, this, unicode_bytes, values_of,
    PyArray, ARRAY_TYPE,
};
use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::bytes_methods::buf_of;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::list::{new_list, PyList};
use crate::types::singletons::none;
use crate::types::small::{bytes_new, PyBytes};
use crate::types::str::PyStr;
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{bound_arg, noargs, one_arg};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Positional arguments after `self`, between `min` and `max`, no
/// keywords, with the argument clinic's messages for `name`.
fn positional<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("array.{name}() takes no keyword arguments")));
    }
    let Some(rest) = args.pos.get(1..) else {
        return Err(vm.new_type_error(format!("descriptor '{name}' of 'array.array' object needs an argument")));
    };
    let n = rest.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.new_type_error(msg));
    }
    Ok(rest)
}

/// The one positional argument of a method taking the defining class
/// (`extend`): "extend() takes exactly 1 positional argument (0 given)".
fn exactly_positional<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    let rest = args.pos.get(1..).unwrap_or(&[]);
    if args.has_kwargs() {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    if rest.len() != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(
            vm.new_type_error(format!("{name}() takes exactly {n} positional argument{s} ({} given)", rest.len()))
        );
    }
    Ok(rest)
}

fn array_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "array.append")?;
    let arr = this(vm, s)?;
    let item = arr.code.to_item(vm, x)?;
    let mut buf = [0u8; 8];
    let n = arr.code.size();
    arr.code.write(item, &mut buf[..n]);
    arr.lock_resize(vm, true)?.extend_from_slice(&buf[..n]);
    Ok(none())
}

fn array_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = exactly_positional(vm, &args, "extend", 1)?;
    let arr = this(vm, &args.pos[0])?;
    if let Some(other) = rest[0].downcast_ref::<PyArray>() {
        if other.code != arr.code {
            return Err(vm.new_type_error("can only extend with array of same kind"));
        }
        let more = other.bytes();
        arr.lock_resize(vm, !more.is_empty())?.extend_from_slice(&more);
        return Ok(none());
    }
    extend_from_iterable(vm, arr, &rest[0])?;
    Ok(none())
}

fn array_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = positional(vm, &args, "insert", 2, 2)?;
    let arr = this(vm, &args.pos[0])?;
    let i = vm.index_ssize(&rest[0])?;
    let item = arr.code.to_item(vm, &rest[1])?;
    let size = arr.code.size();
    let mut buf = [0u8; 8];
    arr.code.write(item, &mut buf[..size]);
    let mut d = arr.lock_resize(vm, true)?;
    let n = (d.len() / size) as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.splice(at * size..at * size, buf[..size].iter().copied());
    Ok(none())
}

fn array_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = positional(vm, &args, "pop", 0, 1)?;
    let arr = this(vm, &args.pos[0])?;
    let i = match rest.first() {
        Some(v) => vm.index_ssize(v)?,
        None => -1,
    };
    let size = arr.code.size();
    let item = {
        let mut d = arr.data.lock();
        let n = d.len() / size;
        if n == 0 {
            drop(d);
            return Err(vm.new_index_error("pop from empty array"));
        }
        let Some(j) = crate::protocol::sequence::normalize_index(i, n) else {
            drop(d);
            return Err(vm.new_index_error("pop index out of range"));
        };
        if arr.exporting() {
            drop(d);
            return Err(super::exporting_error(vm));
        }
        let item = arr.code.read(&d[j * size..(j + 1) * size]);
        d.drain(j * size..(j + 1) * size);
        item
    };
    arr.code.value(vm, item)
}

fn array_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "array.remove")?;
    let arr = this(vm, s)?;
    match find(vm, arr, x, 0, usize::MAX, true)? {
        Some(_) => Ok(none()),
        None => Err(vm.new_value_error("array.remove(x): x not in array")),
    }
}

fn array_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = positional(vm, &args, "index", 1, 3)?;
    let arr = this(vm, &args.pos[0])?;
    let len = arr.len();
    let start = match rest.get(1) {
        Some(v) => bound_arg(vm, v, len)?,
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => bound_arg(vm, v, len)?,
        None => usize::MAX,
    };
    match find(vm, arr, &rest[0], start, stop, false)? {
        Some(k) => Ok(int_from_i64(k as i64)),
        None => Err(vm.new_value_error("array.index(x): x not in array")),
    }
}

fn array_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, x) = one_arg(vm, &args, "array.count")?;
    let arr = this(vm, s)?;
    let size = arr.code.size();
    if let Some(target) = super::seq::native_target(x) {
        let d = arr.data.lock();
        let n = match target {
            Some(t) => d.chunks_exact(size).filter(|c| super::seq::item_eq(arr.code.read(c), t)).count(),
            None => 0,
        };
        return Ok(int_from_i64(n as i64));
    }
    let copy = arr.bytes();
    let mut n = 0;
    for v in values_of(vm, arr.code, &copy)? {
        if vm.eq(&v, x)? {
            n += 1;
        }
    }
    Ok(int_from_i64(n))
}

fn array_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.reverse")?;
    let arr = this(vm, s)?;
    let size = arr.code.size();
    let mut d = arr.data.lock();
    let n = d.len() / size;
    for k in 0..n / 2 {
        let (lo, hi) = d.split_at_mut((n - 1 - k) * size);
        lo[k * size..(k + 1) * size].swap_with_slice(&mut hi[..size]);
    }
    Ok(none())
}

/// `(address, length)`: the address of the items now (it moves when the
/// array grows, as CPython's does).
fn array_buffer_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.buffer_info")?;
    let arr = this(vm, s)?;
    let d = arr.data.lock();
    let (addr, n) = (d.as_ptr() as usize as i64, d.len() / arr.code.size());
    drop(d);
    Ok(new_tuple(vec![int_from_i64(addr), int_from_i64(n as i64)]))
}

fn array_byteswap(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.byteswap")?;
    let arr = this(vm, s)?;
    let size = arr.code.size();
    for c in arr.data.lock().chunks_exact_mut(size) {
        c.reverse();
    }
    Ok(none())
}

fn array_frombytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, b) = one_arg(vm, &args, "array.frombytes")?;
    let arr = this(vm, s)?;
    let data = match buf_of(b) {
        Some(d) => d.into_owned(),
        None if b.downcast_ref::<PyArray>().is_some() => {
            // An exporter whose items are wider than a byte.
            return Err(vm.new_type_error("a bytes-like object is required"));
        }
        None => {
            let t = b.class().name();
            return Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")));
        }
    };
    check_multiple(vm, arr.code, data.len())?;
    arr.lock_resize(vm, !data.is_empty())?.extend_from_slice(&data);
    Ok(none())
}

fn array_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.tobytes")?;
    Ok(bytes_new(this(vm, s)?.bytes()))
}

/// `fromlist(list)`: all items or none.
fn array_fromlist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, l) = one_arg(vm, &args, "array.fromlist")?;
    let arr = this(vm, s)?;
    let Some(list) = l.downcast_ref::<PyList>() else {
        return Err(vm.new_type_error("arg must be list"));
    };
    let more = encode_values(vm, arr.code, &list.snapshot())?;
    arr.lock_resize(vm, !more.is_empty())?.extend_from_slice(&more);
    Ok(none())
}

fn array_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.tolist")?;
    let arr = this(vm, s)?;
    let data = arr.bytes();
    Ok(new_list(values_of(vm, arr.code, &data)?))
}

fn array_fromunicode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, u) = one_arg(vm, &args, "array.fromunicode")?;
    let arr = this(vm, s)?;
    let Some(text) = u.downcast_ref::<PyStr>() else {
        // Argument Clinic's wording: None is named as a value, not a type.
        let t = if u.is_none() { "None".to_string() } else { u.class().name().to_string() };
        return Err(vm.new_type_error(format!("fromunicode() argument must be str, not {t}")));
    };
    if arr.code != Code::Wchar {
        return Err(vm.new_value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let more = unicode_bytes(text);
    arr.lock_resize(vm, !more.is_empty())?.extend_from_slice(&more);
    Ok(none())
}

fn array_tounicode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.tounicode")?;
    let arr = this(vm, s)?;
    if arr.code != Code::Wchar {
        return Err(vm.new_value_error("tounicode() may only be called on unicode type arrays"));
    }
    let data = arr.bytes();
    unicode_value(vm, &data)
}

/// `fromfile(f, n)`: reads `n` items with `f.read`; EOFError (after
/// appending what came) when fewer arrive.
fn array_fromfile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = exactly_positional(vm, &args, "fromfile", 2)?;
    let arr = this(vm, &args.pos[0])?;
    let n = vm.index_ssize(&rest[1])?;
    if n < 0 {
        return Err(vm.new_value_error("negative count"));
    }
    let Some(nbytes) = (n as usize).checked_mul(arr.code.size()).filter(|b| *b <= isize::MAX as usize) else {
        return Err(vm.new_exception_empty(&exc().memory_error));
    };
    let got = vm.call_method(&rest[0], "read", &[int_from_i64(nbytes as i64)])?;
    let Some(b) = got.downcast_ref::<PyBytes>() else {
        return Err(vm.new_type_error("read() didn't return bytes"));
    };
    check_multiple(vm, arr.code, b.data.len())?;
    arr.lock_resize(vm, !b.data.is_empty())?.extend_from_slice(&b.data);
    if b.data.len() != nbytes {
        return Err(vm.new_exception_msg(&exc().eof_error, "read() didn't return enough bytes"));
    }
    Ok(none())
}

/// `tofile(f)`: `f.write` in blocks of 64 KiB, as CPython.
fn array_tofile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    const BLOCK: usize = 64 * 1024;
    let rest = exactly_positional(vm, &args, "tofile", 1)?;
    let data = this(vm, &args.pos[0])?.bytes();
    for chunk in data.chunks(BLOCK) {
        vm.call_method(&rest[0], "write", &[bytes_new(chunk.to_vec())])?;
    }
    Ok(none())
}

/// `__copy__` and `__deepcopy__(memo)`: an exact `array.array`, as
/// CPython's (which copies through its slice).
fn array_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.__copy__")?;
    let arr = this(vm, s)?;
    Ok(new_array(arr.code, arr.bytes()))
}

fn array_deepcopy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _memo) = one_arg(vm, &args, "array.__deepcopy__")?;
    let arr = this(vm, s)?;
    Ok(new_array(arr.code, arr.bytes()))
}

fn array_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "array.__sizeof__")?;
    let arr = this(vm, s)?;
    let cap = arr.data.lock().capacity();
    Ok(int_from_i64(64 + cap as i64))
}

/// `__reduce_ex__(protocol)`: `(type, (typecode, list), dict)` before
/// protocol 3, else `(_array_reconstructor, (type, typecode,
/// machine format, bytes), dict)`; `dict` is the instance `__dict__` or
/// None.
fn array_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = exactly_positional(vm, &args, "__reduce_ex__", 1)?;
    let s = &args.pos[0];
    let arr = this(vm, s)?;
    let Some(protocol) = rest[0].as_int().and_then(|p| p.to_i64()) else {
        if rest[0].as_int().is_some() {
            return Err(vm.new_overflow_error("Python int too large to convert to C long"));
        }
        return Err(vm.new_type_error("__reduce_ex__ argument should be an integer"));
    };
    let dict =
        if s.class().is_heap_type() { vm.get_attr_str(s, "__dict__").unwrap_or_else(|_| none()) } else { none() };
    let cls = s.class_ref().into_value();
    let code = crate::types::str::new_str(arr.code.as_char().to_string());
    let data = arr.bytes();
    if protocol < 3 {
        let list = new_list(values_of(vm, arr.code, &data)?);
        return Ok(new_tuple(vec![cls, new_tuple(vec![code, list]), dict]));
    }
    let module = crate::import::load_module(vm, "array")?;
    let recon = vm.get_attr_str(&module, "_array_reconstructor")?;
    let fields = vec![cls, code, int_from_i64(arr.code.mformat()), bytes_new(data)];
    Ok(new_tuple(vec![recon, new_tuple(fields), dict]))
}

/// How a machine format code lays out one item.
#[derive(Clone, Copy)]
enum Layout {
    Int { size: usize, signed: bool, big: bool },
    Float { size: usize, big: bool },
    Utf { size: usize, big: bool },
}

fn layout_of(mformat: i64) -> Option<Layout> {
    let big = mformat % 2 == 1;
    Some(match mformat {
        0 => Layout::Int { size: 1, signed: false, big: false },
        1 => Layout::Int { size: 1, signed: true, big: false },
        2..=13 => {
            let k = (mformat - 2) / 2;
            Layout::Int { size: [2, 4, 8][(k / 2) as usize], signed: k % 2 == 1, big }
        }
        14 | 15 => Layout::Float { size: 4, big },
        16 | 17 => Layout::Float { size: 8, big },
        18 | 19 => Layout::Utf { size: 2, big },
        20 | 21 => Layout::Utf { size: 4, big },
        _ => return None,
    })
}

/// Decodes the bytes of `items` laid out as `layout` into a list of
/// Python values (or a `str` for the UTF layouts, decoded strictly by
/// the codec, as CPython's `PyUnicode_DecodeUTF16`/`UTF32`).
fn decode_foreign(vm: &mut Vm, layout: Layout, items: &Value, bytes: &[u8]) -> PyResult<Value> {
    // CPython's table gives the UTF layouts twice their unit size, and
    // checks the length against that.
    let checked = match layout {
        Layout::Int { size, .. } | Layout::Float { size, .. } => size,
        Layout::Utf { size, .. } => size * 2,
    };
    if bytes.len() % checked != 0 {
        return Err(vm.new_value_error("string length not a multiple of item size"));
    }
    let word = |c: &[u8], big: bool| -> u64 {
        let mut w = 0u64;
        for k in 0..c.len() {
            let b = if big { c[k] } else { c[c.len() - 1 - k] };
            w = (w << 8) | b as u64;
        }
        w
    };
    match layout {
        Layout::Int { size, signed, big } => {
            let mut out = Vec::with_capacity(bytes.len() / size);
            for c in bytes.chunks_exact(size) {
                let w = word(c, big);
                let v = if signed {
                    let shift = 64 - size * 8;
                    Item::Int((((w << shift) as i64) >> shift) as i128)
                } else {
                    Item::Int(w as i128)
                };
                out.push(Code::LongLong.value(vm, v)?);
            }
            Ok(new_list(out))
        }
        Layout::Float { size, big } => {
            let out = bytes
                .chunks_exact(size)
                .map(|c| {
                    let w = word(c, big);
                    let f = if size == 4 { f32::from_bits(w as u32) as f64 } else { f64::from_bits(w) };
                    crate::types::float::new_float(f)
                })
                .collect();
            Ok(new_list(out))
        }
        Layout::Utf { size, big } => {
            let codec = match (size, big) {
                (2, false) => "utf-16-le",
                (2, true) => "utf-16-be",
                (_, false) => "utf-32-le",
                (_, true) => "utf-32-be",
            };
            vm.call_method(items, "decode", &[crate::types::str::new_str(codec)])
        }
    }
}

/// `_array_reconstructor(arraytype, typecode, mformat_code, items)`: the
/// inverse of `__reduce_ex__` for protocol 3 and later, converting items
/// pickled on a machine with another layout.
pub(super) fn array_reconstructor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "_array_reconstructor", 4)?;
    let Some(cls) = a[0].downcast::<PyType>() else {
        let t = a[0].class().name();
        return Err(vm.new_type_error(format!("first argument must be a type object, not {t}")));
    };
    if !cls.is_subtype(ARRAY_TYPE.get()) {
        return Err(vm.new_type_error(format!("{} is not a subtype of array.array", cls.name())));
    }
    let c = match a[1].downcast_ref::<PyStr>() {
        Some(s) if s.char_len() == 1 => s.code_point_at(0),
        _ => {
            let t = a[1].class().name();
            return Err(
                vm.new_type_error(format!("_array_reconstructor() argument 2 must be a unicode character, not {t}"))
            );
        }
    };
    let Some(code) = char::from_u32(c).and_then(Code::from_char) else {
        return Err(vm.new_value_error("second argument must be a valid type code"));
    };
    let mformat = vm.index_ssize(&a[2])?;
    let Some(layout) = layout_of(mformat) else {
        return Err(vm.new_value_error("third argument must be a valid machine format code."));
    };
    let Some(items) = a[3].downcast_ref::<PyBytes>() else {
        let t = a[3].class().name();
        return Err(vm.new_type_error(format!("fourth argument should be bytes, not {t}")));
    };
    if mformat == code.mformat() {
        check_multiple(vm, code, items.data.len())?;
        return Ok(new_array_of(&cls, code, items.data.to_vec()));
    }
    // Integers take the (last) code of their width and signedness here,
    // as CPython picks it: an 'l' pickled where it is 4 bytes becomes 'i'.
    let code = match layout {
        Layout::Int { size, signed, .. } => super::TYPECODES
            .chars()
            .filter_map(Code::from_char)
            .filter(|c| c.is_int() && c.size() == size && c.signed() == signed)
            .last()
            .unwrap_or(code),
        _ => code,
    };
    let values = decode_foreign(vm, layout, &a[3], &items.data)?;
    let data = if let Some(s) = values.downcast_ref::<PyStr>() {
        if code != Code::Wchar {
            let c = code.as_char();
            return Err(vm.new_type_error(format!("cannot use a str to initialize an array with typecode '{c}'")));
        }
        unicode_bytes(s)
    } else {
        let list = values.downcast_ref::<PyList>().map(|l| l.snapshot()).unwrap_or_default();
        encode_values(vm, code, &list)?
    };
    Ok(new_array_of(&cls, code, data))
}

pub(super) fn install(t: &'static PyRef<PyType>) {
    add_methods(
        t,
        &[
            ("append", array_append),
            ("extend", array_extend),
            ("insert", array_insert),
            ("pop", array_pop),
            ("remove", array_remove),
            ("index", array_index),
            ("count", array_count),
            ("reverse", array_reverse),
            ("buffer_info", array_buffer_info),
            ("byteswap", array_byteswap),
            ("frombytes", array_frombytes),
            ("tobytes", array_tobytes),
            ("fromlist", array_fromlist),
            ("tolist", array_tolist),
            ("fromunicode", array_fromunicode),
            ("tounicode", array_tounicode),
            ("fromfile", array_fromfile),
            ("tofile", array_tofile),
            ("__copy__", array_copy),
            ("__deepcopy__", array_deepcopy),
            ("__sizeof__", array_sizeof),
            ("__reduce_ex__", array_reduce_ex),
        ],
    );
}
