# Barrier: indices, the action, parties/n_waiting/broken, abort, reset, timeout.
import threading

actions = []
b = threading.Barrier(4, action=lambda: actions.append("action"))
print(b.parties, b.n_waiting, b.broken)
indices = []
lock = threading.Lock()


def party():
    i = b.wait()
    with lock:
        indices.append(i)


threads = [threading.Thread(target=party) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), actions)

# The barrier can be used again.
indices.clear()
threads = [threading.Thread(target=party) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), actions)

# A timeout breaks the barrier for everyone waiting.
small = threading.Barrier(2, timeout=0.05)
try:
    small.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError, broken:", small.broken)
try:
    small.wait()
except threading.BrokenBarrierError:
    print("still broken")
small.reset()
print("after reset:", small.broken)

# abort() wakes a waiter with BrokenBarrierError.
ab = threading.Barrier(3)
outcome = []


def waiter():
    try:
        ab.wait()
        outcome.append("passed")
    except threading.BrokenBarrierError:
        outcome.append("broken")


w = threading.Thread(target=waiter)
w.start()
while ab.n_waiting != 1:
    pass
ab.abort()
w.join()
print(outcome, ab.broken)
print("parties as given:", threading.Barrier(0).parties)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
