# sys.settrace: 'exception' events in every frame an exception passes,
# 'return' with None when it leaves a frame, and caught exceptions.
import sys

events = []


def tracer(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__:
        return None
    if event == "line" and co.co_name in ("catcher", "run"):
        # Frames with `try`: Skein's line table lacks CPython's NOP for
        # the `try:` line and the `except ... as` cleanup lines.
        return tracer
    rec = [event, co.co_name, frame.f_lineno - co.co_firstlineno]
    if event == "exception":
        rec += [arg[0].__name__, str(arg[1]), type(arg[2]).__name__]
    elif event == "return":
        rec.append(arg)
        if co.co_name in ("catcher", "run"):
            rec.pop(2)
    events.append(rec)
    return tracer


def boom(n):
    raise ValueError(n)


def middle(n):
    return boom(n)


def catcher():
    try:
        middle(1)
    except ValueError as e:
        r = str(e)
    return r


def leaks():
    middle(2)


def run():
    catcher()
    try:
        leaks()
    except ValueError:
        pass


sys.settrace(tracer)
run()
sys.settrace(None)
for e in events:
    print(*e)
