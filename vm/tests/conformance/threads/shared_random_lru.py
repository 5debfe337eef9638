# Threads sharing a seeded random generator and an lru_cache, whose CPython
# implementations are C (atomic under the GIL, critical sections in the
# free-threaded build). Every result is exact.
import functools
import random
import threading

THREADS = 8
DRAWS = 3000


def run(worker):
    ts = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


# One seeded generator shared by every thread: together they draw exactly
# the sequence one thread would, in some interleaving.
shared = random.Random(2024)
drawn = [[] for _ in range(THREADS)]
run(lambda k: drawn[k].extend(shared.random() for _ in range(DRAWS)))
alone = random.Random(2024)
print("random:", sorted(x for d in drawn for x in d) == sorted(alone.random() for _ in range(THREADS * DRAWS)))

random.seed(7)
bits = [[] for _ in range(THREADS)]
run(lambda k: bits[k].extend(random.getrandbits(40) for _ in range(DRAWS)))
random.seed(7)
print("getrandbits:", sorted(x for b in bits for x in b) == sorted(random.getrandbits(40) for _ in range(THREADS * DRAWS)))


@functools.lru_cache(maxsize=32)
def square(n):
    return n * n


def cached(k):
    for i in range(4000):
        assert square((i * (k + 1)) % 50) == ((i * (k + 1)) % 50) ** 2


run(cached)
info = square.cache_info()
print("lru_cache:", info.hits + info.misses == THREADS * 4000, info.currsize <= 32)

