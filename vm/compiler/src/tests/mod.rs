//! Crate tests: scoping tables, disassembly of small snippets, and
//! SyntaxError messages checked against CPython 3.11.

mod codegen;
mod errors;
mod scoping;

use crate::bytecode::{describe_arg, takes_arg, CodeObject, Constant};
use crate::{compile, Mode};

/// One line per instruction: `OPNAME detail` (jump targets as `to N`).
pub(crate) fn listing(code: &CodeObject) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((op, arg, next)) = code.decode_at(i) {
        let detail = describe_arg(code, op, arg);
        let line = if !detail.is_empty() {
            format!("{} {detail}", op.name())
        } else if takes_arg(op) {
            format!("{} {arg}", op.name())
        } else {
            op.name().to_string()
        };
        out.push(line);
        i = next;
    }
    out
}

/// Compiles a module, panicking with the error on failure.
pub(crate) fn module(src: &str) -> CodeObject {
    match compile(src, "<test>", Mode::Exec) {
        Ok(c) => c,
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
