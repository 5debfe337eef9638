# BaseException.__init__ refuses keyword arguments for every class (user
# classes included); __new__ of the builtin exceptions belongs to the class
# that defines it, which its error messages name.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


class E(Exception):
    pass


class F(E):
    pass


attempt("E(b=2)", lambda: E(b=2))
attempt("F(1, b=2)", lambda: F(1, b=2))
attempt("Exception(b=2)", lambda: Exception(b=2))
attempt("ValueError(x=1)", lambda: ValueError(x=1))
attempt("StopIteration(value=3)", lambda: StopIteration(value=3))
attempt("SystemExit(code=1)", lambda: SystemExit(code=1))
attempt("KeyError(key=1)", lambda: KeyError(key=1))
attempt("E(**{})", lambda: E(**{}))
attempt("E(1, 2)", lambda: E(1, 2))


class WithInit(Exception):
    def __init__(self, b, c=0):
        super().__init__(b, c)
        self.b = b


attempt("WithInit(b=2)", lambda: WithInit(b=2))
attempt("WithInit(1, c=5).args", lambda: WithInit(1, c=5).args)


class PassesKeywords(Exception):
    def __init__(self, **kw):
        super().__init__(**kw)


attempt("PassesKeywords(x=1)", lambda: PassesKeywords(x=1))
attempt("PassesKeywords()", lambda: PassesKeywords())


class WithNew(Exception):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args)


attempt("WithNew(1)", lambda: WithNew(1))
attempt("WithNew(x=1)", lambda: WithNew(x=1))


class WithBoth(Exception):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args)

    def __init__(self, *args, **kw):
        super().__init__(*args)
        self.kw = kw


attempt("WithBoth(1, x=2).kw", lambda: WithBoth(1, x=2).kw)


class MyImportError(ImportError):
    pass


e = MyImportError("m", name="n", path="p")
print(repr(e), e.name, e.path)
attempt("MyImportError(bad=1)", lambda: MyImportError(bad=1))
attempt("NameError(name='x').name", lambda: NameError("m", name="x").name)
attempt("AttributeError(obj=1).obj", lambda: AttributeError("m", name="a", obj=1).obj)

# Whose __new__ it is.
for cls in [BaseException, Exception, ValueError, LookupError, KeyError, IndexError, AttributeError,
            StopIteration, SyntaxError, IndentationError, TabError, SystemExit, ImportError,
            ModuleNotFoundError, NameError, UnboundLocalError, UnicodeDecodeError, Warning,
            UserWarning, RecursionError, E]:
    attempt(cls.__name__ + ".__new__(int)", lambda: cls.__new__(int))

attempt("KeyError.__new__(3)", lambda: KeyError.__new__(3))
attempt("Exception.__new__('x')", lambda: Exception.__new__("x"))
attempt("ValueError.__new__(KeyError)", lambda: ValueError.__new__(KeyError))
attempt("ValueError.__new__(ValueError, 1)", lambda: ValueError.__new__(ValueError, 1))
attempt("LookupError.__new__(KeyError, 1)", lambda: LookupError.__new__(KeyError, 1))
attempt("Exception.__new__(KeyError, 'k')", lambda: Exception.__new__(KeyError, "k"))
attempt("BaseException.__new__(E, 1, 2)", lambda: BaseException.__new__(E, 1, 2))
attempt("E.__new__(E).args", lambda: E.__new__(E).args)
attempt("KeyError.__new__()", lambda: KeyError.__new__())

# A class whose builtin __new__ is not BaseException's cannot be built by it.
class MyOSError(OSError):
    pass


class PyNew(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, *args)


class UnderPyNew(PyNew):
    pass


attempt("Exception.__new__(OSError)", lambda: Exception.__new__(OSError))
attempt("Exception.__new__(FileNotFoundError)", lambda: Exception.__new__(FileNotFoundError))
attempt("BaseException.__new__(MyOSError)", lambda: BaseException.__new__(MyOSError))
attempt("BaseException.__new__(ExceptionGroup)", lambda: BaseException.__new__(ExceptionGroup, "m", [E()]))
attempt("Exception.__new__(UnderPyNew, 1)", lambda: Exception.__new__(UnderPyNew, 1))
attempt("UnderPyNew(2)", lambda: UnderPyNew(2))
attempt("object.__new__(ValueError)", lambda: object.__new__(ValueError))
attempt("ValueError.__new__(ValueError, x=1)", lambda: ValueError.__new__(ValueError, x=1))
print(KeyError.__new__.__self__, KeyError.__new__.__name__, KeyError.__new__.__qualname__)

print(KeyError.__new__ is LookupError.__new__)
print(StopIteration.__new__ is Exception.__new__)
print(ValueError.__new__ is Exception.__new__)
print(E.__new__ is Exception.__new__)
print("__new__" in KeyError.__dict__, "__new__" in LookupError.__dict__)
print("__new__" in ValueError.__dict__, "__new__" in SystemExit.__dict__)

# __new__ leaves args to __init__ only when __init__ is overridden.
k = KeyError.__new__(KeyError, "a", "b")
print(type(k).__name__, k.args)
k.__init__("c")
print(k.args)
