# sys.setprofile: 'call'/'return' for Python frames and
# 'c_call'/'c_return'/'c_exception' for builtins called from Python code.
import sys

events = []


def prof(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__:
        return
    if event.startswith("c_"):
        events.append((event, co.co_name, arg.__name__))
    elif event == "return":
        events.append((event, co.co_name, arg))
    else:
        events.append((event, co.co_name))


def helper(xs):
    return len(xs) + max(xs)


def fails():
    try:
        int("x")
    except ValueError:
        return "bad"


def gen():
    yield 1
    yield 2


def run():
    helper([1, 2, 3])
    fails()
    for v in gen():
        abs(v)


sys.setprofile(prof)
run()
sys.setprofile(None)
for e in events:
    print(*e)
print(sys.getprofile())
