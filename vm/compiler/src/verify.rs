//! A bytecode verifier: checks the structural invariants documented in
//! `bytecode.rs` on a finished code object (and its nested code objects).
//!
//! Used by the compiler's tests over large corpora; the interpreter may run
//! it in debug builds on code objects it did not get from this compiler.
//! Checks: jump and handler targets are instruction starts; cache units are
//! where they belong and numbered `0..n_cache_slots`; operand indices are in
//! range; `KW_NAMES` precedes a `CALL` with enough arguments; the stack
//! depth is consistent on every path (exception handlers included), never
//! negative and within `max_stack_depth`; `COPY n` and `SWAP n` reach no
//! deeper than the stack.

use crate::bytecode::{CodeObject, Constant, Instr, Opcode};

/// Verifies `code` and every code object nested in its constants.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in code.constants.iter() {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

struct Decoded {
    start: usize,
    op: Opcode,
    arg: u32,
    next: usize,
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    if code.locations.len() != code.code.len() {
        return Err("locations and code differ in length".into());
    }
    // Decode and check cache placement.
    let mut ins = Vec::new();
    // Instruction number of each code unit that starts an instruction
    // (`NONE` elsewhere): a vector, since the interpreter verifies every code
    // object it loads and a hash map cost more than the rest of the checks.
    let mut index_of = vec![NONE; code.code.len()];
    let mut i = 0;
    let mut next_cache = 0u32;
    while i < code.code.len() {
        let (op, arg, next) = code.decode_at(i).ok_or_else(|| format!("undecodable unit at {i}"))?;
        // Bytecode from `types.CodeType` / `replace()` may end inside an
        // instruction (its cache unit missing) or pile up prefixes (the
        // interpreter keeps an instruction's length in a byte).
        if next > code.code.len() {
            return Err(format!("instruction at {i} runs past the end"));
        }
        if next - i > 4 {
            return Err(format!("too many EXTENDED_ARG prefixes at {i}"));
        }
        if op == Opcode::CACHE {
            return Err(format!("stray CACHE at {i}"));
        }
        if op.has_cache() {
            let cache = Instr(code.code[next - 1]);
            if cache.op() != Some(Opcode::CACHE) || cache.arg() != next_cache {
                return Err(format!("bad cache unit after {} at {i}", op.name()));
            }
            next_cache += 1;
        }
        index_of[i] = ins.len();
        ins.push(Decoded { start: i, op, arg, next });
        i = next;
    }
    if next_cache != code.n_cache_slots {
        return Err(format!("{} caches but n_cache_slots = {}", next_cache, code.n_cache_slots));
    }
    let target = |t: u32| match index_of.get(t as usize) {
        Some(&k) if k != NONE => Ok(k),
        _ => Err(format!("target {t} is not an instruction")),
    };
    // Operands.
    let nlocals = code.n_localsplus();
    for (k, d) in ins.iter().enumerate() {
        let a = d.arg as usize;
        let ok = match d.op {
            Opcode::LOAD_CONST | Opcode::RETURN_CONST | Opcode::KW_NAMES => a < code.constants.len(),
            Opcode::LOAD_FAST | Opcode::LOAD_FAST_CHECK | Opcode::STORE_FAST | Opcode::DELETE_FAST => {
                a < code.varnames.len()
            }
            Opcode::LOAD_FAST__LOAD_FAST | Opcode::STORE_FAST__STORE_FAST | Opcode::STORE_FAST__LOAD_FAST => {
                (a >> 12) < code.varnames.len() && (a & 0xfff) < code.varnames.len()
            }
            Opcode::LOAD_FAST__LOAD_CONST => (a >> 12) < code.varnames.len() && (a & 0xfff) < code.constants.len(),
            Opcode::MAKE_CELL
            | Opcode::LOAD_CLOSURE
            | Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::LOAD_CLASSDEREF => a < nlocals,
            Opcode::LOAD_GLOBAL | Opcode::LOAD_ATTR => (a >> 1) < code.names.len(),
            Opcode::LOAD_NAME
            | Opcode::STORE_NAME
            | Opcode::DELETE_NAME
            | Opcode::STORE_GLOBAL
            | Opcode::DELETE_GLOBAL
            | Opcode::STORE_ATTR
            | Opcode::DELETE_ATTR
            | Opcode::IMPORT_NAME
            | Opcode::IMPORT_FROM => a < code.names.len(),
            Opcode::COPY_FREE_VARS => a == code.freevars.len(),
            _ => true,
        };
        if !ok {
            return Err(format!("operand {a} of {} at {} out of range", d.op.name(), d.start));
        }
        if d.op == Opcode::KW_NAMES {
            let Some(Constant::Tuple(names)) = code.constants.get(a) else {
                return Err(format!("KW_NAMES at {} is not a tuple", d.start));
            };
            match ins.get(k + 1) {
                Some(n) if n.op == Opcode::CALL && n.arg as usize >= names.len() => {}
                _ => return Err(format!("KW_NAMES at {} not followed by a matching CALL", d.start)),
            }
        }
        if d.op.is_jump() {
            target(d.arg)?;
        }
    }
    // Exception table.
    let mut last_end = 0;
    for e in code.exception_table.iter() {
        if e.start >= e.end || e.start < last_end {
            return Err(format!("bad exception entry {e:?}"));
        }
        target(e.start)?;
        target(e.handler)?;
        if (e.end as usize) < code.code.len() {
            target(e.end)?;
        }
        last_end = e.end;
    }
    check_stack(code, &ins, &index_of)
}

const NONE: usize = usize::MAX;

fn check_stack(code: &CodeObject, ins: &[Decoded], index_of: &[usize]) -> Result<(), String> {
    let mut depth_at: Vec<Option<i64>> = vec![None; ins.len()];
    let mut work = vec![(0usize, 0i64)];
    let max = i64::from(code.max_stack_depth);
    while let Some((k, depth)) = work.pop() {
        let Some(d) = ins.get(k) else { continue };
        match depth_at[k] {
            Some(old) if old == depth => continue,
            Some(old) => return Err(format!("stack depth {old} vs {depth} at {}", d.start)),
            None => depth_at[k] = Some(depth),
        }
        if let Some(e) = code.handler_for(d.start as u32) {
            if i64::from(e.depth) > depth {
                return Err(format!("handler depth {} above stack {depth} at {}", e.depth, d.start));
            }
            let entry = i64::from(e.depth) + 1 + i64::from(e.push_lasti);
            work.push((index_of[e.handler as usize], entry));
        }
        // The interpreter reads these operands without bounds checks.
        if matches!(d.op, Opcode::COPY | Opcode::SWAP) && (d.arg == 0 || i64::from(d.arg) > depth) {
            return Err(format!("{} {} with stack depth {depth} at {}", d.op.name(), d.arg, d.start));
        }
        let after = depth + i64::from(d.op.stack_effect(d.arg, false).unwrap_or(0));
        if after < 0 || after > max {
            return Err(format!("stack depth {after} after {} at {} (max {max})", d.op.name(), d.start));
        }
        if d.op.is_jump() {
            let taken = depth + i64::from(d.op.stack_effect(d.arg, true).unwrap_or(0));
            work.push((index_of[d.arg as usize], taken));
        }
        if !d.op.is_terminator() && d.next < code.code.len() {
            work.push((k + 1, after));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::verify;
    use crate::bytecode::{Instr, Opcode};
    use crate::{compile, Mode};

    /// Truncated or prefix-laden bytecode (as `types.CodeType` may give)
    /// is an error, never a panic.
    #[test]
    fn malformed_units_are_errors() {
        let base = compile("x.y\n", "<t>", Mode::Exec).unwrap_or_else(|e| panic!("{e}"));
        for cut in 0..base.code.len() {
            let mut c = base.clone();
            c.code = c.code[..cut].to_vec().into_boxed_slice();
            c.locations = c.locations[..cut].to_vec().into_boxed_slice();
            let _ = verify(&c);
        }
        let mut c = base.clone();
        let mut units = vec![Instr::new(Opcode::EXTENDED_ARG, 0).0; 300];
        units.extend(c.code.iter().copied());
        c.locations = vec![Default::default(); units.len()].into_boxed_slice();
        c.code = units.into_boxed_slice();
        assert!(verify(&c).is_err());
    }
}
