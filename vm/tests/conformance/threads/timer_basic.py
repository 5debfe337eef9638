# Timer: runs its function once after the interval; cancel() before it fires prevents the call.
import threading
import time

calls = []
t = threading.Timer(0.02, calls.append, args=["fired"])
start = time.monotonic()
t.start()
t.join()
print(calls, time.monotonic() - start >= 0.02)

c = threading.Timer(10, calls.append, args=["never"])
c.start()
c.cancel()
c.join()
print(calls, c.is_alive())

kw = threading.Timer(0, lambda **k: calls.append(sorted(k.items())), kwargs={"a": 1, "b": 2})
kw.start()
kw.join()
print(calls)
print(isinstance(t, threading.Thread), t.interval, t.finished.is_set())
