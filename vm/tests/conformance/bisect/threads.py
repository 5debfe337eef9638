# bisect on one list shared by 8 threads, with no lock in Python.
#
# insort's final insert is one atomic list.insert (clamped to the length at
# that moment), so every inserted item is in the list exactly once. (The
# search and the insert are separate steps, so under free threading the
# list may end up out of order; that is not checked.) A list shrinking
# under a search gives IndexError "list index out of range" or a result,
# never a crash.
import bisect
import threading

THREADS = 8
N = 800
shared = []
start = threading.Barrier(THREADS)
errors = []


def inserter(t):
    start.wait()
    try:
        for i in range(N):
            v = i * THREADS + t
            if i % 2:
                bisect.insort(shared, v)
            else:
                bisect.insort_left(shared, v, key=lambda x: x)
            bisect.bisect(shared, v)
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=inserter, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("errors", errors)
print("every item once", sorted(shared) == list(range(N * THREADS)), len(shared))

# One thread shrinks and regrows the list while others search and insert.
victim = list(range(2000))
stop = threading.Event()
kinds = set()
results_ok = [True]
start2 = threading.Barrier(4)


def shrinker():
    start2.wait()
    for _ in range(300):
        del victim[len(victim) // 2:]
        victim.extend(range(len(victim), 2000))
    stop.set()


def searcher(t):
    start2.wait()
    done = 0
    while not stop.is_set() or done < 200:
        done += 1
        try:
            i = bisect.bisect_left(victim, 1500 + t, 0, 2000)
            if not 0 <= i <= 2000:
                results_ok[0] = False
            bisect.insort(victim, 1999, 0, 2000)
        except IndexError as e:
            kinds.add(str(e))


threads = [threading.Thread(target=shrinker)] + [threading.Thread(target=searcher, args=(t,)) for t in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("results in range", results_ok[0])
print("error kinds ok", kinds <= {"list index out of range"})
print("list intact", all(isinstance(x, int) for x in victim))
