# loop.add_signal_handler / remove_signal_handler: the callback runs in the
# loop (here woken from its selector), not in the signal handler.
import asyncio
import os
import signal
import threading


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    calls = []

    def on_usr1(tag):
        calls.append(tag)
        if not got.done():
            got.set_result(asyncio.current_task())

    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "usr1")
    threading.Timer(0.02, os.kill, (os.getpid(), signal.SIGUSR1)).start()
    print("current task in callback:", await got)
    print(calls)
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
    try:
        loop.add_signal_handler(signal.SIGUSR1, main)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.add_signal_handler(0, print)
    except ValueError as e:
        print("ValueError:", e)

    def in_thread(out):
        lp = asyncio.new_event_loop()
        try:
            lp.add_signal_handler(signal.SIGUSR2, print)
        except RuntimeError as e:
            out.append("RuntimeError")
        lp.close()

    out = []
    t = threading.Thread(target=in_thread, args=(out,))
    t.start()
    t.join()
    print(out)

asyncio.run(main())
