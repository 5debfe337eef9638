# The builtin getset descriptors (BaseException.args, type.__name__,
# object.__class__, ...) called directly: __get__, __set__, __delete__.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


args = BaseException.args
print(type(args).__name__, args.__name__, args.__qualname__, args.__objclass__)

e = ValueError(1)
attempt("args.__get__(e)", lambda: args.__get__(e))
attempt("args.__set__(e, (2, 3))", lambda: args.__set__(e, (2, 3)))
print(e.args, str(e))
attempt("args.__set__(e, [4])", lambda: args.__set__(e, [4]))
print(e.args)
attempt("args.__delete__(e)", lambda: args.__delete__(e))
attempt("args.__get__(None, ValueError) is args", lambda: args.__get__(None, ValueError) is args)
attempt("args.__get__(None)", lambda: args.__get__(None))
attempt("args.__get__(3)", lambda: args.__get__(3))
attempt("args.__set__(3, ())", lambda: args.__set__(3, ()))
attempt("args.__delete__('s')", lambda: args.__delete__("s"))
attempt("args.__set__(e)", lambda: args.__set__(e))
attempt("args.__delete__()", lambda: args.__delete__())

# Chaining attributes through their descriptors.
attempt("__cause__.__set__", lambda: BaseException.__cause__.__set__(e, KeyError("k")))
print(repr(e.__cause__), e.__suppress_context__)
attempt("__cause__.__set__(e, 1)", lambda: BaseException.__cause__.__set__(e, 1))
attempt("__context__.__set__", lambda: BaseException.__context__.__set__(e, None))
print(e.__context__)
attempt("__suppress_context__.__set__", lambda: BaseException.__suppress_context__.__set__(e, False))
print(e.__suppress_context__)


# type and object descriptors.
class C:
    pass


class D:
    pass


attempt("type.__name__ set", lambda: type.__dict__["__name__"].__set__(C, "Renamed"))
print(C.__name__, C.__qualname__)
attempt("type.__name__ get", lambda: type.__dict__["__name__"].__get__(C))
attempt("type.__name__ on int", lambda: type.__dict__["__name__"].__set__(3, "x"))
attempt("type.__name__ bad value", lambda: type.__dict__["__name__"].__set__(C, 5))
o = C()
attempt("__class__ set", lambda: object.__dict__["__class__"].__set__(o, D))
print(type(o).__name__)
attempt("__class__ get", lambda: object.__dict__["__class__"].__get__(o).__name__)

# Read-only ones.
attempt("builtin __name__ set", lambda: type(len).__dict__["__name__"].__set__(len, "x"))
attempt("builtin __name__ delete", lambda: type(len).__dict__["__name__"].__delete__(len))
print(type(len).__dict__["__name__"].__get__(len))

# getattr/setattr agree.
setattr(e, "args", ("via setattr",))
print(args.__get__(e), getattr(e, "args"))
