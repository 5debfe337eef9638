//! `types.CodeType(...)`: CPython 3.11's 16 to 18 positional arguments
//! (`argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
//! codestring, constants, names, varnames, filename, name, qualname,
//! firstlineno, linetable, exceptiontable[, freevars[, cellvars]]`), with
//! its checks and messages.
//!
//! The byte strings are Skein's formats (`docs/bytecode.md`), as
//! `co_code`, `co_linetable` and `co_exceptiontable` give them. The new
//! code object gets its localsplus layout from the names (CPython's
//! `_Py_set_localsplus_info`: a cell variable that is also a local shares
//! its slot) and is verified like `code.replace()`'s result before
//! anything can run it: the dispatch loop trusts verified code.

use std::sync::Arc;

use skein_compiler::bytecode::{CodeFlags, CodeObject, LocalKind, Location};
use skein_compiler::code_bytes;

use crate::function::args::Args;
use crate::function::PyCode;
use crate::types::code_methods::{check_kw_names, value_to_constant};
use crate::types::exceptions::exc;
use crate::types::small::PyBytes;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn system_error(vm: &mut Vm) -> PyErr {
    // CPython's `PyErr_BadInternalCall` from `_PyCode_Validate`.
    vm.new_exception_msg(&exc().system_error, "Objects/codeobject.c:250: bad argument to internal function")
}

/// An `int` argument (C `int`: CPython's converter).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match i.as_i64() {
        Some(n) if i64::from(i32::MIN) <= n && n <= i64::from(i32::MAX) => Ok(n),
        _ => Err(vm.new_exception_msg(&exc().overflow_error, "Python int too large to convert to C int")),
    }
}

fn wrong_type(vm: &mut Vm, n: usize, want: &str, v: &Value) -> PyErr {
    let got = if v.is_none() { "None".to_string() } else { v.class().name().to_string() };
    vm.new_type_error(format!("code() argument {n} must be {want}, not {got}"))
}

fn bytes_arg<'v>(vm: &mut Vm, v: &'v Value, n: usize) -> PyResult<&'v [u8]> {
    match v.downcast_ref::<PyBytes>() {
        Some(b) => Ok(&b.data),
        None => Err(wrong_type(vm, n, "bytes", v)),
    }
}

fn tuple_arg<'v>(vm: &mut Vm, v: &'v Value, n: usize) -> PyResult<&'v [Value]> {
    match v.as_tuple() {
        Some(t) => Ok(t),
        None => Err(wrong_type(vm, n, "tuple", v)),
    }
}

fn str_arg(vm: &mut Vm, v: &Value, n: usize) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(wrong_type(vm, n, "str", v)),
    }
}

/// A tuple of names (CPython's `validate_and_copy_tuple`).
fn names_arg(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Box<[String]>> {
    let mut out = Vec::new();
    for item in tuple_arg(vm, v, n)? {
        match item.as_str() {
            Some(s) => out.push(s.to_string()),
            None => {
                return Err(
                    vm.new_type_error(format!("name tuples must contain only strings, not '{}'", item.class().name()))
                )
            }
        }
    }
    Ok(out.into_boxed_slice())
}

/// `code.__new__(cls, *args)`.
pub fn code_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = a.skip_self();
    if args.has_kwargs() {
        return Err(vm.new_type_error("code() takes no keyword arguments"));
    }
    let p = args.range(vm, "code", 16, 18)?;
    let mut ints = [0i64; 6];
    for (k, v) in p[..6].iter().enumerate() {
        ints[k] = int_arg(vm, v)?;
    }
    let [argcount, posonly, kwonly, nlocals, stacksize, flags] = ints;
    let code = bytes_arg(vm, &p[6], 7)?;
    let consts = tuple_arg(vm, &p[7], 8)?.to_vec();
    let names = names_arg(vm, &p[8], 9)?;
    let varnames = names_arg(vm, &p[9], 10)?;
    let filename = str_arg(vm, &p[10], 11)?;
    let name = str_arg(vm, &p[11], 12)?;
    let qualname = str_arg(vm, &p[12], 13)?;
    let first_line = int_arg(vm, &p[13])?;
    let linetable = bytes_arg(vm, &p[14], 15)?;
    let exceptiontable = bytes_arg(vm, &p[15], 16)?;
    let freevars = match p.get(16) {
        Some(v) => names_arg(vm, v, 17)?,
        None => Box::new([]),
    };
    let cellvars = match p.get(17) {
        Some(v) => names_arg(vm, v, 18)?,
        None => Box::new([]),
    };
    for (v, what) in
        [(argcount, "argcount"), (posonly, "posonlyargcount"), (kwonly, "kwonlyargcount"), (nlocals, "nlocals")]
    {
        if v < 0 {
            return Err(vm.new_value_error(format!("code: {what} must not be negative")));
        }
    }
    if argcount < posonly || stacksize < 0 || flags < 0 {
        return Err(system_error(vm));
    }
    let units = code_bytes::decode_code_bytes(code).map_err(|_| vm.new_value_error("code: co_code is malformed"))?;
    let flags = CodeFlags(flags as u32);
    let nargs =
        argcount + kwonly + i64::from(flags.has(CodeFlags::VARARGS)) + i64::from(flags.has(CodeFlags::VARKEYWORDS));
    if (varnames.len() as i64) < nargs {
        return Err(vm.new_value_error("code: co_varnames is too small"));
    }
    if nlocals as usize != varnames.len() {
        return Err(vm.new_value_error("code: co_nlocals != len(co_varnames)"));
    }
    let locations: Vec<Location> = if linetable.is_empty() {
        // No table: no positions (CPython accepts any bytes here).
        vec![Location::default(); units.len()]
    } else {
        code_bytes::decode_linetable(linetable, units.len()).map_err(|e| vm.new_value_error(format!("code: {e}")))?
    };
    let exception_table =
        code_bytes::decode_exception_table(exceptiontable).map_err(|e| vm.new_value_error(format!("code: {e}")))?;
    // Localsplus: the locals, the cells that are not locals, the free
    // variables.
    let mut kinds = vec![LocalKind::LOCAL; varnames.len()];
    let mut cell_slots = Vec::with_capacity(cellvars.len());
    for c in cellvars.iter() {
        let slot = match varnames.iter().position(|v| v == c) {
            Some(i) => {
                kinds[i] |= LocalKind::CELL;
                i
            }
            None => {
                kinds.push(LocalKind::CELL);
                kinds.len() - 1
            }
        };
        cell_slots.push(slot as u32);
    }
    kinds.extend(std::iter::repeat(LocalKind::FREE).take(freevars.len()));
    let n_cache_slots =
        units.iter().filter(|&&u| u as u8 == skein_compiler::bytecode::Opcode::CACHE as u8).count() as u32;
    let co = CodeObject {
        name,
        qualname,
        filename,
        first_line: first_line.max(0) as u32,
        flags,
        argcount: argcount as u32,
        posonlyargcount: posonly as u32,
        kwonlyargcount: kwonly as u32,
        code: units.into_boxed_slice(),
        locations: locations.into_boxed_slice(),
        constants: consts.iter().map(value_to_constant).collect(),
        names,
        varnames,
        cellvars,
        freevars,
        localsplus_kinds: kinds.into_boxed_slice(),
        cell_slots: cell_slots.into_boxed_slice(),
        // CPython 3.11 takes a function's `__doc__` from `co_consts[0]`
        // when it is a string.
        docstring: consts.first().and_then(|c| c.as_str()).map(|_| 0),
        max_stack_depth: stacksize as u32,
        n_cache_slots,
        exception_table: exception_table.into_boxed_slice(),
    };
    if let Err(msg) = skein_compiler::verify::verify(&co) {
        return Err(vm.new_value_error(format!("code: invalid bytecode: {msg}")));
    }
    check_kw_names(vm, &co, &consts)?;
    Ok(PyCode::with_consts(Arc::new(co), consts.into_boxed_slice()).into_value())
}
