# Cancelling queued work: Future.cancel on pending items, shutdown(cancel_futures=True), running items.
from concurrent.futures import ThreadPoolExecutor, CancelledError
import threading

gate = threading.Event()
started = threading.Event()


def hold():
    started.set()
    gate.wait(5)
    return "held"


ex = ThreadPoolExecutor(max_workers=1)
running = ex.submit(hold)
started.wait(5)
queued = [ex.submit(abs, -i) for i in range(4)]
print("running:", running.running(), "cancel running:", running.cancel())
print("cancel queued:", queued[0].cancel(), queued[0].cancelled(), queued[0].done())
gate.set()
print(running.result())
print([f.result() for f in queued[1:]])
try:
    queued[0].result()
except CancelledError:
    print("CancelledError for the cancelled one")
ex.shutdown()

gate2 = threading.Event()
started2 = threading.Event()
ex2 = ThreadPoolExecutor(max_workers=1)
first = ex2.submit(lambda: (started2.set(), gate2.wait(5))[1])
started2.wait(5)
rest = [ex2.submit(abs, i) for i in range(5)]
ex2.shutdown(wait=False, cancel_futures=True)
gate2.set()
print("first:", first.result())
ex2.shutdown(wait=True)
print("cancelled by shutdown:", [f.cancelled() for f in rest])
