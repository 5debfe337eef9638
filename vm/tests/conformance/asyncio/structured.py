# asyncio.timeout/timeout_at, TaskGroup, Runner, exception handlers,
# "exception was never retrieved", all_tasks, errors of run().
import asyncio
import gc


async def slow(x, d=1):
    await asyncio.sleep(d)
    return x


async def fail(msg, d=0):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def timeouts():
    async with asyncio.timeout(1) as cm:
        r = await slow("quick", 0)
    print(r, cm.expired())
    try:
        async with asyncio.timeout(0.01) as cm:
            await slow("never")
    except TimeoutError:
        print("timeout expired:", cm.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await slow("never")
    except TimeoutError:
        print("timeout_at expired")
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        cm.reschedule(loop.time() + 10)
        print(cm.when() is not None)
        await asyncio.sleep(0)
    print(repr(cm))


async def groups():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(slow(1, 0.01))
        t2 = tg.create_task(slow(2, 0), name="second")
    print(t1.result(), t2.result(), t2.get_name())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("one", 0))
            tg.create_task(fail("two", 0.01))
            long = tg.create_task(slow("long", 5))
    except* ValueError as eg:
        print(type(eg).__name__, sorted(str(e) for e in eg.exceptions))
    print("long cancelled:", long.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(1, 0.01))
            raise KeyError("body")
    except* KeyError as eg:
        print("body error:", [repr(e) for e in eg.exceptions])


async def current():
    me = asyncio.current_task()
    others = [asyncio.create_task(slow(i, 0.01)) for i in range(3)]
    tasks = asyncio.all_tasks()
    print(len(tasks), me in tasks, all(t in tasks for t in others))
    await asyncio.gather(*others)
    print(len(asyncio.all_tasks()))


def handler_demo():
    loop = asyncio.new_event_loop()
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"], type(ctx.get("exception")).__name__)))

    def bad_callback():
        raise ZeroDivisionError("cb")

    loop.call_soon(bad_callback)
    loop.run_until_complete(asyncio.sleep(0))
    print(seen[0][0].startswith("Exception in callback"), seen[0][1])

    async def boom():
        raise RuntimeError("never retrieved")

    t = loop.create_task(boom())
    loop.run_until_complete(asyncio.sleep(0.001))
    print(t.done())
    del t
    gc.collect()
    print(seen[1:])
    loop.call_exception_handler({"message": "custom"})
    print(seen[-1])
    loop.close()


def runner_demo():
    with asyncio.Runner() as runner:
        print(runner.run(slow("r1", 0)))
        print(runner.run(slow("r2", 0)))
        loop = runner.get_loop()
        print(loop.is_running(), loop.is_closed())
    print(loop.is_closed())
    c = slow("x", 0)
    try:
        runner.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()

    async def nested():
        c = slow(1)
        try:
            asyncio.run(c)
        except RuntimeError as e:
            print("RuntimeError:", e)
        c.close()
    asyncio.run(nested())
    try:
        asyncio.run(42)
    except ValueError as e:
        print("ValueError:", e)

    async def leaves_tasks():
        async def forever():
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("leftover task cancelled at shutdown")
                raise
        asyncio.create_task(forever())
        await asyncio.sleep(0)
        return "main done"
    print(asyncio.run(leaves_tasks()))


asyncio.run(timeouts())
asyncio.run(groups())
asyncio.run(current())
handler_demo()
runner_demo()
