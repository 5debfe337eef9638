//! A binary form of [`CodeObject`]: what `vm/build.rs` stores for the
//! embedded standard library so that importing it does not parse and
//! compile the source on every start (CPython freezes its start-up
//! modules for the same reason).
//!
//! Layout, little-endian throughout: the 4-byte [`MAGIC`], a `u32`
//! [`FORMAT`] version, then one code object. A code object is its fields
//! in declaration order; a string or byte string is a `u32` length and the
//! bytes; a sequence is a `u32` count and the items; an optional index is
//! a `u8` flag and a `u32`. A constant is a one-byte tag (`TAG_*`) and its
//! payload; an int is its two's-complement bytes (`to_signed_bytes_le`).
//!
//! [`load`] never panics on malformed input: every read is bounds-checked
//! and every error is an `Err` naming what was wrong, so the same reader
//! can later serve a cache on disk. It does not run the verifier; callers
//! that load bytes they did not produce themselves must
//! (`verify::verify`), because the interpreter trusts verified stack depths.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::bytecode::{CodeFlags, CodeObject, Constant, ExceptionEntry, Location};

/// The first four bytes of every dump.
pub const MAGIC: [u8; 4] = *b"SKC\0";
/// Bumped whenever the layout or the instruction set changes meaning.
pub const FORMAT: u32 = 1;
/// Nesting limit for code objects and constant tuples while loading: deeper
/// input is refused rather than recursing without bound.
const MAX_DEPTH: u32 = 200;

const TAG_NONE: u8 = 0;
const TAG_BOOL: u8 = 1;
const TAG_INT: u8 = 2;
const TAG_FLOAT: u8 = 3;
const TAG_COMPLEX: u8 = 4;
const TAG_STR: u8 = 5;
const TAG_SURROGATE_STR: u8 = 6;
const TAG_BYTES: u8 = 7;
const TAG_TUPLE: u8 = 8;
const TAG_FROZENSET: u8 = 9;
const TAG_ELLIPSIS: u8 = 10;
const TAG_CODE: u8 = 11;

/// The binary form of `co` (and every code object nested in it).
pub fn dump(co: &CodeObject) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(co.code.len() * 24 + 256));
    w.0.extend_from_slice(&MAGIC);
    w.u32(FORMAT);
    w.code(co);
    w.0
}

/// Reads what [`dump`] wrote.
pub fn load(bytes: &[u8]) -> Result<CodeObject, String> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != MAGIC {
        return Err("not a Skein code object (bad magic number)".into());
    }
    let format = r.u32()?;
    if format != FORMAT {
        return Err(format!("code object format {format}, this Skein reads {FORMAT}"));
    }
    let co = r.code(0)?;
    if r.pos != bytes.len() {
        return Err(format!("{} bytes left after the code object", bytes.len() - r.pos));
    }
    Ok(co)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }

    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        // Code objects are far below 4 GiB; a longer field cannot be built
        // by the compiler (its own indices are u32).
        self.u32(u32::try_from(n).expect("field longer than u32::MAX"));
    }

    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }

    fn strs(&mut self, items: &[String]) {
        self.len(items.len());
        for s in items {
            self.bytes(s.as_bytes());
        }
    }

    fn code(&mut self, co: &CodeObject) {
        // Destructured so that a new field is a compile error here rather
        // than silently lost in the frozen modules.
        let CodeObject {
            name,
            qualname,
            filename,
            first_line,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            code,
            locations,
            constants,
            names,
            varnames,
            cellvars,
            freevars,
            localsplus_kinds,
            cell_slots,
            docstring,
            max_stack_depth,
            n_cache_slots,
            exception_table,
        } = co;
        self.bytes(name.as_bytes());
        self.bytes(qualname.as_bytes());
        self.bytes(filename.as_bytes());
        self.u32(*first_line);
        self.u32(flags.0);
        self.u32(*argcount);
        self.u32(*posonlyargcount);
        self.u32(*kwonlyargcount);
        self.len(code.len());
        for unit in code.iter() {
            self.u32(*unit);
        }
        self.len(locations.len());
        for l in locations.iter() {
            for v in [l.line, l.end_line, l.col, l.end_col] {
                self.u32(v);
            }
        }
        self.len(constants.len());
        for c in constants.iter() {
            self.constant(c);
        }
        self.strs(names);
        self.strs(varnames);
        self.strs(cellvars);
        self.strs(freevars);
        self.bytes(localsplus_kinds);
        self.len(cell_slots.len());
        for s in cell_slots.iter() {
            self.u32(*s);
        }
        match docstring {
            Some(i) => {
                self.u8(1);
                self.u32(*i);
            }
            None => self.u8(0),
        }
        self.u32(*max_stack_depth);
        self.u32(*n_cache_slots);
        self.len(exception_table.len());
        for e in exception_table.iter() {
            for v in [e.start, e.end, e.handler, e.depth] {
                self.u32(v);
            }
            self.u8(e.push_lasti as u8);
        }
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.u8(TAG_NONE),
            Constant::Bool(b) => {
                self.u8(TAG_BOOL);
                self.u8(*b as u8);
            }
            Constant::Int(i) => {
                self.u8(TAG_INT);
                self.bytes(&i.to_signed_bytes_le());
            }
            Constant::Float(f) => {
                self.u8(TAG_FLOAT);
                self.u64(f.to_bits());
            }
            Constant::Complex { re, im } => {
                self.u8(TAG_COMPLEX);
                self.u64(re.to_bits());
                self.u64(im.to_bits());
            }
            Constant::Str(s) => {
                self.u8(TAG_STR);
                self.bytes(s.as_bytes());
            }
            Constant::SurrogateStr(b) => {
                self.u8(TAG_SURROGATE_STR);
                self.bytes(b);
            }
            Constant::Bytes(b) => {
                self.u8(TAG_BYTES);
                self.bytes(b);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                self.u8(if matches!(c, Constant::Tuple(_)) { TAG_TUPLE } else { TAG_FROZENSET });
                self.len(items.len());
                for x in items {
                    self.constant(x);
                }
            }
            Constant::Ellipsis => self.u8(TAG_ELLIPSIS),
            Constant::Code(co) => {
                self.u8(TAG_CODE);
                self.code(co);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!("truncated at byte {} (wanted {n} more)", self.pos));
        };
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// A count of items each at least `min_size` bytes long: refused when
    /// the rest of the input cannot hold them, so a corrupt count cannot
    /// make us reserve gigabytes.
    fn count(&mut self, min_size: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size.max(1)) > self.bytes.len() - self.pos {
            return Err(format!("count {n} at byte {} exceeds the input", self.pos - 4));
        }
        Ok(n)
    }

    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.count(1)?;
        self.take(n)
    }

    fn string(&mut self) -> Result<String, String> {
        let at = self.pos;
        let b = self.bytes()?;
        std::str::from_utf8(b).map(str::to_owned).map_err(|_| format!("invalid UTF-8 in the string at byte {at}"))
    }

    fn strs(&mut self) -> Result<Box<[String]>, String> {
        let n = self.count(4)?;
        (0..n).map(|_| self.string()).collect()
    }

    fn u32s(&mut self) -> Result<Box<[u32]>, String> {
        let n = self.count(4)?;
        (0..n).map(|_| self.u32()).collect()
    }

    fn bool(&mut self) -> Result<bool, String> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(format!("bad boolean {b} at byte {}", self.pos - 1)),
        }
    }

    fn code(&mut self, depth: u32) -> Result<CodeObject, String> {
        if depth > MAX_DEPTH {
            return Err("code objects nested too deeply".into());
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let filename = self.string()?;
        let first_line = self.u32()?;
        let flags = CodeFlags(self.u32()?);
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let code = self.u32s()?;
        let n = self.count(16)?;
        let locations = (0..n)
            .map(|_| Ok(Location { line: self.u32()?, end_line: self.u32()?, col: self.u32()?, end_col: self.u32()? }))
            .collect::<Result<Box<[Location]>, String>>()?;
        let n = self.count(1)?;
        let constants = (0..n).map(|_| self.constant(depth)).collect::<Result<Box<[Constant]>, String>>()?;
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let localsplus_kinds = self.bytes()?.to_vec().into_boxed_slice();
        let cell_slots = self.u32s()?;
        let docstring = if self.bool()? { Some(self.u32()?) } else { None };
        let max_stack_depth = self.u32()?;
        let n_cache_slots = self.u32()?;
        let n = self.count(17)?;
        let exception_table = (0..n)
            .map(|_| {
                Ok(ExceptionEntry {
                    start: self.u32()?,
                    end: self.u32()?,
                    handler: self.u32()?,
                    depth: self.u32()?,
                    push_lasti: self.bool()?,
                })
            })
            .collect::<Result<Box<[ExceptionEntry]>, String>>()?;
        if locations.len() != code.len() {
            return Err(format!("{} locations for {} code units", locations.len(), code.len()));
        }
        Ok(CodeObject {
            name,
            qualname,
            filename,
            first_line,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            code,
            locations,
            constants,
            names,
            varnames,
            cellvars,
            freevars,
            localsplus_kinds,
            cell_slots,
            docstring,
            max_stack_depth,
            n_cache_slots,
            exception_table,
        })
    }

    fn constant(&mut self, depth: u32) -> Result<Constant, String> {
        let at = self.pos;
        Ok(match self.u8()? {
            TAG_NONE => Constant::None,
            TAG_BOOL => Constant::Bool(self.bool()?),
            TAG_INT => Constant::Int(BigInt::from_signed_bytes_le(self.bytes()?)),
            TAG_FLOAT => Constant::Float(f64::from_bits(self.u64()?)),
            TAG_COMPLEX => Constant::Complex { re: f64::from_bits(self.u64()?), im: f64::from_bits(self.u64()?) },
            TAG_STR => Constant::Str(self.string()?),
            TAG_SURROGATE_STR => Constant::SurrogateStr(self.bytes()?.to_vec()),
            TAG_BYTES => Constant::Bytes(self.bytes()?.to_vec()),
            tag @ (TAG_TUPLE | TAG_FROZENSET) => {
                if depth > MAX_DEPTH {
                    return Err("constants nested too deeply".into());
                }
                let n = self.count(1)?;
                let items = (0..n).map(|_| self.constant(depth + 1)).collect::<Result<Vec<_>, String>>()?;
                if tag == TAG_TUPLE {
                    Constant::Tuple(items)
                } else {
                    Constant::FrozenSet(items)
                }
            }
            TAG_ELLIPSIS => Constant::Ellipsis,
            TAG_CODE => Constant::Code(Arc::new(self.code(depth + 1)?)),
            tag => return Err(format!("unknown constant tag {tag} at byte {at}")),
        })
    }
}

/// FNV-1a over `source`: how the frozen table recognises the exact text a
/// code object was compiled from (a stale entry is never used).
pub fn source_hash(source: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in source.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
