# RLock: re-entry by the owner, release by a non-owner, nesting through with, blocking other threads.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release()
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

results = []


def try_from_other():
    results.append(("other non-blocking", r.acquire(False)))
    try:
        r.release()
    except RuntimeError as e:
        results.append(("other release", str(e)))


with r:
    with r:
        t = threading.Thread(target=try_from_other)
        t.start()
        t.join()
print(results)

# Once fully released another thread can take it.
got = []
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=1) and (r.release() or True)))
t.start()
t.join()
print("other thread acquired:", got)


def recursive(n):
    with r:
        if n == 0:
            return 0
        return n + recursive(n - 1)


print("recursive sum:", recursive(20))

total = [0]


def work():
    for _ in range(300):
        with r:
            with r:
                total[0] += 1


threads = [threading.Thread(target=work) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", total[0])
