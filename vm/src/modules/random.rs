//! `_random`: the Mersenne Twister MT19937 core under the pure-Python
//! `random` module, as CPython's `Modules/_randommodule.c` provides it:
//! `_random.Random` with `seed`, `random`, `getrandbits`, `getstate` and
//! `setstate`, subclassable (`random.Random` derives from it and adds the
//! distributions, str/bytes seeds and the state version).
//!
//! Why native: every thread of a program may draw from the one hidden
//! instance behind `random.random()`. The generator state is 624 words and
//! an index that each draw reads and advances; pure Python could not make
//! a draw atomic without a lock around every call, and two threads racing
//! through a twist read the index past the end (IndexError) or repeated
//! numbers. Here the state sits behind the object's mutex, so a draw is
//! one critical section, as under CPython's free-threaded build (and its
//! GIL). It is also the hot path of every random-number-heavy program.

use num_bigint::{BigInt, Sign};

use crate::function::args::Args;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::float::new_float;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::type_::{flags, PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

pub static RANDOM_TYPE: TypeCell = TypeCell::new();

/// The generator: 624 words and the index of the next one to temper.
struct Mt {
    words: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.words[0] = s;
        for i in 1..N {
            let prev = self.words[i - 1];
            self.words[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.words;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The top bit set assures a non-zero initial state.
        mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mt = &mut self.words;
        let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.words[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (CPython's `random_random`).
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}

pub struct PyRandom {
    state: Locked<Box<Mt>>,
}

impl PyPayload for PyRandom {
    fn class() -> &'static PyRef<PyType> {
        RANDOM_TYPE.get()
    }
}

impl PyRandom {
    fn new() -> PyRandom {
        let mut mt = Box::new(Mt { words: [0; N], index: N + 1 });
        mt.init_by_array(&entropy_key());
        PyRandom { state: Locked::new(mt) }
    }
}

/// 624 words from the OS for `seed(None)`, as CPython's
/// `random_seed_urandom`; clocks and an address if the OS has none.
fn entropy_key() -> Vec<u32> {
    use std::io::Read;
    let mut bytes = vec![0u8; N * 4];
    let from_os = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok();
    if !from_os {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let here = &bytes as *const Vec<u8> as usize as u64;
        let words = [t.as_nanos() as u64, here, std::process::id() as u64];
        return words.iter().flat_map(|w| [*w as u32, (*w >> 32) as u32]).collect();
    }
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn this<'a>(vm: &mut Vm, v: &'a Value, method: &str) -> PyResult<&'a PyRandom> {
    match v.downcast_ref::<PyRandom>() {
        Some(r) => Ok(r),
        None => Err(vm.new_type_error(format!(
            "descriptor '{method}' for '_random.Random' objects doesn't apply to a '{}' object",
            v.class().name()
        ))),
    }
}

/// The 32-bit words of `|n|`, least significant first (`[0]` for 0).
fn key_of_int(n: &BigInt) -> Vec<u32> {
    let (_, words) = n.to_u32_digits();
    if words.is_empty() {
        vec![0]
    } else {
        words
    }
}

/// `Random.__new__(cls, x=None)`: seeded from `x` like `seed(x)`.
fn random_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.new_type_error("Random.__new__(X): X is not a type object"));
    };
    if !cls.is_subtype(RANDOM_TYPE.get()) {
        let n = cls.name();
        return Err(vm.new_type_error(format!("Random.__new__({n}): {n} is not a subtype of _random.Random")));
    }
    if cls.is(RANDOM_TYPE.get()) && args.has_kwargs() {
        return Err(vm.new_type_error("Random() takes no keyword arguments"));
    }
    if args.pos.len() > 2 {
        return Err(vm.new_type_error("Random() requires 0 or 1 argument"));
    }
    let r = PyRef::new_with_type(PyRandom::new(), &cls).into_value();
    if let Some(seed) = args.pos.get(1) {
        seed_from(vm, &r, seed)?;
    }
    Ok(r)
}

fn seed_from(vm: &mut Vm, r: &Value, arg: &Value) -> PyResult<()> {
    let key = if arg.is_none() {
        entropy_key()
    } else if let Some(n) = arg.as_int() {
        key_of_int(&n.to_bigint())
    } else {
        // Other objects seed through their hash, read as unsigned.
        let h = vm.hash(arg)? as u64;
        key_of_int(&BigInt::from(h))
    };
    let me = this(vm, r, "seed")?;
    me.state.lock().init_by_array(&key);
    Ok(())
}

/// `seed(n=None)`: `None` seeds from the OS, an int from all its bits
/// (sign ignored), anything else from its hash.
fn random_seed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "seed", 1, 2)?;
    let arg = a.get(1).cloned().unwrap_or_else(none);
    seed_from(vm, &a[0], &arg)?;
    Ok(none())
}

fn random_random(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "random", 1)?;
    let me = this(vm, &a[0], "random")?;
    let f = me.state.lock().next_f64();
    Ok(new_float(f))
}

/// `getrandbits(k)`: whole 32-bit words from least to most significant,
/// the last one keeping only its top bits (CPython's order).
fn random_getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getrandbits", 2)?;
    let me = this(vm, &a[0], "getrandbits")?;
    let k = vm.index_isize(&a[1])?;
    if k < 0 {
        return Err(vm.new_value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as isize {
        return Err(vm.new_overflow_error("Python int too large to convert to C int"));
    }
    let k = k as usize;
    if k == 0 {
        return Ok(int_from_i64(0));
    }
    let mut st = me.state.lock();
    if k <= 32 {
        let w = st.next_u32() >> (32 - k);
        return Ok(int_from_i64(w as i64));
    }
    let mut words = Vec::with_capacity(k.div_ceil(32));
    let mut left = k;
    while left > 0 {
        let mut w = st.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        words.push(w);
        left = left.saturating_sub(32);
    }
    drop(st);
    Ok(int_from_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

/// `getstate()`: the 624 words and the index, as a tuple of 625 ints.
fn random_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "getstate", 1)?;
    let me = this(vm, &a[0], "getstate")?;
    let st = me.state.lock();
    let mut items: Vec<Value> = st.words.iter().map(|w| int_from_i64(*w as i64)).collect();
    items.push(int_from_i64(st.index as i64));
    drop(st);
    Ok(new_tuple(items))
}

/// `setstate(state)`: CPython's checks and messages; nothing changes
/// unless the whole state is valid.
fn random_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "setstate", 2)?;
    let me = this(vm, &a[0], "setstate")?;
    let Some(t) = a[1].downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error("state vector must be a tuple"));
    };
    let items = t.items();
    if items.len() != N + 1 {
        return Err(vm.new_value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (slot, item) in words.iter_mut().zip(items) {
        let Some(n) = item.as_int() else {
            return Err(
                vm.new_type_error(format!("'{}' object cannot be interpreted as an integer", item.class().name()))
            );
        };
        let n = n.to_bigint();
        if n.sign() == Sign::Minus {
            return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
        }
        if n.bits() > 64 {
            return Err(vm.new_overflow_error("Python int too large to convert to C unsigned long"));
        }
        // CPython stores the C unsigned long truncated to 32 bits.
        *slot = n.iter_u32_digits().next().unwrap_or(0);
    }
    let index = match items[N].as_int() {
        Some(n) => n.to_i64(),
        None => {
            return Err(
                vm.new_type_error(format!("'{}' object cannot be interpreted as an integer", items[N].class().name()))
            )
        }
    };
    let index = match index {
        Some(i) if (0..=N as i64).contains(&i) => i as usize,
        Some(_) => return Err(vm.new_value_error("invalid state")),
        None => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
    };
    let mut st = me.state.lock();
    st.words = words;
    st.index = index;
    Ok(none())
}

fn init_types() {
    let t =
        PyType::new_builtin::<PyRandom>("Random", Some(crate::types::instance_object_type()), flags::BASETYPE, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("_random"));
    RANDOM_TYPE.set(t);
    let t = RANDOM_TYPE.get();
    add_method_kind(t, "__new__", random_new, MethodKind::Static);
    add_methods(
        t,
        &[
            ("seed", random_seed),
            ("random", random_random),
            ("getrandbits", random_getrandbits),
            ("getstate", random_getstate),
            ("setstate", random_setstate),
        ],
    );
}

/// The native `_random` module.
pub fn make_module() -> PyRef<PyModule> {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(init_types);
    let m = PyModule::new("_random");
    m.set_attr("Random", RANDOM_TYPE.get().to_value());
    m
}

#[cfg(test)]
mod tests {
    use super::{Mt, N};

    /// The reference MT19937 output for init_by_array({0x123, 0x234,
    /// 0x345, 0x456}): the first words of mt19937ar.out.
    #[test]
    fn matches_the_reference_sequence() {
        let mut mt = Mt { words: [0; N], index: N + 1 };
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(first, [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476]);
    }
}
