# LifoQueue and PriorityQueue ordering, including tuples with priorities and a bounded LifoQueue.
import queue

lq = queue.LifoQueue()
for x in "abcde":
    lq.put(x)
print("".join(lq.get() for _ in range(5)))

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (5, "e"), (2, "b"), (4, "d"), (1, "A")]:
    pq.put(item)
print([pq.get() for _ in range(6)])

nums = queue.PriorityQueue()
for n in [9, 4, 7, 1, 8, 2]:
    nums.put_nowait(n)
print(nums.qsize(), [nums.get_nowait() for _ in range(6)], nums.empty())

bounded = queue.LifoQueue(maxsize=1)
bounded.put(1)
try:
    bounded.put(2, block=False)
except queue.Full:
    print("LifoQueue Full")
print(bounded.get())
try:
    queue.PriorityQueue().get(timeout=0.01)
except queue.Empty:
    print("PriorityQueue Empty")
print(issubclass(queue.LifoQueue, queue.Queue), issubclass(queue.PriorityQueue, queue.Queue))
