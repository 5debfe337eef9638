import traceback, sys
def f():
    raise ExceptionGroup("inner", [KeyError("k"), ValueError("v")])
try:
    try:
        f()
    except ExceptionGroup as g:
        raise ExceptionGroup("outer", [g, TypeError("t")] + [OSError(i) for i in range(16)]) from None
except ExceptionGroup as e:
    traceback.print_exc(file=sys.stdout)
    # The first lines only; cut by lines, not characters, since the
    # script's path (its length differs between checkouts) is in them.
    text = "".join(traceback.format_exception(e, chain=False))
    print("".join(text.splitlines(True)[:6]), end="")
    te = traceback.TracebackException.from_exception(e, max_group_width=2, max_group_depth=1)
    print("".join(te.format()))
e = ValueError("x"); e.__notes__ = "not a list"
print(traceback.format_exception_only(e))
e = ValueError("x"); e.__notes__ = [1, "two"]
print(traceback.format_exception_only(e))
try:
    raise ValueError("a") from KeyError("b")
except ValueError as v:
    v.__suppress_context__ = True
    print("".join(traceback.format_exception(v)))
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ValueError("no ctx") from None
except ValueError as v:
    print("".join(traceback.format_exception(v)))
class Weird(Exception): pass
Weird.__module__ = "pkg.mod"
print(traceback.format_exception_only(Weird("w")))
print(traceback.format_exception_only(SyntaxError("m", ("f.py", 3, 5, "  bad code here\n", 3, 9))))
print(traceback.format_exception_only(SyntaxError("m")))
print(traceback.format_exception_only(IndentationError("ind", ("g.py", None, None, None))))
