# list.sort() of ints is one atomic step for other threads (CPython's GIL
# build never switches inside it; 3.13t holds the list's critical section),
# and list()/sorted()/tuple() of a set another thread mutates is a snapshot,
# never "Set changed size during iteration".
import threading

L = list(range(20000, 0, -1))
errors = []


def sorter():
    for _ in range(60):
        try:
            L.sort()
            L.sort(reverse=True)
        except ValueError as e:
            errors.append(str(e))


def appender():
    for i in range(20000):
        L.append(i)
        if len(L) > 30000:
            L.pop()


threads = [threading.Thread(target=sorter), threading.Thread(target=appender), threading.Thread(target=appender)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("sort errors:", errors[:3], len(errors))

S = set(range(1000))


def mutator():
    for i in range(60000):
        S.add(i % 5000)
        S.discard((i * 7) % 5000)


def snapshotter():
    for _ in range(1500):
        try:
            list(S)
            sorted(S)
            tuple(S)
        except RuntimeError as e:
            errors.append(str(e))


threads = [threading.Thread(target=mutator), threading.Thread(target=snapshotter)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("snapshot errors:", errors[:3], len(errors))
print("sorted ok:", sorted(L) == sorted(L, reverse=True)[::-1])
