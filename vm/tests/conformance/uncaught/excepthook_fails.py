# A sys.excepthook that raises: both its error and the original exception are printed.
import sys
def hook(tp, value, tb):
    print("hook called with", tp.__name__)
    raise RuntimeError("hook is broken")
sys.excepthook = hook
raise ValueError("original")
