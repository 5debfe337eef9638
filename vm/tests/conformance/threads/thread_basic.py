# Thread with target, args and kwargs: start, join, is_alive, ident and native_id.
import threading

results = []


def work(a, b, *, scale=1):
    results.append((a + b) * scale)


t = threading.Thread(target=work, args=(2, 3), kwargs={"scale": 10})
print("before start:", t.is_alive(), t.ident, t.native_id)
t.start()
t.join()
print("after join:", t.is_alive())
print("ident:", type(t.ident).__name__, t.ident != threading.get_ident())
print("native_id:", type(t.native_id).__name__)
print("results:", results)

# join() on a finished thread returns at once, any number of times.
t.join()
t.join(0)
print("joined again:", t.is_alive())

# A thread without a target does nothing.
empty = threading.Thread()
empty.start()
empty.join()
print("empty thread finished:", not empty.is_alive())

# args may be any iterable, kwargs None.
t2 = threading.Thread(target=work, args=[1, 1], kwargs=None)
t2.start()
t2.join()
print("results:", results)
