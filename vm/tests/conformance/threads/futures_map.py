# Executor.map: results in input order, several iterables, re-raising, timeout, chunksize accepted.
from concurrent.futures import ThreadPoolExecutor
import threading
import time


def slow_identity(x):
    # Later items finish first, yet map yields in input order.
    time.sleep(0.005 * (5 - x))
    return x


with ThreadPoolExecutor(max_workers=5) as ex:
    print(list(ex.map(slow_identity, range(5))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1, 99])))
    print(list(ex.map(str.upper, ["a", "b"], chunksize=4)))
    print(list(ex.map(abs, [])))

    def maybe_fail(x):
        if x == 2:
            raise ValueError("two")
        return x

    it = ex.map(maybe_fail, range(4))
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print("got", got, "then ValueError", e)

    gate = threading.Event()
    it = ex.map(lambda x: gate.wait(5) and x, [1], timeout=0.02)
    try:
        next(it)
    except TimeoutError:
        print("TimeoutError from map")
    gate.set()
print("map returns an iterator:", iter(it) is it)
