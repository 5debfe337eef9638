# Event loop basics: call_soon order, call_later/call_at, run_until_complete,
# run_forever/stop, close, is_running, tasks, futures, names.
import asyncio

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())
out = []
loop.call_soon(out.append, 1)
loop.call_soon(out.append, 2)
h = loop.call_soon(out.append, 3)
h.cancel()
print(h.cancelled())
# call_at first: "late" is then due at least 0.01 s after "at" however
# slowly these two lines run.
loop.call_at(loop.time() + 0.01, out.append, "at")
loop.call_later(0.02, out.append, "late")
loop.call_later(0.03, loop.stop)
loop.run_forever()
print(out)


async def add(a, b):
    await asyncio.sleep(0)
    return a + b

print(loop.run_until_complete(add(2, 3)))
fut = loop.create_future()
loop.call_soon(fut.set_result, "fut-value")
print(loop.run_until_complete(fut))
print(fut.done(), fut.result(), fut.cancelled())
print(repr(fut))


async def running():
    lp = asyncio.get_running_loop()
    print("running:", lp is loop, lp.is_running())
    t = asyncio.current_task()
    print("current:", t.get_name())
    t.set_name("renamed")
    print("renamed:", t.get_name())
    return 1

loop.run_until_complete(loop.create_task(running(), name="mytask"))

try:
    loop.run_until_complete(asyncio.sleep(0, result=1))
except Exception as e:
    print(type(e).__name__)
print(loop.run_until_complete(asyncio.sleep(0.001, result="slept")))

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)

# Future states and errors.
loop = asyncio.new_event_loop()
f = loop.create_future()
print(f.done(), repr(f))
try:
    f.result()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
f.set_exception(ValueError("bad"))
print(repr(f))
print(type(f.exception()).__name__)
try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print("InvalidStateError")
f2 = loop.create_future()
print(f2.cancel(), f2.cancelled(), f2.cancel(), repr(f2))
try:
    f2.result()
except asyncio.CancelledError as e:
    print("CancelledError", e.args)
f3 = loop.create_future()
calls = []
f3.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
f3.add_done_callback(lambda fut: calls.append(("cb2", fut.result())))
cb = lambda fut: calls.append("removed")
f3.add_done_callback(cb)
print(f3.remove_done_callback(cb))
f3.set_result(7)
print(calls)
loop.run_until_complete(asyncio.sleep(0))
print(calls)
print(issubclass(asyncio.CancelledError, BaseException), asyncio.TimeoutError is TimeoutError)
print(asyncio.isfuture(f3), asyncio.isfuture(1))
print(asyncio.iscoroutinefunction(add), asyncio.iscoroutinefunction(print))
c = add(1, 2)
print(asyncio.iscoroutine(c))
c.close()
loop.close()
print(asyncio.Queue[int], asyncio.Future[str].__args__)
