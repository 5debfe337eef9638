import sys
import traceback


def inner(a):
    return a[1] + a["x"]


def middle(a):
    return inner(a) * 2


def outer():
    return middle([1, 2])


try:
    outer()
except TypeError:
    print(traceback.format_exc(), end="")
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc()
    traceback.print_exc(limit=1, file=sys.stdout)
    traceback.print_exc(limit=-1, file=sys.stdout)
    e = sys.exc_info()[1]

print(traceback.format_exception_only(type(e), e))
print(traceback.format_exception_only(e))
print(traceback.format_exception(e)[-1], end="")
print("".join(traceback.format_tb(e.__traceback__)), end="")
traceback.print_tb(e.__traceback__, file=sys.stdout)
s = traceback.extract_tb(e.__traceback__)
print(type(s).__name__, len(s), s[0].name, s[-1].name, s[-1].line, s[-1].lineno)
print(s[-1].colno, s[-1].end_colno, s[-1].end_lineno, repr(s[-1]).startswith("<FrameSummary file "))
fn, ln, name, line = s[-1]
print(ln, name, line, s[-1] == (fn, ln, name, line))
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)])
print(traceback.format_list([("f.py", 3, "func", "x = 1"), ("g.py", 4, "gunc", "")]))


def chained():
    try:
        {}["missing"]
    except KeyError as k:
        raise ValueError("bad value") from k


try:
    chained()
except ValueError as v:
    print("".join(traceback.format_exception(type(v), v, v.__traceback__)), end="")
    print("".join(traceback.format_exception(v, chain=False)), end="")

try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name_here
except NameError as n:
    traceback.print_exception(n, file=sys.stdout)
    te = traceback.TracebackException.from_exception(n)
    print(str(te), te.exc_type.__name__, te.__context__.exc_type.__name__, len(te.stack))
    print(list(te.format_exception_only()))

try:
    exec("def g():\n    return 1/0\ng()\n")
except ZeroDivisionError as z:
    traceback.print_exception(z, file=sys.stdout)

try:
    compile("x = (1,\n", "<src>", "exec")
except SyntaxError as se:
    print("".join(traceback.format_exception_only(se)), end="")
try:
    compile("a b c", "mod.py", "exec")
except SyntaxError as se:
    print("".join(traceback.format_exception_only(se)), end="")


class MyErr(Exception):
    pass


err = MyErr("with notes")
err.add_note("note one")
err.add_note("note two\nsecond line")
print("".join(traceback.format_exception(err)), end="")
print(traceback.format_exception_only(MyErr()), traceback.format_exception_only(None))


def rec(n):
    if n == 0:
        raise RuntimeError("deep")
    return rec(n - 1)


try:
    rec(8)
except RuntimeError as r:
    traceback.print_exc(file=sys.stdout)


def show_stack():
    traceback.print_stack(file=sys.stdout)
    st = traceback.extract_stack()
    print([f.name for f in st][-2:], st[-1].colno)
    print("".join(traceback.format_stack(limit=1)), end="")


def caller():
    show_stack()


caller()
try:
    raise ExceptionGroup("group", [ValueError("v"), TypeError("t")])
except ExceptionGroup as g:
    traceback.print_exc(file=sys.stdout)
print(traceback.format_exception(KeyError, KeyError("k"), None))
try:
    traceback.format_exception(ValueError, ValueError())
except ValueError as x:
    print(x)
import traceback
def f():
    return traceback.StackSummary.extract(traceback.walk_stack(None))
def g():
    return f()
print([fs.name for fs in g()])
print([(fs.name, fs.lineno) for fs in traceback.StackSummary.extract(traceback.walk_stack(None))])
