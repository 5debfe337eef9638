//! The native half of `re` (the module `_re`): parsing, compiling and
//! matching. `vm/lib/re.py` builds the public API (`Pattern`, `Match`,
//! flags, templates, the cache) on top of these functions:
//!
//! - `compile(pattern, flags)` -> `(program, flags, groups, names)`, or
//!   `(msg, pos)` for a `re.error` (the front raises it with the pattern);
//! - `run(program, pattern, string, pos, endpos, mode, must_advance)` ->
//!   `None` or a `re.Match` (`match_obj.rs`); mode 0 match, 1 fullmatch,
//!   2 search;
//! - `scan(program, pattern, string, pos, endpos, limit)` -> the list of
//!   successive non-overlapping matches (finditer);
//! - `findall(program, string, pos, endpos)` -> the list `re.findall` returns;
//! - `sub(program, string, template, count)` -> `(result, n)`, the template
//!   a list of literal strings and group numbers;
//! - `subcall(program, pattern, string, count, func)` -> `(pieces, n)`:
//!   the subject pieces and `func(match)` results, for the front to join;
//! - `split(program, string, maxsplit)` -> the list `re.split` returns.
//!
//! Positions exchanged with Python are code point indices; the matcher
//! works on byte offsets into the UTF-8 text (see `CharIndex`). A program is
//! immutable after `compile`, so one compiled pattern is matched by many
//! threads at once without locks; each match has its own `Machine`.

pub mod ast;
pub mod charset;
pub mod compile;
pub mod engine;
pub mod match_obj;
pub mod parser;
#[cfg(test)]
mod tests;

use std::sync::Once;

use num_traits::ToPrimitive;

use crate::builtins::numeric::index_bigint;
use crate::function::args::Args;
use crate::function::native::{new_function, NativeFn};
use crate::object::{PyPayload, PyRef};
use crate::types::bytes_methods::buf_of;
use crate::types::dict::PyDict;
use crate::types::exceptions::exc;
use crate::types::int::int_from_i64;
use crate::types::list::new_list;
use crate::types::module::PyModule;
use crate::types::singletons::none;
use crate::types::small::bytes_new;
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use compile::Program;
use engine::{execute, ByteText, Captures, Matcher, Mode, Text, Utf8Text, UNSET};

/// The `SRE_FLAG_*` values.
pub mod flags {
    pub const TEMPLATE: u32 = 1;
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const ASCII: u32 = 256;
}

pub static PROGRAM_TYPE: TypeCell = TypeCell::new();

/// A compiled pattern (immutable; shared by threads).
pub struct PyProgram {
    prog: Program,
    is_str: bool,
    /// Group names and numbers, in the order the pattern defines them.
    pub names: Vec<(String, usize)>,
}

impl PyPayload for PyProgram {
    fn class() -> &'static PyRef<PyType> {
        PROGRAM_TYPE.get()
    }
}

/// Compiles `pattern` (code points; bytes: one per byte).
pub fn compile_pattern(
    pattern: &[u32],
    is_str: bool,
    fl: u32,
) -> Result<(Program, parser::Parsed), parser::ParseError> {
    let parsed = parser::parse(pattern, is_str, fl)?;
    match compile::compile(&parsed.node, parsed.flags, is_str, parsed.groups, &parsed.widths) {
        Ok(p) => Ok((p, parsed)),
        Err(compile::CompileError::Re(msg)) => Err(parser::ParseError::Re { msg, pos: None }),
    }
}

// ---- subjects -------------------------------------------------------------------------

/// A subject string: its bytes and how to convert positions.
enum Subject<'a> {
    Str { text: &'a str, obj: &'a PyStr },
    Bytes(std::borrow::Cow<'a, [u8]>),
}

impl Subject<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Subject::Str { text, .. } => text.as_bytes(),
            Subject::Bytes(b) => b,
        }
    }

    fn ascii(&self) -> bool {
        match self {
            Subject::Str { obj, .. } => obj.is_ascii(),
            Subject::Bytes(_) => true,
        }
    }

    fn char_len(&self) -> usize {
        match self {
            Subject::Str { obj, .. } => obj.char_len(),
            Subject::Bytes(b) => b.len(),
        }
    }

    /// The text of bytes `a..b` as a Python object.
    fn slice(&self, a: usize, b: usize) -> Value {
        match self {
            Subject::Str { text, obj } => {
                if obj.has_surrogates() {
                    PyRef::new(obj.byte_substr(a, b)).into_value()
                } else {
                    new_str(text.get(a..b).unwrap_or_default())
                }
            }
            Subject::Bytes(bs) => bytes_new(bs.get(a..b).unwrap_or_default().to_vec()),
        }
    }

    fn empty(&self) -> Value {
        self.slice(0, 0)
    }
}

fn subject<'a>(vm: &mut Vm, v: &'a Value, want_str: bool) -> PyResult<Subject<'a>> {
    if let Some(s) = v.downcast_ref::<PyStr>() {
        if want_str {
            return Ok(Subject::Str { text: s.as_str(), obj: s });
        }
        return Err(vm.new_type_error("cannot use a bytes pattern on a string-like object"));
    }
    if let Some(b) = buf_of(v) {
        if !want_str {
            return Ok(Subject::Bytes(b));
        }
        return Err(vm.new_type_error("cannot use a string pattern on a bytes-like object"));
    }
    Err(vm.new_type_error(format!("expected string or bytes-like object, got '{}'", v.class().name())))
}

/// Converts between code point indices and byte offsets of one subject,
/// walking from the last converted position (matches come in order, so a
/// whole scan is linear).
struct CharIndex<'a> {
    bytes: &'a [u8],
    ascii: bool,
    byte: usize,
    ch: usize,
}

impl<'a> CharIndex<'a> {
    fn new(bytes: &'a [u8], ascii: bool) -> CharIndex<'a> {
        CharIndex { bytes, ascii, byte: 0, ch: 0 }
    }

    fn is_start(b: u8) -> bool {
        b & 0xc0 != 0x80
    }

    fn to_char(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte / 2 {
            self.byte = 0;
            self.ch = 0;
        }
        if byte >= self.byte {
            self.ch += self.bytes[self.byte..byte].iter().filter(|&&b| Self::is_start(b)).count();
        } else {
            self.ch -= self.bytes[byte..self.byte].iter().filter(|&&b| Self::is_start(b)).count();
        }
        self.byte = byte;
        self.ch
    }

    fn to_byte(&mut self, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.bytes.len());
        }
        if ch < self.ch {
            self.byte = 0;
            self.ch = 0;
        }
        let mut b = self.byte;
        let mut c = self.ch;
        while c < ch && b < self.bytes.len() {
            b += 1;
            while b < self.bytes.len() && !Self::is_start(self.bytes[b]) {
                b += 1;
            }
            c += 1;
        }
        self.byte = b;
        self.ch = c;
        b
    }
}

// ---- arguments ------------------------------------------------------------------------

fn program<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyProgram> {
    match v.downcast_ref::<PyProgram>() {
        Some(p) => Ok(p),
        None => Err(vm.new_type_error("expected a compiled pattern")),
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let b = index_bigint(vm, v)?;
    Ok(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }))
}

/// `pos`/`endpos` clamped as CPython does, as byte offsets; `None` when
/// the range is empty in the wrong order.
fn window(
    vm: &mut Vm,
    subj: &Subject<'_>,
    idx: &mut CharIndex<'_>,
    pos: &Value,
    endpos: &Value,
) -> PyResult<(usize, usize)> {
    let n = subj.char_len() as i64;
    let p = int_arg(vm, pos)?.clamp(0, n);
    let e = int_arg(vm, endpos)?.clamp(0, n);
    let eb = idx.to_byte(e as usize);
    let pb = if p > e { usize::MAX } else { idx.to_byte(p as usize) };
    Ok((pb, eb))
}

fn run_on(
    p: &PyProgram,
    subj: &Subject<'_>,
    end: usize,
    start: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<Captures> {
    if start == usize::MAX {
        return None;
    }
    let bytes = &subj.bytes()[..end];
    if p.is_str {
        execute(&p.prog, Utf8Text(bytes), start, mode, must_advance)
    } else {
        execute(&p.prog, ByteText(bytes), start, mode, must_advance)
    }
}

// ---- functions ------------------------------------------------------------------------

fn re_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "compile", 2)?;
    let fl = int_arg(vm, &a[1])? as u32;
    let (cps, is_str): (Vec<u32>, bool) = if let Some(s) = a[0].downcast_ref::<PyStr>() {
        (s.code_points().collect(), true)
    } else if let Some(b) = buf_of(&a[0]) {
        (b.iter().map(|&x| u32::from(x)).collect(), false)
    } else {
        return Err(vm.new_type_error("first argument must be string or compiled pattern"));
    };
    match compile_pattern(&cps, is_str, fl) {
        Ok((prog, parsed)) => {
            let names: Vec<Value> = parsed
                .names
                .iter()
                .map(|(n, g)| new_tuple(vec![new_str(n.as_str()), int_from_i64(*g as i64)]))
                .collect();
            let groups = parsed.groups as i64 - 1;
            let obj = PyRef::new(PyProgram { prog, is_str, names: parsed.names.clone() }).into_value();
            Ok(new_tuple(vec![obj, int_from_i64(i64::from(parsed.flags)), int_from_i64(groups), new_list(names)]))
        }
        Err(parser::ParseError::Re { msg, pos }) => {
            let pos = pos.map_or_else(none, |p| int_from_i64(p as i64));
            Ok(new_tuple(vec![new_str(msg), pos]))
        }
        Err(parser::ParseError::Overflow(msg)) => Err(vm.new_overflow_error(msg)),
        Err(parser::ParseError::Value(msg)) => Err(vm.new_value_error(msg)),
        Err(parser::ParseError::Recursion) => {
            Err(vm.new_exception_msg(&exc().recursion_error, "maximum recursion depth exceeded"))
        }
    }
}

fn program_ref(vm: &mut Vm, v: &Value) -> PyResult<PyRef<PyProgram>> {
    match v.downcast::<PyProgram>() {
        Some(p) => Ok(p),
        None => Err(vm.new_type_error("expected a compiled pattern")),
    }
}

/// The clamped `pos` and `endpos` as Python sees them on a match.
fn clamped(vm: &mut Vm, subj: &Subject<'_>, pos: &Value, endpos: &Value) -> PyResult<(i64, i64)> {
    let n = subj.char_len() as i64;
    Ok((int_arg(vm, pos)?.clamp(0, n), int_arg(vm, endpos)?.clamp(0, n)))
}

fn re_run(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "run", 7)?;
    let p = program_ref(vm, &a[0])?;
    let subj = subject(vm, &a[2], p.is_str)?;
    let mut idx = CharIndex::new(subj.bytes(), subj.ascii());
    let (start, end) = window(vm, &subj, &mut idx, &a[3], &a[4])?;
    let (cpos, cend) = clamped(vm, &subj, &a[3], &a[4])?;
    let mode = match int_arg(vm, &a[5])? {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let must_advance = int_arg(vm, &a[6])? != 0;
    Ok(match run_on(&p, &subj, end, start, mode, must_advance) {
        Some(c) => match_obj::new_match(&a[1], &p, &a[2], cpos, cend, &c, &mut |b| idx.to_char(b)),
        None => none(),
    })
}

/// Calls `f` on successive matches from `start` (at most `limit`, 0: all).
fn each_match(p: &PyProgram, subj: &Subject<'_>, start: usize, end: usize, limit: usize, mut f: impl FnMut(&Captures)) {
    if start == usize::MAX {
        return;
    }
    let bytes = &subj.bytes()[..end];
    if p.is_str {
        scan_with(Matcher::new(&p.prog, Utf8Text(bytes)), start, end, limit, &mut f);
    } else {
        scan_with(Matcher::new(&p.prog, ByteText(bytes)), start, end, limit, &mut f);
    }
}

fn scan_with<T: Text>(mut m: Matcher<'_, T>, start: usize, end: usize, limit: usize, f: &mut impl FnMut(&Captures)) {
    let mut pos = start;
    let mut must_advance = false;
    let mut n = 0;
    let mut c = Captures { slots: Vec::new(), lastindex: -1 };
    while pos <= end {
        if !m.exec(pos, Mode::Search, must_advance) {
            break;
        }
        m.captures_into(&mut c);
        f(&c);
        n += 1;
        if limit != 0 && n >= limit {
            break;
        }
        must_advance = c.slots[1] == c.slots[0];
        pos = c.slots[1];
    }
}

fn re_scan(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "scan", 6)?;
    let p = program_ref(vm, &a[0])?;
    let subj = subject(vm, &a[2], p.is_str)?;
    let mut idx = CharIndex::new(subj.bytes(), subj.ascii());
    let (start, end) = window(vm, &subj, &mut idx, &a[3], &a[4])?;
    let (cpos, cend) = clamped(vm, &subj, &a[3], &a[4])?;
    let limit = int_arg(vm, &a[5])?.max(0) as usize;
    let mut out = Vec::new();
    each_match(&p, &subj, start, end, limit, |c| {
        out.push(match_obj::new_match(&a[1], &p, &a[2], cpos, cend, c, &mut |b| idx.to_char(b)));
    });
    Ok(new_list(out))
}

/// `sub` with a callable: the pieces of the result (subject text between
/// matches, and each non-None `func(match)`), joined by the front so that
/// a bad item is reported as CPython's join reports it.
fn re_subcall(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "subcall", 5)?;
    let p = program_ref(vm, &a[0])?;
    let subj = subject(vm, &a[2], p.is_str)?;
    let count = int_arg(vm, &a[3])?.max(0) as usize;
    let end = subj.bytes().len();
    let mut found = Vec::new();
    each_match(&p, &subj, 0, end, count, |c| found.push(Captures { slots: c.slots.clone(), lastindex: c.lastindex }));
    let n = found.len();
    let mut idx = CharIndex::new(subj.bytes(), subj.ascii());
    let full_len = subj.char_len() as i64;
    let mut pieces = Vec::with_capacity(2 * n + 1);
    let mut last = 0;
    for c in &found {
        if last < c.slots[0] {
            pieces.push(subj.slice(last, c.slots[0]));
        }
        let m = match_obj::new_match(&a[1], &p, &a[2], 0, full_len, c, &mut |b| idx.to_char(b));
        let r = vm.call(&a[4], &[m])?;
        if !r.is_none() {
            pieces.push(r);
        }
        last = c.slots[1];
    }
    if last < end {
        pieces.push(subj.slice(last, end));
    }
    Ok(new_tuple(vec![new_list(pieces), int_from_i64(n as i64)]))
}

fn re_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "split", 3)?;
    let p = program_ref(vm, &a[0])?;
    let subj = subject(vm, &a[1], p.is_str)?;
    let limit = int_arg(vm, &a[2])?.max(0) as usize;
    let end = subj.bytes().len();
    let groups = p.prog.groups;
    let mut out = Vec::new();
    let mut last = 0;
    each_match(&p, &subj, 0, end, limit, |c| {
        out.push(subj.slice(last, c.slots[0]));
        for g in 1..groups {
            let (s, e) = (c.slots[2 * g], c.slots[2 * g + 1]);
            out.push(if s == UNSET || e == UNSET { none() } else { subj.slice(s, e) });
        }
        last = c.slots[1];
    });
    out.push(subj.slice(last, end));
    Ok(new_list(out))
}

fn re_findall(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "findall", 4)?;
    let p = program(vm, &a[0])?;
    let subj = subject(vm, &a[1], p.is_str)?;
    let mut idx = CharIndex::new(subj.bytes(), subj.ascii());
    let (start, end) = window(vm, &subj, &mut idx, &a[2], &a[3])?;
    let groups = p.prog.groups - 1;
    let mut out = Vec::new();
    let group_value = |c: &Captures, g: usize| {
        let (s, e) = (c.slots[2 * g], c.slots[2 * g + 1]);
        if s == UNSET || e == UNSET {
            subj.empty()
        } else {
            subj.slice(s, e)
        }
    };
    each_match(p, &subj, start, end, 0, |c| {
        out.push(match groups {
            0 => group_value(c, 0),
            1 => group_value(c, 1),
            _ => new_tuple((1..=groups).map(|g| group_value(c, g)).collect()),
        });
    });
    Ok(new_list(out))
}

fn re_sub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact(vm, "sub", 4)?;
    let p = program(vm, &a[0])?;
    let subj = subject(vm, &a[1], p.is_str)?;
    let count = int_arg(vm, &a[3])?.max(0) as usize;
    enum Piece {
        Text(Vec<u8>),
        Group(usize),
    }
    let Some(list) = a[2].downcast_ref::<crate::types::list::PyList>() else {
        return Err(vm.new_type_error("sub() template must be a list"));
    };
    let mut pieces = Vec::new();
    for item in list.snapshot() {
        if let Some(g) = item.as_small_int() {
            if g < 0 || g as usize >= p.prog.groups {
                return Err(vm.new_index_error("no such group"));
            }
            pieces.push(Piece::Group(g as usize));
        } else if let Some(s) = item.downcast_ref::<PyStr>() {
            pieces.push(Piece::Text(s.as_str().as_bytes().to_vec()));
        } else if let Some(b) = buf_of(&item) {
            pieces.push(Piece::Text(b.into_owned()));
        } else {
            return Err(vm.new_type_error("bad template item"));
        }
    }
    let bytes = subj.bytes();
    let end = bytes.len();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut last = 0;
    let mut n = 0usize;
    each_match(p, &subj, 0, end, count, |c| {
        out.extend_from_slice(&bytes[last..c.slots[0]]);
        for piece in &pieces {
            match piece {
                Piece::Text(t) => out.extend_from_slice(t),
                Piece::Group(g) => {
                    let (s, e) = (c.slots[2 * g], c.slots[2 * g + 1]);
                    if s != UNSET && e != UNSET {
                        out.extend_from_slice(&bytes[s..e]);
                    }
                }
            }
        }
        last = c.slots[1];
        n += 1;
    });
    if n == 0 {
        return Ok(new_tuple(vec![a[1].clone(), int_from_i64(0)]));
    }
    out.extend_from_slice(&bytes[last..]);
    let result = if p.is_str {
        match String::from_utf8(out) {
            Ok(s) => new_str(s),
            Err(e) => new_str(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
    } else {
        bytes_new(out)
    };
    Ok(new_tuple(vec![result, int_from_i64(n as i64)]))
}

fn init_types() {
    let t = PyType::new_builtin::<PyProgram>("_Program", Some(crate::types::instance_object_type()), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("_re"));
    PROGRAM_TYPE.set(t);
    match_obj::init_match_type();
}

/// The native `_re` module.
pub fn make_re_module() -> PyRef<PyModule> {
    static INIT: Once = Once::new();
    INIT.call_once(init_types);
    let m = PyModule::new("_re");
    let fns: &[(&'static str, NativeFn)] = &[
        ("compile", re_compile),
        ("run", re_run),
        ("scan", re_scan),
        ("findall", re_findall),
        ("sub", re_sub),
        ("subcall", re_subcall),
        ("split", re_split),
    ];
    for (name, f) in fns {
        m.set_attr(name, new_function(name, *f, "_re"));
    }
    m.set_attr("MAXREPEAT", int_from_i64(i64::from(ast::MAXREPEAT)));
    m.set_attr("Match", match_obj::MATCH_TYPE.get().to_value());
    m
}
