//! `memoryview`: a typed, possibly strided and multi-dimensional view of the
//! bytes of a `bytes`, `bytearray` or `array.array` (the buffer exporters
//! Skein has).
//!
//! A view is immutable geometry (`offset`, `shape`, `strides`, `format`)
//! plus a shared [`Managed`] handle on the exporter, as CPython's managed
//! buffer: every view made from another (`m[1:]`, `m.cast(..)`,
//! `memoryview(m)`) shares it, and the exporter's export ends when the last
//! of them is released or freed. While a `bytearray` or an array has
//! exports it refuses to change size (`BufferError`); the count is changed
//! and checked under the exporter's data lock, so a view's byte range stays
//! inside the data.
//! Reads and writes still bound-check every access, so a broken invariant
//! is an error, never a panic.
//!
//! Item formats are in `memoryview_fmt.rs`. Conversions that run Python
//! code (`__index__`, `__float__`) happen before any data lock is taken.

#[path = "memoryview_fmt.rs"]
mod fmt;

use std::borrow::Cow;

use skein_threading::sync::{Arc, AtomicU64, AtomicUsize, Ordering};

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::modules::array::PyArray;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::singletons::{bool_value, none, not_implemented, PyEllipsis};
use crate::types::small::{bytes_new, hash_bytes, PyByteArray, PyBytes, PySlice};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{descr_error, noargs, slot_args};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub static MEMORYVIEW_TYPE: TypeCell = TypeCell::new();
pub static MEMORY_ITER_TYPE: TypeCell = TypeCell::new();

/// The exporter of a family of views, holding one export of it.
struct Managed {
    obj: Value,
}

impl Managed {
    fn new(obj: Value) -> Managed {
        if let Some(ba) = obj.downcast_ref::<PyByteArray>() {
            let _data = ba.data.lock();
            ba.exports.fetch_add(1, Ordering::AcqRel);
        } else if let Some(a) = obj.downcast_ref::<PyArray>() {
            a.export(1);
        }
        Managed { obj }
    }

    /// Runs `f` on the exporter's bytes (under the bytearray's lock).
    fn read<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        if let Some(b) = self.obj.downcast_ref::<PyBytes>() {
            return f(&b.data);
        }
        if let Some(a) = self.obj.downcast_ref::<PyArray>() {
            return f(&a.data().lock());
        }
        match self.obj.downcast_ref::<PyByteArray>() {
            Some(b) => f(&b.data.lock()),
            None => f(&[]),
        }
    }

    /// Runs `f` on the bytes of a writable exporter.
    fn write<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        if let Some(a) = self.obj.downcast_ref::<PyArray>() {
            return Some(f(&mut a.data().lock()));
        }
        self.obj.downcast_ref::<PyByteArray>().map(|b| f(&mut b.data.lock()))
    }
}

impl Drop for Managed {
    fn drop(&mut self) {
        if let Some(ba) = self.obj.downcast_ref::<PyByteArray>() {
            let _data = ba.data.lock();
            ba.exports.fetch_sub(1, Ordering::AcqRel);
        } else if let Some(a) = self.obj.downcast_ref::<PyArray>() {
            a.export(-1);
        }
    }
}

pub struct PyMemoryView {
    /// `None` once released.
    mbuf: Locked<Option<Arc<Managed>>>,
    readonly: bool,
    format: Box<str>,
    /// The native format character (`B` for the exporters' own format).
    code: u8,
    itemsize: usize,
    /// Byte offset of the item with all indices zero.
    offset: isize,
    shape: Box<[usize]>,
    strides: Box<[isize]>,
    /// The hash as `u64`; `u64::MAX` (-1) until computed.
    hash: AtomicU64,
}

impl PyPayload for PyMemoryView {
    fn class() -> &'static PyRef<PyType> {
        MEMORYVIEW_TYPE.get()
    }
}

/// Geometry of a new view.
struct Layout {
    readonly: bool,
    format: Box<str>,
    code: u8,
    itemsize: usize,
    offset: isize,
    shape: Vec<usize>,
    strides: Vec<isize>,
}

fn new_view(mbuf: Arc<Managed>, l: Layout) -> Value {
    PyRef::new(PyMemoryView {
        mbuf: Locked::new(Some(mbuf)),
        readonly: l.readonly,
        format: l.format,
        code: l.code,
        itemsize: l.itemsize,
        offset: l.offset,
        shape: l.shape.into(),
        strides: l.strides.into(),
        hash: AtomicU64::new(u64::MAX),
    })
    .into_value()
}

/// The byte range of an item at offset `o` (`None` if out of reach).
fn span(o: isize, size: usize) -> Option<std::ops::Range<usize>> {
    let start = usize::try_from(o).ok()?;
    Some(start..start.checked_add(size)?)
}

fn released_error(vm: &mut Vm) -> PyErr {
    vm.new_value_error("operation forbidden on released memoryview object")
}

fn resized_error(vm: &mut Vm) -> PyErr {
    vm.new_exception_msg(&exc().buffer_error, "memoryview: the underlying buffer changed size")
}

impl PyMemoryView {
    fn layout(&self) -> Layout {
        Layout {
            readonly: self.readonly,
            format: self.format.clone(),
            code: self.code,
            itemsize: self.itemsize,
            offset: self.offset,
            shape: self.shape.to_vec(),
            strides: self.strides.to_vec(),
        }
    }

    fn managed(&self, vm: &mut Vm) -> PyResult<Arc<Managed>> {
        match &*self.mbuf.lock() {
            Some(m) => Ok(m.clone()),
            None => Err(released_error(vm)),
        }
    }

    fn is_released(&self) -> bool {
        self.mbuf.lock().is_none()
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn count(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.count() * self.itemsize
    }

    /// Byte offsets of every item, in C (row-major) or Fortran order.
    fn offsets(&self, fortran: bool) -> Vec<isize> {
        let n = self.count();
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        let nd = self.ndim();
        let mut idx = vec![0usize; nd];
        for _ in 0..n {
            out.push(self.offset + idx.iter().zip(self.strides.iter()).map(|(&i, &s)| i as isize * s).sum::<isize>());
            // Advance the last index fastest (C) or the first (Fortran).
            let dims: Box<dyn Iterator<Item = usize>> = if fortran { Box::new(0..nd) } else { Box::new((0..nd).rev()) };
            for d in dims {
                idx[d] += 1;
                if idx[d] < self.shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        out
    }

    fn c_contiguous(&self) -> bool {
        match self.ndim() {
            0 => true,
            1 => self.shape[0] == 1 || self.strides[0] == self.itemsize as isize,
            _ => {
                if self.count() == 0 {
                    return true;
                }
                let mut sd = self.itemsize as isize;
                for d in (0..self.ndim()).rev() {
                    if self.shape[d] > 1 && self.strides[d] != sd {
                        return false;
                    }
                    sd *= self.shape[d] as isize;
                }
                true
            }
        }
    }

    fn f_contiguous(&self) -> bool {
        match self.ndim() {
            0 | 1 => self.c_contiguous(),
            _ => {
                if self.count() == 0 {
                    return true;
                }
                let mut sd = self.itemsize as isize;
                for d in 0..self.ndim() {
                    if self.shape[d] > 1 && self.strides[d] != sd {
                        return false;
                    }
                    sd *= self.shape[d] as isize;
                }
                true
            }
        }
    }

    /// The view's bytes in C or Fortran order.
    fn to_bytes(&self, vm: &mut Vm, fortran: bool) -> PyResult<Vec<u8>> {
        let m = self.managed(vm)?;
        let offs = self.offsets(fortran);
        let size = self.itemsize;
        let out = m.read(|data| {
            let mut out = Vec::with_capacity(offs.len() * size);
            for &o in &offs {
                out.extend_from_slice(data.get(span(o, size)?)?);
            }
            Some(out)
        });
        out.ok_or_else(|| resized_error(vm))
    }

    /// The unpacked items in C order.
    /// NotImplementedError for an exporter's format that items cannot be
    /// read or written in (an array's `w`).
    fn check_format(&self, vm: &mut Vm) -> PyResult<()> {
        if fmt::native(&self.format).is_some() {
            return Ok(());
        }
        let msg = format!("memoryview: format {} not supported", self.format);
        Err(vm.new_exception_msg(&exc().not_implemented_error, msg))
    }

    fn items(&self, vm: &mut Vm) -> PyResult<Vec<fmt::Item>> {
        self.check_format(vm)?;
        let m = self.managed(vm)?;
        let offs = self.offsets(false);
        let (size, code) = (self.itemsize, self.code);
        let out: Option<Vec<fmt::Item>> =
            m.read(|data| offs.iter().map(|&o| data.get(span(o, size)?).map(|b| fmt::unpack(code, b))).collect());
        out.ok_or_else(|| resized_error(vm))
    }

    fn item_at(&self, vm: &mut Vm, off: isize) -> PyResult<Value> {
        self.check_format(vm)?;
        let m = self.managed(vm)?;
        let (size, code) = (self.itemsize, self.code);
        let it = m.read(|data| span(off, size).and_then(|r| data.get(r)).map(|b| fmt::unpack(code, b)));
        match it {
            Some(it) => Ok(fmt::item_value(it)),
            None => Err(resized_error(vm)),
        }
    }

    fn store_at(&self, vm: &mut Vm, off: isize, value: &Value) -> PyResult<()> {
        self.check_format(vm)?;
        let bytes = fmt::pack(vm, self.code, &self.format, value)?;
        self.write_bytes(vm, &[off], &bytes)
    }

    /// Writes `src` (items of `itemsize` bytes, in order) at `offs`.
    fn write_bytes(&self, vm: &mut Vm, offs: &[isize], src: &[u8]) -> PyResult<()> {
        let m = self.managed(vm)?;
        let size = self.itemsize;
        let ok = m.write(|data| {
            for (&o, chunk) in offs.iter().zip(src.chunks(size.max(1))) {
                match span(o, size).and_then(|r| data.get_mut(r)) {
                    Some(d) => d.copy_from_slice(chunk),
                    None => return false,
                }
            }
            true
        });
        if ok == Some(true) {
            Ok(())
        } else {
            Err(resized_error(vm))
        }
    }

    /// `lookup_dimension`: the offset of `index` along dimension `dim`.
    fn dim_offset(&self, vm: &mut Vm, base: isize, dim: usize, index: isize) -> PyResult<isize> {
        let n = self.shape[dim] as isize;
        let i = if index < 0 { index + n } else { index };
        if i < 0 || i >= n {
            return Err(vm.new_index_error(format!("index out of bounds on dimension {}", dim + 1)));
        }
        Ok(base + self.strides[dim] * i)
    }

    /// The offset of the item a tuple of indices names.
    fn tuple_offset(&self, vm: &mut Vm, key: &[Value]) -> PyResult<isize> {
        if key.len() < self.ndim() {
            return Err(vm.new_exception_msg(&exc().not_implemented_error, "sub-views are not implemented"));
        }
        if key.len() > self.ndim() {
            return Err(vm.new_type_error(format!(
                "cannot index {}-dimension view with {}-element tuple",
                self.ndim(),
                key.len()
            )));
        }
        let mut off = self.offset;
        for (d, k) in key.iter().enumerate() {
            let i = vm.index_isize(k)?;
            off = self.dim_offset(vm, off, d, i)?;
        }
        Ok(off)
    }

    /// `init_slice` on dimension 0: the layout of `self[slice]`.
    fn sliced(&self, vm: &mut Vm, s: &PySlice) -> PyResult<Layout> {
        let spec = crate::types::list_methods::slice_unpack(vm, s)?;
        let (start, _stop, step, n) = spec.adjust(self.shape[0]);
        let mut l = self.layout();
        l.offset += self.strides[0] * start as isize;
        l.shape[0] = n;
        l.strides[0] *= step as isize;
        Ok(l)
    }
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyMemoryView> {
    match v.downcast_ref::<PyMemoryView>() {
        Some(m) => Ok(m),
        None => Err(descr_error(vm, "memoryview", v)),
    }
}

/// A view of `obj`'s buffer, or `None` when it exports none.
pub fn view_of(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    if let Some(m) = obj.downcast_ref::<PyMemoryView>() {
        let mb = m.managed(vm)?;
        return Ok(Some(new_view(mb, m.layout())));
    }
    if let Some(a) = obj.downcast_ref::<PyArray>() {
        // An array exports its items in their own format (`w` for `u`,
        // which no item access here understands, as in CPython 3.11).
        let (format, size) = (a.format(), a.itemsize());
        let n = a.data().lock().len() / size;
        let l = Layout {
            readonly: false,
            format: format.to_string().into(),
            code: format as u8,
            itemsize: size,
            offset: 0,
            shape: vec![n],
            strides: vec![size as isize],
        };
        return Ok(Some(new_view(Arc::new(Managed::new(obj.clone())), l)));
    }
    let (readonly, len) = if let Some(b) = obj.downcast_ref::<PyBytes>() {
        (true, b.data.len())
    } else if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        (false, b.data.lock().len())
    } else {
        return Ok(None);
    };
    let l =
        Layout { readonly, format: "B".into(), code: b'B', itemsize: 1, offset: 0, shape: vec![len], strides: vec![1] };
    Ok(Some(new_view(Arc::new(Managed::new(obj.clone())), l)))
}

/// The bytes of a memoryview in C order (the buffer other bytes-like
/// consumers see); `None` for other objects or a released view.
pub fn memoryview_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = v.downcast_ref::<PyMemoryView>()?;
    let mb = m.mbuf.lock().clone()?;
    let offs = m.offsets(false);
    let size = m.itemsize;
    mb.read(|data| {
        let mut out = Vec::with_capacity(offs.len() * size);
        for &o in &offs {
            out.extend_from_slice(data.get(span(o, size)?)?);
        }
        Some(out)
    })
}

/// The format and shape of a buffer, for structure comparisons.
fn buffer_shape(vm: &mut Vm, v: &Value) -> PyResult<Option<(u8, String, Vec<usize>, Vec<fmt::Item>)>> {
    if let Some(m) = v.downcast_ref::<PyMemoryView>() {
        let items = m.items(vm)?;
        return Ok(Some((m.code, m.format.to_string(), m.shape.to_vec(), items)));
    }
    if let Some(a) = v.downcast_ref::<PyArray>() {
        let (f, size) = (a.format(), a.itemsize());
        if fmt::native(&f.to_string()).is_none() {
            return Ok(None);
        }
        let data = a.data().lock().clone();
        let items = data.chunks_exact(size).map(|c| fmt::unpack(f as u8, c)).collect();
        return Ok(Some((f as u8, f.to_string(), vec![data.len() / size], items)));
    }
    let data: Cow<'_, [u8]> = if let Some(b) = v.downcast_ref::<PyBytes>() {
        Cow::Borrowed(&b.data)
    } else if let Some(b) = v.downcast_ref::<PyByteArray>() {
        Cow::Owned(b.data.lock().clone())
    } else {
        return Ok(None);
    };
    let items = data.iter().map(|&b| fmt::Item::Int(b as i128)).collect();
    Ok(Some((b'B', "B".into(), vec![data.len()], items)))
}

// ---- construction and geometry ------------------------------------------------------

fn mv_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let slots = args.skip_self().bind(vm, "memoryview", &["object"], 0)?;
    let Some(obj) = &slots[0] else {
        return Err(vm.new_type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    match view_of(vm, obj)? {
        Some(v) => Ok(v),
        None => {
            Err(vm.new_type_error(format!("memoryview: a bytes-like object is required, not '{}'", obj.class().name())))
        }
    }
}

fn mv_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let m = this(vm, &a[0])?;
    let state = if m.is_released() { "released memory" } else { "memory" };
    Ok(new_str(format!("<{state} at {:#x}>", a[0].raw_word())))
}

/// The receiver of a getter, checked not released.
fn live<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyMemoryView> {
    let m = this(vm, v)?;
    if m.is_released() {
        return Err(released_error(vm));
    }
    Ok(m)
}

fn get_obj(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(vm, v)?;
    Ok(m.managed(vm)?.obj.clone())
}

fn get_nbytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(live(vm, v)?.nbytes() as i64))
}

fn get_readonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(live(vm, v)?.readonly))
}

fn get_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(live(vm, v)?.itemsize as i64))
}

fn get_format(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(live(vm, v)?.format.to_string()))
}

fn get_ndim(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(live(vm, v)?.ndim() as i64))
}

fn get_shape(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(new_tuple(m.shape.iter().map(|&n| int_from_i64(n as i64)).collect()))
}

fn get_strides(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(new_tuple(m.strides.iter().map(|&n| int_from_i64(n as i64)).collect()))
}

fn get_suboffsets(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(new_tuple(Vec::new()))
}

fn get_c_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(live(vm, v)?.c_contiguous()))
}

fn get_f_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(live(vm, v)?.f_contiguous()))
}

fn get_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(bool_value(m.c_contiguous() || m.f_contiguous()))
}

// ---- the sequence protocol ----------------------------------------------------------

fn mv_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let m = live(vm, &a[0])?;
    if m.ndim() == 0 {
        return Err(vm.new_type_error("0-dim memory has no length"));
    }
    Ok(int_from_i64(m.shape[0] as i64))
}

fn is_index(v: &Value) -> bool {
    v.as_int().is_some() || v.class().lookup("__index__").is_some()
}

fn zero_dim_error(vm: &mut Vm) -> PyErr {
    vm.new_type_error("invalid indexing of 0-dim memory")
}

fn sub_views_error(vm: &mut Vm) -> PyErr {
    vm.new_exception_msg(&exc().not_implemented_error, "multi-dimensional sub-views are not implemented")
}

fn mv_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let m = live(vm, &a[0])?;
    let key = &a[1];
    let is_ellipsis = key.downcast_ref::<PyEllipsis>().is_some();
    if m.ndim() == 0 {
        if key.as_tuple().is_some_and(|t| t.is_empty()) {
            return m.item_at(vm, m.offset);
        }
        if is_ellipsis {
            return Ok(a[0].clone());
        }
        return Err(zero_dim_error(vm));
    }
    if is_index(key) {
        let i = vm.index_isize(key)?;
        if m.ndim() > 1 {
            return Err(sub_views_error(vm));
        }
        let off = m.dim_offset(vm, m.offset, 0, i)?;
        return m.item_at(vm, off);
    }
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let l = m.sliced(vm, s)?;
        let mb = m.managed(vm)?;
        return Ok(new_view(mb, l));
    }
    if let Some(t) = key.as_tuple() {
        if t.iter().all(is_index) {
            let off = m.tuple_offset(vm, t)?;
            return m.item_at(vm, off);
        }
        if t.iter().all(|x| x.downcast_ref::<PySlice>().is_some()) {
            return Err(
                vm.new_exception_msg(&exc().not_implemented_error, "multi-dimensional slicing is not implemented")
            );
        }
    }
    Err(vm.new_type_error("memoryview: invalid slice key"))
}

fn mv_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 2)?;
    let m = live(vm, &a[0])?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    let (key, value) = (&a[1], &a[2]);
    if m.ndim() == 0 {
        if key.downcast_ref::<PyEllipsis>().is_some() || key.as_tuple().is_some_and(|t| t.is_empty()) {
            m.store_at(vm, m.offset, value)?;
            return Ok(none());
        }
        return Err(zero_dim_error(vm));
    }
    if is_index(key) {
        if m.ndim() > 1 {
            return Err(vm.new_exception_msg(&exc().not_implemented_error, "sub-views are not implemented"));
        }
        let i = vm.index_isize(key)?;
        let off = m.dim_offset(vm, m.offset, 0, i)?;
        m.store_at(vm, off, value)?;
        return Ok(none());
    }
    if let (Some(s), 1) = (key.downcast_ref::<PySlice>(), m.ndim()) {
        let Some((_, sfmt, shape, _)) = buffer_shape(vm, value)? else {
            return Err(vm.new_type_error(format!("a bytes-like object is required, not '{}'", value.class().name())));
        };
        let src = match value.downcast_ref::<PyMemoryView>() {
            Some(v) => v.to_bytes(vm, false)?,
            None => crate::types::bytes_methods::buf_of(value).map(|b| b.into_owned()).unwrap_or_default(),
        };
        let l = m.sliced(vm, s)?;
        let strip = |f: &str| f.strip_prefix('@').unwrap_or(f).to_string();
        let same_format = strip(&sfmt) == strip(&m.format) && fmt::native(&sfmt).map(|x| x.1) == Some(m.itemsize);
        if !same_format || shape.len() != 1 || shape[0] != l.shape[0] {
            return Err(vm.new_value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let offs: Vec<isize> = (0..l.shape[0]).map(|i| l.offset + l.strides[0] * i as isize).collect();
        m.write_bytes(vm, &offs, &src)?;
        return Ok(none());
    }
    if let Some(t) = key.as_tuple() {
        if t.iter().all(is_index) {
            let off = m.tuple_offset(vm, t)?;
            m.store_at(vm, off, value)?;
            return Ok(none());
        }
    }
    let multislice = key.as_tuple().is_some_and(|t| t.iter().all(|x| x.downcast_ref::<PySlice>().is_some()));
    if key.downcast_ref::<PySlice>().is_some() || multislice {
        return Err(vm.new_exception_msg(
            &exc().not_implemented_error,
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    Err(vm.new_type_error("memoryview: invalid slice key"))
}

fn mv_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    let m = live(vm, &a[0])?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    Err(vm.new_type_error("cannot delete memory"))
}

/// Iterator over a one-dimensional view.
pub struct PyMemoryIter {
    view: Value,
    pos: AtomicUsize,
}

impl PyPayload for PyMemoryIter {
    fn class() -> &'static PyRef<PyType> {
        MEMORY_ITER_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.view);
    }
}

fn mv_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let m = live(vm, &a[0])?;
    match m.ndim() {
        0 => return Err(zero_dim_error(vm)),
        1 => {}
        _ => return Err(sub_views_error(vm)),
    }
    Ok(PyRef::new(PyMemoryIter { view: a[0].clone(), pos: AtomicUsize::new(0) }).into_value())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let Some(it) = a[0].downcast_ref::<PyMemoryIter>() else {
        return Err(descr_error(vm, "memory_iterator", &a[0]));
    };
    let m = live(vm, &it.view)?;
    let i = it.pos.load(Ordering::Relaxed);
    if i >= m.shape[0] {
        return Err(vm.new_stop_iteration(None));
    }
    it.pos.store(i + 1, Ordering::Relaxed);
    m.item_at(vm, m.offset + m.strides[0] * i as isize)
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    Ok(a[0].clone())
}

// ---- comparison and hashing ---------------------------------------------------------

fn equal(vm: &mut Vm, v: &Value, w: &Value) -> PyResult<Option<bool>> {
    for x in [v, w] {
        if x.downcast_ref::<PyMemoryView>().is_some_and(|m| m.is_released()) {
            return Ok(Some(v.is(w)));
        }
    }
    let Some((_, _, vshape, vitems)) = buffer_shape(vm, v)? else { return Ok(None) };
    let Some((_, _, wshape, witems)) = buffer_shape(vm, w)? else { return Ok(None) };
    if vshape != wshape {
        return Ok(Some(false));
    }
    Ok(Some(vitems.iter().zip(&witems).all(|(&x, &y)| fmt::item_eq(x, y))))
}

fn mv_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    this(vm, &a[0])?;
    Ok(match equal(vm, &a[0], &a[1])? {
        Some(e) => bool_value(e),
        None => not_implemented(),
    })
}

fn mv_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 1)?;
    this(vm, &a[0])?;
    Ok(match equal(vm, &a[0], &a[1])? {
        Some(e) => bool_value(!e),
        None => not_implemented(),
    })
}

fn mv_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = slot_args(vm, &args, 0)?;
    let m = this(vm, &a[0])?;
    let h = m.hash.load(Ordering::Relaxed);
    if h != u64::MAX {
        return Ok(int_from_i64(h as i64));
    }
    let mb = m.managed(vm)?;
    if !m.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    if !fmt::is_byte_format(m.code) {
        return Err(vm.new_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    vm.hash(&mb.obj)?;
    let h = hash_bytes(&m.to_bytes(vm, false)?);
    m.hash.store(h as u64, Ordering::Relaxed);
    Ok(int_from_i64(h))
}

// ---- methods ------------------------------------------------------------------------

fn mv_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "memoryview.release")?;
    let m = this(vm, s)?;
    // The export ends (and a bytearray may resize) once the last view of
    // the family lets go; the handle is dropped outside the view's lock.
    let old = m.mbuf.lock().take();
    drop(old);
    Ok(none())
}

fn mv_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "memoryview.__enter__")?;
    live(vm, s)?;
    Ok(s.clone())
}

fn mv_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__exit__' needs an argument"));
    };
    let old = this(vm, s)?.mbuf.lock().take();
    drop(old);
    Ok(none())
}

fn mv_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'tobytes' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "tobytes", &["order"], 0)?;
    let m = live(vm, s)?;
    let fortran = match &slots[0] {
        None => false,
        Some(o) if o.is_none() => false,
        Some(o) => match o.as_str() {
            Some("C") | Some("A") => false,
            Some("F") => true,
            Some(_) => return Err(vm.new_value_error("order must be 'C', 'F' or 'A'")),
            None => {
                return Err(vm.new_type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    o.class().name()
                )))
            }
        },
    };
    Ok(bytes_new(m.to_bytes(vm, fortran)?))
}

fn mv_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'hex' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "hex", &["sep", "bytes_per_sep"], 0)?;
    let data = live(vm, s)?.to_bytes(vm, false)?;
    crate::types::bytes_methods::hex_string(vm, &data, slots[0].as_ref(), slots[1].as_ref())
}

fn mv_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "memoryview.tolist")?;
    let m = live(vm, s)?;
    let items: Vec<Value> = m.items(vm)?.into_iter().map(fmt::item_value).collect();
    if m.ndim() == 0 {
        return Ok(items.into_iter().next().unwrap_or_else(none));
    }
    let mut it = items.into_iter();
    Ok(nest(&m.shape, &mut it))
}

/// The nested lists of `shape` filled from C-order items.
fn nest(shape: &[usize], items: &mut impl Iterator<Item = Value>) -> Value {
    match shape {
        [n] => new_list(items.take(*n).collect()),
        [n, rest @ ..] => new_list((0..*n).map(|_| nest(rest, items)).collect()),
        [] => new_list(Vec::new()),
    }
}

fn mv_toreadonly(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "memoryview.toreadonly")?;
    let m = live(vm, s)?;
    let mut l = m.layout();
    l.readonly = true;
    let mb = m.managed(vm)?;
    Ok(new_view(mb, l))
}

fn mv_cast(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor 'cast' needs an argument"));
    };
    let slots = args.skip_self().bind(vm, "cast", &["format", "shape"], 0)?;
    let m = live(vm, s)?;
    let Some(format) = &slots[0] else {
        return Err(vm.new_type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(fmt_text) = format.downcast_ref::<PyStr>().map(|f| f.as_str().to_string()) else {
        return Err(vm.new_type_error(format!("cast() argument 'format' must be str, not {}", format.class().name())));
    };
    let shape = slots[1].as_ref().filter(|v| !v.is_none());
    if !m.c_contiguous() {
        return Err(vm.new_type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if (shape.is_some() || m.ndim() != 1) && (m.shape.contains(&0) || m.strides.contains(&0)) {
        return Err(vm.new_type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let dims = match shape {
        Some(sv) => {
            let items = if let Some(t) = sv.as_tuple() {
                t.to_vec()
            } else if sv.downcast_ref::<crate::types::list::PyList>().is_some() {
                vm.collect(sv)?
            } else {
                return Err(vm.new_type_error("shape must be a list or a tuple"));
            };
            if items.len() > 64 {
                return Err(vm.new_value_error("memoryview: number of dimensions must not exceed 64"));
            }
            if m.ndim() != 1 && items.len() != 1 {
                return Err(vm.new_type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            Some(items)
        }
        None => None,
    };
    let Some((code, itemsize)) = fmt::native(&fmt_text) else {
        return Err(vm.new_value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !fmt::is_byte_format(m.code) && !fmt::is_byte_format(code) {
        return Err(vm.new_type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let len = m.nbytes();
    if len % itemsize != 0 {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mut l = Layout {
        readonly: m.readonly,
        format: fmt_text.into(),
        code,
        itemsize,
        offset: m.offset,
        shape: vec![len / itemsize],
        strides: vec![itemsize as isize],
    };
    if let Some(items) = dims {
        let mut total = itemsize;
        let mut shape = Vec::with_capacity(items.len());
        for x in &items {
            let n = match x.as_int() {
                Some(i) => i.to_i64().unwrap_or(i64::MAX),
                None => {
                    return Err(
                        vm.new_type_error(format!("'{}' object cannot be interpreted as an integer", x.class().name()))
                    )
                }
            };
            if n <= 0 {
                return Err(vm.new_value_error("memoryview.cast(): elements of shape must be integers > 0"));
            }
            total = match total.checked_mul(n as usize) {
                Some(t) if t <= isize::MAX as usize => t,
                _ => return Err(vm.new_value_error("memoryview.cast(): product(shape) > SSIZE_MAX")),
            };
            shape.push(n as usize);
        }
        if total != len {
            return Err(vm.new_type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        let mut strides = vec![0isize; shape.len()];
        let mut sd = itemsize as isize;
        for d in (0..shape.len()).rev() {
            strides[d] = sd;
            sd *= shape[d] as isize;
        }
        l.shape = shape;
        l.strides = strides;
    }
    let mb = m.managed(vm)?;
    Ok(new_view(mb, l))
}

/// Registers the `memoryview` type.
pub(crate) fn install(types: &crate::types::Types) {
    let t = PyType::new_builtin::<PyMemoryView>("memoryview", Some(types.object), 0, false);
    t.set_dict(crate::types::dict::PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("builtins"));
    MEMORYVIEW_TYPE.set(t);
    let t = MEMORYVIEW_TYPE.get();
    add_method_kind(t, "__new__", mv_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("__repr__", mv_repr),
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__delitem__", mv_delitem),
            ("__iter__", mv_iter),
            ("__eq__", mv_eq),
            ("__ne__", mv_ne),
            ("__hash__", mv_hash),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("release", mv_release),
            ("tobytes", mv_tobytes),
            ("hex", mv_hex),
            ("tolist", mv_tolist),
            ("toreadonly", mv_toreadonly),
            ("cast", mv_cast),
        ],
    );
    let getters: [(&'static str, crate::function::descriptors::Getter); 12] = [
        ("obj", get_obj),
        ("nbytes", get_nbytes),
        ("readonly", get_readonly),
        ("itemsize", get_itemsize),
        ("format", get_format),
        ("ndim", get_ndim),
        ("shape", get_shape),
        ("strides", get_strides),
        ("suboffsets", get_suboffsets),
        ("c_contiguous", get_c_contiguous),
        ("f_contiguous", get_f_contiguous),
        ("contiguous", get_contiguous),
    ];
    for (name, g) in getters {
        add_getset(t, name, g, None);
    }
    let it = PyType::new_builtin::<PyMemoryIter>("memory_iterator", Some(types.object), 0, false);
    it.set_dict(crate::types::dict::PyDict::new_ref());
    MEMORY_ITER_TYPE.set(it);
    add_methods(MEMORY_ITER_TYPE.get(), &[("__iter__", iter_self), ("__next__", iter_next)]);
}

pub fn add_to_builtins(m: &PyRef<crate::types::module::PyModule>) {
    m.set_attr("memoryview", MEMORYVIEW_TYPE.get().to_value());
}
