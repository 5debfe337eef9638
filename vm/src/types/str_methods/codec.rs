//! `str.encode` and the decoding behind `str(bytes, encoding, errors)`,
//! for the codecs the runtime implements natively: UTF-8, ASCII,
//! Latin-1, UTF-16 and UTF-32 (with or without byte order), and cp1252.
//!
//! Error handlers: `strict`, `ignore`, `replace`, `backslashreplace`, and
//! for encoding `xmlcharrefreplace`. An unknown handler name is reported
//! (LookupError) only when an error actually needs handling, as CPython
//! does. Errors carry CPython's `UnicodeEncodeError`/`UnicodeDecodeError`
//! arguments `(encoding, object, start, end, reason)`, also stored as
//! attributes. Skein strings cannot hold lone surrogates, so
//! `surrogateescape`/`surrogatepass` behave like `strict`.

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::exceptions::{e_set_attr, exc, new_exception};
use crate::types::int::int_from_i64;
use crate::types::str::new_str;
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{str_arg, this};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `None`: with a byte order mark (little-endian when writing).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
    Cp1252,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endian {
    Little,
    Big,
}

/// `encodings.normalize_encoding` plus the lower-casing `codecs.lookup`
/// does: runs of punctuation and spaces become one `_`.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// The codec for an encoding name, or `LookupError: unknown encoding`.
pub fn lookup(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    use Endian::*;
    Ok(match normalize(name).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us" | "cp367" => {
            Codec::Ascii
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
            Codec::Latin1
        }
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(Little)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(Big)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(Little)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(Big)),
        "cp1252" | "windows_1252" => Codec::Cp1252,
        _ => {
            return Err(vm.new_exception_msg(&exc().lookup_error, format!("unknown encoding: {name}")));
        }
    })
}

/// The name CPython's codec reports in its errors.
fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(None) => "utf-16",
        Codec::Utf16(Some(Endian::Little)) => "utf-16-le",
        Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
        Codec::Utf32(None) => "utf-32",
        Codec::Utf32(Some(Endian::Little)) => "utf-32-le",
        Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
        Codec::Cp1252 => "charmap",
    }
}

/// cp1252's 0x80..=0x9F; 0 marks the five undefined bytes.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
    0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

fn cp1252_decode(b: u8) -> Option<char> {
    match b {
        0x80..=0x9f => match CP1252_HIGH[(b - 0x80) as usize] {
            0 => None,
            cp => char::from_u32(cp as u32),
        },
        _ => Some(b as char),
    }
}

fn cp1252_encode(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x80 || (0xa0..=0xff).contains(&cp) {
        return Some(cp as u8);
    }
    CP1252_HIGH.iter().position(|&x| x != 0 && x as u32 == cp).map(|i| 0x80 + i as u8)
}

fn unicode_error(cls: &PyRef<PyType>, enc: &str, obj: &Value, start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![new_str(enc), obj.clone(), int_from_i64(start as i64), int_from_i64(end as i64), new_str(reason)];
    let e = new_exception(cls, args.clone());
    for (name, v) in ["encoding", "object", "start", "end", "reason"].into_iter().zip(args) {
        e_set_attr(&e, name, v);
    }
    PyErr(e)
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_exception_msg(&exc().lookup_error, format!("unknown error handler name '{errors}'"))
}

// --------------------------------------------------------------- encode

/// Encodes `s` (the text of the `str` value `obj`).
pub fn encode(vm: &mut Vm, s: &str, obj: &Value, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    // The single-byte codecs map each character to one byte or fail.
    let map: fn(char) -> Option<u8> = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16(order) => return Ok(encode_utf16(s, order)),
        Codec::Utf32(order) => return Ok(encode_utf32(s, order)),
        Codec::Ascii if s.is_ascii() => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => |c| if c.is_ascii() { Some(c as u8) } else { None },
        Codec::Latin1 => |c| u8::try_from(c as u32).ok(),
        Codec::Cp1252 => cp1252_encode,
    };
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "character maps to <undefined>",
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = map(chars[i]) {
            out.push(b);
            i += 1;
            continue;
        }
        // The run of unencodable characters, handled as one error.
        let mut end = i + 1;
        while end < chars.len() && map(chars[end]).is_none() {
            end += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let cls = exc().unicode_encode_error.clone();
                return Err(unicode_error(&cls, codec_name(codec), obj, i, end, reason));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "xmlcharrefreplace" => {
                for c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            "backslashreplace" => {
                for c in &chars[i..end] {
                    let cp = *c as u32;
                    let esc = if cp < 0x100 {
                        format!("\\x{cp:02x}")
                    } else if cp < 0x10000 {
                        format!("\\u{cp:04x}")
                    } else {
                        format!("\\U{cp:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

fn encode_utf16(s: &str, order: Option<Endian>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    let big = order == Some(Endian::Big);
    if order.is_none() {
        out.extend_from_slice(&[0xff, 0xfe]);
    }
    for u in s.encode_utf16() {
        out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

fn encode_utf32(s: &str, order: Option<Endian>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    let big = order == Some(Endian::Big);
    if order.is_none() {
        out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
    }
    for c in s.chars() {
        let u = c as u32;
        out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

// --------------------------------------------------------------- decode

/// The input of one decode call, for error handling.
struct Input<'a> {
    data: &'a [u8],
    obj: &'a Value,
    errors: &'a str,
}

impl Input<'_> {
    /// Handles the undecodable bytes `start..end` per the error handler.
    fn fail(
        &self,
        vm: &mut Vm,
        out: &mut String,
        codec: &str,
        (start, end): (usize, usize),
        reason: &str,
    ) -> PyResult<()> {
        match self.errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let cls = exc().unicode_decode_error.clone();
                Err(unicode_error(&cls, codec, self.obj, start, end, reason))
            }
            "ignore" => Ok(()),
            "replace" => {
                out.push('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for b in &self.data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            _ => Err(unknown_handler(vm, self.errors)),
        }
    }
}

/// Decodes `data` (the bytes of `obj`, for error reports).
pub fn decode(vm: &mut Vm, data: &[u8], obj: &Value, encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(vm, encoding)?;
    let name = codec_name(codec);
    let input = Input { data, obj, errors };
    match codec {
        Codec::Utf8 => decode_utf8(vm, &input),
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii | Codec::Cp1252 => {
            if data.is_ascii() {
                // ASCII bytes are valid UTF-8.
                return Ok(String::from_utf8_lossy(data).into_owned());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                let c = if codec == Codec::Ascii {
                    if b < 0x80 {
                        Some(b as char)
                    } else {
                        None
                    }
                } else {
                    cp1252_decode(b)
                };
                match c {
                    Some(c) => out.push(c),
                    None => {
                        let reason = if codec == Codec::Ascii {
                            "ordinal not in range(128)"
                        } else {
                            "character maps to <undefined>"
                        };
                        input.fail(vm, &mut out, name, (i, i + 1), reason)?;
                    }
                }
            }
            Ok(out)
        }
        Codec::Utf16(order) => decode_utf16(vm, &input, order),
        Codec::Utf32(order) => decode_utf32(vm, &input, order),
    }
}

fn decode_utf8(vm: &mut Vm, input: &Input<'_>) -> PyResult<String> {
    let data = input.data;
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut base = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let (bad_len, reason) = match e.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) => {
                        let lead = rest[good];
                        (
                            n,
                            if (0xc2..=0xf4).contains(&lead) {
                                "invalid continuation byte"
                            } else {
                                "invalid start byte"
                            },
                        )
                    }
                };
                let start = base + good;
                input.fail(vm, &mut out, "utf-8", (start, start + bad_len), reason)?;
                rest = &rest[good + bad_len..];
                base = start + bad_len;
            }
        }
    }
}

/// Reads the byte order: from `order`, else from a BOM (defaulting to
/// little-endian); returns the order and how many bytes the BOM took.
fn byte_order(data: &[u8], order: Option<Endian>, bom_le: &[u8], bom_be: &[u8]) -> (Endian, usize) {
    match order {
        Some(o) => (o, 0),
        None if data.starts_with(bom_le) => (Endian::Little, bom_le.len()),
        None if data.starts_with(bom_be) => (Endian::Big, bom_be.len()),
        None => (Endian::Little, 0),
    }
}

fn decode_utf16(vm: &mut Vm, input: &Input<'_>, order: Option<Endian>) -> PyResult<String> {
    let data = input.data;
    let (endian, skip) = byte_order(data, order, &[0xff, 0xfe], &[0xfe, 0xff]);
    let name = match endian {
        Endian::Little => "utf-16-le",
        Endian::Big => "utf-16-be",
    };
    let unit = |i: usize| {
        let b = [data[i], data[i + 1]];
        if endian == Endian::Big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    };
    let mut out = String::with_capacity(data.len() / 2);
    let mut i = skip;
    while i + 1 < data.len() {
        let u = unit(i);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            i += 2;
            continue;
        }
        if u < 0xdc00 && i + 3 < data.len() {
            let lo = unit(i + 2);
            if (0xdc00..0xe000).contains(&lo) {
                let cp = 0x10000 + (((u as u32) - 0xd800) << 10) + ((lo as u32) - 0xdc00);
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                i += 4;
                continue;
            }
            input.fail(vm, &mut out, name, (i, i + 2), "illegal UTF-16 surrogate")?;
            i += 2;
            continue;
        }
        if u < 0xdc00 {
            let end = data.len();
            input.fail(vm, &mut out, name, (i, end), "unexpected end of data")?;
            return Ok(out);
        }
        input.fail(vm, &mut out, name, (i, i + 2), "illegal encoding")?;
        i += 2;
    }
    if i < data.len() {
        input.fail(vm, &mut out, name, (i, data.len()), "truncated data")?;
    }
    Ok(out)
}

fn decode_utf32(vm: &mut Vm, input: &Input<'_>, order: Option<Endian>) -> PyResult<String> {
    let data = input.data;
    let (endian, skip) = byte_order(data, order, &[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]);
    let name = match endian {
        Endian::Little => "utf-32-le",
        Endian::Big => "utf-32-be",
    };
    let mut out = String::with_capacity(data.len() / 4);
    let mut i = skip;
    while i + 3 < data.len() {
        let b = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let cp = if endian == Endian::Big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => {
                let reason = if cp >= 0x110000 {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                input.fail(vm, &mut out, name, (i, i + 4), reason)?;
            }
        }
        i += 4;
    }
    if i < data.len() {
        input.fail(vm, &mut out, name, (i, data.len()), "truncated data")?;
    }
    Ok(out)
}

// --------------------------------------------------------------- method

fn str_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = args.skip_self().bind(vm, "encode", &["encoding", "errors"], 0)?;
    let encoding = match &a[0] {
        Some(v) => str_arg(vm, v, |t| format!("encode() argument 'encoding' must be str, not {t}"))?,
        None => "utf-8",
    };
    let errors = match &a[1] {
        Some(v) => str_arg(vm, v, |t| format!("encode() argument 'errors' must be str, not {t}"))?,
        None => "strict",
    };
    let bytes = encode(vm, s.as_str(), &args.pos[0], encoding, errors)?;
    Ok(crate::types::bytes_new(bytes))
}

pub(super) fn install(t: &PyRef<PyType>) {
    add_methods(t, &[("encode", str_encode)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise() {
        assert_eq!(normalize("UTF-8"), "utf_8");
        assert_eq!(normalize("  latin 1 "), "latin_1");
        assert_eq!(normalize("ISO-8859-1"), "iso_8859_1");
    }

    #[test]
    fn cp1252_round_trip() {
        for b in 0u8..=255 {
            if let Some(c) = cp1252_decode(b) {
                assert_eq!(cp1252_encode(c), Some(b));
            }
        }
        assert_eq!(cp1252_decode(0x81), None);
    }
}
