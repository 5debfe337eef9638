# Semaphore and BoundedSemaphore: counting, non-blocking/timed acquire, limits, errors.
import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.02))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# At most 3 threads inside at once.
limit = threading.Semaphore(3)
guard = threading.Lock()
inside = 0
peak = 0
done = 0


def worker():
    global inside, peak, done
    with limit:
        with guard:
            inside += 1
            peak = max(peak, inside)
        for _ in range(2000):
            pass
        with guard:
            inside -= 1
            done += 1


threads = [threading.Thread(target=worker) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak <= 3:", peak <= 3, "done:", done, "inside:", inside)

# A semaphore at zero blocks until released by another thread.
zero = threading.Semaphore(0)
got = []
t = threading.Thread(target=lambda: got.append(zero.acquire(timeout=5)))
t.start()
zero.release()
t.join()
print("released from main:", got)
