# Thread safety: one loop per thread running at once, run_in_executor and
# to_thread on other OS threads, call_soon_threadsafe waking a loop that is
# blocked in its selector, run_coroutine_threadsafe into a loop running in
# another thread. Every printed value is independent of thread scheduling.
import asyncio
import concurrent.futures
import threading


def cpu(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


# 1. Eight threads, each with its own loop and tasks.
results = {}


async def per_thread(k):
    loop = asyncio.get_running_loop()
    async def step(i):
        await asyncio.sleep(0.001 * (i % 3))
        return k * 100 + i
    vals = await asyncio.gather(*(step(i) for i in range(20)))
    q = asyncio.Queue()
    async def producer():
        for i in range(50):
            await q.put(i)
        await q.put(None)
    async def consumer():
        total = 0
        while (item := await q.get()) is not None:
            total += item
        return total
    _, total = await asyncio.gather(producer(), consumer())
    return (sum(vals), total, asyncio.get_running_loop() is loop)


def thread_main(k):
    results[k] = asyncio.run(per_thread(k))


threads = [threading.Thread(target=thread_main, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))


# 2. run_in_executor / to_thread on worker threads.
async def executor_work():
    loop = asyncio.get_running_loop()
    futs = [loop.run_in_executor(None, cpu, 10000 + i) for i in range(8)]
    print(await asyncio.gather(*futs) == [cpu(10000 + i) for i in range(8)])
    print(await asyncio.to_thread(cpu, 1000), cpu(1000))
    names = await asyncio.gather(*(asyncio.to_thread(lambda: threading.current_thread() is threading.main_thread()) for _ in range(4)))
    print("ran in main thread:", any(names))
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        r = await asyncio.gather(*(loop.run_in_executor(pool, pow, 2, i) for i in range(10)))
    print(r)
    try:
        await loop.run_in_executor(None, int, "x")
    except ValueError as e:
        print("executor raised:", e)

asyncio.run(executor_work())


# 3. call_soon_threadsafe from other threads wakes the loop out of select().
async def wake_from_threads():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    got = []
    n = 6

    def deliver(i):
        got.append(i)
        if len(got) == n and not fut.done():
            fut.set_result(sorted(got))

    def worker(i):
        loop.call_soon_threadsafe(deliver, i)

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    # No timer is pending: only the self-pipe can end the wait.
    print(await fut)
    for t in ts:
        t.join()

asyncio.run(wake_from_threads())


# 4. A loop in a background thread; coroutines submitted from this thread.
loop = asyncio.new_event_loop()
ready = threading.Event()


def run_loop():
    asyncio.set_event_loop(loop)
    loop.call_soon(ready.set)
    loop.run_forever()


bg = threading.Thread(target=run_loop)
bg.start()
ready.wait()


async def remote(x):
    await asyncio.sleep(0.001)
    return x * x, threading.current_thread() is bg


futs = [asyncio.run_coroutine_threadsafe(remote(i), loop) for i in range(5)]
print([f.result(timeout=5) for f in futs])


async def remote_fail():
    raise KeyError("remote")

try:
    asyncio.run_coroutine_threadsafe(remote_fail(), loop).result(timeout=5)
except KeyError as e:
    print("remote raised", e)
loop.call_soon_threadsafe(loop.stop)
bg.join()
print(loop.is_running())
loop.close()


# 5. Loops of many threads calling each other through call_soon_threadsafe.
async def ping_pong(rounds):
    loops = {}
    done = threading.Event()
    counts = {"a": 0, "b": 0}

    def hit(side, left):
        counts[side] += 1
        if left == 0:
            done.set()
            return
        other = "b" if side == "a" else "a"
        loops[other].call_soon_threadsafe(hit, other, left - 1)

    def side(name):
        lp = asyncio.new_event_loop()
        loops[name] = lp
        async def wait_done():
            while not done.is_set():
                await asyncio.sleep(0.001)
        lp.run_until_complete(wait_done())
        lp.close()

    ta = threading.Thread(target=side, args=("a",))
    tb = threading.Thread(target=side, args=("b",))
    ta.start()
    tb.start()
    while len(loops) < 2:
        await asyncio.sleep(0.001)
    loops["a"].call_soon_threadsafe(hit, "a", rounds)
    await asyncio.to_thread(done.wait)
    ta.join()
    tb.join()
    return counts

print(asyncio.run(ping_pong(200)))
