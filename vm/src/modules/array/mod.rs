//! The `array` module: `array.array`, a mutable sequence of numbers (or
//! characters) of one C type, stored unboxed, as CPython's
//! `Modules/arraymodule.c`; plus `typecodes`, `ArrayType` and the pickle
//! helper `_array_reconstructor`.
//!
//! Layout: the type code never changes; the items are one byte vector in
//! native byte order behind the object's mutex (`Locked`). Every read or
//! change of the items is one critical section, so `append`, `pop`,
//! `a[i] = x`, `extend` of another array and the rest are atomic when
//! several threads share an array, as the list methods are. Values are
//! converted (which may run `__index__` or `__float__`) before the lock is
//! taken and items are turned back into Python values after it is
//! released; comparisons with arbitrary objects (`index`, `count`,
//! `remove`, `in`) run on a copy with the lock released, except for
//! ints, floats and one-character strs, compared in Rust under the lock.
//!
//! Files: `codes.rs` (type codes and conversions), `seq.rs` (the sequence
//! protocol), `methods.rs` (the named methods and pickling).

mod codes;
mod methods;
mod seq;

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, new_function, MethodKind};
use crate::object::{Locked, LockedGuard, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::list::PyList;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::small::{PyByteArray, PyBytes};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple_methods::descr_error;
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use codes::{Code, Item, TYPECODES};

pub static ARRAY_TYPE: TypeCell = TypeCell::new();
pub static ARRAY_ITER_TYPE: TypeCell = TypeCell::new();

pub struct PyArray {
    code: Code,
    data: Locked<Vec<u8>>,
    /// Live memoryview exports. Changed and checked only with `data`'s
    /// lock held (which orders them, so `Relaxed` suffices); while non-zero
    /// the number of items may not change, so a view's byte range stays
    /// inside the data.
    exports: AtomicUsize,
}

impl PyPayload for PyArray {
    fn class() -> &'static PyRef<PyType> {
        ARRAY_TYPE.get()
    }
}

impl PyArray {
    pub fn new(code: Code, data: Vec<u8>) -> PyArray {
        PyArray { code, data: Locked::new(data), exports: AtomicUsize::new(0) }
    }

    /// The items' bytes, for a memoryview of the array.
    pub fn data(&self) -> &Locked<Vec<u8>> {
        &self.data
    }

    /// The format a memoryview shows for the items: the type code, or
    /// `w` for `u` (as CPython 3.11 exports it).
    pub fn format(&self) -> char {
        if self.code == Code::Wchar {
            'w'
        } else {
            self.code.as_char()
        }
    }

    pub fn itemsize(&self) -> usize {
        self.code.size()
    }

    /// Counts a memoryview export in (`+1`) or out (`-1`).
    pub fn export(&self, delta: isize) {
        let _d = self.data.lock();
        if delta > 0 {
            self.exports.fetch_add(1, Ordering::Relaxed);
        } else {
            self.exports.fetch_sub(1, Ordering::Relaxed);
        }
    }

    /// Locks the items for a change; `resizes`: whether it changes their
    /// number, refused while a memoryview exports them.
    fn lock_resize(&self, vm: &mut Vm, resizes: bool) -> PyResult<LockedGuard<'_, Vec<u8>>> {
        let d = self.data.lock();
        if resizes && self.exports.load(Ordering::Relaxed) > 0 {
            drop(d);
            return Err(exporting_error(vm));
        }
        Ok(d)
    }

    /// Whether a change of the item count must be refused now (call with
    /// the lock held).
    fn exporting(&self) -> bool {
        self.exports.load(Ordering::Relaxed) > 0
    }

    pub fn code(&self) -> Code {
        self.code
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.data.lock().len() / self.code.size()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the item bytes (one consistent state).
    pub fn bytes(&self) -> Vec<u8> {
        self.data.lock().clone()
    }

    /// The decoded items of `bytes` (a whole number of items of `code`).
    fn items_of(code: Code, bytes: &[u8]) -> impl Iterator<Item = Item> + '_ {
        bytes.chunks_exact(code.size()).map(move |c| code.read(c))
    }

    /// Item `i` (already normalised), if it exists now.
    fn item(&self, i: usize) -> Option<Item> {
        let n = self.code.size();
        let d = self.data.lock();
        d.get(i * n..(i + 1) * n).map(|b| self.code.read(b))
    }
}

/// BufferError for a resize while a memoryview exports the items.
fn exporting_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_exception_msg(
        &crate::types::exceptions::exc().buffer_error,
        "cannot resize an array that is exporting buffers",
    )
}

/// The bytes of an array for the buffer protocol's readers (`bytes(a)`,
/// `b"".join`, hashing, compression): a copy taken under its lock.
pub fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    v.downcast_ref::<PyArray>().map(|a| a.bytes())
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyArray> {
    match v.downcast_ref::<PyArray>() {
        Some(a) => Ok(a),
        None => Err(descr_error(vm, "array.array", v)),
    }
}

/// A new exact `array.array`.
fn new_array(code: Code, data: Vec<u8>) -> Value {
    PyRef::new(PyArray::new(code, data)).into_value()
}

/// The item bytes of `values` (each converted, or the first error).
fn encode_values(vm: &mut Vm, code: Code, values: &[Value]) -> PyResult<Vec<u8>> {
    let n = code.size();
    let mut out = vec![0u8; values.len() * n];
    for (v, slot) in values.iter().zip(out.chunks_exact_mut(n)) {
        let item = code.to_item(vm, v)?;
        code.write(item, slot);
    }
    Ok(out)
}

/// Appends the items of an iterable one at a time, as CPython's
/// `array_iter_extend`: an item that fails to convert leaves the ones
/// before it appended.
fn extend_from_iterable(vm: &mut Vm, arr: &PyArray, iterable: &Value) -> PyResult<()> {
    let it = vm.iter(iterable)?;
    let n = arr.code.size();
    let mut buf = [0u8; 8];
    while let Some(v) = vm.next(&it)? {
        let item = arr.code.to_item(vm, &v)?;
        arr.code.write(item, &mut buf[..n]);
        arr.lock_resize(vm, true)?.extend_from_slice(&buf[..n]);
    }
    Ok(())
}

/// `ValueError` unless `len` is a whole number of items.
fn check_multiple(vm: &mut Vm, code: Code, len: usize) -> PyResult<()> {
    if len % code.size() != 0 {
        return Err(vm.new_value_error("bytes length not a multiple of item size"));
    }
    Ok(())
}

/// The code points of a `str` as `u` item bytes.
fn unicode_bytes(s: &PyStr) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.char_len() * 4);
    for cp in s.code_points() {
        out.extend_from_slice(&cp.to_ne_bytes());
    }
    out
}

/// `array.__new__(cls, typecode[, initializer])`.
fn array_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("array.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(ARRAY_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("array.__new__({n}): {n} is not a subtype of array.array")));
    }
    if cls.is(ARRAY_TYPE.get()) && args.has_kwargs() {
        return Err(vm.new_type_error("array.array() takes no keyword arguments"));
    }
    let a = &args.pos[1..];
    if a.is_empty() {
        return Err(vm.new_type_error("array() takes at least 1 argument (0 given)"));
    }
    if a.len() > 2 {
        return Err(vm.new_type_error(format!("array() takes at most 2 arguments ({} given)", a.len())));
    }
    let code = typecode_arg(vm, &a[0], "array() argument 1")?;
    let data = match a.get(1) {
        Some(init) => initial_bytes(vm, code, init)?,
        None => Vec::new(),
    };
    Ok(PyRef::new_with_type(PyArray::new(code, data), &cls).into_value())
}

/// A type code argument (`PyArg_Parse` format `C`).
fn typecode_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Code> {
    let c = match v.downcast_ref::<PyStr>() {
        Some(s) if s.char_len() == 1 => s.code_point_at(0),
        _ => {
            let t = v.class().name();
            return Err(vm.new_type_error(format!("{what} must be a unicode character, not {t}")));
        }
    };
    match char::from_u32(c).and_then(Code::from_char) {
        Some(code) => Ok(code),
        None => Err(vm.new_value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")),
    }
}

/// The items of the constructor's initializer, as `array_new` reads it.
fn initial_bytes(vm: &mut Vm, code: Code, init: &Value) -> PyResult<Vec<u8>> {
    let other_array = init.downcast_ref::<PyArray>();
    if code != Code::Wchar {
        if init.downcast_ref::<PyStr>().is_some() {
            let c = code.as_char();
            return Err(vm.new_type_error(format!("cannot use a str to initialize an array with typecode '{c}'")));
        }
        if other_array.is_some_and(|o| o.code == Code::Wchar) {
            let c = code.as_char();
            return Err(
                vm.new_type_error(format!("cannot use a unicode array to initialize an array with typecode '{c}'"))
            );
        }
    }
    if let Some(o) = other_array.filter(|o| o.code == code) {
        return Ok(o.bytes());
    }
    if let Some(l) = init.downcast_ref::<PyList>() {
        return encode_values(vm, code, &l.snapshot());
    }
    if let Some(t) = init.as_tuple() {
        return encode_values(vm, code, t);
    }
    if let Some(b) = init.downcast_ref::<PyBytes>() {
        check_multiple(vm, code, b.data.len())?;
        return Ok(b.data.to_vec());
    }
    if let Some(b) = init.downcast_ref::<PyByteArray>() {
        let d = b.data.lock().clone();
        check_multiple(vm, code, d.len())?;
        return Ok(d);
    }
    if let Some(s) = init.downcast_ref::<PyStr>() {
        return Ok(unicode_bytes(s));
    }
    let tmp = PyArray::new(code, Vec::new());
    extend_from_iterable(vm, &tmp, init)?;
    Ok(tmp.bytes())
}

fn get_typecode(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    Ok(new_str(a.code.as_char().to_string()))
}

fn get_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    Ok(int_from_i64(a.code.size() as i64))
}

const DOC: &str = "This module defines an object type which can efficiently represent
an array of basic values: characters, integers, floating point
numbers.  Arrays are sequence types and behave very much like lists,
except that the type of objects stored in them is constrained.
";

fn init_types() {
    let t = PyType::new_builtin::<PyArray>(
        "array",
        Some(crate::types::instance_object_type()),
        flags::BASETYPE | flags::SEQUENCE,
        false,
    );
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("array"));
    ARRAY_TYPE.set(t);
    let t = ARRAY_TYPE.get();
    add_method_kind(t, "__new__", array_new, MethodKind::Static);
    add_getset(t, "typecode", get_typecode, None);
    add_getset(t, "itemsize", get_itemsize, None);
    seq::install(t);
    methods::install(t);
    t.dict().set_str_key(crate::intern::intern("__hash__"), none());

    let it =
        PyType::new_builtin::<seq::PyArrayIter>("arrayiterator", Some(crate::types::instance_object_type()), 0, false);
    it.set_dict(PyDict::new_ref());
    it.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("array"));
    ARRAY_ITER_TYPE.set(it);
    seq::install_iter(ARRAY_ITER_TYPE.get());
}

/// The native `array` module.
pub fn make_module() -> PyRef<PyModule> {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(init_types);
    let m = PyModule::new("array");
    m.set_attr("array", ARRAY_TYPE.get().to_value());
    m.set_attr("ArrayType", ARRAY_TYPE.get().to_value());
    m.set_attr("typecodes", new_str(TYPECODES));
    m.set_attr("_array_reconstructor", new_function("_array_reconstructor", methods::array_reconstructor, "array"));
    m.set_attr("__doc__", new_str(DOC));
    m
}

/// Builds an array of type `cls` (a subtype of `array.array`).
fn new_array_of(cls: &PyRef<PyType>, code: Code, data: Vec<u8>) -> Value {
    if cls.is(ARRAY_TYPE.get()) {
        return new_array(code, data);
    }
    PyRef::new_with_type(PyArray::new(code, data), cls).into_value()
}

/// Decoded items as Python values.
fn values_of(vm: &mut Vm, code: Code, bytes: &[u8]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bytes.len() / code.size());
    for item in PyArray::items_of(code, bytes) {
        out.push(code.value(vm, item)?);
    }
    Ok(out)
}
