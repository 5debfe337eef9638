# sys.unraisablehook / sys.__unraisablehook__ and UnraisableHookArgs: the
# default hook's format (objects here have address-free reprs).
import sys

print(sys.unraisablehook is sys.__unraisablehook__)
print(hasattr(sys, "UnraisableHookArgs"))

seen = []
sys.unraisablehook = seen.append

class Boom:
    def __del__(self):
        raise OSError("disk on fire")

Boom()
args = seen[0]
T = type(args)
print(T.__name__, len(args), T.n_fields)
print([f for f in T.__match_args__])
print(args.exc_type is OSError, args.exc_value.args, args.err_msg, args.object.__name__)
print(args[0] is args.exc_type, args[3] is None)

class Named:
    def __repr__(self):
        return "<Named thing>"

class BadRepr:
    def __repr__(self):
        raise RuntimeError("no repr")

def make_error():
    try:
        raise ValueError("with traceback")
    except ValueError as e:
        return e

sys.unraisablehook = sys.__unraisablehook__
e = make_error()
sys.__unraisablehook__(T((ValueError, e, e.__traceback__, None, Named())))
sys.__unraisablehook__(T((KeyError, KeyError("k"), None, "Custom message", Named())))
sys.__unraisablehook__(T((TypeError, TypeError(), None, "Only a message", None)))
sys.__unraisablehook__(T((ZeroDivisionError, ZeroDivisionError("z"), None, None, BadRepr())))

class MyErr(Exception):
    pass
MyErr.__module__ = "pkg.mod"
sys.__unraisablehook__(T((MyErr, MyErr("qualified"), None, None, Named())))

def failing_hook(u):
    raise LookupError("hook failed")

class Repr:
    def __repr__(self):
        return "<hook stand-in>"

sys.unraisablehook = failing_hook
try:
    sys.__unraisablehook__(42)
except TypeError as exc:
    print("TypeError:", exc)
print("end")
