# Compares instruction positions (co_positions) of CPython 3.11 and Skein for
# the instructions that can raise (the ones tracebacks show), per code object.
# Usage: cargo build -p skein-compiler --example positions &&
#   SKEIN_POSITIONS=<target>/debug/examples/positions python3.11 tools/poscmp.py FILE.py...
# Code objects whose instruction selection differs are skipped.
import dis, os, sys, subprocess, collections
MAP = {'LOAD_METHOD': 'LOAD_ATTR', 'PRECALL': None, 'CALL': 'CALL', 'BINARY_OP': 'BINARY_OP', 'BINARY_SUBSCR': 'BINARY_SUBSCR',
       'LOAD_ATTR': 'LOAD_ATTR', 'STORE_ATTR': 'STORE_ATTR', 'STORE_SUBSCR': 'STORE_SUBSCR', 'COMPARE_OP': 'COMPARE_OP',
       'CONTAINS_OP': 'CONTAINS_OP', 'RAISE_VARARGS': 'RAISE_VARARGS', 'FOR_ITER': 'FOR_ITER', 'GET_ITER': 'GET_ITER',
       'UNPACK_SEQUENCE': 'UNPACK_SEQUENCE', 'UNPACK_EX': 'UNPACK_EX', 'IMPORT_NAME': 'IMPORT_NAME', 'IMPORT_FROM': 'IMPORT_FROM',
       'FORMAT_VALUE': 'FORMAT_VALUE', 'UNARY_NEGATIVE': 'UNARY_NEGATIVE', 'UNARY_INVERT': 'UNARY_INVERT', 'UNARY_NOT': 'UNARY_NOT',
       'DELETE_SUBSCR': 'DELETE_SUBSCR', 'DELETE_ATTR': 'DELETE_ATTR', 'BEFORE_WITH': 'BEFORE_WITH', 'LOAD_GLOBAL': 'LOAD_GLOBAL',
       'LOAD_NAME': 'LOAD_NAME', 'LOAD_DEREF': 'LOAD_DEREF', 'BUILD_SLICE': 'BUILD_SLICE', 'LIST_EXTEND': 'LIST_EXTEND',
       'DICT_MERGE': 'DICT_MERGE', 'CALL_FUNCTION_EX': 'CALL_FUNCTION_EX', 'YIELD_VALUE': None, 'IMPORT_STAR': None}
def cp(path):
    code = compile(open(path).read(), path, 'exec')
    out = collections.defaultdict(list)
    def walk(c):
        for i in dis.get_instructions(c):
            name = MAP.get(i.opname)
            if name:
                p = i.positions
                out[c.co_qualname].append((name, p.lineno, p.end_lineno, p.col_offset, p.end_col_offset))
        for k in c.co_consts:
            if hasattr(k, 'co_code'): walk(k)
    walk(code)
    return out
def mine(path):
    out = collections.defaultdict(list)
    r = subprocess.run(['os.environ.get("SKEIN_POSITIONS", "target/debug/examples/positions")', path], capture_output=True, text=True)
    names = set(v for v in MAP.values() if v)
    for line in r.stdout.splitlines():
        q, op, *nums = line.split()
        if op in names:
            out[q].append((op,) + tuple(int(n) for n in nums))
    return out
total = bad = 0
for path in sys.argv[1:]:
    a, b = cp(path), mine(path)
    for q in a:
        la, lb = a[q], b.get(q, [])
        if [x[0] for x in la] != [x[0] for x in lb]:
            continue  # different instruction selection; skip
        for x, y in zip(la, lb):
            total += 1
            if x != y:
                bad += 1
                if bad <= 40: print(path, q, 'cpython', x, 'skein', y)
print('compared', total, 'mismatched', bad)
