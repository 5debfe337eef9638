//! Type codes: item sizes, how a Python value becomes an item (with
//! CPython 3.11's messages, which come from the `PyArg_Parse` format
//! each code uses, so a value can fail an outer range before the
//! code's own), and how an item becomes a Python value again.
//!
//! Items are stored in native byte order, as CPython stores them.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::types::float::new_float;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// All type codes, in CPython's order (`array.typecodes`).
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Code {
    SChar,
    UChar,
    Wchar,
    Short,
    UShort,
    Int,
    UInt,
    Long,
    ULong,
    LongLong,
    ULongLong,
    Float,
    Double,
}

/// One item, decoded.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Item {
    Int(i128),
    Float(f64),
    /// A `u` item: a code point (a `wchar_t`, 32 bits here).
    Char(u32),
}

impl Code {
    pub fn from_char(c: char) -> Option<Code> {
        Some(match c {
            'b' => Code::SChar,
            'B' => Code::UChar,
            'u' => Code::Wchar,
            'h' => Code::Short,
            'H' => Code::UShort,
            'i' => Code::Int,
            'I' => Code::UInt,
            'l' => Code::Long,
            'L' => Code::ULong,
            'q' => Code::LongLong,
            'Q' => Code::ULongLong,
            'f' => Code::Float,
            'd' => Code::Double,
            _ => return None,
        })
    }

    pub fn as_char(self) -> char {
        match self {
            Code::SChar => 'b',
            Code::UChar => 'B',
            Code::Wchar => 'u',
            Code::Short => 'h',
            Code::UShort => 'H',
            Code::Int => 'i',
            Code::UInt => 'I',
            Code::Long => 'l',
            Code::ULong => 'L',
            Code::LongLong => 'q',
            Code::ULongLong => 'Q',
            Code::Float => 'f',
            Code::Double => 'd',
        }
    }

    pub fn size(self) -> usize {
        match self {
            Code::SChar | Code::UChar => 1,
            Code::Short | Code::UShort => 2,
            Code::Wchar | Code::Int | Code::UInt | Code::Float => 4,
            Code::Long | Code::ULong | Code::LongLong | Code::ULongLong | Code::Double => 8,
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self, Code::Float | Code::Double)
    }

    /// Whether items are integers (not floats or characters).
    pub fn is_int(self) -> bool {
        !self.is_float() && self != Code::Wchar
    }

    pub fn signed(self) -> bool {
        matches!(self, Code::SChar | Code::Short | Code::Int | Code::Long | Code::LongLong)
    }

    /// CPython's machine format code (`enum machine_format_code` in
    /// `arraymodule.c`) for this code on a little-endian machine with
    /// 4-byte `wchar_t`: what `__reduce_ex__` records for pickles.
    pub fn mformat(self) -> i64 {
        let le = cfg!(target_endian = "little");
        let pick = |little: i64| if le { little } else { little + 1 };
        match self {
            Code::UChar => 0,
            Code::SChar => 1,
            Code::UShort => pick(2),
            Code::Short => pick(4),
            Code::UInt => pick(6),
            Code::Int => pick(8),
            Code::ULong | Code::ULongLong => pick(10),
            Code::Long | Code::LongLong => pick(12),
            Code::Float => pick(14),
            Code::Double => pick(16),
            Code::Wchar => pick(20),
        }
    }

    /// Decodes the item in `b` (exactly `size()` bytes).
    pub fn read(self, b: &[u8]) -> Item {
        let arr = |n: usize| -> [u8; 8] {
            let mut a = [0u8; 8];
            a[..n].copy_from_slice(&b[..n]);
            a
        };
        match self {
            Code::SChar => Item::Int(b[0] as i8 as i128),
            Code::UChar => Item::Int(b[0] as i128),
            Code::Short => Item::Int(i16::from_ne_bytes([b[0], b[1]]) as i128),
            Code::UShort => Item::Int(u16::from_ne_bytes([b[0], b[1]]) as i128),
            Code::Int => Item::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
            Code::UInt => Item::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
            Code::Long | Code::LongLong => Item::Int(i64::from_ne_bytes(arr(8)) as i128),
            Code::ULong | Code::ULongLong => Item::Int(u64::from_ne_bytes(arr(8)) as i128),
            Code::Float => Item::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
            Code::Double => Item::Float(f64::from_ne_bytes(arr(8))),
            Code::Wchar => Item::Char(u32::from_ne_bytes([b[0], b[1], b[2], b[3]])),
        }
    }

    /// Encodes an item already checked for this code (`to_item`) into `out`
    /// (exactly `size()` bytes).
    pub fn write(self, item: Item, out: &mut [u8]) {
        let n = self.size();
        match item {
            Item::Int(i) => {
                // Checked to fit: the low `n` bytes in native order.
                let w = (i as i64).to_ne_bytes();
                if cfg!(target_endian = "little") {
                    out.copy_from_slice(&w[..n]);
                } else {
                    out.copy_from_slice(&w[8 - n..]);
                }
            }
            Item::Float(f) => {
                if self == Code::Float {
                    out.copy_from_slice(&(f as f32).to_ne_bytes());
                } else {
                    out.copy_from_slice(&f.to_ne_bytes());
                }
            }
            Item::Char(c) => out.copy_from_slice(&c.to_ne_bytes()),
        }
    }

    /// The Python value of an item. A `u` item read from raw bytes may be
    /// no code point at all: ValueError, as `chr()` gives for it.
    pub fn value(self, vm: &mut Vm, item: Item) -> PyResult<Value> {
        Ok(match item {
            Item::Int(i) => match i64::try_from(i) {
                Ok(v) => int_from_i64(v),
                Err(_) => int_from_bigint(BigInt::from(i)),
            },
            Item::Float(f) => new_float(f),
            Item::Char(c) if c < 0x11_0000 => crate::types::str::str_from_code_point(c),
            Item::Char(_) => return Err(vm.new_value_error("chr() arg not in range(0x110000)")),
        })
    }

    /// Converts `v` to an item of this code, or raises CPython's error.
    /// May run Python code (`__index__`, `__float__`): call it with no
    /// lock held.
    pub fn to_item(self, vm: &mut Vm, v: &Value) -> PyResult<Item> {
        match self {
            Code::Float | Code::Double => {
                if let Some(f) = v.as_exact_float() {
                    return Ok(Item::Float(f));
                }
                Ok(Item::Float(crate::builtins::numeric::float_arg(vm, v)?))
            }
            Code::Wchar => match v.downcast_ref::<PyStr>() {
                Some(s) if s.char_len() == 1 => Ok(Item::Char(s.code_point_at(0))),
                _ => Err(vm.new_type_error("array item must be unicode character")),
            },
            _ => {
                let n = match v.as_small_int() {
                    Some(i) => Wide::Fits(i as i128),
                    None => {
                        let i = vm.index(v)?;
                        wide_of(&i.as_int().map(|x| x.to_bigint()).unwrap_or_default())
                    }
                };
                match self.check(n) {
                    Ok(i) => Ok(Item::Int(i)),
                    Err(msg) => Err(vm.new_overflow_error(msg)),
                }
            }
        }
    }

    /// The range checks of an integer code, in the order CPython makes
    /// them (the outer `PyArg_Parse` format's first).
    fn check(self, n: Wide) -> Result<i128, &'static str> {
        const C_LONG: &str = "Python int too large to convert to C long";
        const C_ULONG: &str = "Python int too large to convert to C unsigned long";
        let long = |n: Wide| match n {
            Wide::Fits(i) if i64::try_from(i).is_ok() => Ok(i),
            _ => Err(C_LONG),
        };
        let range = |i: i128, lo: i128, hi: i128, below: &'static str, above: &'static str| {
            if i < lo {
                Err(below)
            } else if i > hi {
                Err(above)
            } else {
                Ok(i)
            }
        };
        let short = |i| {
            range(
                i,
                i16::MIN as i128,
                i16::MAX as i128,
                "signed short integer is less than minimum",
                "signed short integer is greater than maximum",
            )
        };
        let int = |i| {
            range(
                i,
                i32::MIN as i128,
                i32::MAX as i128,
                "signed integer is less than minimum",
                "signed integer is greater than maximum",
            )
        };
        let negative = matches!(n, Wide::Fits(i) if i < 0) || n == Wide::Below;
        let unsigned_long = |n: Wide| match n {
            Wide::Fits(i) if u64::try_from(i).is_ok() => Ok(i),
            _ => Err(C_ULONG),
        };
        match self {
            Code::SChar => {
                let i = short(long(n)?)?;
                range(i, -128, 127, "signed char is less than minimum", "signed char is greater than maximum")
            }
            Code::UChar => range(
                long(n)?,
                0,
                255,
                "unsigned byte integer is less than minimum",
                "unsigned byte integer is greater than maximum",
            ),
            Code::Short => short(long(n)?),
            Code::UShort => {
                let i = int(long(n)?)?;
                range(
                    i,
                    0,
                    u16::MAX as i128,
                    "unsigned short is less than minimum",
                    "unsigned short is greater than maximum",
                )
            }
            Code::Int => int(long(n)?),
            Code::Long => long(n),
            Code::UInt | Code::ULong if negative => Err("can't convert negative value to unsigned int"),
            Code::UInt => {
                let i = unsigned_long(n)?;
                if i > u32::MAX as i128 {
                    return Err("unsigned int is greater than maximum");
                }
                Ok(i)
            }
            Code::ULong => unsigned_long(n),
            Code::LongLong => long(n).map_err(|_| "int too big to convert"),
            Code::ULongLong if negative => Err("can't convert negative int to unsigned"),
            Code::ULongLong => unsigned_long(n).map_err(|_| "int too big to convert"),
            Code::Wchar | Code::Float | Code::Double => unreachable!("not an integer code"),
        }
    }

    /// Whether `i` is representable (for `_array_reconstructor` checks).
    pub fn int_in_range(self, i: i128) -> bool {
        let bits = self.size() * 8;
        if self.signed() {
            let lim = 1i128 << (bits - 1);
            (-lim..lim).contains(&i)
        } else {
            (0..(1i128 << bits)).contains(&i)
        }
    }
}

/// An integer argument, wide enough for every range check.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wide {
    Fits(i128),
    /// Below `i128::MIN`.
    Below,
    /// Above `i128::MAX`.
    Above,
}

fn wide_of(b: &BigInt) -> Wide {
    match b.to_i128() {
        Some(i) => Wide::Fits(i),
        None if b.sign() == Sign::Minus => Wide::Below,
        None => Wide::Above,
    }
}

#[cfg(test)]
mod tests {
    use super::{Code, Item, Wide, TYPECODES};

    #[test]
    fn every_code_round_trips_and_sizes_match_cpython() {
        let sizes: Vec<usize> = TYPECODES.chars().map(|c| Code::from_char(c).map_or(0, |k| k.size())).collect();
        assert_eq!(sizes, [1, 1, 4, 2, 2, 4, 4, 8, 8, 8, 8, 4, 8]);
        for c in TYPECODES.chars() {
            let k = Code::from_char(c).unwrap_or(Code::Int);
            assert_eq!(k.as_char(), c);
            let item = if k.is_float() {
                Item::Float(-1.5)
            } else if k == Code::Wchar {
                Item::Char(0x1F600)
            } else if k.signed() {
                Item::Int(-7)
            } else {
                Item::Int(200)
            };
            let mut buf = vec![0u8; k.size()];
            k.write(item, &mut buf);
            assert_eq!(k.read(&buf), item, "code {c}");
        }
    }

    #[test]
    fn range_checks_follow_the_parse_format_order() {
        assert_eq!(Code::SChar.check(Wide::Fits(-40000)), Err("signed short integer is less than minimum"));
        assert_eq!(Code::SChar.check(Wide::Fits(200)), Err("signed char is greater than maximum"));
        assert_eq!(Code::UShort.check(Wide::Fits(1 << 31)), Err("signed integer is greater than maximum"));
        assert_eq!(Code::UShort.check(Wide::Fits(70000)), Err("unsigned short is greater than maximum"));
        assert_eq!(Code::UInt.check(Wide::Fits(-1)), Err("can't convert negative value to unsigned int"));
        assert_eq!(Code::UInt.check(Wide::Fits(1 << 40)), Err("unsigned int is greater than maximum"));
        assert_eq!(Code::ULongLong.check(Wide::Above), Err("int too big to convert"));
        assert_eq!(Code::ULongLong.check(Wide::Fits(u64::MAX as i128)), Ok(u64::MAX as i128));
        assert_eq!(Code::LongLong.check(Wide::Below), Err("int too big to convert"));
    }
}
