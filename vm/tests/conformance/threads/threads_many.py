# Many threads computing partial results at once; results combined deterministically (sorted, summed).
import threading

N = 16
partial = [None] * N
squares = []
lock = threading.Lock()


def compute(i):
    s = 0
    for k in range(i * 100, (i + 1) * 100):
        s += k
    partial[i] = s
    with lock:
        squares.append(i * i)


threads = [threading.Thread(target=compute, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(partial), sum(range(N * 100)))
print(sorted(squares))
print(any(t.is_alive() for t in threads))

# Threads starting threads.
found = []


def spawner(depth):
    if depth == 0:
        with lock:
            found.append(threading.current_thread().name)
        return
    kids = [threading.Thread(target=spawner, args=(depth - 1,), name="%s.%d" % (threading.current_thread().name, k))
            for k in range(2)]
    for kid in kids:
        kid.start()
    for kid in kids:
        kid.join()


root = threading.Thread(target=spawner, args=(3,), name="r")
root.start()
root.join()
print(len(found), sorted(found)[:3])
