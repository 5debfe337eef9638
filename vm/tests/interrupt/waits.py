# Ctrl-C while the main thread waits or sleeps: the test driver (vm/tests/interrupt.rs)
# sends SIGINT once after each "ready" line. Each wait must end with
# KeyboardInterrupt; the last one is not caught, so the process ends by
# SIGINT after printing the traceback, as CPython's does.
import queue
import threading
import time

gate = threading.Event()
worker = threading.Thread(target=gate.wait, daemon=True)
worker.start()

try:
    print("ready: join", flush=True)
    worker.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt in join", flush=True)

lock = threading.Lock()
lock.acquire()
try:
    print("ready: Lock.acquire", flush=True)
    lock.acquire()
except KeyboardInterrupt:
    print("KeyboardInterrupt in Lock.acquire; still locked:", lock.locked(), flush=True)

rlock = threading.RLock()
holder = threading.Thread(target=rlock.acquire)
holder.start()
holder.join()
try:
    print("ready: RLock.acquire", flush=True)
    rlock.acquire()
except KeyboardInterrupt:
    print("KeyboardInterrupt in RLock.acquire", flush=True)

q = queue.Queue()
try:
    print("ready: Queue.get", flush=True)
    q.get()
except KeyboardInterrupt:
    print("KeyboardInterrupt in Queue.get; empty:", q.empty(), flush=True)

try:
    print("ready: Condition.wait", flush=True)
    cond = threading.Condition()
    with cond:
        cond.wait()
except KeyboardInterrupt:
    print("KeyboardInterrupt in Condition.wait", flush=True)

start = time.monotonic()
try:
    print("ready: time.sleep", flush=True)
    time.sleep(120)
except KeyboardInterrupt:
    print("KeyboardInterrupt in time.sleep; early:", time.monotonic() - start < 60, flush=True)

print("ready: uncaught", flush=True)
gate2 = threading.Event()
gate2.wait()
print("not reached")
