//! Byte views of a code object for Python: `co_code`, `co_linetable` and
//! `co_exceptiontable`, and their decoders (for `code.replace`).
//!
//! These are Skein's own formats, documented in `docs/bytecode.md`
//! ("Code objects as bytes"); the interpreter never reads them.
//!
//! * `co_code`: each 32-bit unit as 4 little-endian bytes, so byte `4*i`
//!   is the opcode of unit `i` and bytes `4*i+1 .. 4*i+4` its 24-bit
//!   argument, low byte first.  Offsets seen from Python (`co_lines`,
//!   `dis`, exception table) are byte offsets: `4 * unit index`.
//! * `co_linetable`: runs of units with the same location, each five
//!   unsigned LEB128 numbers: `units, line, end_line, col, end_col`
//!   (`line == 0`: no location).
//! * `co_exceptiontable`: one entry per [`ExceptionEntry`], four unsigned
//!   LEB128 numbers: `start, end, handler` (unit indices, `end`
//!   exclusive) and `depth << 1 | lasti`.

use crate::bytecode::{CodeObject, ExceptionEntry, Location};

/// Bytes per code unit in `co_code`.
pub const UNIT_BYTES: usize = 4;

/// `co_code`.
pub fn code_bytes(code: &[u32]) -> Vec<u8> {
    code.iter().flat_map(|u| u.to_le_bytes()).collect()
}

/// The units of a `co_code` byte string.
pub fn decode_code_bytes(b: &[u8]) -> Result<Vec<u32>, String> {
    if b.len() % UNIT_BYTES != 0 {
        return Err(format!("co_code length {} is not a multiple of {UNIT_BYTES}", b.len()));
    }
    Ok(b.chunks_exact(UNIT_BYTES).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    fn varint(&mut self) -> Result<u32, String> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let Some(&byte) = self.b.get(self.pos) else {
                return Err("truncated table".into());
            };
            self.pos += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if v > u64::from(u32::MAX) {
                return Err("number too large in table".into());
            }
            if byte & 0x80 == 0 {
                return Ok(v as u32);
            }
            shift += 7;
            if shift > 28 {
                return Err("number too large in table".into());
            }
        }
    }
}

/// `co_linetable` of `locations` (one per unit).
pub fn linetable(locations: &[Location]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < locations.len() {
        let loc = locations[i];
        let mut j = i + 1;
        while j < locations.len() && locations[j] == loc {
            j += 1;
        }
        push_varint(&mut out, (j - i) as u32);
        for v in [loc.line, loc.end_line, loc.col, loc.end_col] {
            push_varint(&mut out, v);
        }
        i = j;
    }
    out
}

/// The per-unit locations of a `co_linetable`, which must describe exactly
/// `n_units` units.
pub fn decode_linetable(b: &[u8], n_units: usize) -> Result<Vec<Location>, String> {
    let mut r = Reader { b, pos: 0 };
    let mut out = Vec::with_capacity(n_units);
    while !r.at_end() {
        let n = r.varint()? as usize;
        let loc = Location { line: r.varint()?, end_line: r.varint()?, col: r.varint()?, end_col: r.varint()? };
        if n == 0 || out.len() + n > n_units {
            return Err("co_linetable does not match co_code".into());
        }
        out.extend(std::iter::repeat(loc).take(n));
    }
    if out.len() != n_units {
        return Err("co_linetable does not match co_code".into());
    }
    Ok(out)
}

/// `co_exceptiontable`.
pub fn exception_table_bytes(entries: &[ExceptionEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        push_varint(&mut out, e.start);
        push_varint(&mut out, e.end);
        push_varint(&mut out, e.handler);
        push_varint(&mut out, (e.depth << 1) | u32::from(e.push_lasti));
    }
    out
}

/// The entries of a `co_exceptiontable`; they must be sorted, non-empty and
/// not overlap (the interpreter's lookup relies on it).  Targets are
/// checked by the verifier.
pub fn decode_exception_table(b: &[u8]) -> Result<Vec<ExceptionEntry>, String> {
    let mut r = Reader { b, pos: 0 };
    let mut out: Vec<ExceptionEntry> = Vec::new();
    while !r.at_end() {
        let (start, end, handler, dl) = (r.varint()?, r.varint()?, r.varint()?, r.varint()?);
        if start >= end || out.last().is_some_and(|p| p.end > start) {
            return Err("co_exceptiontable entries must be sorted and non-overlapping".into());
        }
        out.push(ExceptionEntry { start, end, handler, depth: dl >> 1, push_lasti: dl & 1 == 1 });
    }
    Ok(out)
}

/// CPython's `co_lines()`: one `(start, end, line)` byte range per entry
/// of the line table (a run of units with the same location; CPython
/// 3.11 does not merge entries of the same line either); `line` 0 means
/// none.
pub fn line_ranges(code: &CodeObject) -> Vec<(usize, usize, u32)> {
    let mut out: Vec<(usize, usize, u32)> = Vec::new();
    let mut prev: Option<Location> = None;
    for (i, loc) in code.locations.iter().enumerate() {
        let (start, end) = (i * UNIT_BYTES, (i + 1) * UNIT_BYTES);
        match out.last_mut() {
            Some(last) if prev == Some(*loc) => last.1 = end,
            _ => out.push((start, end, loc.line)),
        }
        prev = Some(*loc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_round_trip() {
        let units = [0x0000_0107u32, 0x00ff_ff23, 0x1234_5602];
        let b = code_bytes(&units);
        assert_eq!(&b[..4], &[0x07, 0x01, 0, 0]);
        assert_eq!(decode_code_bytes(&b).unwrap(), units);
        assert!(decode_code_bytes(&b[..5]).is_err());
    }

    #[test]
    fn linetable_round_trip() {
        let a = Location { line: 1, end_line: 1, col: 0, end_col: 300 };
        let b = Location { line: 2, end_line: 3, col: 4, end_col: 5 };
        let locs = vec![a, a, a, b, Location::default(), b];
        let t = linetable(&locs);
        assert_eq!(&t[..5], &[3, 1, 1, 0, 0xac]);
        assert_eq!(decode_linetable(&t, locs.len()).unwrap(), locs);
        assert!(decode_linetable(&t, locs.len() + 1).is_err());
        assert!(decode_linetable(&t, locs.len() - 1).is_err());
        assert!(decode_linetable(&t[..t.len() - 1], locs.len()).is_err());
    }

    #[test]
    fn exception_table_round_trip() {
        let e = vec![
            ExceptionEntry { start: 2, end: 10, handler: 200, depth: 1, push_lasti: true },
            ExceptionEntry { start: 10, end: 12, handler: 14, depth: 0, push_lasti: false },
        ];
        let b = exception_table_bytes(&e);
        assert_eq!(decode_exception_table(&b).unwrap(), e);
        let mut bad = e.clone();
        bad.swap(0, 1);
        assert!(decode_exception_table(&exception_table_bytes(&bad)).is_err());
    }
}
