//! Disassembly: a `dis`-like text listing and a structured instruction
//! list (for the `dis` module and tests).

use std::fmt::Write as _;

use crate::bytecode::{BinaryOp, CodeObject, CompareOp, Constant, Intrinsic1, Intrinsic2, Location, Opcode};

/// One decoded instruction (`EXTENDED_ARG` prefixes folded in, caches
/// skipped), as `dis.get_instructions` reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct InstructionInfo {
    /// Unit index of the instruction (of its `EXTENDED_ARG` prefix).
    pub offset: u32,
    pub op: Opcode,
    pub arg: u32,
    /// Human-readable argument (`dis`'s `argrepr`).
    pub argrepr: String,
    /// Whether some jump or handler targets this instruction.
    pub is_jump_target: bool,
    pub location: Location,
}

/// The instructions of `code` in order.
pub fn instructions(code: &CodeObject) -> Vec<InstructionInfo> {
    let targets = jump_targets(code);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((op, arg, next)) = code.decode_at(i) {
        out.push(InstructionInfo {
            offset: i as u32,
            op,
            arg,
            argrepr: describe_arg(code, op, arg),
            is_jump_target: targets.contains(&(i as u32)),
            location: code.locations.get(i).copied().unwrap_or_default(),
        });
        i = next;
    }
    out
}

/// A `dis`-like listing of `code` and, recursively, of the code objects in
/// its constants.  Cache and `EXTENDED_ARG` units are not shown; offsets are
/// unit indices; `>>` marks jump targets.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out, true);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String, recurse: bool) {
    let targets = jump_targets(code);
    let mut i = 0;
    let mut last_line = u32::MAX;
    let mut start = 0;
    while i < code.code.len() {
        let Some((op, arg, next)) = code.decode_at(i) else {
            let _ = writeln!(out, "{:>13} {i:>5} <bad unit {:#010x}>", "", code.code[i]);
            i += 1;
            start = i;
            continue;
        };
        let loc = code.locations.get(start).copied().unwrap_or_default();
        let line = if loc.line != last_line && loc.line != 0 {
            last_line = loc.line;
            format!("{:>4}", loc.line)
        } else {
            String::from("    ")
        };
        if !line.trim().is_empty() && start != 0 {
            out.push('\n');
        }
        let mark = if targets.contains(&(start as u32)) { ">>" } else { "  " };
        let detail = describe_arg(code, op, arg);
        let argtext = if takes_arg(op) { format!("{arg}") } else { String::new() };
        let text = format!("{line}        {mark}{start:>5} {:<28} {argtext:>5}", op.name());
        let text = if detail.is_empty() { text.trim_end().to_string() } else { format!("{text} ({detail})") };
        let _ = writeln!(out, "{text}");
        i = next;
        start = i;
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in code.exception_table.iter() {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.handler,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
    if recurse {
        for c in code.constants.iter() {
            if let Constant::Code(inner) = c {
                let _ = writeln!(
                    out,
                    "\nDisassembly of <code object {}, file \"{}\", line {}>:",
                    inner.name, inner.filename, inner.first_line
                );
                disassemble_into(inner, out, true);
            }
        }
    }
}

fn jump_targets(code: &CodeObject) -> Vec<u32> {
    let mut targets = Vec::new();
    let mut i = 0;
    while let Some((op, arg, next)) = code.decode_at(i) {
        if op.is_jump() {
            targets.push(arg);
        }
        i = next;
    }
    for e in code.exception_table.iter() {
        targets.push(e.handler);
    }
    targets
}

/// True if `op` uses its argument (for listings).
pub fn takes_arg(op: Opcode) -> bool {
    op.arg_kind() != crate::arg_kind::ArgKind::None
}

fn describe_arg(code: &CodeObject, op: Opcode, arg: u32) -> String {
    use Opcode::*;
    let name = |i: u32| code.names.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    let local = |i: u32| code.localsplus_name(i as usize).to_string();
    let cnst = |i: u32| code.constants.get(i as usize).map_or_else(|| "?".into(), Constant::repr);
    match op {
        LOAD_CONST | RETURN_CONST | KW_NAMES => cnst(arg),
        LOAD_FAST | LOAD_FAST_CHECK | STORE_FAST | DELETE_FAST | MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF
        | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF => local(arg),
        LOAD_FAST__LOAD_FAST | STORE_FAST__STORE_FAST | STORE_FAST__LOAD_FAST => {
            format!("{}, {}", local(arg >> 12), local(arg & 0xfff))
        }
        LOAD_FAST__LOAD_CONST => format!("{}, {}", local(arg >> 12), cnst(arg & 0xfff)),
        LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | STORE_ATTR | DELETE_ATTR
        | IMPORT_NAME | IMPORT_FROM => name(arg),
        LOAD_GLOBAL => {
            if arg & 1 == 1 {
                format!("NULL + {}", name(arg >> 1))
            } else {
                name(arg >> 1)
            }
        }
        LOAD_ATTR => {
            if arg & 1 == 1 {
                format!("NULL|self + {}", name(arg >> 1))
            } else {
                name(arg >> 1)
            }
        }
        BINARY_OP => BinaryOp::from_arg(arg).map_or("?", BinaryOp::symbol).into(),
        COMPARE_OP => CompareOp::from_arg(arg).map_or("?", CompareOp::symbol).into(),
        IS_OP => if arg == 1 { "is not" } else { "is" }.into(),
        CONTAINS_OP => if arg == 1 { "not in" } else { "in" }.into(),
        CALL_INTRINSIC_1 => Intrinsic1::from_arg(arg).map_or("?", Intrinsic1::name).into(),
        CALL_INTRINSIC_2 => match Intrinsic2::from_arg(arg) {
            Some(Intrinsic2::PrepReraiseStar) => "INTRINSIC_PREP_RERAISE_STAR".into(),
            _ => "?".into(),
        },
        FORMAT_VALUE => {
            let conv = match arg & 3 {
                1 => "str",
                2 => "repr",
                3 => "ascii",
                _ => "",
            };
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            match (conv.is_empty(), spec.is_empty()) {
                (true, true) => String::new(),
                (false, true) => conv.into(),
                (true, false) => spec.into(),
                (false, false) => format!("{conv}, {spec}"),
            }
        }
        op if op.is_jump() => format!("to {arg}"),
        _ => String::new(),
    }
}
