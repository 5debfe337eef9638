# Code object attributes whose values agree with CPython 3.11.
import types


def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    x = a + b
    def g():
        return x + c
    return g


def plain(p, q):
    r = p * q
    return r


def gen():
    yield 1


co = f.__code__
print(type(co) is types.CodeType, type(co).__name__)
print(co.co_name, co.co_qualname, co.co_filename.endswith("code_attributes.py"))
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars)
g = f(1, d=2)
print(g.__code__.co_freevars, g.__code__.co_cellvars, g.__code__.co_qualname)
print(plain.__code__.co_varnames, plain.__code__.co_nlocals, plain.__code__.co_argcount)
# CO_OPTIMIZED 1, CO_NEWLOCALS 2, CO_VARARGS 4, CO_VARKEYWORDS 8, CO_NESTED 16,
# CO_GENERATOR 32
for fn in (f, g, plain, gen, lambda *a: 0):
    fl = fn.__code__.co_flags
    print(fn.__code__.co_name, [bit for bit in (1, 2, 4, 8, 16, 32, 128, 512) if fl & bit])
print(co.co_firstlineno == f.__code__.co_firstlineno, plain.__code__.co_firstlineno)
print(plain.__code__.co_names, f.__code__.co_names)
print(None in plain.__code__.co_consts or True)
print(isinstance(co.co_code, bytes), len(co.co_code) > 0)
print(isinstance(co.co_linetable, bytes), isinstance(co.co_exceptiontable, bytes))
print(co.co_stacksize > 0, isinstance(co.co_stacksize, int))

# co_lines: (start, end, line) triples over co_code, in order and contiguous.
lines = list(plain.__code__.co_lines())
print(all(len(t) == 3 for t in lines))
print(lines[0][0], lines[-1][1] == len(plain.__code__.co_code))
print(all(a[1] == b[0] for a, b in zip(lines, lines[1:])))
# (CPython's RESUME carries the `def` line; Skein has no RESUME.)
body = lambda c: sorted({l for _, _, l in c.co_lines() if l is not None} - {c.co_firstlineno})
print(body(plain.__code__), body(f.__code__))

# co_positions: one 4-tuple per code unit.
pos = list(plain.__code__.co_positions())
print(all(len(p) == 4 for p in pos))
print(sorted({p[0] for p in pos if p[0] is not None} - {plain.__code__.co_firstlineno}))
print(all(p[0] <= p[1] for p in pos if p[0] is not None))

# repr
r = repr(plain.__code__)
print(r.startswith("<code object plain at 0x"), r.endswith('code_attributes.py", line 12>'))

# equality and hashing
c1 = compile("a = 1", "m", "exec")
c2 = compile("a = 1", "m", "exec")
print(c1 == c2, hash(c1) == hash(c2), c1 != c2)
print(c1 == compile("a = 2", "m", "exec"))
print(c1 == compile("a = 1.0", "m", "exec"))
print(c1 == compile("a = True", "m", "exec"))
print(compile("a = 0.0", "m", "exec") == compile("a = -0.0", "m", "exec"))
print(c1 == 1, c1 != "x")
print(len({c1, c2}))
