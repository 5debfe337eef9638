# gather (with and without return_exceptions), wait with each return_when,
# wait_for, shield, as_completed, cancellation.
import asyncio


async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def main():
    print(await asyncio.gather(work("a", 0.02), work("b", 0.01), work("c", 0)))
    print(await asyncio.gather())
    r = await asyncio.gather(work("a", 0), work("b", 0, True), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    try:
        await asyncio.gather(work("x", 0.01), work("y", 0, True))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.02)

    t1 = asyncio.create_task(work("fast", 0.01))
    t2 = asyncio.create_task(work("slow", 0.2))
    done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled", t2.cancelled())

    t3 = asyncio.create_task(work("ok", 0.01))
    t4 = asyncio.create_task(work("err", 0.02, True))
    t5 = asyncio.create_task(work("long", 0.5))
    done, pending = await asyncio.wait([t3, t4, t5], return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), t4 in done)
    t5.cancel()
    await asyncio.sleep(0)
    t6 = asyncio.create_task(work("p", 0.01))
    t7 = asyncio.create_task(work("q", 0.02))
    done, pending = await asyncio.wait([t6, t7])
    print(sorted(t.result() for t in done), pending)
    done, pending = await asyncio.wait([asyncio.create_task(work("z", 1))], timeout=0.01)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()

    print(await asyncio.wait_for(work("in time", 0), 1))
    try:
        await asyncio.wait_for(work("too slow", 1), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        await asyncio.wait_for(work("zero", 1), 0)
    except TimeoutError:
        print("wait_for(0) timed out")

    inner = asyncio.create_task(work("shielded", 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled:", inner.cancelled())
    print(await inner)

    order = []
    for fut in asyncio.as_completed([work("3", 0.03), work("1", 0.01), work("2", 0.02)]):
        order.append(await fut)
    print(order)

    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("sleeper got CancelledError", e.args)
            raise
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(t.cancel("stop it"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting cancelled task:", e.args, t.cancelled())
    t = asyncio.create_task(sleeper())
    print(t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start", t.cancelled())

asyncio.run(main())
