# threading.local: per-thread attributes, subclasses with __init__ run once per thread.
import threading

data = threading.local()
data.x = "main"
seen = {}
lock = threading.Lock()


def body(i):
    has = hasattr(data, "x")
    data.x = i
    data.y = i * i
    with lock:
        seen[i] = (has, data.x, data.y)


threads = [threading.Thread(target=body, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()))
print("main still:", data.x, hasattr(data, "y"))
del data.x
print("deleted:", hasattr(data, "x"))
try:
    del data.x
except AttributeError:
    print("AttributeError on second delete")


class Counter(threading.local):
    inits = 0

    def __init__(self, start):
        self.value = start
        with lock:
            Counter.inits += 1

    def bump(self):
        self.value += 1
        return self.value


c = Counter(10)
c.bump()
got = []


def use():
    got.append(c.bump())


ts = [threading.Thread(target=use) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("per-thread bumps:", got, "main:", c.value, "inits:", Counter.inits)
print(isinstance(c, threading.local))
