# Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, Queue,
# PriorityQueue, LifoQueue: the order in which tasks get through.
import asyncio


async def main():
    lock = asyncio.Lock()
    log = []

    async def locked_worker(name):
        async with lock:
            log.append(f"{name} in")
            await asyncio.sleep(0)
            log.append(f"{name} out")

    await asyncio.gather(*(locked_worker(n) for n in "abc"))
    print(log)
    print(lock.locked(), repr(lock).endswith("[unlocked]>"))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    ev = asyncio.Event()
    order = []

    async def waiter(i):
        await ev.wait()
        order.append(i)

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), order)
    ev.set()
    await asyncio.gather(*ts)
    print(ev.is_set(), order)
    ev.clear()
    print(ev.is_set())

    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            items.pop()
            order.append(f"c{i}")

    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    for k in range(3):
        async with cond:
            items.append(k)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)
    print(order)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
        return i

    print(await asyncio.gather(*(limited(i) for i in range(6))), peak)
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

    barrier = asyncio.Barrier(3)

    async def at_barrier(i):
        idx = await barrier.wait()
        return i

    print(await asyncio.gather(*(at_barrier(i) for i in range(3))), barrier.n_waiting)

    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.maxsize, str(q))
    await q.put(1)
    q.put_nowait(2)
    print(q.full(), q.qsize(), str(q))
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    print(await q.get(), q.get_nowait())
    q.task_done()
    q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    done = []

    async def worker(name):
        while True:
            item = await q.get()
            done.append((name, item))
            q.task_done()

    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    for i in range(6):
        await q.put(i)
    await q.join()
    print(sorted(item for _, item in done))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in range(4):
        await lq.put(x)
    print([await lq.get() for _ in range(4)])

    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    print(getter.cancelled(), q.empty())

asyncio.run(main())
