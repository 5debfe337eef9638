//! The code generator's instruction list, before assembly.
//!
//! Code generation appends [`Ins`] to a flat list and binds [`Label`]s to
//! positions in it.  Besides real opcodes the list holds pseudo
//! instructions that exist only until assembly (as in CPython's compiler):
//! a generic `Jump` (direction decided by the layout), `Setup*` (start of a
//! region protected by an exception handler) and `PopBlock` (its end).
//! Invariant: every label used by an instruction is bound exactly once
//! before assembly.

use crate::bytecode::{Location, Opcode};

/// A jump target, bound to a position in the instruction list.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub(crate) struct Label(pub(crate) u32);

/// An opcode or a pseudo instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Op {
    Real(Opcode),
    /// Unconditional jump; becomes `JUMP_FORWARD` or `JUMP_BACKWARD`.
    Jump,
    /// Protects what follows until the matching `PopBlock`; on exception
    /// the handler gets `[.. exc]` (no lasti).
    SetupFinally,
    /// As `SetupFinally`, but the handler gets `[.. lasti exc]`.
    SetupCleanup,
    /// For `with`: the handler gets `[.. exit lasti exc]`; the context
    /// manager's `__enter__` result above `exit` is dropped.
    SetupWith,
    /// Ends the innermost protected region.
    PopBlock,
}

impl Op {
    pub(crate) fn is_setup(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }
}

/// One instruction of the list.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ins {
    pub(crate) op: Op,
    pub(crate) arg: u32,
    /// Jump target or handler (for `Setup*`).
    pub(crate) target: Option<Label>,
    pub(crate) loc: Location,
}

/// An instruction list under construction.
#[derive(Default)]
pub(crate) struct InstrList {
    pub(crate) instrs: Vec<Ins>,
    /// Position each label is bound to (index into `instrs`).
    pub(crate) labels: Vec<Option<usize>>,
}

impl InstrList {
    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction to be emitted.
    pub(crate) fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len());
    }

    pub(crate) fn push(&mut self, op: Op, arg: u32, target: Option<Label>, loc: Location) {
        self.instrs.push(Ins { op, arg, target, loc });
    }
}
