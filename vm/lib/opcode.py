"""Skein's instruction set, with the names CPython's ``opcode`` module uses.

The tables come from the native ``_opcode`` module, which reads the
compiler's own tables (docs/bytecode.md).  Differences from CPython:

* a code unit is 4 bytes (``CODE_UNIT_BYTES``): opcode byte, then a
  24-bit argument, little-endian; every unit has an argument field, so
  there is no ``HAVE_ARGUMENT`` split: ``hasarg`` lists the opcodes whose
  argument means something;
* jump arguments are absolute unit indices: ``hasjabs`` holds every jump,
  ``hasjrel`` is empty;
* ``ARG_KINDS`` maps each opcode to what its argument means (Skein's
  superinstructions pack two operands: ``"local_pair"``,
  ``"local_const"``).
"""

import _opcode

__all__ = ["cmp_op", "hasarg", "hasconst", "hasname", "hasjrel", "hasjabs",
           "hasjump", "haslocal", "hascompare", "hasfree", "hasnargs",
           "opname", "opmap", "stack_effect", "EXTENDED_ARG"]

stack_effect = _opcode.stack_effect

CODE_UNIT_BYTES = _opcode.code_unit_bytes

cmp_op = _opcode.compare_ops

opname = ['<%r>' % (_op,) for _op in range(256)]
opmap = {}
ARG_KINDS = {}
for _op, (_name, _kind) in enumerate(zip(_opcode.opnames, _opcode.arg_kinds)):
    opname[_op] = _name
    opmap[_name] = _op
    ARG_KINDS[_op] = _kind


def _having(*kinds):
    return [op for op, kind in ARG_KINDS.items() if kind in kinds]


hasarg = [op for op, kind in ARG_KINDS.items() if kind != "none"]
hasconst = _having("const")
hasname = _having("name", "global", "attr")
hasjabs = _having("jump")
hasjrel = []
hasjump = hasjabs
haslocal = _having("local")
hasfree = _having("free")
hascompare = _having("compare")
hasnargs = []

EXTENDED_ARG = opmap["EXTENDED_ARG"]
CACHE = opmap["CACHE"]

_inline_cache_entries = [0] * 256
for _op, _n in enumerate(_opcode.cache_entries):
    _inline_cache_entries[_op] = _n

_nb_names = ["ADD", "AND", "FLOOR_DIVIDE", "LSHIFT", "MATRIX_MULTIPLY",
             "MULTIPLY", "REMAINDER", "OR", "POWER", "RSHIFT", "SUBTRACT",
             "TRUE_DIVIDE", "XOR"]
_nb_names = _nb_names + ["INPLACE_" + _n for _n in _nb_names]
_nb_ops = [("NB_" + _n, _sym) for _n, _sym in zip(_nb_names, _opcode.binary_ops)]

_intrinsic_1_descs = list(_opcode.intrinsic1)
_intrinsic_2_descs = list(_opcode.intrinsic2)

del _op, _name, _kind, _n, _nb_names
