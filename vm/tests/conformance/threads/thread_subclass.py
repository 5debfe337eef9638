# Subclassing Thread: overriding run(), extra state, super().__init__ arguments.
import threading


class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__(name="summer-%d" % len(numbers))
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)


workers = [Summer(list(range(n))) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.total)


class Greeter(threading.Thread):
    def run(self):
        # The base run() calls the target; an override may still use it.
        print("greeter running, target given:", self._target is not None)
        super().run()


g = Greeter(target=print, args=("hello from target",))
g.start()
g.join()


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError:", e)
