# sys.settrace: call/line/return events for calls, loops, nested
# functions and generators; the local trace function returned from 'call'.
# (`pass`, `try:` and the other statement shapes are in
# settrace_lines.py and settrace_lines2.py.)
import sys

events = []


def tracer(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__:
        return None
    rec = (event, co.co_name, frame.f_lineno - co.co_firstlineno)
    if event == "return":
        rec += (arg,)
    events.append(rec)
    return tracer


def add(a, b):
    c = a + b
    return c


def loop(n):
    t = 0
    for i in range(n):
        t += add(i, 1)
    while n > 0:
        n -= 1
    return t


def outer():
    def inner(x):
        return x * 2
    y = inner(3)
    return y


def gen():
    yield 1
    x = 2
    yield x


def run():
    loop(2)
    outer()
    print(list(gen()))
    for v in gen():
        abs(v)


sys.settrace(tracer)
run()
sys.settrace(None)
for e in events:
    print(*e)
print("gettrace after", sys.gettrace())
