//! What each opcode's argument means: the single table behind the
//! disassembler's argument descriptions and the `opcode`/`dis` modules'
//! `hasconst`, `hasname`, `hasjabs`, ... lists.

use crate::bytecode::Opcode;

/// The meaning of an instruction's argument.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// A plain number (a count, a depth, flag bits without names).
    Int,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: `namei << 1 | push_null`.
    GlobalName,
    /// `LOAD_ATTR`: `namei << 1 | method`.
    AttrName,
    /// A localsplus slot of a plain local (`co_varnames`).
    Local,
    /// A localsplus slot of a cell or free variable.
    Free,
    /// Superinstruction: two local slots, `a << 12 | b`.
    LocalPair,
    /// `LOAD_FAST__LOAD_CONST`: local slot and constant index, `a << 12 | b`.
    LocalConst,
    /// An absolute jump target (unit index).
    Jump,
    /// A `CompareOp`.
    Compare,
    /// A `BinaryOp`.
    BinaryOp,
    /// An `Intrinsic1`.
    Intrinsic1,
    /// An `Intrinsic2`.
    Intrinsic2,
    /// `FORMAT_VALUE` flags.
    Format,
    /// `MAKE_FUNCTION` flags.
    MakeFunction,
    /// The slot number of a `CACHE` unit.
    CacheSlot,
}

impl ArgKind {
    /// Every kind with its name (the `_opcode` module's spelling).
    pub const ALL: &'static [(ArgKind, &'static str)] = &[
        (ArgKind::None, "none"),
        (ArgKind::Int, "int"),
        (ArgKind::Const, "const"),
        (ArgKind::Name, "name"),
        (ArgKind::GlobalName, "global"),
        (ArgKind::AttrName, "attr"),
        (ArgKind::Local, "local"),
        (ArgKind::Free, "free"),
        (ArgKind::LocalPair, "local_pair"),
        (ArgKind::LocalConst, "local_const"),
        (ArgKind::Jump, "jump"),
        (ArgKind::Compare, "compare"),
        (ArgKind::BinaryOp, "binary_op"),
        (ArgKind::Intrinsic1, "intrinsic1"),
        (ArgKind::Intrinsic2, "intrinsic2"),
        (ArgKind::Format, "format"),
        (ArgKind::MakeFunction, "make_function"),
        (ArgKind::CacheSlot, "cache_slot"),
    ];

    /// The kind's name.
    pub fn name(self) -> &'static str {
        ArgKind::ALL.iter().find(|(k, _)| *k == self).map_or("none", |(_, n)| n)
    }
}

impl Opcode {
    /// What this opcode's argument means.
    pub const fn arg_kind(self) -> ArgKind {
        use Opcode::*;
        match self {
            NOP | POP_TOP | PUSH_NULL | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | BINARY_SUBSCR | STORE_SUBSCR
            | DELETE_SUBSCR | BINARY_SLICE | STORE_SLICE | GET_ITER | RETURN_VALUE | LOAD_BUILD_CLASS
            | SETUP_ANNOTATIONS | LOAD_ASSERTION_ERROR | PUSH_EXC_INFO | POP_EXCEPT | CHECK_EXC_MATCH
            | CHECK_EG_MATCH | WITH_EXCEPT_START | BEFORE_WITH | GET_YIELD_FROM_ITER | END_SEND | CLEANUP_THROW
            | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS | GET_LEN | GET_AITER | GET_ANEXT | BEFORE_ASYNC_WITH
            | END_ASYNC_FOR => ArgKind::None,
            CACHE => ArgKind::CacheSlot,
            LOAD_CONST | RETURN_CONST | KW_NAMES => ArgKind::Const,
            LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | STORE_ATTR | DELETE_ATTR
            | IMPORT_NAME | IMPORT_FROM => ArgKind::Name,
            LOAD_GLOBAL => ArgKind::GlobalName,
            LOAD_ATTR => ArgKind::AttrName,
            LOAD_FAST | LOAD_FAST_CHECK | STORE_FAST | DELETE_FAST => ArgKind::Local,
            MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF => ArgKind::Free,
            LOAD_FAST__LOAD_FAST | STORE_FAST__STORE_FAST | STORE_FAST__LOAD_FAST => ArgKind::LocalPair,
            LOAD_FAST__LOAD_CONST => ArgKind::LocalConst,
            FOR_ITER
            | JUMP_FORWARD
            | JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | POP_JUMP_IF_TRUE
            | POP_JUMP_IF_FALSE
            | POP_JUMP_IF_NONE
            | POP_JUMP_IF_NOT_NONE
            | SEND => ArgKind::Jump,
            COMPARE_OP => ArgKind::Compare,
            BINARY_OP => ArgKind::BinaryOp,
            CALL_INTRINSIC_1 => ArgKind::Intrinsic1,
            CALL_INTRINSIC_2 => ArgKind::Intrinsic2,
            FORMAT_VALUE => ArgKind::Format,
            MAKE_FUNCTION => ArgKind::MakeFunction,
            EXTENDED_ARG | COPY | SWAP | COPY_FREE_VARS | IS_OP | CONTAINS_OP | BUILD_TUPLE | BUILD_LIST
            | BUILD_SET | BUILD_MAP | BUILD_CONST_KEY_MAP | BUILD_STRING | BUILD_SLICE | LIST_APPEND | SET_ADD
            | MAP_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE | UNPACK_SEQUENCE | UNPACK_EX | CALL
            | CALL_FUNCTION_EX | RAISE_VARARGS | RERAISE | YIELD_VALUE | MATCH_CLASS | GET_AWAITABLE => ArgKind::Int,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps_agree_with_is_jump() {
        for &op in Opcode::ALL {
            assert_eq!(op.arg_kind() == ArgKind::Jump, op.is_jump(), "{}", op.name());
        }
    }

    #[test]
    fn kind_names_are_distinct() {
        for (i, (k, n)) in ArgKind::ALL.iter().enumerate() {
            assert_eq!(k.name(), *n);
            assert!(ArgKind::ALL[i + 1..].iter().all(|(_, m)| m != n));
        }
    }
}
