# Event: set/clear/is_set, wait with and without timeout, waking many waiters.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0.01), e.wait(timeout=0))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())

go = threading.Event()
results = []
lock = threading.Lock()


def waiter(i):
    ok = go.wait(5)
    with lock:
        results.append((i, ok))


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()
print(sorted(results))

# Ping-pong between two threads with two events.
ping, pong = threading.Event(), threading.Event()
log = []


def ponger():
    for i in range(3):
        ping.wait()
        ping.clear()
        log.append("pong %d" % i)
        pong.set()


t = threading.Thread(target=ponger)
t.start()
for i in range(3):
    log.append("ping %d" % i)
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print(log)
