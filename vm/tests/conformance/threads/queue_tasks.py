# Queue.task_done/join with worker threads; too many task_done calls raise ValueError.
import queue
import threading

q = queue.Queue()
done = []
lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            done.append(item * item)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(40):
    q.put(i)
q.join()
print("after join:", len(done), sum(done), q.unfinished_tasks)
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
q.join()
print("unfinished:", q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# join() on a queue that never got anything returns at once.
queue.Queue().join()
# get() alone does not finish a task.
p = queue.Queue()
p.put(1)
p.get()
print("unfinished after get:", p.unfinished_tasks)
p.task_done()
p.join()
print("joined")
