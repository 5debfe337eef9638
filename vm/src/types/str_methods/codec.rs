//! `str.encode` and the decoding behind `bytes.decode`/`str(bytes, ...)`,
//! for the codecs the runtime implements natively: UTF-8, ASCII,
//! Latin-1, UTF-16 and UTF-32 (with or without byte order), and cp1252.
//!
//! Error handlers are CPython's builtin ones: `strict`, `ignore`,
//! `replace`, `backslashreplace`, `xmlcharrefreplace` and `namereplace`
//! (encoding only), `surrogateescape` and `surrogatepass`. As in CPython,
//! the single-byte codecs and UTF-8 hand a run of unencodable characters
//! to the handler at once and UTF-16/32 one character at a time, and an
//! unknown handler name is reported (LookupError) only when an error
//! needs handling. Errors carry CPython's `(encoding, object, start, end,
//! reason)` arguments, also stored as attributes. Decoders write
//! generalized UTF-8 (`str_wtf8.rs`) so handlers can produce lone
//! surrogates.

use crate::function::args::Args;
use crate::function::native::add_methods;
use crate::object::PyRef;
use crate::types::exceptions::{e_set_attr, exc, new_exception};
use crate::types::int::int_from_i64;
use crate::types::str::str_wtf8;
use crate::types::str::{new_str, PyStr};
use crate::types::type_::PyType;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::{str_arg, this};

mod escape;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `None`: with a byte order mark (little-endian when writing).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
    Cp1252,
    UnicodeEscape,
    RawUnicodeEscape,
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
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
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
        Codec::UnicodeEscape => "unicodeescape",
        Codec::RawUnicodeEscape => "rawunicodeescape",
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

/// The error handlers the runtime implements (CPython's builtin ones).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Unknown,
}

fn handler(errors: &str) -> Handler {
    match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Unknown,
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_exception_msg(&exc().lookup_error, format!("unknown error handler name '{errors}'"))
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for one code point.
fn backslash_escape(out: &mut String, cp: u32) {
    let esc = if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.push_str(&esc);
}

// --------------------------------------------------------------- encode

/// Writes code points in the target codec; `None` when it cannot.
struct Encoder {
    codec: Codec,
    big: bool,
}

impl Encoder {
    fn put(&self, out: &mut Vec<u8>, cp: u32) -> bool {
        match self.codec {
            // Everything is encodable; `encode_with` handles them first.
            Codec::UnicodeEscape | Codec::RawUnicodeEscape => false,
            Codec::Utf8 => match char::from_u32(cp) {
                Some(c) => {
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    true
                }
                None => false,
            },
            Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
                let b = match self.codec {
                    Codec::Ascii => u8::try_from(cp).ok().filter(|b| b.is_ascii()),
                    Codec::Latin1 => u8::try_from(cp).ok(),
                    _ => char::from_u32(cp).and_then(cp1252_encode),
                };
                b.map(|b| out.push(b)).is_some()
            }
            Codec::Utf16(_) => match char::from_u32(cp) {
                Some(c) => {
                    for u in c.encode_utf16(&mut [0; 2]) {
                        self.unit16(out, *u);
                    }
                    true
                }
                None => false,
            },
            Codec::Utf32(_) => {
                if char::from_u32(cp).is_none() {
                    return false;
                }
                self.unit32(out, cp);
                true
            }
        }
    }

    fn unit16(&self, out: &mut Vec<u8>, u: u16) {
        out.extend_from_slice(&if self.big { u.to_be_bytes() } else { u.to_le_bytes() });
    }

    fn unit32(&self, out: &mut Vec<u8>, u: u32) {
        out.extend_from_slice(&if self.big { u.to_be_bytes() } else { u.to_le_bytes() });
    }

    /// ASCII replacement text, written as the codec writes text.
    fn put_ascii(&self, out: &mut Vec<u8>, text: &str) {
        for c in text.chars() {
            self.put(out, c as u32);
        }
    }

    fn reason(&self) -> &'static str {
        match self.codec {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            Codec::Cp1252 => "character maps to <undefined>",
            _ => "surrogates not allowed",
        }
    }
}

/// Whether CPython encodes or decodes with this name without its codec
/// registry (the fast paths of `PyUnicode_AsEncodedString` and
/// `PyUnicode_Decode`).
fn is_fast_path(encoding: &str) -> bool {
    matches!(
        normalize(encoding).as_str(),
        "utf8"
            | "utf_8"
            | "utf16"
            | "utf_16"
            | "utf32"
            | "utf_32"
            | "ascii"
            | "us_ascii"
            | "latin1"
            | "latin_1"
            | "iso_8859_1"
            | "iso8859_1"
    )
}

/// `codecs.lookup(...).name`.
fn registry_name(c: Codec) -> &'static str {
    match c {
        Codec::Latin1 => "iso8859-1",
        Codec::Cp1252 => "cp1252",
        Codec::UnicodeEscape => "unicode-escape",
        Codec::RawUnicodeEscape => "raw-unicode-escape",
        _ => codec_name(c),
    }
}

/// A codec reached through CPython's registry is Python code, whose
/// errors other than UnicodeError come back wrapped: "encoding with
/// 'cp1252' codec failed (LookupError: ...)", caused by the original.
fn wrap_error(vm: &mut Vm, err: PyErr, what: &str, encoding: &str, codec: Codec) -> PyErr {
    if is_fast_path(encoding) || vm.err_matches(&err, &exc().unicode_error) {
        return err;
    }
    let cls = err.0.to_value().class_ref();
    let msg = match vm.str_string(&err.0.to_value()) {
        Ok(m) => m,
        Err(e) => return e,
    };
    let name = registry_name(codec);
    let wrapped = vm.new_exception_msg(&cls, format!("{what} with '{name}' codec failed ({}: {msg})", cls.name()));
    wrapped.0.set_cause(Some(err.0.to_value()));
    wrapped
}

/// Encodes the `str` value `obj` (whose payload is `s`).
pub fn encode(vm: &mut Vm, s: &PyStr, obj: &Value, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    encode_with(vm, codec, s, obj, errors).map_err(|e| wrap_error(vm, e, "encoding", encoding, codec))
}

fn encode_with(vm: &mut Vm, codec: Codec, s: &PyStr, obj: &Value, errors: &str) -> PyResult<Vec<u8>> {
    match codec {
        Codec::UnicodeEscape => return Ok(escape::encode(s, false)),
        Codec::RawUnicodeEscape => return Ok(escape::encode(s, true)),
        _ => {}
    }
    let text = s.as_str();
    if !s.has_surrogates() {
        match codec {
            Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
            Codec::Ascii | Codec::Latin1 | Codec::Cp1252 if text.is_ascii() => return Ok(text.as_bytes().to_vec()),
            _ => {}
        }
    }
    let big = matches!(codec, Codec::Utf16(Some(Endian::Big)) | Codec::Utf32(Some(Endian::Big)));
    let enc = Encoder { codec, big };
    let mut out = Vec::with_capacity(text.len() + 4);
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let cps: Vec<u32> = s.code_points().collect();
    // UTF-16/32 report each surrogate alone; the others a run of failures.
    let one_at_a_time = matches!(codec, Codec::Utf16(_) | Codec::Utf32(_));
    let name = codec_name(codec);
    let fail = |start: usize, end: usize| {
        let cls = exc().unicode_encode_error.clone();
        unicode_error(&cls, name, obj, start, end, enc.reason())
    };
    let mut i = 0;
    while i < cps.len() {
        if enc.put(&mut out, cps[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if !one_at_a_time {
            let mut scratch = Vec::new();
            while end < cps.len() && !enc.put(&mut scratch, cps[end]) {
                end += 1;
            }
        }
        let run = &cps[i..end];
        match handler(errors) {
            Handler::Strict => return Err(fail(i, end)),
            Handler::Ignore => {}
            Handler::Replace => enc.put_ascii(&mut out, &"?".repeat(run.len())),
            Handler::BackslashReplace => {
                let mut t = String::new();
                run.iter().for_each(|&cp| backslash_escape(&mut t, cp));
                enc.put_ascii(&mut out, &t);
            }
            Handler::XmlCharRefReplace => {
                let t: String = run.iter().map(|cp| format!("&#{cp};")).collect();
                enc.put_ascii(&mut out, &t);
            }
            Handler::NameReplace => {
                let mut t = String::new();
                for &cp in run {
                    match crate::modules::unicodedata::char_name(cp) {
                        Some(n) => t.push_str(&format!("\\N{{{n}}}")),
                        None => backslash_escape(&mut t, cp),
                    }
                }
                enc.put_ascii(&mut out, &t);
            }
            Handler::SurrogateEscape => {
                if one_at_a_time {
                    // The handler's one byte is not a whole code unit.
                    return Err(fail(i, end));
                }
                let escaped = run.iter().take_while(|&&cp| (0xdc80..=0xdcff).contains(&cp)).count();
                out.extend(run[..escaped].iter().map(|&cp| (cp - 0xdc00) as u8));
                if escaped < run.len() {
                    return Err(fail(i + escaped, end));
                }
            }
            Handler::SurrogatePass => {
                if !run.iter().all(|&cp| str_wtf8::is_surrogate(cp)) {
                    return Err(fail(i, end));
                }
                for &cp in run {
                    match codec {
                        Codec::Utf8 => str_wtf8::push_code_point(&mut out, cp),
                        Codec::Utf16(_) => enc.unit16(&mut out, cp as u16),
                        Codec::Utf32(_) => enc.unit32(&mut out, cp),
                        _ => return Err(fail(i, end)),
                    }
                }
            }
            Handler::Unknown => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

// --------------------------------------------------------------- decode

/// The input of one decode call and its output so far (generalized
/// UTF-8, so handlers can produce lone surrogates).
struct Decoder<'a> {
    data: &'a [u8],
    obj: &'a Value,
    errors: &'a str,
    codec: Codec,
    /// The name reported in errors (`utf-16-le` after reading a BOM).
    name: &'static str,
    big: bool,
    out: Vec<u8>,
}

impl Decoder<'_> {
    fn push(&mut self, cp: u32) {
        str_wtf8::push_code_point(&mut self.out, cp);
    }

    /// Handles the undecodable bytes `start..end`; returns where decoding
    /// resumes.
    fn fail(&mut self, vm: &mut Vm, (start, end): (usize, usize), reason: &str) -> PyResult<usize> {
        let error = |d: &Self| {
            let cls = exc().unicode_decode_error.clone();
            unicode_error(&cls, d.name, d.obj, start, end, reason)
        };
        match handler(self.errors) {
            Handler::Strict => Err(error(self)),
            Handler::Ignore => Ok(end),
            Handler::Replace => {
                self.push(0xfffd);
                Ok(end)
            }
            Handler::BackslashReplace => {
                for i in start..end {
                    let b = self.data[i];
                    self.out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
                }
                Ok(end)
            }
            Handler::SurrogateEscape => {
                let bad = &self.data[start..end];
                if bad.iter().any(|&b| b < 0x80) {
                    return Err(error(self));
                }
                for i in start..end {
                    self.push(0xdc00 + self.data[i] as u32);
                }
                Ok(end)
            }
            Handler::SurrogatePass => {
                let rest = &self.data[start..];
                let (cp, n) = match self.codec {
                    Codec::Utf8 => (str_wtf8::surrogate_at(rest), 3),
                    Codec::Utf16(_) if rest.len() >= 2 => {
                        let b = [rest[0], rest[1]];
                        let u = if self.big { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) };
                        (Some(u as u32).filter(|&u| str_wtf8::is_surrogate(u)), 2)
                    }
                    Codec::Utf32(_) if rest.len() >= 4 => {
                        let b = [rest[0], rest[1], rest[2], rest[3]];
                        let u = if self.big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
                        (Some(u).filter(|&u| str_wtf8::is_surrogate(u)), 4)
                    }
                    _ => (None, 0),
                };
                match cp {
                    Some(cp) => {
                        self.push(cp);
                        Ok(start + n)
                    }
                    None => Err(error(self)),
                }
            }
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                Err(vm.new_type_error("don't know how to handle UnicodeDecodeError in error callback"))
            }
            Handler::Unknown => Err(unknown_handler(vm, self.errors)),
        }
    }
}

/// Decodes `data` (the bytes of `obj`, for error reports) into a `str`.
pub fn decode(vm: &mut Vm, data: &[u8], obj: &Value, encoding: &str, errors: &str) -> PyResult<PyStr> {
    let codec = lookup(vm, encoding)?;
    decode_with(vm, codec, data, obj, errors).map_err(|e| wrap_error(vm, e, "decoding", encoding, codec))
}

fn decode_with(vm: &mut Vm, codec: Codec, data: &[u8], obj: &Value, errors: &str) -> PyResult<PyStr> {
    match codec {
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(data) {
                return Ok(PyStr::new(s));
            }
        }
        Codec::Ascii | Codec::Cp1252 if data.is_ascii() => {
            return Ok(PyStr::new(std::str::from_utf8(data).unwrap_or_default()));
        }
        Codec::Latin1 => return Ok(PyStr::new(data.iter().map(|&b| b as char).collect::<String>())),
        _ => {}
    }
    let mut d =
        Decoder { data, obj, errors, codec, name: codec_name(codec), big: false, out: Vec::with_capacity(data.len()) };
    match codec {
        Codec::Utf8 => decode_utf8(vm, &mut d)?,
        Codec::Utf16(order) => decode_utf16(vm, &mut d, order)?,
        Codec::Utf32(order) => decode_utf32(vm, &mut d, order)?,
        Codec::UnicodeEscape => escape::decode(vm, &mut d, false)?,
        Codec::RawUnicodeEscape => escape::decode(vm, &mut d, true)?,
        _ => decode_single_byte(vm, &mut d)?,
    }
    Ok(PyStr::from_wtf8(d.out))
}

fn decode_single_byte(vm: &mut Vm, d: &mut Decoder<'_>) -> PyResult<()> {
    let mut i = 0;
    while i < d.data.len() {
        let b = d.data[i];
        let c = if d.codec == Codec::Ascii { (b < 0x80).then_some(b as char) } else { cp1252_decode(b) };
        match c {
            Some(c) => {
                d.push(c as u32);
                i += 1;
            }
            None => {
                let reason =
                    if d.codec == Codec::Ascii { "ordinal not in range(128)" } else { "character maps to <undefined>" };
                i = d.fail(vm, (i, i + 1), reason)?;
            }
        }
    }
    Ok(())
}

fn decode_utf8(vm: &mut Vm, d: &mut Decoder<'_>) -> PyResult<()> {
    let data = d.data;
    let mut pos = 0;
    while pos < data.len() {
        let rest = &data[pos..];
        let (good, bad) = match std::str::from_utf8(rest) {
            Ok(_) => (rest.len(), None),
            Err(e) => (e.valid_up_to(), Some(e.error_len())),
        };
        d.out.extend_from_slice(&rest[..good]);
        let Some(bad) = bad else { break };
        let start = pos + good;
        let (len, reason) = match bad {
            None => (data.len() - start, "unexpected end of data"),
            Some(n) if (0xc2..=0xf4).contains(&data[start]) => (n, "invalid continuation byte"),
            Some(n) => (n, "invalid start byte"),
        };
        pos = d.fail(vm, (start, start + len), reason)?;
    }
    Ok(())
}

/// Reads the byte order: from `order`, else from a BOM (defaulting to
/// little-endian); returns whether it is big-endian and the BOM's length.
fn byte_order(data: &[u8], order: Option<Endian>, bom_le: &[u8], bom_be: &[u8]) -> (bool, usize) {
    match order {
        Some(o) => (o == Endian::Big, 0),
        None if data.starts_with(bom_le) => (false, bom_le.len()),
        None if data.starts_with(bom_be) => (true, bom_be.len()),
        None => (false, 0),
    }
}

fn decode_utf16(vm: &mut Vm, d: &mut Decoder<'_>, order: Option<Endian>) -> PyResult<()> {
    let data = d.data;
    let (big, skip) = byte_order(data, order, &[0xff, 0xfe], &[0xfe, 0xff]);
    d.big = big;
    d.name = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| {
        let b = [data[i], data[i + 1]];
        if big {
            u16::from_be_bytes(b) as u32
        } else {
            u16::from_le_bytes(b) as u32
        }
    };
    let mut i = skip;
    while i + 1 < data.len() {
        let u = unit(i);
        if !str_wtf8::is_surrogate(u) {
            d.push(u);
            i += 2;
        } else if u >= 0xdc00 {
            i = d.fail(vm, (i, i + 2), "illegal encoding")?;
        } else if i + 3 >= data.len() {
            i = d.fail(vm, (i, data.len()), "unexpected end of data")?;
        } else {
            let lo = unit(i + 2);
            if (0xdc00..0xe000).contains(&lo) {
                d.push(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
                i += 4;
            } else {
                i = d.fail(vm, (i, i + 2), "illegal UTF-16 surrogate")?;
            }
        }
    }
    if i < data.len() {
        d.fail(vm, (i, data.len()), "truncated data")?;
    }
    Ok(())
}

fn decode_utf32(vm: &mut Vm, d: &mut Decoder<'_>, order: Option<Endian>) -> PyResult<()> {
    let data = d.data;
    let (big, skip) = byte_order(data, order, &[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]);
    d.big = big;
    d.name = if big { "utf-32-be" } else { "utf-32-le" };
    let mut i = skip;
    while i + 3 < data.len() {
        let b = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let cp = if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
        if char::from_u32(cp).is_some() {
            d.push(cp);
            i += 4;
            continue;
        }
        let reason = if cp >= 0x110000 {
            "code point not in range(0x110000)"
        } else {
            "code point in surrogate code point range(0xd800, 0xe000)"
        };
        i = d.fail(vm, (i, i + 4), reason)?;
    }
    if i < data.len() {
        d.fail(vm, (i, data.len()), "truncated data")?;
    }
    Ok(())
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
    let bytes = encode(vm, s, &args.pos[0], encoding, errors)?;
    Ok(crate::types::bytes_new(bytes))
}

// ------------------------------------------------- UnicodeError classes

/// `UnicodeEncodeError`/`UnicodeDecodeError`/`UnicodeTranslateError`
/// `__init__`: CPython's `"UOnnU"` (`"UnnU"` for translation) argument
/// parsing into the `encoding`, `object`, `start`, `end` and `reason`
/// attributes; a decode error's object becomes `bytes`.
fn unicode_error_init(vm: &mut Vm, args: Args<'_>, kind: u8) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.new_type_error("descriptor '__init__' needs an argument"));
    };
    let Some(e) = this.downcast::<crate::types::exceptions::PyBaseException>() else {
        return Err(vm.new_type_error("descriptor '__init__' requires a 'BaseException' object"));
    };
    if args.has_kwargs() {
        let n = this.class().name();
        return Err(vm.new_type_error(format!("{n}() takes no keyword arguments")));
    }
    let rest = &args.pos[1..];
    e.set_args(PyRef::new(crate::types::tuple::PyTuple::new(rest.to_vec())));
    // Translation errors have no encoding argument.
    let (skip, want) = if kind == b't' { (1, 4) } else { (0, 5) };
    if rest.len() != want {
        return Err(vm.new_type_error(format!("function takes exactly {want} arguments ({} given)", rest.len())));
    }
    let mut full: Vec<Option<&Value>> = vec![None; skip];
    full.extend(rest.iter().map(Some));
    let need_str = |vm: &mut Vm, v: &Value, pos: usize| -> PyResult<()> {
        if v.downcast_ref::<PyStr>().is_none() {
            let t = v.class().name();
            return Err(vm.new_type_error(format!("argument {pos} must be str, not {t}")));
        }
        Ok(())
    };
    let mut values = Vec::with_capacity(5);
    for (i, v) in full.iter().enumerate() {
        let pos = i + 1 - skip;
        let v = match v {
            None => {
                values.push(crate::types::singletons::none());
                continue;
            }
            Some(v) => *v,
        };
        match i {
            0 | 4 => need_str(vm, v, pos)?,
            1 if kind == b'd' => {
                if v.downcast_ref::<crate::types::small::PyBytes>().is_none() {
                    match crate::types::bytes_methods::buf_of(v) {
                        Some(b) => {
                            values.push(crate::types::bytes_new(b.into_owned()));
                            continue;
                        }
                        None => {
                            let t = v.class().name();
                            return Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")));
                        }
                    }
                }
            }
            1 => need_str(vm, v, pos)?,
            _ => {
                let n = vm.index(v)?;
                if n.as_i64().is_none() {
                    return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t"));
                }
                values.push(n);
                continue;
            }
        }
        values.push(v.clone());
    }
    for (name, v) in ["encoding", "object", "start", "end", "reason"].into_iter().zip(values) {
        e_set_attr(&e, name, v);
    }
    Ok(crate::types::singletons::none())
}

fn encode_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unicode_error_init(vm, args, b'e')
}

fn decode_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unicode_error_init(vm, args, b'd')
}

fn translate_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unicode_error_init(vm, args, b't')
}

pub(super) fn install(t: &PyRef<PyType>) {
    add_methods(t, &[("encode", str_encode)]);
    let e = exc();
    add_methods(&e.unicode_encode_error, &[("__init__", encode_error_init)]);
    add_methods(&e.unicode_decode_error, &[("__init__", decode_error_init)]);
    add_methods(&e.unicode_translate_error, &[("__init__", translate_error_init)]);
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
