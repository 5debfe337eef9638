# Threads adding, moving, popping and iterating one OrderedDict (a C type
# in CPython, each method one atomic step): the links stay consistent and
# every thread's own keys end as that thread left them.
import collections
import threading

THREADS = 8
od = collections.OrderedDict()
errors = []


def worker(k):
    try:
        for i in range(3000):
            od[(k, i % 20)] = i
            od.move_to_end((k, i % 20), last=(i % 2 == 0))
            if i % 3 == 0:
                od.pop((k, (i + 7) % 20), None)
            # Keys every thread touches: another thread may remove one
            # between two calls (KeyError is then the right answer).
            shared = (i * 7 + k) % 30
            od[shared] = k
            try:
                od.move_to_end(shared, last=(k % 2 == 0))
            except KeyError:
                pass
            if i % 4 == k % 4:
                od.pop((shared + 3) % 30, None)
            if i % 500 == 0:
                try:
                    for key in od:
                        pass
                except RuntimeError:
                    pass  # mutated during iteration: allowed, as in CPython
    except Exception as e:
        errors.append(repr(e))


ts = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("errors:", errors)
print("links consistent:", list(od) == list(od.keys()) == list(reversed(list(reversed(od)))))
print("same keys as the dict:", sorted(od, key=repr) == sorted(dict(od), key=repr))
mine = {k: sorted(key[1] for key in od if isinstance(key, tuple) and key[0] == k) for k in range(THREADS)}
print("every thread's keys:", all(v == mine[0] for v in mine.values()), mine[0])
