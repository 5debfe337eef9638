import atexit
import sys
import threading
import time


class Handler:
    def __init__(self, n, exc=None):
        self.n = n
        self.exc = exc

    def __repr__(self):
        return f"Handler({self.n})"

    def __call__(self, *args, **kwargs):
        print("handler", self.n, args, kwargs)
        sys.stdout.flush()
        if self.exc is not None:
            raise self.exc


def plain():
    print("plain")


atexit.register(Handler(1), 1, x=2)
atexit.register(Handler(2, ValueError("boom")))
atexit.register(Handler(3, SystemExit(5)))
atexit.register(plain)
atexit.register(plain)
atexit.unregister(plain)
atexit.register(Handler(4, KeyError("k")))
print(atexit.register(plain) is plain)
try:
    atexit.register(3)
except TypeError as e:
    print("TypeError", e)


def worker():
    time.sleep(0.05)
    print("worker done")
    sys.stdout.flush()


threading.Thread(target=worker).start()
print("main done")
sys.stdout.flush()
