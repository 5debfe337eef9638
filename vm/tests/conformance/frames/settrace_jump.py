# frame.f_lineno assignment from a trace function: forward and backward
# jumps, leaving a for loop, and CPython's errors for illegal jumps.
import sys

plan = {}
messages = []


def jumper(frame, event, arg):
    co = frame.f_code
    if co.co_name not in plan:
        return None
    rel = frame.f_lineno - co.co_firstlineno
    todo = plan[co.co_name]
    if todo and todo[0][0] == event and todo[0][1] == rel:
        _, _, to = todo.pop(0)
        try:
            frame.f_lineno = co.co_firstlineno + to
        except ValueError as e:
            messages.append((co.co_name, event, str(e)))
    return jumper


def forward():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out


def backward():
    out = []
    out.append(1)
    out.append(2)
    return out


def leave_loop():
    out = []
    for i in range(5):
        out.append(i)
        out.append(-i)
    out.append("after")
    return out


def into_loop():
    out = []
    out.append(0)
    for i in range(2):
        out.append(i)
    return out


def bounds():
    x = 1
    return x


def run(name, steps):
    plan[name] = steps
    sys.settrace(jumper)
    r = globals()[name]()
    sys.settrace(None)
    print(name, r)


run("forward", [("line", 2, 4)])
run("backward", [("line", 3, 2)])
run("leave_loop", [("line", 4, 6)])
run("into_loop", [("line", 2, 4)])
run("bounds", [("line", 1, -5), ("line", 2, 100)])
run("bounds", [("call", 0, 2)])
run("bounds", [("return", 2, 1)])
for m in messages:
    print(*m)
