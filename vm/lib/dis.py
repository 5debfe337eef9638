"""Disassembler of Skein bytecode.

The API and the listing layout are CPython 3.11's ``dis``; the instructions
are Skein's own (docs/bytecode.md).  ``co_code`` holds 4-byte units (opcode
byte, then a 24-bit little-endian argument), so offsets are byte offsets
that step by 4, and jump arguments (absolute unit indices) are shown as the
byte offset of their target.  Instructions followed by an inline cache
(``opcode._inline_cache_entries``) own one ``CACHE`` unit, shown only with
``show_caches=True``.  The run-time caches live outside the code object, so
what ``dis`` shows never depends on specialisation (``adaptive`` is
accepted and changes nothing).
"""

import collections
import io
import sys
import types

from opcode import *
from opcode import __all__ as _opcodes_all
from opcode import (ARG_KINDS as _arg_kinds, CACHE, CODE_UNIT_BYTES,
                    _inline_cache_entries, _intrinsic_1_descs,
                    _intrinsic_2_descs, _nb_ops)

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)

MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}

_UNIT = CODE_UNIT_BYTES
_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


def _try_compile(source, name):
    """Compiles an expression if it is one, else statements."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        return compile(source, name, 'exec')


def _unwrap(x):
    """The code object behind a method, function, generator or coroutine
    (or ``x`` itself)."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        return x.__code__
    for attr in ('gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassembles classes, methods, functions, generators, coroutines,
    code objects, source strings and raw bytecode; with no argument, the
    last traceback."""
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive)
        return
    x = _unwrap(x)
    if hasattr(x, '__dict__'):
        for name, member in sorted(x.__dict__.items()):
            if isinstance(member, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(member, file=file, depth=depth,
                        show_caches=show_caches, adaptive=adaptive)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth,
                               show_caches=show_caches, adaptive=adaptive)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file, show_caches=show_caches)
    elif isinstance(x, str):
        _disassemble_str(x, file=file, depth=depth,
                         show_caches=show_caches, adaptive=adaptive)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def _lasti_offset(tb_lasti):
    # tb_lasti counts 2 bytes per code unit (as CPython's); co_code offsets
    # count CODE_UNIT_BYTES.
    return tb_lasti // 2 * _UNIT


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassembles a traceback (by default the last one)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, _lasti_offset(tb.tb_lasti), file=file,
                show_caches=show_caches, adaptive=adaptive)


def pretty_flags(flags):
    """The names of the bits of ``co_flags``."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _get_code_object(x):
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def code_info(x):
    """Details of the code object of ``x``, as a string."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    sections = (
        ("Constants:", co.co_consts, "%4d: %r"),
        ("Names:", co.co_names, "%4d: %s"),
        ("Variable names:", co.co_varnames, "%4d: %s"),
        ("Free variables:", co.co_freevars, "%4d: %s"),
        ("Cell variables:", co.co_cellvars, "%4d: %s"),
    )
    for title, items, fmt in sections:
        if items:
            lines.append(title)
            for i, item in enumerate(items):
                lines.append(fmt % (i, item))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Prints ``code_info(co)``."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4,
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
     'starts_line', 'is_jump_target', 'positions'],
    defaults=[None],
)

_Instruction.opname.__doc__ = "Human readable name for operation"
_Instruction.opcode.__doc__ = "Numeric code for operation"
_Instruction.arg.__doc__ = "Numeric argument to operation (if any), otherwise None"
_Instruction.argval.__doc__ = "Resolved arg value (if known), otherwise same as arg"
_Instruction.argrepr.__doc__ = "Human readable description of operation argument"
_Instruction.offset.__doc__ = "Start index of operation within bytecode sequence"
_Instruction.starts_line.__doc__ = "Line started by this opcode (if any), otherwise None"
_Instruction.is_jump_target.__doc__ = "True if other code jumps to here, otherwise False"
_Instruction.positions.__doc__ = "dis.Positions object holding the span of source code covered by this instruction"

_ExceptionTableEntry = collections.namedtuple(
    "_ExceptionTableEntry", "start end target depth lasti")


class Instruction(_Instruction):
    """One instruction: its name and number, argument (raw, resolved and
    described), byte offset, the line it starts (if any), whether some
    jump or handler targets it, and its source positions."""

    def _disassemble(self, lineno_width=3, mark_as_current=False,
                     offset_width=4):
        """One line of a listing: line number, current-instruction
        marker, jump-target marker, offset, name, argument and its
        description."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def get_instructions(x, *, first_line=None, show_caches=False,
                     adaptive=False):
    """An iterator over the instructions of the function, method, source
    string or code object ``x``.  ``first_line`` renumbers the lines so
    that the code's first line is that number."""
    co = _get_code_object(x)
    linestarts = dict(findlinestarts(co))
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _get_instructions_bytes(
        co.co_code, co._varname_from_oparg, co.co_names, co.co_consts,
        linestarts, line_offset, co_positions=co.co_positions(),
        show_caches=show_caches)


class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()


def _name_info(index, get_name):
    if get_name is None:
        return UNKNOWN, ''
    name = get_name(index)
    return name, name


def _const_info(index, co_consts):
    if co_consts is None:
        return UNKNOWN, ''
    value = co_consts[index]
    return value, repr(value)


def _describe(op, arg, get_name, varname_from_oparg, co_consts):
    """``(argval, argrepr)`` of an instruction with argument ``arg``."""
    kind = _arg_kinds.get(op, "none")
    if kind == "const":
        return _const_info(arg, co_consts)
    if kind == "name":
        return _name_info(arg, get_name)
    if kind in ("global", "attr"):
        argval, argrepr = _name_info(arg >> 1, get_name)
        if arg & 1 and argrepr:
            prefix = "NULL + " if kind == "global" else "NULL|self + "
            argrepr = prefix + argrepr
        return argval, argrepr
    if kind in ("local", "free"):
        return _name_info(arg, varname_from_oparg)
    if kind == "local_pair":
        a, _ = _name_info(arg >> 12, varname_from_oparg)
        b, _ = _name_info(arg & 0xFFF, varname_from_oparg)
        if a is UNKNOWN:
            return (a, b), ''
        return (a, b), "%s, %s" % (a, b)
    if kind == "local_const":
        a, _ = _name_info(arg >> 12, varname_from_oparg)
        b, brepr = _const_info(arg & 0xFFF, co_consts)
        if a is UNKNOWN or b is UNKNOWN:
            return (a, b), ''
        return (a, b), "%s, %s" % (a, brepr)
    if kind == "jump":
        target = arg * _UNIT
        return target, "to " + repr(target)
    if kind == "compare":
        return cmp_op[arg], cmp_op[arg]
    if kind == "binary_op":
        return arg, _nb_ops[arg][1]
    if kind == "intrinsic1":
        return arg, _intrinsic_1_descs[arg]
    if kind == "intrinsic2":
        return arg, _intrinsic_2_descs[arg]
    if kind == "format":
        func, argrepr = FORMAT_VALUE_CONVERTERS[arg & 0x3]
        with_spec = bool(arg & 0x4)
        if with_spec:
            argrepr = argrepr + ', with format' if argrepr else 'with format'
        return (func, with_spec), argrepr
    if kind == "make_function":
        return arg, ', '.join(name for i, name in enumerate(MAKE_FUNCTION_FLAGS)
                              if arg & (1 << i))
    return arg, ''


def _unit(code, offset):
    """``(opcode, 24-bit argument)`` of the unit at byte ``offset``."""
    return (code[offset],
            code[offset + 1] | (code[offset + 2] << 8) | (code[offset + 3] << 16))


def _unpack_opargs(code):
    """``(offset, opcode, arg)`` for every instruction of ``code`` (a
    ``co_code`` byte string), ``EXTENDED_ARG`` prefixes included and
    folded into the next argument, cache units skipped; ``arg`` is None
    for opcodes without an argument."""
    extended_arg = 0
    skip = 0
    for offset in range(0, len(code) - _UNIT + 1, _UNIT):
        if skip:
            skip -= 1
            continue
        op, unit_arg = _unit(code, offset)
        arg = (extended_arg << 24) | unit_arg
        extended_arg = arg if op == EXTENDED_ARG else 0
        skip = _inline_cache_entries[op]
        yield offset, op, (arg if op in hasarg else None)


def findlabels(code):
    """Byte offsets of the jump targets in ``code`` (a ``co_code`` byte
    string)."""
    labels = []
    for _, op, arg in _unpack_opargs(code):
        if arg is not None and op in hasjabs:
            target = arg * _UNIT
            if target not in labels:
                labels.append(target)
    return labels


def findlinestarts(code):
    """``(offset, lineno)`` where each source line starts."""
    lastline = None
    for start, _, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _read_varint(table, pos):
    value = shift = 0
    while True:
        b = table[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, pos


def _parse_exception_table(code):
    """The entries of ``co_exceptiontable`` (four LEB128 numbers each:
    start, end, handler as unit indices, then ``depth << 1 | lasti``),
    with byte offsets."""
    table = code.co_exceptiontable
    entries = []
    pos = 0
    while pos < len(table):
        start, pos = _read_varint(table, pos)
        end, pos = _read_varint(table, pos)
        target, pos = _read_varint(table, pos)
        dl, pos = _read_varint(table, pos)
        entries.append(_ExceptionTableEntry(
            start * _UNIT, end * _UNIT, target * _UNIT, dl >> 1, bool(dl & 1)))
    return entries


def _get_instructions_bytes(code, varname_from_oparg=None, names=None,
                            co_consts=None, linestarts=None, line_offset=0,
                            exception_entries=(), co_positions=None,
                            show_caches=False):
    """Decodes ``code`` into ``Instruction``s, consuming one position per
    code unit."""
    co_positions = co_positions or iter(())
    get_name = None if names is None else names.__getitem__
    labels = set(findlabels(code))
    for entry in exception_entries:
        labels.add(entry.target)
    for offset, op, arg in _unpack_opargs(code):
        starts_line = None
        if linestarts is not None:
            starts_line = linestarts.get(offset)
            if starts_line is not None:
                starts_line += line_offset
        if arg is None:
            argval, argrepr = None, ''
        else:
            try:
                argval, argrepr = _describe(op, arg, get_name,
                                            varname_from_oparg, co_consts)
            except (IndexError, KeyError):
                argval, argrepr = arg, ''
        yield Instruction(opname[op], op, arg, argval, argrepr, offset,
                          starts_line, offset in labels,
                          Positions(*next(co_positions, ())))
        for i in range(_inline_cache_entries[op]):
            cache_offset = offset + (i + 1) * _UNIT
            positions = Positions(*next(co_positions, ()))
            if show_caches and cache_offset + _UNIT <= len(code):
                slot = _unit(code, cache_offset)[1]
                yield Instruction("CACHE", CACHE, slot, slot, '', cache_offset,
                                  None, False, positions)


def disassemble(co, lasti=-1, *, file=None, show_caches=False,
                adaptive=False):
    """Disassembles one code object, marking the instruction at byte
    offset ``lasti``."""
    linestarts = dict(findlinestarts(co))
    _disassemble_bytes(co.co_code, lasti, co._varname_from_oparg,
                       co.co_names, co.co_consts, linestarts, file=file,
                       exception_entries=_parse_exception_table(co),
                       co_positions=co.co_positions(),
                       show_caches=show_caches)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False,
                           adaptive=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth,
                                       show_caches=show_caches,
                                       adaptive=adaptive)


def _disassemble_bytes(code, lasti=-1, varname_from_oparg=None, names=None,
                       co_consts=None, linestarts=None, *, file=None,
                       line_offset=0, exception_entries=(), co_positions=None,
                       show_caches=False):
    show_lineno = bool(linestarts)
    if show_lineno:
        maxlineno = max(linestarts.values()) + line_offset
        lineno_width = len(str(maxlineno)) if maxlineno >= 1000 else 3
    else:
        lineno_width = 0
    maxoffset = len(code) - _UNIT
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in _get_instructions_bytes(code, varname_from_oparg, names,
                                         co_consts, linestarts,
                                         line_offset=line_offset,
                                         exception_entries=exception_entries,
                                         co_positions=co_positions,
                                         show_caches=show_caches):
        if show_lineno and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti,
                                 offset_width), file=file)
    if exception_entries:
        print("ExceptionTable:", file=file)
        for entry in exception_entries:
            lasti_mark = " lasti" if entry.lasti else ""
            end = entry.end - _UNIT
            print(f"  {entry.start} to {end} -> {entry.target} "
                  f"[{entry.depth}]{lasti_mark}", file=file)


def _disassemble_str(source, **kwargs):
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


class Bytecode:
    """The instructions of a function, method, source string or code
    object: iterate for ``Instruction``s, ``dis()`` for the listing,
    ``info()`` for ``code_info``."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        co = self.codeobj
        return _get_instructions_bytes(
            co.co_code, co._varname_from_oparg, co.co_names, co.co_consts,
            self._linestarts, line_offset=self._line_offset,
            exception_entries=self.exception_entries,
            co_positions=co.co_positions(), show_caches=self.show_caches)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__,
                                 self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """A ``Bytecode`` of the innermost frame of ``tb``, with its
        current instruction marked."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code,
                   current_offset=_lasti_offset(tb.tb_lasti),
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        return _format_code_info(self.codeobj)

    def dis(self):
        co = self.codeobj
        offset = -1 if self.current_offset is None else self.current_offset
        with io.StringIO() as output:
            _disassemble_bytes(co.co_code,
                               varname_from_oparg=co._varname_from_oparg,
                               names=co.co_names, co_consts=co.co_consts,
                               linestarts=self._linestarts,
                               line_offset=self._line_offset, file=output,
                               lasti=offset,
                               exception_entries=self.exception_entries,
                               co_positions=co.co_positions(),
                               show_caches=self.show_caches)
            return output.getvalue()


def _test():
    """``skein -m dis [file]``: disassembles a source file (or stdin)."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument('infile', nargs='?', default='-')
    args = parser.parse_args()
    if args.infile == '-':
        name, source = '<stdin>', sys.stdin.read()
    else:
        name = args.infile
        with open(args.infile, 'rb') as f:
            source = f.read()
    dis(compile(source, name, "exec"))


if __name__ == "__main__":
    _test()
