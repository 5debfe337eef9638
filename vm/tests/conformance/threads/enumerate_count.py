# enumerate() and active_count() while threads are blocked, and after they finish.
import threading

start_count = threading.active_count()
print("initial:", start_count, [t.name for t in threading.enumerate()])

gate = threading.Event()
ready = threading.Barrier(5)


def hold():
    ready.wait()
    gate.wait()


threads = [threading.Thread(target=hold, name="holder-%d" % i) for i in range(4)]
for t in threads:
    t.start()
ready.wait()
print("while running:", threading.active_count() - start_count)
print(sorted(t.name for t in threading.enumerate()))
print("all listed:", all(t in threading.enumerate() for t in threads))
gate.set()
for t in threads:
    t.join()
print("after join:", threading.active_count() == start_count)
print(sorted(t.name for t in threading.enumerate()))
