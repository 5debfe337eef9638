//! `_opcode`: Skein's instruction set as data, for `opcode.py` and `dis.py`
//! (both in `vm/lib/`).  Everything comes from the compiler's tables
//! (`skein_compiler::bytecode`, `skein_compiler::arg_kind`), so the Python
//! view cannot drift from what the compiler emits.
//!
//! * `opnames`: the opcode names, indexed by opcode byte.
//! * `arg_kinds`: per opcode, what its argument means (`"none"`, `"const"`,
//!   `"name"`, `"global"`, `"attr"`, `"local"`, `"free"`, `"local_pair"`,
//!   `"local_const"`, `"jump"`, `"compare"`, `"binary_op"`,
//!   `"intrinsic1"`, `"intrinsic2"`, `"format"`, `"make_function"`,
//!   `"cache_slot"`, `"int"`).
//! * `cache_entries`: per opcode, how many `CACHE` units follow it.
//! * `binary_ops`, `compare_ops`, `intrinsic1`, `intrinsic2`: the
//!   argument descriptions, indexed by argument.
//! * `code_unit_bytes`: bytes per unit in `co_code` (4).
//! * `stack_effect(opcode, oparg=None, /, *, jump=None)`, as CPython's.

use skein_compiler::arg_kind::ArgKind;
use skein_compiler::bytecode::{BinaryOp, CompareOp, Intrinsic1, Intrinsic2, Opcode};

use crate::function::args::Args;
use crate::function::native::new_function;
use crate::object::PyRef;
use crate::types::int::int_from_i64;
use crate::types::module::PyModule;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn strings<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> Value {
    new_tuple(items.into_iter().map(|s| new_str(s.as_ref())).collect())
}

/// Descriptions of the arguments `0..` of a decoder, up to the first
/// argument it rejects.
fn table(describe: impl Fn(u32) -> Option<&'static str>) -> Value {
    strings((0..).map_while(describe))
}

fn stack_effect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.bind(vm, "stack_effect", &["opcode", "oparg", "jump"], 2)?;
    if args.pos.len() > 2 {
        return Err(vm.new_type_error(format!("stack_effect expected at most 2 arguments, got {}", args.pos.len())));
    }
    let Some(op_v) = &s[0] else {
        return Err(vm.new_type_error("stack_effect expected at least 1 argument, got 0"));
    };
    let op_i = vm.index(op_v)?.as_i64().unwrap_or(-1);
    let op = u8::try_from(op_i)
        .ok()
        .and_then(Opcode::from_u8)
        .filter(|o| !matches!(o, Opcode::CACHE | Opcode::EXTENDED_ARG));
    let Some(op) = op else {
        return Err(vm.new_value_error("invalid opcode or oparg"));
    };
    let oparg = match s[1].as_ref().filter(|v| !v.is_none()) {
        Some(v) => Some(vm.index(v)?.as_i64().unwrap_or(-1)),
        None => None,
    };
    let has_arg = op.arg_kind() != ArgKind::None;
    let arg = match (has_arg, oparg) {
        (true, None) => {
            return Err(vm.new_value_error("stack_effect: opcode requires oparg but oparg was not specified"))
        }
        (false, Some(_)) => {
            return Err(vm.new_value_error("stack_effect: opcode does not permit oparg but oparg was specified"))
        }
        (_, Some(a)) => u32::try_from(a).map_err(|_| vm.new_value_error("invalid opcode or oparg"))?,
        (false, None) => 0,
    };
    let jump = match s[2].as_ref().filter(|v| !v.is_none()) {
        Some(v) => Some(vm.truthy(v)?),
        None => None,
    };
    let effect = |j| op.stack_effect(arg, j);
    let e = match jump {
        Some(j) => effect(j),
        None => effect(false).zip(effect(true)).map(|(a, b)| a.max(b)),
    };
    match e {
        Some(e) => Ok(int_from_i64(e.into())),
        None => Err(vm.new_value_error("invalid opcode or oparg")),
    }
}

pub fn make_module() -> PyRef<PyModule> {
    let m = PyModule::new("_opcode");
    m.set_attr("opnames", strings(Opcode::ALL.iter().map(|o| o.name())));
    m.set_attr("arg_kinds", strings(Opcode::ALL.iter().map(|o| o.arg_kind().name())));
    m.set_attr(
        "cache_entries",
        new_tuple(Opcode::ALL.iter().map(|o| int_from_i64(i64::from(o.has_cache()))).collect()),
    );
    m.set_attr("binary_ops", table(|a| BinaryOp::from_arg(a).map(BinaryOp::symbol)));
    m.set_attr("compare_ops", table(|a| CompareOp::from_arg(a).map(CompareOp::symbol)));
    m.set_attr(
        "intrinsic1",
        table(
            |a| if a == 0 { Some(Intrinsic1::Invalid.name()) } else { Intrinsic1::from_arg(a).map(Intrinsic1::name) },
        ),
    );
    m.set_attr(
        "intrinsic2",
        table(|a| match a {
            0 => Some("INTRINSIC_2_INVALID"),
            _ => Intrinsic2::from_arg(a).map(|i| match i {
                Intrinsic2::Invalid => "INTRINSIC_2_INVALID",
                Intrinsic2::PrepReraiseStar => "INTRINSIC_PREP_RERAISE_STAR",
            }),
        }),
    );
    m.set_attr("code_unit_bytes", int_from_i64(skein_compiler::code_bytes::UNIT_BYTES as i64));
    m.set_attr("stack_effect", new_function("stack_effect", stack_effect, "_opcode"));
    m
}
