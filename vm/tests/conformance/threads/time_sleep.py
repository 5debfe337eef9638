# time.sleep in threads: sleeping threads overlap, and sleep waits at least as long as asked.
import threading
import time

durations = []
lock = threading.Lock()


def nap(seconds):
    start = time.monotonic()
    time.sleep(seconds)
    with lock:
        durations.append(time.monotonic() - start >= seconds)


start = time.monotonic()
threads = [threading.Thread(target=nap, args=(0.1,)) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = time.monotonic() - start
print(durations)
# Five 0.1 s naps that ran one after another would take 0.5 s.
print("overlapped:", total < 0.45)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
