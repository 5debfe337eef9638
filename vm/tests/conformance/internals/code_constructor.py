# types.CodeType(...) with 3.11's 16-18 positional arguments: a copy of a
# code object's fields makes an equal, runnable code object; bad arguments
# raise CPython's errors (bad bytecode is refused before it can run).
import types


def f(a, b=2):
    return a + b


def outer():
    x = 1

    def g(y):
        return x + y
    return g


c = f.__code__
FIELDS = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
          "co_flags", "co_code", "co_consts", "co_names", "co_varnames", "co_filename", "co_name",
          "co_qualname", "co_firstlineno", "co_linetable", "co_exceptiontable", "co_freevars",
          "co_cellvars")


def fields(code):
    return [getattr(code, n) for n in FIELDS]


args = fields(c)
c2 = types.CodeType(*args)
print(c2 == c, c2 is c, c2.co_name, c2.co_varnames, c2.co_nlocals)
print(types.FunctionType(c2, {})(3, 4))
print(types.CodeType(*args[:16]) == c)
print(list(c2.co_lines()) == list(c.co_lines()))

g = outer()
gc = g.__code__
g2 = types.CodeType(*fields(gc))
print(g2 == gc, g2.co_freevars, g2.co_varnames)
print(types.FunctionType(g2, {}, None, None, g.__closure__)(5))
oc = outer.__code__
o2 = types.CodeType(*fields(oc))
print(o2.co_cellvars, types.FunctionType(o2, globals())()(10))

# Renamed pieces.
a = list(args)
a[11] = "renamed"
a[12] = "Q.renamed"
a[10] = "other.py"
a[13] = 99
r = types.CodeType(*a)
print(r.co_name, r.co_qualname, r.co_filename, r.co_firstlineno, r == c)


def t(i, v):
    a = list(args)
    a[i] = v
    try:
        types.CodeType(*a)
        print(i, "ok")
    except Exception as e:
        print(i, type(e).__name__, e)


for i in range(18):
    t(i, "x")
t(0, -1)
t(1, -1)
t(2, -1)
t(3, -1)
t(4, -1)
t(5, -1)
t(0, 5)
t(1, 3)
t(3, 5)
t(8, (1,))
t(9, ("a",))
t(9, ("a", "b", "c"))
t(3, 2 ** 40)
t(6, c.co_code + b"\x00")
t(16, (1,))
for bad in [(), args[:15], args + [1]]:
    try:
        types.CodeType(*bad)
    except TypeError as e:
        print(e)
try:
    types.CodeType(*args[:16], cellvars=())
except TypeError as e:
    print(e)
