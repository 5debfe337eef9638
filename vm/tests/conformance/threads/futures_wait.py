# concurrent.futures.wait: ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, timeout; the result tuple.
from concurrent.futures import (ThreadPoolExecutor, Future, wait, ALL_COMPLETED,
                                FIRST_COMPLETED, FIRST_EXCEPTION)
import threading

gate = threading.Event()


def blocked(x):
    gate.wait(5)
    return x


def boom():
    raise OSError("disk")


with ThreadPoolExecutor(max_workers=4) as ex:
    quick = [ex.submit(abs, -i) for i in range(5)]
    res = wait(quick)
    print(type(res).__name__, len(res.done), len(res.not_done))
    done, not_done = res
    print(sorted(f.result() for f in done), not_done)

    slow = ex.submit(blocked, "slow")
    fast = ex.submit(abs, -7)
    res = wait([slow, fast], return_when=FIRST_COMPLETED)
    print("first completed:", [f.result() for f in res.done], len(res.not_done))

    res = wait([slow], timeout=0.02)
    print("timeout:", len(res.done), len(res.not_done), res.not_done == {slow})

    failing = ex.submit(boom)
    res = wait([slow, failing], return_when=FIRST_EXCEPTION)
    print("first exception:", [repr(f.exception()) for f in res.done], len(res.not_done))

    # FIRST_EXCEPTION with no exception waits for all.
    gate.set()
    res = wait([slow, fast], return_when=FIRST_EXCEPTION)
    print("no exception:", sorted(str(f.result()) for f in res.done), len(res.not_done))

    print("empty:", wait([]))
    dup = ex.submit(abs, -1)
    print("duplicates:", len(wait([dup, dup, dup]).done))
try:
    wait([Future()], return_when="SOMETIMES")
except ValueError as e:
    print("ValueError:", e)
print(ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION)
