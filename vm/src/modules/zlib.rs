//! `_zlib`: raw and zlib-wrapped DEFLATE streams (crate `miniz_oxide`) and
//! the crc32 / adler32 checksums, under the pure-Python `zlib`, which adds
//! the gzip wrapper (header and crc32/size trailer) and CPython's API.
//!
//! A compressor or decompressor keeps its stream state behind a mutex:
//! calls from several threads are serialised, as CPython's per-object
//! lock does. The compressed bytes are valid DEFLATE but not byte-for-byte
//! those of the C zlib library (another encoder).

use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use crate::function::args::Args;
use crate::function::native::{add_methods, new_function, NativeFn};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::bytes_methods::buf_of;
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::bool_value;
use crate::types::small::bytes_new;
use crate::types::tuple::new_tuple;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static COMPRESSOR_TYPE: TypeCell = TypeCell::new();
pub static DECOMPRESSOR_TYPE: TypeCell = TypeCell::new();

pub struct PyCompressor {
    state: Locked<Box<CompressorOxide>>,
}

impl PyPayload for PyCompressor {
    fn class() -> &'static PyRef<PyType> {
        COMPRESSOR_TYPE.get()
    }
}

pub struct PyDecompressor {
    state: Locked<Box<InflateState>>,
}

impl PyPayload for PyDecompressor {
    fn class() -> &'static PyRef<PyType> {
        DECOMPRESSOR_TYPE.get()
    }
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buf_of(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.new_type_error(format!("a bytes-like object is required, not '{}'", v.class().name()))),
    }
}

fn flush_mode(n: isize) -> MZFlush {
    match n {
        0 => MZFlush::None,
        1 => MZFlush::Partial,
        2 => MZFlush::Sync,
        3 => MZFlush::Full,
        _ => MZFlush::Finish,
    }
}

/// `compressor(level, wbits, strategy)`: wbits > 0 for the zlib wrapper,
/// < 0 for raw DEFLATE.
fn zl_compressor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "compressor", 3)?;
    let level = vm.index_isize(&a[0])? as i32;
    let wbits = vm.index_isize(&a[1])? as i32;
    let strategy = vm.index_isize(&a[2])? as i32;
    let level = if level < 0 { 6 } else { level.min(10) };
    let flags = create_comp_flags_from_zip_params(level, wbits, strategy);
    let c = PyCompressor { state: Locked::new(Box::new(CompressorOxide::new(flags))) };
    Ok(PyRef::new(c).into_value())
}

/// `compress(data, flush_mode)` -> bytes out so far.
fn comp_compress(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "compress", 3)?;
    let Some(c) = a[0].downcast_ref::<PyCompressor>() else { return Err(vm.new_type_error("not a compressor")) };
    let data = data_arg(vm, &a[1])?;
    let flush = flush_mode(vm.index_isize(&a[2])?);
    let mut st = c.state.lock();
    let mut out = Vec::new();
    let mut input = &data[..];
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let r = miniz_oxide::deflate::stream::deflate(&mut st, input, &mut chunk, flush);
        out.extend_from_slice(&chunk[..r.bytes_written]);
        input = &input[r.bytes_consumed..];
        match r.status {
            Ok(MZStatus::StreamEnd) => break,
            Ok(_) => {
                // Done when the input is used up and the output buffer was
                // not filled (nothing more is pending for this flush).
                if input.is_empty() && r.bytes_written < chunk.len() {
                    break;
                }
            }
            Err(MZError::Buf) => break,
            Err(e) => return Err(vm.new_value_error(format!("Error {e:?} while compressing data"))),
        }
    }
    Ok(bytes_new(out))
}

/// `decompressor(wbits)`: > 0 zlib wrapper, < 0 raw DEFLATE.
fn zl_decompressor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "decompressor", 1)?;
    let wbits = vm.index_isize(&a[0])? as i32;
    let fmt = if wbits > 0 { DataFormat::Zlib } else { DataFormat::Raw };
    let d = PyDecompressor { state: Locked::new(InflateState::new_boxed(fmt)) };
    Ok(PyRef::new(d).into_value())
}

/// `decompress(data, max_length)` -> `(out, consumed, finished)`, or a
/// ValueError carrying zlib's message for a bad stream. `max_length` 0
/// means no limit.
fn decomp_decompress(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "decompress", 3)?;
    let Some(d) = a[0].downcast_ref::<PyDecompressor>() else { return Err(vm.new_type_error("not a decompressor")) };
    let data = data_arg(vm, &a[1])?;
    let max = vm.index_isize(&a[2])?.max(0) as usize;
    let mut st = d.state.lock();
    let mut out = Vec::new();
    let mut consumed = 0usize;
    let mut finished = false;
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let room = if max > 0 { (max - out.len()).min(chunk.len()) } else { chunk.len() };
        if room == 0 {
            break;
        }
        // With a limit, input goes in in small slices: what is not needed
        // for `max_length` bytes stays in `unconsumed_tail`, as in zlib.
        let end = if max > 0 { (consumed + 256).min(data.len()) } else { data.len() };
        let r = miniz_oxide::inflate::stream::inflate(&mut st, &data[consumed..end], &mut chunk[..room], MZFlush::None);
        out.extend_from_slice(&chunk[..r.bytes_written]);
        consumed += r.bytes_consumed;
        match r.status {
            Ok(MZStatus::StreamEnd) => {
                finished = true;
                break;
            }
            Ok(_) => {
                if consumed >= data.len() && r.bytes_written < room && end == data.len() {
                    break;
                }
                if r.bytes_consumed == 0 && r.bytes_written == 0 {
                    break;
                }
            }
            Err(MZError::Buf) => break,
            Err(MZError::Data) => {
                return Err(vm.new_value_error("Error -3 while decompressing data: invalid stored block lengths"))
            }
            Err(e) => return Err(vm.new_value_error(format!("Error -3 while decompressing data: {e:?}"))),
        }
    }
    Ok(new_tuple(vec![bytes_new(out), int_from_i64(consumed as i64), bool_value(finished)]))
}

fn zl_crc32(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "crc32", 1, 2)?;
    let data = data_arg(vm, &a[0])?;
    let start = match a.get(1) {
        Some(v) => (vm.index_isize(v)? as i64 & 0xffff_ffff) as u32,
        None => 0,
    };
    Ok(int_from_i64(crc32(start, &data) as i64))
}

fn zl_adler32(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "adler32", 1, 2)?;
    let data = data_arg(vm, &a[0])?;
    let start = match a.get(1) {
        Some(v) => (vm.index_isize(v)? as i64 & 0xffff_ffff) as u32,
        None => 1,
    };
    Ok(int_from_i64(adler32(start, &data) as i64))
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), continuing from `crc`.
pub fn crc32(crc: u32, data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    });
    let mut c = !crc;
    for &b in data {
        c = table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Adler-32, continuing from `adler`.
pub fn adler32(adler: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (adler & 0xffff, adler >> 16);
    // 5552 bytes is the most that cannot overflow u32 before reducing.
    for block in data.chunks(5552) {
        for &x in block {
            a += x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

fn new_type<T: PyPayload>(cell: &'static TypeCell, name: &str) -> &'static PyRef<PyType> {
    let t = PyType::new_builtin::<T>(name, Some(crate::types::instance_object_type()), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("_zlib"));
    cell.set(t);
    cell.get()
}

/// Creates the `_zlib` module.
pub fn make_module() -> PyRef<PyModule> {
    if !COMPRESSOR_TYPE.is_set() {
        let c = new_type::<PyCompressor>(&COMPRESSOR_TYPE, "Compressor");
        add_methods(c, &[("compress", comp_compress)]);
        let d = new_type::<PyDecompressor>(&DECOMPRESSOR_TYPE, "Decompressor");
        add_methods(d, &[("decompress", decomp_decompress)]);
    }
    let m = PyModule::new("_zlib");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("compressor", zl_compressor),
        ("decompressor", zl_decompressor),
        ("crc32", zl_crc32),
        ("adler32", zl_adler32),
    ];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_zlib"));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::{adler32, crc32};

    // Expected values are CPython's zlib.crc32 / zlib.adler32.
    #[test]
    fn checksums() {
        assert_eq!(crc32(0, b"hello world"), 0x0d4a_1185);
        assert_eq!(adler32(1, b"hello world"), 0x1a0b_045d);
        assert_eq!(crc32(crc32(0, b"hello "), b"world"), 0x0d4a_1185);
    }
}
