# When join() returns, the thread's interpreter state is gone: what it
# kept in threading.local() objects was released on that thread (its
# finalizers ran), and its frames no longer hold anything, as in CPython
# (join waits for the thread state's lock, released when it is cleared).
import threading
import weakref

loc = threading.local()
events = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append(("del", self.name, threading.current_thread().name))


class K:
    pass


def work(box, n):
    loc.x = D("local-%d" % n)
    k = K()
    box.append(weakref.ref(k))


refs = []
for n in range(10):
    box = []
    t = threading.Thread(target=work, args=(box, n), name="worker-%d" % n)
    t.start()
    t.join()
    refs.extend(box)
    print(events[-1] if events else None)
print("frames released:", all(r() is None for r in refs))
print("main's own stays:", hasattr(loc, "x"))

# A thread that makes many locals of its own: each dict goes with its local.
def churn():
    for i in range(200):
        l = threading.local()
        l.v = D("churn")
    events.append(("end",))


events.clear()
t = threading.Thread(target=churn)
t.start()
t.join(timeout=30)
print(len([e for e in events if e[0] == "del"]), events[-1][0], t.is_alive())
