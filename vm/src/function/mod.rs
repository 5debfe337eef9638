//! Function objects: Python functions (`PyFunction`), runtime code objects
//! (`PyCode`), closure cells, bound methods, Rust-implemented functions and
//! descriptors.

pub mod args;
pub mod data_descr;
pub mod descriptors;
pub mod func_new;
pub mod make;
pub mod method;
pub mod native;

use std::sync::Arc;

use skein_compiler::bytecode::{CodeFlags, CodeObject, Constant, Opcode};

use crate::intern::intern;
use crate::object::swap_cell::SwapCell;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::dict::PyDict;
use crate::types::tuple::PyTuple;
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;

pub static FUNCTION_TYPE: TypeCell = TypeCell::new();
pub static CODE_TYPE: TypeCell = TypeCell::new();
pub static CELL_TYPE: TypeCell = TypeCell::new();

/// A compiled code object plus its constants and names as Python values.
/// Immutable and shared by every thread that runs it.
pub struct PyCode {
    pub co: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `co.names` interned.
    pub names: Box<[Value]>,
    /// Names of all fast locals (varnames ++ cellvars ++ freevars), interned.
    pub localsplus_names: Box<[Value]>,
    pub nlocalsplus: usize,
    pub ncells_start: usize,
    pub nfree: usize,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    /// Where each thread finds this code's inline caches
    /// (`interp/inline_cache.rs`).
    pub cache_ids: crate::interp::inline_cache::CacheIds,
    /// `co.code` decoded once for the dispatch loop: one entry per code
    /// unit (so jump targets index it directly), then one terminating entry
    /// (see `decode_all`).
    pub instrs: Box<[Decoded]>,
    /// Calls bind by position alone: only positional-or-keyword
    /// parameters (no `*args`, `**kwargs`, keyword-only ones), and calling
    /// runs the body (not a generator or coroutine).
    pub simple_args: bool,
    /// `co.argcount` when `simple_args`, else `u32::MAX`: a call with
    /// exactly this many positional arguments and no keywords puts them
    /// straight into the callee's first local slots (one compare).
    pub fast_argcount: u32,
    /// `co_code` as a `bytes` object, built on first use
    /// (`types/code_methods.rs`); the dispatch loop never reads it.
    pub co_code: std::sync::OnceLock<Value>,
}

/// One instruction as the dispatch loop reads it: the opcode, its argument
/// with any `EXTENDED_ARG` prefixes folded in, and the number of code units
/// it occupies (prefixes and its `CACHE` unit included), so the loop does
/// one load and no decoding per instruction. The entry at a prefix or
/// instruction start describes the whole instruction; a `CACHE` unit's entry
/// is `CACHE` with the slot number as its argument.
#[derive(Clone, Copy, Debug)]
pub struct Decoded {
    pub op: Opcode,
    pub len: u8,
    pub arg: u32,
}

/// One entry per code unit, plus a terminating entry at `co.code.len()`:
/// the dispatch loop fetches without a bounds check (`interp::frame::fetch`),
/// and stepping past the last instruction lands there. Compiled code never
/// falls off its end; if it did, the entry raises (`RAISE_VARARGS 0` with
/// nothing to re-raise is a `RuntimeError`) instead of reading past the
/// slice.
///
/// The entry at the `KW_NAMES` unit itself carries the whole argument even
/// after `EXTENDED_ARG` prefixes: `CALL` reads the names from the unit just
/// before it (`interp::eval::kw_names_before`).
fn decode_all(co: &CodeObject) -> Box<[Decoded]> {
    let n = co.code.len();
    let mut v: Vec<Decoded> = (0..n)
        .map(|i| match co.decode_at(i) {
            Some((op, arg, next)) if next <= n => Decoded { op, len: (next - i) as u8, arg },
            // Not reachable in verified code; runs as a no-op.
            _ => Decoded { op: Opcode::NOP, len: 1, arg: 0 },
        })
        .chain(std::iter::once(Decoded { op: Opcode::RAISE_VARARGS, len: 1, arg: 0 }))
        .collect();
    // From the end, so that the outermost prefix (the whole argument) is
    // written last.
    for i in (0..n).rev() {
        let d = v[i];
        if d.op == Opcode::KW_NAMES && d.len > 1 {
            v[i + d.len as usize - 1].arg = d.arg;
        }
    }
    v.into_boxed_slice()
}

impl PyPayload for PyCode {
    fn class() -> &'static PyRef<PyType> {
        CODE_TYPE.get()
    }
}

impl PyCode {
    pub fn new(co: Arc<CodeObject>) -> PyRef<PyCode> {
        let consts: Box<[Value]> = co.constants.iter().map(constant_to_value).collect();
        PyCode::with_consts(co, consts)
    }

    /// A code object whose constants are `consts` (one per entry of
    /// `co.constants`; `code.replace(co_consts=...)` passes values that
    /// need not be compile-time constants).  `co` must be verified.
    pub fn with_consts(co: Arc<CodeObject>, consts: Box<[Value]>) -> PyRef<PyCode> {
        debug_assert_eq!(consts.len(), co.constants.len());
        // Constants are immutable and read by every thread that runs the
        // code: immortal, so `LOAD_CONST` never bounces a count between
        // cores (CPython's free-threaded build does the same).
        for c in consts.iter() {
            c.make_immortal();
        }
        let names = co.names.iter().map(|n| intern(n)).collect();
        let nlocalsplus = co.n_localsplus();
        let localsplus_names: Box<[Value]> = (0..nlocalsplus).map(|i| intern(co.localsplus_name(i))).collect();
        let filename = intern(&co.filename);
        let name = intern(&co.name);
        let qualname = crate::types::str::new_str(co.qualname.as_str());
        let f = co.flags;
        let simple_args = co.kwonlyargcount == 0
            && !f.has(CodeFlags::VARARGS)
            && !f.has(CodeFlags::VARKEYWORDS)
            && !f.has(CodeFlags::GENERATOR)
            && !f.has(CodeFlags::COROUTINE)
            && !f.has(CodeFlags::ASYNC_GENERATOR);
        PyRef::new(PyCode {
            simple_args,
            fast_argcount: if simple_args { co.argcount } else { u32::MAX },
            ncells_start: co.varnames.len(),
            nfree: co.freevars.len(),
            nlocalsplus,
            consts,
            names,
            localsplus_names,
            filename,
            name,
            qualname,
            cache_ids: crate::interp::inline_cache::CacheIds::allocate(),
            instrs: decode_all(&co),
            co_code: std::sync::OnceLock::new(),
            co,
        })
    }
}

impl PyCode {
    /// Constant `i` (`LOAD_CONST`): a copy of the word, no count touched,
    /// since every constant was made immortal in [`PyCode::new`] and
    /// immortality is permanent.
    #[inline(always)]
    pub fn const_value(&self, i: usize) -> Value {
        crate::interp::inline_cache::cached_value(self.consts[i].raw_word())
    }
}

/// Turns a compile-time constant into a value (strings are interned, as
/// CPython interns identifier-like constants).
pub fn constant_to_value(c: &Constant) -> Value {
    use crate::types::singletons::{bool_value, ellipsis, none};
    match c {
        Constant::None => none(),
        Constant::Bool(b) => bool_value(*b),
        Constant::Int(i) => crate::types::int::int_from_bigint(i.clone()),
        Constant::Float(f) => crate::types::float::new_float(*f),
        Constant::Complex { re, im } => crate::types::complex_new(*re, *im),
        Constant::Str(s) => intern(s),
        Constant::SurrogateStr(b) => crate::types::str::new_str_wtf8(b.clone()),
        Constant::Bytes(b) => crate::types::bytes_new(b.clone()),
        Constant::Tuple(items) => crate::types::tuple::new_tuple(items.iter().map(constant_to_value).collect()),
        Constant::FrozenSet(items) => crate::types::frozenset_new(items.iter().map(constant_to_value).collect()),
        Constant::Ellipsis => ellipsis(),
        Constant::Code(co) => PyCode::new(co.clone()).into_value(),
    }
}

/// A function defined in Python.
pub struct PyFunction {
    pub code: PyRef<PyCode>,
    pub globals: PyRef<PyDict>,
    pub builtins: PyRef<PyDict>,
    pub closure: Option<PyRef<PyTuple>>,
    pub name: Locked<Value>,
    pub qualname: Locked<Value>,
    pub defaults: Locked<Option<PyRef<PyTuple>>>,
    pub kwdefaults: Locked<Option<PyRef<PyDict>>>,
    pub doc: Locked<Value>,
    pub module: Locked<Value>,
    pub annotations: Locked<Option<Value>>,
}

impl PyPayload for PyFunction {
    fn class() -> &'static PyRef<PyType> {
        FUNCTION_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code.to_value());
        visit(&self.globals.to_value());
        visit(&self.builtins.to_value());
        for f in [&self.name, &self.qualname, &self.doc, &self.module] {
            visit(&f.lock());
        }
        if let Some(c) = &self.closure {
            visit(&c.to_value());
        }
        if let Some(d) = self.defaults.lock().as_ref() {
            visit(&d.to_value());
        }
        if let Some(d) = self.kwdefaults.lock().as_ref() {
            visit(&d.to_value());
        }
        if let Some(a) = self.annotations.lock().as_ref() {
            visit(a);
        }
    }
}

impl PyFunction {
    pub fn qualname_string(&self) -> String {
        self.qualname.lock().as_str().unwrap_or("?").to_string()
    }
    pub fn name_string(&self) -> String {
        self.name.lock().as_str().unwrap_or("?").to_string()
    }
}

/// A closure cell.
///
/// The content is a [`SwapCell`]: `LOAD_DEREF` reads it without a lock
/// (one atomic load and a count on the value) while other threads may run
/// the same closure; `STORE_DEREF` swaps the word under the cell's
/// one-byte mutex and releases the old value through QSBR, so a reader
/// that loaded the old word a moment earlier still counts a live object.
/// Ints, floats and immortal objects are released at once (they are never
/// freed), so a `nonlocal` counter costs no deferral. See
/// `object/swap_cell.rs` for the protocol.
pub struct PyCell {
    value: SwapCell,
}

impl PyPayload for PyCell {
    fn class() -> &'static PyRef<PyType> {
        CELL_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.value.with(|v| visit(v));
    }
}

impl PyCell {
    pub fn new(v: Option<Value>) -> PyRef<PyCell> {
        let value = SwapCell::new();
        if v.is_some() {
            value.replace(v);
        }
        PyRef::new(PyCell { value })
    }

    /// The content (a new reference), or `None` when the cell is empty.
    #[inline]
    pub fn get(&self) -> Option<Value> {
        self.value.get()
    }

    /// Whether the cell holds a value now (a snapshot).
    #[inline]
    pub fn is_set(&self) -> bool {
        self.value.with(|_| ()).is_some()
    }

    /// Replaces the content (`None` empties the cell).
    #[inline]
    pub fn set(&self, v: Option<Value>) {
        self.value.replace(v)
    }
}
