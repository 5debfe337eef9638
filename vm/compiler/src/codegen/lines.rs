//! Line numbers of instructions the code generator left without one
//! (line 0: "artificial", CPython's `UNSET_LOC`): the jump after an `if`
//! body, a loop's back edge, the clean-up after an `except` body, the
//! implicit `return None`...  CPython 3.11's `duplicate_exits_without_lineno`,
//! `propagate_line_numbers` and `guarantee_lineno_for_exits`, so that the
//! line table, and with it `sys.settrace`'s 'line' events and `f_lineno`,
//! are 3.11's: an artificial instruction takes the location of the
//! instruction before it in its block, or of the block's only predecessor;
//! one that still has none keeps none (a handler's entry), except an exit,
//! which gets the last line laid out before it.

use crate::bytecode::{Location, Opcode};

use super::{is_uncond, BInstr, Block, Op, NO_TARGET};

fn is_return(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::RETURN_CONST | Opcode::RETURN_VALUE))
}

/// The instructions of a block that are real (not `Setup*` markers).
fn real(b: &Block) -> impl Iterator<Item = &BInstr> {
    b.instrs.iter().filter(|bi| !bi.ins.op.is_setup())
}

fn falls_through(b: &Block) -> bool {
    real(b).last().is_none_or(|bi| !is_uncond(bi.ins.op))
}

fn is_exit_without_line(b: &Block) -> bool {
    real(b).last().is_some_and(|bi| is_return(bi.ins.op)) && real(b).all(|bi| bi.ins.loc.line == 0)
}

/// Jump, fall-through and handler edges into each reachable block.
fn predecessors(blocks: &[Block]) -> Vec<u32> {
    let mut preds = vec![0u32; blocks.len()];
    for (b, block) in blocks.iter().enumerate().filter(|(_, b)| b.reachable) {
        for bi in &block.instrs {
            if bi.target != NO_TARGET {
                preds[bi.target] += 1;
            }
        }
        if falls_through(block) && b + 1 < blocks.len() {
            preds[b + 1] += 1;
        }
    }
    preds
}

/// Gives every artificial instruction its line where CPython 3.11 does.
/// A conditional jump to a shared `return` without a line gets its own
/// copy of it (so each path returns on its own line): the copies are
/// appended to `blocks` and the result lists, per block, the copies laid
/// out right after it (see [`layout`]).
pub(super) fn assign(blocks: &mut Vec<Block>, first_line: u32) -> Vec<Vec<usize>> {
    let n = blocks.len();
    let mut extra_after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut preds = predecessors(blocks);
    // A copy is only laid out after a block ending in a return; appending
    // it is safe unless the last block falls off the end (never in
    // compiled code, which ends every path with a return or raise).
    let can_append = blocks.last().is_none_or(|b| !b.reachable || !falls_through(b));
    for b in 0..n {
        if !can_append || !blocks[b].reachable {
            continue;
        }
        let Some(last) = real(&blocks[b]).last() else { continue };
        let t = last.target;
        let conditional = matches!(last.ins.op, Op::Real(o) if o.is_jump() && o != Opcode::FOR_ITER);
        if !conditional || t == NO_TARGET || preds[t] < 2 || !is_exit_without_line(&blocks[t]) {
            continue;
        }
        let copy = Block { instrs: blocks[t].instrs.clone(), raw: Vec::new(), reachable: true, start_depth: None };
        blocks.push(copy);
        let new = blocks.len() - 1;
        preds[t] -= 1;
        preds.push(1);
        if let Some(l) = blocks[b].instrs.iter_mut().rev().find(|bi| !bi.ins.op.is_setup()) {
            l.target = new;
        }
        extra_after[t].push(new);
    }
    let order = layout(blocks, &extra_after);
    for &b in &order {
        let mut prev = Location::default();
        for bi in blocks[b].instrs.iter_mut().filter(|bi| !bi.ins.op.is_setup()) {
            if bi.ins.loc.line == 0 {
                bi.ins.loc = prev;
            } else {
                prev = bi.ins.loc;
            }
        }
        if prev.line == 0 {
            continue;
        }
        let inherit = |blocks: &mut Vec<Block>, to: usize| {
            if preds[to] == 1 {
                if let Some(first) = blocks[to].instrs.iter_mut().find(|bi| !bi.ins.op.is_setup()) {
                    if first.ins.loc.line == 0 {
                        first.ins.loc = prev;
                    }
                }
            }
        };
        if falls_through(&blocks[b]) && b + 1 < n {
            inherit(blocks, b + 1);
        }
        if let Some(t) = real(&blocks[b]).last().map(|bi| bi.target).filter(|&t| t != NO_TARGET) {
            inherit(blocks, t);
        }
    }
    // Exits still without a line (reached from several places, none of
    // which gave it one) take the last line laid out before them.
    let mut line = first_line;
    for &b in &order {
        let Some(last) = real(&blocks[b]).last() else { continue };
        if last.ins.loc.line != 0 {
            line = last.ins.loc.line;
        } else if is_return(last.ins.op) {
            let loc = Location { line, end_line: line, col: 0, end_col: 0 };
            for bi in blocks[b].instrs.iter_mut().filter(|bi| bi.ins.loc.line == 0) {
                bi.ins.loc = loc;
            }
        }
    }
    extra_after
}

/// The reachable blocks in layout order: code order, each block followed
/// by the copies of it that [`assign`] made.
pub(super) fn layout(blocks: &[Block], extra_after: &[Vec<usize>]) -> Vec<usize> {
    let mut order = Vec::with_capacity(blocks.len());
    for (b, copies) in extra_after.iter().enumerate() {
        if blocks[b].reachable {
            order.push(b);
            order.extend(copies.iter().copied());
        }
    }
    order
}
