"""All threads read one shared list and one shared dict and call one shared
global function.

This is the case that bounces reference counts between cores: every thread
touches the same list, dict, str keys, function object, its code object and
the module globals. The data is only read. Total work is fixed at ITEMS
lookups, split into contiguous slices across T threads.
Usage: shared_read.py [T] [ITEMS]   (defaults: 1 thread, 2000000 items)
Checksum: the same for every T.
"""

import sys
import threading

SIZE = 4096
DATA = [(i * 2654435761) % 100003 for i in range(SIZE)]
KEYS = ["key%d" % i for i in range(SIZE)]
TABLE = {k: i * 3 for i, k in enumerate(KEYS)}


def score(value, weight):
    # The shared global function every thread calls.
    return (value * weight + 7) % 1009


def worker(start, stop, results, slot):
    acc = 0
    for i in range(start, stop):
        j = i % SIZE
        v = DATA[j]
        w = TABLE[KEYS[(j * 17) % SIZE]]
        acc += score(v, w & 15)
        if TABLE.get(KEYS[j]) is None:
            acc += 1000000
    results[slot] = acc


def main(nthreads, items):
    results = [0] * nthreads
    threads = []
    for t in range(nthreads):
        start = items * t // nthreads
        stop = items * (t + 1) // nthreads
        threads.append(threading.Thread(target=worker, args=(start, stop, results, t)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("shared_read", items, sum(results))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
         int(sys.argv[2]) if len(sys.argv) > 2 else 2000000)
