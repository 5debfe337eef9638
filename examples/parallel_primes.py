"""Count primes below a limit with several threads.

Run it with and without the GIL to see free threading at work:

    skein examples/parallel_primes.py 4
    skein --gil examples/parallel_primes.py 4
"""
import sys
import threading
import time


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    f = 3
    while f * f <= n:
        if n % f == 0:
            return False
        f += 2
    return True


def count_range(lo, hi, results, index):
    results[index] = sum(1 for n in range(lo, hi) if is_prime(n))


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
    step = limit // threads
    results = [0] * threads
    start = time.perf_counter()
    workers = []
    for i in range(threads):
        lo = i * step
        hi = limit if i == threads - 1 else lo + step
        t = threading.Thread(target=count_range, args=(lo, hi, results, i))
        workers.append(t)
        t.start()
    for t in workers:
        t.join()
    elapsed = time.perf_counter() - start
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    gil = "on" if gil_enabled else "off"
    print(f"{sum(results)} primes below {limit:,} with {threads} threads "
          f"(GIL {gil}) in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
