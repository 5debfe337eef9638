# The dis module: its API, and that listings of every kind of argument have
# CPython's column layout.  Opcodes are implementation details (Skein's
# differ from CPython's), so this prints properties derived from them.
import dis
import io
import re

LAYOUT = re.compile(r"^([ \d]{3}) {5}(>>|  ) ([ \d]{3}\d) ([A-Z][A-Z0-9_]*)(?: +(\d+)(?: \((.*)\))?)?$")
OTHER = re.compile(r"^(Disassembly of .*:|ExceptionTable:|  \d+ to \d+ -> \d+ \[\d+\]( lasti)?|)$")


def listing(x, **kw):
    out = io.StringIO()
    dis.dis(x, file=out, **kw)
    return out.getvalue()


def check(name, text):
    lines = text.splitlines()
    instr = [l for l in lines if LAYOUT.match(l)]
    bad = [l for l in lines if not LAYOUT.match(l) and not OTHER.match(l)]
    print(name, "instructions:", len(instr) > 0, "bad lines:", bad)
    return instr


def f(a, b):
    c = a + b
    if 1 < c:
        return c
    return None


class C:
    def m(self, x):
        return [x * i for i in range(3)]

    @classmethod
    def k(cls):
        return cls

    @staticmethod
    def s():
        return 1


def gen(n):
    for i in range(n):
        yield i


def handler():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        return str(e)


check("function", listing(f))
check("method", listing(C().m))
check("class", listing(C))
check("code", listing(f.__code__))
check("source", listing("x = 1\nprint(x)"))
check("expression", listing("a + b"))
check("generator", listing(gen(3)))
check("exceptions", listing(handler))
check("depth0", listing(C.m, depth=0))
check("caches", listing(f, show_caches=True))
text = listing(C)
print([re.sub(r" at 0x[0-9a-f]+, file .*,", "", l) for l in text.splitlines() if l.startswith("Disassembly of")])
print("Disassembly of <code object <listcomp>" in listing(C.m))
print("Disassembly of <code object <listcomp>" in listing(C.m, depth=0))
print("ExceptionTable:" in listing(handler))
try:
    dis.dis(42)
except TypeError as e:
    print(e)

# Instruction and Positions
print(dis.Instruction._fields)
print(dis.Positions._fields)
ins = dis.Instruction("LOAD_CONST", 100, 0, None, "None", 2, 5, True, dis.Positions(1, 1, 0, 4))
print(repr(ins._disassemble()))
print(repr(ins._disassemble(lineno_width=0, mark_as_current=True)))
print(repr(dis.Instruction("NOP", 9, None, None, "", 12, None, False)._disassemble()))
instrs = list(dis.get_instructions(f))
print(all(type(i) is dis.Instruction for i in instrs), all(isinstance(i.positions, dis.Positions) for i in instrs))
print(all(isinstance(i.offset, int) and i.offset % 2 == 0 for i in instrs))
print(all(i.opname == dis.opname[i.opcode] for i in instrs))
offsets = {i.offset for i in instrs}
print(all(i.argval in offsets for i in instrs if i.opcode in dis.hasjabs + dis.hasjrel))
print(any(i.is_jump_target for i in instrs))
print(sorted({repr(i.argval) for i in instrs if i.opcode in dis.hasconst}))
print(sorted({i.argval for i in dis.get_instructions(handler) if i.opcode in dis.hasname}))
print(sorted({i.starts_line for i in instrs if i.starts_line} - {f.__code__.co_firstlineno}))
shifted = list(dis.get_instructions(f, first_line=100))
print(sorted({i.starts_line for i in shifted if i.starts_line} - {100}))
print([ln for _, ln in dis.findlinestarts(f.__code__)][-3:])
print(type(dis.findlabels(f.__code__.co_code)).__name__)

# code_info, show_code, Bytecode
info = dis.code_info(f).splitlines()
print([l for l in info if not l.startswith(("Stack size", "Filename"))][:7])
print(info[info.index("Variable names:"):])
out = io.StringIO()
dis.show_code(f, file=out)
print(out.getvalue() == dis.code_info(f) + "\n")
print(dis.code_info("x = 1").splitlines()[0])
bc = dis.Bytecode(f)
print(repr(bc).startswith("Bytecode(<function f at"), bc.first_line == f.__code__.co_firstlineno)
print(bc.info() == dis.code_info(f), [i.opname for i in bc] == [i.opname for i in instrs])
check("Bytecode.dis", bc.dis())
print(dis.Bytecode("1 + 2").codeobj.co_name)
print(dis.pretty_flags(3), "|", dis.pretty_flags(0x23), "|", dis.pretty_flags(0x4000000))
print(dis.COMPILER_FLAG_NAMES[32])

# opcode tables
print(len(dis.opname), type(dis.opmap).__name__, "LOAD_CONST" in dis.opmap, "EXTENDED_ARG" in dis.opmap)
print(dis.opmap["LOAD_CONST"] in dis.hasconst, dis.opmap["STORE_NAME"] in dis.hasname)
print(dis.opmap["LOAD_FAST"] in dis.haslocal, dis.opmap["LOAD_DEREF"] in dis.hasfree)
print(dis.opmap["COMPARE_OP"] in dis.hascompare, dis.cmp_op)
print(dis.stack_effect(dis.opmap["POP_TOP"]), dis.stack_effect(dis.opmap["LOAD_CONST"], 0))
print(dis.stack_effect(dis.opmap["BUILD_TUPLE"], 3))
for args in [(dis.opmap["LOAD_CONST"],), (dis.opmap["POP_TOP"], 0)]:
    try:
        dis.stack_effect(*args)
    except ValueError as e:
        print(e)
