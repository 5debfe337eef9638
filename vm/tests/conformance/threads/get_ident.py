# get_ident() and get_native_id(): ints, distinct between live threads, equal to Thread.ident.
import threading

print(type(threading.get_ident()).__name__, type(threading.get_native_id()).__name__)
n = 8
barrier = threading.Barrier(n)
idents = {}
natives = {}
lock = threading.Lock()


def record(i):
    barrier.wait()  # all alive at once, so identifiers are distinct
    with lock:
        idents[i] = threading.get_ident()
        natives[i] = threading.get_native_id()
    barrier.wait()


threads = [threading.Thread(target=record, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("distinct idents:", len(set(idents.values())) == n)
print("distinct native ids:", len(set(natives.values())) == n)
print("match Thread.ident:", all(threads[i].ident == idents[i] for i in range(n)))
print("match Thread.native_id:", all(threads[i].native_id == natives[i] for i in range(n)))
print("main differs:", threading.get_ident() not in idents.values())
