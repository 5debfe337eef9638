# copy/deepcopy and __reduce__/__setstate__ of exceptions; OSError subclasses by errno.
import copy
cases = [ValueError("a"), KeyError("k"), StopIteration(5), SystemExit(3), OSError(2, "x", "f"),
         OSError(2, "x", "f", None, "g"), ImportError("m", name="n", path="p"),
         NameError("m", name="n"), AttributeError("a", name="n", obj=1),
         SyntaxError("m", ("f", 1, 2, "t", 1, 3)), Exception(), Exception(1, 2)]
for e in cases:
    c, d = copy.copy(e), copy.deepcopy(e)
    print(type(c).__name__, c.args, str(c), e.__reduce__()[1:], type(d).__name__, d.args == e.args)
e = ValueError("a")
e.add_note("note")
e.extra = [1]
d = copy.deepcopy(e)
print(d.__notes__, d.extra, d.extra is e.extra, copy.copy(e).extra is e.extra)
print(copy.copy(OSError(2, "x", "f")).filename, copy.copy(ImportError("m", name="n")).name)
print(copy.copy(NameError("m", name="n")).name, copy.copy(StopIteration(7)).value)
class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.b = b
m = copy.deepcopy(MyErr(1, [2]))
print(type(m).__name__, m.args, m.b)
e = ValueError(1)
e.__setstate__({"a": 1, "b": 2})
e.__setstate__(None)
print(e.a, e.b)
try:
    e.__setstate__(5)
except TypeError as err:
    print("TypeError:", err)
for errno in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 999]:
    print(errno, type(OSError(errno, "m")).__name__, end="; ")
print()
print(type(OSError(2)).__name__, type(OSError("x", "y")).__name__, type(FileNotFoundError(13, "x")).__name__)
print(OSError(2, "x", "f").args, OSError(2, "x", "f").filename2, str(OSError(2, "x", "f", None, "g")))
print(str(OSError(None, None)), str(OSError(1, 2, 3, 4, 5, 6)), OSError("a").errno, BlockingIOError(11, "x", 5).characters_written)
for make in [lambda: NameError("x", foo=1), lambda: AttributeError("x", bar=1), lambda: ImportError("x", baz=1),
             lambda: OSError(2, "x", name=1), lambda: FileNotFoundError(2, "x", q=1)]:
    try:
        make()
    except TypeError as err:
        print("TypeError:", err)
print(ImportError("a", "b").msg, ImportError("a").msg, ImportError(path="p").path)
