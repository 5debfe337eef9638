# queue.SimpleQueue: put/get, qsize/empty, get with block=False and timeout, handoff between threads.
import queue
import threading

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(3):
    sq.put(i)
sq.put_nowait(3)
print(sq.empty(), sq.qsize())
print([sq.get() for _ in range(4)])
try:
    sq.get(block=False)
except queue.Empty:
    print("Empty (non-blocking)")
try:
    sq.get_nowait()
except queue.Empty:
    print("Empty (get_nowait)")
try:
    sq.get(timeout=0.02)
except queue.Empty:
    print("Empty (timeout)")
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# put never blocks; block and timeout are accepted and ignored.
sq.put("x", block=False, timeout=1)
print(sq.get())

out = queue.SimpleQueue()


def producer(base):
    for i in range(50):
        out.put(base + i)


threads = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(4)]
for t in threads:
    t.start()
got = [out.get(timeout=5) for _ in range(200)]
for t in threads:
    t.join()
print(len(got), sum(got), out.empty())
