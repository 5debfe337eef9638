# Daemon threads still running when the main program ends never see the
# runtime being torn down: CPython freezes them before it clears __main__'s
# globals, so no daemon thread fails on a global that became None.
import sys
import threading
import time

LIMIT = 1000
started = threading.Semaphore(0)

table = {"key": 1}


def spin():
    started.release()
    n = 0
    while True:
        # Globals and a module attribute, on every iteration.
        n = (n + LIMIT) % 7919
        if sys.getrecursionlimit() < 0 or table["key"] != 1:
            print("unreachable")


for _ in range(4):
    threading.Thread(target=spin, daemon=True).start()
for _ in range(4):
    started.acquire()
time.sleep(0.05)
print("main done")
