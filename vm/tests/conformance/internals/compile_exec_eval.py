# compile(), exec() and eval() with every mode, flags and errors.
import collections

c = compile("x = 5\nprint(x)", "m.py", "exec")
print(c.co_name, c.co_filename, c.co_firstlineno, c.co_names)
exec(c)
ns = {}
exec(c, ns)
print(ns["x"], "__builtins__" in ns)
print(eval(compile("[i * i for i in range(4)]", "e", "eval")))
print(eval(compile("1 + 2", "e", "eval")), exec(compile("1 + 2", "e", "eval")))
print(eval(compile("x = 3", "e", "exec")))
exec(compile("1 + 1", "s", "single"))
exec(compile("None", "s", "single"))
exec(compile("for i in range(2): i\n", "s", "single"))
exec(compile("a = 1; b = 2; a + b", "s", "single"))
print(compile("1", "f", "single", dont_inherit=True, flags=0x200 | 0x4000).co_name)
print(compile("1", "f", "eval", 0, True, 2).co_name)
print(compile(source="1", filename="f", mode="eval").co_filename)
print(compile(b"x = 1", b"bytes_name", "exec").co_filename)
print(compile(bytearray(b"x = 1"), "f", "exec").co_names)
print(compile(memoryview(b"x = 1"), "f", "exec").co_names)
print(compile(b"\xef\xbb\xbfx = 1", "f", "exec").co_names)
print(compile(b"# -*- coding: latin-1 -*-\nx = '\xe9'", "f", "exec").co_consts)


class P:
    def __fspath__(self):
        return "from_fspath.py"


print(compile("1", P(), "eval").co_filename)
print(eval("  1 + 1"), eval(b"2"), eval("\t\n1"))
print(exec("y = 1", {}, collections.UserDict()))
print(eval("x", {"x": 1}), eval("x", {}, {"x": 2}))


def h():
    y = 5

    def k():
        print("closure", y)

    return k


k = h()
exec(k.__code__, {}, None, closure=k.__closure__)

errors = [
    lambda: compile("x", "f", "bad"),
    lambda: compile("x", "f", "exec", 0x7FFFFFFF),
    lambda: compile("x", "f", "exec", 0, 0, 5),
    lambda: compile("x", "f", "exec", 1.5),
    lambda: compile(1, "f", "exec"),
    lambda: compile(c, "f", "exec"),
    lambda: compile("x", 1, "exec"),
    lambda: compile("x", "f", 1),
    lambda: compile("x", "f", "func_type"),
    lambda: compile("x"),
    lambda: compile(),
    lambda: compile("x", "f", "exec", foo=1),
    lambda: compile("x", "f", "exec", 0, 0, 0, 0),
    lambda: exec("x", []),
    lambda: exec("x", {}, 1),
    lambda: exec(1),
    lambda: exec(),
    lambda: exec("1", {}, {}, 5),
    lambda: exec("x = 1", globals={}),
    lambda: exec("x = 1", {}, {}, closure=(1,)),
    lambda: exec(compile("x = 1", "f", "exec"), {}, {}, closure=(1,)),
    lambda: exec(k.__code__),
    lambda: exec(k.__code__, {}, None, closure=()),
    lambda: eval(1),
    lambda: eval(),
    lambda: eval("x", []),
    lambda: eval("x", {}, 1),
    lambda: eval("1", {}, {}, 5),
    lambda: eval("1", locals={}),
    lambda: eval(k.__code__),
    lambda: eval("a\0"),
    lambda: exec(b"a\0"),
]
for t in errors:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

for src, mode in [
    ("x = ", "exec"),
    ("def f(:\n  pass", "exec"),
    ("a\0", "exec"),
    ("  x", "exec"),
    ("if 1:\nx", "exec"),
    ("x = 1\ny = 2", "single"),
    ("x = 1\n\ny = 2", "single"),
    ("x=1;y=2\nz", "single"),
    ("(1 +\n 2)\ny", "single"),
    (b"\xff", "exec"),
]:
    try:
        compile(src, "f.py", mode)
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)
