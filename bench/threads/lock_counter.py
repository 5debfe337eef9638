"""A shared dict and a shared counter updated under one threading.Lock.

Each of OPS operations does a little private work, then takes the lock to
bump a global counter and a per-key count in a shared dict. Contention is
heavy by design: this measures lock acquire/release cost and hand-off
between threads, not parallel speed-up. Total operations are fixed and
split across T threads.
Usage: lock_counter.py [T] [OPS]   (defaults: 1 thread, 500000 operations)
Checksum: counter, dict size and weighted dict contents; the same for every T.
"""

import sys
import threading

lock = threading.Lock()
counter = 0
shared = {}


def private_work(i):
    x = i
    for _ in range(8):
        x = (x * 1103515245 + 12345) & 0xFFFF
    return x


def worker(start, stop):
    global counter
    for i in range(start, stop):
        key = private_work(i) % 257
        with lock:
            counter += 1
            shared[key] = shared.get(key, 0) + 1
        if i % 64 == 0:
            # A second acquire style: explicit acquire/release.
            lock.acquire()
            try:
                shared["explicit"] = shared.get("explicit", 0) + 1
            finally:
                lock.release()


def main(nthreads, ops):
    threads = []
    for t in range(nthreads):
        start = ops * t // nthreads
        stop = ops * (t + 1) // nthreads
        threads.append(threading.Thread(target=worker, args=(start, stop)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    weighted = sum(k * v for k, v in shared.items() if k != "explicit")
    print("lock_counter", counter, len(shared), weighted, shared.get("explicit"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
         int(sys.argv[2]) if len(sys.argv) > 2 else 500000)
