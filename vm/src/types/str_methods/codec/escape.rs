//! The `unicode_escape` and `raw_unicode_escape` codecs: Python's string
//! literal escapes over Latin-1 bytes, as CPython 3.11 writes and reads
//! them (including its error messages and ranges). Invalid escapes such
//! as `\q` decode to themselves; CPython's DeprecationWarning for them is
//! not issued.

use super::Decoder;
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

/// Encodes `s`: `\t`, `\n`, `\r`, `\\`, `\xhh`, `\uhhhh`, `\Uhhhhhhhh`
/// (`raw`: only code points above U+00FF are escaped, as `\u`/`\U`).
pub(super) fn encode(s: &PyStr, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.as_str().len());
    for cp in s.code_points() {
        if raw && cp < 0x100 {
            out.push(cp as u8);
            continue;
        }
        match cp {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(cp as u8),
            0..=0xff => out.extend_from_slice(format!("\\x{cp:02x}").as_bytes()),
            0x100..=0xffff => out.extend_from_slice(format!("\\u{cp:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{cp:08x}").as_bytes()),
        }
    }
    out
}

/// Reads `count` hex digits at `*i`; on a non-digit or the end, stops
/// there and returns `None`.
fn hex_digits(data: &[u8], i: &mut usize, count: usize) -> Option<u32> {
    let mut v: u32 = 0;
    for _ in 0..count {
        let d = (*data.get(*i)? as char).to_digit(16)?;
        v = (v << 4) | d;
        *i += 1;
    }
    Some(v)
}

/// Decodes `d.data` into `d.out`.
pub(super) fn decode(vm: &mut Vm, d: &mut Decoder<'_>, raw: bool) -> PyResult<()> {
    let data = d.data;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' || (raw && i + 1 >= data.len()) {
            d.push(c as u32);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = data.get(i) else {
            i = d.fail(vm, (start, data.len()), "\\ at end of string")?;
            continue;
        };
        i += 1;
        let (count, message) = match e {
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'x' if !raw => (2, "truncated \\xXX escape"),
            _ if raw => {
                d.push(b'\\' as u32);
                d.push(e as u32);
                continue;
            }
            b'\n' => continue,
            b'\\' | b'\'' | b'"' => {
                d.push(e as u32);
                continue;
            }
            b'b' | b'f' | b't' | b'n' | b'r' | b'v' | b'a' => {
                let cp = match e {
                    b'b' => 8,
                    b'f' => 12,
                    b't' => 9,
                    b'n' => 10,
                    b'r' => 13,
                    b'v' => 11,
                    _ => 7,
                };
                d.push(cp);
                continue;
            }
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&o @ b'0'..=b'7') => {
                            v = (v << 3) + (o - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                d.push(v);
                continue;
            }
            b'N' => {
                match named_escape(data, &mut i) {
                    Ok(cp) => d.push(cp),
                    Err(message) => i = d.fail(vm, (start, i), message)?,
                }
                continue;
            }
            _ => {
                d.push(b'\\' as u32);
                d.push(e as u32);
                continue;
            }
        };
        match hex_digits(data, &mut i, count) {
            Some(cp) if cp <= 0x10ffff => d.push(cp),
            Some(_) => {
                let message = if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" };
                i = d.fail(vm, (start, i), message)?;
            }
            None => i = d.fail(vm, (start, i), message)?,
        }
    }
    Ok(())
}

/// `\N{name}` after the `N` at `*i`; moves `*i` past what was read.
fn named_escape(data: &[u8], i: &mut usize) -> Result<u32, &'static str> {
    const MALFORMED: &str = "malformed \\N character escape";
    if data.get(*i) != Some(&b'{') {
        return Err(MALFORMED);
    }
    *i += 1;
    let start = *i;
    while *i < data.len() && data[*i] != b'}' {
        *i += 1;
    }
    if *i >= data.len() || *i == start {
        return Err(MALFORMED);
    }
    let name = String::from_utf8_lossy(&data[start..*i]).into_owned();
    *i += 1;
    crate::modules::unicodedata::lookup_name(&name).ok_or("unknown Unicode character name")
}
