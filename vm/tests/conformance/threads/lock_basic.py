# Lock: acquire/release/locked, non-blocking and timed acquire, context manager, errors, a shared counter.
import threading

lock = threading.Lock()
print(type(lock).__name__, lock.locked())
print("acquire:", lock.acquire(), lock.locked())
print("non-blocking while held:", lock.acquire(False))
print("blocking=False keyword:", lock.acquire(blocking=False))
print("timed while held:", lock.acquire(timeout=0.02))
lock.release()
print("released:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)

with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())

# A lock may be released by another thread than the one that acquired it.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by other thread:", lock.locked())

counter = 0


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(500,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)

# Blocking acquire waits for the holder.
order = []
lock.acquire()


def waiter():
    with lock:
        order.append("waiter got it")


w = threading.Thread(target=waiter)
w.start()
order.append("main releasing")
lock.release()
w.join()
print(order)
