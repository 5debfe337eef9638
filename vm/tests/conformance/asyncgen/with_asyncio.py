# Async generators under asyncio: the loop's hooks, shutdown_asyncgens at the
# end of asyncio.run, the finalizer scheduling aclose(), asynccontextmanager.
import asyncio
import contextlib
import gc
import sys


async def ticker(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield f"{name}{i}"
    finally:
        print(f"  {name} closing")
        await asyncio.sleep(0)
        print(f"  {name} closed")


async def broken_off():
    async for v in ticker("a", 10):
        print("got", v)
        if v == "a1":
            break
    print("left the loop; the generator is still suspended")


async def dropped():
    g = ticker("b", 10)
    print("got", await g.__anext__())
    del g
    gc.collect()
    print("dropped; aclose() is scheduled as a task")
    for _ in range(5):
        await asyncio.sleep(0)


async def hooks_inside():
    firstiter, finalizer = sys.get_asyncgen_hooks()
    print("hooks installed:", firstiter is not None, finalizer is not None)
    print("bound to the loop:", firstiter.__self__ is asyncio.get_running_loop())


@contextlib.asynccontextmanager
async def resource(name):
    print("  open", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("  resource saw", repr(e))
        raise
    finally:
        print("  release", name)


@contextlib.asynccontextmanager
async def suppressing():
    try:
        yield
    except ZeroDivisionError:
        print("  suppressed ZeroDivisionError")


async def context_managers():
    async with resource("db") as r:
        print("using", r)
    try:
        async with resource("file"):
            raise KeyError("k")
    except KeyError:
        print("KeyError propagated")
    async with suppressing():
        1 / 0
    print("after suppression")
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource("one"))
        b = await stack.enter_async_context(resource("two"))
        print("stack holds", a, b)


async def running_flag():
    async def probe():
        print("  inside, ag_running:", g.ag_running)
        await asyncio.sleep(0)
        yield 1

    g = probe()
    print("before:", g.ag_running)
    print("value:", await anext(g))
    print("after:", g.ag_running)
    print("default:", await anext(g, "done"))


async def pipeline():
    async def numbers():
        for i in range(5):
            await asyncio.sleep(0)
            yield i

    async def squares(src):
        async for x in src:
            yield x * x

    async def evens(src):
        async for x in src:
            if x % 2 == 0:
                yield x

    print("pipeline:", [x async for x in evens(squares(numbers()))])
    gens = [ticker(n, 2) for n in "xy"]
    results = await asyncio.gather(*[anext(g) for g in gens])
    print("gathered:", results)
    for g in gens:
        await g.aclose()


async def errors():
    async def fails():
        yield 1
        raise ValueError("inside")

    try:
        async for v in fails():
            print("value", v)
    except ValueError as e:
        print("ValueError", e)

    async def cancelled():
        try:
            yield 1
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  cancelled inside the generator")
            raise

    async def consume():
        async for _ in cancelled():
            pass

    t = asyncio.ensure_future(consume())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled")


async def main():
    await hooks_inside()
    await broken_off()
    await dropped()
    await context_managers()
    await running_flag()
    await pipeline()
    await errors()
    print("main returns")


asyncio.run(main())
print("after run, hooks:", sys.get_asyncgen_hooks())


async def late():
    g = ticker("c", 3)
    await g.__anext__()
    await g.__anext__()
    print("returning with c suspended")


loop = asyncio.new_event_loop()
loop.run_until_complete(late())
print("shutdown_asyncgens:")
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
print("end")
