# What the exception chaining attributes accept, and that they cannot be
# deleted.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


e = ValueError(1)
attempt("__traceback__ = 5", lambda: setattr(e, "__traceback__", 5))
attempt("__traceback__ = None", lambda: setattr(e, "__traceback__", None))
attempt("with_traceback(5)", lambda: e.with_traceback(5))
attempt("with_traceback(None)", lambda: e.with_traceback(None))
attempt("__context__ = 5", lambda: setattr(e, "__context__", 5))
attempt("__context__ = KeyError", lambda: setattr(e, "__context__", KeyError))
attempt("__context__ = KeyError()", lambda: setattr(e, "__context__", KeyError("k")))
print(repr(e.__context__), e.__suppress_context__)
attempt("__cause__ = 5", lambda: setattr(e, "__cause__", 5))
attempt("__cause__ = TypeError()", lambda: setattr(e, "__cause__", TypeError("t")))
print(repr(e.__cause__), e.__suppress_context__)
attempt("__suppress_context__ = 1", lambda: setattr(e, "__suppress_context__", 1))
attempt("__suppress_context__ = None", lambda: setattr(e, "__suppress_context__", None))
attempt("__suppress_context__ = False", lambda: setattr(e, "__suppress_context__", False))
print(e.__suppress_context__)
for name in ["__cause__", "__context__", "__traceback__", "__suppress_context__", "args"]:
    attempt("del " + name, lambda: delattr(e, name))
print(repr(e.__cause__), repr(e.__context__), e.__traceback__, e.args)

try:
    raise ValueError("outer")
except ValueError as caught:
    tb = caught.__traceback__
print(type(tb).__name__, e.with_traceback(tb).__traceback__ is tb)
e.__traceback__ = None
print(e.__traceback__)

# Raising still chains as before.
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer") from None
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
