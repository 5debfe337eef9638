# Traceback objects: tb_frame (real frames with f_back and f_locals),
# tb_next (writable, with CPython's checks), tb_lineno, tb_lasti and
# types.TracebackType(...).
import sys
import types


def fail(n):
    local = n * 2
    raise KeyError(n)


def middle():
    return fail(3)


def catch():
    try:
        middle()
    except KeyError as e:
        return e.__traceback__, sys._getframe()


tb, here = catch()
entries = []
t = tb
while t is not None:
    f = t.tb_frame
    entries.append((f.f_code.co_name, t.tb_lineno - f.f_code.co_firstlineno, t.tb_lineno == f.f_lineno))
    t = t.tb_next
print(entries)
print("tb_frame is the handler's frame", tb.tb_frame is here)
last = tb.tb_next.tb_next
print("locals of failed frame", sorted(last.tb_frame.f_locals.items()))
print("f_back chain", last.tb_frame.f_back.f_code.co_name, last.tb_frame.f_back.f_back.f_code.co_name)
print("lasti", isinstance(tb.tb_lasti, int))

# tb_next is writable.
second = tb.tb_next
tb.tb_next = None
print("cut", tb.tb_next)
tb.tb_next = second
print("restored", tb.tb_next is second)
for bad in [1, "x"]:
    try:
        tb.tb_next = bad
    except TypeError as e:
        print("TypeError", e)
try:
    del tb.tb_next
except TypeError as e:
    print("TypeError", e)
try:
    second.tb_next.tb_next = tb
except ValueError as e:
    print("ValueError", e)
try:
    tb.tb_next = tb
except ValueError as e:
    print("ValueError", e)

# The constructor.
frame = sys._getframe()
new = types.TracebackType(None, frame, 6, 42)
print(new.tb_lineno, new.tb_lasti, new.tb_frame is frame, new.tb_next)
new2 = types.TracebackType(tb_next=new, tb_frame=frame, tb_lasti=0, tb_lineno=7)
print(new2.tb_next is new)
for args in [(None, 1, 0, 0), (1, frame, 0, 0), (None, frame, "a", 0), (None, frame, 0)]:
    try:
        types.TracebackType(*args)
    except TypeError as e:
        print("TypeError", e)

# A traceback attached with with_traceback keeps its frames.
try:
    raise ValueError("x").with_traceback(new)
except ValueError as e:
    t = e.__traceback__
    print([x.tb_lineno for x in (t, t.tb_next)])

print(type(tb) is types.TracebackType, type(tb.tb_frame) is types.FrameType)
