# add_reader/add_writer/remove_* on pipes, a reader fed by another thread,
# get_event_loop/set_event_loop per thread, loop state errors.
import asyncio
import os
import threading


async def pipe_roundtrip():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    os.set_blocking(r, False)
    got = []
    done = loop.create_future()

    def on_readable():
        data = os.read(r, 100)
        got.append(data)
        if data.endswith(b"!"):
            loop.remove_reader(r)
            done.set_result(b"".join(got))

    loop.add_reader(r, on_readable)
    writes = iter([b"hello ", b"from ", b"writer!"])

    def on_writable():
        try:
            os.write(w, next(writes))
        except StopIteration:
            print("remove_writer:", loop.remove_writer(w))

    loop.add_writer(w, on_writable)
    print(await done)
    print("remove_reader again:", loop.remove_reader(r))
    await asyncio.sleep(0.01)

    # A reader woken by another thread's write.
    fut = loop.create_future()
    loop.add_reader(r, lambda: fut.set_result(os.read(r, 100)) if not fut.done() else None)
    t = threading.Thread(target=lambda: os.write(w, b"threaded"))
    t.start()
    print(await fut)
    loop.remove_reader(r)
    t.join()
    os.close(r)
    os.close(w)

asyncio.run(pipe_roundtrip())


def in_thread(out):
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        out.append(str(e).startswith("There is no current event loop in thread"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    out.append(asyncio.get_event_loop() is loop)
    out.append(loop.run_until_complete(asyncio.sleep(0, "in thread")))
    asyncio.set_event_loop(None)
    loop.close()


out = []
t = threading.Thread(target=in_thread, args=(out,))
t.start()
t.join()
print(out)

loop = asyncio.new_event_loop()


async def reenter():
    c = asyncio.sleep(0)
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    other = asyncio.new_event_loop()
    try:
        other.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    other.close()
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)

loop.run_until_complete(reenter())
loop.stop()
loop.run_forever()
print("stopped before start ran one iteration")
loop.close()
loop.close()
c = asyncio.sleep(0)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
