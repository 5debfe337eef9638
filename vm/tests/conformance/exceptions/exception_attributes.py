# Attributes of exception objects: args, with_traceback, __traceback__, notes.
import sys
try:
    raise ValueError("v")
except ValueError as e:
    print(e.__traceback__ is not None, e.__traceback__.tb_lineno)
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e)
    exc = e
print(sys.exc_info())
e2 = ValueError("x")
print(e2.__traceback__, e2.with_traceback(None) is e2)
try:
    raise KeyError("k")
except KeyError as e:
    e.add_note("first note")
    e.add_note("second note")
    print(e.__notes__)
err = OSError(2, "No such file")
print(err.errno, err.strerror, str(err), type(err).__name__)
print(FileNotFoundError(2, "x").errno, type(OSError(2, "x")).__name__)
k = KeyError("key")
print(str(k), repr(k), str(KeyError()), str(KeyError("a", "b")))
s = StopIteration(5)
print(s.value, StopIteration().value)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u.encoding, u.start, u.end, u.reason, str(u))
print(SyntaxError("msg").msg, NameError("n", name="x").name)
