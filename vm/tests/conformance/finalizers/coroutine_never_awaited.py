# A coroutine that is never awaited warns when it is dropped.
import warnings

async def work():
    return 1

c = work()
del c
print("after first")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = work()
    del c
    print(len(w), w[0].category.__name__, str(w[0].message))

async def awaited():
    return await other()

async def other():
    return 5

coro = awaited()
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
del coro
print("end")
