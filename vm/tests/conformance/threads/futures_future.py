# Future on its own: states, set_result/set_exception, callbacks, cancel, InvalidStateError, repr state.
from concurrent.futures import Future, CancelledError, InvalidStateError
import concurrent.futures as cf


def state(f):
    # repr is "<Future at 0x... state=...>": print only the part after the address.
    return repr(f).split(" state=")[1].rstrip(">")


f = Future()
print(state(f), f.done(), f.running(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append(("first", fut.result())))
f.add_done_callback(lambda fut: calls.append(("second", fut.result())))
print(f.set_running_or_notify_cancel(), state(f), f.running())
print("cancel while running:", f.cancel())
f.set_result(42)
print(state(f), f.done(), f.result(), f.exception(), calls)
f.add_done_callback(lambda fut: calls.append(("late", fut.result())))
print(calls[-1])
for setter, value in [(f.set_result, 1), (f.set_exception, ValueError())]:
    try:
        setter(value)
    except InvalidStateError as e:
        print("InvalidStateError:", str(e).split(":")[0])

e = Future()
e.set_exception(ZeroDivisionError("zero"))
print(state(e), repr(e.exception()))
try:
    e.result()
except ZeroDivisionError as err:
    print("raised:", err)

n = Future()
n.set_result(None)
print(state(n))

c = Future()
c.add_done_callback(lambda fut: calls.append(("cancelled cb", fut.cancelled())))
print(c.cancel(), c.cancel(), c.cancelled(), c.done(), state(c), calls[-1])
for getter in (c.result, c.exception):
    try:
        getter()
    except CancelledError as err:
        print("CancelledError", repr(str(err)))
print("notify cancel:", c.set_running_or_notify_cancel(), state(c))

t = Future()
for getter in (t.result, t.exception):
    try:
        getter(timeout=0.01)
    except TimeoutError as err:
        print("TimeoutError", type(err) is TimeoutError, cf.TimeoutError is TimeoutError)

# Callbacks registered before completion run when the result is set.
quiet = Future()
quiet.add_done_callback(lambda fut: calls.append("after"))
quiet.set_result("v")
print(calls[-1])
print(issubclass(CancelledError, cf._base.Error), issubclass(cf.BrokenExecutor, RuntimeError))
