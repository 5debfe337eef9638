//! Code objects as Python objects (`types.CodeType`): the `co_*`
//! attributes, `co_lines()`, `co_positions()`, `replace()`, equality,
//! hashing and `_varname_from_oparg` (for `dis`).
//!
//! A `PyCode` is immutable and shared by every thread: everything here is
//! derived from the plain-data `CodeObject` on demand, except `co_code`,
//! which is built once into a `OnceLock`.  The byte formats of `co_code`,
//! `co_linetable` and `co_exceptiontable` are Skein's own
//! (`skein_compiler::code_bytes`, `docs/bytecode.md`).  `replace()` builds
//! a new code object and runs the bytecode verifier on it, since the
//! dispatch loop trusts verified code.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use skein_compiler::bytecode::{CodeFlags, CodeObject, Constant, Opcode};
use skein_compiler::code_bytes;

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::add_methods;
use crate::function::PyCode;
use crate::intern::intern;
use crate::types::exceptions::exc;
use crate::types::float::PyFloat;
use crate::types::int::int_from_i64;
use crate::types::singletons::{bool_value, none, not_implemented};
use crate::types::small::{PyBytes, PyComplex};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn code_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyCode> {
    match v.downcast_ref::<PyCode>() {
        Some(c) => Ok(c),
        None => Err(vm.new_type_error("descriptor requires a 'code' object")),
    }
}

fn strs(items: &[String]) -> Value {
    new_tuple(items.iter().map(|n| intern(n)).collect())
}

fn int(i: impl Into<i64>) -> Value {
    int_from_i64(i.into())
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>, fname: &str, n: usize) -> PyResult<&'a PyCode> {
    let a = args.exact(vm, fname, n)?;
    code_of(vm, &a[0])
}

// ---- attributes ---------------------------------------------------------------------

fn code_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &a, "__repr__", 1)?;
    Ok(new_str(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.co.name,
        a.pos[0].raw_word(),
        c.co.filename,
        c.co.first_line
    )))
}

fn code_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(code_of(vm, v)?.name.clone())
}
fn code_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(code_of(vm, v)?.qualname.clone())
}
fn code_filename(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(code_of(vm, v)?.filename.clone())
}
fn code_firstlineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.first_line))
}
fn code_argcount(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.argcount))
}
fn code_posonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.posonlyargcount))
}
fn code_kwonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.kwonlyargcount))
}
fn code_nlocals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.varnames.len() as i64))
}
fn code_stacksize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.max_stack_depth))
}
fn code_flags(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int(code_of(vm, v)?.co.flags.0))
}
fn code_varnames(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&code_of(vm, v)?.co.varnames))
}
fn code_cellvars(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&code_of(vm, v)?.co.cellvars))
}
fn code_freevars(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(strs(&code_of(vm, v)?.co.freevars))
}
fn code_names(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_tuple(code_of(vm, v)?.names.to_vec()))
}
fn code_consts(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_tuple(code_of(vm, v)?.consts.to_vec()))
}
fn code_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    Ok(c.co_code.get_or_init(|| crate::types::bytes_new(code_bytes::code_bytes(&c.co.code))).clone())
}
fn code_linetable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::types::bytes_new(code_bytes::linetable(&code_of(vm, v)?.co.locations)))
}
fn code_exceptiontable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::types::bytes_new(code_bytes::exception_table_bytes(&code_of(vm, v)?.co.exception_table)))
}

/// `co_lines()`: `(start, end, line)` over byte offsets of `co_code`.
fn code_lines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &a, "co_lines", 1)?;
    let items = code_bytes::line_ranges(&c.co)
        .into_iter()
        .map(|(s, e, line)| {
            let line = if line == 0 { none() } else { int(line) };
            new_tuple(vec![int(s as i64), int(e as i64), line])
        })
        .collect();
    vm.iter(&crate::types::list::new_list(items))
}

/// `co_positions()`: one `(line, end_line, col, end_col)` per code unit.
fn code_positions(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &a, "co_positions", 1)?;
    let items =
        c.co.locations
            .iter()
            .map(|l| {
                if l.line == 0 {
                    new_tuple(vec![none(), none(), none(), none()])
                } else {
                    new_tuple(vec![int(l.line), int(l.end_line), int(l.col), int(l.end_col)])
                }
            })
            .collect();
    vm.iter(&crate::types::list::new_list(items))
}

/// `_varname_from_oparg(i)`: the name of localsplus slot `i` (CPython's
/// private helper that `dis` uses).
fn code_varname_from_oparg(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = a.exact(vm, "_varname_from_oparg", 2)?;
    let c = code_of(vm, &a[0])?;
    let i = vm.index(&a[1])?.as_i64().unwrap_or(-1);
    match usize::try_from(i).ok().and_then(|i| c.localsplus_names.get(i)) {
        Some(n) => Ok(n.clone()),
        None => Err(vm.new_exception_msg(&exc().index_error, "tuple index out of range")),
    }
}

// ---- equality and hashing -------------------------------------------------------------

/// CPython's `_PyCode_ConstantKey` comparison: same type and value, with
/// floats and complex numbers compared bitwise (so `0.0` and `-0.0`, `1`
/// and `1.0` and `True` differ), tuples item by item, anything else that
/// is not a plain value by identity.
fn const_key_eq(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<bool> {
    if x.is(y) {
        return Ok(true);
    }
    if !std::ptr::eq(x.class(), y.class()) {
        return Ok(false);
    }
    if let (Some(a), Some(b)) = (x.downcast_ref::<PyFloat>(), y.downcast_ref::<PyFloat>()) {
        return Ok(a.0.to_bits() == b.0.to_bits());
    }
    if let (Some(a), Some(b)) = (x.downcast_ref::<PyComplex>(), y.downcast_ref::<PyComplex>()) {
        return Ok(a.re.to_bits() == b.re.to_bits() && a.im.to_bits() == b.im.to_bits());
    }
    if let (Some(a), Some(b)) = (x.as_tuple(), y.as_tuple()) {
        if a.len() != b.len() {
            return Ok(false);
        }
        for (p, q) in a.iter().zip(b) {
            if !const_key_eq(vm, p, q)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let (Some(a), Some(b)) = (x.downcast_ref::<PyCode>(), y.downcast_ref::<PyCode>()) {
        return code_eq(vm, a, b);
    }
    let plain = x.as_str().is_some()
        || x.as_int().is_some()
        || x.downcast_ref::<PyBytes>().is_some()
        || std::ptr::eq(x.class(), &**crate::types::small::FROZENSET_TYPE.get());
    if plain {
        return vm.eq(x, y);
    }
    Ok(false)
}

/// CPython's code equality: name, argument counts, flags, first line,
/// instructions, constants, names, local names, line and exception tables
/// (not the file name or qualified name).
fn code_eq(vm: &mut Vm, a: &PyCode, b: &PyCode) -> PyResult<bool> {
    let (p, q) = (&*a.co, &*b.co);
    let same = p.name == q.name
        && p.argcount == q.argcount
        && p.posonlyargcount == q.posonlyargcount
        && p.kwonlyargcount == q.kwonlyargcount
        && p.flags == q.flags
        && p.first_line == q.first_line
        && p.code == q.code
        && p.names == q.names
        && p.varnames == q.varnames
        && p.cellvars == q.cellvars
        && p.freevars == q.freevars
        && p.locations == q.locations
        && p.exception_table == q.exception_table
        && a.consts.len() == b.consts.len();
    if !same {
        return Ok(false);
    }
    for (x, y) in a.consts.iter().zip(b.consts.iter()) {
        if !const_key_eq(vm, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn code_richcompare(vm: &mut Vm, a: Args<'_>, fname: &str, want: bool) -> PyResult<Value> {
    let a = a.exact(vm, fname, 2)?;
    let x = code_of(vm, &a[0])?;
    let Some(y) = a[1].downcast_ref::<PyCode>() else {
        return Ok(not_implemented());
    };
    Ok(bool_value(code_eq(vm, x, y)? == want))
}

fn code_eq_method(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    code_richcompare(vm, a, "__eq__", true)
}
fn code_ne_method(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    code_richcompare(vm, a, "__ne__", false)
}

/// Hashes what equality compares exactly (constants only by count, since
/// equal constants may be distinct objects).
fn code_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = &*this(vm, &a, "__hash__", 1)?.co;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&c.name, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags.0, c.first_line).hash(&mut h);
    (&c.code, &c.names, &c.varnames, &c.cellvars, &c.freevars, c.constants.len()).hash(&mut h);
    let v = h.finish() as i64;
    Ok(int(if v == -1 { -2 } else { v }))
}

// ---- replace ------------------------------------------------------------------------

/// A non-negative count argument of `replace()`.
fn count_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<u32> {
    let i = vm.index(v)?;
    match i.as_i64() {
        Some(n) if n < 0 => Err(vm.new_value_error(format!("{name} must be a positive integer"))),
        Some(n) if n <= i64::from(i32::MAX) => Ok(n as u32),
        _ => Err(vm.new_exception_msg(&exc().overflow_error, "signed integer is greater than maximum")),
    }
}

fn type_error_arg(vm: &mut Vm, name: &str, want: &str, v: &Value) -> crate::vm::PyErr {
    let got = if v.is_none() { "None".to_string() } else { v.class().name().to_string() };
    vm.new_type_error(format!("replace() argument '{name}' must be {want}, not {got}"))
}

fn str_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(type_error_arg(vm, name, "str", v)),
    }
}

fn bytes_arg<'v>(vm: &mut Vm, v: &'v Value, name: &str) -> PyResult<&'v [u8]> {
    match v.downcast_ref::<PyBytes>() {
        Some(b) => Ok(&b.data),
        None => Err(type_error_arg(vm, name, "bytes", v)),
    }
}

fn tuple_arg<'v>(vm: &mut Vm, v: &'v Value, name: &str) -> PyResult<&'v [Value]> {
    match v.as_tuple() {
        Some(t) => Ok(t),
        None => Err(type_error_arg(vm, name, "tuple", v)),
    }
}

/// A tuple of names (`co_names`, `co_varnames`, ...).
fn names_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Box<[String]>> {
    let mut out = Vec::new();
    for item in tuple_arg(vm, v, name)? {
        match item.as_str() {
            Some(s) => out.push(s.to_string()),
            None => return Err(vm.new_exception_msg(&exc().system_error, "non-string found in code slot")),
        }
    }
    Ok(out.into_boxed_slice())
}

/// A replacement for a local-name tuple: same names count, since the
/// localsplus layout (slot kinds, cell slots) is kept.
fn same_len_names(vm: &mut Vm, v: &Value, name: &str, old: &[String]) -> PyResult<Box<[String]>> {
    let new = names_arg(vm, v, name)?;
    if new.len() != old.len() {
        return Err(vm.new_value_error(format!("code: {name} must keep its length ({}) in Skein", old.len())));
    }
    Ok(new)
}

/// The compile-time form of a constant, where it has one (the plain-data
/// code object keeps a table of the same length; the values are what runs).
pub(crate) fn value_to_constant(v: &Value) -> Constant {
    if v.is_none() {
        return Constant::None;
    }
    if let Some(b) = v.as_bool_obj() {
        return Constant::Bool(b);
    }
    if let Some(i) = v.as_int() {
        return Constant::Int(i.to_bigint());
    }
    if let Some(s) = v.as_str() {
        return Constant::Str(s.to_string());
    }
    if let Some(f) = v.downcast_ref::<PyFloat>() {
        return Constant::Float(f.0);
    }
    if let Some(c) = v.downcast_ref::<PyComplex>() {
        return Constant::Complex { re: c.re, im: c.im };
    }
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Constant::Bytes(b.data.to_vec());
    }
    if let Some(t) = v.as_tuple() {
        return Constant::Tuple(t.iter().map(value_to_constant).collect());
    }
    if let Some(c) = v.downcast_ref::<PyCode>() {
        return Constant::Code(c.co.clone());
    }
    // Stands for a value with no compile-time form (only the length of the
    // table matters to the verifier).
    Constant::Ellipsis
}

fn code_replace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(self_v) = a.pos.first() else {
        return Err(vm.new_type_error("descriptor 'replace' of 'code' object needs an argument"));
    };
    let c = code_of(vm, self_v)?;
    if a.pos.len() > 1 {
        return Err(vm.new_type_error("replace() takes no positional arguments"));
    }
    let mut co: CodeObject = (*c.co).clone();
    let mut consts: Option<Vec<Value>> = None;
    let mut nlocals: Option<u32> = None;
    let mut linetable: Option<Vec<u8>> = None;
    for (i, v) in a.kwvalues.iter().enumerate() {
        let key = a.kwarg_name(i);
        match key {
            "co_argcount" => co.argcount = count_arg(vm, v, key)?,
            "co_posonlyargcount" => co.posonlyargcount = count_arg(vm, v, key)?,
            "co_kwonlyargcount" => co.kwonlyargcount = count_arg(vm, v, key)?,
            "co_nlocals" => nlocals = Some(count_arg(vm, v, key)?),
            "co_stacksize" => co.max_stack_depth = count_arg(vm, v, key)?,
            "co_flags" => co.flags = CodeFlags(count_arg(vm, v, key)?),
            "co_firstlineno" => co.first_line = count_arg(vm, v, key)?,
            "co_code" => {
                let units = code_bytes::decode_code_bytes(bytes_arg(vm, v, key)?).map_err(|e| vm.new_value_error(e))?;
                co.code = units.into_boxed_slice();
            }
            "co_consts" => consts = Some(tuple_arg(vm, v, key)?.to_vec()),
            "co_names" => co.names = names_arg(vm, v, key)?,
            "co_varnames" => co.varnames = names_arg(vm, v, key)?,
            "co_cellvars" => co.cellvars = same_len_names(vm, v, key, &co.cellvars)?,
            "co_freevars" => co.freevars = same_len_names(vm, v, key, &co.freevars)?,
            "co_filename" => co.filename = str_arg(vm, v, key)?,
            "co_name" => co.name = str_arg(vm, v, key)?,
            "co_qualname" => co.qualname = str_arg(vm, v, key)?,
            "co_linetable" => linetable = Some(bytes_arg(vm, v, key)?.to_vec()),
            "co_exceptiontable" => {
                let t =
                    code_bytes::decode_exception_table(bytes_arg(vm, v, key)?).map_err(|e| vm.new_value_error(e))?;
                co.exception_table = t.into_boxed_slice();
            }
            _ => return Err(vm.new_type_error(format!("'{key}' is an invalid keyword argument for replace()"))),
        }
    }
    let nargs = co.argcount as usize
        + co.kwonlyargcount as usize
        + usize::from(co.flags.has(CodeFlags::VARARGS))
        + usize::from(co.flags.has(CodeFlags::VARKEYWORDS));
    if nargs > co.varnames.len() {
        return Err(vm.new_value_error("code: co_varnames is too small"));
    }
    // The localsplus layout (slot kinds, cell slots) is kept, so the
    // number of locals cannot change.
    let nlocals = nlocals.map_or(c.co.varnames.len(), |n| n as usize);
    if nlocals != co.varnames.len() {
        return Err(vm.new_value_error("code: co_nlocals != len(co_varnames)"));
    }
    if nlocals != c.co.varnames.len() {
        return Err(vm.new_value_error("code: replace() cannot change the number of locals in Skein"));
    }
    if co.posonlyargcount > co.argcount {
        return Err(vm.new_value_error("code: co_posonlyargcount > co_argcount"));
    }
    match linetable {
        Some(t) => {
            let locs = code_bytes::decode_linetable(&t, co.code.len()).map_err(|e| vm.new_value_error(e))?;
            co.locations = locs.into_boxed_slice();
        }
        None if co.locations.len() != co.code.len() => {
            // New instructions without a new table: no positions.
            let mut locs = co.locations.to_vec();
            locs.resize(co.code.len(), Default::default());
            co.locations = locs.into_boxed_slice();
        }
        None => {}
    }
    co.n_cache_slots = co.code.iter().filter(|&&u| u as u8 == Opcode::CACHE as u8).count() as u32;
    let consts = match consts {
        Some(values) => {
            co.constants = values.iter().map(value_to_constant).collect();
            values
        }
        None => c.consts.to_vec(),
    };
    if co.docstring.is_some_and(|i| i as usize >= consts.len()) {
        co.docstring = None;
    }
    if let Err(msg) = skein_compiler::verify::verify(&co) {
        return Err(vm.new_value_error(format!("code: invalid bytecode: {msg}")));
    }
    check_kw_names(vm, &co, &consts)?;
    Ok(PyCode::with_consts(Arc::new(co), consts.into_boxed_slice()).into_value())
}

/// `CALL` reads its keyword names from the `KW_NAMES` constant: it must be
/// a tuple of strings (the verifier only sees compile-time constants).
pub(crate) fn check_kw_names(vm: &mut Vm, co: &CodeObject, consts: &[Value]) -> PyResult<()> {
    let mut i = 0;
    while let Some((op, arg, next)) = co.decode_at(i) {
        if op == Opcode::KW_NAMES {
            let ok = consts
                .get(arg as usize)
                .and_then(|t| t.as_tuple())
                .is_some_and(|t| t.iter().all(|n| n.as_str().is_some()));
            if !ok {
                return Err(vm.new_value_error("code: KW_NAMES constant must be a tuple of strings"));
            }
        }
        i = next;
    }
    Ok(())
}

/// Adds the code type's methods and attributes.
pub fn init_code_type() {
    let co = crate::function::CODE_TYPE.get();
    add_methods(
        co,
        &[
            ("__repr__", code_repr),
            ("__eq__", code_eq_method),
            ("__ne__", code_ne_method),
            ("__hash__", code_hash),
            ("co_lines", code_lines),
            ("co_positions", code_positions),
            ("replace", code_replace),
            ("_varname_from_oparg", code_varname_from_oparg),
        ],
    );
    crate::function::native::add_method_kind(
        co,
        "__new__",
        crate::types::code_new::code_new,
        crate::function::native::MethodKind::Static,
    );
    let getters: &[(&'static str, crate::function::descriptors::Getter)] = &[
        ("co_name", code_name),
        ("co_qualname", code_qualname),
        ("co_filename", code_filename),
        ("co_firstlineno", code_firstlineno),
        ("co_argcount", code_argcount),
        ("co_posonlyargcount", code_posonly),
        ("co_kwonlyargcount", code_kwonly),
        ("co_nlocals", code_nlocals),
        ("co_stacksize", code_stacksize),
        ("co_flags", code_flags),
        ("co_varnames", code_varnames),
        ("co_cellvars", code_cellvars),
        ("co_freevars", code_freevars),
        ("co_names", code_names),
        ("co_consts", code_consts),
        ("co_code", code_code),
        ("co_linetable", code_linetable),
        ("co_exceptiontable", code_exceptiontable),
    ];
    for &(name, getter) in getters {
        add_getset(co, name, getter, None);
    }
}
