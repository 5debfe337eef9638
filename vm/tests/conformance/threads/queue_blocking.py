# Blocking put/get: a bounded queue throttles producers; a pipeline of producers and consumers.
import queue
import threading

q = queue.Queue(maxsize=3)
events = []


def slow_consumer():
    for _ in range(6):
        events.append(q.get())


for i in range(3):
    q.put(i)
c = threading.Thread(target=slow_consumer)
c.start()
for i in range(3, 6):
    q.put(i)  # blocks until the consumer makes room
c.join()
print("consumed in order:", events)

# Pipeline: 4 producers -> stage queue -> 3 squarers -> results queue.
stage = queue.Queue(maxsize=5)
results = queue.Queue()
N = 60


def produce(k):
    for i in range(N):
        stage.put(k * N + i)


def square():
    while True:
        item = stage.get()
        if item is None:
            return
        results.put(item * item)


producers = [threading.Thread(target=produce, args=(k,)) for k in range(4)]
squarers = [threading.Thread(target=square) for _ in range(3)]
for t in producers + squarers:
    t.start()
for t in producers:
    t.join()
for _ in squarers:
    stage.put(None)
for t in squarers:
    t.join()
values = []
while not results.empty():
    values.append(results.get_nowait())
print(len(values), sum(values), sum(i * i for i in range(4 * N)))

# A get() blocked on an empty queue wakes when an item arrives.
empty = queue.Queue()
got = []
w = threading.Thread(target=lambda: got.append(empty.get(timeout=5)))
w.start()
empty.put("wake")
w.join()
print(got)
