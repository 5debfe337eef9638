# Frame objects: f_back chains, f_code, f_globals, f_builtins, f_locals,
# f_lineno, f_lasti, f_trace*, identity, sys._getframe(depth).
import sys


def rel(f):
    return f.f_lineno - f.f_code.co_firstlineno


def inner(a, b=2):
    c = a + b
    f = sys._getframe()
    print("inner", f.f_code.co_name, rel(f), sorted(f.f_locals))
    print("same object", f is sys._getframe(), f.f_back is sys._getframe(1))
    print("back", f.f_back.f_code.co_name, rel(f.f_back))
    print("back2", f.f_back.f_back.f_code.co_name)
    print("globals", f.f_globals is globals(), f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else f.f_builtins is __builtins__)
    print("trace", f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
    print("lasti int", isinstance(f.f_lasti, int), f.f_lasti >= 0)
    return f


def outer():
    x = "outer-local"
    return inner(1)


f = outer()
# The frame returned: its snapshot stays readable.
print("after return", f.f_code.co_name, sorted((k, v) for k, v in f.f_locals.items() if k != "f"), f.f_back.f_code.co_name)
print("back of outer", f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_back)
print("outer locals", sorted(k for k in f.f_back.f_locals))

m = sys._getframe()
print("module", m.f_code.co_name, m.f_back, m.f_locals is globals())

try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)


def depth():
    return sys._getframe(2).f_code.co_name


def mid():
    return depth()


def top():
    return mid()


print("depth2", top())

# f_locals is refreshed in place on each access.
def refresh():
    f = sys._getframe()
    d1 = f.f_locals
    y = 5
    d2 = f.f_locals
    print("refresh", d1 is d2, "y" in d2)
    del y
    print("deleted", "y" in f.f_locals)


refresh()

# Settable attributes.
g = sys._getframe()
g.f_trace_lines = False
g.f_trace_opcodes = True
print(g.f_trace_lines, g.f_trace_opcodes)
g.f_trace_lines = True
g.f_trace_opcodes = False
try:
    g.f_trace_lines = 1
except TypeError as e:
    print("TypeError", e)


def tracer(*a):
    return None


g.f_trace = tracer
print(g.f_trace is tracer)
g.f_trace = None
print(g.f_trace)
try:
    g.f_lineno = 3
except ValueError as e:
    print("ValueError", e)

# repr without the address.
r = repr(sys._getframe())
print(r.startswith("<frame at 0x"), r.split(",", 2)[2])

# clear() on an executing frame.
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
f.clear()
print("cleared", f.f_locals)
