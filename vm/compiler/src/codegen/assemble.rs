//! Assembly: instruction list -> code units, exception table, stack depth.
//!
//! Passes, in order (CPython's flowgraph + assembler, simplified):
//! 1. split the list into basic blocks;
//! 2. walk the flow graph from the entry carrying the stack of active
//!    handlers, which labels each instruction with its innermost handler,
//!    finds the reachable blocks and drops the pseudo instructions;
//! 3. compute stack depths (and each handler's unwind depth);
//! 4. decide `LOAD_FAST` vs `LOAD_FAST_CHECK` by a definite-assignment
//!    dataflow over fast locals;
//! 5. peephole: drop jumps to the next block, fuse superinstructions;
//! 6. lay out, resolve jumps (absolute unit indices, `EXTENDED_ARG` where
//!    needed) and emit units, locations and the exception table.
//!
//! Errors are compiler bugs (unbound label, inconsistent stack); they are
//! reported as `Err(String)`, never as panics.

use crate::bytecode::{ExceptionEntry, Instr, Location, Opcode, MAX_UNIT_ARG};

use super::ir::{Ins, InstrList, Op};

#[path = "lines.rs"]
mod lines;

/// What assembly needs to know about the code object.
pub(crate) struct AsmInfo {
    /// Fast-local slots bound on entry (the parameters).
    pub(crate) n_params: usize,
    /// Number of plain fast-local slots (`varnames.len()`).
    pub(crate) n_varnames: usize,
    /// Whether the code uses fast locals at all.
    pub(crate) optimized: bool,
    /// The code object's first line (for exits left without a line).
    pub(crate) first_line: u32,
}

/// The assembled pieces of a code object.
pub(crate) struct Assembled {
    pub(crate) code: Box<[u32]>,
    pub(crate) locations: Box<[Location]>,
    pub(crate) exception_table: Box<[ExceptionEntry]>,
    pub(crate) max_stack_depth: u32,
    pub(crate) n_cache_slots: u32,
}

#[derive(Clone)]
struct Handler {
    block: usize,
    /// Pushes lasti before the exception.
    lasti: bool,
    /// Extra entries dropped below the setup depth (1 for `with`).
    drop: u32,
    /// Unwind depth, filled by the stack-depth pass.
    depth: Option<u32>,
    /// Handlers active around the protected region (for the handler body).
    outer: Vec<usize>,
    /// Some instruction is protected by it (else its body is dead code).
    used: bool,
}

#[derive(Clone)]
pub(super) struct BInstr {
    ins: Ins,
    /// Target block for jumps.
    target: usize,
    /// Active handler (index into `handlers`).
    handler: Option<usize>,
}

pub(super) struct Block {
    instrs: Vec<BInstr>,
    /// Raw instructions before pass 2.
    raw: Vec<Ins>,
    reachable: bool,
    start_depth: Option<u32>,
}

pub(super) const NO_TARGET: usize = usize::MAX;

pub(super) fn is_uncond(op: Op) -> bool {
    match op {
        Op::Jump => true,
        Op::Real(o) => o.is_terminator(),
        _ => false,
    }
}

fn ends_block(op: Op) -> bool {
    match op {
        Op::Jump => true,
        Op::Real(o) => o.is_terminator() || o.is_jump(),
        _ => false,
    }
}

pub(crate) fn assemble(list: InstrList, info: &AsmInfo) -> Result<Assembled, String> {
    let InstrList { instrs, labels } = list;
    // ---- 1. basic blocks ----
    let mut starts = vec![false; instrs.len() + 1];
    for pos in labels.iter().flatten() {
        starts[*pos] = true;
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut block_at = vec![usize::MAX; instrs.len() + 1];
    let mut cur: Vec<Ins> = Vec::new();
    let mut cur_start = 0;
    for (i, ins) in instrs.iter().enumerate() {
        if starts[i] && (!cur.is_empty() || i != cur_start) {
            block_at[cur_start] = blocks.len();
            blocks.push(new_block(std::mem::take(&mut cur)));
            cur_start = i;
        }
        cur.push(*ins);
        if ends_block(ins.op) {
            block_at[cur_start] = blocks.len();
            blocks.push(new_block(std::mem::take(&mut cur)));
            cur_start = i + 1;
        }
    }
    block_at[cur_start] = blocks.len();
    blocks.push(new_block(cur));
    // A label bound at position p refers to the block starting at p.
    let label_block = |l: super::ir::Label| -> Result<usize, String> {
        let pos = labels.get(l.0 as usize).copied().flatten().ok_or_else(|| format!("label {} never bound", l.0))?;
        match block_at[pos] {
            usize::MAX => Err(format!("label {} not at a block start", l.0)),
            b => Ok(b),
        }
    };

    // ---- 1b. jump threading: a jump to an unconditional jump goes straight
    // to the final target.  Conditional jumps are only redirected forward,
    // so that every back edge stays a JUMP_BACKWARD (eval-breaker check).
    for b in 0..blocks.len() {
        let Some(last) = blocks[b].raw.last().copied() else {
            continue;
        };
        let is_jump = match last.op {
            Op::Jump => true,
            Op::Real(o) => o.is_jump(),
            _ => false,
        };
        let Some(mut label) = last.target.filter(|_| is_jump) else {
            continue;
        };
        for _ in 0..8 {
            let t = label_block(label)?;
            let first = blocks[t].raw.first().copied();
            let Some(Ins { op: Op::Jump, target: Some(next), .. }) = first else {
                break;
            };
            let final_block = label_block(next)?;
            if last.op != Op::Jump && final_block <= b {
                break;
            }
            label = next;
        }
        // A jump to `return <constant>` becomes the return itself, on the
        // return's line (CPython copies the exit block), or the jump's if
        // the return is artificial.
        let t = label_block(label)?;
        let ret = match blocks[t].raw.first() {
            Some(i) if last.op == Op::Jump && i.op == Op::Real(Opcode::RETURN_CONST) => Some((i.arg, i.loc)),
            _ => None,
        };
        if let Some(l) = blocks[b].raw.last_mut() {
            match ret {
                Some((arg, at)) => {
                    let loc = if at.line != 0 { at } else { l.loc };
                    *l = Ins { op: Op::Real(Opcode::RETURN_CONST), arg, target: None, loc }
                }
                None => l.target = Some(label),
            }
        }
    }

    // ---- 2. handlers, reachability ----
    let mut handlers: Vec<Handler> = Vec::new();
    let mut work: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new())];
    let mut visited = vec![false; blocks.len()];
    while let Some((b, mut stack)) = work.pop() {
        if visited[b] {
            continue;
        }
        visited[b] = true;
        blocks[b].reachable = true;
        let raw = std::mem::take(&mut blocks[b].raw);
        let mut out = Vec::with_capacity(raw.len());
        let mut falls_through = true;
        for ins in raw {
            match ins.op {
                Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                    let target = label_block(ins.target.ok_or("setup without target")?)?;
                    handlers.push(Handler {
                        block: target,
                        lasti: ins.op != Op::SetupFinally,
                        drop: u32::from(ins.op == Op::SetupWith),
                        depth: None,
                        outer: stack.clone(),
                        used: false,
                    });
                    stack.push(handlers.len() - 1);
                    // Kept as a marker for the stack-depth pass.
                    out.push(BInstr { ins, target, handler: stack.last().copied() });
                }
                Op::PopBlock => {
                    stack.pop();
                }
                _ => {
                    let target = match ins.target {
                        Some(l) => {
                            let t = label_block(l)?;
                            work.push((t, stack.clone()));
                            t
                        }
                        None => NO_TARGET,
                    };
                    let handler = stack.last().copied();
                    if let Some(h) = handler {
                        // The handler body is reachable once something
                        // it protects is.
                        if !handlers[h].used {
                            handlers[h].used = true;
                            work.push((handlers[h].block, handlers[h].outer.clone()));
                        }
                    }
                    out.push(BInstr { ins, target, handler });
                    if is_uncond(ins.op) {
                        falls_through = false;
                        break;
                    }
                }
            }
        }
        blocks[b].instrs = out;
        if falls_through && b + 1 < blocks.len() {
            work.push((b + 1, stack));
        }
    }

    // ---- 2b. line numbers ----
    let extra_after = lines::assign(&mut blocks, info.first_line);

    // ---- 3. stack depth ----
    let mut max_depth = 0u32;
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    while let Some((b, depth)) = work.pop() {
        if !blocks[b].reachable {
            continue;
        }
        match blocks[b].start_depth {
            Some(d) if d == depth => continue,
            Some(d) => return Err(format!("inconsistent stack depth at block {b}: {d} vs {depth}")),
            None => blocks[b].start_depth = Some(depth),
        }
        let mut depth = depth as i64;
        let mut falls_through = true;
        for bi in &blocks[b].instrs {
            let ins = &bi.ins;
            match ins.op {
                Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                    let h = bi.handler.ok_or("setup without handler")?;
                    if !handlers[h].used {
                        continue;
                    }
                    let unwind = depth - i64::from(handlers[h].drop);
                    if unwind < 0 {
                        return Err("negative handler depth".into());
                    }
                    handlers[h].depth = Some(unwind as u32);
                    let entry = unwind + 1 + i64::from(handlers[h].lasti);
                    max_depth = max_depth.max(entry as u32);
                    work.push((handlers[h].block, entry as u32));
                }
                Op::Jump => {
                    work.push((bi.target, depth as u32));
                    falls_through = false;
                }
                Op::PopBlock => {}
                Op::Real(op) => {
                    if op.is_jump() {
                        let eff = op.stack_effect(ins.arg, true).ok_or("bad opcode")?;
                        let d = depth + i64::from(eff);
                        if d < 0 {
                            return Err(format!("stack underflow at {}", op.name()));
                        }
                        max_depth = max_depth.max(d as u32);
                        work.push((bi.target, d as u32));
                    }
                    let eff = op.stack_effect(ins.arg, false).ok_or("bad opcode")?;
                    depth += i64::from(eff);
                    if depth < 0 {
                        return Err(format!("stack underflow at {} (line {})", op.name(), ins.loc.line));
                    }
                    max_depth = max_depth.max(depth as u32);
                    if op.is_terminator() {
                        falls_through = false;
                    }
                }
            }
        }
        if falls_through && b + 1 < blocks.len() {
            work.push((b + 1, depth as u32));
        }
    }
    for b in &mut blocks {
        b.instrs.retain(|bi| !bi.ins.op.is_setup());
    }

    // ---- 4. LOAD_FAST_CHECK ----
    if info.optimized && info.n_varnames > 0 {
        mark_unbound_loads(&mut blocks, &handlers, info);
    }

    // ---- 5. peephole ----
    let order = lines::layout(&blocks, &extra_after);
    for (k, &b) in order.iter().enumerate() {
        let next = order.get(k + 1).copied();
        let block = &mut blocks[b];
        if let Some(last) = block.instrs.last() {
            if last.ins.op == Op::Jump && Some(last.target) == next {
                block.instrs.pop();
            }
        }
    }
    for (k, &b) in order.iter().enumerate() {
        // The line of the first instruction laid out after this block.
        let next_line = order[k + 1..].iter().find_map(|&n| blocks[n].instrs.first()).map(|bi| bi.ins.loc.line);
        let block = &mut blocks[b];
        remove_redundant_nops(&mut block.instrs, next_line);
        fuse_superinstructions(&mut block.instrs);
    }

    // ---- 6. layout and emission ----
    emit(&blocks, &order, &handlers, max_depth)
}

fn new_block(raw: Vec<Ins>) -> Block {
    Block { instrs: Vec::new(), raw, reachable: false, start_depth: None }
}

/// Definite-assignment analysis: a `LOAD_FAST` of a slot that may be
/// unbound becomes `LOAD_FAST_CHECK`.
fn mark_unbound_loads(blocks: &mut [Block], handlers: &[Handler], info: &AsmInfo) {
    let words = info.n_varnames.div_ceil(64);
    let full = vec![u64::MAX; words];
    let mut entry_state: Vec<Option<Vec<u64>>> = vec![None; blocks.len()];
    let mut init = vec![0u64; words];
    for slot in 0..info.n_params.min(info.n_varnames) {
        init[slot / 64] |= 1 << (slot % 64);
    }
    entry_state[0] = Some(init);
    let meet = |states: &mut Vec<Option<Vec<u64>>>, b: usize, s: &[u64], work: &mut Vec<usize>| match &mut states[b] {
        Some(old) => {
            let mut changed = false;
            for (o, n) in old.iter_mut().zip(s) {
                let v = *o & *n;
                if v != *o {
                    *o = v;
                    changed = true;
                }
            }
            if changed {
                work.push(b);
            }
        }
        None => {
            states[b] = Some(s.to_vec());
            work.push(b);
        }
    };
    let mut work = vec![0usize];
    while let Some(b) = work.pop() {
        let mut state = entry_state[b].clone().unwrap_or_else(|| full.clone());
        let mut falls_through = true;
        for bi in &blocks[b].instrs {
            if let Some(h) = bi.handler {
                meet(&mut entry_state, handlers[h].block, &state, &mut work);
            }
            apply_local_effect(bi.ins, &mut state, None);
            if bi.target != NO_TARGET {
                meet(&mut entry_state, bi.target, &state, &mut work);
            }
            if is_uncond(bi.ins.op) {
                falls_through = false;
            }
        }
        if falls_through && b + 1 < blocks.len() {
            meet(&mut entry_state, b + 1, &state, &mut work);
        }
    }
    for (b, block) in blocks.iter_mut().enumerate() {
        let Some(mut state) = entry_state[b].clone() else {
            continue;
        };
        for bi in &mut block.instrs {
            apply_local_effect(bi.ins, &mut state, Some(&mut bi.ins.op));
        }
    }
}

fn apply_local_effect(ins: Ins, state: &mut [u64], rewrite: Option<&mut Op>) {
    let slot = ins.arg as usize;
    let (w, bit) = (slot / 64, 1u64 << (slot % 64));
    match ins.op {
        Op::Real(Opcode::STORE_FAST) => {
            if let Some(word) = state.get_mut(w) {
                *word |= bit;
            }
        }
        Op::Real(Opcode::DELETE_FAST) => {
            if let Some(word) = state.get_mut(w) {
                *word &= !bit;
            }
        }
        Op::Real(Opcode::LOAD_FAST) => {
            let bound = state.get(w).is_some_and(|word| word & bit != 0);
            if !bound {
                if let Some(op) = rewrite {
                    *op = Op::Real(Opcode::LOAD_FAST_CHECK);
                }
                if let Some(word) = state.get_mut(w) {
                    *word |= bit;
                }
            }
        }
        _ => {}
    }
}

/// `NOP`s are line markers (`pass`, a constant statement, the `try:`
/// line): one is kept only where no other instruction carries its line
/// next to it (CPython 3.11's `clean_basic_block`), so a line that has
/// code costs nothing more.
fn remove_redundant_nops(instrs: &mut Vec<BInstr>, next_line: Option<u32>) {
    if !instrs.iter().any(|bi| bi.ins.op == Op::Real(Opcode::NOP)) {
        return;
    }
    let mut out: Vec<BInstr> = Vec::with_capacity(instrs.len());
    let mut prev_line: Option<u32> = None;
    let mut it = std::mem::take(instrs).into_iter().peekable();
    while let Some(bi) = it.next() {
        let line = bi.ins.loc.line;
        if bi.ins.op == Op::Real(Opcode::NOP) {
            if line == 0 || prev_line == Some(line) {
                continue;
            }
            match it.peek_mut() {
                Some(n) if n.ins.loc.line == 0 => {
                    n.ins.loc = bi.ins.loc;
                    continue;
                }
                Some(n) if n.ins.loc.line == line => continue,
                None if next_line == Some(line) => continue,
                _ => {}
            }
        }
        prev_line = Some(line);
        out.push(bi);
    }
    *instrs = out;
}

/// Fuses pairs of instructions on the same line: a superinstruction runs
/// as one step, so its second half could not report a 'line' event of its
/// own.
fn fuse_superinstructions(instrs: &mut Vec<BInstr>) {
    if instrs.len() < 2 {
        return;
    }
    let mut out: Vec<BInstr> = Vec::with_capacity(instrs.len());
    let mut it = std::mem::take(instrs).into_iter().peekable();
    while let Some(a) = it.next() {
        if let (Op::Real(x), Some(b)) = (a.ins.op, it.peek()) {
            if let Op::Real(y) = b.ins.op {
                let fused = match (x, y) {
                    (Opcode::LOAD_FAST, Opcode::LOAD_FAST) => Some(Opcode::LOAD_FAST__LOAD_FAST),
                    (Opcode::STORE_FAST, Opcode::STORE_FAST) => Some(Opcode::STORE_FAST__STORE_FAST),
                    (Opcode::STORE_FAST, Opcode::LOAD_FAST) => Some(Opcode::STORE_FAST__LOAD_FAST),
                    (Opcode::LOAD_FAST, Opcode::LOAD_CONST) => Some(Opcode::LOAD_FAST__LOAD_CONST),
                    _ => None,
                };
                if let Some(f) = fused {
                    if a.ins.arg < 4096 && b.ins.arg < 4096 && a.ins.loc.line == b.ins.loc.line {
                        let arg = (a.ins.arg << 12) | b.ins.arg;
                        it.next();
                        out.push(BInstr { ins: Ins { op: Op::Real(f), arg, ..a.ins }, ..a });
                        continue;
                    }
                }
            }
        }
        out.push(a);
    }
    *instrs = out;
}

fn real_op(bi: &BInstr, block_index: &[usize], b: usize) -> Result<Opcode, String> {
    Ok(match bi.ins.op {
        Op::Real(o) => o,
        Op::Jump => {
            if block_index[bi.target] <= block_index[b] {
                Opcode::JUMP_BACKWARD
            } else {
                Opcode::JUMP_FORWARD
            }
        }
        _ => return Err("pseudo instruction left after assembly".into()),
    })
}

fn emit(blocks: &[Block], order: &[usize], handlers: &[Handler], max_depth: u32) -> Result<Assembled, String> {
    // Position of each block in the layout.
    let mut block_index = vec![usize::MAX; blocks.len()];
    for (k, &b) in order.iter().enumerate() {
        block_index[b] = k;
    }
    // Iterate offsets until EXTENDED_ARG decisions are stable.
    let mut offsets = vec![0u32; blocks.len()];
    let mut ext_sizes: Vec<Vec<bool>> = order.iter().map(|&b| vec![false; blocks[b].instrs.len()]).collect();
    loop {
        let mut off = 0u32;
        for (k, &b) in order.iter().enumerate() {
            offsets[b] = off;
            for (j, bi) in blocks[b].instrs.iter().enumerate() {
                let op = real_op(bi, &block_index, b)?;
                off += 1 + u32::from(ext_sizes[k][j]) + u32::from(op.has_cache());
            }
        }
        let mut changed = false;
        for (k, &b) in order.iter().enumerate() {
            for (j, bi) in blocks[b].instrs.iter().enumerate() {
                let arg = if bi.target != NO_TARGET { offsets[bi.target] } else { bi.ins.arg };
                let need = arg > MAX_UNIT_ARG;
                if need != ext_sizes[k][j] {
                    ext_sizes[k][j] = need;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    let mut code: Vec<u32> = Vec::new();
    let mut locations: Vec<Location> = Vec::new();
    let mut n_cache = 0u32;
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut cur_handler: Option<(usize, u32)> = None;
    for &b in order {
        for bi in &blocks[b].instrs {
            let op = real_op(bi, &block_index, b)?;
            let start = code.len() as u32;
            if cur_handler.map(|(h, _)| h) != bi.handler {
                close_range(&mut table, cur_handler, start, handlers, &offsets)?;
                cur_handler = bi.handler.map(|h| (h, start));
            }
            let arg = if bi.target != NO_TARGET { offsets[bi.target] } else { bi.ins.arg };
            if arg > MAX_UNIT_ARG {
                code.push(Instr::new(Opcode::EXTENDED_ARG, arg >> 24).0);
                locations.push(bi.ins.loc);
            }
            code.push(Instr::new(op, arg & MAX_UNIT_ARG).0);
            locations.push(bi.ins.loc);
            if op.has_cache() {
                code.push(Instr::new(Opcode::CACHE, n_cache).0);
                locations.push(bi.ins.loc);
                n_cache += 1;
            }
        }
    }
    close_range(&mut table, cur_handler, code.len() as u32, handlers, &offsets)?;
    Ok(Assembled {
        code: code.into_boxed_slice(),
        locations: locations.into_boxed_slice(),
        exception_table: table.into_boxed_slice(),
        max_stack_depth: max_depth,
        n_cache_slots: n_cache,
    })
}

fn close_range(
    table: &mut Vec<ExceptionEntry>,
    cur: Option<(usize, u32)>,
    end: u32,
    handlers: &[Handler],
    offsets: &[u32],
) -> Result<(), String> {
    let Some((h, start)) = cur else { return Ok(()) };
    if start == end {
        return Ok(());
    }
    let handler = &handlers[h];
    let depth = handler.depth.ok_or("handler depth unknown")?;
    let entry = ExceptionEntry { start, end, handler: offsets[handler.block], depth, push_lasti: handler.lasti };
    // Merge with an adjacent identical entry.
    if let Some(last) = table.last_mut() {
        if last.end == start
            && last.handler == entry.handler
            && last.depth == entry.depth
            && last.push_lasti == entry.push_lasti
        {
            last.end = end;
            return Ok(());
        }
    }
    table.push(entry);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{CodeObject, Instr};

    #[test]
    fn extended_args_are_emitted_and_decoded() {
        let mut list = InstrList::default();
        let loc = Location { line: 1, end_line: 1, col: 0, end_col: 1 };
        list.push(Op::Real(Opcode::LOAD_CONST), 0x0123_4567, None, loc);
        list.push(Op::Real(Opcode::RETURN_VALUE), 0, None, loc);
        let info = AsmInfo { n_params: 0, n_varnames: 0, optimized: false, first_line: 1 };
        let asm = assemble(list, &info).unwrap();
        assert_eq!(asm.code.len(), 3);
        assert_eq!(Instr(asm.code[0]).op(), Some(Opcode::EXTENDED_ARG));
        assert_eq!(asm.max_stack_depth, 1);
        let code = CodeObject {
            name: "t".into(),
            qualname: "t".into(),
            filename: "t".into(),
            first_line: 1,
            flags: Default::default(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            code: asm.code,
            locations: asm.locations,
            constants: Box::new([]),
            names: Box::new([]),
            varnames: Box::new([]),
            cellvars: Box::new([]),
            freevars: Box::new([]),
            localsplus_kinds: Box::new([]),
            cell_slots: Box::new([]),
            docstring: None,
            max_stack_depth: asm.max_stack_depth,
            n_cache_slots: asm.n_cache_slots,
            exception_table: asm.exception_table,
        };
        assert_eq!(code.decode_at(0), Some((Opcode::LOAD_CONST, 0x0123_4567, 2)));
        assert_eq!(code.decode_at(2), Some((Opcode::RETURN_VALUE, 0, 3)));
    }

    #[test]
    fn inconsistent_stack_is_an_error_not_a_panic() {
        let mut list = InstrList::default();
        let loc = Location::default();
        list.push(Op::Real(Opcode::POP_TOP), 0, None, loc);
        let info = AsmInfo { n_params: 0, n_varnames: 0, optimized: false, first_line: 1 };
        assert!(assemble(list, &info).is_err());
    }
}
