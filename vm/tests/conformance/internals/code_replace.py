# code.replace(): keyword checking and the fields that stay consistent.
def f(a, b=1, *c, d, **e):
    x = 1
    def g():
        return x + a
    return g


def one():
    return 1


co = f.__code__
c2 = co.replace(co_name="zz", co_filename="zz.py", co_qualname="q.zz", co_firstlineno=7)
print(c2.co_name, c2.co_filename, c2.co_qualname, c2.co_firstlineno)
print(c2.co_varnames == co.co_varnames, c2.co_consts == co.co_consts, c2 is not co)
print(co.replace() == co, co.replace(co_name="other") == co)
print(co.replace(co_filename="elsewhere.py") == co)

tests = [
    dict(co_names=(1,)),
    dict(co_varnames=("a", "b")),
    dict(co_nlocals=5),
    dict(co_code="x"),
    dict(co_posonlyargcount=-1),
    dict(co_flags=-1),
    dict(co_stacksize=-1),
    dict(co_firstlineno=-1),
    dict(co_linetable=1),
    dict(co_exceptiontable="x"),
    dict(co_argcount=5),
    dict(co_argcount="a"),
    dict(co_x=1),
    dict(co_name=1),
    dict(co_filename=None),
    dict(co_qualname=b"q"),
    dict(co_consts=[1]),
    dict(co_names=["a"]),
]
for kw in tests:
    try:
        co.replace(**kw)
        print("ok", kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    co.replace(1)
except TypeError as e:
    print(e)

# Replacing constants and names changes what the code does.
one2 = one.__code__.replace(co_consts=tuple(42 if c == 1 else c for c in one.__code__.co_consts))
print(eval(one2), eval(one.__code__))
n = compile("x + y", "e", "eval")
n2 = n.replace(co_names=("y", "x"))
print(n2.co_names, eval(n, {"x": "a", "y": "b"}), eval(n2, {"x": "a", "y": "b"}))
m = compile("print('hi')", "<m>", "exec")
exec(m.replace(co_consts=tuple("bye" if c == "hi" else c for c in m.co_consts)))
print(m.replace(co_name="renamed").co_name)
