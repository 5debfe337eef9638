# ThreadPoolExecutor internals visible to users: thread names, worker reuse, max_workers, initializer.
from concurrent.futures import ThreadPoolExecutor
import threading

names = set()
lock = threading.Lock()


def who(_):
    with lock:
        names.add(threading.current_thread().name)
    return threading.current_thread().name


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="mypool") as ex:
    for f in [ex.submit(who, i) for i in range(20)]:
        f.result()
print(sorted(names) in (["mypool_0"], ["mypool_0", "mypool_1"]))
print(all(n.startswith("mypool_") for n in names))

setup = threading.local()
inits = []


def init(tag):
    setup.tag = tag
    with lock:
        inits.append(tag)


with ThreadPoolExecutor(max_workers=3, initializer=init, initargs=("ready",)) as ex:
    tags = [ex.submit(lambda: setup.tag).result() for _ in range(3)]
print(tags, set(inits))
print(ThreadPoolExecutor()._max_workers >= 5)
