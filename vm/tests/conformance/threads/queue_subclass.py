# Subclassing Queue through its storage hooks (_init/_qsize/_put/_get); the queue attribute; errors in _put.
import queue
import threading


class UniqueQueue(queue.Queue):
    """Drops items already waiting."""

    def _init(self, maxsize):
        self.items = []

    def _qsize(self):
        return len(self.items)

    def _put(self, item):
        if item not in self.items:
            self.items.append(item)

    def _get(self):
        return self.items.pop(0)


u = UniqueQueue()
for x in [1, 2, 1, 3, 2]:
    u.put(x)
print(u.qsize(), [u.get() for _ in range(3)], u.unfinished_tasks)

q = queue.Queue()
for x in "abc":
    q.put(x)
print(list(q.queue), q.qsize())
q.get()
print(list(q.queue))

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [5, 1, 4]:
    lq.put(x)
    pq.put(x)
print(list(lq.queue), pq.queue[0])

bad = queue.PriorityQueue()
bad.put({"a": 1})
try:
    bad.put({"b": 2})
except TypeError as e:
    print("TypeError:", e)
print("size after failed put:", bad.qsize())

# A subclass that counts puts under the queue's own mutex.
class Counting(queue.Queue):
    def _init(self, maxsize):
        super()._init(maxsize)
        self.puts = 0

    def _put(self, item):
        self.puts += 1
        super()._put(item)


c = Counting(maxsize=10)


def feed():
    for i in range(100):
        c.put(i)


def drain(out):
    for _ in range(200):
        out.append(c.get())


got = []
ts = [threading.Thread(target=feed), threading.Thread(target=feed), threading.Thread(target=drain, args=(got,))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(c.puts, len(got), sum(got))
