//! Crate tests: scoping tables, disassembly of small snippets, and
//! SyntaxError messages checked against CPython 3.11.

mod codegen;
mod errors;
mod pyast;
mod scoping;

use crate::bytecode::{CodeObject, Constant};
use crate::dis::{instructions, takes_arg};
use crate::{compile, Mode};

/// One line per instruction: `OPNAME detail`; jump targets are shown as
/// `to #k`, the ordinal of the target instruction.
pub(crate) fn listing(code: &CodeObject) -> Vec<String> {
    let ins = instructions(code);
    ins.iter()
        .map(|i| {
            let detail = if i.op.is_jump() {
                // Jump targets as instruction ordinals, independent of caches.
                let k = ins.iter().position(|t| t.offset == i.arg).map_or(-1, |p| p as i64);
                format!("to #{k}")
            } else {
                i.argrepr.clone()
            };
            if !detail.is_empty() {
                format!("{} {detail}", i.op.name())
            } else if takes_arg(i.op) {
                format!("{} {}", i.op.name(), i.arg)
            } else {
                i.op.name().to_string()
            }
        })
        .collect()
}

/// Compiles a module, panicking with the error on failure.
pub(crate) fn module(src: &str) -> CodeObject {
    match compile(src, "<test>", Mode::Exec) {
        Ok(c) => {
            if let Err(e) = crate::verify::verify(&c) {
                panic!("verifier: {e}\n{src}");
            }
            c
        }
        Err(e) => panic!("compile failed: {e}\n{src}"),
    }
}

/// The nested code object with the given name (depth-first).
pub(crate) fn find_code<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
    for c in code.constants.iter() {
        if let Constant::Code(inner) = c {
            if inner.name == name {
                return Some(inner);
            }
            if let Some(found) = find_code(inner, name) {
                return Some(found);
            }
        }
    }
    None
}

/// Listing of the module code (`name == None`) or of a nested code object.
pub(crate) fn dis(src: &str, name: Option<&str>) -> Vec<String> {
    let code = module(src);
    match name {
        None => listing(&code),
        Some(n) => listing(find_code(&code, n).unwrap_or_else(|| panic!("no code object {n}"))),
    }
}
