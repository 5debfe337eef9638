"""Independent pure-Python compute split across T threads.

The total work is fixed: UNITS units, each a Collatz-length sum over a
small range plus a little float work, all on thread-private objects. Thread
t takes every T-th unit starting at t: Collatz lengths grow with n, so
contiguous slices would give the last thread about 12% more work at T=2
and cap the ideal speed-up at 1.89x. Nothing is shared except the
results list, where each thread writes only its own slot once at the end.
Ideal free-threaded scaling: time falls as 1/T up to the core count.
Usage: compute.py [T] [UNITS]   (defaults: 1 thread, 1800 units)
Checksum: the same for every T.
"""

import sys
import threading


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def unit(u):
    base = 1 + u * 50
    total = 0
    for n in range(base, base + 50):
        total += collatz_len(n)
    x = 0.5
    for _ in range(200):
        x = 3.7 * x * (1.0 - x)
    return total + int(x * 1000)


def worker(start, stop, step, results, slot):
    acc = 0
    for u in range(start, stop, step):
        acc += unit(u)
    results[slot] = acc


def main(nthreads, units):
    results = [0] * nthreads
    threads = []
    for t in range(nthreads):
        threads.append(threading.Thread(target=worker, args=(t, units, nthreads, results, t)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("compute", units, sum(results))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
         int(sys.argv[2]) if len(sys.argv) > 2 else 1800)
