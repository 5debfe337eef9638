# queue.Queue: FIFO order, maxsize, qsize/empty/full, Empty and Full with block=False and timeouts.
import queue

q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full())
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(5)])
try:
    q.get(block=False)
except queue.Empty as e:
    print("Empty", repr(str(e)))
try:
    q.get_nowait()
except queue.Empty:
    print("Empty from get_nowait")
try:
    q.get(timeout=0.02)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

b = queue.Queue(maxsize=2)
b.put("a")
b.put_nowait("b")
print(b.qsize(), b.full())
try:
    b.put("c", block=False)
except queue.Full as e:
    print("Full", repr(str(e)))
try:
    b.put_nowait("c")
except queue.Full:
    print("Full from put_nowait")
try:
    b.put("c", timeout=0.02)
except queue.Full:
    print("Full after timeout")
try:
    b.put("c", timeout=-1)
except ValueError as e:
    print("ValueError:", e)
print(b.get(), b.get(), b.empty())

# maxsize <= 0 means unbounded.
u = queue.Queue(-3)
for i in range(100):
    u.put_nowait(i)
print(u.qsize(), u.full())
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(sorted(n for n in queue.__all__))
