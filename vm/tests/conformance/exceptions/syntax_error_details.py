# SyntaxError(msg, details): details is any sequence of 4 to 6 items.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


def info(e):
    return (e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)


attempt("1", lambda: info(SyntaxError("m", (1,))))
attempt("4", lambda: info(SyntaxError("m", ("f", 1, 2, "t"))))
attempt("6", lambda: info(SyntaxError("m", ("f", 1, 2, "t", 3, 4))))
attempt("7", lambda: info(SyntaxError("m", ("f", 1, 2, "t", 3, 4, 5))))
attempt("list", lambda: info(SyntaxError("m", ["f", 1, 2, "t"])))
attempt("int", lambda: info(SyntaxError("m", 5)))
attempt("str4", lambda: info(SyntaxError("m", "abcd")))
attempt("3 args", lambda: info(SyntaxError("m", ("f", 1, 2, "t"), 3)))
attempt("0 args", lambda: info(SyntaxError()))
attempt("IndentationError", lambda: info(IndentationError("m", ("f", 1, 2, "t"))))
attempt("str", lambda: str(SyntaxError("m", ("f", 1, 2, "t"))))
attempt("generator", lambda: info(SyntaxError("m", (x for x in ["f", 2, 3, "t"]))))
attempt("args kept", lambda: SyntaxError("m", ("f", 1, 2, "t")).args)
