"""concurrent.futures.ThreadPoolExecutor.map over a fixed list of tasks.

TASKS tasks, each a small sieve-and-sum computation, are mapped over a pool
of T worker threads. map() returns results in submission order, so the
checksum folds them in order. Measures: the executor's work queue and
futures, plus parallel pure-Python work.
Usage: executor_map.py [T] [TASKS]   (defaults: 1 worker, 1600 tasks)
Checksum: the same for every T.
"""

import sys
from concurrent.futures import ThreadPoolExecutor


def task(k):
    # Sieve primes below a limit that varies per task, then fold them.
    limit = 2000 + (k * 37) % 1500
    sieve = [True] * limit
    sieve[0] = sieve[1] = False
    for p in range(2, int(limit ** 0.5) + 1):
        if sieve[p]:
            for m in range(p * p, limit, p):
                sieve[m] = False
    acc = 0
    for n, is_prime in enumerate(sieve):
        if is_prime:
            acc = (acc * 33 + n) % 1000003
    return acc


def main(workers, tasks):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(task, range(tasks)))
    fold = 0
    for r in results:
        fold = (fold * 131 + r) % 1000000007
    print("executor_map", len(results), sum(results), fold)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
         int(sys.argv[2]) if len(sys.argv) > 2 else 1600)
