# An uncaught exception goes to a user-set sys.excepthook (with type, value and traceback).
import sys
def hook(tp, value, tb):
    print("hook:", tp.__name__, value, tb.tb_lineno, file=sys.stderr)
    print("same traceback:", tb is value.__traceback__)
    print("default kept:", sys.__excepthook__ is not hook)
sys.excepthook = hook
print("before")
def fail():
    raise KeyError("missing")
fail()
