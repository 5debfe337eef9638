# Assigning __name__ and __qualname__ of classes: only str, never on builtin
# types, never deleted.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


class C:
    class Inner:
        pass


attempt("C.__name__ = 5", lambda: setattr(C, "__name__", 5))
attempt("C.__qualname__ = 5", lambda: setattr(C, "__qualname__", 5))
attempt("C.__name__ = None", lambda: setattr(C, "__name__", None))
attempt("C.__name__ with NUL", lambda: setattr(C, "__name__", "a\x00b"))
attempt("C.__qualname__ with NUL", lambda: setattr(C, "__qualname__", "a\x00b"))
print(ascii(C.__qualname__))
C.__qualname__ = "C"
for name in ["__name__", "__qualname__"]:
    attempt("int." + name + " = 'x'", lambda: setattr(int, name, "x"))
    attempt("del C." + name, lambda: delattr(C, name))
    attempt("type descriptor on int", lambda: type.__dict__[name].__set__(int, "x"))
    attempt("type descriptor delete", lambda: type.__dict__[name].__delete__(C))
    attempt("ValueError." + name, lambda: setattr(ValueError, name, "x"))
print(int.__name__, int.__qualname__, ValueError.__name__)

C.__name__ = "Renamed"
print(C.__name__, C.__qualname__, repr(C))
C.__qualname__ = "Outer.Renamed"
print(C.__name__, C.__qualname__, repr(C))
C.Inner.__name__ = "I2"
print(C.Inner.__name__, C.Inner.__qualname__)


class S(str):
    pass


C.__name__ = S("from subclass")
print(C.__name__)
Dyn = type("Dyn", (), {})
Dyn.__name__ = "Dyn2"
print(Dyn.__name__, Dyn.__qualname__, Dyn().__class__.__name__)
