//! `_hashlib`: message digests for `hashlib` (md5, sha1, the sha2 and sha3
//! families, shake, blake2b/blake2s) from the RustCrypto crates.
//!
//! A `HASH` object keeps its digest state behind a mutex, so `update` from
//! several threads at once is serialised (as CPython's per-object lock
//! does) and `digest` reads a consistent state: it finalises a clone, the
//! object can go on being updated.

use blake2::digest::{ExtendableOutput, Update, VariableOutput, XofReader};
use sha2::Digest;

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_methods, new_function, NativeFn};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::bytes_methods::buf_of;
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::small::bytes_new;
use crate::types::str::new_str;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static HASH_TYPE: TypeCell = TypeCell::new();

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha512_224(sha2::Sha512_224),
    Sha512_256(sha2::Sha512_256),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2::Blake2bVar),
    Blake2s(blake2::Blake2sVar),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, data),
            State::Sha1(h) => Digest::update(h, data),
            State::Sha224(h) => Digest::update(h, data),
            State::Sha256(h) => Digest::update(h, data),
            State::Sha384(h) => Digest::update(h, data),
            State::Sha512(h) => Digest::update(h, data),
            State::Sha512_224(h) => Digest::update(h, data),
            State::Sha512_256(h) => Digest::update(h, data),
            State::Sha3_224(h) => Digest::update(h, data),
            State::Sha3_256(h) => Digest::update(h, data),
            State::Sha3_384(h) => Digest::update(h, data),
            State::Sha3_512(h) => Digest::update(h, data),
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2b(h) => Update::update(h, data),
            State::Blake2s(h) => Update::update(h, data),
        }
    }

    /// The digest of what was fed so far (`len` for the shake XOFs).
    fn digest(&self, len: usize) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
            State::Sha512_224(h) => h.finalize().to_vec(),
            State::Sha512_256(h) => h.finalize().to_vec(),
            State::Sha3_224(h) => h.finalize().to_vec(),
            State::Sha3_256(h) => h.finalize().to_vec(),
            State::Sha3_384(h) => h.finalize().to_vec(),
            State::Sha3_512(h) => h.finalize().to_vec(),
            State::Shake128(h) => xof(h.finalize_xof(), len),
            State::Shake256(h) => xof(h.finalize_xof(), len),
            State::Blake2b(h) => {
                let mut out = vec![0u8; h.output_size()];
                // The buffer is exactly output_size long: cannot fail.
                let _ = h.finalize_variable(&mut out);
                out
            }
            State::Blake2s(h) => {
                let mut out = vec![0u8; h.output_size()];
                let _ = h.finalize_variable(&mut out);
                out
            }
        }
    }
}

fn xof(mut r: impl XofReader, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len];
    r.read(&mut out);
    out
}

/// (name, digest size, block size) of an algorithm, by its canonical name.
fn info(name: &str) -> Option<(usize, usize)> {
    Some(match name {
        "md5" => (16, 64),
        "sha1" => (20, 64),
        "sha224" => (28, 64),
        "sha256" => (32, 64),
        "sha384" => (48, 128),
        "sha512" => (64, 128),
        "sha512_224" => (28, 128),
        "sha512_256" => (32, 128),
        "sha3_224" => (28, 144),
        "sha3_256" => (32, 136),
        "sha3_384" => (48, 104),
        "sha3_512" => (64, 72),
        "shake_128" => (0, 168),
        "shake_256" => (0, 136),
        "blake2b" => (64, 128),
        "blake2s" => (32, 64),
        _ => return None,
    })
}

fn new_state(name: &str, digest_size: usize) -> Option<State> {
    Some(match name {
        "md5" => State::Md5(Default::default()),
        "sha1" => State::Sha1(Default::default()),
        "sha224" => State::Sha224(Default::default()),
        "sha256" => State::Sha256(Default::default()),
        "sha384" => State::Sha384(Default::default()),
        "sha512" => State::Sha512(Default::default()),
        "sha512_224" => State::Sha512_224(Default::default()),
        "sha512_256" => State::Sha512_256(Default::default()),
        "sha3_224" => State::Sha3_224(Default::default()),
        "sha3_256" => State::Sha3_256(Default::default()),
        "sha3_384" => State::Sha3_384(Default::default()),
        "sha3_512" => State::Sha3_512(Default::default()),
        "shake_128" => State::Shake128(Default::default()),
        "shake_256" => State::Shake256(Default::default()),
        "blake2b" => State::Blake2b(blake2::Blake2bVar::new(digest_size).ok()?),
        "blake2s" => State::Blake2s(blake2::Blake2sVar::new(digest_size).ok()?),
        _ => return None,
    })
}

pub struct PyHash {
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    state: Locked<State>,
}

impl PyPayload for PyHash {
    fn class() -> &'static PyRef<PyType> {
        HASH_TYPE.get()
    }
}

fn hash_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyHash> {
    match v.downcast_ref::<PyHash>() {
        Some(h) => Ok(h),
        None => Err(vm.new_type_error("descriptor requires a '_hashlib.HASH' object")),
    }
}

/// The bytes of a data argument, with hashlib's messages for str and others.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(vm.new_type_error("Strings must be encoded before hashing"));
    }
    match buf_of(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.new_type_error("object supporting the buffer API required")),
    }
}

const NAMES: &[&str] = &[
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha512_224",
    "sha512_256",
    "sha3_224",
    "sha3_256",
    "sha3_384",
    "sha3_512",
    "shake_128",
    "shake_256",
    "blake2b",
    "blake2s",
];

/// `_hashlib.new(name, data=b'', digest_size=None)`.
fn hashlib_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.bind(vm, "new", &["name", "data", "digest_size"], 0)?;
    let Some(namev) = &a[0] else { return Err(vm.new_type_error("new() missing required argument 'name' (pos 1)")) };
    let Some(lower) = namev.as_str().map(|s| s.to_ascii_lowercase()) else {
        return Err(vm.new_type_error("new() argument 'name' must be str"));
    };
    let Some(&name) = NAMES.iter().find(|n| **n == lower) else {
        return Err(vm.new_value_error(format!("unsupported hash type {}", namev.as_str().unwrap_or(""))));
    };
    let (default_size, block_size) = info(name).unwrap_or((0, 0));
    let digest_size = match a[2].as_ref().filter(|v| !v.is_none()) {
        Some(v) => {
            let n = vm.index_isize(v)?;
            let max = default_size as isize;
            if n < 1 || n > max {
                return Err(vm.new_value_error(format!("digest_size must be between 1 and {max} bytes")));
            }
            n as usize
        }
        None => default_size,
    };
    let Some(mut state) = new_state(name, digest_size.max(1)) else {
        return Err(vm.new_value_error(format!("unsupported hash type {name}")));
    };
    if let Some(d) = &a[1] {
        let data = data_arg(vm, d)?;
        state.update(&data);
    }
    let h = PyHash { name, digest_size, block_size, state: Locked::new(state) };
    Ok(PyRef::new(h).into_value())
}

fn hash_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "update", 2)?;
    let h = hash_of(vm, &a[0])?;
    let data = data_arg(vm, &a[1])?;
    h.state.lock().update(&data);
    Ok(none())
}

/// The digest; the XOFs take the length as their one argument.
fn digest_bytes(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult<Vec<u8>> {
    let h = match args.pos.first() {
        Some(v) => hash_of(vm, v)?,
        None => return Err(vm.new_type_error(format!("{fname}() needs a HASH object"))),
    };
    let len = if h.digest_size == 0 {
        let a = args.exact(vm, fname, 2)?;
        let n = vm.index_isize(&a[1])?;
        if n < 0 {
            return Err(vm.new_value_error("length must be non-negative"));
        }
        n as usize
    } else {
        args.exact(vm, fname, 1)?;
        h.digest_size
    };
    let state = h.state.lock().clone();
    Ok(state.digest(len))
}

fn hash_digest(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(bytes_new(digest_bytes(vm, args, "digest")?))
}

fn hash_hexdigest(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = digest_bytes(vm, args, "hexdigest")?;
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    Ok(new_str(s))
}

fn hash_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "copy", 1)?;
    let h = hash_of(vm, &a[0])?;
    let state = h.state.lock().clone();
    let c = PyHash { name: h.name, digest_size: h.digest_size, block_size: h.block_size, state: Locked::new(state) };
    Ok(PyRef::new(c).into_value())
}

fn hash_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "__repr__", 1)?;
    let h = hash_of(vm, &a[0])?;
    Ok(new_str(format!("<{} _hashlib.HASH object @ {:#x}>", h.name, a[0].raw_word())))
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<PyHash>().map(|h| new_str(h.name)).unwrap_or_else(none))
}
fn get_digest_size(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<PyHash>().map(|h| int_from_i64(h.digest_size as i64)).unwrap_or_else(none))
}
fn get_block_size(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<PyHash>().map(|h| int_from_i64(h.block_size as i64)).unwrap_or_else(none))
}

fn init_type() {
    if HASH_TYPE.is_set() {
        return;
    }
    let t = PyType::new_builtin::<PyHash>("HASH", Some(crate::types::instance_object_type()), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("_hashlib"));
    HASH_TYPE.set(t);
    let t = HASH_TYPE.get();
    add_methods(
        t,
        &[
            ("update", hash_update),
            ("digest", hash_digest),
            ("hexdigest", hash_hexdigest),
            ("copy", hash_copy),
            ("__repr__", hash_repr),
        ],
    );
    add_getset(t, "name", get_name, None);
    add_getset(t, "digest_size", get_digest_size, None);
    add_getset(t, "block_size", get_block_size, None);
}

/// Creates the `_hashlib` module.
pub fn make_module() -> PyRef<PyModule> {
    init_type();
    let m = PyModule::new("_hashlib");
    let funcs: &[(&'static str, NativeFn)] = &[("new", hashlib_new)];
    for (name, f) in funcs {
        m.set_attr(name, new_function(name, *f, "_hashlib"));
    }
    m.set_attr("HASH", HASH_TYPE.get().to_value());
    let names: Vec<Value> = NAMES.iter().map(|n| new_str(*n)).collect();
    m.set_attr("_names", crate::types::tuple::new_tuple(names));
    m
}

#[cfg(test)]
mod tests {
    use super::new_state;

    fn hex(name: &str, size: usize, data: &[u8], len: usize) -> String {
        let mut s = new_state(name, size).unwrap();
        s.update(data);
        s.digest(len).iter().map(|b| format!("{b:02x}")).collect()
    }

    // Expected values are what CPython's hashlib gives.
    #[test]
    fn known_digests() {
        assert_eq!(hex("md5", 16, b"abc", 16), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex("sha1", 20, b"abc", 20), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(hex("sha256", 32, b"abc", 32), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(hex("shake_128", 0, b"a", 4), "85c8de88");
    }
}
